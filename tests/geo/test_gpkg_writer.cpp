#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "geo/gpkg_writer.hpp"
#include "scratch_dir.hpp"

using namespace cartes;
using namespace cartes::geo;
namespace fs = std::filesystem;

namespace {

// One scratch folder per test process (removed at exit, even after a failed
// check); cases that remove it get it back on their next call.
fs::path scratch(const std::string& name) {
  static const cartes::test::ScratchDir dir("gpkg");
  fs::create_directories(dir.path());
  return dir / name;
}

// Files in `dir` other than `keep`: the temporary file must not survive.
std::size_t stray_files(const fs::path& dir, const fs::path& keep = {}) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path() != keep) ++n;
  return n;
}

LayerDef zones_def() {
  return LayerDef{"zones",
                  GeometryKind::multipolygon,
                  2154,
                  {{"code", FieldType::text}, {"population", FieldType::integer}, {"area_km2", FieldType::real}},
                  "test zones"};
}

}  // namespace

TEST_CASE("writer commits a GeoPackage that the reader reads back") {
  const fs::path out = scratch("committed.gpkg");
  fs::remove(out);
  {
    GpkgWriter w(out);
    auto& zones = w.add_layer(zones_def());
    const Geometry sq = Geometry::from_wkt("POLYGON((350000 6780000,351000 6780000,351000 6781000,350000 6781000,350000 6780000))");
    zones.write({std::string("Cœur d’Ouest"), std::int64_t{1234}, 1.0}, &sq);
    zones.write({std::monostate{}, std::int64_t{0}, 0.0}, nullptr);
    auto& table = w.add_layer(LayerDef{"report", GeometryKind::none, 0, {{"kind", FieldType::text}}, ""});
    table.write({std::string("geometry_repaired")}, nullptr);
    w.add_style(LayerStyle{"zones", "default", "<qgis/>", "", "test", true});
    CHECK_FALSE(fs::exists(out));  // nothing visible before commit
    w.commit();
  }
  REQUIRE(fs::exists(out));
  CHECK(stray_files(out.parent_path(), out) == 0);
  const auto names = layer_names(out);
  CHECK(std::find(names.begin(), names.end(), "zones") != names.end());
  CHECK(std::find(names.begin(), names.end(), "report") != names.end());
  CHECK(std::find(names.begin(), names.end(), "layer_styles") != names.end());

  ReadOptions o;
  o.layer = "zones";
  o.target_epsg = 0;
  const auto zones = read_features(out, o);
  REQUIRE(zones.size() == 2);
  CHECK(zones[0].text("code") == "Cœur d’Ouest");
  CHECK(zones[0].integer("population") == 1234);
  CHECK(zones[0].geometry.type_name() == "MultiPolygon");  // a Polygon was written: forced to multi
  CHECK(zones[0].geometry.area() == Approx(1e6));
  CHECK(zones[1].geometry.null());

  o.layer = "layer_styles";
  const auto styles = read_features(out, o);
  REQUIRE(styles.size() == 1);
  CHECK(styles[0].text("f_table_name") == "zones");
  CHECK(styles[0].text("f_geometry_column") == "geom");
  CHECK(styles[0].integer("useAsDefault") == 1);
  CHECK(styles[0].text("styleQML") == "<qgis/>");
  fs::remove_all(out.parent_path());
}

TEST_CASE("a writer destroyed without commit leaves no file") {
  const fs::path out = scratch("abandoned.gpkg");
  fs::remove(out);
  try {
    GpkgWriter w(out);
    auto& zones = w.add_layer(zones_def());
    zones.write({std::string("x"), std::int64_t{1}, 1.0}, nullptr);
    throw std::runtime_error("failure half-way");
  } catch (const std::runtime_error&) {
  }
  CHECK_FALSE(fs::exists(out));
  CHECK(stray_files(out.parent_path()) == 0);
  fs::remove_all(out.parent_path());
}

TEST_CASE("commit replaces an existing file atomically") {
  const fs::path out = scratch("replaced.gpkg");
  for (int round = 0; round < 2; ++round) {
    GpkgWriter w(out);
    auto& zones = w.add_layer(zones_def());
    for (int i = 0; i <= round; ++i) zones.write({std::string("z"), std::int64_t{i}, 0.0}, nullptr);
    w.commit();
  }
  ReadOptions o;
  o.target_epsg = 0;
  CHECK(read_features(out, o).size() == 2);
  fs::remove_all(out.parent_path());
}

TEST_CASE("an unwritable path is an OutputError naming it, and no file is left") {
  const fs::path out = scratch("no/such/folder/base.gpkg");
  try {
    GpkgWriter w(out);
    FAIL("no exception");
  } catch (const OutputError& e) {
    CHECK(std::string(e.what()).find(out.string()) != std::string::npos);
    CHECK(e.code() == ExitCode::output);
  }
  CHECK_FALSE(fs::exists(out));
  if (::geteuid() != 0) {  // root writes anywhere: the permission case needs a user
    const fs::path locked = scratch("locked");
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THROWS_AS(GpkgWriter(locked / "base.gpkg"), OutputError);
    CHECK(stray_files(locked) == 0);
    fs::permissions(locked, fs::perms::owner_all);
  }
  fs::remove_all(scratch("").parent_path());
}

TEST_CASE("wrong number of values is refused with the layer named") {
  const fs::path out = scratch("bad.gpkg");
  {
    GpkgWriter w(out);
    auto& zones = w.add_layer(zones_def());
    CHECK_THROWS_WITH(zones.write({std::string("only one")}, nullptr), Catch::Contains("zones"));
  }
  CHECK(stray_files(out.parent_path()) == 0);
  fs::remove_all(out.parent_path());
}

TEST_CASE("a GeoPackage written through a symlink keeps the link; a killed run's litter is removed") {
  const fs::path dir = scratch("litter").parent_path() / "litter";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path real = dir / "real.gpkg", link = dir / "link.gpkg";
  fs::create_symlink("real.gpkg", link);
  // What `kill -9` during an export leaves: a temporary of a dead process and its journal.
  for (const char* stale : {".real.gpkg.999999999.tmp.gpkg", ".real.gpkg.999999999.tmp.gpkg-journal"})
    std::ofstream(dir / stale) << "partial";
  {
    GpkgWriter w(link);
    w.add_layer(zones_def());
    w.commit();
  }
  CHECK(fs::is_symlink(link));
  CHECK(fs::is_regular_file(real));
  CHECK(stray_files(dir) == 2);  // the link and its target, no litter
  fs::remove_all(dir);
}
