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

#include "geo/dissolve.hpp"
#include "geo/geometry.hpp"

namespace cartes::geo {

struct OverlapCut {
  std::size_t kept = 0;  // index of the polygon that keeps the overlap
  std::size_t cut = 0;   // index of the polygon it was cut from
  double area = 0;       // m² removed from `cut`
};

struct OverlapResult {
  std::vector<OverlapCut> cuts;    // sorted by (cut, kept)
  std::vector<Geometry> original;  // per polygon: its geometry before the cut (null when not cut)
  std::vector<Geometry> removed;   // per polygon: the union of what was cut from it (null when not cut)
};

// Polygons whose group differs and whose interiors overlap (by more than
// `min_area` m²) are fixed in place. Runs on `threads` threads; geometries
// are only read by other threads until their own cut is applied.
OverlapResult remove_overlaps(std::vector<Geometry*> polygons, std::span<const int> group, unsigned threads = 2,
                              double min_area = 1e-3);

// Dissolving members some of which were cut by remove_overlaps. Cutting
// adds vertices that neighbours of the same group lack, so coverage union of
// the cut polygons fails (GEOS falls back to the slow unary union for most
// départements). Instead: coverage union of the members' originals (a clean
// coverage within one group), minus what was cut from them; the result is
// checked against the sum of the cut members' areas like dissolve(), and
// `fallback` members (the cut communes, or larger already dissolved parts
// covering the same area) go through dissolve() when the check fails.
struct CutMember {
  const Geometry* current = nullptr;   // the polygon after the cut
  const Geometry* original = nullptr;  // before the cut (== current when not cut)
  const Geometry* removed = nullptr;   // what was cut (null when not cut)
};
DissolveResult dissolve_cut(std::span<const CutMember> members, std::span<const Geometry* const> fallback,
                            double relative_tolerance = 1e-6);

// Dissolve of members that come from several clean coverages (`group`: one
// per département file): coverage union within each group, then the union
// of the few group results (unary union when their borders do not match).
// Where coverage union of all members fails only because the groups overlap
// or leave gaps along their borders, this avoids the unary union of every
// member (about 10x slower). `fell_back` is set when any step fell back.
DissolveResult dissolve_by_group(std::span<const Geometry* const> members, std::span<const int> group,
                                 const DissolveOptions& options = {});

}  // namespace cartes::geo
