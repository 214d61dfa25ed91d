#pragma once
// Layers of a GeoPackage copied into another GDAL data source, as ogr2ogr
// does (GDALVectorTranslate): `cartes db publish` puts the export's layers
// into PostGIS, where QGIS reads them.
#include <filesystem>
#include <string>
#include <vector>

namespace cartes::geo {

// Copies `layers` of `gpkg` into the PostgreSQL database `pg_conninfo`
// (libpq connection string), in `schema` (which must exist), replacing
// tables of the same names; geometry column "geom", key "fid". OutputError
// naming the layer and GDAL's message on failure.
void copy_layers_to_postgis(const std::filesystem::path& gpkg, const std::string& pg_conninfo,
                            const std::string& schema, const std::vector<std::string>& layers);

// The rows of a GeoPackage's layer_styles table (QGIS styles), to publish
// them with their layers; empty when it has none.
struct StoredStyle {
  std::string layer, geometry_column, name, qml, sld, description, type;
  bool use_as_default = false;
};
std::vector<StoredStyle> read_layer_styles(const std::filesystem::path& gpkg);

}  // namespace cartes::geo
