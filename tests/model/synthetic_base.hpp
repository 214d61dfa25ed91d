#pragma once
// A small territory base built in memory from 1 km squares, for tests:
//
//   x (km)  0    1    2    3    4    5    6   ...  10   11
//           | 99001 | 99002 | 99003 | 99004 | 99005 | 99006 |      | 99007 |
//           |  EPCI 200000001  |  200000002 |  200000003 |      | 200000004 |
//           |     pays PX01 (first four)    |                                 |
//           |              département 99, région 98 (all seven)              |
//
// Commune i (1-based) has population municipale 100*i and totale 100*i + 5.
// 99007 (in EPCI 200000004) shares no border with the others.
#include <string>

#include "model/territory.hpp"

namespace cartes::test {

inline cartes::geo::Geometry square_km(double x0_km, double width_km = 1.0) {
  const double x0 = 300000 + x0_km * 1000, y0 = 6700000, x1 = x0 + width_km * 1000, y1 = y0 + 1000;
  return cartes::geo::Geometry::from_wkt("MULTIPOLYGON(((" + std::to_string(x0) + " " + std::to_string(y0) + "," +
                                         std::to_string(x1) + " " + std::to_string(y0) + "," + std::to_string(x1) +
                                         " " + std::to_string(y1) + "," + std::to_string(x0) + " " +
                                         std::to_string(y1) + "," + std::to_string(x0) + " " + std::to_string(y0) +
                                         ")))");
}

inline cartes::model::TerritoryBase synthetic_base() {
  using namespace cartes::model;
  TerritoryBase base;
  base.scope = "loire-bretagne";
  const char* names[] = {"Alpha", "Bêta", "Gamma", "Delta", "Epsilon", "Zêta", "Îlot"};
  const char* epci[] = {"200000001", "200000001", "200000002", "200000002", "200000003", "200000003", "200000004"};
  const double x[] = {0, 1, 2, 3, 4, 5, 10};
  for (int i = 0; i < 7; ++i) {
    Territory c;
    c.level = Level::commune;
    c.code = "9900" + std::to_string(i + 1);
    c.name = names[i];
    c.population_municipale = 100 * (i + 1);
    c.population_totale = 100 * (i + 1) + 5;
    c.geometry = square_km(x[i]);
    c.area_km2 = 1.0;
    c.epci = epci[i];
    c.pays = i < 4 ? "PX01" : "";
    c.departements = {"99"};
    c.region = "98";
    base.layer(Level::commune).push_back(std::move(c));
  }
  auto group = [&base](Level level, std::string code, std::string name, std::vector<int> members) {
    Territory t;
    t.level = level;
    t.code = std::move(code);
    t.name = std::move(name);
    for (int m : members) {
      const Territory& c = base.layer(Level::commune)[static_cast<std::size_t>(m - 1)];
      t.communes.push_back(c.code);
      t.population_municipale += c.population_municipale;
      t.population_totale += c.population_totale;
      t.area_km2 += 1.0;
    }
    base.layer(level).push_back(std::move(t));
  };
  group(Level::epci, "200000001", "Communauté Alpha-Bêta", {1, 2});
  group(Level::epci, "200000002", "CC Gamma Delta", {3, 4});
  group(Level::epci, "200000003", "CC Epsilon Zêta", {5, 6});
  group(Level::epci, "200000004", "Îlot Communauté", {7});
  group(Level::pays, "PX01", "Pays Un", {1, 2, 3, 4});
  group(Level::departement, "99", "Département Synthétique", {1, 2, 3, 4, 5, 6, 7});
  group(Level::region, "98", "Région Synthétique", {1, 2, 3, 4, 5, 6, 7});
  base.reindex();
  return base;
}

}  // namespace cartes::test
