#pragma once
// A GEOS prepared geometry (indexed once, then many predicate tests against
// it): the distance bands test every territory of a level against the core.
// Not thread-safe: GEOS builds its indexes lazily on first use.
#include <memory>

#include "geo/geometry.hpp"

struct GEOSPrepGeom_t;  // = GEOSPreparedGeometry in geos_c.h

namespace cartes::geo {

class PreparedGeometry {
 public:
  // Keeps a copy of `g` (a prepared geometry refers to its source).
  explicit PreparedGeometry(const Geometry& g);
  ~PreparedGeometry();
  PreparedGeometry(const PreparedGeometry&) = delete;
  PreparedGeometry& operator=(const PreparedGeometry&) = delete;

  bool intersects(const Geometry& other) const;
  bool contains(Point p) const;
  // True when some part of `other` lies within `distance` of the geometry.
  bool distance_within(const Geometry& other, double distance) const;
  bool distance_within(Point p, double distance) const;
  const Envelope& envelope() const { return envelope_; }

 private:
  Geometry source_;
  const GEOSPrepGeom_t* prepared_ = nullptr;
  Envelope envelope_;
};

}  // namespace cartes::geo
