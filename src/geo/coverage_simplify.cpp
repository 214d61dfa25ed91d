#include "geo/coverage_simplify.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <unordered_map>
#include <utility>

namespace cartes::geo {

namespace {

bool less(const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

struct Key {
  std::uint64_t x, y;
  bool operator==(const Key&) const = default;
};
Key key(const Point& p) { return {std::bit_cast<std::uint64_t>(p.x), std::bit_cast<std::uint64_t>(p.y)}; }
struct KeyHash {
  std::size_t operator()(const Key& k) const noexcept { return k.x * 0x9E3779B97F4A7C15ull ^ (k.y + (k.x >> 29)); }
};

// The ring without its closing point and without repeated consecutive points.
std::vector<Point> open_ring(const Ring& ring) {
  std::vector<Point> out;
  out.reserve(ring.size());
  for (const auto& p : ring)
    if (out.empty() || !(out.back() == p)) out.push_back(p);
  while (out.size() > 1 && out.back() == out.front()) out.pop_back();
  return out;
}

double segment_distance2(const Point& p, const Point& a, const Point& b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

// Simplifies the section seq (a junction-to-junction arc, or a whole ring
// from its smallest point back to it) in a canonical direction, so that the
// same section met from the other side keeps the same vertices.
std::vector<bool> simplify_section(std::vector<Point>& seq, double tolerance) {
  const std::size_t n = seq.size();
  bool reversed = less(seq.back(), seq.front());
  if (seq.back() == seq.front() && n > 2) reversed = less(seq[n - 2], seq[1]);
  if (reversed) std::reverse(seq.begin(), seq.end());
  auto keep = douglas_peucker(seq, tolerance);
  if (reversed) std::reverse(keep.begin(), keep.end());
  return keep;
}

}  // namespace

std::vector<bool> douglas_peucker(const std::vector<Point>& line, double tolerance) {
  const std::size_t n = line.size();
  std::vector<bool> keep(n, false);
  if (n == 0) return keep;
  keep.front() = keep.back() = true;
  const double tol2 = tolerance * tolerance;
  std::vector<std::pair<std::size_t, std::size_t>> stack{{0, n - 1}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    double worst = -1;
    std::size_t at = a;
    for (std::size_t i = a + 1; i < b; ++i) {
      const double d = segment_distance2(line[i], line[a], line[b]);
      if (d > worst) worst = d, at = i;
    }
    if (at == a || worst <= tol2) continue;
    keep[at] = true;
    stack.emplace_back(a, at);
    stack.emplace_back(at, b);
  }
  return keep;
}

CoverageSimplifier::CoverageSimplifier(const std::vector<std::vector<Polygon>>& features) : features_(features) {
  // A vertex is a junction when two rings pass through it with different
  // neighbours on either side: there a shared boundary starts or ends.
  struct Seen {
    Key prev, next;  // canonical pair (smaller point first)
    bool junction = false;
  };
  std::vector<std::vector<Point>> opened;
  std::size_t vertices = 0;
  for (std::size_t f = 0; f < features.size(); ++f)
    for (std::size_t p = 0; p < features[f].size(); ++p)
      for (std::size_t r = 0; r < features[f][p].rings.size(); ++r) {
        rings_.push_back({f, p, r, {}});
        opened.push_back(open_ring(features[f][p].rings[r]));
        vertices += opened.back().size();
      }
  std::unordered_map<Key, Seen, KeyHash> seen;
  seen.reserve(vertices);
  for (const auto& pts : opened) {
    const std::size_t n = pts.size();
    for (std::size_t i = 0; i < n; ++i) {
      const Point& a = pts[(i + n - 1) % n];
      const Point& b = pts[(i + 1) % n];
      const Seen here{key(less(a, b) ? a : b), key(less(a, b) ? b : a)};
      auto [it, fresh] = seen.try_emplace(key(pts[i]), here);
      if (!fresh && !(it->second.prev == here.prev && it->second.next == here.next)) it->second.junction = true;
    }
  }
  for (std::size_t k = 0; k < rings_.size(); ++k) {
    const auto& pts = opened[k];
    for (std::size_t i = 0; i < pts.size(); ++i)
      if (seen.at(key(pts[i])).junction) rings_[k].junctions.push_back(i);
  }
  for (const auto& [k, s] : seen) junctions_ += s.junction ? 1 : 0;
}

std::vector<std::vector<Polygon>> CoverageSimplifier::simplify(double tolerance) const {
  std::vector<std::vector<Polygon>> out(features_.size());
  for (std::size_t f = 0; f < features_.size(); ++f) {
    out[f].resize(features_[f].size());
    for (std::size_t p = 0; p < features_[f].size(); ++p) out[f][p].rings.resize(features_[f][p].rings.size());
  }
  std::vector<Point> seq;
  for (const auto& ref : rings_) {
    const auto pts = open_ring(features_[ref.feature][ref.polygon].rings[ref.ring]);
    const std::size_t n = pts.size();
    Ring& dst = out[ref.feature][ref.polygon].rings[ref.ring];
    if (n < 3 || tolerance <= 0) {
      dst = features_[ref.feature][ref.polygon].rings[ref.ring];
      continue;
    }
    std::vector<bool> keep(n, false);
    // Sections: between consecutive junctions, or the whole ring from its
    // smallest point when it touches no other ring (an island, an enclave).
    std::vector<std::size_t> cuts = ref.junctions;
    if (cuts.empty())
      cuts.push_back(static_cast<std::size_t>(
          std::min_element(pts.begin(), pts.end(), [](const Point& a, const Point& b) { return less(a, b); }) -
          pts.begin()));
    for (std::size_t c = 0; c < cuts.size(); ++c) {
      const std::size_t from = cuts[c], to = cuts[(c + 1) % cuts.size()];
      const std::size_t len = (to + n - from) % n + (to == from ? n : 0);  // vertices after `from`
      seq.clear();
      for (std::size_t i = 0; i <= len; ++i) seq.push_back(pts[(from + i) % n]);
      const auto kept = simplify_section(seq, tolerance);
      for (std::size_t i = 0; i <= len; ++i)
        if (kept[i]) keep[(from + i) % n] = true;
    }
    for (std::size_t i = 0; i < n; ++i)
      if (keep[i]) dst.push_back(pts[i]);
    if (dst.size() < 3) {
      dst.clear();
      continue;
    }
    dst.push_back(dst.front());
  }
  // Drop collapsed rings; a polygon goes with its exterior.
  for (auto& polygons : out) {
    std::vector<Polygon> kept;
    for (auto& poly : polygons) {
      if (poly.rings.empty() || poly.rings[0].empty()) continue;
      std::erase_if(poly.rings, [](const Ring& r) { return r.empty(); });
      kept.push_back(std::move(poly));
    }
    polygons = std::move(kept);
  }
  return out;
}

}  // namespace cartes::geo
