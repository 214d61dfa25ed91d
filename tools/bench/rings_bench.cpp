// bench_rings: contiguity graphs of the EPCI and communes of a base (France
// by default) and rings + comparison around a core, each beside a baseline in
// the same run:
//   graph     ours: STRtree candidates + segment measure, 2 threads
//             baseline: the same candidates measured with GEOS overlay
//             (GEOSSnap_r + GEOSIntersection_r of the boundaries), 2 threads
//   rings     ours: breadth-first rings on the graph, bands with a prepared
//             core, zonings and overlaps over commune sets
//             baseline: "select by location" as a GIS user would: ring k =
//             territories intersecting the dissolved perimeter up to k-1
// Targets (issue 5): graph for French communes < 2 s; rings + comparison < 50 ms.
//
//   bench_rings [--base FILE.gpkg] [--core CODE[,CODE]] [--level epci] [--runs N] [--skip-baseline]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "analysis/adjacency.hpp"
#include "analysis/rings.hpp"
#include "core/paths.hpp"
#include "geo/dissolve.hpp"
#include "model/territory_io.hpp"

using namespace cartes;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

template <class F>
double median_seconds(int runs, F f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    f();
    t.push_back(since(t0));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// Ring k by repeated "select by location": the territories (not yet taken)
// whose geometry intersects the dissolved perimeter up to k-1.
std::vector<std::vector<std::size_t>> rings_by_location(const model::TerritoryBase& base, model::Level level,
                                                        const std::vector<std::size_t>& core, int n) {
  const auto& layer = base.layer(level);
  std::vector<char> taken(layer.size(), 0);
  std::vector<std::size_t> perimeter = core;
  for (auto i : core) taken[i] = 1;
  std::vector<std::vector<std::size_t>> rings;
  for (int k = 1; k <= n; ++k) {
    std::vector<const geo::Geometry*> parts;
    for (auto i : perimeter) parts.push_back(&layer[i].geometry);
    const geo::Geometry dissolved = geo::dissolve(parts).geometry.make_valid();
    const geo::Envelope e = dissolved.envelope();
    std::vector<std::size_t> ring;
    for (std::size_t i = 0; i < layer.size(); ++i) {
      if (taken[i] || !e.intersects(layer[i].geometry.envelope())) continue;
      bool meets = false;
      try {
        meets = dissolved.intersects(layer[i].geometry);
      } catch (const geo::GeometryError&) {  // a few EPCI polygons make GEOS predicates throw
        meets = dissolved.distance(layer[i].geometry) == 0;
      }
      if (meets) ring.push_back(i);
    }
    for (auto i : ring) taken[i] = 1, perimeter.push_back(i);
    rings.push_back(std::move(ring));
  }
  return rings;
}

}  // namespace

