#include "model/territory_io.hpp"

#include <algorithm>
#include <future>

#include "core/error.hpp"
#include "geo/gpkg_writer.hpp"
#include "geo/vector_reader.hpp"
#include "model/qgis_style.hpp"
#include "model/territory_schema.hpp"

namespace cartes::model {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    const std::size_t end = s.find(schema::list_separator, start);
    std::string item = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!item.empty()) out.push_back(std::move(item));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

Territory to_territory(Level level, geo::Feature& f) {
  Territory t;
  t.level = level;
  t.code = f.text("code");
  t.name = f.text("name");
  t.population_municipale = f.integer("population_municipale");
  t.population_totale = f.integer("population_totale");
  t.area_km2 = f.real("area_km2");
  t.geometry = std::move(f.geometry);
  switch (level) {
    case Level::commune:
      t.departements = {f.text("departement")};
      t.region = f.text("region");
      t.epci = f.text("epci");
      t.pays = f.text("pays");
      t.aav2020 = f.text("aav2020");
      t.aav_category = f.text("aav_category");
      t.bv2022 = f.text("bv2022");
      t.ze2020 = f.text("ze2020");
      break;
    case Level::epci:
      t.kind = f.text("kind");
      t.departements = split(f.text("departements"));
      break;
    case Level::pays:
      t.children = split(f.text("epci"));
      t.departements = split(f.text("departements"));
      break;
    case Level::departement:
      t.departements = {t.code};
      t.region = f.text("region");
      break;
    case Level::region:
      t.region = t.code;
      t.children = split(f.text("departements"));
      t.departements = t.children;
      break;
  }
  return t;
}

std::string_view layer_of(Level level) {
  switch (level) {
    case Level::commune: return schema::communes;
    case Level::epci: return schema::epci;
    case Level::pays: return schema::pays;
    case Level::departement: return schema::departements;
    case Level::region: return schema::regions;
  }
  return {};
}

geo::LayerDef layer_def(Level level);

geo::FieldKind kind_of(geo::FieldType t) {
  switch (t) {
    case geo::FieldType::integer: return geo::FieldKind::integer;
    case geo::FieldType::real: return geo::FieldKind::real;
    case geo::FieldType::text: return geo::FieldKind::text;
  }
  return geo::FieldKind::any;
}

// A base is checked as it is read: every field the program reads, with its
// type (the writer's own layer definition), codes and populations set,
// polygons only, and each code once (a duplicate would silently hide a
// territory from every look-up).
std::vector<Territory> read_level(const fs::path& gpkg, Level level) {
  geo::ReadOptions options;
  options.layer = std::string(layer_of(level));
  options.target_epsg = 2154;  // the base is already in Lambert-93: no transformation happens
  for (const geo::FieldDef& f : layer_def(level).fields) options.required_fields.push_back({f.name, kind_of(f.type)});
  options.non_null_fields = {"code", "population_municipale", "population_totale"};
  options.polygons_only = true;
  options.require_features = level == Level::commune;
  auto features = geo::read_features(gpkg, options);
  std::vector<Territory> out;
  out.reserve(features.size());
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < features.size(); ++i) {
    out.push_back(to_territory(level, features[i]));
    if (auto [it, fresh] = seen.emplace(out.back().code, i + 1); !fresh)
      throw DataError(gpkg.string() + ": layer '" + options.layer + "': code " + out.back().code +
                      " appears twice (features " + std::to_string(it->second) + " and " + std::to_string(i + 1) +
                      "); each territory must appear once");
  }
  return out;
}

// The scope from the base's metadata table; a base written before it existed
// falls back to its file name, and says so.
void read_metadata(const fs::path& gpkg, TerritoryBase& base) {
  const auto layers = geo::layer_names(gpkg);
  const auto has = [&](std::string_view name) { return std::find(layers.begin(), layers.end(), name) != layers.end(); };
  if (!has(schema::metadata)) {
    base.scope = gpkg.stem().string();
    base.notes.push_back(gpkg.string() + ": no metadata table (a base built by an older cartes): its scope '" +
                         base.scope + "' is taken from the file name; rebuild it with `cartes build` to store it");
    return;
  }
  geo::ReadOptions o;
  o.layer = std::string(schema::metadata);
  o.read_geometry = false;
  o.required_fields = {{"key", geo::FieldKind::text}, {"value", geo::FieldKind::text}};
  for (const geo::Feature& f : geo::read_features(gpkg, o))
    if (f.text("key") == schema::key_scope) base.scope = f.text("value");
  if (base.scope.empty())
    throw DataError(gpkg.string() + ": layer 'metadata': no 'scope' row, expected the scope the base covers");
  if (has(schema::sources)) {
    geo::ReadOptions so;
    so.layer = std::string(schema::sources);
    so.read_geometry = false;
    so.required_fields = {{"name"}, {"vintage"}, {"file"}, {"bytes"}};
    for (const geo::Feature& f : geo::read_features(gpkg, so))
      base.sources.push_back({f.text("name"), f.text("vintage"), f.text("file"),
                              static_cast<std::uintmax_t>(std::max<std::int64_t>(0, f.integer("bytes")))});
  }
}

}  // namespace

