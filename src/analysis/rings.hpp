#pragma once
// Concentric perimeters around a core (one or several territories of a level)
// compared side by side:
//   - contiguity rings k = 1..n (breadth-first on the contiguity graph) and
//     the cumulative perimeter up to k;
//   - distance bands: the territories within d km of the core's boundary, by
//     centroid or by any part (exact GEOS distance), with the d-km buffer of
//     the core kept for drawing;
//   - INSEE catchments of the core's communes: the AAV 2020 (whole, pôle,
//     couronne, from CATEAAV2020), the zone d'emploi 2020, the bassin de vie
//     2022 — each the one holding most of the core's population;
//   - alliances of the catalogue.
// Every perimeter is a set of whole communes, so populations, areas and
// overlaps (intersection over union by population and by area) are exact
// sums over communes, with no geometry; outlines are dissolved separately
// (compute_outlines) for drawing and export.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/flows.hpp"
#include "core/error.hpp"
#include "geo/contiguity.hpp"
#include "model/alliance.hpp"
#include "model/perimeter.hpp"
#include "model/territory.hpp"

namespace cartes::analysis {

enum class BandMode { centroid, any_part };
enum class Zoning { aav, ze, bv };

std::string_view to_string(BandMode);
std::string_view to_string(Zoning);
std::optional<Zoning> parse_zoning(std::string_view);

struct RingsRequest {
  std::vector<std::string> core;  // codes at `level`
  model::Level level = model::Level::epci;
  int rings = 3;
  geo::Adjacency adjacency = geo::Adjacency::rook;
  std::vector<double> bands_km;
  BandMode band_mode = BandMode::centroid;
  std::vector<Zoning> zonings;
  std::vector<std::string> compare;  // alliance ids
  std::string theme = "mobilite";
};

enum class Family { core, ring, cumulative, band, zoning, alliance };
std::string_view to_string(Family);

struct Figures {
  std::int64_t population_municipale = 0;
  double area_km2 = 0;
  std::size_t communes = 0;
  std::size_t epci = 0;  // distinct EPCI of its communes
};

struct PerimeterRow {
  Family family = Family::core;
  std::string id;    // stable, ASCII: "core", "ring-1", "cumul-2", "band-10km", "aav-008-pole", "alliance-<id>"
  std::string name;  // French label: "Anneau 1", "Bande 10 km", "AAV 2020 Nantes (pôle)"...
  int k = 0;                       // rings: k; cumulative: up to k
  double distance_km = 0;          // bands
  std::string zoning_code;         // zonings: INSEE code
  std::vector<std::string> members;  // codes at the request level (zonings, alliances: empty)
  std::vector<std::size_t> communes; // indices into base.layer(commune), sorted, unique
  Figures figures;
  std::optional<double> theme_coverage;  // share of its population covered by alliances of the theme
  std::optional<double> aav_capture;     // share of the core's AAV population inside it
  std::optional<double> commuter_share;  // share of the core's incoming commuters living here
  geo::Geometry geometry;  // compute_outlines(): dissolved perimeter
  geo::Geometry buffer;    // bands: the core buffered by distance_km
};

struct OverlapRow {
  std::size_t a = 0, b = 0;  // indices into RingsResult::rows
  double iou_population = 0, iou_area = 0;
  std::int64_t shared_population = 0;
  double shared_area_km2 = 0;
};

struct CommuterSummary {
  std::string vintage = "RP 2016, flux ≥ 100 actifs";
  std::int64_t to_core = 0;         // workers whose work commune is in the core (known flows)
  std::int64_t from_core = 0;       // ... of them living in the core
  std::int64_t beyond_rings = 0;    // ... living outside the last ring
  std::vector<std::string> unmatched;  // flow codes absent from the base after re-keying
};

struct RingsResult {
  std::vector<std::string> core;  // codes
  model::Level level = model::Level::epci;
  geo::Adjacency adjacency = geo::Adjacency::rook;
  std::string theme;
  std::string aav_code, aav_name;   // the core's AAV (most of its population)
  std::vector<PerimeterRow> rows;   // core, rings, cumulative, bands, zonings, alliances in that order
  std::vector<OverlapRow> overlaps; // every pair of core, cumulative, band, zoning and alliance rows
  std::vector<std::string> islands; // territories of the level without neighbours
  std::vector<std::string> notes;   // e.g. "ring 3 is empty: the rings reached the whole base"
  std::optional<CommuterSummary> commuters;
};

// The INSEE labels of zonings (libelles_supracom_2024.csv): (kind, code) -> name,
// kind being "AAV2020", "ZE2020", "BV2022". Missing file: empty map.
using ZoningLabels = std::map<std::pair<std::string, std::string>, std::string>;
ZoningLabels load_zoning_labels(const std::filesystem::path& csv);

struct RingsInputs {
  const model::TerritoryBase& base;
  const geo::ContiguityGraph& graph;            // of request.level
  std::span<const model::Alliance> alliances;   // the catalogue (may be empty)
  std::span<const model::Perimeter> perimeters; // compute_perimeters() of them
  const ZoningLabels* labels = nullptr;
  const CommuteFlows* flows = nullptr;
};

// At most this many rings: a planner compares a few; each ring adds a
// cumulative perimeter and its overlaps with every other one.
constexpr int max_rings = 50;

// A wrong request. Its message speaks of the request (what the viewer's panel
// shows); `field` names the request's member at fault ("core", "level",
// "rings", "bands", "compare"), for a front end to point at its own control
// or option. Usage (exit 2) for impossible values, data (exit 4) for codes
// or ids the base or the catalogue does not hold.
struct RingsRequestError : Error {
  RingsRequestError(ExitCode code, std::string at, std::string message)
      : Error(code, std::move(message)), field(std::move(at)) {}
  std::string field;
};

// The checks that need no data: level, rings in [1, max_rings], band
// distances zero or positive and distinct, a non-empty core. Shared by the
// CLI (before loading anything), the panel and compute_rings.
void validate_request(const RingsRequest& request);

// validate_request, then the rings. Rings stop at the first empty one (the
// core's connected territories are exhausted), with a note.
// RingsRequestError for an unknown core code or alliance id.
RingsResult compute_rings(const RingsInputs& in, const RingsRequest& request);

// Indices of the core codes at `level`. Throws RingsRequestError (data) naming the code, with
// the nearest names or codes, or the scope that holds it (see core_lookup.hpp).
std::vector<std::size_t> resolve_core(const model::TerritoryBase& base, model::Level level,
                                      std::span<const std::string> codes);

// Dissolves every row into its outline (geometry), and buffers the core for
// bands. Separate from compute_rings because it is the slow part.
void compute_outlines(const RingsInputs& in, RingsResult& result);

}  // namespace cartes::analysis
