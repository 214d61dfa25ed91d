// Benchmark (issue 3): alliance perimeters, overlaps and the GeoPackage export
// for the whole catalogue, each beside a baseline in the same run.
//
//   perimeters  ours: members deduplicated to communes, checked coverage union
//               (geo::dissolve), alliances in parallel (std::thread)
//               baseline: each member's own geometry (EPCI, département,
//               région polygons as they come), GEOS unary union, one thread
//   overlaps    ours: sorted shared-commune intersections, then a dissolve of
//               the shared communes only, pairs in parallel
//               baseline: GEOS intersects + intersection of every pair of
//               perimeters (envelope test first), one thread
//   export      ours: cartes' export_gpkg (all layers, styles, atomic)
//               reference: ogr2ogr copying the written file to a new GeoPackage
//
// usage: bench_perimeters [--scope france|loire-bretagne] [--base FILE]
//                         [--catalogue FILE] [--threads N] [--repeat N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <unistd.h>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "core/paths.hpp"
#include "geo/geometry.hpp"
#include "model/catalogue.hpp"
#include "model/export.hpp"
#include "model/perimeter.hpp"
#include "model/territory_io.hpp"

using namespace cartes;
using namespace cartes::model;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

template <typename F>
double best_of(int repeat, F&& f) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto t = Clock::now();
    f();
    best = std::min(best, seconds_since(t));
  }
  return best;
}

// Baseline perimeters: every member's own geometry, unary union, sequential.
std::vector<geo::Geometry> naive_perimeters(const TerritoryBase& base, const std::vector<Alliance>& alliances) {
  std::vector<geo::Geometry> out;
  for (const auto& a : alliances) {
    std::vector<geo::Geometry> parts;
    for (const auto& m : a.members)
      if (const Territory* t = base.find(m.level, m.code); t && !t->geometry.is_empty())
        parts.push_back(t->geometry.clone());
    out.push_back(parts.empty() ? geo::Geometry::empty_multipolygon() : geo::unary_union(std::move(parts)));
  }
  return out;
}

std::size_t naive_overlaps(const std::vector<geo::Geometry>& perimeters, double& shared_km2, int& failures) {
  failures = 0;
  std::size_t pairs = 0;
  shared_km2 = 0;
  for (std::size_t a = 0; a < perimeters.size(); ++a)
    for (std::size_t b = a + 1; b < perimeters.size(); ++b) {
      if (perimeters[a].is_empty() || perimeters[b].is_empty()) continue;
      if (!perimeters[a].envelope().intersects(perimeters[b].envelope())) continue;
      try {
        if (!perimeters[a].intersects(perimeters[b])) continue;
        const double area = perimeters[a].intersection(perimeters[b]).area();
        if (area > 0) {
          ++pairs;
          shared_km2 += area / 1e6;
        }
      } catch (const geo::GeometryError&) {
        ++failures;  // the naive unions are not always valid: GEOS topology exceptions
      }
    }
  return pairs;
}

}  // namespace

