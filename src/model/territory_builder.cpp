#include "model/territory_builder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <atomic>
#include <condition_variable>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <exception>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"
#include "geo/dissolve.hpp"
#include "geo/overlaps.hpp"
#include "geo/vector_reader.hpp"
#include "sources/cog.hpp"
#include "sources/layout.hpp"
#include "sources/rekeying.hpp"
#include "sources/scopes.hpp"

namespace cartes::model {
namespace fs = std::filesystem;

namespace {

using sources::Cog;
using sources::CogCommune;
using sources::CogEpci;
using sources::Rekeyed;
using CogMember = sources::CogMember;

// The polygons' folder as reports name it, relative to the sources folder.
const std::string polygons_dir = sources::commune_polygons_dir({}).string();

// ---------------------------------------------------------------- threads

// Runs f(i) for i in [0, n) on `threads` threads; a task starts only when
// the tasks listed by needs(i) are done (the first ready task in index order
// is taken). Progress is reported from the calling thread.
template <class Needs, class F>
void scheduled_for(std::size_t n, unsigned threads, Progress& progress, Needs&& needs, F&& f) {
  std::mutex m;
  std::condition_variable cv;
  std::vector<char> taken(n, 0), finished(n, 0);
  std::size_t done = 0, first_free = 0;
  std::exception_ptr error;
  const auto work = [&](bool report) {
    std::unique_lock lock(m);
    for (;;) {
      while (first_free < n && taken[first_free]) ++first_free;
      if (first_free >= n || error) return;
      std::size_t pick = n;
      for (std::size_t i = first_free; i < n && pick == n; ++i) {
        if (taken[i]) continue;
        const auto reqs = needs(i);
        if (std::all_of(reqs.begin(), reqs.end(), [&](std::size_t r) { return finished[r] != 0; })) pick = i;
      }
      if (pick == n) {
        cv.wait(lock);
        continue;
      }
      taken[pick] = 1;
      lock.unlock();
      try {
        f(pick);
      } catch (...) {
        lock.lock();
        if (!error) error = std::current_exception();
        cv.notify_all();
        return;
      }
      lock.lock();
      finished[pick] = 1;
      ++done;
      cv.notify_all();
      if (report) progress.advance(static_cast<double>(done) / static_cast<double>(n));
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, threads); ++t) pool.emplace_back(work, false);
  work(true);
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  progress.advance(1.0);
}

// Independent tasks: scheduled_for without prerequisites.
template <class F>
void parallel_for(std::size_t n, unsigned threads, Progress& progress, F&& f) {
  scheduled_for(n, threads, progress, [](std::size_t) { return std::array<std::size_t, 0>{}; }, f);
}

std::string strip_prefix(const std::string& code) {
  std::size_t i = 0;
  while (i < code.size() && std::isalpha(static_cast<unsigned char>(code[i])) && !(code[i] == 'A' || code[i] == 'B'))
    ++i;
  // Corsican codes: "com2A004" -> "2A004" (the loop stops at the A/B after the digit 2).
  return code.substr(i);
}

// A commune polygon must lie in metropolitan France (Lambert-93 after
// reading): swapped latitude/longitude or degrees declared as metres put it
// elsewhere, with a wrong area and exit 0 otherwise.
void check_location(const fs::path& file, std::size_t number, const std::string& code, const geo::Feature& f,
                    const std::string& departement) {
  const geo::Envelope e = f.geometry.envelope();
  const geo::Envelope france = sources::metropolitan_extent_l93();
  if (e.minx >= france.minx && e.maxx <= france.maxx && e.miny >= france.miny && e.maxy <= france.maxy) return;
  char where[160];
  std::snprintf(where, sizeof where, "x %.0f..%.0f, y %.0f..%.0f", e.minx, e.maxx, e.miny, e.maxy);
  throw DataError(file.string() + ": feature " + std::to_string(number) + " (" + code + " " +
                  f.text("libelle_territoire") + "): lies at " + where +
                  " in Lambert-93, outside metropolitan France where département " + departement +
                  " is; latitude and longitude swapped, or a wrong coordinate reference system?");
}

// Every commune of a département file must lie near the others (a shifted
// or mis-projected feature among correct ones).
void check_departement_spread(const fs::path& file, const std::vector<geo::Feature>& features) {
  struct Centre {
    std::size_t feature;
    double x, y;
  };
  std::vector<Centre> centres;
  for (std::size_t n = 0; n < features.size(); ++n)
    if (!features[n].geometry.is_empty()) {  // null counts as empty
      const geo::Envelope e = features[n].geometry.envelope();
      centres.push_back({n, (e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2});
    }
  if (centres.empty()) return;
  const auto median = [&](double Centre::*axis) {
    std::vector<double> v;
    for (const Centre& c : centres) v.push_back(c.*axis);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  const double mx = median(&Centre::x), my = median(&Centre::y);
  for (const Centre& c : centres) {
    const double d = std::hypot(c.x - mx, c.y - my);
    if (d <= sources::max_distance_in_departement_m) continue;
    const geo::Feature& f = features[c.feature];
    throw DataError(file.string() + ": feature " + std::to_string(c.feature + 1) + " (" + f.text("code_territoire") +
                    " " + f.text("libelle_territoire") + "): lies " + std::to_string(static_cast<long>(d / 1000)) +
                    " km from the middle of the other communes of its file, expected at most " +
                    std::to_string(static_cast<long>(sources::max_distance_in_departement_m / 1000)) + " km");
  }
}

// Reading a table (no geometry) that must have these columns and a row.
geo::ReadOptions table_options(std::vector<std::string> columns) {
  geo::ReadOptions o;
  o.read_geometry = false;
  for (auto& c : columns) o.required_fields.push_back({std::move(c)});
  o.require_features = true;
  return o;
}

std::string csv_line(const geo::Feature& row) { return "line " + std::to_string(row.fid + 1); }

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// Stores a dissolve result in `t` (geometry, area) and reports a fallback.
void store_dissolved(Territory& t, geo::DissolveResult r, ProblemReporter& report) {
  if (r.fell_back)
    report.report({"dissolve_fallback", t.code, std::string(level_name(t.level)),
                   "coverage union failed its check for " + t.name + "; unary union used"});
  // A coverage union result was already checked valid; only a fallback's
  // unary union needs the (costly, on a région) validity test.
  if (r.fell_back && !r.geometry.is_valid()) {
    report.report({"geometry_repaired", t.code, std::string(level_name(t.level)),
                   "dissolved geometry invalid (" + r.geometry.invalid_reason() + "); repaired with make_valid"});
    r.geometry = r.geometry.make_valid();
  }
  const double area = r.geometry.area();
  if (std::abs(area - r.members_area) > 1e-6 * std::max(r.members_area, 1.0))
    report.report({"area_mismatch", t.code, std::string(level_name(t.level)),
                   "dissolved area " + std::to_string(area) + " m² differs from the members' sum " +
                       std::to_string(r.members_area) + " m²"});
  t.area_km2 = area / 1e6;
  t.geometry = std::move(r.geometry);
}

}  // namespace

namespace {

// CARTES_PROFILE=1 prints the wall and CPU seconds of each step on stderr
// (used to write BENCHMARKS.md; off by default).
class StepTimer {
 public:
  explicit StepTimer(Progress& progress) : progress_(progress), on_(std::getenv("CARTES_PROFILE") != nullptr) {}
  ~StepTimer() { lap(); }
  StepTimer(const StepTimer&) = delete;
  StepTimer& operator=(const StepTimer&) = delete;
  void step(std::string name) {
    lap();
    progress_.step(name);
    name_ = std::move(name);
    wall_ = std::chrono::steady_clock::now();
    cpu_ = std::clock();
  }

 private:
  void lap() {
    if (!on_ || name_.empty()) return;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
    const double cpu = static_cast<double>(std::clock() - cpu_) / CLOCKS_PER_SEC;
    std::fprintf(stderr, "profile: %-55s wall %6.2f s  cpu %6.2f s\n", name_.c_str(), wall, cpu);
  }
  Progress& progress_;
  bool on_;
  std::string name_;
  std::chrono::steady_clock::time_point wall_;
  std::clock_t cpu_ = 0;
};

}  // namespace

TerritoryBase build_territory_base(const BuildOptions& options, ProblemReporter& report, Progress& progress) {
  StepTimer timer(progress);
  sources::check_sources(options.sources);
  const fs::path& src = options.sources;
  const unsigned threads = std::max(1u, options.threads);

  // 1. COG 2025 and the scope.
  timer.step("reading COG 2025 (communes, EPCI)");
  const Cog cog = sources::read_cog(sources::cog_dir(src));
  const sources::CommuneRekeying rekeyer(cog, sources::commune_mergers(options.project_data));
  std::vector<std::string> metropolitan;
  for (const auto& [code, _] : cog.departements) metropolitan.push_back(code);
  std::vector<std::string> deps;
  for (const std::string& d : sources::scope_departements(options.scope, metropolitan)) {
    if (cog.departements.count(d)) deps.push_back(d);
    else report.report({"departement_missing", d, "departements.json", "département " + d + " of the scope is not in COG 2025"});
  }
  const std::set<std::string> dep_set(deps.begin(), deps.end());

  std::unordered_map<std::string, const CogEpci*> epci_of;  // commune -> EPCI
  for (const CogEpci& e : cog.epci)
    for (const CogMember& m : e.members) epci_of[m.code] = &e;
  // EPCI touching the scope are taken whole (CC Maine Saosnois and CU
  // d'Alençon bring their Orne communes into Loire-Bretagne).
  std::set<std::string> scope_communes;
  std::vector<const CogEpci*> scope_epci;
  for (const auto& [code, c] : cog.communes)
    if (c.type == "commune-actuelle" && dep_set.count(c.departement)) scope_communes.insert(code);
  for (const CogEpci& e : cog.epci) {
    const bool touches = std::any_of(e.members.begin(), e.members.end(),
                                     [&](const CogMember& m) { return scope_communes.count(m.code) > 0; });
    if (!touches) continue;
    scope_epci.push_back(&e);
    for (const CogMember& m : e.members) {
      if (!scope_communes.insert(m.code).second) continue;
      report.report({"commune_outside_scope", m.code, e.siren,
                     cog.communes.at(m.code).name + " (" + cog.communes.at(m.code).departement +
                         ") included: its EPCI " + e.name + " straddles the scope"});
    }
  }
  std::set<std::string> polygon_deps;
  for (const auto& code : scope_communes) polygon_deps.insert(cog.communes.at(code).departement);

  // The zoning tables are read meanwhile (GDAL's CSV driver, one thread).
  // Each table must have the columns read from it: a missing one would give
  // empty codes for every commune.
  const auto read_table = [](fs::path file, std::vector<std::string> columns) {
    return geo::read_features(file, table_options(std::move(columns)));
  };
  auto zonings_2024_rows = std::async(std::launch::async, read_table, sources::zonings(src, 2024),
                                      std::vector<std::string>{"CODGEO", "AAV2020", "BV2022", "ZE2020"});
  auto zonings_2023_rows = std::async(std::launch::async, read_table, sources::zonings(src, 2023),
                                      std::vector<std::string>{"CODGEO", "CATEAAV2020"});

  // 2. Commune polygons (COG 2024), read in parallel, one file per task.
  timer.step("reading commune polygons");
  const std::vector<std::string> files(polygon_deps.begin(), polygon_deps.end());
  std::vector<std::vector<geo::Feature>> read(files.size());
  parallel_for(files.size(), threads, progress, [&](std::size_t i) {
    geo::ReadOptions o;
    o.required_fields = {{"code_territoire"}, {"libelle_territoire"}};
    o.require_features = true;
    o.polygons_only = true;
    read[i] = geo::read_features(sources::commune_polygons(src, files[i]), o);
  });

  // 3. Re-key to COG 2025, group the polygons sharing a code.
  timer.step("re-keying communes to COG 2025 and checking geometries");
  std::map<std::string, std::vector<geo::Geometry>> pieces;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path file = sources::commune_polygons(src, files[i]);
    check_departement_spread(file, read[i]);
    std::size_t number = 0;
    for (geo::Feature& f : read[i]) {
      ++number;
      const std::string code = strip_prefix(f.text("code_territoire"));
      const Rekeyed r = rekeyer.rekey(code);
      if (r.code.empty())
        throw DataError(file.string() + ": feature " + std::to_string(number) + ": " +
                        rekeyer.why_unknown(code));
      if (!scope_communes.count(r.code)) continue;
      if (f.geometry.null())
        throw DataError(file.string() + ": feature " + std::to_string(number) + " (" + code + "): no geometry");
      check_location(file, number, code, f, files[i]);
      if (r.code != code)
        report.report({"code_rekeyed", r.code, file.filename().string(),
                       code + " (" + f.text("libelle_territoire") + ") -> " + r.code + " by " + r.method});
      pieces[r.code].push_back(std::move(f.geometry));
    }
    read[i].clear();
  }
  std::vector<std::string> codes(scope_communes.begin(), scope_communes.end());  // sorted
  TerritoryBase base;
  base.scope = options.scope;
  base.sources = sources::build_source_records(src, options.project_data, files);
  auto& clayer = base.layer(Level::commune);
  clayer.resize(codes.size());
  parallel_for(codes.size(), threads, progress, [&](std::size_t i) {
    const std::string& code = codes[i];
    const CogCommune& c = cog.communes.at(code);
    Territory& t = clayer[i];
    t.level = Level::commune;
    t.code = code;
    t.name = c.name;
    t.departements = {c.departement};
    t.region = c.region;
    auto it = pieces.find(code);
    if (it == pieces.end()) {
      report.report({"feature_unmatched", code, polygons_dir, c.name + ": no polygon in the sources"});
      t.geometry = geo::Geometry::empty_multipolygon();
      return;
    }
    std::vector<geo::Geometry>& parts = it->second;
    geo::Geometry g;
    if (parts.size() > 1) {
      report.report({"polygons_merged", code, polygons_dir,
                     std::to_string(parts.size()) + " polygons of COG 2024 merged into " + c.name});
      g = geo::unary_union(std::move(parts));
    } else {
      g = parts.front().as_multipolygon();
    }
    if (!g.is_valid()) {
      report.report({"geometry_repaired", code, polygons_dir,
                     c.name + ": " + g.invalid_reason() + "; repaired with make_valid"});
      g = g.make_valid();
    }
    t.area_km2 = g.area() / 1e6;
    t.geometry = std::move(g);
  });
  pieces.clear();

  // The polygon files were simplified one département at a time: neighbours
  // across a département border overlap a little. Cut the overlaps so the
  // communes form a layer without overlaps (areas of dissolved territories
  // then equal the sums of their communes' areas).
  timer.step("removing overlaps along département borders");
  geo::OverlapResult overlaps;
  {
    std::vector<geo::Geometry*> polys;
    std::vector<int> groups;
    std::map<std::string, int> dep_index;
    for (Territory& t : clayer) {
      polys.push_back(&t.geometry);
      groups.push_back(dep_index.emplace(t.departements.front(), static_cast<int>(dep_index.size())).first->second);
    }
    if (options.cut_overlaps) overlaps = geo::remove_overlaps(polys, groups, threads);
    else overlaps.original.resize(polys.size()), overlaps.removed.resize(polys.size());
    for (const geo::OverlapCut& c : overlaps.cuts) {
      Territory& cut = clayer[c.cut];
      const Territory& kept = clayer[c.kept];
      cut.area_km2 = cut.geometry.area() / 1e6;
      char area[32];
      std::snprintf(area, sizeof area, "%.0f", c.area);
      report.report({"overlap_removed", cut.code, polygons_dir,
                     std::string(area) + " m² overlapping " + kept.code + " " + kept.name + " (" +
                         kept.departements.front() + ") cut from " + cut.name + " (" + cut.departements.front() + ")"});
    }
    progress.advance(1.0);
  }

  // 4. Zonings (INSEE, on COG 2024 and 2023 codes), re-keyed the same way:
  //    a commune merged since takes the values of the code it kept.
  timer.step("reading INSEE zonings");
  {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < clayer.size(); ++i) index.emplace(clayer[i].code, i);
    const auto apply = [&](const fs::path& file, std::vector<geo::Feature> rows, auto&& set) {
      std::unordered_map<std::string, bool> exact;  // the row's own code is the 2025 code
      for (const geo::Feature& row : rows) {
        const std::string code = row.text("CODGEO");
        const Rekeyed r = rekeyer.rekey(code);
        auto it = index.find(r.code);
        if (it == index.end()) continue;
        const bool is_exact = r.code == code;
        auto [e, fresh] = exact.emplace(r.code, is_exact);
        if (!fresh && (e->second || !is_exact)) continue;
        e->second = is_exact;
        set(clayer[it->second], row);
      }
      for (const Territory& t : clayer)
        if (!exact.count(t.code))
          report.report({"zoning_unmatched", t.code, file.filename().string(), t.name + ": no row for this commune"});
    };
    apply(sources::zonings(src, 2024), zonings_2024_rows.get(), [](Territory& t, const geo::Feature& row) {
      t.aav2020 = row.text("AAV2020");
      t.bv2022 = row.text("BV2022");
      t.ze2020 = row.text("ZE2020");
    });
    apply(sources::zonings(src, 2023), zonings_2023_rows.get(), [](Territory& t, const geo::Feature& row) { t.aav_category = row.text("CATEAAV2020"); });
    progress.advance(1.0);
  }

