#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <set>

#include "scratch_dir.hpp"
#include "grid_base.hpp"
#include "analysis/rings.hpp"
#include "analysis/rings_export.hpp"
#include "analysis/adjacency.hpp"
#include "core/paths.hpp"
#include "sources/layout.hpp"
#include "geo/vector_reader.hpp"

using namespace cartes;
using namespace cartes::analysis;
using model::Level;

namespace {

struct Fixture {
  model::TerritoryBase base = test::grid_base(9);
  geo::ContiguityGraph rook = compute_adjacency(base, Level::epci, {});
  geo::ContiguityGraph queen = [this] {
    geo::ContiguityOptions o;
    o.mode = geo::Adjacency::queen;
    return compute_adjacency(base, Level::epci, o);
  }();
};

const PerimeterRow& row(const RingsResult& r, const std::string& id) {
  for (const auto& x : r.rows)
    if (x.id == id) return x;
  FAIL("no row " << id);
  throw;
}

// Expected population of the cells selected by `pick(col, row)`.
template <class Pick>
std::int64_t population_where(int n, Pick pick) {
  std::int64_t p = 0;
  for (int c = 0; c < n; ++c)
    for (int r = 0; r < n; ++r)
      if (pick(c, r)) p += test::grid_population(c, r);
  return p;
}

}  // namespace

TEST_CASE("rings around the centre of a grid: 4k rook, 8k queen, with their figures") {
  Fixture f;
  RingsRequest req;
  req.core = {test::grid_siren(4, 4)};
  req.rings = 4;
  const RingsResult r = compute_rings({f.base, f.rook, {}, {}}, req);
  CHECK(r.core == std::vector<std::string>{test::grid_siren(4, 4)});
  for (int k = 1; k <= 4; ++k) {
    const auto& ring = row(r, "ring-" + std::to_string(k));
    CHECK(ring.members.size() == static_cast<std::size_t>(4 * k));
    CHECK(ring.figures.communes == static_cast<std::size_t>(4 * k));
    CHECK(ring.figures.area_km2 == Approx(4 * k));
    CHECK(ring.figures.population_municipale ==
          population_where(9, [k](int c, int w) { return std::abs(c - 4) + std::abs(w - 4) == k; }));
    const auto& cumul = row(r, "cumul-" + std::to_string(k));
    CHECK(cumul.members.size() == static_cast<std::size_t>(1 + 2 * k * (k + 1)));
    CHECK(cumul.figures.epci == cumul.members.size());
  }
  req.adjacency = geo::Adjacency::queen;
  const RingsResult q = compute_rings({f.base, f.queen, {}, {}}, req);
  for (int k = 1; k <= 4; ++k) CHECK(row(q, "ring-" + std::to_string(k)).members.size() == static_cast<std::size_t>(8 * k));
  CHECK(q.notes.empty());
}

TEST_CASE("a two-territory core grows rings from both at once") {
  Fixture f;
  RingsRequest req;
  req.core = {test::grid_siren(4, 4), test::grid_siren(5, 4)};
  req.rings = 2;
  const RingsResult r = compute_rings({f.base, f.rook, {}, {}}, req);
  CHECK(row(r, "core").members.size() == 2);
  // Cells at Manhattan distance k from the 2-cell domino: 6 at k=1, 10 at k=2.
  CHECK(row(r, "ring-1").members.size() == 6);
  CHECK(row(r, "ring-2").members.size() == 10);
  std::set<std::string> seen;
  for (const auto& x : r.rows)
    if (x.family == Family::ring || x.family == Family::core)
      for (const auto& m : x.members) CHECK(seen.insert(m).second);  // annuli are disjoint
}

