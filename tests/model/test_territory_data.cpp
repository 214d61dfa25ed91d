// data: the real territory bases built by `cartes build` (CTest fixtures
// base_loire_bretagne and base_france) checked against the sources they come
// from: expected counts of issue 2, validity, areas = sums of the communes'
// areas (1e-6 relative), populations = the official EPCI figures, re-keying
// against the prepared crosswalk (used here as an oracle only), axis order.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/paths.hpp"
#include "sources/layout.hpp"
#include "geo/vector_reader.hpp"
#include "model/territory_io.hpp"

using namespace cartes;
using namespace cartes::model;
namespace fs = std::filesystem;

namespace {

const fs::path build_dir = CARTES_TEST_BINARY_DIR;
const std::vector<std::string> lb_deps{"22", "29", "35", "56", "44", "49", "53", "72", "85"};

const TerritoryBase& base(const std::string& scope) {
  static std::map<std::string, TerritoryBase> cache;
  auto it = cache.find(scope);
  if (it == cache.end()) it = cache.emplace(scope, load_territory_base(build_dir / "geodata" / (scope + ".gpkg"))).first;
  return it->second;
}

std::vector<geo::Feature> report_of(const std::string& scope) {
  geo::ReadOptions o;
  o.layer = "build_report";
  o.read_geometry = false;
  return geo::read_features(build_dir / "geodata" / (scope + ".gpkg"), o);
}

nlohmann::json cog(const std::string& file) {
  std::ifstream in(sources::cog_dir(paths::sources()) / file);
  return nlohmann::json::parse(in);
}

void check_sums_and_validity(const TerritoryBase& b, const std::set<std::string>& unmatched) {
  for (Level l : all_levels)
    for (const Territory& t : b.layer(l)) {
      INFO(level_name(l) << " " << t.code << " " << t.name);
      CHECK(t.geometry.type_name() == "MultiPolygon");
      CHECK(t.geometry.is_valid());
      if (!unmatched.count(t.code)) CHECK_FALSE(t.geometry.is_empty());
      CHECK(t.geometry.area() / 1e6 == Approx(t.area_km2).epsilon(1e-9));
      if (l == Level::commune) continue;
      double area = 0;
      std::int64_t pm = 0, pt = 0;
      for (std::size_t i : b.commune_indices(t)) {
        const Territory& c = b.layer(Level::commune)[i];
        area += c.area_km2;
        pm += c.population_municipale;
        pt += c.population_totale;
      }
      CHECK(b.commune_indices(t).size() == t.communes.size());
      CHECK(t.area_km2 == Approx(area).epsilon(1e-6));
      CHECK(t.population_municipale == pm);
      CHECK(t.population_totale == pt);
    }
}

}  // namespace

TEST_CASE("Loire-Bretagne: the expected figures of issue 2") {
  const TerritoryBase& b = base("loire-bretagne");
  std::map<std::string, int> per_dep;
  for (const Territory& c : b.layer(Level::commune)) ++per_dep[c.departements.front()];
  int in_area = 0;
  for (const auto& d : lb_deps) in_area += per_dep[d];
  CHECK(in_area == 2430);
  CHECK(per_dep["22"] + per_dep["29"] + per_dep["35"] + per_dep["56"] == 1202);
  // Besides the 9 départements, only the Orne members of the 2 straddling EPCI.
  CHECK(per_dep.size() == 10);
  CHECK(per_dep["61"] == 28);
  for (const Territory& c : b.layer(Level::commune))
    if (c.departements.front() == "61") CHECK((c.epci == "200072676" || c.epci == "246100663"));
  CHECK(b.layer(Level::epci).size() == 130);
  CHECK(b.layer(Level::departement).size() == 9);
  CHECK(b.layer(Level::region).size() == 2);
  CHECK(b.find(Level::region, "52")->name == "Pays de la Loire");
  CHECK(b.find(Level::region, "53")->name == "Bretagne");
  int breton = 0;
  for (const Territory& p : b.layer(Level::pays)) breton += p.code.rfind("BZH", 0) == 0;
  CHECK(breton == 21);
  for (int i = 1; i <= 21; ++i) {
    char code[8];
    std::snprintf(code, sizeof code, "BZH%02d", i);
    CHECK(b.find(Level::pays, code) != nullptr);
  }
}

TEST_CASE("Loire-Bretagne: valid geometries, areas and populations are sums of the communes") {
  check_sums_and_validity(base("loire-bretagne"), {});
}

TEST_CASE("Loire-Bretagne: EPCI populations and members are the official ones (epci.json)") {
  const TerritoryBase& b = base("loire-bretagne");
  int seen = 0;
  for (const auto& e : cog("epci.json")) {
    const Territory* t = b.find(Level::epci, e["code"].get<std::string>());
    if (!t) continue;
    ++seen;
    INFO(t->code << " " << t->name);
    CHECK(t->name == e["nom"].get<std::string>());
    CHECK(t->population_municipale == e["populationMunicipale"].get<std::int64_t>());
    CHECK(t->population_totale == e["populationTotale"].get<std::int64_t>());
    CHECK(t->communes.size() == e["membres"].size());
  }
  CHECK(seen == 130);
}

