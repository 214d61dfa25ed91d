#include "render/labels.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace cartes::render {

namespace {
// Buckets of 64x64 pixels: a label box touches a handful of cells.
class Grid {
 public:
  void add(const ScreenRect& r) {
    const std::size_t id = boxes_.size();
    boxes_.push_back(r);
    for_cells(r, [&](long long key) { cells_[key].push_back(id); });
  }
  bool free(const ScreenRect& r) const {
    bool ok = true;
    for_cells(r, [&](long long key) {
      if (!ok) return;
      auto it = cells_.find(key);
      if (it == cells_.end()) return;
      for (auto id : it->second)
        if (boxes_[id].intersects(r)) {
          ok = false;
          return;
        }
    });
    return ok;
  }

 private:
  template <class F>
  static void for_cells(const ScreenRect& r, F&& f) {
    const int cx0 = static_cast<int>(std::floor(r.x0 / 64)), cx1 = static_cast<int>(std::floor(r.x1 / 64));
    const int cy0 = static_cast<int>(std::floor(r.y0 / 64)), cy1 = static_cast<int>(std::floor(r.y1 / 64));
    for (int y = cy0; y <= cy1; ++y)
      for (int x = cx0; x <= cx1; ++x) f((static_cast<long long>(y) << 32) ^ static_cast<unsigned>(x));
  }
  std::vector<ScreenRect> boxes_;
  std::unordered_map<long long, std::vector<std::size_t>> cells_;
};
}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& candidates, const Camera& cam,
                                      const MeasureText& measure, const std::vector<ScreenRect>& reserved,
                                      const LabelRules& rules) {
  std::vector<PlacedLabel> out;
  Grid grid;
  for (const auto& r : reserved) grid.add(r);
  const double min_town = rules.town_population_per_mpp * cam.mpp;
  const bool epci = cam.mpp <= rules.epci_max_mpp;
  std::array<float, 4> b = rules.bounds;
  if (b[2] <= b[0] || b[3] <= b[1]) b = {0, 0, static_cast<float>(cam.width), static_cast<float>(cam.height)};
  // Towns first (the names people look for), then EPCI; each by population.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < candidates.size() && out.size() < rules.max_labels; ++i) {
      const auto& c = candidates[i];
      const bool town = c.level == model::Level::commune;
      if (pass == 0 ? !town : town) continue;
      if (town && c.priority < min_town) continue;
      if (!town && !epci) continue;
      const auto [sx, sy] = cam.world_to_screen(c.at);
      if (sx < -200 || sy < -50 || sx > cam.width + 200 || sy > cam.height + 50) continue;
      const auto size = measure(c.text);
      ScreenRect box{static_cast<float>(sx) - size[0] / 2, static_cast<float>(sy) - size[1] / 2,
                     static_cast<float>(sx) + size[0] / 2, static_cast<float>(sy) + size[1] / 2};
      if (box.x0 < b[0] || box.y0 < b[1] || box.x1 > b[2] || box.y1 > b[3]) continue;
      const ScreenRect padded{box.x0 - rules.margin_px, box.y0 - rules.margin_px, box.x1 + rules.margin_px,
                              box.y1 + rules.margin_px};
      if (!grid.free(padded)) continue;
      grid.add(padded);
      out.push_back({i, box});
    }
  }
  return out;
}

}  // namespace cartes::render
