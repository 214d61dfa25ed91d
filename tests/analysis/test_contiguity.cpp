#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <set>

#include "grid_base.hpp"
#include "geo/contiguity.hpp"

using namespace cartes;
using geo::Adjacency;
using geo::ContiguityOptions;
using geo::Geometry;

namespace {

std::vector<const Geometry*> ptrs(const std::vector<Geometry>& v) {
  std::vector<const Geometry*> out;
  for (const auto& g : v) out.push_back(&g);
  return out;
}

std::vector<Geometry> grid_cells(int n) {
  std::vector<Geometry> cells;
  for (int col = 0; col < n; ++col)
    for (int row = 0; row < n; ++row) cells.push_back(test::box_km(col, row, col + 1, row + 1));
  return cells;
}

// Breadth-first distances from `start` in the graph.
std::vector<int> hops(const geo::ContiguityGraph& g, std::size_t start) {
  std::vector<int> d(g.size(), -1);
  std::vector<std::size_t> q{start};
  d[start] = 0;
  for (std::size_t h = 0; h < q.size(); ++h)
    for (auto j : g.neighbours(q[h]))
      if (d[j] < 0) d[j] = d[q[h]] + 1, q.push_back(j);
  return d;
}

}  // namespace

TEST_CASE("rook rings on a 9x9 grid have 4k cells, queen rings 8k") {
  const auto cells = grid_cells(9);
  const auto p = ptrs(cells);
  const std::size_t centre = 4 * 9 + 4;
  for (auto method : {geo::ContiguityMethod::segments, geo::ContiguityMethod::geos_overlay}) {
    ContiguityOptions rook;
    rook.method = method;
    const auto g = geo::contiguity(p, rook);
    const auto d = hops(g, centre);
    for (int k = 1; k <= 4; ++k) CHECK(std::count(d.begin(), d.end(), k) == 4 * k);
    // Each interior cell has exactly its 4 edge neighbours, each with 1 km of border.
    CHECK(g.degree(centre) == 4);
    for (float len : g.lengths(centre)) CHECK(len == Approx(1000).margin(0.2));
    // 2 * n * (n - 1) shared edges in a grid.
    CHECK(g.edge_count() == 2 * 9 * 8);

    ContiguityOptions queen = rook;
    queen.mode = Adjacency::queen;
    const auto gq = geo::contiguity(p, queen);
    const auto dq = hops(gq, centre);
    for (int k = 1; k <= 4; ++k) CHECK(std::count(dq.begin(), dq.end(), k) == 8 * k);
    CHECK(gq.degree(centre) == 8);
  }
}

TEST_CASE("a territory without neighbours is an island, kept in the graph") {
  auto cells = grid_cells(3);
  cells.push_back(test::box_km(10, 10, 11, 11));  // far away
  cells.push_back(Geometry{});                     // a null geometry stays an isolated node
  const auto g = geo::contiguity(ptrs(cells));
  REQUIRE(g.size() == 11);
  CHECK(g.islands() == std::vector<std::size_t>{9, 10});
  CHECK(g.degree(4) == 4);
}

TEST_CASE("rook needs a shared stretch above the minimum length; a corner is queen only") {
  // Two squares touching at one corner, and a pair sharing only 0.5 m.
  std::vector<Geometry> v;
  v.push_back(test::box_km(0, 0, 1, 1));
  v.push_back(test::box_km(1, 1, 2, 2));           // corner contact with 0
  v.push_back(test::box_km(1, -1, 2, 0.0005));     // shares 0.5 m of the x = 1 km edge with 0
  ContiguityOptions rook;
  const auto g = geo::contiguity(ptrs(v), rook);
  CHECK_FALSE(g.adjacent(0, 1));
  CHECK_FALSE(g.adjacent(0, 2));  // 0.5 m < 1 m
  rook.min_shared_length = 0.4;
  CHECK(geo::contiguity(ptrs(v), rook).adjacent(0, 2));
  ContiguityOptions queen;
  queen.mode = Adjacency::queen;
  const auto gq = geo::contiguity(ptrs(v), queen);
  CHECK(gq.adjacent(0, 1));
  CHECK(gq.adjacent(0, 2));
}

TEST_CASE("shared boundary length follows partial edges and vertices that do not match") {
  // b shares the segment y in [0.25, 0.75] km of a's right edge; b's edge has
  // vertices a does not have.
  const Geometry a = test::box_km(0, 0, 1, 1);
  const Geometry b = test::box_km(1, 0.25, 2, 0.75);
  CHECK(geo::shared_boundary_length(a, b, 0.05) == Approx(500).margin(0.01));
  CHECK(geo::shared_boundary_length(b, a, 0.05) == Approx(500).margin(0.01));
  // An enclave: the hole of c is exactly d.
  const Geometry c = Geometry::from_wkt(
      "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0),(400 400,600 400,600 600,400 600,400 400))");
  const Geometry d = Geometry::from_wkt("POLYGON((400 400,600 400,600 600,400 600,400 400))");
  CHECK(geo::shared_boundary_length(c, d, 0.05) == Approx(800).margin(0.01));
  const Geometry* both[] = {&c, &d};
  CHECK(geo::contiguity(both).adjacent(0, 1));
}