TEST_CASE("rings at the edge of the base end, with a note; an island core has empty rings") {
  model::TerritoryBase base = test::grid_base(3);
  model::Territory island;
  island.level = Level::epci;
  island.code = "299999000";
  island.name = "Île Seule";
  island.geometry = test::box_km(20, 20, 21, 21);
  base.layer(Level::epci).push_back(std::move(island));
  base.reindex();
  const auto g = compute_adjacency(base, Level::epci, {});
  RingsRequest req;
  req.core = {test::grid_siren(1, 1)};
  req.rings = 3;
  const RingsResult r = compute_rings({base, g, {}, {}}, req);
  CHECK(row(r, "ring-1").members.size() == 4);
  CHECK(row(r, "ring-2").members.size() == 4);
  CHECK(row(r, "ring-3").members.empty());
  CHECK(r.islands == std::vector<std::string>{"299999000"});
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].find("ring 3 is empty") != std::string::npos);
  req.core = {"299999000"};
  const RingsResult ri = compute_rings({base, g, {}, {}}, req);
  CHECK(row(ri, "ring-1").members.empty());
  CHECK(ri.notes.back().find("island") != std::string::npos);
}

TEST_CASE("distance bands by centroid and by any part on a grid of known distances") {
  Fixture f;
  RingsRequest req;
  req.core = {test::grid_siren(4, 4)};
  req.rings = 1;
  // Centroids: 0.5 km (edge neighbours), 0.707 km (diagonal), 1.5 km (two away).
  req.bands_km = {1, 0.6};
  const RingsResult c = compute_rings({f.base, f.rook, {}, {}}, req);
  CHECK(row(c, "band-0.6km").members.size() == 5);
  CHECK(row(c, "band-1km").members.size() == 9);
  CHECK(row(c, "band-1km").name == "Bande 1 km (centroïde)");
  // Any part: at 0.5 km the 8 touching cells; at 1 km also the cells two away
  // except the 4 corners of the 5x5 block (1.41 km away).
  req.band_mode = BandMode::any_part;
  req.bands_km = {0.5, 1};
  RingsResult a = compute_rings({f.base, f.rook, {}, {}}, req);
  CHECK(row(a, "band-0.5km").members.size() == 9);
  CHECK(row(a, "band-1km").members.size() == 21);
  // The outline of each band is its members dissolved; the buffer is the core grown by d.
  compute_outlines({f.base, f.rook, {}, {}}, a);
  CHECK(row(a, "band-1km").geometry.area() == Approx(21e6).epsilon(1e-9));
  const double buffer_area = row(a, "band-1km").buffer.area();
  CHECK(buffer_area == Approx(1e6 + 4 * 1e6 + M_PI * 1e6).epsilon(0.01));
}

TEST_CASE("zonings of the core: AAV whole, pôle and couronne, ZE and BV") {
  Fixture f;
  ZoningLabels labels{{{"AAV2020", "901"}, "Grille-Ville"}, {{"ZE2020", "9901"}, "Grille-Ouest"}};
  RingsRequest req;
  req.core = {test::grid_siren(4, 4)};
  req.rings = 2;
  req.zonings = {Zoning::aav, Zoning::ze, Zoning::bv};
  RingsInputs in{f.base, f.rook, {}, {}};
  in.labels = &labels;
  const RingsResult r = compute_rings(in, req);
  CHECK(r.aav_code == "901");
  CHECK(r.aav_name == "Grille-Ville");
  CHECK(row(r, "aav-901").figures.communes == 25);
  CHECK(row(r, "aav-901-pole").figures.communes == 9);
  CHECK(row(r, "aav-901-couronne").figures.communes == 16);
  CHECK(row(r, "aav-901-pole").name == "AAV 2020 Grille-Ville — pôle");
  CHECK(row(r, "ze-9901").figures.communes == 45);  // columns 0..4
  CHECK(row(r, "ze-9901").name == "ZE 2020 Grille-Ouest");
  CHECK(row(r, "bv-99001").name == "BV 2022 99001");  // no label: the code
  // Share of the AAV captured: ring 1 and the cumulative perimeter up to 2.
  const double aav_pop = static_cast<double>(
      population_where(9, [](int c, int w) { return std::max(std::abs(c - 4), std::abs(w - 4)) <= 2; }));
  const double ring1 = static_cast<double>(
      population_where(9, [](int c, int w) { return std::abs(c - 4) + std::abs(w - 4) == 1; }));
  CHECK(*row(r, "ring-1").aav_capture == Approx(ring1 / aav_pop));
  const double cumul2 = static_cast<double>(
      population_where(9, [](int c, int w) { return std::abs(c - 4) + std::abs(w - 4) <= 2; }));
  CHECK(*row(r, "cumul-2").aav_capture == Approx(cumul2 / aav_pop));
  CHECK(*row(r, "aav-901").aav_capture == Approx(1.0));
}

