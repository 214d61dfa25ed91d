// gis: the GeoPackage export of a synthetic base, read back with GDAL,
// checked by GDAL's validate_gpkg.py and opened by QGIS with its styles.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "scratch_dir.hpp"
#include "catalogue_helpers.hpp"
#include "geo/vector_reader.hpp"
#include "model/catalogue.hpp"
#include "model/export.hpp"
#include "model/families.hpp"
#include "synthetic_base.hpp"

using namespace cartes;
using namespace cartes::model;
namespace fs = std::filesystem;

namespace {

geo::ReadOptions layer_named(const char* name) {
  geo::ReadOptions o;
  o.layer = name;
  return o;
}
struct Exported {
  fs::path dir, file;
  ExportSummary summary;
};

Exported export_synthetic() {
  Exported e;
  e.dir = fs::temp_directory_path() / ("cartes-export-" + std::to_string(::getpid()));
  fs::remove_all(e.dir);
  fs::create_directories(e.dir);
  e.file = e.dir / "alliances.gpkg";
  const TerritoryBase base = cartes::test::synthetic_base();
  const Catalogue cat = load_catalogue(cartes::test::catalogue_fixture("synthetic.toml"), cartes::test::vocabulary());
  const auto perimeters = compute_perimeters(base, cat.alliances);
  e.summary = export_gpkg(e.file, base, cat, cartes::test::vocabulary(), perimeters);
  return e;
}

const geo::Feature& by(const std::vector<geo::Feature>& fs, const std::string& field, const std::string& value) {
  for (const auto& f : fs)
    if (f.text(field) == value) return f;
  throw std::runtime_error("no feature with " + field + " = " + value);
}
}  // namespace

TEST_CASE("the export holds every layer with the alliances' figures and families") {
  const Exported e = export_synthetic();
  const auto layers = geo::layer_names(e.file);
  for (const char* name : {"alliances", "alliance_members", "alliance_partners", "overlaps", "cooperation_density",
                           "communes", "epci", "pays", "departements", "regions"})
    CHECK(std::find(layers.begin(), layers.end(), name) != layers.end());

  const auto alliances = geo::read_features(e.file, layer_named("alliances"));
  REQUIRE(alliances.size() == 4);
  const auto& mixte = by(alliances, "id", "mixte");
  CHECK(mixte.text("theme") == "mobilite");
  CHECK(mixte.text("theme_label") == "Mobilité");
  CHECK(mixte.text("themes_labels") == "Mobilité ; Santé");
  CHECK(mixte.text("status_label") == "À l’œuvre");
  CHECK(mixte.text("intensite") == "forte");
  CHECK(mixte.integer("since") == 2015);
  CHECK(mixte.integer("population_municipale") == 600);
  CHECK(mixte.integer("communes") == 3);
  CHECK(mixte.real("area_km2") == Approx(3.0));
  CHECK(mixte.geometry.area() == Approx(3e6));
  const auto& disjointe = by(alliances, "id", "disjointe");
  CHECK(disjointe.integer("parts") == 2);
  CHECK(disjointe.text("confidence_label") == "Approximatif");
  CHECK(by(alliances, "id", "est").text("missing_members") == "84");
  // Every card family has its ids column and its French labels column
  // (partner kinds: their labels are in alliance_partners.kind_label).
  for (const auto& f : card_families()) {
    INFO(f.key);
    CHECK(mixte.fields.count(std::string(f.key)) == 1);
    if (f.key != "partner_kinds")
      CHECK(mixte.fields.count(std::string(f.key) + (f.multi_valued ? "_labels" : "_label")) == 1);
  }

  const auto members = geo::read_features(e.file, layer_named("alliance_members"));
  CHECK(members.size() == 9);
  const auto& region = by(members, "code", "84");
  CHECK(region.integer("in_base") == 0);
  CHECK(region.geometry.null());
  CHECK(geo::read_features(e.file, layer_named("alliance_partners")).size() == 1);

  // mixte {1,2,3}, disjointe {1,2,7}, pays-un {1..4}, est {3..6}
  const auto overlaps = geo::read_features(e.file, layer_named("overlaps"));
  CHECK(overlaps.size() == 5);  // every pair but disjointe/est
  const auto& po = by(overlaps, "alliance_b", "est");
  CHECK(po.text("alliance_a") == "mixte");
  CHECK(po.integer("communes") == 1);
  CHECK(po.integer("population_municipale") == 300);

  const auto density = geo::read_features(e.file, layer_named("cooperation_density"));
  REQUIRE(density.size() == 7);
  CHECK(by(density, "code", "99001").integer("total") == 3);
  CHECK(by(density, "code", "99003").integer("total") == 3);
  CHECK(by(density, "code", "99003").integer("n_mobilite") == 2);
  CHECK(by(density, "code", "99006").integer("total") == 1);
  CHECK(by(density, "code", "99007").integer("n_energie") == 1);
  const auto epci = geo::read_features(e.file, layer_named("epci"));
  CHECK(by(epci, "code", "200000002").integer("alliances") == 3);
  CHECK(e.summary.features.at("communes") == 7);
  fs::remove_all(e.dir);
}

