#pragma once
// The 2D map camera: a centre in Lambert-93 metres, a scale in metres per
// pixel and a viewport in pixels. Screen coordinates have their origin at the
// top-left corner, y down (ImGui, mouse); world y goes up (north).
#include <array>

#include "geo/geometry.hpp"

namespace cartes::render {

struct Camera {
  double cx = 0, cy = 0;   // world centre
  double mpp = 1000;       // metres per pixel
  int width = 1, height = 1;

  void fit(const geo::Envelope& extent, double margin = 0.04);
  // Fits the extent into a part of the screen (the map area the panels leave
  // free), in screen pixels: x0, y0, x1, y1.
  void fit_in(const geo::Envelope& extent, const std::array<double, 4>& area, double margin = 0.04);
  // Moves the map by a mouse drag of (dx, dy) pixels (screen y down).
  void pan_pixels(double dx, double dy);
  // Zooms by `factor` (> 1 zooms in) keeping the world point under screen
  // position (sx, sy) in place.
  void zoom_at(double factor, double sx, double sy);
  geo::Point screen_to_world(double sx, double sy) const;
  std::array<double, 2> world_to_screen(geo::Point p) const;
  geo::Envelope visible() const;
  // Column-major 3x3 matrix from scene coordinates (world minus `origin`) to
  // clip space.
  std::array<float, 9> matrix(geo::Point origin) const;
};

// A "nice" scale bar length (1, 2 or 5 times a power of ten metres) no longer
// than `max_px` pixels at `mpp` metres per pixel.
double nice_scale_length(double mpp, double max_px);

}  // namespace cartes::render