TEST_CASE("overlaps are intersection over union by population and by area") {
  Fixture f;
  RingsRequest req;
  req.core = {test::grid_siren(4, 4)};
  req.rings = 2;
  req.zonings = {Zoning::aav};
  const RingsResult r = compute_rings({f.base, f.rook, {}, {}}, req);
  // No overlap row involves an annulus.
  for (const auto& o : r.overlaps) {
    CHECK(r.rows[o.a].family != Family::ring);
    CHECK(r.rows[o.b].family != Family::ring);
  }
  auto find = [&](const std::string& a, const std::string& b) {
    for (const auto& o : r.overlaps)
      if (r.rows[o.a].id == a && r.rows[o.b].id == b) return o;
    FAIL("no overlap " << a << " / " << b);
    throw;
  };
  // cumul-2 (13 cells, Manhattan <= 2) lies inside the AAV (25 cells, Chebyshev <= 2).
  const auto o = find("cumul-2", "aav-901");
  CHECK(o.iou_area == Approx(13.0 / 25.0));
  const auto in_cumul = [](int c, int w) { return std::abs(c - 4) + std::abs(w - 4) <= 2; };
  const auto in_aav = [](int c, int w) { return std::max(std::abs(c - 4), std::abs(w - 4)) <= 2; };
  CHECK(o.iou_population == Approx(static_cast<double>(population_where(9, in_cumul)) /
                                   static_cast<double>(population_where(9, in_aav))));
  // The pôle (Chebyshev <= 1) and cumul-1 (Manhattan <= 1): 5 shared of 9.
  CHECK(find("cumul-1", "aav-901-pole").iou_area == Approx(5.0 / 9.0));
  // The couronne does not meet the core.
  CHECK(find("core", "aav-901-couronne").iou_area == 0);
}

