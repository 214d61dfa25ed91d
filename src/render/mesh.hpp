#pragma once
// CPU-side meshes, built once when data is loaded (on a worker thread) and
// uploaded to GPU buffers by gpu.hpp. Coordinates are Lambert-93 metres minus
// a scene origin, stored as float: relative to the centre of a 1 000 km wide
// scene a float keeps ~3 cm, far below a pixel at any useful zoom.
#include <cstdint>
#include <vector>

#include "geo/geometry.hpp"

namespace cartes::render {

struct FillVertex {
  float x = 0, y = 0;
  std::uint32_t feature = 0;  // index of the feature in its group (colour lookup)
};

// One outline segment, drawn as a screen-space quad (instanced, line.vert).
// Rings are oriented so that the polygon's interior lies on the left of each
// segment: offset outlines move towards the interior.
struct Segment {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float dist0 = 0;  // distance along the ring at (x0, y0), metres (dash phase)
  std::uint32_t feature = 0;
};

struct Range {
  std::uint32_t first = 0, count = 0;
};

// A group of features sharing buffers: one layer of the base, the alliances,
// the links between the parts of non-contiguous alliances. Feature i's
// triangles are indices[fill[i].first .. +count), its outline segments
// segments[lines[i].first .. +count).
struct MeshGroup {
  std::vector<FillVertex> vertices;
  std::vector<std::uint32_t> indices;
  std::vector<Segment> segments;
  std::vector<Range> fill;
  std::vector<Range> lines;

  std::size_t feature_count() const { return fill.size(); }
  std::size_t bytes() const;
};

// Triangulates polygons with the GLU tessellator (odd winding rule: holes are
// holes whatever their orientation) and appends them as feature `feature`'s
// triangles. Thread-safe: one tessellator object per call. Throws
// geo::GeometryError when GLU reports an error, naming `what`.
void tessellate(const std::vector<geo::Polygon>& polygons, geo::Point origin, std::uint32_t feature,
                MeshGroup& out, const char* what);

// Appends the rings as outline segments of feature `feature`, exteriors
// counter-clockwise and holes clockwise (interior on the left).
void append_outline(const std::vector<geo::Polygon>& polygons, geo::Point origin, std::uint32_t feature,
                    MeshGroup& out);

// Appends a polyline (no orientation change) as segments of `feature`.
void append_polyline(const std::vector<geo::Point>& points, geo::Point origin, std::uint32_t feature,
                     MeshGroup& out);

// Opens feature ranges: call before appending feature `feature`'s geometry,
// close after. Features must be appended in order 0, 1, 2...
void begin_feature(MeshGroup& group);
void end_feature(MeshGroup& group);

}  // namespace cartes::render
