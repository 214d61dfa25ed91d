// Real data: the Loire-Bretagne base built by `cartes build` before ctest
// (<build>/geodata/loire-bretagne.gpkg). The neighbours of ring 1 are also
// checked independently with OGR in check_ring1_ogr.py.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>

#include "analysis/adjacency.hpp"
#include "analysis/flows.hpp"
#include "analysis/rings.hpp"
#include "core/paths.hpp"
#include "model/territory_io.hpp"
#include "sources/layout.hpp"

using namespace cartes;
using namespace cartes::analysis;
using model::Level;

namespace {

const model::TerritoryBase& lb_base() {
  static const model::TerritoryBase base =
      model::load_territory_base(std::filesystem::path(CARTES_TEST_BINARY_DIR) / "geodata" / "loire-bretagne.gpkg");
  return base;
}

const PerimeterRow& row(const RingsResult& r, const std::string& id) {
  for (const auto& x : r.rows)
    if (x.id == id) return x;
  FAIL("no row " << id);
  throw;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("Loire-Bretagne EPCI graph: connected mainland, islands reported") {
  const auto& base = lb_base();
  const auto g = compute_adjacency(base, Level::epci, {});
  REQUIRE(g.size() == base.layer(Level::epci).size());
  // Every EPCI of the mainland has neighbours: an island EPCI is one made of islands only.
  for (std::size_t i : g.islands()) {
    INFO(base.layer(Level::epci)[i].code << " " << base.layer(Level::epci)[i].name);
    CHECK(base.layer(Level::epci)[i].geometry.part_count() >= 1);
  }
  CHECK(g.islands().size() <= 2);
  // Queen finds at least every rook edge.
  geo::ContiguityOptions q;
  q.mode = geo::Adjacency::queen;
  const auto gq = compute_adjacency(base, Level::epci, q);
  for (std::size_t i = 0; i < g.size(); ++i)
    for (auto j : g.neighbours(i)) CHECK(gq.adjacent(i, j));
}

TEST_CASE("rings around Nantes Métropole: neighbours, AAV of Nantes, zonings") {
  const auto& base = lb_base();
  const auto g = compute_adjacency(base, Level::epci, {});
  RingsRequest req;
  req.core = {"244400404"};
  req.rings = 3;
  req.bands_km = {10, 20};
  req.zonings = {Zoning::aav, Zoning::ze, Zoning::bv};
  const auto labels = load_zoning_labels(sources::zoning_labels(paths::sources()));
  RingsInputs in{base, g, {}, {}};
  in.labels = &labels;
  const RingsResult r = compute_rings(in, req);
  const auto& ring1 = row(r, "ring-1").members;
  CHECK(has(ring1, "244400503"));  // CC d'Erdre et Gesvres
  CHECK(has(ring1, "200067635"));  // CA Clisson Sèvre et Maine Agglo
  CHECK_FALSE(has(ring1, "244400404"));
  // Rings grow: populations of cumulative perimeters increase with k.
  CHECK(row(r, "cumul-1").figures.population_municipale > row(r, "core").figures.population_municipale);
  CHECK(row(r, "cumul-2").figures.population_municipale > row(r, "cumul-1").figures.population_municipale);
  CHECK(row(r, "core").figures.communes == 24);
  // AAV 2020 of Nantes (code 008): Nantes (44109) is its commune-centre.
  CHECK(r.aav_code == "008");
  CHECK(r.aav_name == "Nantes");
  const auto nantes = *base.index_of(Level::commune, "44109");
  const auto& pole = row(r, "aav-008-pole").communes;
  CHECK(std::binary_search(pole.begin(), pole.end(), nantes));
  CHECK(row(r, "aav-008-pole").figures.communes + row(r, "aav-008-couronne").figures.communes ==
        row(r, "aav-008").figures.communes);
  // The core lies in the pôle: it captures a large share of the AAV's population.
  CHECK(*row(r, "core").aav_capture > 0.5);
  CHECK(*row(r, "core").aav_capture < 1.0);
  CHECK(row(r, "ze-5216").name == "ZE 2020 Nantes");
  // The 20 km band holds the 10 km band.
  const auto& b10 = row(r, "band-10km").members;
  const auto& b20 = row(r, "band-20km").members;
  for (const auto& m : b10) CHECK(has(b20, m));
}

TEST_CASE("Rennes Métropole + Vitré Communauté: a two-EPCI core, with RP 2016 commuters") {
  const auto& base = lb_base();
  const auto g = compute_adjacency(base, Level::epci, {});
  ProblemReporter problems;
  const auto flows = load_commute_flows(sources::commute_flows(paths::sources()), base,
                                       sources::load_commune_rekeying(paths::sources(), paths::project_data()),
                                       &problems);
  CHECK(flows.flows.size() > 300);
  RingsRequest req;
  req.core = {"243500139", "200039022"};
  req.rings = 2;
  RingsInputs in{base, g, {}, {}};
  in.flows = &flows;
  const RingsResult r = compute_rings(in, req);
  CHECK(row(r, "core").members.size() == 2);
  REQUIRE(r.commuters);
  CHECK(r.commuters->to_core > 50000);
  CHECK(r.commuters->from_core > r.commuters->to_core / 2);
  double total = *row(r, "core").commuter_share;
  for (int k = 1; k <= 2; ++k) total += *row(r, "ring-" + std::to_string(k)).commuter_share;
  CHECK(total <= 1.0 + 1e-9);
  CHECK(total + static_cast<double>(r.commuters->beyond_rings) / static_cast<double>(r.commuters->to_core) ==
        Approx(1.0));
}
