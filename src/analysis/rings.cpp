#include "analysis/rings.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
// nlohmann::json's inlined code trips GCC 12's -Wnull-dereference.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <nlohmann/json.hpp>
#pragma GCC diagnostic pop
#include <set>
#include <sstream>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "sources/lookup.hpp"
#include "geo/dissolve.hpp"
#include "geo/spatial_index.hpp"

namespace cartes::analysis {
using model::Level;
using model::Territory;

std::string_view to_string(BandMode m) { return m == BandMode::centroid ? "centroid" : "any"; }

std::string_view to_string(Zoning z) {
  switch (z) {
    case Zoning::aav: return "aav";
    case Zoning::ze: return "ze";
    case Zoning::bv: return "bv";
  }
  return "?";
}

std::optional<Zoning> parse_zoning(std::string_view s) {
  for (Zoning z : {Zoning::aav, Zoning::ze, Zoning::bv})
    if (to_string(z) == s) return z;
  return std::nullopt;
}

std::string_view to_string(Family f) {
  switch (f) {
    case Family::core: return "core";
    case Family::ring: return "ring";
    case Family::cumulative: return "cumulative";
    case Family::band: return "band";
    case Family::zoning: return "zoning";
    case Family::alliance: return "alliance";
  }
  return "?";
}

// ---------------------------------------------------------------------------
// Zoning labels

namespace {
// One CSV line, fields optionally in double quotes ("" inside quotes = ").
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}
}  // namespace

ZoningLabels load_zoning_labels(const std::filesystem::path& csv) {
  ZoningLabels out;
  std::ifstream in(csv);
  std::string line;
  if (!in || !std::getline(in, line)) return out;  // header NIVGEO,CODGEO,LIBGEO,NB_COM
  while (std::getline(in, line)) {
    auto f = split_csv(line);
    if (f.size() >= 3 && (f[0] == "AAV2020" || f[0] == "ZE2020" || f[0] == "BV2022"))
      out[{f[0], f[1]}] = f[2];
  }
  return out;
}

// ---------------------------------------------------------------------------
// Core resolution

namespace {

// How close a mistyped code or id is to a real one: codes are hierarchical
// (SIREN, INSEE département prefix), so the longest common prefix first, then
// the smallest difference in length. Sorts best first.
struct Closeness {
  std::size_t prefix = 0, length_gap = 0;
  bool operator<(const Closeness& o) const {
    return prefix != o.prefix ? prefix > o.prefix : length_gap < o.length_gap;
  }
};

Closeness closeness(std::string_view typed, std::string_view real) {
  Closeness c;
  while (c.prefix < typed.size() && c.prefix < real.size() && typed[c.prefix] == real[c.prefix]) ++c.prefix;
  c.length_gap = typed.size() > real.size() ? typed.size() - real.size() : real.size() - typed.size();
  return c;
}

std::string article(Level l) {
  switch (l) {
    case Level::commune: return "a commune";
    case Level::epci: return "an EPCI";
    case Level::pays: return "a pays";
    case Level::departement: return "a département";
    case Level::region: return "a région";
  }
  return "a territory";
}

bool has_letters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c) && c != 'A' && c != 'B'; });
}

}  // namespace

