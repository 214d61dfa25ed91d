#pragma once
// Names on the map that never pile up: candidates in priority order are
// placed greedily, each kept only when its box (plus a margin) does not
// intersect a box already placed, in screen space. Runs every frame: a few
// thousand candidates, a uniform grid of placed boxes.
#include <array>
#include <functional>
#include <string_view>
#include <vector>

#include "render/camera.hpp"
#include "render/scene.hpp"

namespace cartes::render {

struct ScreenRect {
  float x0, y0, x1, y1;
  bool intersects(const ScreenRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct PlacedLabel {
  std::size_t candidate;  // index into the candidates
  ScreenRect box;         // text box, screen pixels (top-left origin)
};

using MeasureText = std::function<std::array<float, 2>(std::string_view)>;

// Which candidates compete at a scale: towns whose population reaches
// `town_population_per_mpp` times the metres per pixel (at the regional view,
// 360 m/px: towns of 20 000 inhabitants and more), EPCI names below
// `epci_max_mpp` metres per pixel.
struct LabelRules {
  double town_population_per_mpp = 60;
  double epci_max_mpp = 300;
  float margin_px = 3;
  std::size_t max_labels = 250;
  // Screen area the names must stay in (x0, y0, x1, y1); empty: the viewport.
  std::array<float, 4> bounds{0, 0, 0, 0};
};

std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& candidates, const Camera& camera,
                                      const MeasureText& measure, const std::vector<ScreenRect>& reserved = {},
                                      const LabelRules& rules = {});

}  // namespace cartes::render
