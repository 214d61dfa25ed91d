#include <catch2/catch.hpp>

#include "geo/dissolve.hpp"

using namespace cartes::geo;

namespace {
Geometry square(double x, double y, double s = 1) {
  return Geometry::from_wkt("POLYGON((" + std::to_string(x) + " " + std::to_string(y) + "," + std::to_string(x + s) +
                            " " + std::to_string(y) + "," + std::to_string(x + s) + " " + std::to_string(y + s) + "," +
                            std::to_string(x) + " " + std::to_string(y + s) + "," + std::to_string(x) + " " +
                            std::to_string(y) + "))");
}
}  // namespace

TEST_CASE("dissolve of a clean coverage uses coverage union") {
  std::vector<Geometry> cells;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) cells.push_back(square(i, j));
  std::vector<const Geometry*> ptrs;
  for (auto& c : cells) ptrs.push_back(&c);
  const DissolveResult r = dissolve(ptrs);
  CHECK_FALSE(r.fell_back);
  CHECK(r.geometry.area() == Approx(9));
  CHECK(r.geometry.part_count() == 1);
  CHECK(r.geometry.is_valid());
}

TEST_CASE("dissolve falls back to unary union when the coverage is not clean") {
  // Overlapping squares are not a coverage: coverage union's area check fails.
  Geometry a = square(0, 0, 2), b = square(1, 0, 2);
  const Geometry* ptrs[] = {&a, &b};
  const DissolveResult r = dissolve(ptrs);
  CHECK(r.fell_back);
  CHECK(r.geometry.area() == Approx(6));
  CHECK(r.geometry.is_valid());
}

TEST_CASE("dissolve keeps non-contiguous parts") {
  Geometry a = square(0, 0), b = square(5, 5);
  const Geometry* ptrs[] = {&a, &b};
  const DissolveResult r = dissolve(ptrs);
  CHECK(r.geometry.part_count() == 2);
  CHECK(r.geometry.area() == Approx(2));
}
