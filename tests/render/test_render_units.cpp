// Rendering units that need no OpenGL context.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "core/paths.hpp"
#include "model/vocabulary.hpp"
#include "render/camera.hpp"
#include "render/labels.hpp"
#include "render/mesh.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

using namespace cartes;
using namespace cartes::render;

namespace {
double triangles_area(const MeshGroup& g, geo::Point origin) {
  double a = 0;
  for (std::size_t i = 0; i + 2 < g.indices.size(); i += 3) {
    const auto& p = g.vertices[g.indices[i]];
    const auto& q = g.vertices[g.indices[i + 1]];
    const auto& r = g.vertices[g.indices[i + 2]];
    a += std::abs((q.x - p.x) * (r.y - p.y) - (r.x - p.x) * (q.y - p.y)) / 2;
  }
  (void)origin;
  return a;
}
}  // namespace

TEST_CASE("GLU tessellation covers a polygon with a hole exactly once", "[render]") {
  // 10 km square with a 4 km square hole, and a second, disjoint part.
  const auto g = geo::Geometry::from_wkt(
      "MULTIPOLYGON(((300000 6700000,310000 6700000,310000 6710000,300000 6710000,300000 6700000),"
      "(303000 6703000,303000 6707000,307000 6707000,307000 6703000,303000 6703000)),"
      "((320000 6700000,322000 6700000,321000 6702000,320000 6700000)))");
  MeshGroup m;
  const geo::Point origin{305000, 6705000};
  begin_feature(m);
  tessellate(g.polygons(), origin, 0, m, "test");
  end_feature(m);
  REQUIRE(m.indices.size() % 3 == 0);
  REQUIRE(m.fill[0].count == m.indices.size());
  CHECK(triangles_area(m, origin) == Approx(g.area()).epsilon(1e-6));
  // No triangle has its centroid inside the hole.
  for (std::size_t i = 0; i < m.indices.size(); i += 3) {
    double cx = 0, cy = 0;
    for (int k = 0; k < 3; ++k) {
      cx += m.vertices[m.indices[i + k]].x / 3.0 + origin.x / 3.0;
      cy += m.vertices[m.indices[i + k]].y / 3.0 + origin.y / 3.0;
    }
    CHECK_FALSE((cx > 303000 && cx < 307000 && cy > 6703000 && cy < 6707000));
  }
}

TEST_CASE("outlines keep the interior on the left, whatever the ring orientation", "[render]") {
  // Exterior clockwise on purpose, hole counter-clockwise.
  const geo::Polygon p{{{{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}}, {{3, 3}, {7, 3}, {7, 7}, {3, 7}, {3, 3}}}};
  MeshGroup m;
  begin_feature(m);
  append_outline({p}, {0, 0}, 0, m);
  end_feature(m);
  REQUIRE(m.segments.size() == 8);
  for (const auto& s : m.segments) {
    // A point a little to the left of the segment's middle is inside the polygon.
    const double dx = s.x1 - s.x0, dy = s.y1 - s.y0, len = std::hypot(dx, dy);
    const double px = (s.x0 + s.x1) / 2 - dy / len * 0.5, py = (s.y0 + s.y1) / 2 + dx / len * 0.5;
    const bool in_outer = px > 0 && px < 10 && py > 0 && py < 10;
    const bool in_hole = px > 3 && px < 7 && py > 3 && py < 7;
    CHECK((in_outer && !in_hole));
  }
  // Distances along each ring accumulate (dash phase).
  CHECK(m.segments[1].dist0 == Approx(10));
  CHECK(m.segments[3].dist0 == Approx(30));
}

TEST_CASE("camera: zoom at the cursor keeps the point under it, fit shows the extent", "[render]") {
  Camera cam;
  cam.width = 800;
  cam.height = 600;
  geo::Envelope e;
  e.expand(geo::Point{100000, 6600000});
  e.expand(geo::Point{500000, 6900000});
  cam.fit(e, 0);
  const auto tl = cam.world_to_screen({100000, 6900000});
  const auto br = cam.world_to_screen({500000, 6600000});
  CHECK(tl[0] >= -0.5);
  CHECK(tl[1] >= -0.5);
  CHECK(br[0] <= 800.5);
  CHECK(br[1] <= 600.5);
  CHECK(((std::abs(tl[0]) < 0.5 && std::abs(br[0] - 800) < 0.5) || (std::abs(tl[1]) < 0.5 && std::abs(br[1] - 600) < 0.5)));
  const geo::Point before = cam.screen_to_world(123, 456);
  cam.zoom_at(2.5, 123, 456);
  const geo::Point after = cam.screen_to_world(123, 456);
  CHECK(after.x == Approx(before.x).margin(1e-6));
  CHECK(after.y == Approx(before.y).margin(1e-6));
  const double mpp = cam.mpp;
  cam.pan_pixels(10, -20);  // drag right and up: the world moves with the mouse
  CHECK(cam.screen_to_world(133, 436).x == Approx(after.x).margin(1e-6));
  CHECK(cam.screen_to_world(133, 436).y == Approx(after.y).margin(1e-6));
  CHECK(cam.mpp == mpp);
  // The clip matrix maps the centre to (0, 0) and the right edge to x = 1.
  const geo::Point origin{300000, 6750000};
  const auto m = cam.matrix(origin);
  const geo::Point right = cam.screen_to_world(800, 300);
  CHECK(m[0] * (right.x - origin.x) + m[6] == Approx(1.0).margin(1e-4));
}

