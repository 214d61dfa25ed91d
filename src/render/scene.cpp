#include "render/scene.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

#include "core/parallel.hpp"
#include "geo/coverage_simplify.hpp"

namespace cartes::render {

std::size_t SceneData::bytes() const {
  std::size_t b = alliances.bytes() + links.bytes();
  for (const auto& l : layers) b += l.bytes();
  for (const auto& c : coarse) {
    b += c.alliances.bytes();
    for (const auto& l : c.layers) b += l.bytes();
  }
  return b;
}

std::size_t detail_level(double mpp, std::size_t levels) {
  std::size_t level = 0;
  for (std::size_t k = 0; k < detail_tolerances_m.size() && k + 1 < levels; ++k)
    if (detail_tolerances_m[k] <= detail_max_error_px * mpp) level = k + 1;
  return level;
}

const std::array<MeshGroup, 5>& layers_at(const SceneData& s, std::size_t level) {
  return level == 0 || level > s.coarse.size() ? s.layers : s.coarse[level - 1].layers;
}

const MeshGroup& alliances_at(const SceneData& s, std::size_t level) {
  return level == 0 || level > s.coarse.size() ? s.alliances : s.coarse[level - 1].alliances;
}

namespace {

void add_polygons(MeshGroup& group, const std::vector<geo::Polygon>& polygons, geo::Point origin,
                  const std::string& what) {
  begin_feature(group);
  if (!polygons.empty()) {
    tessellate(polygons, origin, static_cast<std::uint32_t>(group.fill.size() - 1), group, what.c_str());
    append_outline(polygons, origin, static_cast<std::uint32_t>(group.fill.size() - 1), group);
  }
  end_feature(group);
}

}  // namespace

SceneData build_base_scene(const model::TerritoryBase& base, Progress* progress) {
  SceneData s;
  s.extent = base.envelope();
  if (!s.extent.empty)
    s.origin = {std::round((s.extent.minx + s.extent.maxx) / 2), std::round((s.extent.miny + s.extent.maxy) / 2)};
  s.coarse.resize(detail_tolerances_m.size());
  for (std::size_t k = 0; k < s.coarse.size(); ++k) s.coarse[k].tolerance_m = detail_tolerances_m[k];
  if (progress) progress->step("triangulating the territories");
  // Each layer's rings and its coverage topology, then every (layer, level)
  // group on its own thread: the groups are independent.
  constexpr std::size_t layer_count = model::all_levels.size();
  std::array<std::vector<std::vector<geo::Polygon>>, layer_count> polygons;
  std::array<std::unique_ptr<geo::CoverageSimplifier>, layer_count> simplifiers;
  parallel_for(layer_count, 0, [&](std::size_t l) {
    for (const auto& t : base.layer(model::all_levels[l]))
      polygons[l].push_back(t.geometry.is_empty() ? std::vector<geo::Polygon>{} : t.geometry.polygons());
    simplifiers[l] = std::make_unique<geo::CoverageSimplifier>(polygons[l]);
  });
  const std::size_t levels = 1 + s.coarse.size(), jobs = layer_count * levels;
  std::mutex progress_mutex;
  std::size_t done = 0;
  // Job order: the full detail of every layer first (the largest), communes first.
  parallel_for(jobs, 0, [&](std::size_t job) {
    const std::size_t l = job % layer_count, k = job / layer_count;
    if (progress && progress->cancelled()) return;
    const auto level = model::all_levels[l];
    const auto& layer = base.layer(level);
    auto& group = (k == 0 ? s.layers : s.coarse[k - 1].layers)[static_cast<int>(level)];
    const auto simplified = k == 0 ? std::vector<std::vector<geo::Polygon>>{} : simplifiers[l]->simplify(detail_tolerances_m[k - 1]);
    for (std::size_t i = 0; i < layer.size(); ++i)
      add_polygons(group, k == 0 ? polygons[l][i] : simplified[i], s.origin,
                   std::string(model::level_name(level)) + " " + layer[i].code);
    if (!progress) return;
    std::lock_guard lock(progress_mutex);
    progress->advance(static_cast<double>(++done) / static_cast<double>(jobs));
  });
  if (progress && progress->cancelled()) return s;
  if (progress) progress->step("placing names");
  for (const auto& t : base.layer(model::Level::epci)) {
    if (t.geometry.is_empty()) continue;
    s.labels.push_back({t.name, t.geometry.interior_point(), static_cast<double>(t.population_municipale),
                        model::Level::epci});
  }
  for (const auto& t : base.layer(model::Level::commune)) {
    if (t.population_municipale < town_label_min_population || t.geometry.is_empty()) continue;
    s.labels.push_back({t.name, t.geometry.interior_point(), static_cast<double>(t.population_municipale),
                        model::Level::commune});
  }
  std::stable_sort(s.labels.begin(), s.labels.end(),
                   [](const LabelCandidate& a, const LabelCandidate& b) { return a.priority > b.priority; });
  return s;
}

PartLinks part_links(const geo::Geometry& g, double min_part_km2) {
  PartLinks out;
  if (g.is_empty()) return out;
  for (const auto& polygon : g.polygons()) {
    const auto part = geo::Geometry::from_polygons({polygon});
    if (part.area() / 1e6 >= min_part_km2) out.points.push_back(part.interior_point());
  }
  // Prim's algorithm: parts are few (a handful per alliance).
  const std::size_t n = out.points.size();
  if (n < 2) return out;
  std::vector<bool> in(n, false);
  std::vector<double> best{0.0};
  best.resize(n, std::numeric_limits<double>::infinity());
  std::vector<std::size_t> from(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t u = n;
    for (std::size_t i = 0; i < n; ++i)
      if (!in[i] && (u == n || best[i] < best[u])) u = i;
    in[u] = true;
    if (k > 0) out.edges.emplace_back(from[u], u);
    for (std::size_t v = 0; v < n; ++v) {
      const double d = std::hypot(out.points[u].x - out.points[v].x, out.points[u].y - out.points[v].y);
      if (!in[v] && d < best[v]) {
        best[v] = d;
        from[v] = u;
      }
    }
  }
  return out;
}

void add_alliances(SceneData& s, const SceneData& base, const std::vector<model::Perimeter>& perimeters,
                   Progress* progress) {
  const MeshGroup& communes = base.layers[static_cast<int>(model::Level::commune)];
  s.coarse.resize(base.coarse.size());
  for (std::size_t k = 0; k < s.coarse.size(); ++k) {
    s.coarse[k].tolerance_m = base.coarse[k].tolerance_m;
    s.coarse[k].alliances = {};
  }
  s.alliances = {};
  s.alliance_communes.clear();
  s.links = {};
  s.alliance_anchor.clear();
  s.alliance_area_km2.clear();
  if (progress) progress->step("triangulating the alliances");
  for (std::size_t i = 0; i < perimeters.size(); ++i) {
    const auto& p = perimeters[i];
    begin_feature(s.alliances);
    auto& members = s.alliance_communes.emplace_back();
    for (auto c : p.communes) {
      if (c >= communes.fill.size()) continue;
      members.push_back(static_cast<std::uint32_t>(c));
      const Range r = communes.fill[c];
      s.alliances.indices.insert(s.alliances.indices.end(), communes.indices.begin() + r.first,
                                 communes.indices.begin() + r.first + r.count);
    }
    std::optional<geo::Point> anchor;
    const auto rings = p.geometry.is_empty() ? std::vector<geo::Polygon>{} : p.geometry.polygons();
    if (!p.geometry.is_empty()) {
      append_outline(rings, s.origin, static_cast<std::uint32_t>(i), s.alliances);
      anchor = p.geometry.interior_point();
    }
    end_feature(s.alliances);
    // Coarser levels: the same communes' triangles at that level, and the
    // perimeter's outline simplified to the level's tolerance (as a coverage
    // of one feature: Douglas-Peucker per ring, no GEOS overlay).
    const std::vector<std::vector<geo::Polygon>> feature{rings};
    const geo::CoverageSimplifier simplifier(feature);
    for (std::size_t k = 0; k < s.coarse.size(); ++k) {
      auto& g = s.coarse[k].alliances;
      const MeshGroup& lc = base.coarse[k].layers[static_cast<int>(model::Level::commune)];
      begin_feature(g);
      for (auto c : members) {
        if (c >= lc.fill.size()) continue;
        const Range r = lc.fill[c];
        g.indices.insert(g.indices.end(), lc.indices.begin() + r.first, lc.indices.begin() + r.first + r.count);
      }
      if (!rings.empty())
        append_outline(simplifier.simplify(s.coarse[k].tolerance_m)[0], s.origin, static_cast<std::uint32_t>(i), g);
      end_feature(g);
    }
    begin_feature(s.links);
    if (!p.geometry.is_empty() && p.geometry.part_count() > 1) {
      const auto links = part_links(p.geometry, link_min_part_km2);
      for (auto [a, b] : links.edges)
        append_polyline({links.points[a], links.points[b]}, s.origin, static_cast<std::uint32_t>(i), s.links);
    }
    end_feature(s.links);
    s.alliance_anchor.push_back(anchor);
    s.alliance_area_km2.push_back(p.area_km2);
    if (progress) progress->advance(static_cast<double>(i + 1) / perimeters.size());
  }
}

}  // namespace cartes::render
