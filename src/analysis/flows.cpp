#include "analysis/flows.hpp"

#include <set>

#include "geo/vector_reader.hpp"

namespace cartes::analysis {

namespace {
// CODGEO is an integer in the source (35001), DCLT a string: both become
// 5-character INSEE codes.
std::string commune_code(const geo::Feature& f, const std::string& field) {
  auto it = f.fields.find(field);
  if (it == f.fields.end()) return {};
  if (const auto* i = std::get_if<std::int64_t>(&it->second)) {
    std::string s = std::to_string(*i);
    while (s.size() < 5) s.insert(s.begin(), '0');
    return s;
  }
  if (const auto* d = std::get_if<double>(&it->second)) {
    std::string s = std::to_string(static_cast<std::int64_t>(*d));
    while (s.size() < 5) s.insert(s.begin(), '0');
    return s;
  }
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return {};
}
}  // namespace

CommuteFlows load_commute_flows(const std::filesystem::path& geojson, const model::TerritoryBase& base,
                                const sources::CommuneRekeying& rekeying, ProblemReporter* problems) {
  geo::ReadOptions options;
  options.read_geometry = false;
  // Without one of these a flow would be read as 0 workers or no commune.
  options.required_fields = {{"CODGEO"}, {"DCLT"}, {"NBFLUX_C16"}};
  const auto features = geo::read_features(geojson, options);
  CommuteFlows out;
  std::set<std::string> unmatched, rekeyed;
  auto resolve = [&](const std::string& code) -> std::optional<std::size_t> {
    if (auto i = base.index_of(model::Level::commune, code)) return i;
    if (const sources::Rekeyed r = rekeying.rekey(code); !r.code.empty() && r.code != code)
      if (auto i = base.index_of(model::Level::commune, r.code)) {
        rekeyed.insert(code);
        return i;
      }
    return std::nullopt;
  };
  for (const auto& f : features) {
    const std::string home = commune_code(f, "CODGEO"), work = commune_code(f, "DCLT");
    const std::int64_t n = f.integer("NBFLUX_C16");
    const auto h = resolve(home), w = resolve(work);
    for (const auto& [code, idx] : {std::pair{home, h}, std::pair{work, w}})
      if (!idx && unmatched.insert(code).second && problems)
        problems->report({"flow_code_unmatched", code, geojson.filename().string() + " feature " + std::to_string(f.fid),
                          "commune code " + code + " of the commuting flows is neither in the base (scope " +
                              base.scope + ") nor a former commune of one"});
    if (h && w && n > 0) out.flows.push_back({*h, *w, n});
  }
  out.unmatched.assign(unmatched.begin(), unmatched.end());
  out.rekeyed = rekeyed.size();
  return out;
}

}  // namespace cartes::analysis
