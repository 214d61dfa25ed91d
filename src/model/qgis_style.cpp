#include "model/qgis_style.hpp"

#include <algorithm>
#include <cstdio>

#include "model/families.hpp"

namespace cartes::model {


namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

// "#0072B2" -> "0,114,178"
std::string rgb_triplet(const std::string& hex) {
  const auto v = std::stoul(hex.substr(1), nullptr, 16);
  return std::to_string((v >> 16) & 0xff) + "," + std::to_string((v >> 8) & 0xff) + "," + std::to_string(v & 0xff);
}

std::string option(const char* name, const std::string& value) {
  return "<Option type=\"QString\" name=\"" + std::string(name) + "\" value=\"" + xml_escape(value) + "\"/>";
}

std::string data_defined(const char* property, const std::string& expression) {
  return "<Option type=\"Map\" name=\"" + std::string(property) +
         "\"><Option type=\"bool\" name=\"active\" value=\"true\"/>" + option("expression", expression) +
         "<Option type=\"int\" name=\"type\" value=\"3\"/></Option>";
}

struct FillSymbol {
  std::string fill = "0,0,0,255";     // r,g,b,a
  std::string outline = "35,35,35,255";
  std::string style = "solid";        // fill style ("no" for none)
  std::string outline_style = "solid";
  double outline_mm = 0.26;
  std::vector<std::string> data_defined;  // data_defined(...) entries
};

std::string symbol_xml(const std::string& name, const FillSymbol& s) {
  char width[32];
  std::snprintf(width, sizeof width, "%.2f", s.outline_mm);
  std::string dd;
  for (const auto& d : s.data_defined) dd += d;
  return "<symbol type=\"fill\" name=\"" + xml_escape(name) +
         "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
         "<layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">" +
         option("color", s.fill) + option("joinstyle", "round") + option("outline_color", s.outline) +
         option("outline_style", s.outline_style) + option("outline_width", width) + option("outline_width_unit", "MM") +
         option("style", s.style) +
         "</Option><data_defined_properties><Option type=\"Map\">" + option("name", "") +
         "<Option type=\"Map\" name=\"properties\">" + dd + "</Option>" + option("type", "collection") +
         "</Option></data_defined_properties></layer></symbol>";
}

// `body`: the renderer, then the labeling when there is one.
std::string qml_document(const std::string& body, const char* categories = "Symbology") {
  return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
         "<qgis version=\"3.22.0\" styleCategories=\"" + std::string(categories) + "\">\n" +
         body + "\n<layerGeometryType>2</layerGeometryType>\n</qgis>\n";
}

std::string labeling_xml(const QmlLabels& l) {
  // Placement 7: along the perimeter.
  return "<labeling type=\"simple\"><settings calloutType=\"simple\"><text-style fieldName=\"" + xml_escape(l.field) +
         "\" fontSize=\"9\" fontSizeUnit=\"Point\" textColor=\"" + l.rgb +
         ",255\" isExpression=\"0\"/><text-buffer bufferDraw=\"1\" bufferSize=\"0.8\" "
         "bufferColor=\"255,255,255,255\"/><placement placement=\"7\" dist=\"1\"/><rendering obstacle=\"1\" "
         "scaleVisibility=\"0\"/></settings></labeling>";
}

// Fill alpha of an intensity (0-255): faible 25 %, moyenne 50 %, forte 75 %.
int fill_alpha(Intensity intensity) {
  switch (intensity) {
    case Intensity::faible: return 64;
    case Intensity::moyenne: return 128;
    case Intensity::forte: return 191;
  }
  return 128;
}
// The outline of a status: dashed for imaginées.
const char* outline_style(Status status) {
  switch (status) {
    case Status::a_loeuvre: return "solid";
    case Status::imaginee: return "dash";
  }
  return "solid";
}

// CASE WHEN "field" = 'id' THEN value ... ELSE value END over every value of
// the family, the ELSE giving the value of `usual` (and of those alike).
// (QGIS expressions have no "simple" CASE x WHEN v form: each WHEN is a condition.)
template <typename E, typename F>
std::string case_expression(F value_of, E usual) {
  const std::string otherwise = value_of(usual);
  std::string out = "CASE";
  for (E v : all_values<E>())
    if (value_of(v) != otherwise)
      out += " WHEN \"" + std::string(FamilyEnum<E>::key) + "\" = '" + std::string(to_string(v)) + "' THEN " +
             value_of(v);
  return out + " ELSE " + otherwise + " END";
}

std::string alpha_expression() {
  return case_expression<Intensity>([](Intensity i) { return std::to_string(fill_alpha(i)); }, Intensity::forte);
}
std::string outline_style_expression() {
  return case_expression<Status>([](Status s) { return "'" + std::string(outline_style(s)) + "'"; }, Status::a_loeuvre);
}

}  // namespace

