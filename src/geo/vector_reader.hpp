#pragma once
// Reading any OGR vector source (GeoJSON, GeoPackage, CSV...) into plain
// features, geometries reprojected to a target CRS (Lambert-93 by default)
// with the axis order made explicit (OAMS_TRADITIONAL_GIS_ORDER: x = easting /
// longitude), so EPSG:4326 sources are never read lat/lon.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "geo/geometry.hpp"

namespace cartes::geo {

using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Feature {
  std::int64_t fid = -1;
  std::map<std::string, FieldValue> fields;
  Geometry geometry;  // null when the feature has none

  // Typed access; a missing or null field gives "" / 0.
  std::string text(const std::string& name) const;
  std::int64_t integer(const std::string& name) const;
  double real(const std::string& name) const;
};

// A field a reader needs. `any` accepts every type (CSV columns are text).
enum class FieldKind { any, integer, real, text };
struct FieldSpec {
  std::string name;
  FieldKind kind = FieldKind::any;
};

struct ReadOptions {
  std::string layer;          // empty: the first layer
  int target_epsg = 2154;     // 0: keep the source CRS
  bool read_geometry = true;
  // Checked before anything is trusted; each failure is a DataError naming
  // the file, the layer and the field or feature, and what was expected.
  std::vector<FieldSpec> required_fields;  // present, with a fitting type
  std::vector<std::string> non_null_fields;  // set in every feature
  bool require_features = false;           // an empty layer is an error
  bool polygons_only = false;              // every geometry (Multi)Polygon, none missing
};

// Throws InputError when the file cannot be opened (names it), DataError when
// it is corrupt or truncated (names the file and, when known, the feature).
// A GeoPackage locked by another writer is retried for a bounded time
// (locked_wait_seconds), then reported as locked.
std::vector<Feature> read_features(const std::filesystem::path& path, const ReadOptions& options = {});

std::vector<std::string> layer_names(const std::filesystem::path& path);

// How long read_features waits for a locked SQLite/GeoPackage file (seconds;
// CARTES_LOCK_WAIT overrides the default of 10).
double locked_wait_seconds();

// Reprojects one point between EPSG codes, traditional GIS axis order (x, y).
Point transform_point(Point p, int from_epsg, int to_epsg);

}  // namespace cartes::geo