TEST_CASE("alliances compared, theme coverage and commuter shares") {
  Fixture f;
  // Alliance "ligne" (mobilité) covers the middle row; "sante" (santé) the whole grid.
  std::vector<model::Alliance> alliances(2);
  alliances[0].id = "ligne";
  alliances[0].name = "Ligne du milieu";
  alliances[0].themes = {"mobilite"};
  alliances[1].id = "sante";
  alliances[1].name = "Santé partout";
  alliances[1].themes = {"sante"};
  std::vector<model::Perimeter> perimeters(2);
  perimeters[0].alliance_id = "ligne";
  perimeters[1].alliance_id = "sante";
  const auto& communes = f.base.layer(Level::commune);
  for (std::size_t i = 0; i < communes.size(); ++i) {
    if (communes[i].code.substr(3, 2) == "04") perimeters[0].communes.push_back(i);  // row 4
    perimeters[1].communes.push_back(i);
  }
  // Flows to the core cell (4,4): 50 from itself, 30 from (4,5) (ring 1), 20 from (4,7) (ring 3).
  CommuteFlows flows;
  auto idx = [&](int c, int w) { return *f.base.index_of(Level::commune, test::grid_code(c, w)); };
  flows.flows = {{idx(4, 4), idx(4, 4), 50}, {idx(4, 5), idx(4, 4), 30}, {idx(4, 7), idx(4, 4), 20},
                 {idx(0, 0), idx(1, 1), 999}};  // not to the core
  RingsRequest req;
  req.core = {test::grid_siren(4, 4)};
  req.rings = 2;
  req.compare = {"ligne"};
  RingsInputs in{f.base, f.rook, alliances, perimeters};
  in.flows = &flows;
  const RingsResult r = compute_rings(in, req);
  const auto& ligne = row(r, "alliance-ligne");
  CHECK(ligne.name == "Ligne du milieu");
  CHECK(ligne.figures.communes == 9);
  // Ring 1: cells (3,4),(5,4) on the middle row, (4,3),(4,5) not.
  const double covered = static_cast<double>(test::grid_population(3, 4) + test::grid_population(5, 4));
  CHECK(*row(r, "ring-1").theme_coverage == Approx(covered / static_cast<double>(row(r, "ring-1").figures.population_municipale)));
  CHECK(*row(r, "core").theme_coverage == Approx(1.0));
  REQUIRE(r.commuters);
  CHECK(r.commuters->to_core == 100);
  CHECK(r.commuters->from_core == 50);
  CHECK(r.commuters->beyond_rings == 20);
  CHECK(*row(r, "ring-1").commuter_share == Approx(0.3));
  CHECK(*row(r, "ring-2").commuter_share == Approx(0.0));
  CHECK(*row(r, "cumul-2").commuter_share == Approx(0.8));
  // Theme santé: everything covered.
  req.theme = "sante";
  CHECK(*row(compute_rings(in, req), "ring-2").theme_coverage == Approx(1.0));
  // An unknown alliance id names the nearest ones.
  req.compare = {"lgne"};
  CHECK_THROWS_WITH(compute_rings(in, req), Catch::Contains("unknown alliance id 'lgne'") && Catch::Contains("ligne"));
}

namespace {
// The field and exit code of the request error compute_rings throws, and no command-line option in its message.
std::pair<std::string, ExitCode> request_error(const RingsInputs& in, const RingsRequest& req) {
  try {
    compute_rings(in, req);
  } catch (const RingsRequestError& e) {
    CHECK(std::string(e.what()).find("--") == std::string::npos);
    return {e.field, e.code()};
  }
  return {"", ExitCode::ok};
}
}  // namespace

TEST_CASE("errors: rings out of bounds, negative or repeated bands, unknown core, wrong level, out of scope") {
  Fixture f;
  RingsInputs in{f.base, f.rook, {}, {}};
  RingsRequest req;
  req.core = {test::grid_siren(4, 4)};
  req.rings = 0;
  CHECK(request_error(in, req) == std::pair<std::string, ExitCode>{"rings", ExitCode::usage});
  CHECK_THROWS_WITH(validate_request(req), Catch::Contains("between 1 and 50 (got 0)"));
  req.rings = max_rings + 1;
  CHECK(request_error(in, req) == std::pair<std::string, ExitCode>{"rings", ExitCode::usage});
  req.rings = 1;
  req.bands_km = {5, -2};
  CHECK_THROWS_WITH(compute_rings(in, req), Catch::Contains("-2"));
  CHECK(request_error(in, req) == std::pair<std::string, ExitCode>{"bands", ExitCode::usage});
  req.bands_km = {5, 5};
  CHECK(request_error(in, req) == std::pair<std::string, ExitCode>{"bands", ExitCode::usage});
  req.bands_km = {};
  // A code close to an existing SIREN: the nearest codes are suggested.
  req.core = {"290404001"};
  CHECK(request_error(in, req) == std::pair<std::string, ExitCode>{"core", ExitCode::data});
  CHECK_THROWS_WITH(compute_rings(in, req), Catch::Contains("nearest: ") && Catch::Contains(test::grid_siren(4, 4)));
  // A name instead of a code: nearest names.
  req.core = {"CC 4-4"};
  CHECK_THROWS_WITH(compute_rings(in, req), Catch::Contains("290404000 CC 4-4"));
  // A commune code at the EPCI level.
  req.core = {test::grid_code(4, 4)};
  CHECK_THROWS_WITH(compute_rings(in, req), Catch::Contains("it is a commune") && Catch::Contains("level commune"));
  CHECK(request_error(in, req) == std::pair<std::string, ExitCode>{"core", ExitCode::data});
  req.core = {test::grid_siren(4, 4)};
  req.compare = {"absente"};
  CHECK(request_error(in, req) == std::pair<std::string, ExitCode>{"compare", ExitCode::data});
}

