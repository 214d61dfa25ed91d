#include "model/export.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "geo/gpkg_writer.hpp"

namespace cartes::model {

namespace {
using geo::FieldDef;
using geo::FieldType;
using geo::FieldValue;

std::string join(const std::vector<std::string>& v, const char* sep = ",") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::vector<std::string> labels_of(const Vocabulary& v, const char* family, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(v.label(family, id));
  return out;
}

FieldValue integer(std::int64_t v) { return FieldValue{v}; }
FieldValue real(double v) { return FieldValue{v}; }
FieldValue text(std::string v) { return FieldValue{std::move(v)}; }

std::vector<FieldDef> fields(std::initializer_list<std::pair<const char*, FieldType>> list) {
  std::vector<FieldDef> out;
  for (const auto& [name, type] : list) out.push_back({name, type});
  return out;
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

void write_alliances(geo::GpkgWriter& w, const Catalogue& cat, const Vocabulary& v,
                     const std::vector<Perimeter>& perimeters) {
  geo::LayerDef def{"alliances", geo::GeometryKind::multipolygon, 2154,
                    fields({{"id", FieldType::text},
                            {"name", FieldType::text},
                            {"status", FieldType::text},
                            {"status_label", FieldType::text},
                            {"theme", FieldType::text},
                            {"theme_label", FieldType::text},
                            {"themes", FieldType::text},
                            {"themes_labels", FieldType::text},
                            {"finalites", FieldType::text},
                            {"finalites_labels", FieldType::text},
                            {"portage", FieldType::text},
                            {"portage_label", FieldType::text},
                            {"portage_structure", FieldType::text},
                            {"portage_lead", FieldType::text},
                            {"temporalite", FieldType::text},
                            {"temporalite_label", FieldType::text},
                            {"intensite", FieldType::text},
                            {"intensite_label", FieldType::text},
                            {"tendance", FieldType::text},
                            {"tendance_label", FieldType::text},
                            {"since", FieldType::integer},
                            {"scope", FieldType::text},
                            {"confidence", FieldType::text},
                            {"confidence_label", FieldType::text},
                            {"confidence_note", FieldType::text},
                            {"members", FieldType::integer},
                            {"member_codes", FieldType::text},
                            {"missing_members", FieldType::text},
                            {"partners", FieldType::text},
                            {"partner_kinds", FieldType::text},
                            {"communes", FieldType::integer},
                            {"epci", FieldType::integer},
                            {"epci_codes", FieldType::text},
                            {"population_municipale", FieldType::integer},
                            {"population_totale", FieldType::integer},
                            {"area_km2", FieldType::real},
                            {"parts", FieldType::integer},
                            {"polygons", FieldType::integer},
                            {"dissolve_fell_back", FieldType::integer},
                            {"sources", FieldType::text},
                            {"notes", FieldType::text}}),
                    "Alliances of the catalogue: perimeter (union of the member communes) and the six card families"};
  auto& layer = w.add_layer(def);
  for (std::size_t i = 0; i < cat.alliances.size(); ++i) {
    const Alliance& a = cat.alliances[i];
    const Perimeter& p = perimeters[i];
    std::vector<std::string> codes, partners, kinds;
    for (const auto& m : a.members) codes.push_back(m.code);
    for (const auto& pa : a.partners) {
      partners.push_back(pa.name);
      if (std::find(kinds.begin(), kinds.end(), pa.kind) == kinds.end()) kinds.push_back(pa.kind);
    }
    const std::string first_theme = a.themes.empty() ? "" : a.themes.front();
    layer.write({text(a.id),
                 text(a.name),
                 text(std::string(to_string(a.status))),
                 text(v.label("status", to_string(a.status))),
                 text(first_theme),
                 text(v.label("themes", first_theme)),
                 text(join(a.themes)),
                 text(join(labels_of(v, "themes", a.themes), " ; ")),
                 text(join(a.finalites)),
                 text(join(labels_of(v, "finalites", a.finalites), " ; ")),
                 text(a.portage.kind),
                 text(v.label("portage", a.portage.kind)),
                 text(a.portage.structure),
                 text(a.portage.lead),
                 text(std::string(to_string(a.temporalite))),
                 text(v.label("temporalite", to_string(a.temporalite))),
                 text(std::string(to_string(a.intensite))),
                 text(v.label("intensite", to_string(a.intensite))),
                 text(std::string(to_string(a.tendance))),
                 text(v.label("tendance", to_string(a.tendance))),
                 a.since ? integer(*a.since) : FieldValue{},
                 text(a.scope),
                 text(std::string(to_string(a.confidence))),
                 text(v.label("confidence", to_string(a.confidence))),
                 text(a.confidence_note),
                 integer(static_cast<std::int64_t>(a.members.size())),
                 text(join(codes)),
                 text(join(p.missing)),
                 text(join(partners, " ; ")),
                 text(join(kinds)),
                 integer(static_cast<std::int64_t>(p.communes.size())),
                 integer(static_cast<std::int64_t>(p.epci.size())),
                 text(join(p.epci)),
                 integer(p.population_municipale),
                 integer(p.population_totale),
                 real(round2(p.area_km2)),
                 integer(p.parts),
                 integer(p.polygons),
                 integer(p.dissolve_fell_back ? 1 : 0),
                 text(join(a.sources, "\n")),
                 text(a.notes)},
                p.geometry.is_empty() ? nullptr : &p.geometry);
  }
}

std::size_t write_members(geo::GpkgWriter& w, const Catalogue& cat, const TerritoryBase& base) {
  geo::LayerDef def{"alliance_members", geo::GeometryKind::multipolygon, 2154,
                    fields({{"alliance_id", FieldType::text},
                            {"alliance_name", FieldType::text},
                            {"level", FieldType::text},
                            {"code", FieldType::text},
                            {"name", FieldType::text},
                            {"in_base", FieldType::integer},
                            {"confidence", FieldType::text},
                            {"note", FieldType::text},
                            {"population_municipale", FieldType::integer},
                            {"population_totale", FieldType::integer}}),
                    "Members of each alliance, with their own geometry (none when outside the base's scope)"};
  auto& layer = w.add_layer(def);
  std::size_t n = 0;
  for (const auto& a : cat.alliances)
    for (const auto& m : a.members) {
      const Territory* t = base.find(m.level, m.code);
      layer.write({text(a.id), text(a.name), text(std::string(level_name(m.level))), text(m.code), text(m.name),
                   integer(t ? 1 : 0), text(std::string(to_string(m.confidence))), text(m.note),
                   t ? integer(t->population_municipale) : FieldValue{},
                   t ? integer(t->population_totale) : FieldValue{}},
                  t && !t->geometry.is_empty() ? &t->geometry : nullptr);
      ++n;
    }
  return n;
}

std::size_t write_partners(geo::GpkgWriter& w, const Catalogue& cat, const Vocabulary& v) {
  geo::LayerDef def{"alliance_partners", geo::GeometryKind::none, 0,
                    fields({{"alliance_id", FieldType::text},
                            {"alliance_name", FieldType::text},
                            {"name", FieldType::text},
                            {"kind", FieldType::text},
                            {"kind_label", FieldType::text}}),
                    "Non-spatial partners of the alliances (CHU, ARS, SNCF, chambres consulaires, ...)"};
  auto& layer = w.add_layer(def);
  std::size_t n = 0;
  for (const auto& a : cat.alliances)
    for (const auto& p : a.partners) {
      layer.write({text(a.id), text(a.name), text(p.name), text(p.kind), text(v.label("partner_kinds", p.kind))},
                  nullptr);
      ++n;
    }
  return n;
}

void write_overlaps(geo::GpkgWriter& w, const TerritoryBase& base, const Catalogue& cat,
                    const std::vector<Perimeter>& perimeters, const std::vector<Overlap>& overlaps,
                    unsigned threads) {
  geo::LayerDef def{"overlaps", geo::GeometryKind::multipolygon, 2154,
                    fields({{"alliance_a", FieldType::text},
                            {"alliance_b", FieldType::text},
                            {"name_a", FieldType::text},
                            {"name_b", FieldType::text},
                            {"communes", FieldType::integer},
                            {"area_km2", FieldType::real},
                            {"population_municipale", FieldType::integer},
                            {"population_totale", FieldType::integer},
                            {"share_of_a", FieldType::real},
                            {"share_of_b", FieldType::real}}),
                    "Pairs of alliances sharing communes: shared communes, area, population and geometry"};
  auto& layer = w.add_layer(def);
  for_each_overlap_geometry(base, perimeters, overlaps, threads, [&](std::size_t i, const geo::Geometry& g) {
    const Overlap& o = overlaps[i];
    const double area = g.is_empty() ? 0.0 : g.area() / 1e6;  // of the geometry written
    const double area_a = perimeters[o.a].area_km2, area_b = perimeters[o.b].area_km2;
    layer.write({text(cat.alliances[o.a].id), text(cat.alliances[o.b].id), text(cat.alliances[o.a].name),
                 text(cat.alliances[o.b].name), integer(static_cast<std::int64_t>(o.communes)), real(round2(area)),
                 integer(o.population_municipale), integer(o.population_totale),
                 real(area_a > 0 ? area / area_a : 0.0), real(area_b > 0 ? area / area_b : 0.0)},
                g.is_empty() ? nullptr : &g);
  });
}

std::vector<std::string> theme_ids(const Vocabulary& v) {
  std::vector<std::string> out;
  if (const Family* f = v.family("themes"))
    for (const auto& e : f->entries) out.push_back(e.id);
  return out;
}

std::string theme_counts(const std::map<std::string, int>& by_theme) {
  std::string out;
  for (const auto& [theme, n] : by_theme) out += (out.empty() ? "" : ",") + theme + ":" + std::to_string(n);
  return out;
}

void write_density(geo::GpkgWriter& w, const TerritoryBase& base, const Vocabulary& v,
                   const std::vector<CommuneCoverage>& coverage) {
  const auto themes = theme_ids(v);
  geo::LayerDef def{"cooperation_density", geo::GeometryKind::multipolygon, 2154,
                    fields({{"code", FieldType::text},
                            {"name", FieldType::text},
                            {"epci", FieldType::text},
                            {"population_municipale", FieldType::integer},
                            {"total", FieldType::integer},
                            {"themes", FieldType::text}}),
                    "Communes with the number of alliances covering them, in total and per theme (n_<theme>)"};
  for (const auto& t : themes) def.fields.push_back({"n_" + t, FieldType::integer});
  auto& layer = w.add_layer(def);
  const auto& communes = base.layer(Level::commune);
  for (const auto& c : coverage) {
    const Territory& t = communes[c.commune];
    std::vector<FieldValue> values{text(t.code), text(t.name), text(t.epci), integer(t.population_municipale),
                                   integer(c.total), text(theme_counts(c.by_theme))};
    for (const auto& theme : themes) {
      auto it = c.by_theme.find(theme);
      values.push_back(integer(it == c.by_theme.end() ? 0 : it->second));
    }
    layer.write(values, t.geometry.is_empty() ? nullptr : &t.geometry);
  }
}

const char* layer_name(Level level) {
  switch (level) {
    case Level::commune: return "communes";
    case Level::epci: return "epci";
    case Level::pays: return "pays";
    case Level::departement: return "departements";
    case Level::region: return "regions";
  }
  return "?";
}

std::size_t write_territories(geo::GpkgWriter& w, const TerritoryBase& base, Level level, const Vocabulary& v,
                              const std::vector<EpciCoverage>& epci_coverage) {
  const auto themes = theme_ids(v);
  geo::LayerDef def{layer_name(level), geo::GeometryKind::multipolygon, 2154,
                    fields({{"code", FieldType::text},
                            {"name", FieldType::text},
                            {"population_municipale", FieldType::integer},
                            {"population_totale", FieldType::integer},
                            {"area_km2", FieldType::real},
                            {"departements", FieldType::text},
                            {"region", FieldType::text},
                            {"epci", FieldType::text},
                            {"pays", FieldType::text},
                            {"kind", FieldType::text}}),
                    "Territory base: " + std::string(layer_name(level))};
  const bool epci = level == Level::epci;
  if (epci) {
    def.description += ", with the number of alliances touching each EPCI, in total and per theme";
    def.fields.push_back({"alliances", FieldType::integer});
    def.fields.push_back({"alliance_themes", FieldType::text});
    for (const auto& t : themes) def.fields.push_back({"n_" + t, FieldType::integer});
  }
  auto& layer = w.add_layer(def);
  const auto& list = base.layer(level);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Territory& t = list[i];
    std::vector<FieldValue> values{text(t.code),          text(t.name),   integer(t.population_municipale),
                                   integer(t.population_totale), real(round2(t.area_km2)),
                                   text(join(t.departements)), text(t.region), text(t.epci), text(t.pays),
                                   text(t.kind)};
    if (epci) {
      const EpciCoverage* c = i < epci_coverage.size() ? &epci_coverage[i] : nullptr;
      values.push_back(integer(c ? c->total : 0));
      values.push_back(text(c ? theme_counts(c->by_theme) : ""));
      for (const auto& theme : themes) {
        int n = 0;
        if (c)
          if (auto it = c->by_theme.find(theme); it != c->by_theme.end()) n = it->second;
        values.push_back(integer(n));
      }
    }
    layer.write(values, t.geometry.is_empty() ? nullptr : &t.geometry);
  }
  return list.size();
}

}  // namespace

ExportSummary export_gpkg(const std::filesystem::path& out, const TerritoryBase& base, const Catalogue& catalogue,
                          const Vocabulary& vocabulary, const std::vector<Perimeter>& perimeters,
                          const ExportOptions& options, Progress* progress) {
  if (perimeters.size() != catalogue.alliances.size())
    throw Error(ExitCode::internal, "export_gpkg: " + std::to_string(perimeters.size()) + " perimeters for " +
                                        std::to_string(catalogue.alliances.size()) + " alliances");
  const auto palette = load_theme_palette(options.palette.empty() ? default_theme_palette() : options.palette);
  if (progress) progress->step("overlaps and coverage");
  const auto overlaps = compute_overlaps(base, perimeters);
  const auto coverage = compute_coverage(base, catalogue.alliances, perimeters);
  const auto epci_coverage = compute_epci_coverage(base, catalogue.alliances, perimeters);

  if (progress) progress->step("writing " + out.filename().string());
  ExportSummary summary;
  summary.overlaps = overlaps.size();
  geo::GpkgWriter w(out);
  write_alliances(w, catalogue, vocabulary, perimeters);
  summary.features["alliances"] = catalogue.alliances.size();
  if (progress) progress->advance(0.1);
  summary.features["alliance_members"] = write_members(w, catalogue, base);
  summary.features["alliance_partners"] = write_partners(w, catalogue, vocabulary);
  write_overlaps(w, base, catalogue, perimeters, overlaps, options.threads);
  summary.features["overlaps"] = overlaps.size();
  if (progress) progress->advance(0.3);
  write_density(w, base, vocabulary, coverage);
  summary.features["cooperation_density"] = coverage.size();
  if (progress) progress->advance(0.5);
  if (options.territory_layers) {
    double done = 0.5;
    for (Level level : all_levels) {
      summary.features[layer_name(level)] = write_territories(w, base, level, vocabulary, epci_coverage);
      if (progress) progress->advance(done += 0.1);
    }
  }

  w.add_style({"alliances", "Alliances par thème",
               alliances_qml(vocabulary, palette), "",
               "Categorised by first theme (geodata/theme_palette.csv); fill opacity by intensité; dashed outline "
               "for imaginées",
               true});
  w.add_style({"cooperation_density", "Densité de coopération", density_qml(), "",
               "Graduated on the number of alliances covering each commune (1, 2, 3, 4-5, 6-8, 9-12, 13+)", true});
  w.add_style({"alliance_members", "Membres", outline_qml("68,68,68", 0.4), "", "Member outlines", true});
  w.add_style({"overlaps", "Chevauchements", outline_qml("170,51,119", 0.5), "", "Shared areas, outlined", true});
  if (options.territory_layers) {
    static const std::pair<Level, std::pair<const char*, double>> outlines[] = {
        {Level::commune, {"201,197,188", 0.1}}, {Level::epci, {"154,154,154", 0.3}},
        {Level::pays, {"142,124,176", 0.4}},    {Level::departement, {"107,107,107", 0.5}},
        {Level::region, {"60,60,60", 0.8}}};
    for (const auto& [level, style] : outlines)
      w.add_style({layer_name(level), "Contours", outline_qml(style.first, style.second), "", "Outlines only", true});
  }
  w.commit();
  if (progress) progress->advance(1.0);
  return summary;
}

}  // namespace cartes::model
