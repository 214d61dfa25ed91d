#pragma once
// An owned GEOS geometry (reentrant C API behind it). Coordinates are those of
// the territory base: Lambert-93 (EPSG:2154) metres, unless a function says so.
// Move-only; operations return new geometries and throw geo::GeometryError.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

struct GEOSGeom_t;  // = GEOSGeometry in geos_c.h; kept opaque above geo.

namespace cartes::geo {

struct GeometryError : DataError {
  explicit GeometryError(std::string m) : DataError(std::move(m)) {}
};

struct Point {
  double x = 0, y = 0;
  bool operator==(const Point&) const = default;
};

struct Envelope {
  double minx = 0, miny = 0, maxx = 0, maxy = 0;
  bool empty = true;
  void expand(const Envelope& o);
  void expand(Point p);
  double width() const { return maxx - minx; }
  double height() const { return maxy - miny; }
  bool intersects(const Envelope& o) const;
};

using Ring = std::vector<Point>;
// A polygon as plain rings: rings[0] is the exterior, the rest are holes.
struct Polygon {
  std::vector<Ring> rings;
};

class Geometry {
 public:
  Geometry() noexcept = default;
  explicit Geometry(GEOSGeom_t* owned) noexcept;  // takes ownership
  Geometry(Geometry&&) noexcept = default;
  Geometry& operator=(Geometry&&) noexcept = default;
  ~Geometry() = default;
  Geometry clone() const;

  static Geometry from_wkt(std::string_view wkt);
  static Geometry from_wkb(std::span<const std::uint8_t> wkb);
  // A MultiPolygon from plain rings (no validity check).
  static Geometry from_polygons(const std::vector<Polygon>& polygons);
  static Geometry point(Point p);
  static Geometry empty_multipolygon();

  std::string to_wkt(int decimals = -1) const;
  std::vector<std::uint8_t> to_wkb() const;

  bool null() const noexcept { return !g_; }
  bool is_empty() const;                 // null counts as empty
  bool is_valid() const;
  std::string invalid_reason() const;
  std::string type_name() const;         // "MultiPolygon", ...
  double area() const;                   // square metres
  double length() const;
  Envelope envelope() const;
  Point interior_point() const;          // a point guaranteed inside
  Point centroid() const;
  int part_count() const;                // polygons in a (multi)polygon
  std::size_t vertex_count() const;
  std::vector<Polygon> polygons() const; // the rings, for rendering

  Geometry make_valid() const;           // GEOS MakeValid, polygons kept
  Geometry as_multipolygon() const;      // Polygon/collection -> MultiPolygon (polygonal parts only)
  Geometry buffer(double distance, int quadrant_segments = 8) const;
  Geometry intersection(const Geometry& other) const;
  Geometry unite(const Geometry& other) const;
  Geometry difference(const Geometry& other) const;
  Geometry boundary() const;
  Geometry simplify(double tolerance) const;  // topology-preserving
  bool intersects(const Geometry& other) const;
  bool contains(Point p) const;
  double distance(const Geometry& other) const;

  GEOSGeom_t* get() const noexcept { return g_.get(); }
  GEOSGeom_t* release() noexcept { return g_.release(); }

 private:
  struct Deleter {
    void operator()(GEOSGeom_t* g) const noexcept;
  };
  std::unique_ptr<GEOSGeom_t, Deleter> g_;
};

// Unary union of many geometries (consumes them). Robust, slower than
// coverage union; see dissolve.hpp for the checked fast path.
Geometry unary_union(std::vector<Geometry> parts);

// A GeometryCollection of clones of `parts` (for GEOS functions taking one geometry).
Geometry collect(std::span<const Geometry* const> parts);

}  // namespace cartes::geo
