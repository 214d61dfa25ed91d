// The whole viewer window with its panels, as `cartes view --screenshot` does.
#include <catch2/catch.hpp>

#include <stb/stb_image.h>

#include <filesystem>
#include <set>

#include "app/backend_glfw.hpp"
#include "app/viewer.hpp"
#include "scratch_dir.hpp"

using namespace cartes;

TEST_CASE("full-window screenshot: panels open, map drawn, data loaded, no error", "[viewer][data]") {
  app::DataPaths paths = app::DataPaths::defaults();
  paths.base = std::filesystem::path(CARTES_TEST_BINARY_DIR) / "geodata" / "loire-bretagne.gpkg";
  const cartes::test::ScratchDir dir("viewer-window");
  const auto png = dir / "window.png";
  {
    app::GlfwBackend backend({1600, 900, true, "test"});
    app::Viewer viewer(paths);
    backend.run(viewer, {png, 3, true});
    CHECK(viewer.errors().empty());
    CHECK(viewer.map_ready());
    CHECK(viewer.alliances_ready());
    REQUIRE(viewer.first_map_seconds());
    CHECK(*viewer.first_map_seconds() <= *viewer.first_alliances_seconds());
  }
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
  REQUIRE(px);
  CHECK(w == 1600);
  CHECK(h == 900);
  auto at = [&](int x, int y) {
    const unsigned char* p = px + (static_cast<std::size_t>(y) * w + x) * 3;
    return std::array<int, 3>{p[0], p[1], p[2]};
  };
  // The Filtres panel (top-left, light style): a light grey window body.
  const auto panel = at(150, 200);
  CHECK(panel[0] > 225);
  CHECK(std::abs(panel[0] - panel[2]) < 8);
  // Its title, "Filtres", is dark text on the title bar.
  int dark = 0;
  for (int y = 10; y < 26; ++y)
    for (int x = 20; x < 80; ++x) dark += at(x, y)[0] < 100;
  CHECK(dark > 10);
  // The map between the panels: many distinct colours (land, alliances, names).
  std::set<int> colours;
  for (int y = 300; y < 600; y += 3)
    for (int x = 700; x < 1100; x += 3) {
      const auto c = at(x, y);
      colours.insert(c[0] << 16 | c[1] << 8 | c[2]);
    }
  CHECK(colours.size() > 50);
  stbi_image_free(px);
}