int main(int argc, char** argv) {
  std::string scope = "france", base_file, catalogue_file;
  unsigned threads = 0;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--scope") scope = value();
    else if (arg == "--base") base_file = value();
    else if (arg == "--catalogue") catalogue_file = value();
    else if (arg == "--threads") threads = static_cast<unsigned>(std::stoul(value()));
    else if (arg == "--repeat") repeat = std::max(1, std::stoi(value()));
    else {
      std::fprintf(stderr, "usage: bench_perimeters [--scope S] [--base F] [--catalogue F] [--threads N] [--repeat N]\n");
      return 2;
    }
  }
  try {
    const auto base_path = base_file.empty() ? paths::default_base(scope) : std::filesystem::path(base_file);
    auto t = Clock::now();
    const TerritoryBase base = load_territory_base(base_path);
    const double load_s = seconds_since(t);
    const Vocabulary vocab = Vocabulary::load_default();
    const Catalogue cat =
        load_catalogue(catalogue_file.empty() ? paths::default_catalogue() : std::filesystem::path(catalogue_file), vocab);
    validate_against_base(cat, base);
    std::size_t members = 0;
    for (const auto& a : cat.alliances) members += a.members.size();
    std::printf("base %s: %zu communes (loaded in %.2f s); catalogue: %zu alliances, %zu members; threads %u; best of %d\n",
                base_path.filename().c_str(), base.layer(Level::commune).size(), load_s, cat.alliances.size(), members,
                threads ? threads : std::max(1u, std::thread::hardware_concurrency()), repeat);

    std::vector<Perimeter> perimeters;
    const double ours_p = best_of(repeat, [&] { perimeters = compute_perimeters(base, cat.alliances, nullptr, threads); });
    // Where the time goes: each alliance alone, one thread.
    std::vector<std::pair<double, std::string>> each;
    for (const auto& a : cat.alliances) {
      const auto t0 = Clock::now();
      auto one = compute_perimeters(base, {a}, nullptr, 1);
      each.emplace_back(seconds_since(t0), a.id + " (" + std::to_string(one[0].communes.size()) + " communes" +
                                               (one[0].dissolve_fell_back ? ", fell back)" : ")"));
    }
    std::sort(each.rbegin(), each.rend());
    std::printf("slowest perimeters (one thread):");
    for (std::size_t i = 0; i < std::min<std::size_t>(4, each.size()); ++i)
      std::printf(" %s %.2f s;", each[i].second.c_str(), each[i].first);
    std::printf("\n");
    std::vector<geo::Geometry> naive;
    const double base_p = best_of(repeat, [&] { naive = naive_perimeters(base, cat.alliances); });
    double area_ours = 0, area_naive = 0;
    int fell_back = 0;
    for (const auto& p : perimeters) {
      area_ours += p.area_km2;
      fell_back += p.dissolve_fell_back;
    }
    for (const auto& g : naive) area_naive += g.is_empty() ? 0 : g.area() / 1e6;

    // Ours: the figures from the commune index, then every geometry (as the export does).
    std::vector<Overlap> overlaps;
    std::vector<double> overlap_areas;
    const double ours_o = best_of(repeat, [&] {
      overlaps = compute_overlaps(base, perimeters);
      overlap_areas.assign(overlaps.size(), 0.0);
      parallel_for(overlaps.size(), threads,
                   [&](std::size_t i) { overlap_areas[i] = overlap_geometry(base, perimeters, overlaps[i]).area() / 1e6; });
    });
    double naive_shared = 0, ours_shared = 0;
    std::size_t naive_pairs = 0;
    int naive_failures = 0;
    const double base_o = best_of(repeat, [&] { naive_pairs = naive_overlaps(naive, naive_shared, naive_failures); });
    for (double a : overlap_areas) ours_shared += a;

    const auto dir = std::filesystem::temp_directory_path() / ("cartes-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto out = dir / "export.gpkg";
    const double ours_e = best_of(repeat, [&] { export_gpkg(out, base, cat, vocab, perimeters); });
    const auto copy = dir / "copy.gpkg";
    const std::string ogr = "ogr2ogr -f GPKG '" + copy.string() + "' '" + out.string() + "' >/dev/null 2>&1";
    const double ref_e = best_of(repeat, [&] {
      std::filesystem::remove(copy);
      if (std::system(ogr.c_str()) != 0) throw OutputError("ogr2ogr failed: " + ogr);
    });
    const auto size_mb = static_cast<double>(std::filesystem::file_size(out)) / (1 << 20);
    std::filesystem::remove_all(dir);

    std::printf("%-12s %10s %10s %7s  %s\n", "step", "cartes s", "baseline s", "ratio", "check");
    std::printf("%-12s %10.3f %10.3f %6.1fx  area %.0f km2 vs %.0f km2, %d coverage-union fallbacks\n", "perimeters",
                ours_p, base_p, base_p / ours_p, area_ours, area_naive, fell_back);
    std::printf("%-12s %10.3f %10.3f %6.1fx  %zu pairs (%.0f km2) vs %zu pairs (%.0f km2, %d GEOS failures)\n",
                "overlaps", ours_o, base_o, base_o / ours_o, overlaps.size(), ours_shared, naive_pairs, naive_shared,
                naive_failures);
    std::printf("%-12s %10.3f %10.3f %6.2fx  %.1f MB written (reference: ogr2ogr copy of it)\n", "export", ours_e,
                ref_e, ref_e / ours_e, size_mb);
  } catch (const Error& e) {
    std::fprintf(stderr, "bench_perimeters: %s\n", e.what());
    return static_cast<int>(e.code());
  }
  return 0;
}
