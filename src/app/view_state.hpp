#pragma once
// The viewer's state in plain structs (filters, layers, mode, selection) and
// the one function that turns it into a MapFrame: used by the window, by
// `cartes render` and by the tests, so they all draw the same map.
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/app_model.hpp"
#include "render/map_renderer.hpp"

namespace cartes::app {

// Filter families, in the order of the workshop's cards (plus status and
// trend): an empty selection lets every value through.
const std::vector<std::string>& filter_families();

struct FilterState {
  std::map<std::string, std::set<std::string>> selected;  // family -> ids ticked
  bool passes(const model::Alliance& a) const;
  bool active() const;
};

struct ViewOptions {
  render::MapMode mode = render::MapMode::themes;
  std::array<bool, 5> layers{false, true, false, true, true};  // by model::Level
  bool communes_when_zoomed = true;  // commune outlines below communes_max_mpp
  double communes_max_mpp = 150;
  bool show_links = true;
  bool full_detail = false;  // the base's own geometry at every scale (print), not a simplified level
  bool show_labels = true;
  bool show_alliance_labels = true;
  std::optional<std::size_t> highlight;  // alliance index
  // Alliances covering more than this share of the base (région-wide
  // contracts, the inter-metropolitan alliance) are outlined, not hatched,
  // unless highlighted: hatched, they cover the whole map and every other
  // alliance disappears under their stripes.
  double outline_only_share = 0.35;
  double outline_only_min_km2 = 10000;  // and at least this large (a département is 6 000-7 000 km²)
};

// Indices of the alliances passing the filters.
std::vector<std::size_t> visible_alliances(const AppModel& model, const FilterState& filters);
// Per commune of the base: how many of `alliances` cover it.
std::vector<int> density_counts(const AppModel& model, const std::vector<std::size_t>& alliances);

render::MapFrame make_frame(const AppModel& model, const std::vector<std::size_t>& visible, const ViewOptions& view,
                            const render::Camera& camera);

}  // namespace cartes::app
