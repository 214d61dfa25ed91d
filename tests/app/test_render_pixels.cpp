// Pixel tests of the map drawing (the viewer's code, offscreen), synthetic
// fixture. Needs an X display (ctest runs under Xvfb: Mesa llvmpipe).
#include <catch2/catch.hpp>

#include "app/render_job.hpp"
#include "core/paths.hpp"
#include "render/map_cache.hpp"
#include "pixels.hpp"
#include "synthetic_map.hpp"

using namespace cartes;
using namespace cartes::test;

namespace {
app::GlfwBackend& backend() {
  static app::GlfwBackend b({64, 64, false, "test"});
  return b;
}

app::RenderSettings settings() {
  app::RenderSettings s;
  s.width = 400;
  s.height = 400;
  geo::Envelope e;
  e.expand(geo::Point{290000, 6690000});
  e.expand(geo::Point{350000, 6750000});
  s.extent = e;
  s.labels = false;
  return s;
}
}  // namespace

TEST_CASE("themes: each alliance shows its theme colour, overlaps keep both, outside is background", "[viewer]") {
  const auto map = synthetic_map();
  const auto s = settings();
  const auto img = app::render_map(backend(), map.model, map.scene, s);
  const auto cam = app::camera_for(s, map.scene.extent);
  const auto mob = map.model.palette.style("mobilite").color;
  const auto sante = map.model.palette.style("sante").color;
  REQUIRE(img.width == 400);

  // A only (south-west): mobility stripes, no santé.
  CHECK(share_near(img, cam, cell_centre(0, 0), 12, mob) > 0.15);
  CHECK(share_near(img, cam, cell_centre(0, 0), 12, sante) == 0);
  // B only (north-east): santé stripes, no mobility.
  CHECK(share_near(img, cam, cell_centre(3, 3), 12, sante) > 0.15);
  CHECK(share_near(img, cam, cell_centre(3, 3), 12, mob) == 0);
  // Overlap (north-west): both theme colours stay readable (interleaved
  // stripes), not a blend of the two.
  const double both_mob = share_near(img, cam, cell_centre(0, 3), 12, mob);
  const double both_sante = share_near(img, cam, cell_centre(0, 3), 12, sante);
  CHECK(both_mob > 0.08);
  CHECK(both_sante > 0.08);
  CHECK(both_mob + both_sante > 0.25);
  // Neither alliance (south-east, except C): plain land.
  const render::BaseColors colors;
  CHECK(near(pixel_at(img, cam, cell_centre(2, 0)), colors.land, 2));
  // Outside the territory: the background, exactly.
  CHECK(near(pixel_at(img, cam, {295000, 6695000}), colors.background, 0));
  CHECK(near(pixel_at(img, cam, {345000, 6745000}), colors.background, 0));
}

TEST_CASE("filters: a theme filter removes the other alliances from the map", "[viewer]") {
  const auto map = synthetic_map();
  auto s = settings();
  s.filters.selected["themes"] = {"sante"};
  const auto img = app::render_map(backend(), map.model, map.scene, s);
  const auto cam = app::camera_for(s, map.scene.extent);
  CHECK(share_near(img, cam, cell_centre(0, 0), 12, map.model.palette.style("mobilite").color) == 0);
  CHECK(share_near(img, cam, cell_centre(0, 3), 12, map.model.palette.style("sante").color) > 0.15);
}

TEST_CASE("imaginée alliances are outlined with dashes", "[viewer]") {
  const auto map = synthetic_map();
  auto s = settings();
  const auto img = app::render_map(backend(), map.model, map.scene, s);
  const auto cam = app::camera_for(s, map.scene.extent);
  const auto energie = map.model.palette.style("energie").color;
  // Walk along C's south edge, just inside (the outline is offset inwards
  // by at most a few pixels): the energy colour comes and goes.
  int on = 0, changes = 0;
  bool last = false;
  const auto a = cam.world_to_screen({330000, 6700000});
  const auto b = cam.world_to_screen({340000, 6700000});
  const int y = static_cast<int>(a[1]) - 1;
  for (int x = static_cast<int>(a[0]) + 4; x < static_cast<int>(b[0]) - 4; ++x) {
    bool hit = false;
    for (int dy = 0; dy >= -5; --dy) hit = hit || near(img.at(x, y + dy), energie, 40);
    on += hit;
    if (x > static_cast<int>(a[0]) + 4 && hit != last) ++changes;
    last = hit;
  }
  CHECK(on > 5);
  CHECK(changes >= 4);
}

