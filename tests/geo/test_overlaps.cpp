#include <catch2/catch.hpp>

#include "geo/overlaps.hpp"

using namespace cartes::geo;

namespace {
Geometry rect(double x0, double y0, double x1, double y1) {
  return Geometry::from_polygons({Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}});
}
}  // namespace

TEST_CASE("overlaps between groups are cut from the later polygon") {
  // Two départements simplified apart: A (group 0) and B (group 1) overlap on
  // a 0.2 x 10 strip; C (group 1) is B's clean neighbour.
  Geometry a = rect(0, 0, 10, 10), b = rect(9.8, 0, 20, 10), c = rect(20, 0, 30, 10);
  std::vector<Geometry*> polys{&a, &b, &c};
  const int groups[] = {0, 1, 1};
  const OverlapResult r = remove_overlaps(polys, groups, 2);
  REQUIRE(r.cuts.size() == 1);
  CHECK(r.cuts[0].kept == 0);
  CHECK(r.cuts[0].cut == 1);
  CHECK(r.cuts[0].area == Approx(2.0));
  CHECK(a.area() == Approx(100));
  CHECK(b.area() == Approx(100));  // 102.0 before the cut
  CHECK(c.area() == Approx(100));
  CHECK(b.is_valid());
  CHECK(a.intersection(b).area() == Approx(0).margin(1e-9));
  CHECK(r.original[1].area() == Approx(102));
  CHECK(r.removed[1].area() == Approx(2));
  CHECK(r.original[0].null());
  CHECK(r.removed[2].null());
}

TEST_CASE("polygons of one group are left alone, even when they overlap") {
  Geometry a = rect(0, 0, 10, 10), b = rect(9, 0, 20, 10);
  std::vector<Geometry*> polys{&a, &b};
  const int groups[] = {3, 3};
  CHECK(remove_overlaps(polys, groups, 1).cuts.empty());
  CHECK(b.area() == Approx(110));
}

TEST_CASE("dissolve_cut: coverage union of the originals minus the cut equals the sum of the cut members") {
  // B and C share an edge (one group). B was cut by an overlap with a
  // neighbour from another group; the cut adds vertices that C lacks, so
  // coverage union of the cut polygons would not be exact.
  Geometry a = rect(0, 0, 10, 10), b = rect(9.8, 0, 20, 10), c = rect(20, 0, 30, 10);
  std::vector<Geometry*> polys{&a, &b, &c};
  const int groups[] = {0, 1, 1};
  const OverlapResult r = remove_overlaps(polys, groups, 1);
  const CutMember members[] = {{&b, &r.original[1], &r.removed[1]}, {&c, &c, nullptr}};
  const Geometry* fallback[] = {&b, &c};
  const DissolveResult d = dissolve_cut(members, fallback);
  CHECK_FALSE(d.fell_back);
  CHECK(d.geometry.area() == Approx(200).epsilon(1e-9));
  CHECK(d.members_area == Approx(200));
  CHECK(d.geometry.part_count() == 1);
  CHECK(d.geometry.is_valid());

  // Members whose originals overlap (several groups) are not a coverage: the
  // check fails and the fallback members are unioned instead.
  const CutMember all[] = {{&a, &a, nullptr}, {&b, &r.original[1], &r.removed[1]}, {&c, &c, nullptr}};
  const Geometry* all_fallback[] = {&a, &b, &c};
  const DissolveResult e = dissolve_cut(all, all_fallback);
  CHECK(e.fell_back);
  CHECK(e.geometry.area() == Approx(300).epsilon(1e-9));
}