  // 5. Pays: Bretagne (derived table + Région's layer for names), Pays de la Loire (authored).
  timer.step("reading pays tables");
  std::unordered_map<std::string, const CogEpci*> epci_by_siren;
  for (const CogEpci& e : cog.epci) epci_by_siren[e.siren] = &e;
  struct PaysDef {
    std::string code, name;
    std::vector<std::string> epci;
  };
  std::map<std::string, PaysDef> pays_defs;
  std::unordered_map<std::string, std::string> pays_of_epci;
  const auto assign = [&](const fs::path& file, const geo::Feature& row, const std::string& siren,
                          const std::string& code, const std::string& name) {
    if (!epci_by_siren.count(siren))
      throw DataError(file.string() + ": " + csv_line(row) + ": unknown EPCI SIREN " + siren + " (not in COG 2025)");
    if (auto [it, fresh] = pays_of_epci.emplace(siren, code); !fresh && it->second != code)
      throw DataError(file.string() + ": " + csv_line(row) + ": EPCI " + siren + " is in two pays (" + it->second +
                      " and " + code + ")");
    PaysDef& p = pays_defs[code];
    p.code = code;
    p.name = name;
    p.epci.push_back(siren);
  };
  {
    std::map<std::string, std::string> bzh_names;  // code_geo -> nom_geo, Région Bretagne's layer
    for (const geo::Feature& f :
         geo::read_features(sources::pays_bretagne_polygons(src), table_options({"code_geo", "nom_geo"})))
      bzh_names[f.text("code_geo")] = f.text("nom_geo");
    const fs::path file = sources::pays_bretagne_epci(src);
    for (const geo::Feature& row : geo::read_features(file, table_options({"epci_siren", "epci_nom", "pays_code_geo"}))) {
      const std::string code_geo = row.text("pays_code_geo");
      if (code_geo.empty()) {
        report.report({"epci_without_pays", row.text("epci_siren"), file.filename().string(),
                       row.text("epci_nom") + " has no Breton pays"});
        continue;
      }
      auto name = bzh_names.find(code_geo);
      if (name == bzh_names.end())
        throw DataError(file.string() + ": " + csv_line(row) + ": pays code " + code_geo + " is not in " +
                        (sources::pays_bretagne_polygons(src)).string());
      assign(file, row, row.text("epci_siren"), "BZH" + code_geo, name->second);
    }
    const fs::path pdl = sources::pays_pays_de_la_loire(options.project_data);
    for (const geo::Feature& row :
         geo::read_features(pdl, table_options({"pays_code", "pays_name", "epci_siren", "source_url"}))) {
      if (row.text("source_url").empty())
        throw DataError(pdl.string() + ": " + csv_line(row) + ": source_url is required");
      const std::string code = row.text("pays_code");
      if (code.rfind("PDL", 0) != 0)
        throw DataError(pdl.string() + ": " + csv_line(row) + ": pays code " + code + " must start with PDL");
      assign(pdl, row, row.text("epci_siren"), code, row.text("pays_name"));
    }
  }

