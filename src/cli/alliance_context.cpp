// GCC 12 at -O2 reports a false "potential null pointer dereference" inside
// std::string when it inlines CLI11's CLI::detail::split into this file.
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include "cli/alliance_context.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/progress.hpp"
#include "model/catalogue_store.hpp"
#include "model/territory_io.hpp"
#include "sources/scopes.hpp"

namespace cartes::cli {

void CatalogueOptions::add_to(CLI::App& app, bool catalogue_option) {
  if (catalogue_option)
    app.add_option("--catalogue", catalogue, "Alliance catalogue (default: geodata/alliances/loire-bretagne.toml)");
  app.add_option("--base", base, "Territory base GeoPackage (default: <build>/geodata/<scope>.gpkg)");
  app.add_option("--scope", scope, "Territory base scope when --base is not given: loire-bretagne or france");
}

std::filesystem::path CatalogueOptions::catalogue_path() const {
  return catalogue.empty() ? paths::default_catalogue() : std::filesystem::path(catalogue);
}

std::filesystem::path CatalogueOptions::base_path() const {
  sources::require_known_scope(scope);
  return base.empty() ? paths::default_base(scope) : std::filesystem::path(base);
}

model::Catalogue load_catalogue(const CatalogueOptions& options, const model::Vocabulary& vocabulary) {
  return model::open_catalogue_store(options.catalogue_path().string())->load(vocabulary).catalogue;
}

model::TerritoryBase load_base(const std::filesystem::path& path, Progress* progress) {
  model::TerritoryBase base = model::load_territory_base(path, progress);
  for (const std::string& note : base.notes) std::fprintf(stderr, "note: %s\n", note.c_str());
  return base;
}

AllianceData load_alliance_data(const CatalogueOptions& options, bool with_perimeters) {
  AllianceData d;
  d.vocabulary = model::Vocabulary::load_default();
  d.catalogue = load_catalogue(options, d.vocabulary);
  StreamProgress progress(stderr);
  d.base = load_base(options.base_path(), &progress);
  model::validate_against_base(d.catalogue, d.base);
  if (with_perimeters) d.perimeters = model::compute_perimeters(d.base, d.catalogue.alliances, &progress);
  return d;
}

OutputFormat parse_format(const std::string& text) {
  if (text == "table") return OutputFormat::table;
  if (text == "csv") return OutputFormat::csv;
  if (text == "json") return OutputFormat::json;
  throw UsageError("unknown format '" + text + "' (allowed: table, csv, json)");
}

namespace {
// Display width of UTF-8 text: one column per code point (French text has no wide characters).
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

void TextTable::print(std::FILE* out, OutputFormat format) const {
  if (format == OutputFormat::csv) {
    auto line = [out](const std::vector<std::string>& cells) {
      std::string s;
      for (std::size_t i = 0; i < cells.size(); ++i) s += (i ? "," : "") + csv_field(cells[i]);
      std::fprintf(out, "%s\r\n", s.c_str());
    };
    line(header);
    for (const auto& r : rows) line(r);
    return;
  }
  std::vector<std::size_t> w(header.size(), 0);
  for (std::size_t i = 0; i < header.size(); ++i) w[i] = width(header[i]);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], width(r[i]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t i = 0; i < cells.size() && i < w.size(); ++i) {
      const std::string pad(w[i] - width(cells[i]), ' ');
      const bool is_right = i < right.size() && right[i];
      const bool last = i + 1 == cells.size();
      s += (i ? "  " : "") + (is_right ? pad + cells[i] : cells[i] + (last ? "" : pad));
    }
    std::fprintf(out, "%s\n", s.c_str());
  };
  line(header);
  std::vector<std::string> rule;
  for (std::size_t x : w) rule.emplace_back(x, '-');
  line(rule);
  for (const auto& r : rows) line(r);
}

std::string format_fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace cartes::cli
