#pragma once
// Home-to-work commuting flows between communes. The only source at hand is
// the INSEE RP 2016 sample for Ille-et-Vilaine published by BetaGouv-Mviewer
// (flows of at least 100 workers, homes in 35 and a few neighbours): a demo,
// not a complete flow table — every figure made from it says so.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/problems.hpp"
#include "model/territory.hpp"
#include "sources/rekeying.hpp"

namespace cartes::analysis {

struct CommuteFlow {
  std::size_t home = 0, work = 0;  // commune indices in the base
  std::int64_t workers = 0;
};

struct CommuteFlows {
  std::string vintage = "RP 2016";
  std::int64_t threshold = 100;       // flows below it are absent from the source
  std::vector<CommuteFlow> flows;     // re-keyed to the base's communes
  std::vector<std::string> unmatched; // source codes found neither in the base nor in the re-keying table
  std::size_t rekeyed = 0;            // source codes replaced by their current commune
};

// Reads a flows GeoJSON with fields CODGEO (home), DCLT (work) and NBFLUX_C16
// (geo::read_features). Codes absent from the base are re-keyed with
// `rekeying` (sources/rekeying.hpp: chef-lieu and merger table), and reported to `problems` when still unknown (kind
// "flow_code_unmatched"). Throws InputError when the file cannot be read.
CommuteFlows load_commute_flows(const std::filesystem::path& geojson, const model::TerritoryBase& base,
                                const sources::CommuneRekeying& rekeying,
                                ProblemReporter* problems = nullptr);

}  // namespace cartes::analysis
