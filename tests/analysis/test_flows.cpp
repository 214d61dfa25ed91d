#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "analysis/flows.hpp"
#include "analysis/rings.hpp"
#include "grid_base.hpp"
#include "scratch_dir.hpp"
#include "sources/cog.hpp"
#include "sources/rekeying.hpp"

using namespace cartes;
using namespace cartes::analysis;
namespace fs = std::filesystem;

namespace {
// One per test case: the cases run as parallel processes.
struct TempDir {
  test::ScratchDir scratch{"test-flows"};
  const fs::path& path = scratch.path();
};
}  // namespace

TEST_CASE("commuting flows: integer CODGEO padded, former codes re-keyed, unknown codes reported") {
  TempDir dir;
  const auto base = test::grid_base(3);
  // CODGEO is an integer in the INSEE sample; 98765 is not a grid commune but a
  // delegated one of 90100, 98700 a merged one of 90102 (both re-keyed); 12345
  // and 1234 are unknown.
  std::ofstream(dir.path / "flows.geojson") << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"CODGEO": 98765, "DCLT": "90101", "NBFLUX_C16": 120}, "geometry": null},
    {"type": "Feature", "properties": {"CODGEO": 90102, "DCLT": "90101", "NBFLUX_C16": 300}, "geometry": null},
    {"type": "Feature", "properties": {"CODGEO": 12345, "DCLT": "90101", "NBFLUX_C16": 999}, "geometry": null},
    {"type": "Feature", "properties": {"CODGEO": 1234, "DCLT": "90101", "NBFLUX_C16": 150}, "geometry": null},
    {"type": "Feature", "properties": {"CODGEO": 98700, "DCLT": "90101", "NBFLUX_C16": 110}, "geometry": null}
  ]})";
  std::ofstream(dir.path / "communes.json")
      << R"([{"code": "98765", "type": "commune-deleguee", "chefLieu": "90100"},
            {"code": "90100", "type": "commune-actuelle"}, {"code": "90101", "type": "commune-actuelle"},
            {"code": "90102", "type": "commune-actuelle"}])";
  std::ofstream(dir.path / "mergers.csv") << "code_before,code_after,source_url\n98700,90102,https://example.org\n";
  const sources::CommuneRekeying rekey(sources::read_cog_communes(dir.path), dir.path / "mergers.csv");
  CHECK(rekey.rekey("98700").method == std::string("merger table"));
  ProblemReporter problems;
  const CommuteFlows flows = load_commute_flows(dir.path / "flows.geojson", base, rekey, &problems);
  REQUIRE(flows.flows.size() == 3);
  CHECK(base.layer(model::Level::commune)[flows.flows[0].home].code == "90100");
  CHECK(base.layer(model::Level::commune)[flows.flows[0].work].code == "90101");
  CHECK(flows.flows[0].workers == 120);
  CHECK(base.layer(model::Level::commune)[flows.flows[1].home].code == "90102");
  CHECK(base.layer(model::Level::commune)[flows.flows[2].home].code == "90102");
  CHECK(flows.flows[2].workers == 110);
  CHECK(flows.rekeyed == 2);
  // 1234 is read as the 5-character INSEE code 01234 (département 01).
  CHECK(flows.unmatched == std::vector<std::string>{"01234", "12345"});
  REQUIRE(problems.size() == 2);
  CHECK(problems.problems()[0].kind == "flow_code_unmatched");
  CHECK(problems.problems()[0].code == "12345");
  CHECK(problems.problems()[1].code == "01234");
  // A missing COG list is an error naming it, not an empty re-keying.
  CHECK_THROWS_WITH(sources::read_cog_communes(dir.path / "absent"), Catch::Contains("absent/communes.json"));
  std::filesystem::create_directory(dir.path / "folder");
  std::filesystem::create_directory(dir.path / "folder" / "communes.json");
  CHECK_THROWS_WITH(sources::read_cog_communes(dir.path / "folder"), Catch::Contains("a folder where a JSON file"));
}

TEST_CASE("commuting flows without their workers column are refused, naming the file and the column") {
  TempDir dir;
  const auto base = test::grid_base(3);
  std::ofstream(dir.path / "flows.geojson") << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"CODGEO": "90100", "DCLT": "90101", "NBFLUX": 120}, "geometry": null}
  ]})";
  std::ofstream(dir.path / "communes.json") << R"([{"code": "90100", "type": "commune-actuelle"}])";
  std::ofstream(dir.path / "mergers.csv") << "code_before,code_after,source_url\n";
  const sources::CommuneRekeying rekey(sources::read_cog_communes(dir.path), dir.path / "mergers.csv");
  CHECK_THROWS_WITH(load_commute_flows(dir.path / "flows.geojson", base, rekey, nullptr),
                    Catch::Contains("flows.geojson") && Catch::Contains("no field 'NBFLUX_C16'"));
}

TEST_CASE("zoning labels: INSEE's CSV with quoted names, other levels ignored") {
  TempDir dir;
  std::ofstream(dir.path / "libelles.csv") << "NIVGEO,CODGEO,LIBGEO,NB_COM\r\n"
                                              "AAV2020,008,Nantes,116\r\n"
                                              "ZE2020,5301,\"Vannes, Auray\",40\r\n"
                                              "BV2022,44109,\"Nantes \"\"centre\"\"\",31\r\n"
                                              "CANOV,6411,\"Lescar, Gave et Terres du Pont-Long\",7\r\n";
  const ZoningLabels labels = load_zoning_labels(dir.path / "libelles.csv");
  CHECK(labels.size() == 3);
  CHECK(labels.at({"AAV2020", "008"}) == "Nantes");
  CHECK(labels.at({"ZE2020", "5301"}) == "Vannes, Auray");
  CHECK(labels.at({"BV2022", "44109"}) == "Nantes \"centre\"");
  CHECK(load_zoning_labels(dir.path / "absent.csv").empty());
}