TerritoryBase load_territory_base(const fs::path& gpkg, Progress* progress) {
  std::error_code ec;
  if (!fs::exists(gpkg, ec))
    throw InputError(gpkg.string() + ": no such territory base; `cartes build` makes it (`cartes build --scope " +
                     gpkg.stem().string() + " --out " + gpkg.string() + "`)");
  if (progress) progress->step("loading territory base " + gpkg.filename().string());
  TerritoryBase base;
  read_metadata(gpkg, base);
  // The five layers are independent: read them concurrently (each thread opens
  // its own GDAL dataset and has its own GEOS context). Communes dominate.
  std::vector<std::future<std::vector<Territory>>> parts;
  for (Level l : all_levels)
    if (l != Level::commune) parts.push_back(std::async(std::launch::async, read_level, gpkg, l));
  base.layer(Level::commune) = read_level(gpkg, Level::commune);
  if (progress) progress->advance(0.8);
  std::size_t i = 0;
  for (Level l : all_levels)
    if (l != Level::commune) base.layer(l) = parts[i++].get();

  // Member communes of each territory, from the communes' own fields.
  std::array<std::unordered_map<std::string, std::size_t>, 5> index;
  for (Level l : all_levels)
    for (std::size_t k = 0; k < base.layer(l).size(); ++k) index[static_cast<int>(l)].emplace(base.layer(l)[k].code, k);
  const auto add = [&](Level l, const std::string& code, const std::string& commune) {
    if (code.empty()) return;
    auto it = index[static_cast<int>(l)].find(code);
    if (it != index[static_cast<int>(l)].end()) base.layer(l)[it->second].communes.push_back(commune);
  };
  for (const Territory& c : base.layer(Level::commune)) {
    add(Level::epci, c.epci, c.code);
    add(Level::pays, c.pays, c.code);
    if (!c.departements.empty()) add(Level::departement, c.departements.front(), c.code);
    add(Level::region, c.region, c.code);
  }
  for (Level l : all_levels) {
    for (Territory& t : base.layer(l)) std::sort(t.communes.begin(), t.communes.end());
  }
  base.reindex();
  if (progress) progress->advance(1.0);
  return base;
}

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += schema::list_separator;
    out += i;
  }
  return out;
}

using geo::FieldType;
using geo::FieldValue;

geo::LayerDef layer_def(Level level) {
  const auto f = [](const char* n, FieldType t = FieldType::text) { return geo::FieldDef{n, t}; };
  const auto pops = [&](std::vector<geo::FieldDef> v) {
    v.push_back(f("population_municipale", FieldType::integer));
    v.push_back(f("population_totale", FieldType::integer));
    v.push_back(f("area_km2", FieldType::real));
    return v;
  };
  switch (level) {
    case Level::commune:
      return {std::string(schema::communes), geo::GeometryKind::multipolygon, 2154,
              pops({f("code"), f("name"), f("departement"), f("region"), f("epci"), f("pays"), f("aav2020"),
                    f("aav_category"), f("bv2022"), f("ze2020")}),
              "Communes (COG 2025), INSEE code"};
    case Level::epci:
      return {std::string(schema::epci), geo::GeometryKind::multipolygon, 2154,
              pops({f("code"), f("name"), f("kind"), f("member_count", FieldType::integer), f("departements")}),
              "EPCI à fiscalité propre (SIREN), dissolved from their communes"};
    case Level::pays:
      return {std::string(schema::pays), geo::GeometryKind::multipolygon, 2154,
              pops({f("code"), f("name"), f("epci"), f("member_count", FieldType::integer), f("departements")}),
              "Pays / PETR, dissolved from their member EPCI"};
    case Level::departement:
      return {std::string(schema::departements), geo::GeometryKind::multipolygon, 2154,
              pops({f("code"), f("name"), f("region"), f("member_count", FieldType::integer)}),
              "Départements, dissolved from their communes"};
    case Level::region:
      return {std::string(schema::regions), geo::GeometryKind::multipolygon, 2154,
              pops({f("code"), f("name"), f("departements"), f("member_count", FieldType::integer)}),
              "Régions, dissolved from their départements"};
  }
  return {};
}

