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

struct ReadOptions {
  std::string layer;          // empty: the first layer
  int target_epsg = 2154;     // 0: keep the source CRS
  bool read_geometry = true;
};

// Throws InputError when the file cannot be opened (names it), DataError when
// it is corrupt or truncated (names the file and, when known, the feature).
std::vector<Feature> read_features(const std::filesystem::path& path, const ReadOptions& options = {});

std::vector<std::string> layer_names(const std::filesystem::path& path);

// Reprojects one point between EPSG codes, traditional GIS axis order (x, y).
Point transform_point(Point p, int from_epsg, int to_epsg);

}  // namespace cartes::geo
