#include "render/style.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace cartes::render {

namespace {
int hex_byte(std::string_view s, std::size_t at) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + 2, v, 16);
  if (ec != std::errc() || p != s.data() + at + 2) return -1;
  return v;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\"");
  const auto e = s.find_last_not_of(" \t\r\"");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::vector<std::string> split_csv(const std::string& line) {
  // The palette has no quoted commas; quotes around fields are stripped.
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string f;
  while (std::getline(ss, f, ',')) out.push_back(trim(f));
  return out;
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
  std::ifstream in(csv);
  if (!in) throw InputError("cannot read the theme palette " + csv.string());
  ThemePalette p;
  std::string line;
  int line_no = 0;
  int col_theme = -1, col_color = -1, col_label = -1;
  while (std::getline(in, line)) {
    ++line_no;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const auto fields = split_csv(line);
    if (col_theme < 0) {
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == "theme" || fields[i] == "id") col_theme = static_cast<int>(i);
        if (fields[i] == "color" || fields[i] == "colour" || fields[i] == "hex") col_color = static_cast<int>(i);
        if (fields[i] == "label") col_label = static_cast<int>(i);
      }
      if (col_theme < 0 || col_color < 0)
        throw DataError(csv.string() + ":" + std::to_string(line_no) +
                        ": the header must name a `theme` and a `color` column");
      continue;
    }
    const auto need = static_cast<std::size_t>(std::max(col_theme, col_color));
    if (fields.size() <= need)
      throw DataError(csv.string() + ":" + std::to_string(line_no) + ": too few fields");
    ThemeStyle s;
    s.id = fields[static_cast<std::size_t>(col_theme)];
    try {
      s.color = Color::hex(fields[static_cast<std::size_t>(col_color)]);
    } catch (const DataError& e) {
      throw DataError(csv.string() + ":" + std::to_string(line_no) + ": " + e.what());
    }
    if (col_label >= 0 && fields.size() > static_cast<std::size_t>(col_label))
      s.label = fields[static_cast<std::size_t>(col_label)];
    p.add(std::move(s));
  }
  if (p.themes_.empty()) throw DataError(csv.string() + ": no theme in the palette");
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
