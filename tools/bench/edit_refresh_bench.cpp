// Benchmark (issue 11): the perimeter refresh after an EPCI-level edit of a
// 15-member alliance on the Loire-Bretagne base (target: < 200 ms), beside
// the naive refresh in the same run.
//
//   ours      the edited alliance's perimeter alone (checked dissolve of its
//             communes, figures, parts) and its shared communes with every
//             other alliance's kept perimeter: what an editor recomputes
//   baseline  every perimeter of the catalogue and every overlap again, as
//             after reloading the file
//
// The alliance: 15 EPCI of Ille-et-Vilaine (by SIREN); the edit adds a 16th,
// then removes it again. Median of --repeat runs each.
//
// usage: bench_edit_refresh [--base FILE] [--catalogue FILE] [--repeat N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "app/loader.hpp"
#include "app/refresh_job.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "model/catalogue.hpp"
#include "model/perimeter.hpp"
#include "model/territory_io.hpp"

using namespace cartes;
using namespace cartes::model;
using Clock = std::chrono::steady_clock;

namespace {
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

template <typename F>
double median_of(int repeat, F&& f) {
  std::vector<double> times;
  for (int i = 0; i < repeat; ++i) {
    const auto t = Clock::now();
    f();
    times.push_back(seconds_since(t));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

Member epci_member(const Territory& t) {
  Member m;
  m.level = Level::epci;
  m.code = t.code;
  m.name = t.name;
  return m;
}
}  // namespace

int main(int argc, char** argv) {
  std::string base_file, catalogue_file;
  int repeat = 7;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "usage: bench_edit_refresh [--base FILE] [--catalogue FILE] [--repeat N]\n");
      return 2;
    }
    if (arg == "--base") base_file = argv[++i];
    else if (arg == "--catalogue") catalogue_file = argv[++i];
    else if (arg == "--repeat") repeat = std::max(1, std::stoi(argv[++i]));
    else return 2;
  }
  try {
    const TerritoryBase base = load_territory_base(base_file.empty() ? paths::default_base("loire-bretagne") : std::filesystem::path(base_file));
    const Vocabulary vocab = Vocabulary::load_default();
    Catalogue cat = load_catalogue(catalogue_file.empty() ? paths::default_catalogue() : std::filesystem::path(catalogue_file), vocab);

    std::vector<const Territory*> epci;
    for (const Territory& t : base.layer(Level::epci))
      if (std::find(t.departements.begin(), t.departements.end(), "35") != t.departements.end()) epci.push_back(&t);
    std::sort(epci.begin(), epci.end(), [](auto* a, auto* b) { return a->code < b->code; });
    if (epci.size() < 16) throw DataError("fewer than 16 EPCI in Ille-et-Vilaine");
    Alliance edited;
    edited.id = "bench-15-epci";
    edited.name = "15 EPCI d'Ille-et-Vilaine";
    for (std::size_t i = 0; i < 15; ++i) edited.members.push_back(epci_member(*epci[i]));
    cat.alliances.push_back(edited);
    std::vector<Perimeter> kept = compute_perimeters(base, cat.alliances);
    const std::size_t at = cat.alliances.size() - 1;

    Alliance added = edited;
    added.members.push_back(epci_member(*epci[15]));
    std::size_t shared_total = 0;
    Perimeter fresh;
    // One refresh: the edited alliance's perimeter, then its shared communes with each other.
    auto refresh = [&](const Alliance& a) {
      fresh = std::move(compute_perimeters(base, {a}).front());
      shared_total = 0;
      for (std::size_t j = 0; j < kept.size(); ++j)
        if (j != at) shared_total += shared_communes(fresh, kept[j]).size();
    };
    const double ours_add = median_of(repeat, [&] { refresh(added); });
    const std::size_t communes_after_add = fresh.communes.size();
    const double ours_remove = median_of(repeat, [&] { refresh(edited); });

    std::size_t overlaps = 0;
    const double baseline = median_of(std::max(1, repeat / 2), [&] {
      std::vector<Alliance> all = cat.alliances;
      all[at] = added;
      const std::vector<Perimeter> perimeters = compute_perimeters(base, all);
      overlaps = compute_overlaps(base, perimeters).size();
    });

    // The viewer's whole refresh (RefreshJob): the perimeter, every overlap
    // and the alliance meshes, request to result.
    const render::SceneData scene = render::build_base_scene(base);
    auto communes = std::make_shared<const render::SceneData>(app::commune_fills(scene));
    auto shared_base = std::make_shared<const TerritoryBase>(load_territory_base(
        base_file.empty() ? paths::default_base("loire-bretagne") : std::filesystem::path(base_file)));
    app::RefreshJob job(shared_base, communes, cat.alliances, kept);
    std::uint64_t revision = 0;
    const double viewer = median_of(repeat, [&] {
      std::vector<Alliance> all = cat.alliances;
      all[at] = (revision % 2) ? edited : added;
      job.request(++revision, std::move(all));
      while (!job.take()) std::this_thread::sleep_for(std::chrono::microseconds(200));
    });

    std::printf("alliance: %zu EPCI of Ille-et-Vilaine, + %s (%s): %zu communes, %.1f km²; %zu shared communes with the %zu others\n",
                added.members.size(), epci[15]->code.c_str(), epci[15]->name.c_str(), communes_after_add,
                compute_perimeters(base, {added}).front().area_km2, shared_total, kept.size() - 1);
    std::printf("ours, add one EPCI:     %7.1f ms  (target < 200 ms)\n", ours_add * 1e3);
    std::printf("ours, remove it again:  %7.1f ms\n", ours_remove * 1e3);
    std::printf("baseline, full refresh: %7.1f ms  (%zu perimeters, %zu overlaps)\n", baseline * 1e3, cat.alliances.size(),
                overlaps);
    std::printf("ratio baseline/ours: %.1fx\n", baseline / ours_add);
    std::printf("viewer refresh (RefreshJob: perimeter, overlaps, meshes of all alliances): %7.1f ms\n", viewer * 1e3);
    return 0;
  } catch (const Error& e) {
    std::fprintf(stderr, "bench_edit_refresh: %s\n", e.what());
    return 1;
  }
}
