#pragma once
// The contiguity graph of one level of a territory base, computed once and
// cached: in memory for the session, and in a file beside the base GeoPackage
// so the next run reads it instead of recomputing.
//
// Cache file: <base folder>/<base stem>.contiguity-<level>-<rook|queen>.bin,
// valid only while its key matches: the base file's size and modification time
// (nanoseconds), the level, the mode, the two tolerances, the number of
// territories and a hash of their codes in layer order. It is written to a
// temporary file in the same folder and renamed over the target (atomic: a
// reader never sees half a file); a folder that cannot be written only means
// no file cache (the graph is still returned). A stale or unreadable file is
// recomputed and replaced.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "core/progress.hpp"
#include "geo/contiguity.hpp"
#include "model/territory.hpp"

namespace cartes::analysis {

struct GraphSource {
  bool from_memory = false;
  bool from_file = false;
  bool file_written = false;
  std::filesystem::path file;  // the cache file used or written (empty: none)
  geo::ContiguityStats stats;  // when computed
};

class AdjacencyCache {
 public:
  // `base_file`: the GeoPackage the base was loaded from; empty for a base
  // built in memory (then only the memory cache is used).
  explicit AdjacencyCache(std::filesystem::path base_file = {}) : base_file_(std::move(base_file)) {}

  // Thread-safe; the graph's node i is base.layer(level)[i].
  std::shared_ptr<const geo::ContiguityGraph> graph(const model::TerritoryBase& base, model::Level level,
                                                    const geo::ContiguityOptions& options,
                                                    Progress* progress = nullptr, GraphSource* source = nullptr);

  std::filesystem::path cache_file(model::Level level, geo::Adjacency mode) const;

 private:
  std::filesystem::path base_file_;
  std::mutex mutex_;
  std::map<std::tuple<int, int, double, double>, std::shared_ptr<const geo::ContiguityGraph>> memory_;
};

// Computes the graph of one level without any cache.
geo::ContiguityGraph compute_adjacency(const model::TerritoryBase& base, model::Level level,
                                       const geo::ContiguityOptions& options, Progress* progress = nullptr,
                                       geo::ContiguityStats* stats = nullptr);

}  // namespace cartes::analysis
