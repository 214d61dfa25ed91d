#include "model/perimeter.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <map>
#include <memory>
#include <iterator>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "geo/contiguity.hpp"
#include "geo/dissolve.hpp"

namespace cartes::model {

namespace {

// Progress is not thread-safe (StreamProgress writes a line): serialise it.
class LockedProgress {
 public:
  LockedProgress(Progress* p, std::size_t total) : p_(p), total_(total) {}
  void tick() {
    if (!p_) return;
    std::lock_guard lock(mutex_);
    ++done_;
    p_->advance(total_ ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0);
  }
  void check_cancelled() const {
    if (p_ && p_->cancelled()) throw Error(ExitCode::internal, "cancelled");
  }

 private:
  Progress* p_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::mutex mutex_;
};

struct Dissolved {
  geo::Geometry geometry;
  bool fell_back = false;
};

// The fewest disjoint pieces that tile a set of communes: whole régions,
// départements and EPCI of the base whose communes all belong to the set,
// then the communes left over. Their geometries are dissolves of the same
// commune polygons, so the pieces still form a coverage; a région-wide
// alliance then unites 2 polygons instead of 2,430 communes (BENCHMARKS.md).
std::vector<const geo::Geometry*> coarse_pieces(const TerritoryBase& base, const std::vector<std::size_t>& communes) {
  const auto& layer = base.layer(Level::commune);
  std::vector<char> left(layer.size(), 0);
  for (std::size_t i : communes) left[i] = 1;
  std::set<std::string> regions, departements, epci;
  for (std::size_t i : communes) {
    regions.insert(layer[i].region);
    departements.insert(layer[i].departements.begin(), layer[i].departements.end());
    epci.insert(layer[i].epci);
  }
  std::vector<const geo::Geometry*> pieces;
  auto take = [&](Level level, const std::string& code) {
    const Territory* t = code.empty() ? nullptr : base.find(level, code);
    if (!t || t->geometry.is_empty() || t->communes.empty()) return;
    const auto idx = base.commune_indices(*t);
    if (idx.size() != t->communes.size()) return;  // some of its communes are not in this base
    if (!std::all_of(idx.begin(), idx.end(), [&](std::size_t i) { return left[i] != 0; })) return;
    for (std::size_t i : idx) left[i] = 0;
    pieces.push_back(&t->geometry);
  };
  for (const auto& code : regions) take(Level::region, code);
  for (const auto& code : departements) take(Level::departement, code);
  for (const auto& code : epci) take(Level::epci, code);
  for (std::size_t i : communes)
    if (left[i] && !layer[i].geometry.is_empty()) pieces.push_back(&layer[i].geometry);
  return pieces;
}

// Dissolves already computed in one call, by commune set: three alliances of
// the whole of Bretagne and Pays de la Loire need that union only once. The
// first thread to ask computes; the others wait on its future.
class DissolveCache {
 public:
  template <typename F>
  Dissolved get(const std::vector<std::size_t>& communes, F&& compute) {
    std::promise<std::shared_ptr<const Dissolved>> promise;
    std::shared_future<std::shared_ptr<const Dissolved>> future;
    bool mine = false;
    {
      std::lock_guard lock(mutex_);
      auto it = entries_.find(communes);
      if (it == entries_.end()) {
        future = promise.get_future().share();
        entries_.emplace(communes, future);
        mine = true;
      } else {
        future = it->second;
      }
    }
    if (mine) {
      try {
        promise.set_value(std::make_shared<const Dissolved>(compute()));
      } catch (...) {
        promise.set_exception(std::current_exception());
      }
    }
    const auto& d = *future.get();
    return {d.geometry.clone(), d.fell_back};
  }

