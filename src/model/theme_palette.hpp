#pragma once
// The one reader of geodata/theme_palette.csv, shared by the GeoPackage
// export's QGIS styles and the viewer (render::ThemePalette).
//
// Rules: '#' lines and blank lines are comments; the first other line is the
// header, naming a `theme` (or `id`) column, a `color` (or `colour`, `hex`)
// column and optionally a `label` column; fields are CSV (core/csv.hpp),
// spaces around them ignored; colours are "#rrggbb"; a theme appears once.
// InputError when the file is unreadable, DataError naming file:line otherwise.
#include <filesystem>
#include <string>
#include <vector>

namespace cartes::model {

struct ThemeColor {
  std::string theme;
  std::string color;  // "#rrggbb"
  std::string label;  // empty when the file has no label column
};

std::vector<ThemeColor> load_theme_palette(const std::filesystem::path& csv);
std::filesystem::path default_theme_palette();  // paths::project_data() / "theme_palette.csv"

}  // namespace cartes::model
