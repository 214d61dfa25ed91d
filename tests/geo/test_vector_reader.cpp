#include <catch2/catch.hpp>

#include <filesystem>

#include "geo/vector_reader.hpp"

using namespace cartes;
using namespace cartes::geo;
namespace fs = std::filesystem;

namespace {
const fs::path fixtures = fs::path(CARTES_TEST_FIXTURES) / "geo";
}

TEST_CASE("axis order: Rennes town hall reprojects to its Lambert-93 position") {
  // Expected value from gdaltransform (traditional GIS order), see
  // tests/fixtures/geo/README.md. Swapped axes would land ~5000 km away.
  const auto features = read_features(fixtures / "rennes_town_hall.geojson");
  REQUIRE(features.size() == 1);
  const Point p = features[0].geometry.centroid();
  CHECK(p.x == Approx(351949.034).margin(0.01));
  CHECK(p.y == Approx(6789307.981).margin(0.01));

  const Point q = transform_point({-1.6794, 48.1113}, 4326, 2154);
  CHECK(q.x == Approx(351949.034).margin(0.01));
  CHECK(q.y == Approx(6789307.981).margin(0.01));
  const Point back = transform_point(q, 2154, 4326);
  CHECK(back.x == Approx(-1.6794).margin(1e-9));
  CHECK(back.y == Approx(48.1113).margin(1e-9));
}

TEST_CASE("fields are read with their types and UTF-8 text intact") {
  const auto features = read_features(fixtures / "rennes_town_hall.geojson");
  REQUIRE(features.size() == 1);
  const Feature& f = features[0];
  CHECK(f.text("name") == "Hôtel de ville de Rennes");
  CHECK(f.text("code") == "35238");
  CHECK(f.integer("code") == 35238);
  CHECK(f.integer("rank") == 1);
  CHECK(f.real("share") == Approx(0.5));
  CHECK(f.text("missing").empty());
  CHECK(f.integer("missing") == 0);
}

TEST_CASE("target_epsg 0 keeps source coordinates; read_geometry false skips them") {
  ReadOptions keep;
  keep.target_epsg = 0;
  const auto kept = read_features(fixtures / "rennes_town_hall.geojson", keep);
  CHECK(kept.at(0).geometry.centroid().x == Approx(-1.6794));
  CHECK(kept.at(0).geometry.centroid().y == Approx(48.1113));
  ReadOptions none;
  none.read_geometry = false;
  const auto bare = read_features(fixtures / "rennes_town_hall.geojson", none);
  CHECK(bare.at(0).geometry.null());
  CHECK(bare.at(0).text("code") == "35238");
}

TEST_CASE("a missing file is an InputError naming it") {
  const fs::path missing = fixtures / "no_such_file.geojson";
  try {
    read_features(missing);
    FAIL("no exception");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find(missing.string()) != std::string::npos);
    CHECK(e.code() == ExitCode::input);
  }
}

TEST_CASE("a truncated file is a DataError naming it") {
  const fs::path truncated = fixtures / "truncated.geojson";
  try {
    read_features(truncated);
    FAIL("no exception");
  } catch (const DataError& e) {
    CHECK(std::string(e.what()).find(truncated.string()) != std::string::npos);
    CHECK(e.code() == ExitCode::data);
  }
}

TEST_CASE("an unknown layer is a DataError naming the layer") {
  ReadOptions o;
  o.layer = "nope";
  CHECK_THROWS_WITH(read_features(fixtures / "rennes_town_hall.geojson", o), Catch::Contains("'nope'"));
  CHECK(layer_names(fixtures / "rennes_town_hall.geojson").size() == 1);
}
