#include "geo/vector_copy.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gdal_utils.h>

#include <memory>

#include "core/error.hpp"
#include "geo/gdal_log.hpp"

namespace cartes::geo {

void copy_layers_to_postgis(const std::filesystem::path& gpkg, const std::string& pg_conninfo,
                            const std::string& schema, const std::vector<std::string>& layers) {
  detail::ensure_gdal();
  detail::GdalErrorScope errors;
  const auto why = [&errors] { return errors.failed() ? ": " + errors.errors() : std::string(); };
  GDALDatasetH src = GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!src) throw InputError("cannot open " + gpkg.string() + why());
  std::unique_ptr<void, void (*)(void*)> src_guard(src, [](void* d) { GDALClose(d); });
  for (const std::string& layer : layers) {
    // The destination sees only `schema` (SCHEMAS, ACTIVE_SCHEMA): with the
    // whole database in view, -overwrite of "alliances" dropped the
    // catalogue's own cartes.alliances table.
    std::vector<std::string> args = {"-f", "PostgreSQL", "-doo", "SCHEMAS=" + schema, "-doo", "ACTIVE_SCHEMA=" + schema,
                                     "-overwrite", "-lco", "SCHEMA=" + schema, "-lco", "GEOMETRY_NAME=geom", "-lco",
                                     "FID=fid", "-nln", layer, layer};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    if (!options) throw OutputError("publishing " + layer + ": bad translation options" + why());
    std::unique_ptr<GDALVectorTranslateOptions, void (*)(GDALVectorTranslateOptions*)> options_guard(
        options, GDALVectorTranslateOptionsFree);
    int usage_error = 0;
    const std::string dest = "PG:" + pg_conninfo;
    GDALDatasetH out = GDALVectorTranslate(dest.c_str(), nullptr, 1, &src, options, &usage_error);
    if (!out || usage_error)
      throw OutputError("publishing layer " + layer + " to the database failed" + why());
    GDALClose(out);
  }
}

std::vector<StoredStyle> read_layer_styles(const std::filesystem::path& gpkg) {
  detail::ensure_gdal();
  detail::GdalErrorScope errors;
  GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw InputError("cannot open " + gpkg.string());
  std::vector<StoredStyle> out;
  OGRLayer* layer = ds->GetLayerByName("layer_styles");
  if (!layer) return out;
  const auto text = [](OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string();
  };
  for (auto& f : *layer) {
    StoredStyle s;
    s.layer = text(*f, "f_table_name");
    s.geometry_column = text(*f, "f_geometry_column");
    s.name = text(*f, "styleName");
    s.qml = text(*f, "styleQML");
    s.sld = text(*f, "styleSLD");
    s.description = text(*f, "description");
    s.type = text(*f, "type");
    const int i = f->GetFieldIndex("useAsDefault");
    s.use_as_default = i >= 0 && f->GetFieldAsInteger(i) != 0;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace cartes::geo
