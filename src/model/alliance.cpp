#include "model/alliance.hpp"

#include <algorithm>
#include <array>

namespace cartes::model {

namespace {
template <typename E, std::size_t N>
std::optional<E> parse_enum(std::string_view text, const std::array<std::pair<E, std::string_view>, N>& table) {
  for (const auto& [value, id] : table)
    if (id == text) return value;
  return std::nullopt;
}
template <typename E, std::size_t N>
std::string_view enum_id(E value, const std::array<std::pair<E, std::string_view>, N>& table) {
  for (const auto& [v, id] : table)
    if (v == value) return id;
  return "?";
}

// The ids are those of geodata/vocabularies.toml (fixed families).
constexpr std::array<std::pair<Status, std::string_view>, 2> status_ids{
    {{Status::a_loeuvre, "a_loeuvre"}, {Status::imaginee, "imaginee"}}};
constexpr std::array<std::pair<Horizon, std::string_view>, 3> horizon_ids{
    {{Horizon::immediat, "immediat"}, {Horizon::dix_ans, "10_ans"}, {Horizon::trente_ans, "30_ans"}}};
constexpr std::array<std::pair<Intensity, std::string_view>, 3> intensity_ids{
    {{Intensity::faible, "faible"}, {Intensity::moyenne, "moyenne"}, {Intensity::forte, "forte"}}};
constexpr std::array<std::pair<Trend, std::string_view>, 3> trend_ids{{{Trend::monte_en_puissance, "monte_en_puissance"},
                                                                      {Trend::stable, "stable"},
                                                                      {Trend::s_essouffle, "s_essouffle"}}};
constexpr std::array<std::pair<Confidence, std::string_view>, 2> confidence_ids{
    {{Confidence::sourced, "sourced"}, {Confidence::approximate, "approximate"}}};
// Finalités are plain ids in Alliance, but the family is fixed all the same.
constexpr std::array<std::pair<int, std::string_view>, 5> finalite_ids{{{0, "service_habitants"},
                                                                       {1, "mise_en_reseau"},
                                                                       {2, "mutualisation"},
                                                                       {3, "reflexion_prospective"},
                                                                       {4, "promotion"}}};
}  // namespace

std::string_view to_string(Status v) { return enum_id(v, status_ids); }
std::string_view to_string(Horizon v) { return enum_id(v, horizon_ids); }
std::string_view to_string(Intensity v) { return enum_id(v, intensity_ids); }
std::string_view to_string(Trend v) { return enum_id(v, trend_ids); }
std::string_view to_string(Confidence v) { return enum_id(v, confidence_ids); }

std::optional<Status> parse_status(std::string_view s) { return parse_enum(s, status_ids); }
std::optional<Horizon> parse_horizon(std::string_view s) { return parse_enum(s, horizon_ids); }
std::optional<Intensity> parse_intensity(std::string_view s) { return parse_enum(s, intensity_ids); }
std::optional<Trend> parse_trend(std::string_view s) { return parse_enum(s, trend_ids); }
std::optional<Confidence> parse_confidence(std::string_view s) { return parse_enum(s, confidence_ids); }

std::vector<std::string_view> fixed_family_ids(std::string_view family) {
  std::vector<std::string_view> out;
  auto add = [&out](const auto& table) {
    for (const auto& entry : table) out.push_back(entry.second);
  };
  if (family == "status") add(status_ids);
  else if (family == "temporalite") add(horizon_ids);
  else if (family == "intensite") add(intensity_ids);
  else if (family == "tendance") add(trend_ids);
  else if (family == "confidence") add(confidence_ids);
  else if (family == "finalites") add(finalite_ids);
  return out;
}

std::vector<std::string> values_of(const Alliance& a, std::string_view family) {
  std::vector<std::string> out;
  auto add = [&out](std::string_view v) {
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.emplace_back(v);
  };
  if (family == "themes") for (const auto& t : a.themes) add(t);
  else if (family == "finalites") for (const auto& f : a.finalites) add(f);
  else if (family == "portage") add(a.portage.kind);
  else if (family == "partner_kinds") for (const auto& p : a.partners) add(p.kind);
  else if (family == "temporalite") add(to_string(a.temporalite));
  else if (family == "intensite") add(to_string(a.intensite));
  else if (family == "tendance") add(to_string(a.tendance));
  else if (family == "status") add(to_string(a.status));
  else if (family == "confidence") add(to_string(a.confidence));
  else if (family == "levels") for (const auto& m : a.members) add(level_name(m.level));
  return out;
}

bool Alliance::has_member_level(Level level) const {
  for (const auto& m : members)
    if (m.level == level) return true;
  return false;
}

}  // namespace cartes::model
