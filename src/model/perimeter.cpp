#include "model/perimeter.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <mutex>
#include <set>
#include <thread>

#include "core/error.hpp"
#include "geo/contiguity.hpp"
#include "geo/dissolve.hpp"

namespace cartes::model {

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= n || failed.load()) return;
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        failed.store(true);
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  if (first_error) std::rethrow_exception(first_error);
}

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

Dissolved dissolve_communes(const TerritoryBase& base, const std::vector<std::size_t>& communes) {
  const auto& layer = base.layer(Level::commune);
  std::vector<const geo::Geometry*> parts;
  parts.reserve(communes.size());
  for (std::size_t i : communes)
    if (!layer[i].geometry.is_empty()) parts.push_back(&layer[i].geometry);
  auto r = geo::dissolve(parts);
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

Perimeter perimeter_of(const TerritoryBase& base, const Alliance& alliance) {
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
  auto d = dissolve_communes(base, p.communes);
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
  parallel_for(alliances.size(), threads, [&](std::size_t i) {
    lp.check_cancelled();
    out[i] = perimeter_of(base, alliances[i]);
    lp.tick();
  });
  return out;
}

std::vector<Overlap> compute_overlaps(const TerritoryBase& base, [[maybe_unused]] const std::vector<Alliance>& alliances,
                                      const std::vector<Perimeter>& perimeters, unsigned threads) {
  // Shared communes first (cheap, sorted intersections), geometry only for the pairs that share some.
  std::vector<Overlap> out;
  for (std::size_t a = 0; a < perimeters.size(); ++a)
    for (std::size_t b = a + 1; b < perimeters.size(); ++b) {
      Overlap o;
      o.a = a;
      o.b = b;
      std::set_intersection(perimeters[a].communes.begin(), perimeters[a].communes.end(),
                            perimeters[b].communes.begin(), perimeters[b].communes.end(),
                            std::back_inserter(o.communes));
      if (!o.communes.empty()) out.push_back(std::move(o));
    }
  const auto& communes = base.layer(Level::commune);
  parallel_for(out.size(), threads, [&](std::size_t k) {
    Overlap& o = out[k];
    for (std::size_t i : o.communes) {
      o.population_municipale += communes[i].population_municipale;
      o.population_totale += communes[i].population_totale;
    }
    o.geometry = dissolve_communes(base, o.communes).geometry;
    o.area_km2 = o.geometry.is_empty() ? 0.0 : o.geometry.area() / 1e6;
  });
  return out;
}

std::vector<CommuneCoverage> compute_coverage(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                              const std::vector<Perimeter>& perimeters) {
  std::vector<CommuneCoverage> out(base.layer(Level::commune).size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i].commune = i;
  for (std::size_t a = 0; a < perimeters.size() && a < alliances.size(); ++a)
    for (std::size_t c : perimeters[a].communes) {
      ++out[c].total;
      for (const auto& theme : alliances[a].themes) ++out[c].by_theme[theme];
    }
  return out;
}

std::vector<EpciCoverage> compute_epci_coverage(const TerritoryBase& base, const std::vector<Alliance>& alliances,
                                                const std::vector<Perimeter>& perimeters) {
  std::vector<EpciCoverage> out(base.layer(Level::epci).size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i].epci = i;
  for (std::size_t a = 0; a < perimeters.size() && a < alliances.size(); ++a)
    for (const auto& siren : perimeters[a].epci)
      if (auto i = base.index_of(Level::epci, siren)) {
        ++out[*i].total;
        for (const auto& theme : alliances[a].themes) ++out[*i].by_theme[theme];
      }
  return out;
}

}  // namespace cartes::model