  // 6. Commune attributes that depend on the EPCI, and populations. The EPCI
  //    lists carry both populations per commune (their sums are the EPCI's
  //    official figures); the 4 island communes without EPCI take the COG list's.
  std::unordered_map<std::string, const CogMember*> member_of;
  for (const CogEpci* e : scope_epci)
    for (const CogMember& m : e->members) member_of[m.code] = &m;
  for (Territory& t : clayer) {
    if (auto e = epci_of.find(t.code); e != epci_of.end()) {
      t.epci = e->second->siren;
      if (auto p = pays_of_epci.find(t.epci); p != pays_of_epci.end()) t.pays = p->second;
      const CogMember* m = member_of.at(t.code);
      t.population_municipale = m->population_municipale;
      t.population_totale = m->population_totale;
    } else {
      const CogCommune& c = cog.communes.at(t.code);
      t.population_municipale = c.population;
      t.population_totale = c.population;
      report.report({"commune_without_epci", t.code, "epci.json",
                     t.name + " belongs to no EPCI; population totale unknown, population municipale used"});
    }
  }
  base.reindex();

  // 7. Every level above the commune, dissolved on `threads` threads. EPCI,
  //    départements and single-département pays from their communes (coverage
  //    union of the uncut originals minus the cut overlaps), régions from their
  //    départements, which they wait for (a scheduler hands out the first
  //    task whose prerequisites are done).
  timer.step("dissolving EPCI, départements, pays and régions");
  auto& elayer = base.layer(Level::epci);
  auto& dlayer = base.layer(Level::departement);
  auto& player = base.layer(Level::pays);
  auto& rlayer = base.layer(Level::region);
  std::sort(scope_epci.begin(), scope_epci.end(), [](auto* a, auto* b) { return a->siren < b->siren; });
  std::vector<std::string> sorted_deps = deps;
  std::sort(sorted_deps.begin(), sorted_deps.end());
  std::map<std::string, std::vector<std::string>> dep_members;
  for (const Territory& c : clayer)
    if (dep_set.count(c.departements.front())) dep_members[c.departements.front()].push_back(c.code);
  const auto sum_populations = [&](Territory& t) {
    for (const auto& c : t.communes) {
      const Territory& ct = clayer[*base.index_of(Level::commune, c)];
      t.population_municipale += ct.population_municipale;
      t.population_totale += ct.population_totale;
    }
  };

