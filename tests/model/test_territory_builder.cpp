// The builder on the mini sources of tests/fixtures (see make_mini_sources.py):
// re-keying (delegated commune -> chefLieu, merger table), merged polygons,
// straddling EPCI taken whole, island commune without EPCI, pays, sums; and
// the base written and loaded back.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

#include "scratch_dir.hpp"
#include "core/error.hpp"
#include "model/territory_builder.hpp"
#include "model/territory_io.hpp"

using namespace cartes;
using namespace cartes::model;
namespace fs = std::filesystem;

namespace {

const fs::path fixtures = CARTES_TEST_FIXTURES;

BuildOptions mini_options() {
  BuildOptions o;
  o.sources = fixtures / "mini-sources";
  o.project_data = fixtures / "mini-project-data";
  o.threads = 2;
  return o;
}

bool has(const std::vector<Problem>& ps, const std::string& kind, const std::string& code) {
  return std::any_of(ps.begin(), ps.end(), [&](const Problem& p) { return p.kind == kind && p.code == code; });
}

}  // namespace

TEST_CASE("builder re-keys COG 2024 polygons to COG 2025 and merges them") {
  ProblemReporter report;
  NullProgress progress;
  const TerritoryBase base = build_territory_base(mini_options(), report, progress);
  const auto problems = report.problems();

  // 35003 is a delegated commune of 35002 in 2025; 72287 merged into 72155
  // (rule table). Neither code survives; their polygons are merged.
  CHECK(base.find(Level::commune, "35003") == nullptr);
  CHECK(base.find(Level::commune, "72287") == nullptr);
  const Territory* beta = base.find(Level::commune, "35002");
  const Territory* alpha = base.find(Level::commune, "35001");
  REQUIRE(beta);
  REQUIRE(alpha);
  CHECK(beta->name == "Bêta");
  CHECK(beta->geometry.part_count() == 1);               // two adjacent squares, one polygon
  CHECK(beta->area_km2 == Approx(2 * alpha->area_km2).epsilon(1e-3));
  CHECK(has(problems, "code_rekeyed", "35002"));
  CHECK(has(problems, "code_rekeyed", "72155"));
  CHECK(has(problems, "polygons_merged", "72155"));

  // Every geometry a valid MultiPolygon in Lambert-93 (metres: ~80 km² squares).
  for (Level l : all_levels)
    for (const Territory& t : base.layer(l)) {
      INFO(t.code);
      CHECK(t.geometry.type_name() == "MultiPolygon");
      CHECK(t.geometry.is_valid());
    }
  CHECK(alpha->area_km2 == Approx(82.8).epsilon(0.01));
  CHECK(alpha->geometry.envelope().minx > 300000);
  CHECK(alpha->geometry.envelope().maxx < 400000);
}

TEST_CASE("builder takes straddling EPCI whole and leaves other outside communes out") {
  ProblemReporter report;
  NullProgress progress;
  const TerritoryBase base = build_territory_base(mini_options(), report, progress);
  // 61001 (Orne) belongs to the Sarthe/Loire-Atlantique EPCI 200000002.
  const Territory* zeta = base.find(Level::commune, "61001");
  REQUIRE(zeta);
  CHECK(zeta->epci == "200000002");
  CHECK(base.find(Level::commune, "61002") == nullptr);
  CHECK(base.find(Level::epci, "200000003") == nullptr);
  // Orne is not a département of the scope.
  CHECK(base.find(Level::departement, "61") == nullptr);
  CHECK(base.layer(Level::departement).size() == 3);
  CHECK(base.layer(Level::region).size() == 2);

  const Territory* delta = base.find(Level::epci, "200000002");
  REQUIRE(delta);
  CHECK(delta->communes == std::vector<std::string>{"44001", "44002", "61001", "72155"});
  CHECK(delta->departements == std::vector<std::string>{"44", "61", "72"});
  CHECK(delta->kind == "CC");
  CHECK(delta->population_municipale == 13862);

  // The island commune has no EPCI and no pays, and is still in its département.
  const Territory* island = base.find(Level::commune, "35004");
  REQUIRE(island);
  CHECK(island->epci.empty());
  CHECK(island->pays.empty());
  CHECK(island->population_municipale == 300);
  const auto dep35 = base.find(Level::departement, "35");
  REQUIRE(dep35);
  CHECK(std::count(dep35->communes.begin(), dep35->communes.end(), "35004") == 1);
}

