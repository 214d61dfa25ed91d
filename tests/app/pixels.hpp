#pragma once
// Pixel checks on rendered images.
#include <array>
#include <cstdlib>

#include "app/backend_glfw.hpp"
#include "render/camera.hpp"
#include "render/style.hpp"

namespace cartes::test {

inline bool near(std::array<unsigned char, 4> px, const render::Color& c, int tolerance) {
  const auto t = c.rgba8();
  for (int k = 0; k < 3; ++k)
    if (std::abs(int(px[k]) - int(t[k])) > tolerance) return false;
  return true;
}

// Share of the pixels of a (2r+1)^2 window around world point `p` within
// `tolerance` of colour `c`.
inline double share_near(const app::Image& img, const render::Camera& cam, geo::Point p, int r,
                         const render::Color& c, int tolerance = 8) {
  const auto s = cam.world_to_screen(p);
  int hits = 0, total = 0;
  for (int dy = -r; dy <= r; ++dy)
    for (int dx = -r; dx <= r; ++dx) {
      const int x = static_cast<int>(s[0]) + dx, y = static_cast<int>(s[1]) + dy;
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      ++total;
      if (near(img.at(x, y), c, tolerance)) ++hits;
    }
  return total ? static_cast<double>(hits) / total : 0.0;
}

inline std::array<unsigned char, 4> pixel_at(const app::Image& img, const render::Camera& cam, geo::Point p) {
  const auto s = cam.world_to_screen(p);
  return img.at(static_cast<int>(s[0]), static_cast<int>(s[1]));
}

}  // namespace cartes::test
