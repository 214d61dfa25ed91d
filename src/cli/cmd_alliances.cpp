// `cartes alliances list|show`: the catalogue's alliances with their
// perimeters (population, area, parts), filtered on every card family. The
// other subcommands (edits, spreadsheet form) are alliance_subcommands.hpp's.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/alliance_context.hpp"
#include "cli/alliance_subcommands.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/stats.hpp"

namespace cartes::cli {
namespace {

using nlohmann::ordered_json;

std::vector<std::string> labels(const model::Vocabulary& vocab, const char* family, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(vocab.label(family, id));
  return out;
}

// None of the alliance's members is in the loaded base (an alliance of
// scope france read with the Loire-Bretagne base).
bool outside_base(const model::Perimeter& p) { return p.communes.empty() && !p.missing.empty(); }

ordered_json alliance_json(const AllianceData& d, std::size_t i) {
  const model::Alliance& a = d.catalogue.alliances[i];
  const model::Perimeter& p = d.perimeters[i];
  const auto& v = d.vocabulary;
  ordered_json j;
  j["id"] = a.id;
  j["name"] = a.name;
  j["status"] = model::to_string(a.status);
  j["status_label"] = v.label("status", model::to_string(a.status));
  j["themes"] = a.themes;
  j["themes_labels"] = labels(v, "themes", a.themes);
  j["finalites"] = a.finalites;
  j["portage"] = {{"kind", a.portage.kind}, {"structure", a.portage.structure}, {"lead", a.portage.lead}};
  j["temporalite"] = model::to_string(a.temporalite);
  j["intensite"] = model::to_string(a.intensite);
  j["tendance"] = model::to_string(a.tendance);
  j["since"] = a.since ? ordered_json(*a.since) : ordered_json(nullptr);
  j["scope"] = a.scope;
  j["confidence"] = model::to_string(a.confidence);
  ordered_json members = ordered_json::array();
  for (const auto& m : a.members)
    members.push_back({{"level", model::level_name(m.level)},
                       {"code", m.code},
                       {"name", m.name},
                       {"confidence", model::to_string(m.confidence)},
                       {"in_base", d.base.find(m.level, m.code) != nullptr}});
  j["members"] = members;
  ordered_json partners = ordered_json::array();
  for (const auto& pa : a.partners) partners.push_back({{"name", pa.name}, {"kind", pa.kind}});
  j["partners"] = partners;
  // An alliance none of whose members is in this base (scope france on the
  // Loire-Bretagne base) has no figures here: null, not 0.
  const bool outside = outside_base(p);
  auto figure = [&](auto value) { return outside ? ordered_json(nullptr) : ordered_json(value); };
  j["population_municipale"] = figure(p.population_municipale);
  j["population_totale"] = figure(p.population_totale);
  j["area_km2"] = figure(std::round(p.area_km2 * 100) / 100);
  j["parts"] = figure(p.parts);
  j["polygons"] = figure(p.polygons);
  j["communes"] = p.communes.size();
  j["epci"] = p.epci;
  j["missing"] = p.missing;
  return j;
}

// One filter per card family (model/families.hpp), plus levels and member.
struct Filters {
  std::vector<std::vector<std::string>> by_family = std::vector<std::vector<std::string>>(model::card_families().size());
  std::vector<std::string> levels;
  std::string member;

  void add_to(CLI::App& app) {
    const auto families = model::card_families();
    for (std::size_t i = 0; i < families.size(); ++i) {
      const auto& f = families[i];
      std::string ids;
      for (auto id : f.ids) ids += (ids.empty() ? "" : ", ") + std::string(id);
      app.add_option(std::string(f.option), by_family[i],
                     "Keep alliances taking one of these values of " + std::string(f.label) + " (" +
                         (f.extendable ? std::string("ids of vocabularies.toml") : ids) + ")");
    }
    app.add_option("--level", levels, "... with a member of one of these levels (commune, epci, pays, departement, region)");
    app.add_option("--member", member, "... whose perimeter holds this commune or EPCI, or with this member code");
  }

  // Unknown values are usage errors listing the allowed ones.
  void validate(const model::Vocabulary& vocab) const {
    const auto families = model::card_families();
    for (std::size_t i = 0; i < families.size(); ++i)
      for (const auto& value : by_family[i])
        if (!vocab.contains(families[i].key, value))
          throw UsageError(std::string(families[i].option) + ": unknown value '" + value +
                           "' (allowed: " + vocab.allowed(families[i].key) + ")");
    for (const auto& l : levels)
      if (!model::parse_level(l)) throw UsageError("--level: unknown level '" + l + "' (allowed: commune, epci, pays, departement, region)");
  }

