// Writes the synthetic base of tests/model/synthetic_base.hpp to a GeoPackage
// (argv[1]) for the golden tests of check, alliances, stats and export.
#include <cstdio>
#include <exception>

#include "model/synthetic_base.hpp"
#include "model/territory_io.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: alliances_fixture OUT.gpkg\n");
    return 2;
  }
  try {
    // Its own scope name, stored in the base: the goldens say "the synthetic base".
    cartes::model::TerritoryBase base = cartes::test::synthetic_base();
    base.scope = "synthetic";
    cartes::model::save_territory_base(base, {}, argv[1]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "alliances_fixture: %s\n", e.what());
    return 1;
  }
  return 0;
}
