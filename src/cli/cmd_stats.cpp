// `cartes stats --by FAMILY [--weight gommettes]`: counts and shares of
// alliances by card family, à l'œuvre vs imaginées, like the charts of the
// workshop report; with gommettes, shares of the participants' expressions
// on the cards of alliances captured in a workshop. Needs only the catalogue.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/alliance_context.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "model/stats.hpp"

namespace cartes::cli {
namespace {

std::string percent(int count, int of) { return format_fixed(100.0 * model::FamilyStats::share(count, of), 0) + " %"; }

class StatsCommand final : public Command {
 public:
  std::string name() const override { return "stats"; }
  std::string description() const override {
    return "Count alliances by card family, à l'œuvre vs imaginées (like the workshop's charts)";
  }
  void configure(CLI::App& app) override {
    std::string families;
    for (const auto& f : model::stat_families()) families += (families.empty() ? "" : ", ") + f;
    app.add_option("--by", by_, "Family: " + families)->required();
    app.add_option("--catalogue", catalogue_, "Alliance catalogue (default: geodata/alliances/loire-bretagne.toml)");
    app.add_option("--format", format_, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
    app.add_option("--weight", weight_, "alliances (default: each alliance counts once) or gommettes "
                                        "(the dot votes of workshop cards: shares of expressions)")
        ->check(CLI::IsMember({"alliances", "gommettes"}));
  }

  int run() override {
    CatalogueOptions options;
    options.catalogue = catalogue_;
    const auto vocabulary = model::Vocabulary::load_default();
    const auto catalogue = load_catalogue(options, vocabulary);
    const model::FamilyStats s = model::family_stats(catalogue.alliances, vocabulary, by_, *model::parse_weight(weight_));
    const bool gommettes = s.weight == model::StatWeight::gommettes;
    if (gommettes && s.alliances == 0)
      throw DataError("--weight gommettes: no alliance of " + options.catalogue_path().string() +
                      " has gommettes on its " + s.family + " cards ([alliance.workshop], FORMAT.md)");
    const OutputFormat format = parse_format(format_);
    if (format == OutputFormat::json) {
      nlohmann::ordered_json j;
      j["family"] = s.family;
      j["label"] = s.label;
      j["weight"] = gommettes ? "gommettes" : "alliances";
      j[gommettes ? "gommettes" : "alliances"] = s.alliances;
      j["a_loeuvre"] = s.alliances_a_loeuvre;
      j["imaginee"] = s.alliances_imaginee;
      j["multi_valued"] = s.multi_valued;
      auto rows = nlohmann::ordered_json::array();
      for (const auto& r : s.rows)
        rows.push_back({{"id", r.id},
                        {"label", r.label},
                        {"a_loeuvre", r.a_loeuvre},
                        {"imaginee", r.imaginee},
                        {"total", r.total},
                        {"share_a_loeuvre", model::FamilyStats::share(r.a_loeuvre, s.alliances_a_loeuvre)},
                        {"share_imaginee", model::FamilyStats::share(r.imaginee, s.alliances_imaginee)},
                        {"share", model::FamilyStats::share(r.total, s.alliances)}});
      j["rows"] = rows;
      std::printf("%s\n", j.dump(2).c_str());
      return 0;
    }
    TextTable t;
    if (format == OutputFormat::csv) {
      t.header = {"id", "label", "a_loeuvre", "imaginee", "total", "share_a_loeuvre", "share_imaginee", "share"};
      for (const auto& r : s.rows)
        t.rows.push_back({r.id, r.label, std::to_string(r.a_loeuvre), std::to_string(r.imaginee),
                          std::to_string(r.total),
                          format_fixed(model::FamilyStats::share(r.a_loeuvre, s.alliances_a_loeuvre), 4),
                          format_fixed(model::FamilyStats::share(r.imaginee, s.alliances_imaginee), 4),
                          format_fixed(model::FamilyStats::share(r.total, s.alliances), 4)});
      t.print(stdout, format);
      return 0;
    }
    std::printf("%s: %d %s (%d à l’œuvre, %d imaginées)\n", s.label.c_str(), s.alliances,
                gommettes ? "gommettes" : "alliances", s.alliances_a_loeuvre, s.alliances_imaginee);
    t.header = {s.label, "À l’œuvre", "%", "Imaginées", "%", "Total", "%"};
    t.right = {false, true, true, true, true, true, true};
    for (const auto& r : s.rows)
      t.rows.push_back({r.label, std::to_string(r.a_loeuvre), percent(r.a_loeuvre, s.alliances_a_loeuvre),
                        std::to_string(r.imaginee), percent(r.imaginee, s.alliances_imaginee),
                        std::to_string(r.total), percent(r.total, s.alliances)});
    t.print(stdout, format);
    if (s.multi_valued)
      std::printf("An alliance may take several values of this family: the shares add up to more than 100 %%.\n");
    return 0;
  }

 private:
  std::string by_, catalogue_, format_ = "table", weight_ = "alliances";
};

}  // namespace

std::unique_ptr<Command> make_stats_command() { return std::make_unique<StatsCommand>(); }

}  // namespace cartes::cli