  bool keep(const AllianceData& d, std::size_t i) const {
    const model::Alliance& a = d.catalogue.alliances[i];
    auto any = [&a](const std::vector<std::string>& wanted, std::string_view family) {
      if (wanted.empty()) return true;
      const auto have = model::values_of(a, family);
      return std::any_of(wanted.begin(), wanted.end(),
                         [&](const std::string& w) { return std::find(have.begin(), have.end(), w) != have.end(); });
    };
    std::vector<std::string> level_ids;
    for (const auto& l : levels) level_ids.emplace_back(model::level_name(*model::parse_level(l)));
    if (!any(level_ids, "levels")) return false;
    const auto families = model::card_families();
    for (std::size_t f = 0; f < families.size(); ++f)
      if (!any(by_family[f], families[f].key)) return false;
    if (member.empty()) return true;
    if (std::any_of(a.members.begin(), a.members.end(), [&](const model::Member& m) { return m.code == member; }))
      return true;
    const model::Perimeter& p = d.perimeters[i];
    if (auto c = d.base.index_of(model::Level::commune, member))
      return std::binary_search(p.communes.begin(), p.communes.end(), *c);
    return std::binary_search(p.epci.begin(), p.epci.end(), member);
  }
};

class AlliancesCommand final : public Command {
 public:
  std::string name() const override { return "alliances"; }
  std::string description() const override {
    return "List, show and edit the catalogue's alliances; export and import them as a spreadsheet";
  }
  void configure(CLI::App& app) override {
    app.require_subcommand(1);
    list_ = app.add_subcommand("list", "List alliances with their perimeters, filtered on every family");
    options_.add_to(*list_);
    filters_.add_to(*list_);
    list_->add_option("--format", format_, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
    show_ = app.add_subcommand("show", "Show one alliance: families, members, perimeter, overlaps");
    show_->add_option("id", id_, "Alliance id")->required();
    options_.add_to(*show_);
    show_->add_option("--format", show_format_, "text or json")->check(CLI::IsMember({"text", "json"}));
    for (auto make : {make_alliance_edit_commands, make_alliance_csv_commands})
      for (auto& command : make()) {
        CLI::App* sub = app.add_subcommand(command->name(), command->description());
        command->configure(*sub);
        others_.emplace_back(sub, std::move(command));
      }
  }

  int run() override {
    if (list_->parsed()) return run_list();
    if (show_->parsed()) return run_show();
    for (auto& [sub, command] : others_)
      if (sub->parsed()) return command->run();
    throw UsageError("alliances: no subcommand");
  }

 private:
  int run_list() {
    AllianceData d = load_alliance_data(options_, true);
    filters_.validate(d.vocabulary);
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < d.catalogue.alliances.size(); ++i)
      if (filters_.keep(d, i)) kept.push_back(i);
    const OutputFormat format = parse_format(format_);
    if (format == OutputFormat::json) {
      ordered_json out = ordered_json::array();
      for (std::size_t i : kept) out.push_back(alliance_json(d, i));
      std::printf("%s\n", out.dump(2).c_str());
      return 0;
    }
    TextTable t;
    t.header = {"id", "status", "themes", "members", "communes", "population_municipale", "population_totale",
                "area_km2", "parts", "name"};
    t.right = {false, false, false, true, true, true, true, true, true, false};
    std::size_t outside = 0;
    for (std::size_t i : kept) {
      const auto& a = d.catalogue.alliances[i];
      const auto& p = d.perimeters[i];
      // No member in this base: no figures (empty in CSV, "-" in the table).
      const std::string none = format == OutputFormat::csv ? "" : "-";
      const bool out = outside_base(p);
      outside += out ? 1 : 0;
      t.rows.push_back({a.id, std::string(model::to_string(a.status)), join(a.themes, "+"),
                        std::to_string(a.members.size()), std::to_string(p.communes.size()),
                        out ? none : std::to_string(p.population_municipale),
                        out ? none : std::to_string(p.population_totale), out ? none : format_fixed(p.area_km2, 1),
                        out ? none : std::to_string(p.parts), a.name});
    }
    t.print(stdout, format);
    if (format == OutputFormat::table) {
      std::printf("%zu of %zu alliances\n", kept.size(), d.catalogue.alliances.size());
      if (outside)
        std::printf("%zu with no member in this base (-): --scope france gives their figures\n", outside);
    }
    return 0;
  }

