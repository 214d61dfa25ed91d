#include "analysis/rings_export.hpp"

#include <numeric>

#include "geo/gpkg_writer.hpp"
#include "model/qgis_style.hpp"

namespace cartes::analysis {

namespace {
// Labels on "name" along the perimeter, in the outline's colour.
std::string ring_style(const std::string& rgb, double width_mm, bool dashed) {
  return model::outline_qml(rgb, width_mm, dashed, model::QmlLabels{"name", rgb});
}
}  // namespace

namespace {

using geo::FieldType;
using geo::FieldValue;

std::vector<geo::FieldDef> perimeter_fields() {
  return {{"id", FieldType::text},
          {"name", FieldType::text},
          {"family", FieldType::text},
          {"k", FieldType::integer},
          {"distance_km", FieldType::real},
          {"zoning_code", FieldType::text},
          {"members", FieldType::text},
          {"population_municipale", FieldType::integer},
          {"area_km2", FieldType::real},
          {"communes", FieldType::integer},
          {"epci", FieldType::integer},
          {"theme", FieldType::text},
          {"theme_coverage", FieldType::real},
          {"aav_capture", FieldType::real},
          {"commuter_share", FieldType::real}};
}

FieldValue opt(const std::optional<double>& v) { return v ? FieldValue{*v} : FieldValue{}; }

std::vector<FieldValue> perimeter_values(const RingsResult& result, const PerimeterRow& r) {
  std::string members;
  for (const auto& m : r.members) members += (members.empty() ? "" : ",") + m;
  return {r.id,
          r.name,
          std::string(to_string(r.family)),
          std::int64_t{r.k},
          r.distance_km,
          r.zoning_code,
          members,
          r.figures.population_municipale,
          r.figures.area_km2,
          static_cast<std::int64_t>(r.figures.communes),
          static_cast<std::int64_t>(r.figures.epci),
          result.theme,
          opt(r.theme_coverage),
          opt(r.aav_capture),
          opt(r.commuter_share)};
}

struct LayerSpec {
  const char* name;
  std::vector<Family> families;
  const char* rgb;
  double width_mm;
  bool dashed;
  const char* description;
};

}  // namespace

void write_rings_gpkg(const RingsResult& result, const std::filesystem::path& file) {
  geo::GpkgWriter writer(file);
  const LayerSpec specs[] = {
      {"rings", {Family::core, Family::ring, Family::cumulative}, "200,40,40", 0.8, false,
       "Core, contiguity rings (annuli) and cumulative perimeters"},
      {"bands", {Family::band}, "30,90,200", 0.6, false, "Territories within each distance of the core"},
      {"zonings", {Family::zoning}, "40,140,60", 0.6, true, "INSEE catchments of the core: AAV 2020, ZE 2020, BV 2022"},
      {"alliances", {Family::alliance}, "130,50,160", 0.7, false, "Alliances of the catalogue compared"},
  };
  for (const auto& spec : specs) {
    geo::LayerDef def;
    def.name = spec.name;
    def.fields = perimeter_fields();
    def.description = spec.description;
    auto& layer = writer.add_layer(def);
    for (const auto& r : result.rows)
      if (std::find(spec.families.begin(), spec.families.end(), r.family) != spec.families.end())
        layer.write(perimeter_values(result, r), r.geometry.null() ? nullptr : &r.geometry);
    writer.add_style({spec.name, std::string(spec.name) + " (cartes)", ring_style(spec.rgb, spec.width_mm, spec.dashed),
                      "", spec.description, true});
  }
  {
    geo::LayerDef def;
    def.name = "band_buffers";
    def.fields = {{"id", FieldType::text}, {"name", FieldType::text}, {"distance_km", FieldType::real}};
    def.description = "The core buffered by each band distance";
    auto& layer = writer.add_layer(def);
    for (const auto& r : result.rows)
      if (r.family == Family::band)
        layer.write({r.id, "Tampon " + r.name.substr(std::string("Bande ").size()), r.distance_km},
                    r.buffer.null() ? nullptr : &r.buffer);
    writer.add_style({"band_buffers", "band_buffers (cartes)", ring_style("30,90,200", 0.4, true), "",
                      def.description, true});
  }
  {
    geo::LayerDef def;
    def.name = "overlaps";
    def.geometry = geo::GeometryKind::none;
    def.fields = {{"a", FieldType::text},
                  {"b", FieldType::text},
                  {"a_id", FieldType::text},
                  {"b_id", FieldType::text},
                  {"iou_population", FieldType::real},
                  {"iou_area", FieldType::real},
                  {"shared_population", FieldType::integer},
                  {"shared_area_km2", FieldType::real}};
    def.description = "Overlap of every pair of perimeters (intersection over union)";
    auto& layer = writer.add_layer(def);
    for (const auto& o : result.overlaps) {
      const auto& a = result.rows[o.a];
      const auto& b = result.rows[o.b];
      layer.write({a.name, b.name, a.id, b.id, o.iou_population, o.iou_area, o.shared_population, o.shared_area_km2},
                  nullptr);
    }
  }
  writer.commit();
}

}  // namespace cartes::analysis
