#pragma once
// How things look: colours of the themes (geodata/theme_palette.csv), hatch
// angles, what intensity does to opacity and weights, the base map, and the
// sequential palette of the cooperation density mode. Documented in the
// README ("Reading the map").
#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/alliance.hpp"

namespace cartes::render {

struct Color {
  float r = 0, g = 0, b = 0, a = 1;
  // "#rrggbb" or "#rrggbbaa"; throws DataError on anything else.
  static Color hex(std::string_view text);
  Color with_alpha(float alpha) const { return {r, g, b, alpha}; }
  std::array<unsigned char, 4> rgba8() const;
};

struct ThemeStyle {
  std::string id;
  std::string label;        // French label when the palette file gives one
  Color color;
  float hatch_angle = 45;   // degrees, screen space
};

// Theme id -> colour and hatch angle. Colours come from the palette file;
// the hatch angle is given by the theme's row (8 angles 22.5 degrees apart,
// cycling), so that two themes whose colours a colour-blind reader may
// confuse still differ by the direction of their stripes.
class ThemePalette {
 public:
  ThemePalette();  // empty: every theme gets the fallback style
  // The palette file as model::load_theme_palette reads it (its rules and
  // errors); the rows' order gives the hatch angles.
  static ThemePalette load(const std::filesystem::path& csv);

  const ThemeStyle& style(std::string_view theme) const;
  const std::vector<ThemeStyle>& themes() const { return themes_; }
  void add(ThemeStyle s);

 private:
  std::vector<ThemeStyle> themes_;
  ThemeStyle fallback_;
};

// What the intensity card does to the drawing.
struct IntensityStyle {
  float tint_alpha;   // opacity of the flat tint under the stripes
  float stripe_px;    // width of the hatch stripes, pixels
  float outline_px;   // outline weight, pixels
};
IntensityStyle intensity_style(model::Intensity intensity);

// What the status does: a dashed outline (imaginée) or a solid one.
bool dashed_outline(model::Status status);

// The trend card as an arrow before the alliance's name: its angle in
// radians (screen y down: negative goes up) and the same as a glyph.
float trend_arrow_angle(model::Trend trend);
std::string_view trend_glyph(model::Trend trend);

// Hatch period in pixels (stripe every N pixels).
inline constexpr float hatch_period_px = 11.0f;
// Dash length of the outline of an imaginée alliance, pixels.
inline constexpr float imaginee_dash_px = 7.0f;

// The base map.
struct BaseColors {
  Color background = Color::hex("#d9e6ee");  // sea and outside the scope
  Color land = Color::hex("#f5f3ee");
  Color region = Color::hex("#3c3c3c");
  Color departement = Color::hex("#6b6b6b");
  Color pays = Color::hex("#8e7cb0");
  Color epci = Color::hex("#9a9a9a");
  Color commune = Color::hex("#c9c5bc");
  Color highlight = Color::hex("#111111");
  Color label = Color::hex("#202020");
};

// Cooperation density: how many (visible) alliances cover a commune, in 7
// classes of ColorBrewer's sequential YlOrRd (colour-blind safe, prints in
// grey). Class bounds: 1, 2, 3, 4-5, 6-8, 9-12, 13 and more.
struct DensityClass {
  int min_count;
  Color color;
};
const std::array<DensityClass, 7>& density_classes();
Color density_color(int count);  // alpha 0 when count == 0

}  // namespace cartes::render