 private:
  std::mutex mutex_;
  std::map<std::vector<std::size_t>, std::shared_future<std::shared_ptr<const Dissolved>>> entries_;
};

Dissolved dissolve_communes(const TerritoryBase& base, const std::vector<std::size_t>& communes) {
  const auto pieces = coarse_pieces(base, communes);
  // Coverage union pays off on many small pieces; on a few large ones (two
  // régions) its check failed and the unary union ran after it anyway.
  geo::DissolveOptions options;
  options.try_coverage_union = pieces.size() > 32;
  auto r = geo::dissolve(pieces, options);
  return {r.geometry.as_multipolygon(), r.fell_back};
}

}  // namespace

int count_parts(std::span<const geo::Geometry* const> pieces, double tolerance_m) {
  const std::size_t n = pieces.size();
  if (n <= 1) return static_cast<int>(n);
  // Union-find over the pieces closer than the tolerance (STRtree envelope pairs first).
  std::vector<std::size_t> parent(n);
  for (std::size_t i = 0; i < n; ++i) parent[i] = i;
  auto root = [&parent](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  int groups = static_cast<int>(n);
  for (const auto& [i, j] : geo::envelope_pairs(pieces, tolerance_m)) {
    if (root(i) == root(j)) continue;
    if (pieces[i]->distance(*pieces[j]) <= tolerance_m) {
      parent[root(i)] = root(j);
      --groups;
    }
  }
  return groups;
}

namespace {

Perimeter perimeter_of(const TerritoryBase& base, const Alliance& alliance, DissolveCache& cache) {
  Perimeter p;
  p.alliance_id = alliance.id;
  for (const auto& m : alliance.members) {
    const Territory* t = base.find(m.level, m.code);
    if (!t) {
      p.missing.push_back(m.code);
      continue;
    }
    auto idx = base.commune_indices(*t);
    p.communes.insert(p.communes.end(), idx.begin(), idx.end());
  }
  std::sort(p.communes.begin(), p.communes.end());
  p.communes.erase(std::unique(p.communes.begin(), p.communes.end()), p.communes.end());
  const auto& communes = base.layer(Level::commune);
  std::set<std::string> epci;
  for (std::size_t i : p.communes) {
    p.population_municipale += communes[i].population_municipale;
    p.population_totale += communes[i].population_totale;
    if (!communes[i].epci.empty()) epci.insert(communes[i].epci);
  }
  p.epci.assign(epci.begin(), epci.end());
  auto d = cache.get(p.communes, [&] { return dissolve_communes(base, p.communes); });
  p.geometry = std::move(d.geometry);
  p.dissolve_fell_back = d.fell_back;
  p.area_km2 = p.geometry.is_empty() ? 0.0 : p.geometry.area() / 1e6;
  p.polygons = p.geometry.is_empty() ? 0 : p.geometry.part_count();
  std::vector<const geo::Geometry*> pieces;
  pieces.reserve(p.communes.size());
  for (std::size_t i : p.communes)
    if (!communes[i].geometry.is_empty()) pieces.push_back(&communes[i].geometry);
  p.parts = count_parts(pieces, parts_tolerance_m);
  return p;
}

}  // namespace

std::vector<Perimeter> compute_perimeters(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                          Progress* progress, unsigned threads) {
  if (progress) progress->step("alliance perimeters");
  std::vector<Perimeter> out(alliances.size());
  LockedProgress lp(progress, alliances.size());
  DissolveCache cache;
  parallel_for(alliances.size(), threads, [&](std::size_t i) {
    lp.check_cancelled();
    out[i] = perimeter_of(base, alliances[i], cache);
    lp.tick();
  });
  return out;
}

std::vector<Overlap> compute_overlaps(const TerritoryBase& base, const std::vector<Perimeter>& perimeters) {
  // Through the communes: each alliance meets only those covering one of its
  // communes, and the figures are summed as it goes (no list of shared
  // communes, no geometry): memory grows with the overlaps, not with pairs
  // times communes.
  const auto& communes = base.layer(Level::commune);
  std::vector<std::vector<std::uint32_t>> covering(communes.size());  // commune -> alliances, ascending
  for (std::size_t p = 0; p < perimeters.size(); ++p)
    for (std::size_t c : perimeters[p].communes) covering[c].push_back(static_cast<std::uint32_t>(p));
  std::vector<Overlap> out;
  std::vector<Overlap> with(perimeters.size());  // per b, the figures shared with the current a
  std::vector<std::uint32_t> met;
  for (std::size_t a = 0; a < perimeters.size(); ++a) {
    met.clear();
    for (std::size_t c : perimeters[a].communes)
      for (std::uint32_t b : covering[c]) {
        if (b <= a) continue;
        Overlap& o = with[b];
        if (o.communes == 0) met.push_back(b);
        ++o.communes;
        o.area_km2 += communes[c].area_km2;
        o.population_municipale += communes[c].population_municipale;
        o.population_totale += communes[c].population_totale;
      }
    std::sort(met.begin(), met.end());
    for (std::uint32_t b : met) {
      Overlap& o = with[b];
      o.a = a;
      o.b = b;
      out.push_back(o);
      o = Overlap{};
    }
  }
  return out;
}

std::vector<std::size_t> shared_communes(const Perimeter& a, const Perimeter& b) {
  std::vector<std::size_t> out;
  std::set_intersection(a.communes.begin(), a.communes.end(), b.communes.begin(), b.communes.end(),
                        std::back_inserter(out));
  return out;
}

geo::Geometry overlap_geometry(const TerritoryBase& base, const std::vector<Perimeter>& perimeters,
                               const Overlap& o) {
  const std::vector<std::size_t> shared = shared_communes(perimeters[o.a], perimeters[o.b]);
  // One perimeter inside the other (every alliance inside a région-wide one): its geometry is the overlap.
  if (shared == perimeters[o.a].communes) return perimeters[o.a].geometry.clone();
  if (shared == perimeters[o.b].communes) return perimeters[o.b].geometry.clone();
  return dissolve_communes(base, shared).geometry;
}

namespace {
// FNV-1a over the commune indices: a key for a set of communes.
std::uint64_t hash_of(const std::vector<std::size_t>& communes) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t c : communes) {
    h ^= static_cast<std::uint64_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}
}  // namespace

void for_each_overlap_geometry(const TerritoryBase& base, const std::vector<Perimeter>& perimeters,
                               const std::vector<Overlap>& overlaps, unsigned threads,
                               const std::function<void(std::size_t, const geo::Geometry&)>& fn) {
  // Pass 1: the last overlap using each distinct set (by hash), so its geometry can be dropped after it.
  std::unordered_map<std::uint64_t, std::size_t> last_use;
  for (std::size_t i = 0; i < overlaps.size(); ++i)
    last_use[hash_of(shared_communes(perimeters[overlaps[i].a], perimeters[overlaps[i].b]))] = i;

  struct Made {
    std::vector<std::size_t> communes;  // to tell a hash collision from a reuse
    geo::Geometry geometry;
  };
  std::unordered_map<std::uint64_t, Made> made;
  constexpr std::size_t batch = 512;
  for (std::size_t first = 0; first < overlaps.size(); first += batch) {
    const std::size_t n = std::min(batch, overlaps.size() - first);
    std::vector<std::vector<std::size_t>> shared(n);
    std::vector<std::uint64_t> keys(n);
    std::vector<std::size_t> todo;        // batch positions whose geometry is made here
    std::vector<geo::Geometry> own(n);     // geometries of hash collisions, made apart
    std::vector<std::size_t> collisions;
    for (std::size_t k = 0; k < n; ++k) {
      const Overlap& o = overlaps[first + k];
      shared[k] = shared_communes(perimeters[o.a], perimeters[o.b]);
      keys[k] = hash_of(shared[k]);
      auto [it, inserted] = made.try_emplace(keys[k]);
      if (inserted) {
        it->second.communes = shared[k];
        todo.push_back(k);
      } else if (it->second.communes != shared[k]) {
        collisions.push_back(k);
      }
    }
    // References into `made` stay valid: no insertion happens while the workers run.
    std::vector<Made*> targets;
    for (std::size_t k : todo) targets.push_back(&made.at(keys[k]));
    parallel_for(todo.size() + collisions.size(), threads, [&](std::size_t j) {
      if (j < todo.size()) targets[j]->geometry = overlap_geometry(base, perimeters, overlaps[first + todo[j]]);
      else own[collisions[j - todo.size()]] = overlap_geometry(base, perimeters, overlaps[first + collisions[j - todo.size()]]);
    });
    std::size_t next_collision = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t i = first + k;
      const bool collided = next_collision < collisions.size() && collisions[next_collision] == k;
      if (collided) {
        ++next_collision;
        fn(i, own[k]);
        own[k] = geo::Geometry();
        continue;
      }
      fn(i, made.at(keys[k]).geometry);
      if (last_use.at(keys[k]) == i) made.erase(keys[k]);
    }
  }
}

