#include "geo/contiguity.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "geo/geos_handle.hpp"

namespace cartes::geo {
using detail::geos;

bool ContiguityGraph::adjacent(std::size_t a, std::size_t b) const {
  const auto n = neighbours(a);
  return std::binary_search(n.begin(), n.end(), static_cast<std::uint32_t>(b));
}

std::vector<std::size_t> ContiguityGraph::islands() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < size(); ++i)
    if (degree(i) == 0) out.push_back(i);
  return out;
}

ContiguityGraph ContiguityGraph::from_edges(std::size_t n, std::vector<Edge> edges) {
  ContiguityGraph g;
  g.offsets.assign(n + 1, 0);
  for (const Edge& e : edges) {
    ++g.offsets[e.a + 1];
    ++g.offsets[e.b + 1];
  }
  for (std::size_t i = 0; i < n; ++i) g.offsets[i + 1] += g.offsets[i];
  g.targets.resize(g.offsets[n]);
  g.shared_length.resize(g.offsets[n]);
  std::vector<std::uint32_t> fill(g.offsets.begin(), g.offsets.end() - 1);
  for (const Edge& e : edges) {
    g.targets[fill[e.a]] = e.b;
    g.shared_length[fill[e.a]++] = e.length;
    g.targets[fill[e.b]] = e.a;
    g.shared_length[fill[e.b]++] = e.length;
  }
  // Sorted neighbour lists (lengths kept with their targets).
  std::vector<std::pair<std::uint32_t, float>> row;
  for (std::size_t i = 0; i < n; ++i) {
    row.clear();
    for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k) row.emplace_back(g.targets[k], g.shared_length[k]);
    std::sort(row.begin(), row.end());
    for (std::size_t k = 0; k < row.size(); ++k) {
      g.targets[g.offsets[i] + k] = row[k].first;
      g.shared_length[g.offsets[i] + k] = row[k].second;
    }
  }
  return g;
}

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct Segment {
  double x0, y0, x1, y1;
  double minx, maxx, miny, maxy;
};

// The boundary of one polygonal geometry as segments sorted by minx, so the
// segments near another territory are found by a binary search.
struct Outline {
  std::vector<Segment> segments;
  double max_width = 0;  // widest segment in x, bounds the search window
  Envelope envelope;
};

Outline outline_of(const Geometry& g) {
  Outline o;
  if (g.null() || g.is_empty()) return o;
  for (const Polygon& p : g.polygons())
    for (const Ring& r : p.rings)
      for (std::size_t i = 1; i < r.size(); ++i) {
        const Point a = r[i - 1], b = r[i];
        if (a == b) continue;
        Segment s{a.x, a.y, b.x, b.y, std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y)};
        o.max_width = std::max(o.max_width, s.maxx - s.minx);
        o.segments.push_back(s);
        o.envelope.expand(a);
      }
  std::sort(o.segments.begin(), o.segments.end(), [](const Segment& l, const Segment& r) { return l.minx < r.minx; });
  return o;
}

// Segments of `o` whose box meets `box` (already expanded by the tolerance).
void segments_near(const Outline& o, const Envelope& box, std::vector<const Segment*>& out) {
  out.clear();
  const double from = box.minx - o.max_width;
  auto it = std::lower_bound(o.segments.begin(), o.segments.end(), from,
                             [](const Segment& s, double x) { return s.minx < x; });
  for (; it != o.segments.end() && it->minx <= box.maxx; ++it)
    if (it->maxx >= box.minx && it->maxy >= box.miny && it->miny <= box.maxy) out.push_back(&*it);
}

double point_segment_distance2(double px, double py, const Segment& s) {
  const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - s.x0) * dx + (py - s.y0) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = s.x0 + t * dx - px, ey = s.y0 + t * dy - py;
  return ex * ex + ey * ey;
}

