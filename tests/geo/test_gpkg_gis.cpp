// gis: the written GeoPackage checked by GDAL's own validator and opened by
// QGIS, which must apply the default style from layer_styles.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "geo/gpkg_writer.hpp"
#include "scratch_dir.hpp"

using namespace cartes::geo;
namespace fs = std::filesystem;

namespace {

// A single-symbol fill in QGIS's QML, colour 12,34,56.
const char* const qml = R"(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="color" v="12,34,56,255"/>
          <prop k="outline_color" v="0,0,0,255"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="style" v="solid"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
</qgis>)";

fs::path write_sample() {
  static const cartes::test::ScratchDir dir("gis");
  const fs::path out = dir / "sample.gpkg";
  GpkgWriter w(out);
  auto& zones = w.add_layer(LayerDef{"zones", GeometryKind::multipolygon, 2154,
                                     {{"code", FieldType::text}, {"n", FieldType::integer}}, "zones"});
  const Geometry sq = Geometry::from_wkt("POLYGON((350000 6780000,351000 6780000,351000 6781000,350000 6781000,350000 6780000))");
  zones.write({std::string("Pays d’Ancenis"), std::int64_t{1}}, &sq);
  auto& table = w.add_layer(LayerDef{"report", GeometryKind::none, 0, {{"kind", FieldType::text}}, ""});
  table.write({std::string("x")}, nullptr);
  w.add_style(LayerStyle{"zones", "cartes", qml, "", "test style", true});
  w.commit();
  return out;
}

}  // namespace

TEST_CASE("GDAL's validate_gpkg.py accepts the written GeoPackage") {
  const fs::path out = write_sample();
  const std::string cmd =
      "/usr/bin/python3 /usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py '" + out.string() + "'";
  CHECK(std::system(cmd.c_str()) == 0);
  fs::remove_all(out.parent_path());
}

TEST_CASE("QGIS opens the layer with its default style from layer_styles") {
  const fs::path out = write_sample();
  const fs::path script = out.parent_path() / "probe.py";
  const fs::path result = out.parent_path() / "result.txt";
  std::ofstream(script) << "import sys\n"
                           "from qgis.core import QgsApplication, QgsVectorLayer\n"
                           "app = QgsApplication([], False)\n"
                           "app.initQgis()\n"
                           "layer = QgsVectorLayer(sys.argv[1] + '|layername=zones', 'zones', 'ogr')\n"
                           "c = layer.renderer().symbol().color()\n"
                           "open(sys.argv[2], 'w').write('%d %d %d %s %d' % (c.red(), c.green(), c.blue(), "
                           "layer.crs().authid(), layer.featureCount()))\n"
                           // QGIS 3.22 may crash while tearing down under Python:
                           // leave at once, the answer is written.
                           "import os\n"
                           "os._exit(0)\n";
  const std::string cmd = "QT_QPA_PLATFORM=offscreen /usr/bin/python3 '" + script.string() + "' '" + out.string() + "' '" +
                          result.string() + "' >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string r, g, b, crs, count;
  std::ifstream(result) >> r >> g >> b >> crs >> count;
  CHECK(r + " " + g + " " + b == "12 34 56");
  CHECK(crs == "EPSG:2154");
  CHECK(count == "1");
  fs::remove_all(out.parent_path());
}
