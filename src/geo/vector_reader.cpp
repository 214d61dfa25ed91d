#include "geo/vector_reader.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <charconv>
#include <cstdio>
#include <fstream>

#include "geo/gdal_log.hpp"
#include "geo/spatial_ref.hpp"

namespace cartes::geo {
namespace fs = std::filesystem;

std::string Feature::text(const std::string& name) const {
  auto it = fields.find(name);
  if (it == fields.end()) return {};
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) return {};
        else if constexpr (std::is_same_v<T, std::string>) return v;
        else if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
        else {
          char buf[64];
          std::snprintf(buf, sizeof buf, "%.17g", v);
          return buf;
        }
      },
      it->second);
}

std::int64_t Feature::integer(const std::string& name) const {
  auto it = fields.find(name);
  if (it == fields.end()) return 0;
  if (auto* i = std::get_if<std::int64_t>(&it->second)) return *i;
  if (auto* d = std::get_if<double>(&it->second)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&it->second)) {
    std::int64_t v = 0;
    std::from_chars(s->data(), s->data() + s->size(), v);
    return v;
  }
  return 0;
}

double Feature::real(const std::string& name) const {
  auto it = fields.find(name);
  if (it == fields.end()) return 0;
  if (auto* d = std::get_if<double>(&it->second)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&it->second)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&it->second)) {
    try {
      return std::stod(*s);
    } catch (const std::exception&) {
      return 0;
    }
  }
  return 0;
}

namespace detail {

void check_input_exists(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path.string() + ": no such file");
  if (!fs::is_directory(path, ec)) {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw InputError(path.string() + ": cannot be read (permission denied?)");
  }
}

GDALDatasetUniquePtr open_vector(const fs::path& path, GdalErrorScope& errors) {
  check_input_exists(path);
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
  if (!ds) {
    std::string why = errors.errors();
    if (why.empty()) why = "no vector driver recognises it";
    throw DataError(path.string() + ": not a readable vector file (corrupt or truncated?): " + why);
  }
  return ds;
}

}  // namespace detail

namespace {

FieldValue field_value(const OGRFeature& f, int i, OGRFieldType type) {
  if (!f.IsFieldSetAndNotNull(i)) return std::monostate{};
  switch (type) {
    case OFTInteger:
    case OFTInteger64: return static_cast<std::int64_t>(f.GetFieldAsInteger64(i));
    case OFTReal: return f.GetFieldAsDouble(i);
    default: return std::string(f.GetFieldAsString(i));
  }
}

}  // namespace

std::vector<Feature> read_features(const fs::path& path, const ReadOptions& options) {
  detail::GdalErrorScope errors;
  GDALDatasetUniquePtr ds = detail::open_vector(path, errors);
  OGRLayer* layer = options.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(options.layer.c_str());
  if (!layer) {
    throw DataError(path.string() + ": no layer " + (options.layer.empty() ? std::string("at all") : "'" + options.layer + "'"));
  }

  std::unique_ptr<OGRCoordinateTransformation> transform;
  if (options.read_geometry && options.target_epsg != 0 && layer->GetGeomType() != wkbNone) {
    const OGRSpatialReference* layer_srs = layer->GetSpatialRef();
    if (!layer_srs)
      throw DataError(path.string() + ": layer '" + layer->GetName() + "' has no coordinate reference system");
    OGRSpatialReference source(*layer_srs);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OGRSpatialReference target = detail::srs_from_epsg(options.target_epsg);
    if (!source.IsSame(&target)) {
      transform.reset(OGRCreateCoordinateTransformation(&source, &target));
      if (!transform)
        throw DataError(path.string() + ": cannot reproject to EPSG:" + std::to_string(options.target_epsg) + ": " +
                        errors.errors());
    }
  }
  if (!options.read_geometry) layer->SetIgnoredFields(std::array<const char*, 2>{"OGR_GEOMETRY", nullptr}.data());

  OGRFeatureDefn* defn = layer->GetLayerDefn();
  const int nfields = defn->GetFieldCount();
  std::vector<std::string> names(static_cast<std::size_t>(nfields));
  std::vector<OGRFieldType> types(static_cast<std::size_t>(nfields));
  for (int i = 0; i < nfields; ++i) {
    names[static_cast<std::size_t>(i)] = defn->GetFieldDefn(i)->GetNameRef();
    types[static_cast<std::size_t>(i)] = defn->GetFieldDefn(i)->GetType();
  }

  std::vector<Feature> out;
  const GIntBig count = layer->GetFeatureCount(FALSE);
  if (count > 0) out.reserve(static_cast<std::size_t>(count));
  std::vector<unsigned char> wkb;
  layer->ResetReading();
  std::size_t number = 0;
  for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
    ++number;
    Feature feature;
    feature.fid = f->GetFID();
    for (int i = 0; i < nfields; ++i)
      feature.fields.emplace(names[static_cast<std::size_t>(i)], field_value(*f, i, types[static_cast<std::size_t>(i)]));
    if (OGRGeometry* g = options.read_geometry ? f->GetGeometryRef() : nullptr) {
      const auto where = [&] { return path.string() + ": feature " + std::to_string(number); };
      if (transform && g->transform(transform.get()) != OGRERR_NONE)
        throw DataError(where() + ": cannot reproject its geometry: " + errors.errors());
      wkb.resize(g->WkbSize());
      g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
      try {
        feature.geometry = Geometry::from_wkb(wkb);
      } catch (const GeometryError& e) {
        throw DataError(where() + ": unreadable geometry: " + e.what());
      }
    }
    out.push_back(std::move(feature));
  }
  // Drivers that stream (GeoJSON on big files) only find truncation while
  // reading: any failure raised during the loop makes the file corrupt.
  if (errors.failed()) throw DataError(path.string() + ": corrupt or truncated: " + errors.errors());
  return out;
}

std::vector<std::string> layer_names(const fs::path& path) {
  detail::GdalErrorScope errors;
  GDALDatasetUniquePtr ds = detail::open_vector(path, errors);
  std::vector<std::string> out;
  for (int i = 0; i < ds->GetLayerCount(); ++i) out.emplace_back(ds->GetLayer(i)->GetName());
  return out;
}

Point transform_point(Point p, int from_epsg, int to_epsg) {
  detail::GdalErrorScope errors;
  const OGRSpatialReference from = detail::srs_from_epsg(from_epsg);
  const OGRSpatialReference to = detail::srs_from_epsg(to_epsg);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &to));
  if (!ct || !ct->Transform(1, &p.x, &p.y))
    throw DataError("cannot transform a point from EPSG:" + std::to_string(from_epsg) + " to EPSG:" +
                    std::to_string(to_epsg) + ": " + errors.errors());
  return p;
}

}  // namespace cartes::geo
