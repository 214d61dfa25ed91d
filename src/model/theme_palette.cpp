#include "model/theme_palette.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

namespace cartes::model {

std::filesystem::path default_theme_palette() { return paths::project_data() / "theme_palette.csv"; }

namespace {
bool is_hex_colour(const std::string& s) {
  return s.size() == 7 && s[0] == '#' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

int column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (std::size_t i = 0; i < header.size(); ++i)
    for (const char* n : names)
      if (header[i] == n) return static_cast<int>(i);
  return -1;
}
}  // namespace

std::vector<ThemeColor> load_theme_palette(const std::filesystem::path& csv) {
  std::ifstream in(csv, std::ios::binary);
  if (!in) throw InputError("cannot read the theme palette " + csv.string());
  std::vector<ThemeColor> out;
  std::vector<int> lines;  // of out's rows, for the duplicate message
  int line_no = 0, col_theme = -1, col_color = -1, col_label = -1;
  bool header = false;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    const std::string where = csv.string() + ":" + std::to_string(line_no) + ": ";
    auto fields = csv::split_line(line);
    for (auto& f : fields) f = std::string(trim_blanks(f));
    if ((fields.size() == 1 && fields[0].empty()) || (!fields[0].empty() && fields[0][0] == '#')) continue;
    if (!header) {
      header = true;
      col_theme = column(fields, {"theme", "id"});
      col_color = column(fields, {"color", "colour", "hex"});
      col_label = column(fields, {"label"});
      if (col_theme < 0 || col_color < 0) throw DataError(where + "the header must name a `theme` and a `color` column");
      continue;
    }
    if (fields.size() <= static_cast<std::size_t>(std::max(col_theme, col_color)))
      throw DataError(where + "too few fields (expected theme and color)");
    ThemeColor tc{fields[static_cast<std::size_t>(col_theme)], fields[static_cast<std::size_t>(col_color)], ""};
    if (col_label >= 0 && fields.size() > static_cast<std::size_t>(col_label))
      tc.label = fields[static_cast<std::size_t>(col_label)];
    if (tc.theme.empty()) throw DataError(where + "empty theme id");
    if (!is_hex_colour(tc.color)) throw DataError(where + "colour '" + tc.color + "' is not #rrggbb");
    const auto dup = std::find_if(out.begin(), out.end(), [&](const ThemeColor& c) { return c.theme == tc.theme; });
    if (dup != out.end())
      throw DataError(where + "theme '" + tc.theme + "' already has a colour (line " +
                      std::to_string(lines[static_cast<std::size_t>(dup - out.begin())]) + ")");
    out.push_back(std::move(tc));
    lines.push_back(line_no);
  }
  if (out.empty()) throw DataError(csv.string() + ": no theme in the palette");
  return out;
}

}  // namespace cartes::model
