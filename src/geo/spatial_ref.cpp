#include "geo/spatial_ref.hpp"

#include <string>

#include "core/error.hpp"
#include "geo/gdal_log.hpp"

namespace cartes::geo::detail {

OGRSpatialReference srs_from_epsg(int epsg) {
  GdalErrorScope scope;  // keeps PROJ's complaints off stderr
  OGRSpatialReference srs;
  if (srs.importFromEPSG(epsg) != OGRERR_NONE) throw DataError("unknown coordinate system EPSG:" + std::to_string(epsg));
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace cartes::geo::detail
