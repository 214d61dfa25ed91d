#include "app/view_state.hpp"

#include <algorithm>

namespace cartes::app {

const std::vector<std::string>& filter_families() {
  // The card families of model/families.hpp, the members' levels after portage
  // (the workshop's "territoires" card).
  static const std::vector<std::string> f = [] {
    std::vector<std::string> out;
    for (const auto& family : model::card_families()) {
      out.emplace_back(family.key);
      if (family.key == "portage") out.emplace_back("levels");
    }
    return out;
  }();
  return f;
}

bool FilterState::passes(const model::Alliance& a) const {
  for (const auto& [family, ids] : selected) {
    if (ids.empty()) continue;
    bool any = false;
    for (const auto& v : model::values_of(a, family))
      if (ids.count(v)) any = true;
    if (!any) return false;
  }
  return true;
}

bool FilterState::active() const {
  for (const auto& [f, ids] : selected)
    if (!ids.empty()) return true;
  return false;
}

std::vector<std::size_t> visible_alliances(const AppModel& m, const FilterState& filters) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < m.alliances.size(); ++i)
    if (filters.passes(m.alliances[i])) out.push_back(i);
  return out;
}

std::vector<int> density_counts(const AppModel& m, const std::vector<std::size_t>& alliances) {
  std::vector<int> counts(m.base_loaded ? m.base().layer(model::Level::commune).size() : 0, 0);
  for (auto i : alliances) {
    if (i >= m.perimeters.size()) continue;
    for (auto c : m.perimeters[i].communes)
      if (c < counts.size()) ++counts[c];
  }
  return counts;
}

render::MapFrame make_frame(const AppModel& m, const std::vector<std::size_t>& visible, const ViewOptions& v,
                            const render::Camera& camera) {
  render::MapFrame f;
  f.camera = camera;
  f.mode = v.mode;
  f.full_detail = v.full_detail;
  f.layers = render::default_layer_styles(f.colors);
  for (std::size_t i = 0; i < 5; ++i) f.layers[i].visible = v.layers[i];
  if (v.communes_when_zoomed && camera.mpp <= v.communes_max_mpp) f.layers[0].visible = true;
  f.show_links = v.show_links;
  f.highlight = v.highlight;
  // Large alliances first: smaller ones are drawn over them.
  std::vector<std::size_t> order = visible;
  auto area = [&](std::size_t i) { return i < m.perimeters.size() ? m.perimeters[i].area_km2 : 0.0; };
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return area(a) > area(b); });
  double land_km2 = 0;
  if (m.base_loaded)
    for (const auto& c : m.base().layer(model::Level::commune)) land_km2 += c.area_km2;
  std::size_t slot = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto i = order[k];
    if (i >= m.perimeters.size()) continue;
    const auto& a = m.alliances[i];
    render::AllianceStyle s;
    s.index = i;
    // At most three themes striped: beyond that stripes become noise.
    for (std::size_t t = 0; t < a.themes.size() && t < 3; ++t) {
      const auto& ts = m.palette.style(a.themes[t]);
      s.stripes.push_back({ts.color, ts.hatch_angle});
    }
    if (s.stripes.empty()) s.stripes.push_back({m.palette.style("").color, 45});
    s.intensity = render::intensity_style(a.intensite);
    s.dashed = render::dashed_outline(a.status);
    const bool wide = land_km2 > 0 && area(i) > v.outline_only_share * land_km2 && area(i) >= v.outline_only_min_km2;
    s.fill = !wide || v.highlight == i;
    // Offset outlines: where perimeters share a boundary (the same EPCI in
    // several alliances) their outlines sit side by side, not on top. Wide
    // alliances keep theirs on the boundary (mostly the coast).
    if (wide) {
      s.intensity.outline_px = std::min(s.intensity.outline_px, 1.5f);
    } else {
      s.offset_px = static_cast<float>(slot % 3) * 3.0f;
      ++slot;
    }
    f.alliances.push_back(std::move(s));
  }
  return f;
}

}  // namespace cartes::app