TEST_CASE("density: communes coloured by the number of alliances covering them", "[viewer]") {
  const auto map = synthetic_map();
  auto s = settings();
  s.view.mode = render::MapMode::density;
  const auto img = app::render_map(backend(), map.model, map.scene, s);
  const auto cam = app::camera_for(s, map.scene.extent);
  CHECK(near(pixel_at(img, cam, cell_centre(0, 3)), render::density_color(2), 1));  // A and B
  CHECK(near(pixel_at(img, cam, cell_centre(0, 0)), render::density_color(1), 1));  // A
  CHECK(near(pixel_at(img, cam, cell_centre(3, 3)), render::density_color(1), 1));  // B
  CHECK(near(pixel_at(img, cam, cell_centre(2, 0)), render::BaseColors{}.land, 1));  // none
  CHECK(near(pixel_at(img, cam, {295000, 6695000}), render::BaseColors{}.background, 0));
}

TEST_CASE("highlight outlines the alliance in dark; an unknown id is a usage error", "[viewer]") {
  const auto map = synthetic_map();
  auto s = settings();
  s.highlight = "C";
  const auto img = app::render_map(backend(), map.model, map.scene, s);
  const auto cam = app::camera_for(s, map.scene.extent);
  const auto p = cam.world_to_screen({335000, 6710000});  // C's north edge, middle
  bool dark = false;
  for (int dy = -3; dy <= 3; ++dy) {
    const auto px = img.at(static_cast<int>(p[0]), static_cast<int>(p[1]) + dy);
    dark = dark || (px[0] < 60 && px[1] < 60 && px[2] < 60);
  }
  CHECK(dark);
  s.highlight = "nope";
  CHECK_THROWS_AS(app::render_map(backend(), map.model, map.scene, s), UsageError);
}

TEST_CASE("alliances covering most of the map are outlined only, unless highlighted", "[viewer]") {
  const auto map = synthetic_map();
  auto s = settings();
  // A and B each cover half of the synthetic base: make them "wide".
  s.view.outline_only_share = 0.4;
  s.view.outline_only_min_km2 = 0;
  const auto cam = app::camera_for(s, map.scene.extent);
  const auto mob = map.model.palette.style("mobilite").color;
  const auto sante = map.model.palette.style("sante").color;
  const auto img = app::render_map(backend(), map.model, map.scene, s);
  CHECK(share_near(img, cam, cell_centre(0, 3), 12, mob) == 0);
  CHECK(share_near(img, cam, cell_centre(0, 3), 12, sante) == 0);
  CHECK(near(pixel_at(img, cam, cell_centre(0, 3)), render::BaseColors{}.land, 2));
  s.highlight = "B";
  const auto hl = app::render_map(backend(), map.model, map.scene, s);
  CHECK(share_near(hl, cam, cell_centre(0, 3), 12, sante) > 0.15);
  CHECK(share_near(hl, cam, cell_centre(0, 3), 12, mob) == 0);
}

TEST_CASE("the cached map is the drawn map, redrawn only when the frame changes; hover is drawn over it",
          "[viewer]") {
  const auto map = synthetic_map();
  const auto s = settings();
  backend();  // a GL context
  render::MapRenderer renderer(paths::shaders());
  renderer.set_scene(map.scene);
  const auto cam = app::camera_for(s, map.scene.extent);
  render::MapFrame f = app::make_frame(map.model, app::visible_alliances(map.model, {}), {}, cam);

  render::Framebuffer direct(cam.width, cam.height);
  direct.bind();
  renderer.draw(f);
  const auto want = direct.read();

  render::MapCache cache(paths::shaders());
  render::Framebuffer window(cam.width, cam.height);  // multisampled, as the window
  auto through_cache = [&](const render::MapFrame& frame) {
    render::MapFrame still = frame;
    still.hovered.reset();
    if (cache.begin(renderer.frame_key(still), cam.width, cam.height)) {
      renderer.draw(still);
      cache.end();
    }
    cache.present(window.id());
    renderer.draw_hovered(frame);
    return window.read();
  };
  CHECK(through_cache(f) == want);
  CHECK(cache.redraws() == 1);
  CHECK(through_cache(f) == want);  // from the cache
  CHECK(cache.redraws() == 1);

  // Hovering a commune outlines it without redrawing the map.
  render::MapFrame hovered = f;
  hovered.hovered = render::Pick{model::Level::commune, 5};
  const auto with_hover = through_cache(hovered);
  CHECK(cache.redraws() == 1);
  CHECK(with_hover != want);
  direct.bind();
  renderer.draw(hovered);
  CHECK(with_hover == direct.read());

  // A change of view, style or data redraws it.
  render::MapFrame moved = f;
  moved.camera.pan_pixels(10, 0);
  through_cache(moved);
  CHECK(cache.redraws() == 2);
  render::MapFrame highlighted = moved;
  highlighted.highlight = 0;
  through_cache(highlighted);
  CHECK(cache.redraws() == 3);
  renderer.set_scene(map.scene);
  through_cache(highlighted);
  CHECK(cache.redraws() == 4);
}
