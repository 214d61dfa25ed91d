// The sources module: layout checks, scopes, the COG reader, re-keying.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "scratch_dir.hpp"
#include "sources/cog.hpp"
#include "sources/layout.hpp"
#include "sources/lookup.hpp"
#include "sources/rekeying.hpp"
#include "sources/scopes.hpp"

using namespace cartes;
using namespace cartes::sources;
namespace fs = std::filesystem;

TEST_CASE("scopes: their départements and the smallest scope of a commune") {
  CHECK(scope_departements("loire-bretagne", {}).size() == 9);
  CHECK(scope_departements("france", {"01", "02"}) == std::vector<std::string>{"01", "02"});
  CHECK_THROWS_AS(scope_departements("bretagne", {}), UsageError);
  CHECK_THROWS_WITH(require_known_scope("europe"), Catch::Contains("allowed: loire-bretagne, france"));
  CHECK(departement_of_commune("35238") == "35");
  CHECK(departement_of_commune("2A004") == "2A");
  CHECK(departement_of_commune("97411") == "974");
  CHECK(smallest_scope_of_commune("44109") == "loire-bretagne");
  CHECK(smallest_scope_of_commune("61001") == "france");
}

TEST_CASE("a sources folder given as a file, or a file given as a folder, is a clear input error") {
  cartes::test::ScratchDir dir("sources-layout");
  std::ofstream(dir / "a-file") << "x";
  CHECK_THROWS_WITH(check_sources(dir / "a-file"), Catch::Contains("is a file, not a folder"));
  CHECK_THROWS_WITH(check_sources(dir / "absent"), Catch::Contains("sources folder not found"));
  fs::create_directories(cog_dir(dir.path()));
  fs::create_directories(commune_polygons_dir(dir.path()).parent_path());
  std::ofstream(commune_polygons_dir(dir.path())) << "not a folder";
  CHECK_THROWS_WITH(check_sources(dir.path()), Catch::Contains("a file where a folder is expected"));
  fs::remove(commune_polygons_dir(dir.path()));
  fs::create_directories(commune_polygons_dir(dir.path()));
  CHECK_THROWS_WITH(check_sources(dir.path()), Catch::Contains("missing " + zonings(dir.path(), 2024).string()));
  try {
    check_sources(dir.path());
  } catch (const InputError& e) {
    CHECK(static_cast<int>(exit_code_of(e)) == 3);
  }
}

TEST_CASE("re-keying: chef-lieu, merger table, and why a code is unknown") {
  cartes::test::ScratchDir dir("sources-rekeying");
  std::ofstream(dir / "communes.json") << R"([
    {"code": "35001", "type": "commune-actuelle", "anciensCodes": ["35999"]},
    {"code": "35002", "type": "commune-deleguee", "chefLieu": "35001"},
    {"code": "35003", "type": "commune-actuelle"}])";
  std::ofstream(dir / "mergers.csv") << "code_before,code_after,source_url\n"
                                        "35500,35003,https://example.org/a\n"
                                        "35501,35777,https://example.org/b\n";
  const CommuneRekeying r(read_cog_communes(dir.path()), dir / "mergers.csv");
  CHECK(r.rekey("35001").code == "35001");
  CHECK(r.rekey("35002").code == "35001");
  CHECK(r.rekey("35002").method == std::string("chefLieu"));
  CHECK(r.rekey("35500").code == "35003");
  CHECK(r.rekey("35404").code.empty());
  CHECK_THROWS_WITH(r.rekey("35501"), Catch::Contains("mergers.csv: line 3") && Catch::Contains("35777"));
  CHECK_THROWS_AS(r.rekey("35501"), DataError);
  CHECK(r.why_unknown("35999").find("former codes of 35001") != std::string::npos);

  std::ofstream(dir / "bad.csv") << "code_before,code_after,source_url\n35500,,x\n";
  CHECK_THROWS_WITH(CommuneRekeying(read_cog_communes(dir.path()), dir / "bad.csv"),
                    Catch::Contains("bad.csv: line 2"));
}

TEST_CASE("the COG reader names the file at fault") {
  cartes::test::ScratchDir dir("sources-cog");
  std::ofstream(dir / "communes.json") << R"([{"code": "35001", "type": "commune-actuelle"}])";
  std::ofstream(dir / "epci.json") << R"([{"code": "243500139", "nom": "Rennes", "membres": [)";  // cut short
  std::ofstream(dir / "departements.json") << "[]";
  std::ofstream(dir / "regions.json") << "[]";
  CHECK_THROWS_WITH(read_cog(dir.path()), Catch::Contains("epci.json: not valid JSON"));
  std::ofstream(dir / "epci.json") << R"({"code": "243500139"})";
  CHECK_THROWS_WITH(read_cog(dir.path()), Catch::Contains("epci.json: expected a JSON array"));
  std::ofstream(dir / "epci.json") << R"([{"code": "243500139", "nom": "Rennes"}])";  // no membres
  CHECK_THROWS_WITH(read_cog(dir.path()), Catch::Contains("epci.json: unexpected structure"));
  // A code absent from the lists gives no hint (and no error): look-ups only help.
  CHECK_FALSE(locate_code(dir / "absent", "243500139", "loire-bretagne"));
}
