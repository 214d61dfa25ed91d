#pragma once
// Simplification of a polygon coverage (features that tile the territory
// without overlapping: communes, EPCI, départements) that keeps shared
// boundaries shared. Each boundary section between two junctions (where the
// set of features on either side changes) is simplified once, with
// Douglas-Peucker in a canonical direction, so the two features on either
// side get the very same vertices: no slivers or gaps between neighbours,
// which independent per-polygon simplification would leave (they show as
// cracks in the map's fills). GEOS >= 3.12 has GEOSCoverageSimplifyVW for
// this; Debian 12 ships GEOS 3.11.
//
// Shared vertices are recognised by exact coordinate equality, which is how
// the base stores them (one source topology). Rings that collapse below three
// distinct points are dropped (a polygon whose exterior collapses goes with
// it): at the scale the tolerance is chosen for they are below a pixel.
#include <cstddef>
#include <vector>

#include "geo/geometry.hpp"

namespace cartes::geo {

class CoverageSimplifier {
 public:
  // features[i]: the polygons of feature i, closed rings (last == first).
  // Finds the junctions once; simplify() can then be called per tolerance.
  explicit CoverageSimplifier(const std::vector<std::vector<Polygon>>& features);

  // The features with every boundary section simplified to within
  // `tolerance` (same unit as the coordinates); same shape as the input.
  std::vector<std::vector<Polygon>> simplify(double tolerance) const;

  std::size_t junction_count() const { return junctions_; }

 private:
  struct RingRef {
    std::size_t feature, polygon, ring;
    std::vector<std::size_t> junctions;  // vertex indices, ascending
  };
  const std::vector<std::vector<Polygon>>& features_;
  std::vector<RingRef> rings_;
  std::size_t junctions_ = 0;
};

// Douglas-Peucker on an open polyline: which vertices to keep (the first and
// the last always). Deterministic for a given vertex order.
std::vector<bool> douglas_peucker(const std::vector<Point>& line, double tolerance);

}  // namespace cartes::geo
