#pragma once
// Internal to geo: spatial reference systems with the axis order made explicit.
#include <ogr_spatialref.h>

#include <filesystem>

#include <gdal_priv.h>

namespace cartes::geo::detail {

class GdalErrorScope;

// EPSG code -> SRS with OAMS_TRADITIONAL_GIS_ORDER (x = easting/longitude),
// so EPSG:4326 is never read as lat/lon. Throws DataError for an unknown code.
OGRSpatialReference srs_from_epsg(int epsg);

// Throws InputError when `path` is missing or unreadable (names it).
void check_input_exists(const std::filesystem::path& path);

// Opens a vector dataset read-only: InputError when missing, DataError naming
// the file and GDAL's words when no driver can read it (corrupt, truncated).
GDALDatasetUniquePtr open_vector(const std::filesystem::path& path, GdalErrorScope& errors);

}  // namespace cartes::geo::detail
