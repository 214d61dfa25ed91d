// Coverage simplification (geo/coverage_simplify.hpp): neighbours keep one
// boundary, every vertex stays within the tolerance, islands and enclaves
// are simplified the same way from either side.
#include <catch2/catch.hpp>

#include <cmath>
#include <algorithm>
#include <map>
#include <utility>

#include "geo/coverage_simplify.hpp"

using namespace cartes::geo;

namespace {

// A closed ring from open points.
Ring closed(std::vector<Point> pts) {
  pts.push_back(pts.front());
  return pts;
}

// A wiggly line from (0, 0) to (0, 1000): x = ±amp on alternate vertices,
// 50 vertices. The shared boundary of the two squares below.
std::vector<Point> wiggle(double amp) {
  std::vector<Point> pts;
  for (int i = 0; i <= 50; ++i) pts.push_back({(i % 2 ? amp : -amp) * (i > 0 && i < 50), 20.0 * i});
  return pts;
}

// West square [-1000, 0] x [0, 1000] and east square [0, 1000] x [0, 1000],
// sharing the wiggly line; each ring keeps the wiggle's vertices in its own
// direction.
std::vector<std::vector<Polygon>> two_squares(double amp) {
  const auto w = wiggle(amp);
  std::vector<Point> east{{1000, 0}, {1000, 1000}};
  for (auto it = w.rbegin(); it != w.rend(); ++it) east.push_back(*it);  // (0,1000) .. (0,0)
  std::vector<Point> west{{-1000, 1000}, {-1000, 0}};
  for (const auto& p : w) west.push_back(p);  // (0,0) .. (0,1000)
  return {{Polygon{{closed(east)}}}, {Polygon{{closed(west)}}}};
}

// Directed segments of every ring, counted.
std::map<std::pair<std::pair<double, double>, std::pair<double, double>>, int> segments(
    const std::vector<std::vector<Polygon>>& features) {
  std::map<std::pair<std::pair<double, double>, std::pair<double, double>>, int> out;
  for (const auto& f : features)
    for (const auto& p : f)
      for (const auto& r : p.rings)
        for (std::size_t i = 0; i + 1 < r.size(); ++i) ++out[{{r[i].x, r[i].y}, {r[i + 1].x, r[i + 1].y}}];
  return out;
}

double distance_to_ring(const Point& p, const Ring& r) {
  double best = INFINITY;
  for (std::size_t i = 0; i + 1 < r.size(); ++i) {
    const Point a = r[i], b = r[i + 1];
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
    best = std::min(best, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
  }
  return best;
}

}  // namespace

TEST_CASE("Douglas-Peucker keeps the ends and the vertices beyond the tolerance", "[geo]") {
  const std::vector<Point> line{{0, 0}, {10, 1}, {20, 0}, {30, 50}, {40, 0}};
  const auto keep = douglas_peucker(line, 5);
  CHECK(keep == std::vector<bool>{true, false, true, true, true});
  CHECK(douglas_peucker(line, 100) == std::vector<bool>{true, false, false, false, true});
}

TEST_CASE("Neighbours simplified as a coverage keep the very same boundary", "[geo]") {
  const auto features = two_squares(8);
  const CoverageSimplifier simplifier(features);
  CHECK(simplifier.junction_count() == 2);  // (0, 0) and (0, 1000)
  const auto out = simplifier.simplify(10);
  REQUIRE(out.size() == 2);
  REQUIRE(out[0].size() == 1);
  REQUIRE(out[1].size() == 1);
  // The ±8 m wiggle is within 10 m: each square is back to its 4 corners.
  CHECK(out[0][0].rings[0].size() == 5);
  CHECK(out[1][0].rings[0].size() == 5);
  // Every segment on x = 0 in one square is in the other, reversed.
  for (const auto& [seg, n] : segments(out)) {
    if (seg.first.first != 0 || seg.second.first != 0) continue;
    CHECK(segments(out).count({seg.second, seg.first}) == 1);
  }

  // A tolerance below the wiggle keeps it, identically on both sides.
  const auto fine = simplifier.simplify(5);
  const auto segs = segments(fine);
  int shared = 0;
  for (const auto& [seg, n] : segs) {
    const bool on_boundary = std::abs(seg.first.first) <= 8 && std::abs(seg.second.first) <= 8 &&
                             seg.first.second > 0 && seg.second.second < 1000 && seg.first.second < 1000 &&
                             seg.second.second > 0;
    if (!on_boundary) continue;
    ++shared;
    CHECK(segs.count({seg.second, seg.first}) == 1);
  }
  CHECK(shared > 40);
}

TEST_CASE("Simplified rings stay within the tolerance of every original vertex", "[geo]") {
  // A 2 km wide circle of 400 vertices with 30 m noise.
  Ring ring;
  for (int i = 0; i < 400; ++i) {
    const double a = 2 * M_PI * i / 400, r = 1000 + 30 * std::sin(37.0 * a);
    ring.push_back({r * std::cos(a), r * std::sin(a)});
  }
  ring.push_back(ring.front());
  const std::vector<std::vector<Polygon>> features{{Polygon{{ring}}}};
  for (double tol : {5.0, 50.0, 200.0}) {
    const auto out = CoverageSimplifier(features).simplify(tol);
    REQUIRE(out[0].size() == 1);
    const Ring& s = out[0][0].rings[0];
    CHECK(s.size() < ring.size());
    CHECK(s.front() == s.back());
    for (const auto& p : ring) CHECK(distance_to_ring(p, s) <= tol + 1e-9);
  }
  // Tolerance 0: unchanged.
  CHECK(CoverageSimplifier(features).simplify(0)[0][0].rings[0] == ring);
}

TEST_CASE("An enclave and the hole it fills are simplified alike; tiny islands are dropped", "[geo]") {
  Ring hole, enclave;
  for (int i = 0; i < 60; ++i) {
    const double a = 2 * M_PI * i / 60, r = 300 + 4 * (i % 2);
    hole.push_back({5000 + r * std::cos(a), 5000 + r * std::sin(a)});
  }
  enclave = hole;
  std::reverse(enclave.begin(), enclave.end());
  std::rotate(enclave.begin(), enclave.begin() + 17, enclave.end());  // another start
  hole.push_back(hole.front());
  enclave.push_back(enclave.front());
  const Ring outer = closed({{0, 0}, {10000, 0}, {10000, 10000}, {0, 10000}});
  const Ring islet = closed({{20000, 0}, {20003, 0}, {20003, 3}, {20000, 3}});
  const std::vector<std::vector<Polygon>> features{{Polygon{{outer, hole}}, Polygon{{islet}}},
                                                   {Polygon{{enclave}}}};
  const auto out = CoverageSimplifier(features).simplify(20);
  REQUIRE(out[0].size() == 1);  // the 3 m islet is gone, its feature's main polygon stays
  REQUIRE(out[0][0].rings.size() == 2);
  REQUIRE(out[1].size() == 1);
  const Ring& h = out[0][0].rings[1];
  const Ring& e = out[1][0].rings[0];
  CHECK(h.size() < 61);
  std::vector<std::pair<double, double>> hs, es;
  for (std::size_t i = 0; i + 1 < h.size(); ++i) hs.emplace_back(h[i].x, h[i].y);
  for (std::size_t i = 0; i + 1 < e.size(); ++i) es.emplace_back(e[i].x, e[i].y);
  std::sort(hs.begin(), hs.end());
  std::sort(es.begin(), es.end());
  CHECK(hs == es);
}
