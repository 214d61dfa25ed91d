#pragma once
// A synthetic map for pixel tests: 4 x 4 communes of 10 km (Lambert-93,
// x 300-340 km, y 6 700-6 740 km), one EPCI per row, one département and
// région, and three alliances:
//   A "mobilite", forte, à l'œuvre: columns 0-1 (the west half)
//   B "sante", forte, à l'œuvre: rows 2-3 (the north half)  -> A and B overlap in the north-west
//   C "energie", faible, imaginée: the single commune at column 3, row 0
#include <string>

#include "app/app_model.hpp"
#include "core/paths.hpp"
#include "model/perimeter.hpp"
#include "render/scene.hpp"

namespace cartes::test {

inline geo::Geometry cell(int col, int row) {
  const double x0 = 300000 + col * 10000.0, y0 = 6700000 + row * 10000.0;
  auto s = [](double v) { return std::to_string(v); };
  return geo::Geometry::from_wkt("MULTIPOLYGON(((" + s(x0) + " " + s(y0) + "," + s(x0 + 10000) + " " + s(y0) + "," +
                                 s(x0 + 10000) + " " + s(y0 + 10000) + "," + s(x0) + " " + s(y0 + 10000) + "," + s(x0) +
                                 " " + s(y0) + ")))");
}

inline std::string commune_code(int col, int row) { return "990" + std::to_string(row) + std::to_string(col); }

// The centre of a cell, Lambert-93.
inline geo::Point cell_centre(int col, int row) { return {305000 + col * 10000.0, 6705000 + row * 10000.0}; }

struct SyntheticMap {
  app::AppModel model;
  render::SceneData scene;
};

inline SyntheticMap synthetic_map() {
  using namespace model;
  auto base = std::make_shared<TerritoryBase>();
  base->scope = "test";
  Territory dep{}, reg{};
  dep.level = Level::departement, dep.code = "99", dep.name = "Département";
  reg.level = Level::region, reg.code = "98", reg.name = "Région";
  for (int row = 0; row < 4; ++row) {
    Territory e{};
    e.level = Level::epci;
    e.code = "20000000" + std::to_string(row);
    e.name = "CC Rang " + std::to_string(row);
    std::vector<const geo::Geometry*> parts;
    for (int col = 0; col < 4; ++col) {
      Territory c{};
      c.level = Level::commune;
      c.code = commune_code(col, row);
      c.name = "Commune " + c.code;
      c.population_municipale = 1000 * (col + 1);
      c.population_totale = c.population_municipale;
      c.area_km2 = 100;
      c.epci = e.code;
      c.departements = {"99"};
      c.region = "98";
      c.geometry = cell(col, row);
      e.communes.push_back(c.code);
      dep.communes.push_back(c.code);
      base->layer(Level::commune).push_back(std::move(c));
    }
    const double y0 = 6700000 + row * 10000.0;
    e.geometry = geo::Geometry::from_wkt("MULTIPOLYGON(((300000 " + std::to_string(y0) + ",340000 " + std::to_string(y0) +
                                         ",340000 " + std::to_string(y0 + 10000) + ",300000 " +
                                         std::to_string(y0 + 10000) + ",300000 " + std::to_string(y0) + ")))");
    base->layer(Level::epci).push_back(std::move(e));
  }
  const auto all = "MULTIPOLYGON(((300000 6700000,340000 6700000,340000 6740000,300000 6740000,300000 6700000)))";
  dep.geometry = geo::Geometry::from_wkt(all);
  reg.communes = dep.communes;
  reg.geometry = geo::Geometry::from_wkt(all);
  base->layer(Level::departement).push_back(std::move(dep));
  base->layer(Level::region).push_back(std::move(reg));
  base->reindex();

  auto alliance = [](std::string id, std::string theme, Intensity in, Status st, std::vector<std::pair<int, int>> cells) {
    Alliance a;
    a.id = id;
    a.name = "Alliance " + id;
    a.themes = {std::move(theme)};
    a.intensite = in;
    a.status = st;
    for (auto [col, row] : cells) {
      Member m;
      m.level = Level::commune;
      m.code = commune_code(col, row);
      a.members.push_back(m);
    }
    return a;
  };
  SyntheticMap out;
  auto& m = out.model;
  m.alliances.push_back(alliance("A", "mobilite", Intensity::forte, Status::a_loeuvre,
                                 {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0, 2}, {1, 2}, {0, 3}, {1, 3}}));
  m.alliances.push_back(alliance("B", "sante", Intensity::forte, Status::a_loeuvre,
                                 {{0, 2}, {1, 2}, {2, 2}, {3, 2}, {0, 3}, {1, 3}, {2, 3}, {3, 3}}));
  m.alliances.push_back(alliance("C", "energie", Intensity::faible, Status::imaginee, {{3, 0}}));
  m.vocabulary = Vocabulary::load(paths::project_data() / "vocabularies.toml");
  m.palette = render::ThemePalette::load(paths::project_data() / "theme_palette.csv");
  m.perimeters = compute_perimeters(*base, m.alliances);
  m.base_ptr = base;
  m.base_loaded = m.alliances_loaded = true;
  out.scene = render::build_base_scene(*base);
  render::add_alliances(out.scene, out.scene, m.perimeters);
  return out;
}

}  // namespace cartes::test
