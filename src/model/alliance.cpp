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

bool Alliance::has_member_level(Level level) const {
  for (const auto& m : members)
    if (m.level == level) return true;
  return false;
}

}  // namespace cartes::model
