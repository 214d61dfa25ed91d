#include <catch2/catch.hpp>

#include "catalogue_helpers.hpp"
#include "model/catalogue.hpp"
#include "model/perimeter.hpp"
#include "synthetic_base.hpp"

using namespace cartes;
using namespace cartes::model;

namespace {
Alliance alliance(std::string id, std::vector<std::string> themes,
                  std::vector<std::pair<Level, std::string>> members) {
  Alliance a;
  a.id = std::move(id);
  a.themes = std::move(themes);
  for (auto& [level, code] : members) {
    Member m;
    m.level = level;
    m.code = code;
    a.members.push_back(m);
  }
  return a;
}
}  // namespace

TEST_CASE("mixed levels are deduplicated down to communes, each counted once") {
  const TerritoryBase base = cartes::test::synthetic_base();
  // EPCI 200000001 = {99001, 99002}, plus 99002 again and 99003.
  const auto alliances = std::vector{alliance("mixte", {"mobilite"}, {{Level::epci, "200000001"},
                                                                      {Level::commune, "99002"},
                                                                      {Level::commune, "99003"}})};
  const auto p = compute_perimeters(base, alliances);
  REQUIRE(p.size() == 1);
  CHECK(p[0].alliance_id == "mixte");
  CHECK(p[0].communes == std::vector<std::size_t>{0, 1, 2});
  CHECK(p[0].population_municipale == 100 + 200 + 300);
  CHECK(p[0].population_totale == 105 + 205 + 305);
  CHECK(p[0].area_km2 == Approx(3.0));
  CHECK(p[0].parts == 1);
  CHECK(p[0].epci == std::vector<std::string>{"200000001", "200000002"});
  CHECK(p[0].missing.empty());
  CHECK(p[0].geometry.is_valid());
  CHECK(p[0].geometry.type_name() == "MultiPolygon");
  // The union is one 3 km x 1 km rectangle: no inner boundaries left.
  CHECK(p[0].geometry.length() == Approx(8000.0));
  CHECK_FALSE(p[0].dissolve_fell_back);
}

TEST_CASE("a département and a région reach all their communes; pays through their EPCI") {
  const TerritoryBase base = cartes::test::synthetic_base();
  const auto alliances = std::vector{alliance("dep", {"sante"}, {{Level::departement, "99"}}),
                                     alliance("pays", {"sante"}, {{Level::pays, "PX01"}, {Level::region, "98"}})};
  const auto p = compute_perimeters(base, alliances, nullptr, 2);
  CHECK(p[0].communes.size() == 7);
  CHECK(p[0].population_municipale == 2800);
  CHECK(p[0].parts == 2);  // 99007 lies apart
  CHECK(p[1].communes.size() == 7);
  CHECK(p[1].population_municipale == 2800);
}

TEST_CASE("non-contiguous alliances have several parts; codes outside the base are listed") {
  const TerritoryBase base = cartes::test::synthetic_base();
  const auto alliances = std::vector{
      alliance("disjointe", {"sante"}, {{Level::epci, "200000001"}, {Level::epci, "200000004"}}),
      alliance("ailleurs", {"sante"}, {{Level::epci, "200000004"}, {Level::epci, "243800604"}})};
  const auto p = compute_perimeters(base, alliances);
  CHECK(p[0].parts == 2);
  CHECK(p[0].area_km2 == Approx(3.0));
  CHECK(p[0].population_municipale == 100 + 200 + 700);
  CHECK(p[1].parts == 1);
  CHECK(p[1].missing == std::vector<std::string>{"243800604"});
  CHECK(p[1].communes == std::vector<std::size_t>{6});
}

TEST_CASE("pairwise overlaps: shared communes, area, population and geometry") {
  const TerritoryBase base = cartes::test::synthetic_base();
  const auto alliances = std::vector{
      alliance("pays", {"mobilite"}, {{Level::pays, "PX01"}}),                                    // 1-4
      alliance("est", {"mobilite", "sante"}, {{Level::epci, "200000002"}, {Level::epci, "200000003"}}),  // 3-6
      alliance("ilot", {"energie"}, {{Level::commune, "99007"}})};                                 // 7
  const auto p = compute_perimeters(base, alliances);
  const auto overlaps = compute_overlaps(base, p);
  REQUIRE(overlaps.size() == 1);  // "ilot" shares nothing
  const Overlap& o = overlaps[0];
  CHECK(o.a == 0);
  CHECK(o.b == 1);
  CHECK(o.communes == 2);
  CHECK(shared_communes(p[0], p[1]) == std::vector<std::size_t>{2, 3});
  CHECK(o.population_municipale == 300 + 400);
  CHECK(o.population_totale == 305 + 405);
  CHECK(o.area_km2 == Approx(2.0));
  CHECK(overlap_geometry(base, p, o).area() == Approx(p[0].geometry.intersection(p[1].geometry).area()));

  const auto coverage = compute_coverage(base, alliances, p);
  REQUIRE(coverage.size() == 7);
  CHECK(coverage[0].total == 1);
  CHECK(coverage[2].total == 2);
  CHECK(coverage[2].by_theme.at("mobilite") == 2);
  CHECK(coverage[2].by_theme.at("sante") == 1);
  CHECK(coverage[4].by_theme.count("energie") == 0);
  CHECK(coverage[6].total == 1);
  CHECK(coverage[6].by_theme.at("energie") == 1);

  const auto epci = compute_epci_coverage(base, alliances, p);
  REQUIRE(epci.size() == 4);
  CHECK(epci[0].total == 1);                         // 200000001: pays only
  CHECK(epci[1].total == 2);                         // 200000002: pays and est
  CHECK(epci[1].by_theme.at("mobilite") == 2);
  CHECK(epci[2].total == 1);
  CHECK(epci[3].by_theme.at("energie") == 1);
}

TEST_CASE("perimeters of the synthetic catalogue, in parallel, match a sequential run") {
  const TerritoryBase base = cartes::test::synthetic_base();
  const Catalogue cat = load_catalogue(cartes::test::catalogue_fixture("synthetic.toml"), cartes::test::vocabulary());
  const auto seq = compute_perimeters(base, cat.alliances, nullptr, 1);
  const auto par = compute_perimeters(base, cat.alliances, nullptr, 4);
  REQUIRE(seq.size() == par.size());
  for (std::size_t i = 0; i < seq.size(); ++i) {
    CHECK(seq[i].alliance_id == cat.alliances[i].id);
    CHECK(par[i].alliance_id == seq[i].alliance_id);
    CHECK(par[i].communes == seq[i].communes);
    CHECK(par[i].area_km2 == Approx(seq[i].area_km2));
  }
  CHECK(seq[3].missing == std::vector<std::string>{"84"});
}

TEST_CASE("parts: communes closer than the tolerance touch, farther ones stand apart") {
  const auto a = cartes::test::square_km(0);
  const auto b = cartes::test::square_km(1.05);  // 50 m gap
  const auto c = cartes::test::square_km(3);     // 950 m from b
  const geo::Geometry* near[] = {&a, &b};
  const geo::Geometry* all[] = {&a, &b, &c};
  CHECK(count_parts(near, parts_tolerance_m) == 1);
  CHECK(count_parts(near, 10.0) == 2);
  CHECK(count_parts(all, parts_tolerance_m) == 2);
  CHECK(count_parts(all, 1000.0) == 1);
  CHECK(count_parts({}, parts_tolerance_m) == 0);
}
