#include <catch2/catch.hpp>

#include "geo/geometry.hpp"

using cartes::geo::Geometry;

TEST_CASE("geometry round-trips through WKT and WKB") {
  const Geometry g = Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
  CHECK(g.area() == Approx(100));
  CHECK(g.is_valid());
  const Geometry back = Geometry::from_wkb(g.to_wkb());
  CHECK(back.area() == Approx(100));
  CHECK(g.as_multipolygon().type_name() == "MultiPolygon");
  CHECK(g.as_multipolygon().part_count() == 1);
}

TEST_CASE("invalid geometry is detected and repaired") {
  // A bow-tie: self-intersecting ring.
  const Geometry bow = Geometry::from_wkt("POLYGON((0 0,10 10,10 0,0 10,0 0))");
  CHECK_FALSE(bow.is_valid());
  CHECK(bow.invalid_reason().find("Self-intersection") != std::string::npos);
  const Geometry fixed = bow.make_valid();
  CHECK(fixed.is_valid());
  CHECK(fixed.type_name() == "MultiPolygon");
  CHECK(fixed.area() == Approx(50));
}

TEST_CASE("polygons() exposes rings with holes") {
  const Geometry g = Geometry::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 4,2 2))");
  const auto polys = g.polygons();
  REQUIRE(polys.size() == 1);
  CHECK(polys[0].rings.size() == 2);
  CHECK(Geometry::from_polygons(polys).area() == Approx(96));
}

TEST_CASE("malformed WKT throws a GeometryError") {
  CHECK_THROWS_AS(Geometry::from_wkt("POLYGON((0 0,1"), cartes::geo::GeometryError);
}
