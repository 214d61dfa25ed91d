#include "geo/spatial_index.hpp"

#include <string>

#include "geo/geos_handle.hpp"

namespace cartes::geo {
using detail::geos;

namespace {
bool predicate(char r, const char* what) {
  if (r == 2) throw GeometryError(std::string("GEOS: prepared ") + what + ": " + detail::last_error());
  return r == 1;
}
}  // namespace

PreparedGeometry::PreparedGeometry(const Geometry& g) : source_(g.clone()) {
  if (source_.null()) throw GeometryError("prepared geometry of a null geometry");
  prepared_ = GEOSPrepare_r(geos(), source_.get());
  if (!prepared_) throw GeometryError("GEOS: prepare: " + detail::last_error());
  envelope_ = source_.envelope();
}

PreparedGeometry::~PreparedGeometry() { detail::PreparedDeleter{}(prepared_); }

bool PreparedGeometry::intersects(const Geometry& other) const {
  return predicate(GEOSPreparedIntersects_r(geos(), prepared_, other.get()), "intersects");
}

bool PreparedGeometry::contains(Point p) const {
  const Geometry pt = Geometry::point(p);
  return predicate(GEOSPreparedContains_r(geos(), prepared_, pt.get()), "contains");
}

bool PreparedGeometry::distance_within(const Geometry& other, double distance) const {
  return predicate(GEOSPreparedDistanceWithin_r(geos(), prepared_, other.get(), distance), "distance within");
}

bool PreparedGeometry::distance_within(Point p, double distance) const {
  const Geometry pt = Geometry::point(p);
  return distance_within(pt, distance);
}

}  // namespace cartes::geo
