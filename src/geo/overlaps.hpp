#pragma once
// Making a polygon layer a coverage again where it was generalised in pieces.
//
// The commune polygons come one file per département, each simplified on its
// own: along département borders neighbours overlap by up to ~1e-4 of their
// area (CU d'Alençon: 0.12 km² of 463 km²). Overlaps break the identity
// "area of a dissolved EPCI = sum of its communes' areas" and make coverage
// union fail; gaps do not. So overlaps between polygons of different groups
// are cut from one side (the polygon with the higher index), leaving a layer
// without overlaps.
#include <cstddef>
#include <span>
#include <vector>

#include "geo/geometry.hpp"

namespace cartes::geo {

struct OverlapCut {
  std::size_t kept = 0;  // index of the polygon that keeps the overlap
  std::size_t cut = 0;   // index of the polygon it was cut from
  double area = 0;       // m² removed from `cut`
};

// Polygons whose group differs and whose interiors overlap (by more than
// `min_area` m²) are fixed in place; returns the cuts, sorted by (cut, kept).
// Runs on `threads` threads; geometries are only read by other threads
// until their own cut is applied.
std::vector<OverlapCut> remove_overlaps(std::vector<Geometry*> polygons, std::span<const int> group,
                                        unsigned threads = 2, double min_area = 1e-3);

}  // namespace cartes::geo
