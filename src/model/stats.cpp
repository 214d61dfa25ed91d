#include "model/stats.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cartes::model {

std::vector<std::string> stat_families() {
  std::vector<std::string> out = Vocabulary::family_names();
  out.emplace_back("levels");
  return out;
}

std::string normalise_family(std::string_view name) {
  if (name == "levels" || name == "level" || name == "territoires") return "levels";
  for (const auto& f : card_families()) {
    if (f.key == name) return std::string(f.key);
    for (auto alias : f.aliases)
      if (alias == name) return std::string(f.key);
  }
  return {};
}

std::optional<StatWeight> parse_weight(std::string_view text) {
  if (text == "alliances") return StatWeight::alliances;
  if (text == "gommettes") return StatWeight::gommettes;
  return std::nullopt;
}

FamilyStats family_stats(const std::vector<Alliance>& alliances, const Vocabulary& vocabulary,
                         std::string_view name, StatWeight weight) {
  const std::string family = normalise_family(name);
  if (family.empty()) {
    std::string list;
    for (const auto& f : stat_families()) list += (list.empty() ? "" : ", ") + f;
    throw UsageError("unknown family '" + std::string(name) + "' (allowed: " + list + ")");
  }
  const bool gommettes = weight == StatWeight::gommettes;
  if (gommettes) {
    const auto cards = workshop_families();
    if (std::find(cards.begin(), cards.end(), family) == cards.end()) {
      throw UsageError("--weight gommettes: the " + family + " family has no workshop cards (families with gommettes: " +
                       join(cards, ", ") + ")");
    }
  }
  FamilyStats out;
  out.family = family;
  out.weight = weight;
  if (family == "levels") {
    out.multi_valued = true;
    out.label = "Niveaux des territoires membres";
    for (Level level : all_levels)
      out.rows.push_back({std::string(level_name(level)), std::string(level_label(level)), 0, 0, 0});
  } else {
    out.multi_valued = find_family(family)->multi_valued;
    const Family* f = vocabulary.family(family);
    out.label = f ? f->label : family;
    if (f)
      for (const auto& e : f->entries) out.rows.push_back({e.id, e.label, 0, 0, 0});
  }
  if (gommettes) out.multi_valued = false;
  for (const auto& a : alliances) {
    const bool existing = a.status == Status::a_loeuvre;
    if (gommettes && !a.workshop) continue;
    if (!gommettes) {
      ++out.alliances;
      ++(existing ? out.alliances_a_loeuvre : out.alliances_imaginee);
    }
    for (const auto& v : values_of(a, family)) {
      const int n = gommettes ? a.workshop->count(family, v) : 1;
      if (n == 0) continue;
      auto it = std::find_if(out.rows.begin(), out.rows.end(), [&](const StatRow& r) { return r.id == v; });
      if (it == out.rows.end()) {
        out.rows.push_back({v, v, 0, 0, 0});
        it = std::prev(out.rows.end());
      }
      (existing ? it->a_loeuvre : it->imaginee) += n;
      it->total += n;
      if (gommettes) {
        out.alliances += n;
        (existing ? out.alliances_a_loeuvre : out.alliances_imaginee) += n;
      }
    }
  }
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const StatRow& a, const StatRow& b) { return a.total > b.total; });
  return out;
}

}  // namespace cartes::model
