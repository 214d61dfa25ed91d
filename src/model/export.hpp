#pragma once
// The GeoPackage export (`cartes export`): one file that QGIS opens styled.
//
// Layers (Lambert-93, EPSG:2154):
//   alliances            perimeter + every family (ids and French labels) + figures
//   alliance_members     one row per member, with the member's geometry (null when
//                        the code is outside the loaded base)
//   alliance_partners    non-spatial partners (attribute table)
//   overlaps             pairs of alliances sharing communes, with the shared geometry
//   cooperation_density  communes with the number of alliances covering them, per theme
//   communes, epci, pays, departements, regions   the territory base (EPCI with
//                        their alliance counts per theme)
// Styles (QML of qgis_style.hpp, stored in `layer_styles`, used by default):
//   alliances: categorised on `theme` (first theme), colours of
//   geodata/theme_palette.csv; fill opacity from `intensite` (data-defined:
//   faible 25 %, moyenne 50 %, forte 75 %); dashed outline for imaginées.
//   cooperation_density: graduated on `total`, the viewer's classes
//   (1, 2, 3, 4-5, 6-8, 9-12, 13+) in ColorBrewer YlOrRd.
//   territory layers: outlines only.
// The file is written atomically (geo::GpkgWriter).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "model/catalogue.hpp"
#include "model/perimeter.hpp"
#include "model/qgis_style.hpp"
#include "model/territory.hpp"
#include "model/vocabulary.hpp"

namespace cartes::model {

struct ExportOptions {
  std::filesystem::path palette;  // empty: default_theme_palette()
  bool territory_layers = true;
  unsigned threads = 0;           // for overlaps; 0: hardware concurrency
};

struct ExportSummary {
  std::map<std::string, std::size_t> features;  // per layer
  std::size_t overlaps = 0;
};

// perimeters[i] must belong to catalogue.alliances[i] (compute_perimeters).
ExportSummary export_gpkg(const std::filesystem::path& out, const TerritoryBase& base, const Catalogue& catalogue,
                          const Vocabulary& vocabulary, const std::vector<Perimeter>& perimeters,
                          const ExportOptions& options = {}, Progress* progress = nullptr);

}  // namespace cartes::model