std::vector<std::size_t> resolve_core(const model::TerritoryBase& base, Level level,
                                      std::span<const std::string> codes) {
  const auto wrong = [](const std::string& m) { return RingsRequestError(ExitCode::data, "core", m); };
  if (codes.empty()) throw RingsRequestError(ExitCode::usage, "core", "the core needs at least one code");
  std::vector<std::size_t> out;
  for (const std::string& code : codes) {
    if (auto i = base.index_of(level, code)) {
      if (std::find(out.begin(), out.end(), *i) == out.end()) out.push_back(*i);
      continue;
    }
    std::string msg = "core code '" + code + "' is not " + article(level) + " of the base (scope " + base.scope + ")";
    if (const Territory* other = base.find_any(code)) {
      throw wrong(msg + ": it is " + article(other->level) + " (" + other->name + "); choose the level " +
                  std::string(model::level_name(other->level)) + " or give " + article(level) + " code");
    }
    if (!has_letters(code))
      if (auto where = sources::locate_code(paths::sources(), code, base.scope)) throw wrong(msg + "; " + *where);
    // Suggestions: names when the text looks like a name, else the closest codes.
    std::vector<std::string> hints;
    if (has_letters(code)) {
      for (const Territory* t : base.nearest_by_name(code, 12))
        if (t->level == level && hints.size() < 5) hints.push_back(t->code + " " + t->name);
    } else {
      std::vector<std::pair<Closeness, const Territory*>> scored;
      for (const Territory& t : base.layer(level)) scored.emplace_back(closeness(code, t.code), &t);
      const std::size_t n = std::min<std::size_t>(5, scored.size());
      std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                        [](const auto& a, const auto& b) {
                          if (a.first < b.first || b.first < a.first) return a.first < b.first;
                          return a.second->code < b.second->code;  // deterministic among equals
                        });
      for (std::size_t i = 0; i < n; ++i) hints.push_back(scored[i].second->code + " " + scored[i].second->name);
    }
    if (!hints.empty()) {
      msg += "; nearest: ";
      for (std::size_t i = 0; i < hints.size(); ++i) msg += (i ? ", " : "") + hints[i];
    }
    throw wrong(msg);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Perimeters

namespace {

struct Context {
  const model::TerritoryBase& base;
  const std::vector<Territory>& communes;
  const std::vector<Territory>& level_layer;
  Level level;
};

std::vector<std::size_t> communes_of(const Context& c, const std::vector<std::size_t>& members) {
  std::vector<std::size_t> out;
  if (c.level == Level::commune) {
    out = members;
  } else {
    for (std::size_t m : members) {
      auto v = c.base.commune_indices(c.level_layer[m]);
      out.insert(out.end(), v.begin(), v.end());
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Figures figures_of(const Context& c, const std::vector<std::size_t>& communes) {
  Figures f;
  std::set<std::string_view> epci;
  for (std::size_t i : communes) {
    const Territory& t = c.communes[i];
    f.population_municipale += t.population_municipale;
    f.area_km2 += t.area_km2;
    if (!t.epci.empty()) epci.insert(t.epci);
  }
  f.communes = communes.size();
  f.epci = epci.size();
  return f;
}

PerimeterRow level_row(const Context& c, Family family, std::string id, std::string name,
                       std::vector<std::size_t> members) {
  PerimeterRow r;
  r.family = family;
  r.id = std::move(id);
  r.name = std::move(name);
  std::sort(members.begin(), members.end());
  for (std::size_t m : members) r.members.push_back(c.level_layer[m].code);
  r.communes = communes_of(c, members);
  r.figures = figures_of(c, r.communes);
  return r;
}

std::string format_km(double d) {
  std::ostringstream s;
  s << d;
  return s.str();
}

// The zoning code holding most of the core's population (ties: smallest code).
std::string dominant(const Context& c, const std::vector<std::size_t>& core_communes,
                     std::string Territory::*field) {
  std::map<std::string, std::int64_t> pop;
  for (std::size_t i : core_communes) pop[c.communes[i].*field] += c.communes[i].population_municipale + 1;
  std::string best;
  std::int64_t best_pop = -1;
  for (const auto& [code, p] : pop)
    if (!code.empty() && p > best_pop) best = code, best_pop = p;
  return best;
}

template <class Pred>
std::vector<std::size_t> communes_where(const Context& c, Pred pred) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < c.communes.size(); ++i)
    if (pred(c.communes[i])) out.push_back(i);
  return out;
}

std::int64_t population_of(const Context& c, const std::vector<std::size_t>& communes) {
  std::int64_t p = 0;
  for (std::size_t i : communes) p += c.communes[i].population_municipale;
  return p;
}

// Population and area of the intersection of two sorted commune sets.
std::pair<std::int64_t, double> shared(const Context& c, const std::vector<std::size_t>& a,
                                       const std::vector<std::size_t>& b) {
  std::int64_t pop = 0;
  double area = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      pop += c.communes[*i].population_municipale;
      area += c.communes[*i].area_km2;
      ++i, ++j;
    }
  }
  return {pop, area};
}

geo::Geometry dissolve_members(std::span<const geo::Geometry* const> parts) {
  if (parts.empty()) return geo::Geometry::empty_multipolygon();
  if (parts.size() == 1) return parts[0]->as_multipolygon();
  return geo::dissolve(parts).geometry;
}

geo::Geometry core_geometry(const Context& c, const std::vector<std::size_t>& core) {
  std::vector<const geo::Geometry*> parts;
  for (std::size_t i : core) parts.push_back(&c.level_layer[i].geometry);
  return dissolve_members(parts);
}

}  // namespace

