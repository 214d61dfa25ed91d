#pragma once
// Synthetic territory bases for the rings tests: an n x n grid of 1 km square
// communes in Lambert-93 (x from 300 km, y from 6 700 km), each commune also
// its own EPCI, with populations and INSEE zonings that follow the grid so
// every expected answer can be derived from the construction:
//   commune (col, row): code "9" + 2-digit col + 2-digit row, population
//   municipale 100 + 10*col + row, area 1 km²;
//   EPCI: SIREN "2" + the commune code + "000" (one commune each);
//   AAV 2020 "901": cells within Chebyshev distance 1 of the centre are the
//   pôle (CATEAAV 11 for the centre, 12 around), distance 2 the couronne (20),
//   the rest outside any AAV ("000", 30); ZE 2020 "9901" for the left half
//   (col <= n/2), "9902" for the rest; BV 2022 = AAV pôle + couronne ("99001").
#include <cmath>
#include <string>
#include <vector>

#include "model/territory.hpp"

namespace cartes::test {

inline std::string grid_code(int col, int row) {
  auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return "9" + two(col) + two(row);
}
inline std::string grid_siren(int col, int row) { return "2" + grid_code(col, row) + "000"; }
inline std::int64_t grid_population(int col, int row) { return 100 + 10 * col + row; }

// A square (or any axis-aligned box) in km, offsets in metres added to every
// vertex (to simulate the centimetre noise of reprojected sources).
inline geo::Geometry box_km(double x0, double y0, double x1, double y1, double dx_m = 0, double dy_m = 0) {
  auto X = [&](double v) { return std::to_string(300000 + v * 1000 + dx_m); };
  auto Y = [&](double v) { return std::to_string(6700000 + v * 1000 + dy_m); };
  return geo::Geometry::from_wkt("MULTIPOLYGON(((" + X(x0) + " " + Y(y0) + "," + X(x1) + " " + Y(y0) + "," + X(x1) +
                                 " " + Y(y1) + "," + X(x0) + " " + Y(y1) + "," + X(x0) + " " + Y(y0) + ")))");
}

inline model::TerritoryBase grid_base(int n, const std::string& scope = "loire-bretagne") {
  using namespace model;
  TerritoryBase base;
  base.scope = scope;
  const int c = n / 2;
  for (int col = 0; col < n; ++col)
    for (int row = 0; row < n; ++row) {
      Territory t;
      t.level = Level::commune;
      t.code = grid_code(col, row);
      t.name = "Commune " + std::to_string(col) + "-" + std::to_string(row);
      t.population_municipale = grid_population(col, row);
      t.population_totale = t.population_municipale + 3;
      t.area_km2 = 1.0;
      t.geometry = box_km(col, row, col + 1, row + 1);
      t.epci = grid_siren(col, row);
      t.departements = {"99"};
      const int cheb = std::max(std::abs(col - c), std::abs(row - c));
      t.aav2020 = cheb <= 2 ? "901" : "000";
      t.aav_category = cheb == 0 ? "11" : cheb == 1 ? "12" : cheb == 2 ? "20" : "30";
      t.ze2020 = col <= c ? "9901" : "9902";
      t.bv2022 = cheb <= 2 ? "99001" : "99002";
      Territory e;
      e.level = Level::epci;
      e.code = t.epci;
      e.name = "CC " + std::to_string(col) + "-" + std::to_string(row);
      e.kind = "CC";
      e.population_municipale = t.population_municipale;
      e.area_km2 = 1.0;
      e.communes = {t.code};
      e.geometry = t.geometry.clone();
      base.layer(Level::commune).push_back(std::move(t));
      base.layer(Level::epci).push_back(std::move(e));
    }
  base.reindex();
  return base;
}

}  // namespace cartes::test
