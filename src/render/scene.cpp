#include "render/scene.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cartes::render {

std::size_t SceneData::bytes() const {
  std::size_t b = alliances.bytes() + links.bytes();
  for (const auto& l : layers) b += l.bytes();
  return b;
}

namespace {

void add_geometry(MeshGroup& group, const geo::Geometry& g, geo::Point origin, const std::string& what) {
  begin_feature(group);
  if (!g.is_empty()) {
    const auto polygons = g.polygons();
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
  std::size_t total = 0, done = 0;
  for (auto level : model::all_levels) total += base.layer(level).size();
  if (progress) progress->step("triangulating the territories");
  for (auto level : model::all_levels) {
    auto& group = s.layers[static_cast<int>(level)];
    for (const auto& t : base.layer(level)) {
      if (progress && progress->cancelled()) return s;
      add_geometry(group, t.geometry, s.origin, std::string(model::level_name(level)) + " " + t.code);
      if (progress && (++done % 256 == 0)) progress->advance(static_cast<double>(done) / std::max<std::size_t>(total, 1));
    }
  }
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

void add_alliances(SceneData& s, const MeshGroup& communes, const std::vector<model::Perimeter>& perimeters,
                   Progress* progress) {
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
    if (!p.geometry.is_empty()) {
      append_outline(p.geometry.polygons(), s.origin, static_cast<std::uint32_t>(i), s.alliances);
      anchor = p.geometry.interior_point();
    }
    end_feature(s.alliances);
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