TEST_CASE("rings stop at the first empty one (shown), with a note, however many are asked") {
  Fixture f;
  RingsInputs in{f.base, f.rook, {}, {}};
  RingsRequest req;
  req.core = {test::grid_siren(0, 0)};
  req.rings = max_rings;
  const RingsResult r = compute_rings(in, req);
  int rings = 0;
  for (const auto& row : r.rows) rings += row.family == Family::ring;
  CHECK(rings > 0);
  CHECK(rings < max_rings);
  // Only the last ring computed is empty.
  for (const auto& row : r.rows)
    if (row.family == Family::ring) CHECK(row.members.empty() == (row.k == rings));
  REQUIRE_FALSE(r.notes.empty());
  CHECK_THAT(r.notes.front(), Catch::Contains("is empty") && Catch::Contains("not computed"));
}

TEST_CASE("a core outside the loaded scope names the scope that holds it", "[data]") {
  // Needs the national lists of the sources folder (decoupage-administratif).
  if (!std::filesystem::exists(sources::cog_dir(paths::sources()) / "epci.json")) {
    WARN("sources folder not found: skipped");
    return;
  }
  Fixture f;
  RingsRequest req;
  req.core = {"200054781"};  // Métropole du Grand Paris
  CHECK_THROWS_WITH(compute_rings({f.base, f.rook, {}, {}}, req),
                    Catch::Contains("Métropole du Grand Paris") && Catch::Contains("scope france"));
  req.core = {"244400404"};  // Nantes Métropole: in Loire-Bretagne, absent from this grid
  CHECK_THROWS_WITH(compute_rings({f.base, f.rook, {}, {}}, req), Catch::Contains("held by scope loire-bretagne"));
}

TEST_CASE("GeoPackage export: one layer per family with figures and styles") {
  Fixture f;
  RingsRequest req;
  req.core = {test::grid_siren(4, 4)};
  req.rings = 2;
  req.bands_km = {1};
  req.zonings = {Zoning::aav};
  RingsInputs in{f.base, f.rook, {}, {}};
  RingsResult r = compute_rings(in, req);
  compute_outlines(in, r);
  const test::ScratchDir scratch("test-rings-export");
  const auto& dir = scratch.path();
  const auto file = dir / "rings.gpkg";
  write_rings_gpkg(r, file);
  const auto layers = geo::layer_names(file);
  for (const char* l : {"rings", "bands", "band_buffers", "zonings", "alliances", "overlaps", "layer_styles"})
    CHECK(std::find(layers.begin(), layers.end(), l) != layers.end());
  geo::ReadOptions o;
  o.layer = "rings";
  const auto rings = geo::read_features(file, o);
  REQUIRE(rings.size() == 5);  // core, 2 rings, 2 cumulative
  CHECK(rings[0].text("name").rfind("Cœur", 0) == 0);
  CHECK(rings[1].integer("population_municipale") == row(r, "ring-1").figures.population_municipale);
  CHECK(rings[1].geometry.area() == Approx(4e6).epsilon(1e-6));
  o.layer = "layer_styles";
  o.read_geometry = false;
  CHECK(geo::read_features(file, o).size() == 5);
}