TEST_CASE("a failed export leaves nothing behind") {
  const TerritoryBase base = cartes::test::synthetic_base();
  const Catalogue cat = load_catalogue(cartes::test::catalogue_fixture("synthetic.toml"), cartes::test::vocabulary());
  const auto perimeters = compute_perimeters(base, cat.alliances);
  const fs::path missing = fs::temp_directory_path() / "cartes-no-such-folder" / "x.gpkg";
  CHECK_THROWS_AS(export_gpkg(missing, base, cat, cartes::test::vocabulary(), perimeters), OutputError);
  CHECK_FALSE(fs::exists(missing));
  ExportOptions bad;
  bad.palette = cartes::test::catalogue_fixture("synthetic.toml");  // not a palette
  const cartes::test::ScratchDir dir("export-bad");
  CHECK_THROWS_AS(export_gpkg(dir / "x.gpkg", base, cat, cartes::test::vocabulary(), perimeters, bad), DataError);
  CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("GDAL's validator accepts the export and QGIS opens it styled") {
  const Exported e = export_synthetic();
  const std::string validate =
      "/usr/bin/python3 /usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py '" + e.file.string() + "'";
  CHECK(std::system(validate.c_str()) == 0);

  const fs::path json_out = e.dir / "probe.json";
  const std::string probe = "QT_QPA_PLATFORM=offscreen /usr/bin/python3 '" CARTES_TEST_FIXTURES
                            "/qgis/probe_export.py' '" +
                            e.file.string() + "' '" + json_out.string() + "' >/dev/null 2>&1";
  REQUIRE(std::system(probe.c_str()) == 0);
  std::ifstream in(json_out);
  const auto j = nlohmann::json::parse(in);
  INFO(j.dump(1));
  CHECK(j["alliances"]["count"] == 4);
  CHECK(j["alliances"]["crs"] == "EPSG:2154");
  CHECK(j["alliances"]["renderer"] == "categorizedSymbol");
  CHECK(j["alliances"]["attr"] == "theme");
  CHECK(j["alliances"]["categories"].size() == cartes::test::vocabulary().family("themes")->entries.size());
  CHECK(j["alliances"]["fill_active"] == true);
  CHECK(j["alliances"]["dash_active"] == true);
  // Palette colour of the first theme, alpha from the intensity; dashes for imaginées.
  const auto& ev = j["alliances"]["evaluated"];
  CHECK(ev["mixte"]["rgba"] == nlohmann::json::array({0, 114, 178, 191}));   // mobilite, forte
  CHECK(ev["disjointe"]["rgba"] == nlohmann::json::array({213, 94, 0, 128}));  // sante, moyenne
  CHECK(ev["pays-un"]["rgba"][3] == 64);                                       // faible
  CHECK(ev["mixte"]["outline"] == "solid");
  CHECK(ev["pays-un"]["outline"] == "dash");
  CHECK(j["cooperation_density"]["renderer"] == "graduatedSymbol");
  CHECK(j["cooperation_density"]["attr"] == "total");
  CHECK(j["cooperation_density"]["ranges"].size() == 8);
  CHECK(j["cooperation_density"]["count"] == 7);
  CHECK(j["alliance_partners"]["count"] == 1);
  CHECK(j["overlaps"]["count"] == 5);
  CHECK(j["communes"]["renderer"] == "singleSymbol");
  fs::remove_all(e.dir);
}