void validate_request(const RingsRequest& request) {
  const auto usage = [](const char* field, const std::string& m) {
    return RingsRequestError(ExitCode::usage, field, m);
  };
  if (request.core.empty()) throw usage("core", "the core needs at least one code");
  if (request.level != Level::commune && request.level != Level::epci && request.level != Level::pays)
    throw usage("level", "rings are computed on communes, EPCI or pays, not on " +
                             std::string(model::level_name(request.level)));
  if (request.rings < 1 || request.rings > max_rings)
    throw usage("rings", "the number of rings must be between 1 and " + std::to_string(max_rings) + " (got " +
                             std::to_string(request.rings) + ")");
  for (std::size_t i = 0; i < request.bands_km.size(); ++i) {
    const double d = request.bands_km[i];
    if (!(d >= 0) || !std::isfinite(d))
      throw usage("bands", "band distances must be zero or positive kilometres (got " + format_km(d) + ")");
    for (std::size_t j = 0; j < i; ++j)
      if (request.bands_km[j] == d) throw usage("bands", "band distance " + format_km(d) + " km is given twice");
  }
}

namespace {

// The steps of compute_rings, in their order.

// 1. Core and rings: breadth-first from every core territory at once, up to
// the first empty ring. dist: ring of each territory, -1 beyond. Returns the
// number of rings (and cumulative perimeters) computed.
int add_rings(const Context& c, const geo::ContiguityGraph& graph, const std::vector<std::size_t>& core,
              const RingsRequest& request, std::vector<int>& dist, RingsResult& out) {
  std::string core_name;
  for (std::size_t i : core) core_name += (core_name.empty() ? "" : " + ") + c.level_layer[i].name;
  out.rows.push_back(level_row(c, Family::core, "core", "Cœur : " + core_name, core));
  dist.assign(c.level_layer.size(), -1);
  for (std::size_t i : core) dist[i] = 0;
  std::vector<std::size_t> frontier = core, cumulative = core;
  std::vector<PerimeterRow> rings, cumuls;
  for (int k = 1; k <= request.rings; ++k) {
    std::vector<std::size_t> next;
    for (std::size_t i : frontier)
      for (std::uint32_t j : graph.neighbours(i))
        if (dist[j] < 0) {
          dist[j] = k;
          next.push_back(j);
        }
    const bool exhausted = next.empty();
    if (exhausted)
      out.notes.push_back("ring " + std::to_string(k) + " is empty: the core's connected territories are exhausted" +
                          (k < request.rings ? "; rings " + std::to_string(k + 1) + " to " +
                                                   std::to_string(request.rings) + " not computed"
                                             : ""));
    cumulative.insert(cumulative.end(), next.begin(), next.end());
    rings.push_back(level_row(c, Family::ring, "ring-" + std::to_string(k), "Anneau " + std::to_string(k), next));
    rings.back().k = k;
    cumuls.push_back(level_row(c, Family::cumulative, "cumul-" + std::to_string(k),
                               k == 1 ? "Cœur + anneau 1" : "Cœur + anneaux 1–" + std::to_string(k), cumulative));
    cumuls.back().k = k;
    frontier = std::move(next);
    if (exhausted) break;  // the first empty ring is shown; the next ones would be too
  }
  for (std::size_t i : core)
    if (graph.degree(i) == 0)
      out.notes.push_back(c.level_layer[i].code + " " + c.level_layer[i].name +
                          " has no neighbour at this level (an island): its rings stay empty");
  for (auto& r : rings) out.rows.push_back(std::move(r));
  for (auto& r : cumuls) out.rows.push_back(std::move(r));
  return static_cast<int>(cumuls.size());
}

// 2. Distance bands: exact GEOS distance to the core (prepared once).
void add_bands(const Context& c, const std::vector<std::size_t>& core, const std::vector<int>& dist,
               const RingsRequest& request, RingsResult& out) {
  if (!request.bands_km.empty()) {
    const geo::PreparedGeometry prepared(core_geometry(c, core));
    std::vector<double> bands = request.bands_km;
    std::sort(bands.begin(), bands.end());
    for (double d_km : bands) {
      const double d = d_km * 1000.0;
      geo::Envelope reach = prepared.envelope();
      reach.minx -= d, reach.miny -= d, reach.maxx += d, reach.maxy += d;
      std::vector<std::size_t> members;
      for (std::size_t i = 0; i < c.level_layer.size(); ++i) {
        const Territory& t = c.level_layer[i];
        if (dist[i] == 0) {
          members.push_back(i);
          continue;
        }
        if (t.geometry.null() || !reach.intersects(t.geometry.envelope())) continue;
        const bool inside = request.band_mode == BandMode::centroid
                                ? prepared.distance_within(t.geometry.centroid(), d)
                                : prepared.distance_within(t.geometry, d);
        if (inside) members.push_back(i);
      }
      PerimeterRow r = level_row(c, Family::band, "band-" + format_km(d_km) + "km",
                                 "Bande " + format_km(d_km) + " km (" +
                                     (request.band_mode == BandMode::centroid ? "centroïde" : "toute partie") + ")",
                                 members);
      r.distance_km = d_km;
      out.rows.push_back(std::move(r));
    }
  }
}

// 3. INSEE catchments of the core. Returns the communes of the core's AAV.
std::vector<std::size_t> add_zonings(const Context& c, const RingsInputs& in, const RingsRequest& request,
                                     const std::vector<std::size_t>& core_communes, RingsResult& out) {
  auto label = [&](const std::string& kind, const std::string& code) {
    if (in.labels)
      if (auto it = in.labels->find({kind, code}); it != in.labels->end()) return it->second;
    return code;
  };
  std::vector<std::size_t> aav_communes;
  out.aav_code = dominant(c, core_communes, &Territory::aav2020);
  if (out.aav_code == "000") {
    out.notes.push_back("the core lies outside any aire d'attraction des villes (AAV 2020 code 000)");
    out.aav_code.clear();
  }
  if (!out.aav_code.empty()) {
    out.aav_name = label("AAV2020", out.aav_code);
    aav_communes = communes_where(c, [&](const Territory& t) { return t.aav2020 == out.aav_code; });
  } else if (core_communes.size() && c.communes[core_communes.front()].aav2020.empty()) {
    out.notes.push_back("the base carries no AAV 2020 codes: no AAV share computed");
  }
  auto zoning_row = [&](std::string id, std::string name, std::string code, std::vector<std::size_t> communes) {
    PerimeterRow r;
    r.family = Family::zoning;
    r.id = std::move(id);
    r.name = std::move(name);
    r.zoning_code = std::move(code);
    r.communes = std::move(communes);
    r.figures = figures_of(c, r.communes);
    out.rows.push_back(std::move(r));
  };
  for (Zoning z : request.zonings) {
    if (z == Zoning::aav) {
      if (out.aav_code.empty()) continue;
      const std::string& a = out.aav_code;
      const std::string base_name = "AAV 2020 " + out.aav_name;
      zoning_row("aav-" + a, base_name, a, aav_communes);
      // CATEAAV2020: 11, 12 main pôle, 13 secondary pôle; 20 couronne.
      zoning_row("aav-" + a + "-pole", base_name + " — pôle", a, communes_where(c, [&](const Territory& t) {
                   return t.aav2020 == a && (t.aav_category == "11" || t.aav_category == "12" || t.aav_category == "13");
                 }));
      zoning_row("aav-" + a + "-couronne", base_name + " — couronne", a, communes_where(c, [&](const Territory& t) {
                   return t.aav2020 == a && t.aav_category == "20";
                 }));
    } else {
      const bool ze = z == Zoning::ze;
      std::string Territory::*field = ze ? &Territory::ze2020 : &Territory::bv2022;
      const std::string code = dominant(c, core_communes, field);
      if (code.empty()) {
        out.notes.push_back(std::string("the base carries no ") + (ze ? "ZE 2020" : "BV 2022") + " codes");
        continue;
      }
      const std::string kind = ze ? "ZE2020" : "BV2022";
      zoning_row(std::string(ze ? "ze-" : "bv-") + code, std::string(ze ? "ZE 2020 " : "BV 2022 ") + label(kind, code),
                 code, communes_where(c, [&](const Territory& t) { return t.*field == code; }));
    }
  }
  return aav_communes;
}

// 4. Alliances of the catalogue.
void add_alliances(const Context& c, const RingsInputs& in, const RingsRequest& request, RingsResult& out) {
  for (const std::string& id : request.compare) {
    auto a = std::find_if(in.alliances.begin(), in.alliances.end(), [&](const auto& x) { return x.id == id; });
    if (a == in.alliances.end()) {
      std::vector<std::pair<Closeness, std::string>> scored;
      for (const auto& x : in.alliances) scored.emplace_back(closeness(id, x.id), x.id);
      std::stable_sort(scored.begin(), scored.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
      std::string msg = "unknown alliance id '" + id + "' among the alliances to compare";
      for (std::size_t i = 0; i < std::min<std::size_t>(3, scored.size()); ++i)
        msg += (i ? ", " : "; nearest: ") + scored[i].second;
      throw RingsRequestError(ExitCode::data, "compare", msg);
    }
    auto p = std::find_if(in.perimeters.begin(), in.perimeters.end(), [&](const auto& x) { return x.alliance_id == id; });
    PerimeterRow r;
    r.family = Family::alliance;
    r.id = "alliance-" + id;
    r.name = a->name;
    if (p != in.perimeters.end()) {
      r.communes = p->communes;
      std::sort(r.communes.begin(), r.communes.end());
    }
    for (const auto& m : a->members) r.members.push_back(m.code);
    r.figures = figures_of(c, r.communes);
    out.rows.push_back(std::move(r));
  }
}

// 5. Shares: theme coverage, AAV capture, commuters (beyond the outermost
// cumulative perimeter computed, `rings_computed`).
void add_shares(const Context& c, const RingsInputs& in, const RingsRequest& request,
                const std::vector<std::size_t>& core_communes, const std::vector<std::size_t>& aav_communes,
                int rings_computed, RingsResult& out) {
  std::vector<char> covered;
  if (!in.alliances.empty()) {
    covered.assign(c.communes.size(), 0);
    for (const auto& p : in.perimeters) {
      auto a = std::find_if(in.alliances.begin(), in.alliances.end(),
                            [&](const auto& x) { return x.id == p.alliance_id; });
      if (a == in.alliances.end() ||
          std::find(a->themes.begin(), a->themes.end(), request.theme) == a->themes.end())
        continue;
      for (std::size_t i : p.communes)
        if (i < covered.size()) covered[i] = 1;
    }
  }
  const std::int64_t aav_pop = population_of(c, aav_communes);
  std::vector<std::int64_t> workers_from;  // per commune: workers living there and working in the core
  std::int64_t to_core = 0;
  if (in.flows) {
    std::vector<char> in_core(c.communes.size(), 0);
    for (std::size_t i : core_communes) in_core[i] = 1;
    workers_from.assign(c.communes.size(), 0);
    for (const auto& f : in.flows->flows)
      if (in_core[f.work]) {
        workers_from[f.home] += f.workers;
        to_core += f.workers;
      }
    CommuterSummary s;
    s.vintage = in.flows->vintage + ", flux ≥ " + std::to_string(in.flows->threshold) + " actifs";
    s.to_core = to_core;
    s.unmatched = in.flows->unmatched;
    for (std::size_t i : core_communes) s.from_core += workers_from[i];
    s.beyond_rings = to_core;
    // Beyond the outermost perimeter computed: the last cumulative one, or the core alone.
    const PerimeterRow* outer = &out.rows.front();
    for (const auto& r : out.rows)
      if (r.family == Family::cumulative && r.k == rings_computed) outer = &r;
    for (std::size_t i : outer->communes) s.beyond_rings -= workers_from[i];
    if (to_core == 0)
      out.notes.push_back("no commuting flow (" + s.vintage +
                          ", homes in Ille-et-Vilaine) ends in the core: commuter shares not computed");
    out.commuters = std::move(s);
  }
  for (auto& r : out.rows) {
    if (!covered.empty()) {
      std::int64_t cov = 0;
      for (std::size_t i : r.communes)
        if (covered[i]) cov += c.communes[i].population_municipale;
      r.theme_coverage = r.figures.population_municipale > 0
                             ? static_cast<double>(cov) / static_cast<double>(r.figures.population_municipale)
                             : 0.0;
    }
    if (aav_pop > 0) r.aav_capture = static_cast<double>(shared(c, r.communes, aav_communes).first) /
                                     static_cast<double>(aav_pop);
    if (to_core > 0) {
      std::int64_t w = 0;
      for (std::size_t i : r.communes) w += workers_from[i];
      r.commuter_share = static_cast<double>(w) / static_cast<double>(to_core);
    }
  }
}

// 6. Overlaps of every pair of perimeters (rings are disjoint annuli: their
// cumulative perimeters stand for them).
void add_overlaps(const Context& c, RingsResult& out) {
  for (std::size_t a = 0; a < out.rows.size(); ++a) {
    if (out.rows[a].family == Family::ring) continue;
    for (std::size_t b = a + 1; b < out.rows.size(); ++b) {
      if (out.rows[b].family == Family::ring) continue;
      const auto& ra = out.rows[a];
      const auto& rb = out.rows[b];
      const auto [pop, area] = shared(c, ra.communes, rb.communes);
      OverlapRow o;
      o.a = a;
      o.b = b;
      o.shared_population = pop;
      o.shared_area_km2 = area;
      const double upop = static_cast<double>(ra.figures.population_municipale + rb.figures.population_municipale - pop);
      const double uarea = ra.figures.area_km2 + rb.figures.area_km2 - area;
      o.iou_population = upop > 0 ? static_cast<double>(pop) / upop : 0;
      o.iou_area = uarea > 0 ? area / uarea : 0;
      out.overlaps.push_back(o);
    }
  }
}

}  // namespace


RingsResult compute_rings(const RingsInputs& in, const RingsRequest& request) {
  validate_request(request);
  const Context c{in.base, in.base.layer(Level::commune), in.base.layer(request.level), request.level};
  if (in.graph.size() != c.level_layer.size())
    throw DataError("the contiguity graph has " + std::to_string(in.graph.size()) + " nodes but the " +
                    std::string(model::level_name(request.level)) + " layer has " +
                    std::to_string(c.level_layer.size()) + " territories");

  RingsResult out;
  out.level = request.level;
  out.adjacency = request.adjacency;
  out.theme = request.theme;
  const std::vector<std::size_t> core = resolve_core(in.base, request.level, request.core);
  for (std::size_t i : core) out.core.push_back(c.level_layer[i].code);
  for (std::size_t i : in.graph.islands()) out.islands.push_back(c.level_layer[i].code);

  std::vector<int> dist;
  const int rings_computed = add_rings(c, in.graph, core, request, dist, out);
  add_bands(c, core, dist, request, out);
  const std::vector<std::size_t> core_communes = out.rows.front().communes;  // a copy: rows grow below
  const std::vector<std::size_t> aav_communes = add_zonings(c, in, request, core_communes, out);
  add_alliances(c, in, request, out);
  add_shares(c, in, request, core_communes, aav_communes, rings_computed, out);
  add_overlaps(c, out);
  return out;
}

void compute_outlines(const RingsInputs& in, RingsResult& result) {
  const Context c{in.base, in.base.layer(Level::commune), in.base.layer(result.level), result.level};
  geo::Geometry core;
  for (auto& r : result.rows) {
    std::vector<const geo::Geometry*> parts;
    if (r.family == Family::alliance) {
      auto p = std::find_if(in.perimeters.begin(), in.perimeters.end(),
                            [&](const auto& x) { return "alliance-" + x.alliance_id == r.id; });
      if (p != in.perimeters.end() && !p->geometry.null()) {
        r.geometry = p->geometry.clone();
        continue;
      }
    }
    if (!r.members.empty() && r.family != Family::alliance) {
      for (const auto& code : r.members)
        if (auto i = in.base.index_of(result.level, code)) parts.push_back(&c.level_layer[*i].geometry);
    } else {
      for (std::size_t i : r.communes) parts.push_back(&c.communes[i].geometry);
    }
    r.geometry = dissolve_members(parts);
    if (r.family == Family::core) core = r.geometry.clone();
  }
  for (auto& r : result.rows)
    if (r.family == Family::band && !core.null()) r.buffer = core.buffer(r.distance_km * 1000.0, 8);
}

}  // namespace cartes::analysis
