// The one palette reader (model/theme_palette.hpp) and the QGIS styles built
// from it (model/qgis_style.hpp).
#include <catch2/catch.hpp>
#include <fstream>

#include "catalogue_helpers.hpp"
#include "core/error.hpp"
#include "model/qgis_style.hpp"
#include "model/theme_palette.hpp"
#include "scratch_dir.hpp"

using namespace cartes;
using namespace cartes::model;

namespace {
std::filesystem::path write(const test::ScratchDir& dir, const std::string& text) {
  const auto p = dir / "palette.csv";
  std::ofstream(p, std::ios::binary) << text;
  return p;
}
}  // namespace

TEST_CASE("the shipped palette gives every theme of the vocabulary a colour and a label") {
  const auto palette = load_theme_palette(default_theme_palette());
  for (const auto& e : cartes::test::vocabulary().family("themes")->entries) {
    INFO(e.id);
    auto it = std::find_if(palette.begin(), palette.end(), [&](const ThemeColor& c) { return c.theme == e.id; });
    REQUIRE(it != palette.end());
    CHECK(it->label == e.label);
  }
}

TEST_CASE("the palette reader: comments, CSV quotes, spaces, column aliases, CRLF") {
  test::ScratchDir dir("palette");
  const auto p = write(dir, "# comment\r\n\r\n id , colour ,label\r\nsante, #D55E00 ,\"Santé, soins\"\r\nmobilite,#0072B2\r\n");
  const auto palette = load_theme_palette(p);
  REQUIRE(palette.size() == 2);
  CHECK(palette[0].theme == "sante");
  CHECK(palette[0].color == "#D55E00");
  CHECK(palette[0].label == "Santé, soins");
  CHECK(palette[1].label.empty());
}

TEST_CASE("palette errors name the file and line and what was expected") {
  test::ScratchDir dir("palette-errors");
  const std::string file = (dir / "palette.csv").string();
  auto error_of = [&](const std::string& text) {
    try {
      load_theme_palette(write(dir, text));
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("# c\nname,rgb\n") == file + ":2: the header must name a `theme` and a `color` column");
  CHECK(error_of("theme,color\nsante,#D55E0\n") == file + ":2: colour '#D55E0' is not #rrggbb");
  CHECK(error_of("theme,color\nsante,#D55E00aa\n") == file + ":2: colour '#D55E00aa' is not #rrggbb");
  CHECK(error_of("theme,color\n\nsante\n") == file + ":3: too few fields (expected theme and color)");
  CHECK(error_of("theme,color\n,#000000\n") == file + ":2: empty theme id");
  CHECK(error_of("theme,color\nsante,#000000\nsante,#ffffff\n") ==
        file + ":3: theme 'sante' already has a colour (line 2)");
  CHECK(error_of("# only comments\ntheme,color\n") == file + ": no theme in the palette");
  CHECK_THROWS_AS(load_theme_palette(dir / "missing.csv"), InputError);
}

TEST_CASE("outline styles: solid or dashed, with labels along the perimeter when asked") {
  const std::string plain = outline_qml("1,2,3", 0.4);
  CHECK(plain.find("name=\"outline_color\" value=\"1,2,3,255\"") != std::string::npos);
  CHECK(plain.find("name=\"outline_style\" value=\"solid\"") != std::string::npos);
  CHECK(plain.find("name=\"outline_width\" value=\"0.40\"") != std::string::npos);
  CHECK(plain.find("<labeling") == std::string::npos);
  CHECK(plain.find("styleCategories=\"Symbology\"") != std::string::npos);
  const std::string ring = outline_qml("1,2,3", 0.4, true, QmlLabels{"name", "1,2,3"});
  CHECK(ring.find("name=\"outline_style\" value=\"dash\"") != std::string::npos);
  CHECK(ring.find("styleCategories=\"Symbology|Labeling\"") != std::string::npos);
  CHECK(ring.find("<text-style fieldName=\"name\"") != std::string::npos);
  CHECK(ring.find("<placement placement=\"7\"") != std::string::npos);
  CHECK(ring.find("</labeling>\n<layerGeometryType>") != std::string::npos);
}

TEST_CASE("the alliances style: opacity over every intensity, dashes for imaginées") {
  const std::string qml = alliances_qml(cartes::test::vocabulary(), load_theme_palette(default_theme_palette()));
  CHECK(qml.find("CASE WHEN &quot;intensite&quot; = &apos;faible&apos; THEN 64 WHEN &quot;intensite&quot; = "
                 "&apos;moyenne&apos; THEN 128 ELSE 191 END") != std::string::npos);
  CHECK(qml.find("CASE WHEN &quot;status&quot; = &apos;imaginee&apos; THEN &apos;dash&apos; ELSE &apos;solid&apos; END") !=
        std::string::npos);
  CHECK(qml.find("value=\"mobilite\" label=\"Mobilité\"") != std::string::npos);
}