// Values are appended one by one: brace lists of variants trip GCC 12's
// -Wmaybe-uninitialized (a false positive, fatal under -Werror).
std::vector<FieldValue> values_of(const Territory& t) {
  std::vector<FieldValue> v;
  v.reserve(13);
  const auto s = [&](const std::string& x) { v.emplace_back(std::in_place_type<std::string>, x); };
  const auto n = [&](std::size_t x) { v.emplace_back(std::in_place_type<std::int64_t>, static_cast<std::int64_t>(x)); };
  s(t.code);
  s(t.name);
  switch (t.level) {
    case Level::commune:
      s(t.departements.empty() ? std::string() : t.departements.front());
      s(t.region);
      s(t.epci);
      s(t.pays);
      s(t.aav2020);
      s(t.aav_category);
      s(t.bv2022);
      s(t.ze2020);
      break;
    case Level::epci:
      s(t.kind);
      n(t.communes.size());
      s(join(t.departements));
      break;
    case Level::pays:
      s(join(t.children));
      n(t.children.size());
      s(join(t.departements));
      break;
    case Level::departement:
      s(t.region);
      n(t.communes.size());
      break;
    case Level::region:
      s(join(t.children));
      n(t.children.size());
      break;
  }
  v.emplace_back(std::in_place_type<std::int64_t>, t.population_municipale);
  v.emplace_back(std::in_place_type<std::int64_t>, t.population_totale);
  v.emplace_back(std::in_place_type<double>, t.area_km2);
  return v;
}

}  // namespace

void save_territory_base(const TerritoryBase& base, const std::vector<Problem>& report, const fs::path& gpkg,
                         Progress* progress) {
  if (progress) progress->step("writing " + gpkg.string());
  geo::GpkgWriter writer(gpkg);
  std::size_t total = report.size(), done = 0;
  for (Level l : all_levels) total += base.layer(l).size();
  for (Level l : all_levels) {
    auto& layer = writer.add_layer(layer_def(l));
    for (const Territory& t : base.layer(l)) {
      layer.write(values_of(t), &t.geometry);
      if (progress && ++done % 1024 == 0) progress->advance(static_cast<double>(done) / static_cast<double>(total));
    }
  }
  auto& problems = writer.add_layer({std::string(schema::build_report), geo::GeometryKind::none, 0,
                                     {{"kind", FieldType::text}, {"code", FieldType::text}, {"source", FieldType::text},
                                      {"message", FieldType::text}},
                                     "Data-quality findings of cartes build"});
  std::vector<FieldValue> row(4);
  for (const Problem& p : report) {
    row[0] = p.kind;
    row[1] = p.code;
    row[2] = p.source;
    row[3] = p.message;
    problems.write(row, nullptr);
  }

  // What the base is, read back by load_territory_base (never its file name).
  auto& metadata = writer.add_layer({std::string(schema::metadata), geo::GeometryKind::none, 0,
                                     {{"key", FieldType::text}, {"value", FieldType::text}},
                                     "What this territory base covers and which cartes format it follows"});
  const auto meta = [&](std::string_view key, const std::string& value) {
    std::vector<FieldValue> kv;
    kv.emplace_back(std::in_place_type<std::string>, std::string(key));
    kv.emplace_back(std::in_place_type<std::string>, value);
    metadata.write(kv, nullptr);
  };
  meta(schema::key_scope, base.scope);
  meta(schema::key_format, std::string(schema::format_version));
  auto& sources = writer.add_layer({std::string(schema::sources), geo::GeometryKind::none, 0,
                                    {{"name", FieldType::text}, {"vintage", FieldType::text},
                                     {"file", FieldType::text}, {"bytes", FieldType::integer}},
                                    "The source files this base was built from (see SOURCES.md)"});
  for (const sources::SourceRecord& r : base.sources) {
    std::vector<FieldValue> v;
    v.emplace_back(std::in_place_type<std::string>, r.name);
    v.emplace_back(std::in_place_type<std::string>, r.vintage);
    v.emplace_back(std::in_place_type<std::string>, r.file);
    v.emplace_back(std::in_place_type<std::int64_t>, static_cast<std::int64_t>(r.bytes));
    sources.write(v, nullptr);
  }

  // Outlines only (communes light grey, larger levels darker and thicker),
  // so that several levels stack legibly.
  static const struct {
    Level level;
    const char* rgb;
    double width;
  } styles[] = {{Level::commune, "170,170,170", 0.1},
                {Level::epci, "90,90,90", 0.3},
                {Level::pays, "40,90,160", 0.5},
                {Level::departement, "30,30,30", 0.6},
                {Level::region, "0,0,0", 0.9}};
  for (const auto& st : styles) {
    const std::string name(layer_def(st.level).name);
    writer.add_style({name, "cartes " + name, outline_qml(st.rgb, st.width), "", "Outline style set by cartes build", true});
  }
  writer.commit();
  if (progress) progress->advance(1.0);
}

}  // namespace cartes::model