  for (const CogEpci* e : scope_epci) {
    Territory t;
    t.level = Level::epci;
    t.code = e->siren;
    t.name = e->name;
    t.kind = e->type == "MET69" ? "METRO" : e->type;
    t.population_municipale = e->population_municipale;
    t.population_totale = e->population_totale;
    for (const CogMember& m : e->members) {
      t.communes.push_back(m.code);
      t.departements.push_back(cog.communes.at(m.code).departement);
    }
    std::sort(t.communes.begin(), t.communes.end());
    t.departements = sorted_unique(std::move(t.departements));
    elayer.push_back(std::move(t));
  }
  for (const std::string& code : sorted_deps) {
    Territory t;
    t.level = Level::departement;
    t.code = code;
    const auto& [name, region] = cog.departements.at(code);
    t.name = name;
    t.region = region;
    t.departements = {code};
    t.communes = dep_members[code];
    sum_populations(t);
    dlayer.push_back(std::move(t));
  }
  base.reindex();
  for (const auto& [code, def] : pays_defs) {
    Territory t;
    t.level = Level::pays;
    t.code = code;
    t.name = def.name;
    for (const std::string& siren : def.epci) {
      auto idx = base.index_of(Level::epci, siren);
      if (!idx) continue;
      const Territory& e = elayer[*idx];
      t.children.push_back(siren);
      t.communes.insert(t.communes.end(), e.communes.begin(), e.communes.end());
      t.departements.insert(t.departements.end(), e.departements.begin(), e.departements.end());
      t.population_municipale += e.population_municipale;
      t.population_totale += e.population_totale;
    }
    if (t.children.empty()) continue;  // no member in this scope
    if (t.children.size() != def.epci.size())
      report.report({"member_outside_scope", code, "pays", t.name + ": some member EPCI are outside this scope"});
    std::sort(t.children.begin(), t.children.end());
    std::sort(t.communes.begin(), t.communes.end());
    t.departements = sorted_unique(std::move(t.departements));
    player.push_back(std::move(t));
  }
  std::map<std::string, std::vector<std::string>> region_deps;
  for (const Territory& d : dlayer) region_deps[d.region].push_back(d.code);
  for (const auto& [code, ds] : region_deps) {
    Territory t;
    t.level = Level::region;
    t.code = code;
    t.region = code;
    t.name = cog.regions.count(code) ? cog.regions.at(code) : code;
    t.children = ds;
    t.departements = ds;
    for (const auto& d : ds) {
      const Territory& dt = dlayer[*base.index_of(Level::departement, d)];
      t.communes.insert(t.communes.end(), dt.communes.begin(), dt.communes.end());
      t.population_municipale += dt.population_municipale;
      t.population_totale += dt.population_totale;
    }
    std::sort(t.communes.begin(), t.communes.end());
    rlayer.push_back(std::move(t));
  }
  base.reindex();

