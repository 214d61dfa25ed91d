#pragma once
// Writing a rings analysis to a GeoPackage (atomically, geo::GpkgWriter): one
// layer per perimeter family with the figures as attributes, each with a QGIS
// style in layer_styles:
//   rings        the core, each ring (annulus) and each cumulative perimeter
//   bands        the territories within each distance (perimeter outlines)
//   band_buffers the core buffered by each distance (the drawn buffer)
//   zonings      AAV 2020 (whole, pôle, couronne), ZE 2020, BV 2022
//   alliances    the compared alliances
//   overlaps     every pair: intersection over union by population and area (no geometry)
// Rows need their outlines (compute_outlines) first.
#include <filesystem>
#include <string>

#include "analysis/rings.hpp"

namespace cartes::analysis {

void write_rings_gpkg(const RingsResult& result, const std::filesystem::path& file);

}  // namespace cartes::analysis
