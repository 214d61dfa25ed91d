// `cartes rings`: concentric perimeters around a core (contiguity rings,
// distance bands, INSEE catchments, alliances) compared side by side.
//
//   cartes rings --core 244400404 --level epci --rings 3 --bands 10,20 --zonings aav,ze,bv
//                [--queen] [--by centroid|any] [--compare ID,...] [--theme mobilite]
//                [--format table|csv|json] [--out FILE.gpkg] [--base FILE] [--catalogue FILE]
//
// Exit codes (README): 2 for a bad command line (rings < 1, a negative band,
// an unknown zoning), 3 for a missing base or catalogue, 4 for an unknown core
// code or alliance id, or a core outside the loaded scope, 5 when --out
// cannot be written.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "analysis/adjacency.hpp"
#include "analysis/flows.hpp"
#include "core/atomic_file.hpp"
#include "analysis/rings.hpp"
#include "analysis/rings_export.hpp"
#include "cli/alliance_context.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "sources/layout.hpp"
#include "sources/rekeying.hpp"
#include "core/progress.hpp"
#include "model/territory_io.hpp"

namespace cartes::cli {
namespace {

using namespace analysis;

double round_to(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

std::string percent(const std::optional<double>& v) { return v ? format_fixed(100.0 * *v, 1) + " %" : "–"; }

nlohmann::ordered_json figures_json(const PerimeterRow& r) {
  nlohmann::ordered_json j;
  j["population_municipale"] = r.figures.population_municipale;
  j["area_km2"] = round_to(r.figures.area_km2, 3);
  j["communes"] = r.figures.communes;
  j["epci"] = r.figures.epci;
  j["theme_coverage"] = r.theme_coverage ? nlohmann::ordered_json(round_to(*r.theme_coverage, 4)) : nullptr;
  j["aav_capture"] = r.aav_capture ? nlohmann::ordered_json(round_to(*r.aav_capture, 4)) : nullptr;
  if (r.commuter_share) j["commuter_share"] = round_to(*r.commuter_share, 4);
  return j;
}

nlohmann::ordered_json to_json(const RingsResult& r, const model::TerritoryBase& base, const RingsRequest& req) {
  nlohmann::ordered_json j;
  j["core"] = r.core;
  auto names = nlohmann::ordered_json::array();
  for (const auto& c : r.core) names.push_back(base.find(r.level, c)->name);
  j["core_names"] = names;
  j["level"] = model::level_name(r.level);
  j["contiguity"] = r.adjacency == geo::Adjacency::rook ? "rook" : "queen";
  j["theme"] = r.theme;
  j["aav"] = r.aav_code.empty() ? nlohmann::ordered_json(nullptr)
                                : nlohmann::ordered_json{{"code", r.aav_code}, {"name", r.aav_name}};
  auto rings = nlohmann::ordered_json::array(), bands = nlohmann::ordered_json::array(),
       zonings = nlohmann::ordered_json::array(), alliances = nlohmann::ordered_json::array();
  for (const auto& row : r.rows) {
    switch (row.family) {
      case Family::core: j["core_perimeter"] = figures_json(row); break;
      case Family::ring: {
        nlohmann::ordered_json x{{"k", row.k}, {"members", row.members}};
        x.update(figures_json(row));
        rings.push_back(std::move(x));
        break;
      }
      case Family::cumulative:
        for (auto& x : rings)
          if (x["k"] == row.k) x["cumulative"] = figures_json(row);
        break;
      case Family::band: {
        nlohmann::ordered_json x{{"distance_km", row.distance_km}, {"by", to_string(req.band_mode)},
                                 {"members", row.members}};
        x.update(figures_json(row));
        bands.push_back(std::move(x));
        break;
      }
      case Family::zoning: {
        nlohmann::ordered_json x{{"id", row.id}, {"name", row.name}, {"code", row.zoning_code}};
        x.update(figures_json(row));
        zonings.push_back(std::move(x));
        break;
      }
      case Family::alliance: {
        nlohmann::ordered_json x{{"id", row.id.substr(std::string("alliance-").size())}, {"name", row.name}};
        x.update(figures_json(row));
        alliances.push_back(std::move(x));
        break;
      }
    }
  }
  j["rings"] = rings;
  j["bands"] = bands;
  j["zonings"] = zonings;
  j["alliances"] = alliances;
  auto overlaps = nlohmann::ordered_json::array();
  for (const auto& o : r.overlaps)
    overlaps.push_back({{"a", r.rows[o.a].name},
                        {"b", r.rows[o.b].name},
                        {"a_id", r.rows[o.a].id},
                        {"b_id", r.rows[o.b].id},
                        {"iou_population", round_to(o.iou_population, 4)},
                        {"iou_area", round_to(o.iou_area, 4)}});
  j["overlaps"] = overlaps;
  if (r.commuters) {
    const auto& c = *r.commuters;
    j["commuters"] = {{"source", c.vintage},
                      {"to_core", c.to_core},
                      {"from_core", c.from_core},
                      {"beyond_rings", c.beyond_rings},
                      {"unmatched_codes", c.unmatched}};
  }
  j["islands"] = r.islands;
  j["notes"] = r.notes;
  return j;
}

void print_tables(const RingsResult& r, const model::TerritoryBase& base, OutputFormat format) {
  TextTable t;
  const bool commuters = r.commuters && r.commuters->to_core > 0;
  t.header = {"id", "perimeter", "members", "communes", "EPCI", "population", "area_km2",
              "cover_" + r.theme, "aav_share"};
  if (commuters) t.header.push_back("commuters");
  t.right = {false, false, true, true, true, true, true, true, true, true};
  for (const auto& row : r.rows) {
    std::vector<std::string> cells{row.id,
                                   row.name,
                                   std::to_string(row.members.size()),
                                   std::to_string(row.figures.communes),
                                   std::to_string(row.figures.epci),
                                   std::to_string(row.figures.population_municipale),
                                   format_fixed(row.figures.area_km2, 1),
                                   percent(row.theme_coverage),
                                   percent(row.aav_capture)};
    if (commuters) cells.push_back(percent(row.commuter_share));
    if (format == OutputFormat::csv) {
      // Machine-readable: shares as plain fractions.
      auto frac = [](const std::optional<double>& v) { return v ? format_fixed(*v, 4) : std::string(); };
      cells[6] = format_fixed(row.figures.area_km2, 3);
      cells[7] = frac(row.theme_coverage);
      cells[8] = frac(row.aav_capture);
      if (commuters) cells[9] = frac(row.commuter_share);
    }
    t.rows.push_back(std::move(cells));
  }
  if (format == OutputFormat::table) {
    std::string core;
    for (const auto& c : r.core) core += (core.empty() ? "" : ", ") + c + " " + base.find(r.level, c)->name;
    std::printf("Perimeters around %s (%s, %s contiguity)\n\n", core.c_str(), std::string(model::level_name(r.level)).c_str(),
                r.adjacency == geo::Adjacency::rook ? "rook" : "queen");
  }
  t.print(stdout, format);

  TextTable o;
  o.header = {"a", "b", "iou_population", "iou_area"};
  o.right = {false, false, true, true};
  for (const auto& x : r.overlaps)
    o.rows.push_back({r.rows[x.a].id, r.rows[x.b].id, format_fixed(x.iou_population, 4), format_fixed(x.iou_area, 4)});
  std::printf(format == OutputFormat::table ? "\nOverlaps (intersection over union)\n\n" : "\n");
  o.print(stdout, format);
  if (format != OutputFormat::table) return;
  if (r.commuters) {
    const auto& c = *r.commuters;
    std::printf("\nCommuters (%s): %lld work in the core, %lld of them live there, %lld beyond the last ring\n",
                c.vintage.c_str(), static_cast<long long>(c.to_core), static_cast<long long>(c.from_core),
                static_cast<long long>(c.beyond_rings));
  }
  if (!r.islands.empty())
    std::printf("\nTerritories without neighbours at this level: %zu\n", r.islands.size());
  for (const auto& n : r.notes) std::printf("Note: %s\n", n.c_str());
}

// A wrong request said in the command line's words: "--rings: the number of
// rings must be between 1 and 50 (got 0)".
template <class F>
void as_option_error(F&& f) {
  try {
    f();
  } catch (const RingsRequestError& e) {
    throw Error(e.code(), "--" + e.field + ": " + e.what());
  }
}

class RingsCommand final : public Command {
 private:
  // The base, then the catalogue and its perimeters. The catalogue only
  // serves --compare and the theme coverage: when it was not asked for
  // explicitly and cannot be used, the rings are still computed, without
  // coverage, and a warning says why.
  AllianceData load_data(const RingsRequest& req) {
    AllianceData d;
    {
      StreamProgress loading(stderr);
      d.base = load_base(options_.base_path(), &loading);
    }
    StreamProgress progress(stderr);
    // Resolve the core first: a wrong code fails before anything slow.
    as_option_error([&] { resolve_core(d.base, req.level, req.core); });
    d.vocabulary = model::Vocabulary::load_default();
    if (!d.vocabulary.contains("themes", req.theme))
      throw UsageError("unknown theme '" + req.theme + "' in --theme (see geodata/vocabularies.toml)");
    try {
      d.catalogue = load_catalogue(options_, d.vocabulary);
      model::validate_against_base(d.catalogue, d.base);
      d.perimeters = model::compute_perimeters(d.base, d.catalogue.alliances, &progress);
    } catch (const Error& e) {
      if (!options_.catalogue.empty() || !req.compare.empty()) throw;
      std::fprintf(stderr, "cartes: warning: alliance catalogue not used (no theme coverage): %s\n", e.what());
      d.catalogue.alliances.clear();
      d.perimeters.clear();
    }
    return d;
  }

 public:
  std::string name() const override { return "rings"; }
  std::string description() const override {
    return "Concentric perimeters around a core (rings, distance bands, INSEE catchments) compared with alliances";
  }
  void configure(CLI::App& app) override {
    app.add_option("--core", core_, "Core territory codes (SIREN for EPCI, INSEE for communes), comma-separated")
        ->required()
        ->delimiter(',');
    app.add_option("--level", level_, "Level of the rings: commune, epci or pays")
        ->check(CLI::IsMember({"commune", "epci", "pays"}));
    app.add_option("--rings", rings_, "Number of contiguity rings (1 to " + std::to_string(max_rings) + ")");
    app.add_flag("--queen", queen_, "Queen contiguity (a shared point) instead of rook (a shared boundary)");
    app.add_option("--bands", bands_, "Distance bands in km from the core's boundary, comma-separated")
        ->delimiter(',');
    app.add_option("--by", by_, "Band membership: centroid (default) or any part")
        ->check(CLI::IsMember({"centroid", "any"}));
    app.add_option("--zonings", zonings_, "INSEE catchments: aav, ze, bv (comma-separated)")->delimiter(',');
    app.add_option("--compare", compare_, "Alliance ids of the catalogue to compare, comma-separated")->delimiter(',');
    app.add_option("--theme", theme_, "Theme whose alliances' coverage is measured (default mobilite)");
    app.add_option("--format", format_, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
    app.add_option("--out", out_, "Write the perimeters to this GeoPackage (one layer per family, QGIS styles)");
    app.add_option("--flows", flows_, "Commuting flows GeoJSON (default: the RP 2016 Ille-et-Vilaine sample)");
    options_.add_to(app);
  }

  int run() override {
    // Check the request before loading anything; an --out naming the base or
    // the catalogue would destroy it.
    if (!out_.empty())
      refuse_overwriting_inputs(out_, {options_.base_path(), options_.catalogue_path(), flows_}, "--out");
    RingsRequest req;
    req.core = core_;
    req.level = *model::parse_level(level_);
    req.rings = rings_;
    req.adjacency = queen_ ? geo::Adjacency::queen : geo::Adjacency::rook;
    req.bands_km = bands_;
    req.band_mode = by_ == "any" ? BandMode::any_part : BandMode::centroid;
    for (const auto& z : zonings_) {
      auto parsed = parse_zoning(z);
      if (!parsed) throw UsageError("unknown zoning '" + z + "' in --zonings (allowed: aav, ze, bv)");
      req.zonings.push_back(*parsed);
    }
    req.compare = compare_;
    req.theme = theme_;
    as_option_error([&] { validate_request(req); });
    const OutputFormat format = parse_format(format_);

    AllianceData data = load_data(req);

    AdjacencyCache cache(options_.base_path());
    geo::ContiguityOptions copt;
    copt.mode = req.adjacency;
    std::shared_ptr<const geo::ContiguityGraph> graph;
    {
      StreamProgress progress(stderr);  // closed here: later errors are not the graph's
      graph = cache.graph(data.base, req.level, copt, &progress);
    }

    const ZoningLabels labels =
        load_zoning_labels(sources::zoning_labels(paths::sources()));
    // Commuting flows: the only source covers homes in Ille-et-Vilaine (35).
    std::optional<CommuteFlows> flows;
    bool core_in_35 = false;
    for (const auto& code : req.core)
      if (const auto* t = data.base.find(req.level, code))
        for (const auto& c : (req.level == model::Level::commune ? std::vector<std::string>{t->code} : t->communes))
          core_in_35 = core_in_35 || c.rfind("35", 0) == 0;
    const std::filesystem::path flows_file =
        flows_.empty() ? sources::commute_flows(paths::sources()) : std::filesystem::path(flows_);
    if (!flows_.empty() || (core_in_35 && std::filesystem::exists(flows_file))) {
      const auto rekey = sources::load_commune_rekeying(paths::sources(), paths::project_data());
      flows = load_commute_flows(flows_file, data.base, rekey);
    }

    RingsInputs in{data.base, *graph, data.catalogue.alliances, data.perimeters};
    in.labels = &labels;
    in.flows = flows ? &*flows : nullptr;
    RingsResult result;
    as_option_error([&] { result = compute_rings(in, req); });
    if (!out_.empty()) {
      compute_outlines(in, result);
      write_rings_gpkg(result, out_);
    }
    if (format == OutputFormat::json)
      std::printf("%s\n", to_json(result, data.base, req).dump(2).c_str());
    else
      print_tables(result, data.base, format);
    return 0;
  }

 private:
  std::vector<std::string> core_;
  std::string level_ = "epci";
  int rings_ = 3;
  bool queen_ = false;
  std::vector<double> bands_;
  std::string by_ = "centroid";
  std::vector<std::string> zonings_;
  std::vector<std::string> compare_;
  std::string theme_ = "mobilite";
  std::string format_ = "table";
  std::string out_;
  std::string flows_;
  CatalogueOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_rings_command() { return std::make_unique<RingsCommand>(); }

}  // namespace cartes::cli
