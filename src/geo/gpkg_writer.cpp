#include "geo/gpkg_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <ctime>

#include "core/atomic_file.hpp"
#include "geo/gdal_log.hpp"
#include "geo/spatial_ref.hpp"

namespace cartes::geo {
namespace fs = std::filesystem;

namespace {

OGRwkbGeometryType ogr_type(GeometryKind k) {
  switch (k) {
    case GeometryKind::none: return wkbNone;
    case GeometryKind::multipolygon: return wkbMultiPolygon;
    case GeometryKind::multilinestring: return wkbMultiLineString;
    case GeometryKind::point: return wkbPoint;
  }
  return wkbUnknown;
}

OGRFieldType ogr_field(FieldType t) {
  switch (t) {
    case FieldType::integer: return OFTInteger64;
    case FieldType::real: return OFTReal;
    case FieldType::text: return OFTString;
  }
  return OFTString;
}

// QGIS's own schema for styles stored in a GeoPackage (QgsOgrProviderUtils /
// saveStyle): QGIS reads the row with useAsDefault = 1 when it opens a layer.
const std::array<std::pair<const char*, OGRFieldType>, 11> style_fields{{
    {"f_table_catalog", OFTString},
    {"f_table_schema", OFTString},
    {"f_table_name", OFTString},
    {"f_geometry_column", OFTString},
    {"styleName", OFTString},
    {"styleQML", OFTString},
    {"styleSLD", OFTString},
    {"useAsDefault", OFTInteger},
    {"description", OFTString},
    {"owner", OFTString},
    {"ui", OFTString},
}};

}  // namespace

class LayerWriter final : public GpkgWriter::Layer {
 public:
  LayerWriter(OGRLayer* layer, LayerDef def, std::string file) : layer_(layer), def_(std::move(def)), file_(std::move(file)) {
    OGRFeatureDefn* defn = layer_->GetLayerDefn();
    for (const auto& f : def_.fields) index_.push_back(defn->GetFieldIndex(f.name.c_str()));
  }

  void write(const std::vector<FieldValue>& values, const Geometry* geometry) override {
    detail::GdalErrorScope errors;
    if (values.size() != def_.fields.size())
      throw OutputError(file_ + ": layer " + def_.name + ": " + std::to_string(values.size()) + " values for " +
                        std::to_string(def_.fields.size()) + " fields");
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer_->GetLayerDefn()));
    for (std::size_t i = 0; i < values.size(); ++i) {
      const int idx = index_[i];
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) f->SetFieldNull(idx);
            else if constexpr (std::is_same_v<T, std::int64_t>) f->SetField(idx, static_cast<GIntBig>(v));
            else if constexpr (std::is_same_v<T, double>) f->SetField(idx, v);
            else f->SetField(idx, v.c_str());
          },
          values[i]);
    }
    if (geometry && !geometry->null() && def_.geometry != GeometryKind::none) {
      const std::vector<std::uint8_t> wkb = geometry->to_wkb();
      OGRGeometry* g = nullptr;
      if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) != OGRERR_NONE || !g)
        throw OutputError(file_ + ": layer " + def_.name + ": cannot convert a geometry");
      if (def_.geometry == GeometryKind::multipolygon) g = OGRGeometryFactory::forceToMultiPolygon(g);
      else if (def_.geometry == GeometryKind::multilinestring) g = OGRGeometryFactory::forceToMultiLineString(g);
      f->SetGeometryDirectly(g);
    }
    if (layer_->CreateFeature(f.get()) != OGRERR_NONE)
      throw OutputError(file_ + ": layer " + def_.name + ": cannot write a feature: " + errors.errors());
  }

 private:
  OGRLayer* layer_;
  LayerDef def_;
  std::string file_;
  std::vector<int> index_;
};

struct GpkgWriter::Impl {
  // Declared before the dataset, so the dataset closes first and the file's
  // destructor then removes an uncommitted temporary (with its journal).
  std::unique_ptr<AtomicFile> file;
  GDALDatasetUniquePtr ds;
  std::vector<std::unique_ptr<LayerWriter>> layers;
  std::vector<LayerStyle> styles;
  bool in_transaction = false;
  bool committed = false;

  void end_transaction(const fs::path& target) {
    if (!in_transaction) return;
    in_transaction = false;
    detail::GdalErrorScope errors;
    if (ds->CommitTransaction() != OGRERR_NONE)
      throw OutputError(target.string() + ": cannot write (disk full?): " + errors.errors());
  }
};

