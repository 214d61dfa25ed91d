#include "model/alliance.hpp"

#include <algorithm>

namespace cartes::model {

std::vector<std::string_view> fixed_family_ids(std::string_view family) {
  const FamilyDef* f = find_family(family);
  if (!f) return {};
  return {f->ids.begin(), f->ids.end()};
}

std::vector<std::string> values_of(const Alliance& a, std::string_view family) {
  std::vector<std::string> out;
  auto add = [&out](std::string_view v) {
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.emplace_back(v);
  };
  if (family == "levels")
    for (const auto& m : a.members) add(level_name(m.level));
  else if (const FamilyDef* f = find_family(family))
    for (const auto& v : f->values(a)) add(v);
  return out;
}

std::span<const std::string_view> workshop_families() {
  static constexpr std::string_view families[] = {"themes",      "finalites", "portage", "levels",
                                                  "temporalite", "intensite", "tendance"};
  return families;
}

int Workshop::count(std::string_view family, std::string_view id) const {
  for (const auto& [f, counts] : gommettes)
    if (f == family)
      for (const auto& [v, n] : counts)
        if (v == id) return n;
  return 0;
}

void Workshop::set_count(std::string_view family, std::string_view id, int n) {
  auto f = std::find_if(gommettes.begin(), gommettes.end(), [&](const auto& g) { return g.first == family; });
  if (f == gommettes.end()) {
    if (n <= 0) return;
    f = gommettes.insert(gommettes.end(), {std::string(family), {}});
  }
  auto& counts = f->second;
  auto v = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == id; });
  if (n <= 0) {
    if (v != counts.end()) counts.erase(v);
    if (counts.empty()) gommettes.erase(f);
  } else if (v == counts.end()) {
    counts.emplace_back(std::string(id), n);
  } else {
    v->second = n;
  }
}

bool Alliance::has_member_level(Level level) const {
  for (const auto& m : members)
    if (m.level == level) return true;
  return false;
}

}  // namespace cartes::model
