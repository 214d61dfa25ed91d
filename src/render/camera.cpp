#include "render/camera.hpp"

#include <algorithm>
#include <cmath>

namespace cartes::render {

void Camera::fit(const geo::Envelope& e, double margin) {
  if (e.empty) return;
  cx = (e.minx + e.maxx) / 2;
  cy = (e.miny + e.maxy) / 2;
  const double w = std::max(e.width(), 1.0) * (1 + 2 * margin);
  const double h = std::max(e.height(), 1.0) * (1 + 2 * margin);
  mpp = std::max(w / std::max(width, 1), h / std::max(height, 1));
}

void Camera::fit_in(const geo::Envelope& e, const std::array<double, 4>& a, double margin) {
  if (e.empty) return;
  const double aw = std::max(a[2] - a[0], 16.0), ah = std::max(a[3] - a[1], 16.0);
  const double w = std::max(e.width(), 1.0) * (1 + 2 * margin);
  const double h = std::max(e.height(), 1.0) * (1 + 2 * margin);
  mpp = std::max(w / aw, h / ah);
  // The extent's centre goes to the area's centre.
  cx = (e.minx + e.maxx) / 2 - ((a[0] + a[2]) / 2 - width / 2.0) * mpp;
  cy = (e.miny + e.maxy) / 2 + ((a[1] + a[3]) / 2 - height / 2.0) * mpp;
}

void Camera::pan_pixels(double dx, double dy) {
  cx -= dx * mpp;
  cy += dy * mpp;
}

void Camera::zoom_at(double factor, double sx, double sy) {
  const geo::Point before = screen_to_world(sx, sy);
  // 0.05 m/px (a street) to 20 km/px (a continent).
  mpp = std::clamp(mpp / factor, 0.05, 20000.0);
  const geo::Point after = screen_to_world(sx, sy);
  cx += before.x - after.x;
  cy += before.y - after.y;
}

geo::Point Camera::screen_to_world(double sx, double sy) const {
  return {cx + (sx - width / 2.0) * mpp, cy - (sy - height / 2.0) * mpp};
}

std::array<double, 2> Camera::world_to_screen(geo::Point p) const {
  return {(p.x - cx) / mpp + width / 2.0, height / 2.0 - (p.y - cy) / mpp};
}

geo::Envelope Camera::visible() const {
  geo::Envelope e;
  e.expand(screen_to_world(0, 0));
  e.expand(screen_to_world(width, height));
  return e;
}

std::array<float, 9> Camera::matrix(geo::Point origin) const {
  const double sx = 2.0 / (width * mpp);
  const double sy = 2.0 / (height * mpp);
  // Translation computed in double: the centre minus the origin is small.
  const double tx = -(cx - origin.x) * sx;
  const double ty = -(cy - origin.y) * sy;
  return {static_cast<float>(sx), 0, 0, 0, static_cast<float>(sy), 0, static_cast<float>(tx),
          static_cast<float>(ty), 1};
}

double nice_scale_length(double mpp, double max_px) {
  const double max_m = mpp * max_px;
  double p = std::pow(10.0, std::floor(std::log10(max_m)));
  for (double m : {5.0, 2.0, 1.0})
    if (m * p <= max_m) return m * p;
  return p;
}

}  // namespace cartes::render
