#include "render/style.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "model/theme_palette.hpp"

namespace cartes::render {

namespace {
int hex_byte(std::string_view s, std::size_t at) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + 2, v, 16);
  if (ec != std::errc() || p != s.data() + at + 2) return -1;
  return v;
}

constexpr std::array<float, 8> hatch_angles{45, 135, 0, 90, 22.5f, 112.5f, 67.5f, 157.5f};
}  // namespace

Color Color::hex(std::string_view t) {
  if ((t.size() != 7 && t.size() != 9) || t[0] != '#')
    throw DataError("bad colour \"" + std::string(t) + "\": expected #rrggbb");
  int c[4] = {0, 0, 0, 255};
  for (std::size_t i = 0; i < (t.size() - 1) / 2; ++i) {
    c[i] = hex_byte(t, 1 + 2 * i);
    if (c[i] < 0) throw DataError("bad colour \"" + std::string(t) + "\": expected #rrggbb");
  }
  return {c[0] / 255.f, c[1] / 255.f, c[2] / 255.f, c[3] / 255.f};
}

std::array<unsigned char, 4> Color::rgba8() const {
  auto q = [](float v) { return static_cast<unsigned char>(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); };
  return {q(r), q(g), q(b), q(a)};
}

ThemePalette::ThemePalette() { fallback_ = {"", "", Color::hex("#777777"), 45}; }

void ThemePalette::add(ThemeStyle s) {
  s.hatch_angle = hatch_angles[themes_.size() % hatch_angles.size()];
  themes_.push_back(std::move(s));
}

ThemePalette ThemePalette::load(const std::filesystem::path& csv) {
  ThemePalette p;
  for (const auto& t : model::load_theme_palette(csv)) p.add({t.theme, t.label, Color::hex(t.color), 0});
  return p;
}

const ThemeStyle& ThemePalette::style(std::string_view theme) const {
  for (const auto& t : themes_)
    if (t.id == theme) return t;
  return fallback_;
}

IntensityStyle intensity_style(model::Intensity i) {
  switch (i) {
    case model::Intensity::faible: return {0.05f, 1.2f, 1.3f};
    case model::Intensity::moyenne: return {0.10f, 2.0f, 2.0f};
    case model::Intensity::forte: return {0.16f, 3.0f, 3.0f};
  }
  return {0.10f, 2.0f, 2.0f};
}

bool dashed_outline(model::Status status) {
  switch (status) {
    case model::Status::a_loeuvre: return false;
    case model::Status::imaginee: return true;
  }
  return false;
}

float trend_arrow_angle(model::Trend trend) {
  switch (trend) {
    case model::Trend::monte_en_puissance: return -0.785f;
    case model::Trend::stable: return 0.f;
    case model::Trend::s_essouffle: return 0.785f;
  }
  return 0.f;
}

std::string_view trend_glyph(model::Trend trend) {
  switch (trend) {
    case model::Trend::monte_en_puissance: return "↗";
    case model::Trend::stable: return "→";
    case model::Trend::s_essouffle: return "↘";
  }
  return "→";
}

const std::array<DensityClass, 7>& density_classes() {
  static const std::array<DensityClass, 7> classes{{{1, Color::hex("#ffffb2")},
                                                    {2, Color::hex("#fed976")},
                                                    {3, Color::hex("#feb24c")},
                                                    {4, Color::hex("#fd8d3c")},
                                                    {6, Color::hex("#fc4e2a")},
                                                    {9, Color::hex("#e31a1c")},
                                                    {13, Color::hex("#b10026")}}};
  return classes;
}

Color density_color(int count) {
  if (count <= 0) return Color{0, 0, 0, 0};
  Color c = density_classes()[0].color;
  for (const auto& k : density_classes())
    if (count >= k.min_count) c = k.color;
  return c;
}

}  // namespace cartes::render
