#pragma once
// Extra geometries drawn on top of the map by a panel (the rings panel: rings
// of neighbouring EPCI, distance bands, catchments). Plain data: the panel
// fills it, the map draws it. Bump `version` whenever `items` change: the
// renderer re-triangulates only then.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "render/style.hpp"

namespace cartes::render {

struct OverlayItem {
  std::vector<geo::Polygon> polygons;  // Lambert-93; e.g. Geometry::polygons()
  Color outline = Color::hex("#000000");
  float width_px = 2.0f;
  bool dashed = false;
  Color fill{0, 0, 0, 0};              // alpha 0: no fill
  std::string label;                   // drawn at label_at when not empty
  geo::Point label_at;
};

struct Overlay {
  std::uint64_t version = 0;
  std::vector<OverlayItem> items;
};

}  // namespace cartes::render
