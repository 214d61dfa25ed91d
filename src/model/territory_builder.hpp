#pragma once
// Building the territory base from the official sources (`cartes build`).
//
// Inputs, relative to the sources folder (see ../shared/geodata/SOURCES.md):
//   raw/mathieulebasic-france-geojson-2024/communes/depXX.geojson  commune polygons, COG 2024
//   raw/decoupage-administratif-6.0.0/{communes,epci,departements,regions}.json  COG 2025
//   raw/cogugaison-supracom/table_supracom_2024.csv  AAV 2020, BV 2022, ZE 2020 (COG 2024 codes)
//   raw/cogugaison-supracom/table_supracom_2023.csv  CATEAAV2020 (COG 2023 codes)
//   derived/pays_bretagne_epci.csv                    Breton pays membership by EPCI
//   raw/region-bretagne-mviewer-apps/pays_simple_2023.geojson  Breton pays names, cross-check
// and, from the project's own geodata/ folder:
//   commune_mergers.csv         simple mergers (old code -> new code) that COG 2025 does
//                               not list as delegated communes, each with its source
//   pays_pays_de_la_loire.csv   pays/PETR of Pays de la Loire -> member EPCI
//
// Codes are re-keyed to COG 2025 in code: a 2024 code that is a delegated or
// associated commune in 2025 goes to its chefLieu; a code of commune_mergers.csv
// to its successor; polygons that then share a code are merged. Anything else
// is an unknown code (DataError naming the file, feature and code).
//
// The layers it produces are described in territory_schema.hpp.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/problems.hpp"
#include "core/progress.hpp"
#include "model/territory.hpp"

namespace cartes::model {

// The sources, their layout, the scopes and the re-keying of old codes are
// in src/sources.
struct BuildOptions {
  std::string scope = "loire-bretagne";  // or "france"
  std::filesystem::path sources;         // the folder holding raw/ and derived/
  std::filesystem::path project_data;    // the project's geodata/ (rule and pays tables)
  unsigned threads = 2;                  // dissolve and read workers
  // Cut the overlaps between communes of neighbouring départements (see
  // geo/overlaps.hpp). Off only to prepare benchmark input "as in the
  // sources": dissolved areas then exceed the sums of the communes' areas.
  bool cut_overlaps = true;
};

// Builds the base. Data-quality findings (codes re-keyed, polygons merged,
// geometries repaired, dissolve fallbacks, communes without EPCI) go to
// `report`; unreadable or inconsistent input throws (InputError / DataError).
TerritoryBase build_territory_base(const BuildOptions& options, ProblemReporter& report, Progress& progress);

}  // namespace cartes::model