TEST_CASE("builder: pays from both tables, sums of areas and populations") {
  ProblemReporter report;
  NullProgress progress;
  const TerritoryBase base = build_territory_base(mini_options(), report, progress);
  const Territory* bzh = base.find(Level::pays, "BZH01");
  const Territory* pdl = base.find(Level::pays, "PDL01");
  REQUIRE(bzh);
  REQUIRE(pdl);
  CHECK(bzh->name == "Pays d’Alpha");  // the Région's layer gives the name
  CHECK(bzh->children == std::vector<std::string>{"200000001"});
  CHECK(pdl->name == "Pays du Delta");
  CHECK(base.find(Level::commune, "44001")->pays == "PDL01");
  CHECK(base.find(Level::commune, "35001")->aav_category == "11");
  CHECK(base.find(Level::commune, "35002")->aav_category == "20");

  for (Level l : {Level::epci, Level::pays, Level::departement, Level::region})
    for (const Territory& t : base.layer(l)) {
      double area = 0;
      std::int64_t pop = 0;
      for (std::size_t i : base.commune_indices(t)) {
        area += base.layer(Level::commune)[i].area_km2;
        pop += base.layer(Level::commune)[i].population_municipale;
      }
      INFO(t.code);
      CHECK(t.area_km2 == Approx(area).epsilon(1e-6));
      CHECK(t.geometry.area() / 1e6 == Approx(area).epsilon(1e-6));
      CHECK(t.population_municipale == pop);
    }
}

TEST_CASE("the base round-trips through its GeoPackage") {
  ProblemReporter report;
  NullProgress progress;
  const TerritoryBase built = build_territory_base(mini_options(), report, progress);
  const cartes::test::ScratchDir dir("base");
  const fs::path gpkg = dir / "mini.gpkg";
  save_territory_base(built, report.problems(), gpkg);
  const TerritoryBase loaded = load_territory_base(gpkg);
  // The scope and the sources come from the base's own tables, not its name.
  CHECK(loaded.scope == built.scope);
  CHECK(loaded.notes.empty());
  REQUIRE(loaded.sources.size() == built.sources.size());
  REQUIRE(!built.sources.empty());
  CHECK(loaded.sources.front().file == "raw/decoupage-administratif-6.0.0/communes.json");
  CHECK(loaded.sources.front().vintage.find("COG 2025") != std::string::npos);
  CHECK(loaded.sources.front().bytes == fs::file_size(fixtures / "mini-sources" / loaded.sources.front().file));
  CHECK(std::any_of(loaded.sources.begin(), loaded.sources.end(),
                    [](const sources::SourceRecord& r) { return r.file == "geodata/commune_mergers.csv"; }));
  for (Level l : all_levels) {
    REQUIRE(loaded.layer(l).size() == built.layer(l).size());
    for (const Territory& b : built.layer(l)) {
      const Territory* t = loaded.find(l, b.code);
      REQUIRE(t);
      INFO(b.code);
      CHECK(t->name == b.name);
      CHECK(t->population_municipale == b.population_municipale);
      CHECK(t->population_totale == b.population_totale);
      CHECK(t->area_km2 == Approx(b.area_km2));
      CHECK(t->geometry.area() == Approx(b.geometry.area()));
      CHECK(t->communes == b.communes);
      CHECK(t->departements == b.departements);
      CHECK(t->children == b.children);
      CHECK(t->epci == b.epci);
      CHECK(t->pays == b.pays);
      CHECK(t->kind == b.kind);
      CHECK(t->region == b.region);
      CHECK(t->aav2020 == b.aav2020);
      CHECK(t->aav_category == b.aav_category);
    }
  }
}

TEST_CASE("a missing base is an InputError naming it and `cartes build`") {
  const fs::path missing = fs::temp_directory_path() / "no-such-base" / "loire-bretagne.gpkg";
  try {
    load_territory_base(missing);
    FAIL("no exception");
  } catch (const InputError& e) {
    const std::string what = e.what();
    CHECK(what.find(missing.string()) != std::string::npos);
    CHECK(what.find("cartes build") != std::string::npos);
  }
}

TEST_CASE("builder errors name the folder, the file or the code") {
  ProblemReporter report;
  NullProgress progress;
  BuildOptions o = mini_options();
  o.sources = fixtures / "no-such-sources";
  CHECK_THROWS_AS(build_territory_base(o, report, progress), InputError);
  CHECK_THROWS_WITH(build_territory_base(o, report, progress), Catch::Contains("no-such-sources") &&
                                                                  Catch::Contains("decoupage-administratif"));
  o = mini_options();
  o.scope = "bretagne";
  CHECK_THROWS_AS(build_territory_base(o, report, progress), UsageError);
  o = mini_options();
  o.project_data = fixtures / "no-such-project-data";
  CHECK_THROWS_WITH(build_territory_base(o, report, progress), Catch::Contains("commune_mergers.csv"));
}
