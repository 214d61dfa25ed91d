#include "model/families.hpp"

#include "model/alliance.hpp"

namespace cartes::model {

namespace {
template <FamilyEnumType E>
constexpr std::span<const std::string_view> ids_of() {
  return FamilyEnum<E>::ids;
}

std::vector<std::string> one(std::string_view id) {
  if (id.empty()) return {};
  return {std::string(id)};
}
std::vector<std::string> partner_kinds(const Alliance& a) {
  std::vector<std::string> out;
  for (const auto& p : a.partners) out.push_back(p.kind);
  return out;
}

template <FamilyEnumType E>
E enum_of(const std::vector<std::string>& ids) {
  return parse_value<E>(ids.empty() ? std::string_view{} : std::string_view{ids.front()}).value_or(E{});
}
const std::string& first(const std::vector<std::string>& ids) {
  static const std::string none;
  return ids.empty() ? none : ids.front();
}

constexpr std::string_view theme_aliases[] = {"theme", "thème"};
constexpr std::string_view finalite_aliases[] = {"finalite", "finalité"};
constexpr std::string_view partner_aliases[] = {"partner_kind", "partners", "partenaires"};
constexpr std::string_view temporalite_aliases[] = {"temporalité"};
constexpr std::string_view intensite_aliases[] = {"intensité"};
constexpr std::string_view status_aliases[] = {"statut"};

const FamilyDef families[] = {
    {"themes", "Thème", true, true, "--theme", {}, [](const Alliance& a) { return a.themes; },
     [](Alliance& a, const std::vector<std::string>& v) { a.themes = v; }, theme_aliases},
    {"finalites", "Finalité", false, true, "--finalite", finalite_ids,
     [](const Alliance& a) { return a.finalites; },
     [](Alliance& a, const std::vector<std::string>& v) { a.finalites = v; }, finalite_aliases},
    {"portage", "Portage", true, false, "--portage", {}, [](const Alliance& a) { return one(a.portage.kind); },
     [](Alliance& a, const std::vector<std::string>& v) { a.portage.kind = first(v); }, {}},
    {"partner_kinds", "Partenaires", true, true, "--partner-kind", {}, partner_kinds, nullptr, partner_aliases},
    {"temporalite", "Temporalité", false, false, "--temporalite", ids_of<Horizon>(),
     [](const Alliance& a) { return one(to_string(a.temporalite)); },
     [](Alliance& a, const std::vector<std::string>& v) { a.temporalite = enum_of<Horizon>(v); }, temporalite_aliases},
    {"intensite", "Intensité", false, false, "--intensite", ids_of<Intensity>(),
     [](const Alliance& a) { return one(to_string(a.intensite)); },
     [](Alliance& a, const std::vector<std::string>& v) { a.intensite = enum_of<Intensity>(v); }, intensite_aliases},
    {"tendance", "Tendance", false, false, "--tendance", ids_of<Trend>(),
     [](const Alliance& a) { return one(to_string(a.tendance)); },
     [](Alliance& a, const std::vector<std::string>& v) { a.tendance = enum_of<Trend>(v); }, {}},
    {"status", "Statut", false, false, "--status", ids_of<Status>(),
     [](const Alliance& a) { return one(to_string(a.status)); },
     [](Alliance& a, const std::vector<std::string>& v) { a.status = enum_of<Status>(v); }, status_aliases},
    {"confidence", "Confiance", false, false, "--confidence", ids_of<Confidence>(),
     [](const Alliance& a) { return one(to_string(a.confidence)); },
     [](Alliance& a, const std::vector<std::string>& v) {
       // Members without a confidence of their own take the alliance's.
       a.confidence = enum_of<Confidence>(v);
       for (Member& m : a.members)
         if (!m.confidence_explicit) m.confidence = a.confidence;
     },
     {}},
};
}  // namespace

std::span<const FamilyDef> card_families() { return families; }

const FamilyDef* find_family(std::string_view key) {
  for (const auto& f : families)
    if (f.key == key) return &f;
  return nullptr;
}

}  // namespace cartes::model
