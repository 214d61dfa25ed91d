#include "sources/scopes.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace cartes::sources {

namespace {
const std::vector<std::string> loire_bretagne{"22", "29", "35", "56", "44", "49", "53", "72", "85"};
}

const std::vector<std::string>& known_scopes() {
  static const std::vector<std::string> scopes{"loire-bretagne", "france"};
  return scopes;
}

std::string known_scopes_text() {
  std::string out;
  for (const auto& s : known_scopes()) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool is_known_scope(std::string_view scope) {
  return std::find(known_scopes().begin(), known_scopes().end(), scope) != known_scopes().end();
}

void require_known_scope(std::string_view scope, std::string_view what) {
  if (!is_known_scope(scope))
    throw UsageError(std::string(what) + ": unknown scope '" + std::string(scope) + "' (allowed: " +
                     known_scopes_text() + ")");
}

std::vector<std::string> scope_departements(std::string_view scope, const std::vector<std::string>& metropolitan) {
  if (scope == "loire-bretagne") return loire_bretagne;
  if (scope == "france") return metropolitan;
  throw UsageError("unknown scope '" + std::string(scope) + "' (known: " + known_scopes_text() + ")");
}

geo::Envelope metropolitan_extent_l93() {
  // EPSG:2154's area of use is -378 305..1 320 649 E, 6 005 281..7 235 612 N;
  // the land lies well inside (Brest ~145 000 E, Menton ~1 080 000 E).
  geo::Envelope e;
  e.minx = 50'000;
  e.maxx = 1'300'000;
  e.miny = 6'000'000;
  e.maxy = 7'150'000;
  e.empty = false;
  return e;
}

std::string departement_of_commune(std::string_view code) {
  return std::string(code.substr(0, code.substr(0, 2) == "97" ? 3 : 2));
}

std::string smallest_scope_of_commune(std::string_view code) {
  const std::string dep = departement_of_commune(code);
  return std::find(loire_bretagne.begin(), loire_bretagne.end(), dep) != loire_bretagne.end() ? "loire-bretagne"
                                                                                              : "france";
}

}  // namespace cartes::sources
