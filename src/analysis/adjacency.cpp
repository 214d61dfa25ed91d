#include "analysis/adjacency.hpp"

#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <vector>

#include <unistd.h>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace cartes::analysis {
namespace fs = std::filesystem;

namespace {

constexpr char magic[8] = {'C', 'A', 'R', 'T', 'A', 'D', 'J', '1'};

struct Key {
  std::uint64_t base_size = 0;
  std::int64_t base_mtime_ns = 0;
  std::int32_t level = 0, mode = 0;
  double min_length = 0, tolerance = 0;
  std::uint64_t count = 0;
  std::uint64_t codes_hash = 0;
  bool operator==(const Key&) const = default;
};

std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t codes_hash(const model::TerritoryBase& base, model::Level level) {
  std::uint64_t h = 14695981039346656037ull;
  for (const auto& t : base.layer(level)) h = fnv1a(fnv1a(h, t.code), "\n");
  return h;
}

template <class T>
void put(std::ostream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}
template <class T>
bool get(std::istream& in, T& v) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&v), sizeof v));
}
template <class T>
void put_vector(std::ostream& out, const std::vector<T>& v) {
  put(out, static_cast<std::uint64_t>(v.size()));
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}
template <class T>
bool get_vector(std::istream& in, std::vector<T>& v, std::uint64_t max) {
  std::uint64_t n = 0;
  if (!get(in, n) || n > max) return false;
  v.resize(n);
  return static_cast<bool>(in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T))));
}

void write_key(std::ostream& out, const Key& k) {
  put(out, k.base_size);
  put(out, k.base_mtime_ns);
  put(out, k.level);
  put(out, k.mode);
  put(out, k.min_length);
  put(out, k.tolerance);
  put(out, k.count);
  put(out, k.codes_hash);
}
bool read_key(std::istream& in, Key& k) {
  return get(in, k.base_size) && get(in, k.base_mtime_ns) && get(in, k.level) && get(in, k.mode) &&
         get(in, k.min_length) && get(in, k.tolerance) && get(in, k.count) && get(in, k.codes_hash);
}

// nullopt when the base file cannot be stat'ed (then no file cache).
std::optional<Key> key_of(const fs::path& base_file, const model::TerritoryBase& base, model::Level level,
                          const geo::ContiguityOptions& o) {
  std::error_code ec;
  const auto size = fs::file_size(base_file, ec);
  if (ec) return std::nullopt;
  const auto mtime = fs::last_write_time(base_file, ec);
  if (ec) return std::nullopt;
  Key k;
  k.base_size = size;
  k.base_mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
  k.level = static_cast<std::int32_t>(level);
  k.mode = static_cast<std::int32_t>(o.mode);
  k.min_length = o.mode == geo::Adjacency::rook ? o.min_shared_length : 0;
  k.tolerance = o.snap_tolerance;
  k.count = base.layer(level).size();
  k.codes_hash = codes_hash(base, level);
  return k;
}

std::optional<geo::ContiguityGraph> read_cache(const fs::path& file, const Key& want) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  char m[sizeof magic];
  Key have;
  if (!in.read(m, sizeof m) || std::memcmp(m, magic, sizeof m) != 0 || !read_key(in, have) || !(have == want))
    return std::nullopt;
  geo::ContiguityGraph g;
  const std::uint64_t max_edges = want.count * want.count;
  if (!get_vector(in, g.offsets, want.count + 1) || !get_vector(in, g.targets, max_edges) ||
      !get_vector(in, g.shared_length, max_edges))
    return std::nullopt;
  // A structurally wrong file is treated as stale, never trusted.
  if (g.offsets.size() != want.count + 1 || g.offsets.front() != 0 || g.offsets.back() != g.targets.size() ||
      g.shared_length.size() != g.targets.size())
    return std::nullopt;
  for (std::size_t i = 0; i + 1 < g.offsets.size(); ++i)
    if (g.offsets[i] > g.offsets[i + 1]) return std::nullopt;
  for (auto t : g.targets)
    if (t >= want.count) return std::nullopt;
  return g;
}

// A cache that cannot be written is no error (the graph is recomputed next
// time), but it never leaves a half-written file.
bool write_cache(const fs::path& file, const Key& key, const geo::ContiguityGraph& g) {
  std::ostringstream out(std::ios::binary);
  out.write(magic, sizeof magic);
  write_key(out, key);
  put_vector(out, g.offsets);
  put_vector(out, g.targets);
  put_vector(out, g.shared_length);
  try {
    write_file_atomically(file, out.str());
    return true;
  } catch (const OutputError&) {
    return false;
  }
}

}  // namespace

geo::ContiguityGraph compute_adjacency(const model::TerritoryBase& base, model::Level level,
                                       const geo::ContiguityOptions& options, Progress* progress,
                                       geo::ContiguityStats* stats) {
  const auto& layer = base.layer(level);
  std::vector<const geo::Geometry*> geoms;
  geoms.reserve(layer.size());
  for (const auto& t : layer) geoms.push_back(&t.geometry);
  return geo::contiguity(geoms, options, progress, stats);
}

fs::path AdjacencyCache::cache_file(model::Level level, geo::Adjacency mode) const {
  if (base_file_.empty()) return {};
  return base_file_.parent_path() / (base_file_.stem().string() + ".contiguity-" +
                                     std::string(model::level_name(level)) + "-" +
                                     (mode == geo::Adjacency::rook ? "rook" : "queen") + ".bin");
}

std::shared_ptr<const geo::ContiguityGraph> AdjacencyCache::graph(const model::TerritoryBase& base,
                                                                  model::Level level,
                                                                  const geo::ContiguityOptions& options,
                                                                  Progress* progress, GraphSource* source) {
  GraphSource local;
  GraphSource& src = source ? *source : local;
  src = GraphSource{};
  const auto mkey = std::make_tuple(static_cast<int>(level), static_cast<int>(options.mode),
                                    options.mode == geo::Adjacency::rook ? options.min_shared_length : 0.0,
                                    options.snap_tolerance);
  std::lock_guard lock(mutex_);
  if (auto it = memory_.find(mkey); it != memory_.end() && it->second->size() == base.layer(level).size()) {
    src.from_memory = true;
    return it->second;
  }
  std::optional<Key> fkey;
  const fs::path file = cache_file(level, options.mode);
  if (!file.empty()) fkey = key_of(base_file_, base, level, options);
  if (fkey) {
    if (auto g = read_cache(file, *fkey)) {
      src.from_file = true;
      src.file = file;
      auto shared = std::make_shared<const geo::ContiguityGraph>(std::move(*g));
      memory_[mkey] = shared;
      return shared;
    }
  }
  auto shared = std::make_shared<const geo::ContiguityGraph>(compute_adjacency(base, level, options, progress, &src.stats));
  if (fkey && write_cache(file, *fkey, *shared)) {
    src.file_written = true;
    src.file = file;
  }
  memory_[mkey] = shared;
  return shared;
}

}  // namespace cartes::analysis
