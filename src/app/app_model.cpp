#include "app/app_model.hpp"

#include <algorithm>

#include "core/paths.hpp"

namespace cartes::app {

DataPaths DataPaths::defaults(const std::string& scope) {
  return {paths::default_base(scope), paths::default_catalogue(), paths::project_data() / "vocabularies.toml",
          paths::project_data() / "theme_palette.csv"};
}

std::vector<std::size_t> AppModel::alliances_covering_commune(std::size_t commune) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < perimeters.size(); ++i)
    if (std::binary_search(perimeters[i].communes.begin(), perimeters[i].communes.end(), commune)) out.push_back(i);
  return out;
}

std::vector<std::size_t> AppModel::alliances_covering(const model::Territory& t) const {
  if (t.level == model::Level::commune) {
    if (auto idx = base().index_of(model::Level::commune, t.code)) return alliances_covering_commune(*idx);
    return {};
  }
  auto communes = base().commune_indices(t);
  std::sort(communes.begin(), communes.end());
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < perimeters.size(); ++i) {
    const auto& pc = perimeters[i].communes;
    auto a = pc.begin();
    auto b = communes.begin();
    while (a != pc.end() && b != communes.end()) {
      if (*a < *b) ++a;
      else if (*b < *a) ++b;
      else {
        out.push_back(i);
        break;
      }
    }
  }
  return out;
}

render::Color AppModel::alliance_color(std::size_t i) const {
  if (i >= alliances.size() || alliances[i].themes.empty()) return palette.style("").color;
  return palette.style(alliances[i].themes.front()).color;
}

}  // namespace cartes::app