std::string alliances_qml(const Vocabulary& vocabulary, const std::vector<ThemeColor>& palette) {
  std::string categories, symbols;
  std::size_t n = 0;
  auto add = [&](const std::string& value, const std::string& label, const std::string& hex) {
    const std::string rgb = rgb_triplet(hex);
    FillSymbol s;
    s.fill = rgb + ",128";
    s.outline = rgb + ",255";
    s.outline_mm = 0.6;
    s.data_defined = {data_defined("fillColor", "color_rgba(" + rgb + ", " + alpha_expression() + ")"),
                      data_defined("outlineStyle", outline_style_expression())};
    const std::string name = std::to_string(n++);
    categories += "<category render=\"true\" symbol=\"" + name + "\" value=\"" + xml_escape(value) + "\" label=\"" +
                  xml_escape(label) + "\"/>\n";
    symbols += symbol_xml(name, s) + "\n";
  };
  const Family* themes = vocabulary.family("themes");
  if (themes)
    for (const auto& e : themes->entries) {
      auto it = std::find_if(palette.begin(), palette.end(), [&](const ThemeColor& c) { return c.theme == e.id; });
      add(e.id, e.label, it != palette.end() ? it->color : "#777777");
    }
  return qml_document("<renderer-v2 type=\"categorizedSymbol\" attr=\"theme\" symbollevels=\"0\" "
                      "enableorderby=\"0\" forceraster=\"0\">\n<categories>\n" +
                      categories + "</categories>\n<symbols>\n" + symbols + "</symbols>\n</renderer-v2>");
}

std::string density_qml() {
  // The viewer's classes (src/render/style.hpp, density_classes): ColorBrewer YlOrRd, 7 classes.
  struct Range {
    double lower, upper;
    const char* label;
    const char* hex;
  };
  static const Range ranges[] = {{0.5, 1.5, "1", "#ffffb2"},      {1.5, 2.5, "2", "#fed976"},
                                 {2.5, 3.5, "3", "#feb24c"},      {3.5, 5.5, "4 – 5", "#fd8d3c"},
                                 {5.5, 8.5, "6 – 8", "#fc4e2a"},  {8.5, 12.5, "9 – 12", "#e31a1c"},
                                 {12.5, 1e6, "13 et plus", "#b10026"}};
  std::string xml_ranges, symbols;
  // Communes that no alliance covers keep a grey outline: "where nothing exists yet".
  FillSymbol none;
  none.style = "no";
  none.fill = "255,255,255,0";
  none.outline = "150,150,150,255";
  none.outline_mm = 0.1;
  xml_ranges += "<range render=\"true\" symbol=\"0\" lower=\"-0.5\" upper=\"0.5\" label=\"aucune alliance\"/>\n";
  symbols += symbol_xml("0", none) + "\n";
  int n = 1;
  for (const auto& r : ranges) {
    FillSymbol s;
    s.fill = rgb_triplet(r.hex) + ",255";
    s.outline = "120,120,120,255";
    s.outline_mm = 0.1;
    char bounds[96];
    std::snprintf(bounds, sizeof bounds, "lower=\"%.1f\" upper=\"%.1f\"", r.lower, r.upper);
    xml_ranges += "<range render=\"true\" symbol=\"" + std::to_string(n) + "\" " + bounds + " label=\"" +
                  xml_escape(r.label) + "\"/>\n";
    symbols += symbol_xml(std::to_string(n), s) + "\n";
    ++n;
  }
  return qml_document("<renderer-v2 type=\"graduatedSymbol\" attr=\"total\" graduatedMethod=\"GraduatedColor\" "
                      "symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n<ranges>\n" +
                      xml_ranges + "</ranges>\n<symbols>\n" + symbols +
                      "</symbols>\n<mode name=\"manual\"/>\n</renderer-v2>");
}

std::string outline_qml(const std::string& rgb, double width_mm, bool dashed, const std::optional<QmlLabels>& labels) {
  FillSymbol s;
  s.style = "no";
  s.fill = "255,255,255,0";
  s.outline = rgb + ",255";
  s.outline_style = dashed ? "dash" : "solid";
  s.outline_mm = width_mm;
  const std::string renderer = "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" "
                               "forceraster=\"0\">\n<symbols>\n" +
                               symbol_xml("0", s) + "\n</symbols>\n</renderer-v2>";
  if (!labels) return qml_document(renderer);
  return qml_document(renderer + "\n" + labeling_xml(*labels), "Symbology|Labeling");
}

}  // namespace cartes::model