TEST_CASE("Loire-Bretagne: re-keying agrees with the prepared crosswalk (oracle)") {
  std::ifstream in(paths::sources() / "derived" / "commune_crosswalk_cog2024_to_cog2025.csv");
  std::string line;
  std::getline(in, line);
  std::set<std::string> expected;
  while (std::getline(in, line)) {
    std::vector<std::string> cols(1);
    bool quoted = false;
    for (char ch : line) {
      if (ch == '"') quoted = !quoted;
      else if (ch == ',' && !quoted) cols.emplace_back();
      else cols.back() += ch;
    }
    const std::string code2025 = cols.at(2);  // code_cog2024, nom_cog2024, code_cog2025, ...
    const std::string dep = code2025.substr(0, 2);
    if (std::find(lb_deps.begin(), lb_deps.end(), dep) != lb_deps.end()) expected.insert(code2025);
  }
  std::set<std::string> built;
  for (const Territory& c : base("loire-bretagne").layer(Level::commune))
    if (c.departements.front() != "61") built.insert(c.code);
  CHECK(expected.size() == 2430);
  CHECK(built == expected);
  const TerritoryBase& b = base("loire-bretagne");
  CHECK(b.find(Level::commune, "72287") == nullptr);
  CHECK(b.find(Level::commune, "72155")->name == "Laigné-Saint-Gervais");
}

TEST_CASE("Loire-Bretagne: Rennes town hall lies in Rennes (axis order on real data)") {
  const TerritoryBase& b = base("loire-bretagne");
  const geo::Point hall = geo::transform_point({-1.6794, 48.1113}, 4326, 2154);
  const Territory* rennes = b.find(Level::commune, "35238");
  REQUIRE(rennes);
  CHECK(rennes->name == "Rennes");
  CHECK(rennes->geometry.contains(hall));
  CHECK(b.find(Level::epci, rennes->epci)->geometry.contains(hall));
  CHECK(b.find(Level::departement, "35")->geometry.contains(hall));
  CHECK(b.find(Level::pays, rennes->pays)->name == "Pays de Rennes");
}

TEST_CASE("Loire-Bretagne: pays, islands, Cap Atlantique") {
  const TerritoryBase& b = base("loire-bretagne");
  for (const char* island : {"22016", "29083", "29155", "85113"}) {
    const Territory* c = b.find(Level::commune, island);
    REQUIRE(c);
    CHECK(c->epci.empty());
  }
  for (const auto& code : b.find(Level::epci, "244400610")->communes) CHECK(b.find(Level::commune, code)->pays.empty());
  const Territory* retz = b.find(Level::pays, "PDL01");
  REQUIRE(retz);
  CHECK(retz->name == "Pays de Retz");
  CHECK(retz->children == std::vector<std::string>{"200067346", "200071546", "244400438", "244400586"});
  CHECK(b.find(Level::commune, b.find(Level::epci, "247200348")->communes.front())->pays ==
        b.find(Level::pays, "PDL02")->code);  // CC du Pays Fléchois in Pays Vallée du Loir
  // Every EPCI in at most one pays.
  std::map<std::string, int> count;
  for (const Territory& p : b.layer(Level::pays))
    for (const auto& e : p.children) ++count[e];
  for (const auto& [e, n] : count) CHECK(n == 1);
}

TEST_CASE("France: 96 départements, 13 régions, every EPCI of metropolitan France") {
  const TerritoryBase& b = base("france");
  std::set<std::string> metro_communes;
  for (const auto& c : cog("communes.json"))
    if (c["type"] == "commune-actuelle" && c.value("zone", "") == "metro") metro_communes.insert(c["code"].get<std::string>());
  CHECK(b.layer(Level::commune).size() == metro_communes.size());
  int metro_epci = 0;
  for (const auto& e : cog("epci.json"))
    metro_epci += metro_communes.count(e["membres"][0]["code"].get<std::string>()) ? 1 : 0;
  CHECK(b.layer(Level::epci).size() == static_cast<std::size_t>(metro_epci));
  CHECK(b.layer(Level::departement).size() == 96);
  CHECK(b.layer(Level::region).size() == 13);
  std::set<std::string> unmatched;
  for (const auto& p : report_of("france"))
    if (p.text("kind") == "feature_unmatched") unmatched.insert(p.text("code"));
  // Communes re-created in 2025 out of a 2024 commune have no polygon of their own.
  CHECK(unmatched.size() <= 4);
  check_sums_and_validity(b, unmatched);
}
