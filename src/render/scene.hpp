#pragma once
// Everything the map draws, as CPU meshes built once when the data is loaded
// (call these on a worker thread: they triangulate every polygon), then handed
// to MapRenderer::set_scene on the GL thread. Nothing is re-tessellated per
// frame: filters, modes and styles only change uniforms and colour tables.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "model/perimeter.hpp"
#include "model/territory.hpp"
#include "render/mesh.hpp"

namespace cartes::render {

// A name that may be drawn on the map if it does not collide with others.
struct LabelCandidate {
  std::string text;
  geo::Point at;            // world position (interior point)
  double priority = 0;      // higher first (population)
  model::Level level = model::Level::epci;
};

// Levels of detail. At the regional scale a pixel spans hundreds of metres
// and most of the base's vertices fall inside one pixel: drawing them costs
// vertex and triangle work for nothing (with software OpenGL, most of the
// frame). Each coarser level simplifies the base's layers as coverages
// (geo/coverage_simplify.hpp: neighbours keep a common boundary) to a
// tolerance; the renderer draws the coarsest level whose tolerance stays
// within detail_max_error_px of a pixel: one pixel, QGIS's default
// simplification threshold (what the QGIS baseline of tools/bench draws).
// `cartes render --full-detail` and the Layers panel draw level 0 instead.
inline constexpr std::array<double, 4> detail_tolerances_m{150, 300, 600, 1200};
inline constexpr double detail_max_error_px = 1.0;
// 0: the base's own geometry; k: tolerance detail_tolerances_m[k - 1].
std::size_t detail_level(double metres_per_pixel, std::size_t levels = detail_tolerances_m.size() + 1);

// One coarser copy of the base layers and of the alliances' groups.
struct CoarseLevel {
  double tolerance_m = 0;
  std::array<MeshGroup, 5> layers;
  MeshGroup alliances;      // as SceneData::alliances, over this level's communes
};

struct SceneData {
  geo::Point origin;        // subtracted from every vertex
  geo::Envelope extent;     // of the whole base
  // Base layers indexed by model::Level; feature i = territory i of the layer.
  std::array<MeshGroup, 5> layers;
  // The same, simplified: coarse[k] has tolerance detail_tolerances_m[k].
  std::vector<CoarseLevel> coarse;
  // Feature i = perimeter i of the perimeters given to add_alliances. Its
  // fill has no vertices of its own: its indices pick the triangles of the
  // perimeter's communes in layers[commune] (communes tile the territory, so
  // their triangles are the dissolved perimeter's, without triangulating it
  // again: 3.8 s saved on Loire-Bretagne). Outlines come from the dissolved
  // perimeter.
  MeshGroup alliances;
  // Feature i's communes (indices into layers[commune]): MapRenderer fills
  // every alliance in one pass over the communes' triangles (fill_table.hpp).
  std::vector<std::vector<std::uint32_t>> alliance_communes;
  // Links between the parts of non-contiguous alliances (a minimum spanning
  // tree over the parts' interior points); feature i = perimeter i.
  MeshGroup links;
  // Where an alliance's label and trend glyph go; none for an empty perimeter.
  std::vector<std::optional<geo::Point>> alliance_anchor;
  std::vector<double> alliance_area_km2;
  std::vector<LabelCandidate> labels;       // EPCI and towns, sorted by priority

  std::size_t bytes() const;
};

// Communes of at least this population get a town label candidate.
inline constexpr std::int64_t town_label_min_population = 2000;

SceneData build_base_scene(const model::TerritoryBase& base, Progress* progress = nullptr);
// The base's groups of level `level` (0: full detail).
const std::array<MeshGroup, 5>& layers_at(const SceneData& scene, std::size_t level);
const MeshGroup& alliances_at(const SceneData& scene, std::size_t level);

// Fills scene's alliance groups (every level). `base` gives the communes'
// triangles of each level: the base scene itself, or a copy holding only
// those (the worker thread keeps one while the main thread draws the base);
// `scene` and `base` may be the same object.
void add_alliances(SceneData& scene, const SceneData& base, const std::vector<model::Perimeter>& perimeters,
                   Progress* progress = nullptr);

// Parts of a non-contiguous perimeter smaller than this are not linked:
// islands (Belle-Île, 84 km²; Groix) would draw dashed lines across the sea
// for every alliance including them, hiding the links that matter (Brest
// Métropole, 218 km², with the Pays du Centre Ouest Bretagne).
inline constexpr double link_min_part_km2 = 100;

// Interior points of each part of a (multi)polygon and the edges of a
// minimum spanning tree over them (pairs of indices), for linking the parts
// of a non-contiguous alliance.
struct PartLinks {
  std::vector<geo::Point> points;
  std::vector<std::pair<std::size_t, std::size_t>> edges;
};
PartLinks part_links(const geo::Geometry& multipolygon, double min_part_km2 = 0);

}  // namespace cartes::render
