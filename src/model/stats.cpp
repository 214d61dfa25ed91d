#include "model/stats.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace cartes::model {

std::vector<std::string> stat_families() {
  std::vector<std::string> out = Vocabulary::family_names();
  out.emplace_back("levels");
  return out;
}

std::string normalise_family(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> aliases[] = {
      {"theme", "themes"},         {"thème", "themes"},          {"finalite", "finalites"},
      {"finalité", "finalites"},   {"partner_kind", "partner_kinds"}, {"partners", "partner_kinds"},
      {"partenaires", "partner_kinds"}, {"temporalité", "temporalite"}, {"intensité", "intensite"},
      {"level", "levels"},         {"territoires", "levels"},    {"statut", "status"},
  };
  for (const auto& f : stat_families())
    if (f == name) return f;
  for (const auto& [alias, family] : aliases)
    if (alias == name) return std::string(family);
  return {};
}

FamilyStats family_stats(const std::vector<Alliance>& alliances, const Vocabulary& vocabulary,
                         std::string_view name) {
  const std::string family = normalise_family(name);
  if (family.empty()) {
    std::string list;
    for (const auto& f : stat_families()) list += (list.empty() ? "" : ", ") + f;
    throw UsageError("unknown family '" + std::string(name) + "' (allowed: " + list + ")");
  }
  FamilyStats out;
  out.family = family;
  out.multi_valued = family == "themes" || family == "finalites" || family == "partner_kinds" || family == "levels";
  if (family == "levels") {
    out.label = "Niveaux des territoires membres";
    static const std::pair<Level, const char*> labels[] = {{Level::commune, "Commune"},
                                                           {Level::epci, "EPCI"},
                                                           {Level::pays, "Pays / PETR"},
                                                           {Level::departement, "Département"},
                                                           {Level::region, "Région"}};
    for (const auto& [level, label] : labels) out.rows.push_back({std::string(level_name(level)), label, 0, 0, 0});
  } else {
    const Family* f = vocabulary.family(family);
    out.label = f ? f->label : family;
    if (f)
      for (const auto& e : f->entries) out.rows.push_back({e.id, e.label, 0, 0, 0});
  }
  for (const auto& a : alliances) {
    const bool existing = a.status == Status::a_loeuvre;
    ++out.alliances;
    ++(existing ? out.alliances_a_loeuvre : out.alliances_imaginee);
    for (const auto& v : values_of(a, family)) {
      auto it = std::find_if(out.rows.begin(), out.rows.end(), [&](const StatRow& r) { return r.id == v; });
      if (it == out.rows.end()) {
        out.rows.push_back({v, v, 0, 0, 0});
        it = std::prev(out.rows.end());
      }
      ++(existing ? it->a_loeuvre : it->imaginee);
      ++it->total;
    }
  }
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const StatRow& a, const StatRow& b) { return a.total > b.total; });
  return out;
}

}  // namespace cartes::model