TEST_CASE("scale bar lengths are 1, 2 or 5 times a power of ten", "[render]") {
  CHECK(nice_scale_length(360, 160) == 50000);
  CHECK(nice_scale_length(10, 160) == 1000);
  CHECK(nice_scale_length(1, 160) == 100);
  CHECK(nice_scale_length(130, 160) == 20000);
}

TEST_CASE("labels never overlap and stay on screen", "[render]") {
  Camera cam;
  cam.width = 400;
  cam.height = 300;
  cam.cx = 0;
  cam.cy = 0;
  cam.mpp = 100;
  std::vector<LabelCandidate> c;
  // 200 towns on a tight grid: most must be dropped.
  for (int i = 0; i < 200; ++i)
    c.push_back({"Ville " + std::to_string(i), {(i % 20 - 10) * 1500.0, (i / 20 - 5) * 800.0}, 1e6 - i,
                 model::Level::commune});
  const auto placed = place_labels(c, cam, [](std::string_view t) { return std::array<float, 2>{7.f * t.size(), 14.f}; });
  REQUIRE(!placed.empty());
  CHECK(placed.size() < 200);
  for (std::size_t i = 0; i < placed.size(); ++i) {
    CHECK(placed[i].box.x0 >= 0);
    CHECK(placed[i].box.x1 <= 400);
    for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].box.intersects(placed[j].box));
  }
  // Higher priority first: the first candidate inside the view is placed.
  CHECK(placed.front().candidate < 50);
}

TEST_CASE("the theme palette gives every theme of the vocabulary a distinct colour and hatch", "[render]") {
  const auto palette = ThemePalette::load(paths::project_data() / "theme_palette.csv");
  const auto vocab = model::Vocabulary::load(paths::project_data() / "vocabularies.toml");
  std::set<std::array<unsigned char, 4>> colours;
  const auto* themes = vocab.family("themes");
  REQUIRE(themes);
  for (const auto& e : themes->entries) {
    const auto& s = palette.style(e.id);
    INFO(e.id);
    CHECK(s.id == e.id);
    colours.insert(s.color.rgba8());
  }
  CHECK(colours.size() == themes->entries.size());
  // Consecutive themes differ by their stripe direction.
  for (std::size_t i = 1; i < palette.themes().size(); ++i)
    CHECK(palette.themes()[i].hatch_angle != palette.themes()[i - 1].hatch_angle);
}

TEST_CASE("palette errors name the file and line", "[render]") {
  CHECK_THROWS_WITH(Color::hex("#12345"), Catch::Contains("#rrggbb"));
  CHECK_THROWS_AS(ThemePalette::load("/nonexistent/palette.csv"), InputError);
}

TEST_CASE("density classes grow with the count, 0 is transparent", "[render]") {
  CHECK(density_color(0).a == 0);
  CHECK(density_color(1).rgba8() == density_classes()[0].color.rgba8());
  CHECK(density_color(5).rgba8() == density_classes()[3].color.rgba8());
  CHECK(density_color(40).rgba8() == density_classes()[6].color.rgba8());
  // Sequential: each class darker than the previous one.
  auto lum = [](const Color& c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
  for (std::size_t i = 1; i < density_classes().size(); ++i)
    CHECK(lum(density_classes()[i].color) < lum(density_classes()[i - 1].color));
}

TEST_CASE("parts of a non-contiguous perimeter are linked by a spanning tree", "[render]") {
  const auto g = geo::Geometry::from_wkt(
      "MULTIPOLYGON(((0 0,20000 0,20000 20000,0 20000,0 0)),((100000 0,120000 0,120000 20000,100000 20000,100000 0)),"
      "((50000 80000,70000 80000,70000 100000,50000 100000,50000 80000)),((200000 0,201000 0,201000 1000,200000 1000,200000 0)))");
  const auto all = part_links(g);
  CHECK(all.points.size() == 4);
  CHECK(all.edges.size() == 3);
  // The 1 km² islet is not linked when parts under 100 km² are ignored.
  const auto big = part_links(g, 100);
  CHECK(big.points.size() == 3);
  CHECK(big.edges.size() == 2);
}