namespace {
// Counts, for each territory of a level, the alliances covering it: `indices`
// gives the territory indices (into out) an alliance's perimeter covers.
template <typename Coverage, typename Indices>
std::vector<Coverage> count_coverage(std::size_t n, const std::vector<Alliance>& alliances,
                                     const std::vector<Perimeter>& perimeters, Indices&& indices) {
  std::vector<Coverage> out(n);
  for (std::size_t a = 0; a < perimeters.size() && a < alliances.size(); ++a)
    for (std::size_t i : indices(perimeters[a])) {
      ++out[i].total;
      for (const auto& theme : alliances[a].themes) ++out[i].by_theme[theme];
    }
  return out;
}
}  // namespace

std::vector<CommuneCoverage> compute_coverage(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                              const std::vector<Perimeter>& perimeters) {
  auto out = count_coverage<CommuneCoverage>(base.layer(Level::commune).size(), alliances, perimeters,
                                             [](const Perimeter& p) { return p.communes; });
  for (std::size_t i = 0; i < out.size(); ++i) out[i].commune = i;
  return out;
}

std::vector<EpciCoverage> compute_epci_coverage(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                                const std::vector<Perimeter>& perimeters) {
  auto out = count_coverage<EpciCoverage>(base.layer(Level::epci).size(), alliances, perimeters,
                                          [&base](const Perimeter& p) {
                                            std::vector<std::size_t> idx;
                                            for (const auto& siren : p.epci)
                                              if (auto i = base.index_of(Level::epci, siren)) idx.push_back(*i);
                                            return idx;
                                          });
  for (std::size_t i = 0; i < out.size(); ++i) out[i].epci = i;
  return out;
}

}  // namespace cartes::model
