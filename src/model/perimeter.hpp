#pragma once
// Perimeters: each alliance's members (any level) deduplicated down to
// communes, dissolved with GEOS (checked as in geo/dissolve.hpp), with their
// figures; pairwise overlaps; per-commune coverage counts by theme.
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "model/alliance.hpp"
#include "model/territory.hpp"

namespace cartes::model {

struct Perimeter {
  std::string alliance_id;
  std::vector<std::size_t> communes;  // indices into base.layer(Level::commune), sorted, unique
  std::vector<std::string> epci;      // SIREN of the EPCI touched, sorted
  std::vector<std::string> missing;   // member codes not in the loaded base (other scope)
  geo::Geometry geometry;             // MultiPolygon, Lambert-93
  std::int64_t population_municipale = 0;  // each commune counted once
  std::int64_t population_totale = 0;
  double area_km2 = 0;
  int parts = 0;                      // groups of touching member communes (see parts_tolerance_m);
                                      // non-contiguous alliances have more than 1
  int polygons = 0;                   // polygons of the MultiPolygon (islands, slivers included)
  bool dissolve_fell_back = false;
};

// The figures two alliances share; its geometry is overlap_geometry(), made
// only by the writers that need it, one batch at a time.
struct Overlap {
  std::size_t a = 0, b = 0;           // indices into the perimeters vector, a < b
  std::size_t communes = 0;           // shared communes
  double area_km2 = 0;                // sum of the shared communes' areas
  std::int64_t population_municipale = 0;
  std::int64_t population_totale = 0;
};

// Per commune: how many alliances cover it, in total and by theme id.
struct CommuneCoverage {
  std::size_t commune = 0;
  int total = 0;
  std::map<std::string, int> by_theme;
};

// Parts are groups of member communes that touch, directly or through other
// members: a commune and its islets count once, Ouessant (20 km off) apart.
// Simplified contours sometimes leave gaps of a few metres between
// neighbours, so communes closer than this count as touching.
inline constexpr double parts_tolerance_m = 100.0;

// Groups of `pieces` lying within `tolerance_m` of each other (connected
// components; candidates from an STRtree on the envelopes).
int count_parts(std::span<const geo::Geometry* const> pieces, double tolerance_m);

// Per EPCI: how many alliances touch it (cover at least one of its communes).
struct EpciCoverage {
  std::size_t epci = 0;               // index into base.layer(Level::epci)
  int total = 0;
  std::map<std::string, int> by_theme;
};

// Perimeters are computed in parallel over alliances (std::thread, one GEOS
// context per thread); perimeters[i] belongs to alliances[i]. `threads` 0
// means std::thread::hardware_concurrency(). Throws when progress is cancelled.
std::vector<Perimeter> compute_perimeters(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                          Progress* progress = nullptr, unsigned threads = 0);
// Every pair of alliances sharing at least one commune, ordered by (a, b).
std::vector<Overlap> compute_overlaps(const TerritoryBase& base, const std::vector<Perimeter>& perimeters);
// The communes two perimeters share, sorted.
std::vector<std::size_t> shared_communes(const Perimeter& a, const Perimeter& b);
// The shared geometry of an overlap: the dissolve of its communes (or the
// smaller perimeter's geometry when one holds the other).
geo::Geometry overlap_geometry(const TerritoryBase& base, const std::vector<Perimeter>& perimeters, const Overlap& o);
// Calls fn(i, geometry of overlaps[i]) for every overlap, in order. The
// geometries are made a batch at a time in parallel and dropped after fn:
// memory holds one batch, however many overlaps there are. Overlaps with the
// same shared communes (EPCI-level alliances often have them) share one
// dissolve, kept until its last use.
void for_each_overlap_geometry(const TerritoryBase& base, const std::vector<Perimeter>& perimeters,
                               const std::vector<Overlap>& overlaps, unsigned threads,
                               const std::function<void(std::size_t, const geo::Geometry&)>& fn);
// One entry per commune of the base (total 0 where no alliance exists), in base order.
std::vector<CommuneCoverage> compute_coverage(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                              const std::vector<Perimeter>& perimeters);
// One entry per EPCI of the base, in base order.
std::vector<EpciCoverage> compute_epci_coverage(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                                const std::vector<Perimeter>& perimeters);

}  // namespace cartes::model
