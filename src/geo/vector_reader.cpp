#include "geo/vector_reader.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

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

const char* kind_name(FieldKind k) {
  switch (k) {
    case FieldKind::any: return "any type";
    case FieldKind::integer: return "an integer";
    case FieldKind::real: return "a number";
    case FieldKind::text: return "text";
  }
  return "";
}

bool fits(FieldKind k, OGRFieldType t) {
  switch (k) {
    case FieldKind::any: return true;
    case FieldKind::integer: return t == OFTInteger || t == OFTInteger64;
    case FieldKind::real: return t == OFTReal || t == OFTInteger || t == OFTInteger64;
    case FieldKind::text: return t == OFTString;
  }
  return false;
}

void check_required_fields(const fs::path& path, OGRLayer& layer, const std::vector<FieldSpec>& required) {
  OGRFeatureDefn* defn = layer.GetLayerDefn();
  std::string expected;
  for (const FieldSpec& f : required) expected += (expected.empty() ? "" : ", ") + f.name;
  for (const FieldSpec& f : required) {
    const int i = defn->GetFieldIndex(f.name.c_str());
    const std::string where = path.string() + ": layer '" + layer.GetName() + "': ";
    if (i < 0) throw DataError(where + "no field '" + f.name + "' (the fields needed are " + expected + ")");
    const OGRFieldType t = defn->GetFieldDefn(i)->GetType();
    if (!fits(f.kind, t))
      throw DataError(where + "field '" + f.name + "' is " + OGRFieldDefn::GetFieldTypeName(t) + ", expected " +
                      kind_name(f.kind));
  }
}

bool is_polygonal(const OGRGeometry& g) {
  const OGRwkbGeometryType t = wkbFlatten(g.getGeometryType());
  return t == wkbPolygon || t == wkbMultiPolygon;
}

std::vector<Feature> read_once(const fs::path& path, const ReadOptions& options);

}  // namespace

double locked_wait_seconds() {
  if (const char* env = std::getenv("CARTES_LOCK_WAIT")) {
    char* end = nullptr;
    const double v = std::strtod(env, &end);
    if (end != env && v >= 0) return v;
  }
  return 10.0;
}

namespace {

// SQLite answers "database is locked" while another process writes: wait
// a bounded time for it to finish rather than call the file corrupt.
template <class Read>
auto waiting_for_lock(const fs::path& path, Read&& read) {
  const auto start = std::chrono::steady_clock::now();
  const double wait = locked_wait_seconds();
  for (;;) {
    try {
      return read();
    } catch (const DataError& e) {
      if (std::string_view(e.what()).find("database is locked") == std::string_view::npos) throw;
      const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (waited >= wait) {
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.0f", waited);
        throw DataError(path.string() + ": locked by another program writing to it (waited " + secs +
                        " s); try again when it has finished");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
}

}  // namespace

std::vector<Feature> read_features(const fs::path& path, const ReadOptions& options) {
  return waiting_for_lock(path, [&] { return read_once(path, options); });
}

namespace {

std::vector<Feature> read_once(const fs::path& path, const ReadOptions& options) {
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

  const auto empty_layer = [&] {
    return DataError(path.string() + ": layer '" + layer->GetName() + "' has no features, expected at least one");
  };
  try {
    check_required_fields(path, *layer, options.required_fields);
  } catch (const DataError&) {
    // An empty GeoJSON file has no fields either: say it is empty, the real
    // fault (counted only here: a count reads a streamed file twice).
    if (options.require_features && layer->GetFeatureCount(TRUE) == 0) throw empty_layer();
    throw;
  }
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<int> non_null;
  for (const std::string& name : options.non_null_fields) {
    non_null.push_back(defn->GetFieldIndex(name.c_str()));
    if (non_null.back() < 0)
      throw DataError(path.string() + ": layer '" + layer->GetName() + "': no field '" + name + "'");
  }
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
    const auto where = [&] { return path.string() + ": layer '" + layer->GetName() + "': feature " + std::to_string(number); };
    for (std::size_t k = 0; k < non_null.size(); ++k)
      if (!f->IsFieldSetAndNotNull(non_null[k]))
        throw DataError(where() + ": field '" + options.non_null_fields[k] + "' is empty (null), expected a value");
    for (int i = 0; i < nfields; ++i)
      feature.fields.emplace(names[static_cast<std::size_t>(i)], field_value(*f, i, types[static_cast<std::size_t>(i)]));
    if (OGRGeometry* g = options.read_geometry ? f->GetGeometryRef() : nullptr) {
      if (options.polygons_only && !is_polygonal(*g))
        throw DataError(where() + ": a " + OGRGeometryTypeToName(g->getGeometryType()) +
                        ", expected a Polygon or MultiPolygon");
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
  if (options.require_features && out.empty()) throw empty_layer();
  return out;
}

}  // namespace

std::vector<std::string> layer_names(const fs::path& path) {
  return waiting_for_lock(path, [&] {
    detail::GdalErrorScope errors;
    GDALDatasetUniquePtr ds = detail::open_vector(path, errors);
    std::vector<std::string> out;
    for (int i = 0; i < ds->GetLayerCount(); ++i) out.emplace_back(ds->GetLayer(i)->GetName());
    return out;
  });
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
