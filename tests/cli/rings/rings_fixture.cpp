// Writes the synthetic 9x9 grid base of tests/grid_base.hpp to a
// GeoPackage (argv[1]) for the `cartes rings` golden tests.
#include <cstdio>
#include <exception>

#include "grid_base.hpp"
#include "model/territory_io.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: rings_fixture OUT.gpkg\n");
    return 2;
  }
  try {
    auto base = cartes::test::grid_base(9, "grid");
    cartes::model::save_territory_base(base, {}, argv[1]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rings_fixture: %s\n", e.what());
    return 1;
  }
  return 0;
}
