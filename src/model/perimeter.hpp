#pragma once
// Perimeters: each alliance's members (any level) deduplicated down to
// communes, dissolved with GEOS (checked as in geo/dissolve.hpp), with their
// figures; pairwise overlaps; per-commune coverage counts by theme.
#include <cstdint>
#include <map>
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
  int parts = 0;                      // separate polygons (non-contiguous alliances > 1)
  bool dissolve_fell_back = false;
};

struct Overlap {
  std::size_t a = 0, b = 0;           // indices into the perimeters vector
  std::vector<std::size_t> communes;  // shared communes
  double area_km2 = 0;
  std::int64_t population_municipale = 0;
  geo::Geometry geometry;             // shared geometry
};

// Per commune: how many alliances cover it, in total and by theme id.
struct CommuneCoverage {
  std::size_t commune = 0;
  int total = 0;
  std::map<std::string, int> by_theme;
};

std::vector<Perimeter> compute_perimeters(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                          Progress* progress = nullptr);
std::vector<Overlap> compute_overlaps(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                      const std::vector<Perimeter>& perimeters);
std::vector<CommuneCoverage> compute_coverage(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                              const std::vector<Perimeter>& perimeters);

}  // namespace cartes::model