TEST_CASE("the snapping tolerance absorbs centimetre offsets between neighbours' copies of a border") {
  // Neighbours whose shared vertices are off by 2 cm (as after reprojecting
  // 5-decimal WGS84): exact geometry sees only crossings, the 5 cm
  // tolerance sees the whole border.
  std::vector<Geometry> v;
  v.push_back(test::box_km(0, 0, 1, 1));
  v.push_back(test::box_km(1, 0, 2, 1, 0.02, 0.015));
  ContiguityOptions exact;
  exact.snap_tolerance = 0;
  CHECK_FALSE(geo::contiguity(ptrs(v), exact).adjacent(0, 1));
  ContiguityOptions tolerant;  // 5 cm default
  const auto g = geo::contiguity(ptrs(v), tolerant);
  REQUIRE(g.adjacent(0, 1));
  CHECK(g.lengths(0)[0] == Approx(1000).margin(1));
  // A real gap of 1 m is not bridged.
  v[1] = test::box_km(1.001, 0, 2, 1);
  CHECK_FALSE(geo::contiguity(ptrs(v), tolerant).adjacent(0, 1));
}

TEST_CASE("segment method agrees with GEOS overlay on an irregular tiling, on 1 and 2 threads") {
  // A 12x12 lattice with jittered interior vertices, cells cut into two
  // triangles along alternating diagonals: irregular shapes, shared vertices.
  const int n = 12;
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> jitter(-300, 300);
  std::vector<std::vector<geo::Point>> pts(n + 1, std::vector<geo::Point>(n + 1));
  for (int i = 0; i <= n; ++i)
    for (int j = 0; j <= n; ++j) {
      const bool border = i == 0 || j == 0 || i == n || j == n;
      pts[i][j] = {300000 + i * 1000.0 + (border ? 0 : jitter(rng)), 6700000 + j * 1000.0 + (border ? 0 : jitter(rng))};
    }
  std::vector<Geometry> cells;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const auto a = pts[i][j], b = pts[i + 1][j], c = pts[i + 1][j + 1], d = pts[i][j + 1];
      if ((i + j) % 2) {
        cells.push_back(Geometry::from_polygons({geo::Polygon{{{a, b, c, a}}}}));
        cells.push_back(Geometry::from_polygons({geo::Polygon{{{a, c, d, a}}}}));
      } else {
        cells.push_back(Geometry::from_polygons({geo::Polygon{{{a, b, d, a}}}}));
        cells.push_back(Geometry::from_polygons({geo::Polygon{{{b, c, d, b}}}}));
      }
    }
  const auto p = ptrs(cells);
  for (Adjacency mode : {Adjacency::rook, Adjacency::queen}) {
    ContiguityOptions seg;
    seg.mode = mode;
    seg.threads = 1;
    ContiguityOptions two = seg;
    two.threads = 2;
    ContiguityOptions ref = seg;
    ref.method = geo::ContiguityMethod::geos_overlay;
    const auto g1 = geo::contiguity(p, seg), g2 = geo::contiguity(p, two), gr = geo::contiguity(p, ref);
    CHECK(g1.targets == g2.targets);
    CHECK(g1.offsets == gr.offsets);
    CHECK(g1.targets == gr.targets);
    // Where a shared chain ends, the next segments diverge at an angle θ and
    // stay within the tolerance for about tol·cot θ more: the segment method
    // counts that stretch, vertex snapping does not (under 1 m here, with
    // the acute angles of this triangulation).
    for (std::size_t k = 0; k < g1.shared_length.size(); ++k)
      CHECK(g1.shared_length[k] == Approx(gr.shared_length[k]).margin(1.0));
    CHECK(g1.islands().empty());
  }
}

TEST_CASE("candidate pairs come from envelopes expanded by the tolerance") {
  std::vector<Geometry> v;
  v.push_back(test::box_km(0, 0, 1, 1));
  v.push_back(test::box_km(1.00004, 0, 2, 1));  // 4 cm gap
  v.push_back(test::box_km(5, 5, 6, 6));
  const auto pairs = geo::envelope_pairs(ptrs(v), 0.05);
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0] == std::pair<std::uint32_t, std::uint32_t>{0, 1});
  CHECK(geo::envelope_pairs(ptrs(v), 0.01).empty());
}
