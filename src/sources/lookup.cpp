#include "sources/lookup.hpp"

#include <exception>
#include <set>

#include "sources/cog.hpp"
#include "sources/layout.hpp"
#include "sources/scopes.hpp"

namespace cartes::sources {

namespace {
std::string held_by(const std::string& scope, const std::string& loaded_scope) {
  return ") is held by scope " + scope +
         (scope == loaded_scope ? "" : ": build it with `cartes build --scope " + scope + "` and pass --base");
}
}  // namespace

std::optional<std::string> locate_code(const std::filesystem::path& root, const std::string& code,
                                       const std::string& loaded_scope) {
  Cog cog;
  try {
    cog = read_cog(cog_dir(root));
  } catch (const std::exception&) {
    return std::nullopt;  // a hint only: no sources, no hint
  }
  for (const CogEpci& e : cog.epci) {
    if (e.siren != code) continue;
    std::set<std::string> deps;
    bool in_loire_bretagne = false;
    for (const CogMember& m : e.members) {
      deps.insert(departement_of_commune(m.code));
      in_loire_bretagne = in_loire_bretagne || smallest_scope_of_commune(m.code) == "loire-bretagne";
    }
    std::string d;
    for (const auto& x : deps) d += (d.empty() ? "" : ", ") + x;
    return "EPCI " + code + " " + e.name + " (communes in départements " + d +
           held_by(in_loire_bretagne ? "loire-bretagne" : "france", loaded_scope);
  }
  if (cog.is_current_commune(code)) {
    const CogCommune& c = cog.communes.at(code);
    return "commune " + code + " " + c.name + " (département " + c.departement +
           held_by(smallest_scope_of_commune(code), loaded_scope);
  }
  return std::nullopt;
}

}  // namespace cartes::sources
