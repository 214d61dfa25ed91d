#include "geo/overlaps.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace cartes::geo {

namespace {

template <class F>
void run_parallel(std::size_t n, unsigned threads, F&& f) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex m;
  const auto work = [&] {
    for (std::size_t i; (i = next++) < n;) {
      try {
        f(i);
      } catch (...) {
        std::lock_guard lock(m);
        if (!error) error = std::current_exception();
        next = n;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, threads); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace

std::vector<OverlapCut> remove_overlaps(std::vector<Geometry*> polygons, std::span<const int> group, unsigned threads,
                                        double min_area) {
  const std::size_t n = polygons.size();
  // Candidate pairs: envelopes intersect, groups differ (sweep over minx).
  std::vector<Envelope> env(n);
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) {
    env[i] = polygons[i]->envelope();
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return env[a].minx < env[b].minx; });
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t a = 0; a < n; ++a) {
    const std::size_t i = order[a];
    if (env[i].empty) continue;
    for (std::size_t b = a + 1; b < n && env[order[b]].minx <= env[i].maxx; ++b) {
      const std::size_t j = order[b];
      if (group[i] == group[j] || !env[i].intersects(env[j])) continue;
      pairs.emplace_back(std::min(i, j), std::max(i, j));
    }
  }

  // Overlap of each pair (read-only on the polygons).
  std::vector<Geometry> overlap(pairs.size());
  run_parallel(pairs.size(), threads, [&](std::size_t k) {
    const auto [i, j] = pairs[k];
    if (!polygons[i]->intersects(*polygons[j])) return;
    Geometry g = polygons[i]->intersection(*polygons[j]).as_multipolygon();
    if (g.area() > min_area) overlap[k] = std::move(g);
  });

  std::vector<OverlapCut> cuts;
  std::vector<std::vector<std::size_t>> by_cut(n);
  for (std::size_t k = 0; k < pairs.size(); ++k)
    if (!overlap[k].null()) {
      cuts.push_back({pairs[k].first, pairs[k].second, overlap[k].area()});
      by_cut[pairs[k].second].push_back(k);
    }
  std::vector<std::size_t> targets;
  for (std::size_t i = 0; i < n; ++i)
    if (!by_cut[i].empty()) targets.push_back(i);
  // Each polygon is rewritten by one task; the overlaps are already computed,
  // so no task reads another's polygon.
  run_parallel(targets.size(), threads, [&](std::size_t t) {
    const std::size_t i = targets[t];
    std::vector<Geometry> parts;
    for (std::size_t k : by_cut[i]) parts.push_back(std::move(overlap[k]));
    const Geometry cutter = parts.size() == 1 ? std::move(parts.front()) : unary_union(std::move(parts));
    Geometry g = polygons[i]->difference(cutter).as_multipolygon();
    if (!g.is_valid()) g = g.make_valid();
    (void)g.envelope();
    *polygons[i] = std::move(g);
  });
  std::sort(cuts.begin(), cuts.end(),
            [](const OverlapCut& a, const OverlapCut& b) { return std::pair(a.cut, a.kept) < std::pair(b.cut, b.kept); });
  return cuts;
}

}  // namespace cartes::geo
