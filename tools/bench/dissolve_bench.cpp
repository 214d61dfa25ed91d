// bench_dissolve: the communes -> EPCI dissolve as a whole process, the way
// `cartes build` does it (geo::read_features, geo::dissolve_by_group on N threads,
// geo::GpkgWriter). tools/bench/dissolve.sh runs it beside qgis_process
// native:dissolve and ogr2ogr's SQLite ST_Union on the same input.
//   bench_dissolve INPUT.gpkg OUTPUT.gpkg [threads=2]
// INPUT: layer `communes` with fields `code` and `epci` (MultiPolygon, 2154).
// OUTPUT: layer `epci` (epci, members, fell_back) and one line on stdout:
// groups, fallbacks, seconds.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "core/error.hpp"
#include "geo/dissolve.hpp"
#include "geo/gpkg_writer.hpp"
#include "geo/overlaps.hpp"
#include "geo/vector_reader.hpp"

using namespace cartes;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_dissolve INPUT.gpkg OUTPUT.gpkg [threads]\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const unsigned threads = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 2u;
  try {
    geo::ReadOptions o;
    o.layer = "communes";
    o.target_epsg = 0;
    std::vector<geo::Feature> communes = geo::read_features(argv[1], o);
    const auto read_done = std::chrono::steady_clock::now();
    // Members of each EPCI, with their département (the commune code's first
    // two characters): each département file is a clean coverage.
    struct Group {
      std::vector<const geo::Geometry*> members;
      std::vector<int> departement;
    };
    std::map<std::string, Group> groups;
    for (const auto& f : communes) {
      if (f.text("epci").empty() || f.geometry.null()) continue;
      Group& g = groups[f.text("epci")];
      const std::string code = f.text("code");
      g.members.push_back(&f.geometry);
      g.departement.push_back(code[0] * 256 + code[1]);
    }
    std::vector<std::pair<std::string, Group>> work(groups.begin(), groups.end());
    // Largest groups first: keeps both threads busy to the end.
    std::vector<std::size_t> order(work.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return work[a].second.members.size() > work[b].second.members.size(); });
    std::vector<geo::DissolveResult> results(work.size());
    std::atomic<std::size_t> next{0};
    const auto run = [&] {
      for (std::size_t k; (k = next++) < order.size();) {
        const Group& g = work[order[k]].second;
        results[order[k]] = geo::dissolve_by_group(g.members, g.departement);
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run);
    run();
    for (auto& t : pool) t.join();

    const auto dissolve_done = std::chrono::steady_clock::now();
    geo::GpkgWriter writer(argv[2]);
    auto& layer = writer.add_layer({"epci", geo::GeometryKind::multipolygon, 2154,
                                    {{"epci", geo::FieldType::text},
                                     {"members", geo::FieldType::integer},
                                     {"fell_back", geo::FieldType::integer}},
                                    "communes dissolved by EPCI"});
    int fallbacks = 0;
    for (std::size_t i = 0; i < work.size(); ++i) {
      fallbacks += results[i].fell_back;
      std::vector<geo::FieldValue> v;
      v.emplace_back(std::in_place_type<std::string>, work[i].first);
      v.emplace_back(std::in_place_type<std::int64_t>, static_cast<std::int64_t>(work[i].second.members.size()));
      v.emplace_back(std::in_place_type<std::int64_t>, results[i].fell_back ? 1 : 0);
      layer.write(v, &results[i].geometry);
    }
    writer.commit();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    std::printf("groups %zu fallbacks %d seconds %.2f (read %.2f, dissolve %.2f, write %.2f)\n", work.size(), fallbacks,
                s, secs(start, read_done), secs(read_done, dissolve_done),
                secs(dissolve_done, std::chrono::steady_clock::now()));
  } catch (const Error& e) {
    std::fprintf(stderr, "bench_dissolve: %s\n", e.what());
    return static_cast<int>(e.code());
  }
  return 0;
}
