#pragma once
// The QGIS styles (QML documents, QGIS 3.x) of every GeoPackage cartes writes
// into `layer_styles`: the export's alliances and density layers, the outline
// styles of the export, of the territory base (`cartes build`) and of the
// rings (`cartes rings --out`, dashed and labelled).
#include <optional>
#include <string>
#include <vector>

#include "model/theme_palette.hpp"
#include "model/vocabulary.hpp"

namespace cartes::model {

// alliances: categorised on `theme` (first theme), colours of the palette
// (grey for a theme it lacks); fill opacity from `intensite`, dashed outline
// for imaginées (data-defined, over every value of those families).
std::string alliances_qml(const Vocabulary& vocabulary, const std::vector<ThemeColor>& palette);
// cooperation_density: graduated on `total`, the viewer's classes in YlOrRd.
std::string density_qml();

// Labels placed along the perimeter (concentric rings stay readable).
struct QmlLabels {
  std::string field;  // "name"
  std::string rgb;    // "r,g,b"
};
// One outline symbol, no fill: rgb "r,g,b", width in millimetres.
std::string outline_qml(const std::string& rgb, double width_mm, bool dashed = false,
                        const std::optional<QmlLabels>& labels = std::nullopt);

}  // namespace cartes::model