  // Tasks, biggest first: départements, régions (after their départements),
  // pays (after their EPCI, used when their own dissolve falls back), EPCI.
  struct Task {
    Territory* t;
    std::vector<std::size_t> needs;
  };
  std::vector<Task> tasks;
  std::unordered_map<const Territory*, std::size_t> task_of;
  const auto add_task = [&](Territory& t) {
    task_of[&t] = tasks.size();
    tasks.push_back({&t, {}});
  };
  for (Territory& t : dlayer) add_task(t);
  const std::size_t first_region = tasks.size();
  for (Territory& t : rlayer) add_task(t);
  const std::size_t first_pays = tasks.size();
  for (Territory& t : player) add_task(t);
  for (Territory& t : elayer) add_task(t);
  for (std::size_t k = first_region; k < first_pays; ++k)
    for (const auto& d : tasks[k].t->children) tasks[k].needs.push_back(task_of.at(&dlayer[*base.index_of(Level::departement, d)]));
  for (std::size_t k = first_pays; k < first_pays + player.size(); ++k)
    for (const auto& e : tasks[k].t->children) tasks[k].needs.push_back(task_of.at(&elayer[*base.index_of(Level::epci, e)]));

  const auto geometries_of = [&](Level level, const std::vector<std::string>& wanted) {
    std::vector<const geo::Geometry*> g;
    g.reserve(wanted.size());
    for (const auto& c : wanted) g.push_back(&base.layer(level)[*base.index_of(level, c)].geometry);
    return g;
  };
  // Communes as members of a dissolve that knows what remove_overlaps cut.
  const auto cut_members_of = [&](const std::vector<std::string>& wanted) {
    std::vector<geo::CutMember> m;
    m.reserve(wanted.size());
    for (const auto& c : wanted) {
      const std::size_t i = *base.index_of(Level::commune, c);
      const bool touched = !overlaps.original[i].null();
      m.push_back({&clayer[i].geometry, touched ? &overlaps.original[i] : &clayer[i].geometry,
                   overlaps.removed[i].null() ? nullptr : &overlaps.removed[i]});
    }
    return m;
  };
  // EPCI, pays, départements: per département file (a clean coverage once
  // the originals are used, see dissolve_cut), then the union of the few
  // per-département parts; a commune-by-commune unary union is the last resort.
  const auto dissolve_communes = [&](const std::vector<std::string>& wanted) {
    std::map<std::string, std::vector<std::string>> by_dep;
    for (const auto& c : wanted) by_dep[clayer[*base.index_of(Level::commune, c)].departements.front()].push_back(c);
    if (by_dep.size() == 1) return geo::dissolve_cut(cut_members_of(wanted), geometries_of(Level::commune, wanted));
    std::vector<geo::Geometry> parts;
    bool fell_back = false;
    double area = 0;
    for (const auto& [dep, members] : by_dep) {
      geo::DissolveResult r = geo::dissolve_cut(cut_members_of(members), geometries_of(Level::commune, members));
      fell_back |= r.fell_back;
      area += r.members_area;
      parts.push_back(std::move(r.geometry));
    }
    std::vector<const geo::Geometry*> ptrs;
    for (const auto& p : parts) ptrs.push_back(&p);
    geo::DissolveResult r = geo::dissolve(ptrs);
    r.fell_back |= fell_back;
    r.members_area = area;
    return r;
  };
  scheduled_for(tasks.size(), threads, progress, [&](std::size_t k) { return tasks[k].needs; },
                [&](std::size_t k) {
                  Territory& t = *tasks[k].t;
                  switch (t.level) {
                    case Level::region:
                      store_dissolved(t, geo::dissolve(geometries_of(Level::departement, t.children)), report);
                      break;
                    default:
                      store_dissolved(t, dissolve_communes(t.communes), report);
                  }
                });
  return base;
}

}  // namespace cartes::model
