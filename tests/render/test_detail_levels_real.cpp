// The levels of detail of the real Loire-Bretagne base (render/scene.hpp):
// each coarser level has fewer vertices, its communes still tile the same
// land (shared boundaries stay shared: no cracks between neighbours in the
// alliances' fills) and cover the same area.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <set>
#include <tuple>

#include "model/territory_io.hpp"
#include "render/scene.hpp"

using namespace cartes;
using namespace cartes::render;

namespace {

double triangles_area(const MeshGroup& g) {
  double a = 0;
  for (std::size_t i = 0; i + 2 < g.indices.size(); i += 3) {
    const auto& p = g.vertices[g.indices[i]];
    const auto& q = g.vertices[g.indices[i + 1]];
    const auto& r = g.vertices[g.indices[i + 2]];
    a += std::abs((double(q.x) - p.x) * (double(r.y) - p.y) - (double(r.x) - p.x) * (double(q.y) - p.y)) / 2;
  }
  return a;
}

// Share of outline segments whose reverse belongs to another feature: the
// boundaries two communes have in common.
double shared_share(const MeshGroup& g) {
  std::set<std::tuple<float, float, float, float>> all;
  for (const auto& s : g.segments) all.insert({s.x0, s.y0, s.x1, s.y1});
  std::size_t shared = 0;
  for (const auto& s : g.segments) shared += all.count({s.x1, s.y1, s.x0, s.y0});
  return static_cast<double>(shared) / static_cast<double>(g.segments.size());
}

}  // namespace

TEST_CASE("Coarser levels of Loire-Bretagne: fewer vertices, the communes still share their boundaries",
          "[render][data]") {
  const auto base = model::load_territory_base(std::filesystem::path(CARTES_TEST_BINARY_DIR) / "geodata" /
                                               "loire-bretagne.gpkg");
  const SceneData scene = build_base_scene(base);
  REQUIRE(scene.coarse.size() == detail_tolerances_m.size());
  constexpr int commune = static_cast<int>(model::Level::commune);
  constexpr int region = static_cast<int>(model::Level::region);
  const MeshGroup& full = scene.layers[commune];
  const double full_shared = shared_share(full);
  const double full_area = triangles_area(full);
  const double full_regions = triangles_area(scene.layers[region]);  // without the Orne communes
  INFO("full detail: " << full.vertices.size() << " vertices, shared share " << full_shared);
  CHECK(full_shared > 0.8);  // most commune boundaries are inland
  std::size_t previous = full.vertices.size();
  for (std::size_t k = 0; k < scene.coarse.size(); ++k) {
    const MeshGroup& c = scene.coarse[k].layers[commune];
    INFO("tolerance " << scene.coarse[k].tolerance_m << " m: " << c.vertices.size() << " vertices, shared share "
                      << shared_share(c) << ", area " << triangles_area(c) / full_area);
    CHECK(c.vertices.size() < previous);
    previous = c.vertices.size();
    CHECK(c.feature_count() == full.feature_count());
    // Independent per-commune simplification would leave most boundaries
    // unmatched; the coverage keeps them (up to the few rings that collapse).
    CHECK(shared_share(c) > full_shared - 0.02);
    // The communes cover the same land, the régions too.
    CHECK(triangles_area(c) == Approx(full_area).epsilon(0.003));
    CHECK(triangles_area(scene.coarse[k].layers[region]) == Approx(full_regions).epsilon(0.003));
  }
  // The level drawn follows the scale: full detail close up, the coarsest
  // for all of France.
  CHECK(detail_level(10) == 0);
  CHECK(detail_level(0.99 * detail_tolerances_m[0] / detail_max_error_px) == 0);
  CHECK(detail_level(detail_tolerances_m[0] / detail_max_error_px) == 1);
  CHECK(detail_level(2 * detail_tolerances_m.back()) == detail_tolerances_m.size());
  CHECK(detail_level(1e6, 1) == 0);  // a scene without coarse levels
}
