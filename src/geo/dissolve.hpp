#pragma once
// Dissolving member polygons into one perimeter (EPCI from communes, ...).
//
// GEOS coverage union is about 6x faster than unary union on the commune
// polygons, but returned an empty result for 84 of the 1,232 French EPCI
// (members that do not form a clean coverage). So every fast result is
// checked: non-empty, valid, and area equal to the sum of the members' areas
// within `relative_tolerance`; otherwise the robust unary union is used.
#include <span>

#include "geo/geometry.hpp"

namespace cartes::geo {

struct DissolveResult {
  Geometry geometry;         // MultiPolygon
  bool fell_back = false;    // coverage union failed its check
  double members_area = 0;   // sum of the members' areas (m²)
};

struct DissolveOptions {
  double relative_tolerance = 1e-6;
  bool try_coverage_union = true;
};

DissolveResult dissolve(std::span<const Geometry* const> members, const DissolveOptions& options = {});

// True when `result` is a plausible dissolve of members whose areas sum to `members_area`.
bool dissolve_is_sound(const Geometry& result, double members_area, double relative_tolerance);

}  // namespace cartes::geo
