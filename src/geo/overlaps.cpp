#include "geo/overlaps.hpp"

#include <algorithm>
#include <map>

#include "core/parallel.hpp"
#include "geo/geos_handle.hpp"

namespace cartes::geo {

OverlapResult remove_overlaps(std::vector<Geometry*> polygons, std::span<const int> group, unsigned threads,
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
  parallel_for(pairs.size(), threads, [&](std::size_t k) {
    const auto [i, j] = pairs[k];
    if (!polygons[i]->intersects(*polygons[j])) return;
    Geometry g = polygons[i]->intersection(*polygons[j]).as_multipolygon();
    if (g.area() > min_area) overlap[k] = std::move(g);
  });

  OverlapResult result;
  result.original.resize(n);
  result.removed.resize(n);
  std::vector<OverlapCut>& cuts = result.cuts;
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
  parallel_for(targets.size(), threads, [&](std::size_t t) {
    const std::size_t i = targets[t];
    std::vector<Geometry> parts;
    for (std::size_t k : by_cut[i]) parts.push_back(std::move(overlap[k]));
    Geometry cutter = parts.size() == 1 ? std::move(parts.front()) : unary_union(std::move(parts));
    Geometry g = polygons[i]->difference(cutter).as_multipolygon();
    if (!g.is_valid()) g = g.make_valid();
    result.original[i] = std::move(*polygons[i]);
    result.removed[i] = std::move(cutter);
    *polygons[i] = std::move(g);
  });
  std::sort(cuts.begin(), cuts.end(),
            [](const OverlapCut& a, const OverlapCut& b) { return std::pair(a.cut, a.kept) < std::pair(b.cut, b.kept); });
  return result;
}

DissolveResult dissolve_cut(std::span<const CutMember> members, std::span<const Geometry* const> fallback,
                            double relative_tolerance) {
  double current_area = 0, original_area = 0;
  std::vector<const Geometry*> originals, removed;
  originals.reserve(members.size());
  for (const CutMember& m : members) {
    current_area += m.current->area();
    original_area += m.original->area();
    originals.push_back(m.original);
    if (m.removed) removed.push_back(m.removed);
  }
  // Coverage union only: when the originals overlap (members from several
  // groups) it fails its check, and unary union of the originals would be
  // wasted work.
  Geometry coll = collect(originals);
  Geometry whole(GEOSCoverageUnion_r(detail::geos(), coll.get()));
  if (!whole.null()) whole = whole.as_multipolygon();
  if (!whole.null() && dissolve_is_sound(whole, original_area, relative_tolerance)) {
    DissolveResult out;
    out.members_area = current_area;
    if (removed.empty()) {
      out.geometry = std::move(whole);
      return out;
    }
    std::vector<Geometry> pieces;
    for (const Geometry* r : removed) pieces.push_back(r->clone());
    Geometry g = whole.difference(unary_union(std::move(pieces))).as_multipolygon();
    if (dissolve_is_sound(g, current_area, relative_tolerance)) {
      out.geometry = std::move(g);
      return out;
    }
  }
  DissolveResult out = dissolve(fallback);
  out.fell_back = true;
  return out;
}

DissolveResult dissolve_by_group(std::span<const Geometry* const> members, std::span<const int> group,
                                 const DissolveOptions& options) {
  std::map<int, std::vector<const Geometry*>> by_group;
  for (std::size_t i = 0; i < members.size(); ++i) by_group[group[i]].push_back(members[i]);
  if (by_group.size() <= 1) return dissolve(members, options);
  std::vector<Geometry> parts;
  bool fell_back = false;
  double area = 0;
  for (auto& [g, ms] : by_group) {
    DissolveResult r = dissolve(ms, options);
    fell_back |= r.fell_back;
    area += r.members_area;
    parts.push_back(std::move(r.geometry));
  }
  std::vector<const Geometry*> ptrs;
  for (const Geometry& p : parts) ptrs.push_back(&p);
  DissolveResult out = dissolve(ptrs, options);
  out.fell_back |= fell_back;
  out.members_area = area;
  return out;
}

}  // namespace cartes::geo