  int run_show() {
    AllianceData d = load_alliance_data(options_, true);
    const auto& all = d.catalogue.alliances;
    auto it = std::find_if(all.begin(), all.end(), [&](const model::Alliance& a) { return a.id == id_; });
    if (it == all.end()) {
      std::string ids;
      for (const auto& a : all) ids += (ids.empty() ? "" : ", ") + a.id;
      throw UsageError("no alliance '" + id_ + "' in " + options_.catalogue_path().string() + " (ids: " + ids + ")");
    }
    const std::size_t i = static_cast<std::size_t>(it - all.begin());
    // This alliance's overlaps, with the area of their dissolved geometry (as exported).
    std::vector<model::Overlap> overlaps;
    for (model::Overlap& o : model::compute_overlaps(d.base, d.perimeters))
      if (o.a == i || o.b == i) {
        const geo::Geometry g = model::overlap_geometry(d.base, d.perimeters, o);
        o.area_km2 = g.is_empty() ? 0.0 : g.area() / 1e6;
        overlaps.push_back(o);
      }
    if (show_format_ == "json") {
      ordered_json j = alliance_json(d, i);
      ordered_json shared = ordered_json::array();
      for (const auto& o : overlaps)
        if (o.a == i || o.b == i)
          shared.push_back({{"with", all[o.a == i ? o.b : o.a].id},
                            {"communes", o.communes},
                            {"area_km2", std::round(o.area_km2 * 100) / 100},
                            {"population_municipale", o.population_municipale}});
      j["overlaps"] = shared;
      std::printf("%s\n", j.dump(2).c_str());
      return 0;
    }
    print_text(d, i, overlaps);
    return 0;
  }

  static void print_text(const AllianceData& d, std::size_t i, const std::vector<model::Overlap>& overlaps) {
    const model::Alliance& a = d.catalogue.alliances[i];
    const model::Perimeter& p = d.perimeters[i];
    const auto& v = d.vocabulary;
    std::printf("%s (%s)\n", a.name.c_str(), a.id.c_str());
    std::printf("  Statut       %s\n", v.label("status", model::to_string(a.status)).c_str());
    std::printf("  Thèmes       %s\n", join(labels(v, "themes", a.themes), ", ").c_str());
    std::printf("  Finalités    %s\n", join(labels(v, "finalites", a.finalites), ", ").c_str());
    std::string portage = v.label("portage", a.portage.kind);
    if (!a.portage.structure.empty()) portage += " — " + a.portage.structure;
    if (!a.portage.lead.empty()) {
      const model::Territory* lead = d.base.find_any(a.portage.lead);
      portage += ", chef de file : " + (lead ? lead->name : a.portage.lead);
    }
    std::printf("  Portage      %s\n", portage.c_str());
    std::printf("  Temporalité  %s\n", v.label("temporalite", model::to_string(a.temporalite)).c_str());
    std::printf("  Intensité    %s, %s\n", v.label("intensite", model::to_string(a.intensite)).c_str(),
                v.label("tendance", model::to_string(a.tendance)).c_str());
    if (a.since) std::printf("  Depuis       %d\n", *a.since);
    std::printf("  Confiance    %s%s\n", v.label("confidence", model::to_string(a.confidence)).c_str(),
                a.confidence_note.empty() ? "" : (" : " + a.confidence_note).c_str());
    std::printf("  Territoires  %zu members\n", a.members.size());
    for (const auto& m : a.members) {
      const model::Territory* t = d.base.find(m.level, m.code);
      std::printf("    %-11s %-10s %s%s\n", std::string(model::level_name(m.level)).c_str(), m.code.c_str(),
                  m.name.c_str(), t ? (", " + std::to_string(t->population_municipale) + " hab.").c_str()
                                    : " (outside this base)");
    }
    for (const auto& pa : a.partners)
      std::printf("    partner     %s (%s)\n", pa.name.c_str(), v.label("partner_kinds", pa.kind).c_str());
    if (outside_base(p)) {
      std::printf("  Perimeter    no member in this base: --scope france gives its figures\n");
    } else {
      std::printf("  Perimeter    %zu communes in %zu EPCI, %s km², %d part%s (%d polygon%s)\n", p.communes.size(),
                  p.epci.size(), format_fixed(p.area_km2, 1).c_str(), p.parts, p.parts > 1 ? "s" : "", p.polygons,
                  p.polygons > 1 ? "s" : "");
      std::printf("  Population   %lld municipale, %lld totale\n", static_cast<long long>(p.population_municipale),
                  static_cast<long long>(p.population_totale));
    }
    for (const auto& o : overlaps)
      if (o.a == i || o.b == i)
        std::printf("  Overlaps     %s: %zu communes, %s km², %lld hab.\n",
                    d.catalogue.alliances[o.a == i ? o.b : o.a].id.c_str(), o.communes,
                    format_fixed(o.area_km2, 1).c_str(), static_cast<long long>(o.population_municipale));
    for (const auto& s : a.sources) std::printf("  Source       %s\n", s.c_str());
    if (!a.notes.empty()) std::printf("  Notes        %s\n", a.notes.c_str());
  }

  CatalogueOptions options_;
  Filters filters_;
  CLI::App* list_ = nullptr;
  CLI::App* show_ = nullptr;
  std::vector<std::pair<CLI::App*, std::unique_ptr<Command>>> others_;
  std::string format_ = "table";
  std::string show_format_ = "text";
  std::string id_;
};

}  // namespace

std::unique_ptr<Command> make_alliances_command() { return std::make_unique<AlliancesCommand>(); }

}  // namespace cartes::cli
