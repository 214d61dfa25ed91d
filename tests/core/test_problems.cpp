#include <catch2/catch.hpp>

#include "core/problems.hpp"

TEST_CASE("problem reporter counts findings per kind") {
  cartes::ProblemReporter r;
  r.report({"code_rekeyed", "22027", "communes/dep22.geojson", "22027 -> 22046"});
  r.report({"code_rekeyed", "49069", "communes/dep49.geojson", "49069 -> 49069"});
  r.report({"polygons_merged", "72155", "", "2 polygons"});
  const auto counts = r.counts();
  CHECK(r.size() == 3);
  CHECK(counts.at("code_rekeyed") == 2);
  CHECK(counts.at("polygons_merged") == 1);
}