double orient(double ax, double ay, double bx, double by, double cx, double cy) {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

bool segments_cross(const Segment& a, const Segment& b) {
  const double d1 = orient(b.x0, b.y0, b.x1, b.y1, a.x0, a.y0), d2 = orient(b.x0, b.y0, b.x1, b.y1, a.x1, a.y1);
  const double d3 = orient(a.x0, a.y0, a.x1, a.y1, b.x0, b.y0), d4 = orient(a.x0, a.y0, a.x1, a.y1, b.x1, b.y1);
  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
}

double segment_distance2(const Segment& a, const Segment& b) {
  if (segments_cross(a, b)) return 0;
  return std::min({point_segment_distance2(a.x0, a.y0, b), point_segment_distance2(a.x1, a.y1, b),
                   point_segment_distance2(b.x0, b.y0, a), point_segment_distance2(b.x1, b.y1, a)});
}

struct PairResult {
  float length = 0;
  bool touches = false;
};

// Measures one pair: the length of A's boundary within `tol` of B's, and
// whether they come within `tol` at all. Scratch vectors are per thread.
struct SegmentMeasure {
  std::vector<const Segment*> near_a, near_b;
  std::vector<std::pair<double, double>> intervals;

  PairResult operator()(const Outline& a, const Outline& b, double tol, bool need_touch) {
    PairResult r;
    Envelope box_b = b.envelope, box_a = a.envelope;
    box_b.minx -= tol, box_b.miny -= tol, box_b.maxx += tol, box_b.maxy += tol;
    box_a.minx -= tol, box_a.miny -= tol, box_a.maxx += tol, box_a.maxy += tol;
    segments_near(a, box_b, near_a);
    segments_near(b, box_a, near_b);
    if (near_a.empty() || near_b.empty()) return r;
    double total = 0;
    double min_d2 = INFINITY;
    const double tol2 = tol * tol;
    for (const Segment* sa : near_a) {
      const double ax = sa->x1 - sa->x0, ay = sa->y1 - sa->y0;
      const double la = std::hypot(ax, ay);
      const double ux = ax / la, uy = ay / la;
      intervals.clear();
      // near_b is sorted by minx: only segments starting before sa ends (+tol)
      // and not ending before it starts can be close.
      const double lo = sa->minx - tol - b.max_width;
      auto it = std::lower_bound(near_b.begin(), near_b.end(), lo,
                                 [](const Segment* s, double x) { return s->minx < x; });
      for (; it != near_b.end() && (*it)->minx <= sa->maxx + tol; ++it) {
        const Segment& sb = **it;
        if (sb.maxx < sa->minx - tol || sb.miny > sa->maxy + tol || sb.maxy < sa->miny - tol) continue;
        if (need_touch && min_d2 > tol2) min_d2 = std::min(min_d2, segment_distance2(*sa, sb));
        // Signed distances of sb's ends to sa's line, and their positions along it.
        const double d0 = (sb.x0 - sa->x0) * -uy + (sb.y0 - sa->y0) * ux;
        const double d1 = (sb.x1 - sa->x0) * -uy + (sb.y1 - sa->y0) * ux;
        const double t0 = (sb.x0 - sa->x0) * ux + (sb.y0 - sa->y0) * uy;
        const double t1 = (sb.x1 - sa->x0) * ux + (sb.y1 - sa->y0) * uy;
        // The part of sb (parameter s in [0,1]) within tol of sa's line.
        double s0 = 0, s1 = 1;
        const double dd = d1 - d0;
        if (std::abs(dd) < 1e-12) {
          if (std::abs(d0) > tol) continue;
        } else {
          s0 = (-tol - d0) / dd;
          s1 = (tol - d0) / dd;
          if (s0 > s1) std::swap(s0, s1);
          s0 = std::max(s0, 0.0);
          s1 = std::min(s1, 1.0);
          if (s0 >= s1) continue;
        }
        // ... projected onto sa and clipped to it.
        double from = t0 + s0 * (t1 - t0), to = t0 + s1 * (t1 - t0);
        if (from > to) std::swap(from, to);
        from = std::max(from, 0.0);
        to = std::min(to, la);
        if (to > from) intervals.emplace_back(from, to);
      }
      if (intervals.empty()) continue;
      std::sort(intervals.begin(), intervals.end());
      double cur_from = intervals[0].first, cur_to = intervals[0].second;
      for (std::size_t k = 1; k < intervals.size(); ++k) {
        if (intervals[k].first > cur_to) {
          total += cur_to - cur_from;
          cur_from = intervals[k].first;
        }
        cur_to = std::max(cur_to, intervals[k].second);
      }
      total += cur_to - cur_from;
    }
    r.length = static_cast<float>(total);
    r.touches = total > 0 || min_d2 <= tol2;
    return r;
  }
};

[[noreturn]] void geos_fail(const std::string& what) {
  throw GeometryError("GEOS: " + what + (detail::last_error().empty() ? "" : ": " + detail::last_error()));
}

// The reference: GEOS overlay on the boundaries.
PairResult overlay_measure(const GEOSGeometry* ba, const GEOSGeometry* bb, double tol, bool need_touch) {
  PairResult r;
  auto h = geos();
  std::unique_ptr<GEOSGeometry, detail::GeomDeleter> snapped(GEOSSnap_r(h, ba, bb, tol));
  if (!snapped) geos_fail("snap");
  std::unique_ptr<GEOSGeometry, detail::GeomDeleter> shared(GEOSIntersection_r(h, snapped.get(), bb));
  if (!shared) geos_fail("boundary intersection");
  double len = 0;
  if (GEOSLength_r(h, shared.get(), &len) != 1) geos_fail("length");
  r.length = static_cast<float>(len);
  r.touches = len > 0;
  if (need_touch && !r.touches) {
    double d = 0;
    if (GEOSDistance_r(h, ba, bb, &d) != 1) geos_fail("distance");
    r.touches = d <= tol;
  }
  return r;
}

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> envelope_pairs(std::span<const Geometry* const> geometries,
                                                                    double tolerance) {
  auto h = geos();
  const std::size_t n = geometries.size();
  std::vector<std::unique_ptr<GEOSGeometry, detail::GeomDeleter>> boxes(n);
  GEOSSTRtree* tree = GEOSSTRtree_create_r(h, 10);
  if (!tree) geos_fail("STRtree");
  std::unique_ptr<GEOSSTRtree, void (*)(GEOSSTRtree*)> tree_guard(tree, [](GEOSSTRtree* t) {
    GEOSSTRtree_destroy_r(geos(), t);
  });
  for (std::size_t i = 0; i < n; ++i) {
    const Geometry* g = geometries[i];
    if (!g || g->null() || g->is_empty()) continue;
    const Envelope e = g->envelope();
    boxes[i].reset(GEOSGeom_createRectangle_r(h, e.minx - tolerance, e.miny - tolerance, e.maxx + tolerance,
                                              e.maxy + tolerance));
    if (!boxes[i]) geos_fail("envelope of geometry " + std::to_string(i));
    GEOSSTRtree_insert_r(h, tree, boxes[i].get(), reinterpret_cast<void*>(static_cast<std::uintptr_t>(i)));
  }
  struct Ctx {
    std::uint32_t self;
    std::vector<std::pair<std::uint32_t, std::uint32_t>>* out;
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::size_t i = 0; i < n; ++i) {
    if (!boxes[i]) continue;
    Ctx ctx{static_cast<std::uint32_t>(i), &pairs};
    GEOSSTRtree_query_r(
        h, tree, boxes[i].get(),
        [](void* item, void* user) {
          auto* c = static_cast<Ctx*>(user);
          const auto j = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(item));
          if (j > c->self) c->out->emplace_back(c->self, j);
        },
        &ctx);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

double shared_boundary_length(const Geometry& a, const Geometry& b, double tolerance) {
  SegmentMeasure m;
  return m(outline_of(a), outline_of(b), tolerance, false).length;
}

ContiguityGraph contiguity(std::span<const Geometry* const> geometries, const ContiguityOptions& options,
                           Progress* progress, ContiguityStats* stats) {
  const auto t0 = Clock::now();
  const std::size_t n = geometries.size();
  const double tol = std::max(0.0, options.snap_tolerance);
  if (progress) progress->step("contiguity: candidate pairs");
  const auto pairs = envelope_pairs(geometries, tol);
  const double index_s = seconds_since(t0);

  // Per-geometry data the pair measurements read (built on this thread, read-only after).
  const bool overlay = options.method == ContiguityMethod::geos_overlay;
  std::vector<Outline> outlines;
  std::vector<std::unique_ptr<GEOSGeometry, detail::GeomDeleter>> boundaries;
  if (overlay) {
    boundaries.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Geometry* g = geometries[i];
      if (!g || g->null() || g->is_empty()) continue;
      boundaries[i].reset(GEOSBoundary_r(geos(), g->get()));
      if (!boundaries[i]) geos_fail("boundary of geometry " + std::to_string(i));
    }
  } else {
    // Coordinates out of GEOS into sorted segments, in parallel (reading
    // distinct geometries, each thread with its own GEOS context).
    outlines.resize(n);
    auto extract = [&](std::size_t first, std::size_t stride) {
      for (std::size_t i = first; i < n; i += stride)
        if (geometries[i]) outlines[i] = outline_of(*geometries[i]);
    };
    const auto threads = static_cast<std::size_t>(std::max(1, options.threads));
    std::vector<std::thread> extractors;
    for (std::size_t t = 1; t < threads; ++t) extractors.emplace_back(extract, t, threads);
    extract(0, threads);
    for (auto& t : extractors) t.join();
  }

  if (progress) progress->step("contiguity: measuring shared boundaries");
  const bool need_touch = options.mode == Adjacency::queen;
  std::vector<PairResult> results(pairs.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  constexpr std::size_t chunk = 512;
  auto work = [&](bool report) {
    try {
      SegmentMeasure measure;
      for (;;) {
        const std::size_t from = next.fetch_add(chunk);
        if (from >= pairs.size() || failed.load()) break;
        const std::size_t to = std::min(pairs.size(), from + chunk);
        for (std::size_t k = from; k < to; ++k) {
          const auto [i, j] = pairs[k];
          results[k] = overlay ? overlay_measure(boundaries[i].get(), boundaries[j].get(), tol, need_touch)
                               : measure(outlines[i], outlines[j], tol, need_touch);
        }
        if (report && progress) progress->advance(static_cast<double>(to) / static_cast<double>(pairs.size()));
      }
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      failed.store(true);
    }
  };
  const auto t1 = Clock::now();
  std::vector<std::thread> workers;
  for (int t = 1; t < std::max(1, options.threads); ++t) workers.emplace_back(work, false);
  work(true);
  for (auto& w : workers) w.join();
  if (error) std::rethrow_exception(error);

  std::vector<ContiguityGraph::Edge> edges;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const PairResult& r = results[k];
    const bool linked =
        r.length >= options.min_shared_length || (options.mode == Adjacency::queen && r.touches);
    if (linked) edges.push_back({pairs[k].first, pairs[k].second, r.length});
  }
  ContiguityGraph g = ContiguityGraph::from_edges(n, std::move(edges));
  if (stats) {
    stats->candidate_pairs = pairs.size();
    stats->edges = g.edge_count();
    stats->index_seconds = index_s;
    stats->measure_seconds = seconds_since(t1);
  }
  return g;
}

}  // namespace cartes::geo
