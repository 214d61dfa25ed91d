// The real Loire-Bretagne base and catalogue, drawn offscreen filtered on
// mobilité: Nantes Métropole in the mobility colour, the Atlantic west of
// Brittany in the background colour.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "app/loader.hpp"
#include "app/render_job.hpp"
#include "pixels.hpp"

using namespace cartes;
using namespace cartes::test;

namespace {
// The real base and catalogue, as the viewer loads them.
render::SceneData load_loire_bretagne(app::AppModel& model) {
  app::DataPaths paths = app::DataPaths::defaults();
  paths.base = std::filesystem::path(CARTES_TEST_BINARY_DIR) / "geodata" / "loire-bretagne.gpkg";
  auto b = app::load_base(paths);
  render::SceneData scene = std::move(b.scene);
  app::install(model, std::move(b));
  auto a = app::load_alliances(paths, model.base(), scene);
  app::merge_alliances(scene, std::move(a.scene));
  app::install(model, std::move(a));
  return scene;
}
}  // namespace

TEST_CASE("Loire-Bretagne filtered on mobilité: Nantes Métropole in the mobility colour, the sea in the background",
          "[viewer][data]") {
  app::AppModel model;
  const render::SceneData scene = load_loire_bretagne(model);
  REQUIRE(model.alliances.size() > 10);

  app::GlfwBackend backend({64, 64, false, "test"});
  app::RenderSettings s;
  s.width = 1600;
  s.height = 1000;
  s.labels = false;
  s.filters.selected["themes"] = {"mobilite"};
  const auto img = app::render_map(backend, model, scene, s);
  const auto cam = app::camera_for(s, scene.extent);

  const auto* nantes = model.base().find(model::Level::epci, "244400404");
  REQUIRE(nantes);
  REQUIRE(nantes->name == "Nantes Métropole");
  const auto p = nantes->geometry.interior_point();
  const auto mob = model.palette.style("mobilite").color;
  CHECK(share_near(img, cam, p, 8, mob) > 0.1);
  // Some mobility alliance covers Nantes Métropole (the premise of the check).
  CHECK_FALSE(model.alliances_covering(*nantes).empty());

  // The Atlantic, 40 km west-south-west of the Pointe du Raz.
  const geo::Point sea{105000, 6760000};
  CHECK_FALSE(model.base().layer(model::Level::region)[0].geometry.contains(sea));
  CHECK(near(pixel_at(img, cam, sea), render::BaseColors{}.background, 0));

  // Without the filter, a non-mobility-only map differs at Nantes (other themes add their stripes).
  s.filters.selected.clear();
  s.view.mode = render::MapMode::density;
  const auto dens = app::render_map(backend, model, scene, s);
  const auto px = pixel_at(dens, cam, p);
  bool is_class = false;
  for (const auto& k : render::density_classes()) is_class = is_class || near(px, k.color, 2);
  CHECK(is_class);
  CHECK_FALSE(near(px, render::density_classes()[0].color, 2));  // Nantes is covered by several alliances
}

TEST_CASE("Loire-Bretagne at the regional scale: the simplified level of detail looks like the full detail",
          "[viewer][data]") {
  app::AppModel model;
  const render::SceneData scene = load_loire_bretagne(model);

  app::GlfwBackend backend({64, 64, false, "test"});
  app::RenderSettings s;
  s.width = 1600;
  s.height = 1000;
  s.labels = false;
  const auto cam = app::camera_for(s, scene.extent);
  REQUIRE(render::detail_level(cam.mpp) >= 2);  // a coarse level is drawn at this scale
  const auto coarse = app::render_map(backend, model, scene, s);
  s.view.full_detail = true;
  const auto full = app::render_map(backend, model, scene, s);
  REQUIRE(coarse.rgba.size() == full.rgba.size());
  // Pixels that differ visibly (more than 60/255 on a channel): boundaries
  // moved by under a pixel, so only thin lines of them.
  std::size_t differ = 0;
  for (std::size_t i = 0; i < full.rgba.size(); i += 4) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(full.rgba[i + c]) - int(coarse.rgba[i + c])));
    differ += d > 60;
  }
  const double share = static_cast<double>(differ) / (full.rgba.size() / 4);
  INFO("visibly different pixels: " << share * 100 << " %");
  CHECK(share < 0.04);
  CHECK(share > 0);  // the two levels are not the same geometry
}