int main(int argc, char** argv) {
  std::string base_file = paths::default_base("france").string(), core_arg = "244400404";
  std::string level_arg = "epci";
  int runs = 5;
  bool baseline = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--base") base_file = next();
    else if (a == "--core") core_arg = next();
    else if (a == "--level") level_arg = next();
    else if (a == "--runs") runs = std::max(1, std::stoi(next()));
    else if (a == "--skip-baseline") baseline = false;
    else {
      std::fprintf(stderr, "usage: bench_rings [--base FILE] [--core CODE,...] [--level epci] [--runs N] [--skip-baseline]\n");
      return 2;
    }
  }
  try {
    auto t0 = Clock::now();
    const model::TerritoryBase base = model::load_territory_base(base_file);
    std::printf("base %s (scope %s): %zu communes, %zu EPCI, loaded in %.2f s\n", base_file.c_str(),
                base.scope.c_str(), base.layer(model::Level::commune).size(), base.layer(model::Level::epci).size(),
                since(t0));

    std::printf("\n== contiguity graph (rook, 1 m shared, 5 cm snapping; median of %d runs) ==\n", runs);
    std::printf("%-8s %9s %9s %8s %8s %10s %10s %10s %7s\n", "level", "items", "pairs", "edges", "islands", "ours_2t_s",
                "ours_1t_s", "geos_ovl_s", "ratio");
    for (model::Level level : {model::Level::epci, model::Level::commune}) {
      geo::ContiguityOptions o;
      geo::ContiguityStats stats;
      geo::ContiguityGraph g;
      const double two = median_seconds(runs, [&] { g = analysis::compute_adjacency(base, level, o, nullptr, &stats); });
      geo::ContiguityOptions one = o;
      one.threads = 1;
      const double single = median_seconds(runs, [&] { analysis::compute_adjacency(base, level, one); });
      double ovl = 0;
      std::size_t ovl_edges = 0, differ = 0;
      std::string disagreements;
      if (baseline) {
        geo::ContiguityOptions ref = o;
        ref.method = geo::ContiguityMethod::geos_overlay;
        geo::ContiguityGraph gr;
        ovl = median_seconds(1, [&] { gr = analysis::compute_adjacency(base, level, ref); });
        ovl_edges = gr.edge_count();
        // Where the two disagree: the shared length the other method saw.
        std::size_t only_ours = 0, only_ours_short = 0, only_theirs = 0, only_theirs_short = 0;
        for (std::size_t i = 0; i < g.size(); ++i)
          for (std::size_t k = 0; k < g.degree(i); ++k)
            if (!gr.adjacent(i, g.neighbours(i)[k])) {
              ++differ, ++only_ours;
              if (g.lengths(i)[k] < 2) ++only_ours_short;
            }
        for (std::size_t i = 0; i < gr.size(); ++i)
          for (std::size_t k = 0; k < gr.degree(i); ++k)
            if (!g.adjacent(i, gr.neighbours(i)[k])) {
              ++differ, ++only_theirs;
              if (gr.lengths(i)[k] < 2) ++only_theirs_short;
            }
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "         disagreements (directed): %zu only ours (%zu of them < 2 m), %zu only GEOS overlay "
                      "(%zu < 2 m)\n",
                      only_ours, only_ours_short, only_theirs, only_theirs_short);
        disagreements = buf;
      }
      std::printf("%-8s %9zu %9zu %8zu %8zu %10.3f %10.3f %10.3f %7.1f\n", std::string(model::level_name(level)).c_str(),
                  g.size(), stats.candidate_pairs, g.edge_count(), g.islands().size(), two, single, ovl,
                  two > 0 && baseline ? ovl / two : 0.0);
      std::printf("         ours: STRtree candidates %.3f s, pair measures %.3f s (last run)\n", stats.index_seconds,
                  stats.measure_seconds);
      if (baseline)
        std::printf("         GEOS overlay found %zu edges; %zu edges differ between the two\n%s", ovl_edges,
                    differ / 2, disagreements.c_str());
      // The snapping tolerance's effect and queen vs rook.
      geo::ContiguityOptions exact = o;
      exact.snap_tolerance = 0;
      const auto ge = analysis::compute_adjacency(base, level, exact);
      geo::ContiguityOptions queen = o;
      queen.mode = geo::Adjacency::queen;
      const auto gq = analysis::compute_adjacency(base, level, queen);
      std::printf("         snapping 0 cm: %zu edges (%zd fewer), %zu islands; queen: %zu edges\n", ge.edge_count(),
                  static_cast<std::ptrdiff_t>(g.edge_count()) - static_cast<std::ptrdiff_t>(ge.edge_count()),
                  ge.islands().size(), gq.edge_count());
    }

    // Rings + comparison around the core.
    const model::Level level = *model::parse_level(level_arg);
    analysis::RingsRequest req;
    for (std::size_t p = 0, q; p <= core_arg.size(); p = q + 1) {
      q = core_arg.find(',', p);
      if (q == std::string::npos) q = core_arg.size();
      req.core.push_back(core_arg.substr(p, q - p));
    }
    req.level = level;
    req.rings = 3;
    req.bands_km = {10, 20, 30};
    req.zonings = {analysis::Zoning::aav, analysis::Zoning::ze, analysis::Zoning::bv};
    const auto graph = analysis::compute_adjacency(base, level, {});
    analysis::RingsInputs in{base, graph, {}, {}};
    analysis::RingsResult result;
    const double rings_s = median_seconds(runs, [&] { result = analysis::compute_rings(in, req); });
    const double outlines_s = median_seconds(1, [&] { analysis::compute_outlines(in, result); });
    std::printf("\n== rings + comparison around %s (%s, 3 rings, bands 10/20/30 km, AAV/ZE/BV) ==\n", core_arg.c_str(),
                level_arg.c_str());
    std::printf("ours: %.1f ms (median of %d), %zu perimeters, %zu overlaps; outlines (dissolve + buffers): %.0f ms\n",
                rings_s * 1e3, runs, result.rows.size(), result.overlaps.size(), outlines_s * 1e3);
    if (baseline) {
      const auto core = analysis::resolve_core(base, level, req.core);
      std::vector<std::vector<std::size_t>> by_location;
      const double loc_s = median_seconds(1, [&] { by_location = rings_by_location(base, level, core, req.rings); });
      bool same = true;
      for (int k = 1; k <= req.rings; ++k) {
        for (const auto& r : result.rows)
          if (r.family == analysis::Family::ring && r.k == k) {
            std::vector<std::string> codes;
            for (auto i : by_location[static_cast<std::size_t>(k - 1)]) codes.push_back(base.layer(level)[i].code);
            std::sort(codes.begin(), codes.end());
            auto mine = r.members;
            std::sort(mine.begin(), mine.end());
            // Select-by-location also takes point contacts (queen), so it may hold more.
            same = same && std::includes(codes.begin(), codes.end(), mine.begin(), mine.end());
            std::printf("  ring %d: ours %zu members, by location %zu\n", k, mine.size(), codes.size());
          }
      }
      std::printf("baseline (rings only, select by location on dissolved perimeters): %.0f ms; ratio %.0fx; "
                  "ours within theirs: %s\n",
                  loc_s * 1e3, loc_s / rings_s, same ? "yes" : "NO");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_rings: %s\n", e.what());
    return 1;
  }
  return 0;
}
