// data: the real catalogue on the real Loire-Bretagne base built before ctest
// runs (<build>/geodata/loire-bretagne.gpkg).
#include <catch2/catch.hpp>
#include <filesystem>
#include <numeric>

#include "catalogue_helpers.hpp"
#include "core/paths.hpp"
#include "model/catalogue.hpp"
#include "model/perimeter.hpp"
#include "model/territory_io.hpp"

using namespace cartes;
using namespace cartes::model;

namespace {
struct RealData {
  TerritoryBase base;
  Catalogue catalogue;
  std::vector<Perimeter> perimeters;

  std::size_t index(const std::string& id) const {
    for (std::size_t i = 0; i < catalogue.alliances.size(); ++i)
      if (catalogue.alliances[i].id == id) return i;
    FAIL("no alliance '" << id << "' in the catalogue");
    return 0;
  }
};

const RealData& real() {
  static const RealData d = [] {
    RealData r;
    r.base = load_territory_base(std::filesystem::path(CARTES_TEST_BINARY_DIR) / "geodata" / "loire-bretagne.gpkg");
    r.catalogue = load_catalogue(paths::default_catalogue(), cartes::test::vocabulary());
    r.perimeters = compute_perimeters(r.base, r.catalogue.alliances);
    return r;
  }();
  return d;
}

// Sum of a figure over members given at EPCI level, as the base gives them.
std::int64_t epci_sum(const Alliance& a, std::int64_t Territory::*field) {
  std::int64_t sum = 0;
  for (const auto& m : a.members) {
    const Territory* t = real().base.find(Level::epci, m.code);
    REQUIRE(t != nullptr);
    sum += t->*field;
  }
  return sum;
}
}  // namespace

TEST_CASE("the real catalogue is valid against the Loire-Bretagne base") {
  const BaseCheck check = check_against_base(real().catalogue, real().base);
  std::string listing;
  for (const auto& e : check.errors) listing += e.str() + "\n";
  INFO(listing);
  CHECK(check.errors.empty());
  // Only members of alliances of scope "france" may be outside the base.
  for (const auto& o : check.out_of_scope) CHECK(o.line > 0);
}

TEST_CASE("Pôle métropolitain Loire-Bretagne: population = its five EPCI's official populations") {
  const std::size_t i = real().index("pole-metropolitain-loire-bretagne");
  const Alliance& a = real().catalogue.alliances[i];
  const Perimeter& p = real().perimeters[i];
  REQUIRE(a.members.size() == 5);
  CHECK(p.missing.empty());
  CHECK(p.population_municipale == epci_sum(a, &Territory::population_municipale));
  CHECK(p.population_totale == epci_sum(a, &Territory::population_totale));
  CHECK(p.epci.size() == 5);
  // Brest, Rennes, Nantes + Saint-Nazaire (neighbours along the estuary), Angers: separate pieces.
  CHECK(p.parts >= 4);
  CHECK(p.area_km2 == Approx(std::accumulate(p.communes.begin(), p.communes.end(), 0.0,
                                             [](double s, std::size_t c) {
                                               return s + real().base.layer(Level::commune)[c].area_km2;
                                             }))
                          .epsilon(0.01));
}

TEST_CASE("Brest Métropole + Pays du Centre Ouest Bretagne is non-contiguous") {
  const std::size_t i = real().index("reciprocite-brest-cob");
  const Perimeter& p = real().perimeters[i];
  INFO("parts " << p.parts << ", polygons " << p.polygons);
  CHECK(p.parts >= 2);
  CHECK(p.parts <= 4);  // two pieces of land, and no sliver counted as a part
  CHECK(p.polygons >= p.parts);
}

TEST_CASE("every perimeter inside the base is valid; alliances abroad have their members listed as missing") {
  const auto& d = real();
  for (std::size_t i = 0; i < d.perimeters.size(); ++i) {
    const Alliance& a = d.catalogue.alliances[i];
    const Perimeter& p = d.perimeters[i];
    INFO(a.id << ": " << p.communes.size() << " communes, " << p.parts << " parts, " << p.polygons << " polygons");
    if (a.scope == "loire-bretagne") {
      CHECK(p.missing.empty());
      CHECK_FALSE(p.communes.empty());
      CHECK(p.geometry.is_valid());
      CHECK(p.parts >= 1);
      CHECK(p.parts <= static_cast<int>(p.communes.size()));
    }
    std::int64_t sum = 0;
    for (std::size_t c : p.communes) sum += d.base.layer(Level::commune)[c].population_municipale;
    CHECK(p.population_municipale == sum);
  }
}

TEST_CASE("an inland EPCI is one part however its contours were simplified") {
  // Mauges Communauté: 6 communes nouvelles, no islands; islets and gaps must not split it.
  const Perimeter& p = real().perimeters[real().index("mauges-communaute")];
  CHECK(p.communes.size() == 6);
  CHECK(p.parts == 1);
}

TEST_CASE("overlaps of the two pôles métropolitains: Nantes Métropole and Saint-Nazaire Agglomération") {
  const auto& d = real();
  const auto overlaps = compute_overlaps(d.base, d.perimeters);
  const std::size_t a = d.index("pole-metropolitain-loire-bretagne");
  const std::size_t b = d.index("pole-metropolitain-nantes-saint-nazaire");
  const Overlap* o = nullptr;
  for (const auto& x : overlaps)
    if (x.a == std::min(a, b) && x.b == std::max(a, b)) o = &x;
  REQUIRE(o != nullptr);
  std::int64_t expected = 0;
  for (const char* siren : {"244400404", "244400644"})  // Nantes Métropole, CARENE
    expected += d.base.find(Level::epci, siren)->population_municipale;
  CHECK(o->population_municipale == expected);
  CHECK(overlap_geometry(d.base, d.perimeters, *o).is_valid());
  CHECK(o->area_km2 > 0);
}

TEST_CASE("perimeters are the same on every run, in parallel or not") {
  // The région-wide alliances share every commune between threads: on a base
  // just loaded, their parts once came out 14 to 17 from run to run (GEOS
  // caches a collection's envelope on first use; it is now computed when a
  // geometry is made). So each run loads the base afresh.
  const RealData& d = real();
  const auto file = std::filesystem::path(CARTES_TEST_BINARY_DIR) / "geodata" / "loire-bretagne.gpkg";
  for (int run = 0; run < 3; ++run) {
    const TerritoryBase fresh = load_territory_base(file);
    const std::vector<Perimeter> parallel = compute_perimeters(fresh, d.catalogue.alliances, nullptr, 4);
    for (std::size_t i = 0; i < parallel.size(); ++i) {
      INFO(d.catalogue.alliances[i].id);
      CHECK(parallel[i].parts == d.perimeters[i].parts);
      CHECK(parallel[i].polygons == d.perimeters[i].polygons);
      CHECK(parallel[i].area_km2 == Approx(d.perimeters[i].area_km2).epsilon(1e-12));
    }
  }
  const std::vector<Perimeter> one_thread = compute_perimeters(d.base, d.catalogue.alliances, nullptr, 1);
  for (std::size_t i = 0; i < one_thread.size(); ++i) CHECK(one_thread[i].parts == d.perimeters[i].parts);
  CHECK(d.perimeters[d.index("alliance-cnfpt-regions-metiers-publics")].parts == 14);
}