GpkgWriter::GpkgWriter(fs::path final_path) : final_path_(std::move(final_path)), impl_(std::make_unique<Impl>()) {
  detail::GdalErrorScope errors;
  // Hidden, beside the target (same file system, so the rename is atomic),
  // unique per process; the .gpkg extension keeps the driver quiet. Checks the
  // folder, resolves a symlink target and removes stale temporaries.
  impl_->file = std::make_unique<AtomicFile>(final_path_, ".gpkg");
  const fs::path& temp = impl_->file->temp_path();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) throw OutputError("cannot write " + final_path_.string() + ": GDAL has no GPKG driver");
  // Durability comes from the fsync before the rename (AtomicFile::commit),
  // not from SQLite's per-transaction syncs (which made writing several times
  // slower).
  CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
  impl_->ds.reset(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", nullptr);
  if (!impl_->ds) {
    std::string why = errors.errors();
    if (why.empty()) why = "permission denied?";
    throw OutputError("cannot write " + final_path_.string() + ": " + why);
  }
}

GpkgWriter::~GpkgWriter() {
  if (!impl_ || impl_->committed) return;
  detail::GdalErrorScope errors;  // a failed run's last words stay off stderr
  impl_->layers.clear();
  impl_->ds.reset();
  impl_->file.reset();  // removes the temporary
}

GpkgWriter::Layer& GpkgWriter::add_layer(const LayerDef& def) {
  impl_->end_transaction(final_path_);
  detail::GdalErrorScope errors;
  OGRSpatialReference srs;
  if (def.geometry != GeometryKind::none) srs = detail::srs_from_epsg(def.epsg);
  CPLStringList options;
  options.SetNameValue("GEOMETRY_NAME", "geom");
  options.SetNameValue("FID", "fid");
  if (!def.description.empty()) options.SetNameValue("DESCRIPTION", def.description.c_str());
  OGRLayer* layer = impl_->ds->CreateLayer(def.name.c_str(), def.geometry == GeometryKind::none ? nullptr : &srs,
                                           ogr_type(def.geometry), options.List());
  if (!layer) throw OutputError(final_path_.string() + ": cannot create layer " + def.name + ": " + errors.errors());
  for (const auto& f : def.fields) {
    OGRFieldDefn fd(f.name.c_str(), ogr_field(f.type));
    if (layer->CreateField(&fd) != OGRERR_NONE)
      throw OutputError(final_path_.string() + ": layer " + def.name + ": cannot create field " + f.name + ": " +
                        errors.errors());
  }
  impl_->layers.push_back(std::make_unique<LayerWriter>(layer, def, final_path_.string()));
  // Bulk writes: one transaction per layer (one fsync-free commit instead of
  // one per feature).
  if (impl_->ds->StartTransaction() != OGRERR_NONE)
    throw OutputError(final_path_.string() + ": cannot start a transaction: " + errors.errors());
  impl_->in_transaction = true;
  return *impl_->layers.back();
}

void GpkgWriter::add_style(const LayerStyle& style) { impl_->styles.push_back(style); }

void GpkgWriter::commit() {
  if (impl_->committed) return;
  impl_->end_transaction(final_path_);
  if (!impl_->styles.empty()) {
    detail::GdalErrorScope errors;
    CPLStringList options;
    options.SetNameValue("FID", "id");
    OGRLayer* layer = impl_->ds->CreateLayer("layer_styles", nullptr, wkbNone, options.List());
    if (!layer) throw OutputError(final_path_.string() + ": cannot create layer_styles: " + errors.errors());
    for (const auto& [name, type] : style_fields) {
      OGRFieldDefn fd(name, type);
      if (std::string_view(name) == "useAsDefault") fd.SetSubType(OFSTBoolean);
      layer->CreateField(&fd);
    }
    OGRFieldDefn time("update_time", OFTDateTime);
    time.SetDefault("CURRENT_TIMESTAMP");
    layer->CreateField(&time);
    impl_->ds->StartTransaction();
    for (const auto& s : impl_->styles) {
      OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      f->SetField("f_table_catalog", "");
      f->SetField("f_table_schema", "");
      f->SetField("f_table_name", s.layer.c_str());
      f->SetField("f_geometry_column", "geom");
      f->SetField("styleName", s.name.c_str());
      f->SetField("styleQML", s.qml.c_str());
      f->SetField("styleSLD", s.sld.c_str());
      f->SetField("useAsDefault", s.use_as_default ? 1 : 0);
      f->SetField("description", s.description.c_str());
      f->SetField("owner", "cartes");
      f->SetField("ui", "");
      if (layer->CreateFeature(f.get()) != OGRERR_NONE)
        throw OutputError(final_path_.string() + ": cannot write the style of " + s.layer + ": " + errors.errors());
    }
    if (impl_->ds->CommitTransaction() != OGRERR_NONE)
      throw OutputError(final_path_.string() + ": cannot write layer_styles: " + errors.errors());
  }
  {
    detail::GdalErrorScope errors;
    impl_->layers.clear();
    impl_->ds.reset();  // closes: builds the deferred spatial indexes
    if (errors.failed()) throw OutputError("cannot write " + final_path_.string() + ": " + errors.errors());
  }
  impl_->file->commit();  // fsync, keep the mode, rename
  impl_->committed = true;
}

}  // namespace cartes::geo
