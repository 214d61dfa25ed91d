#pragma once
// The scopes a territory base can cover, and their départements.
#include <string>
#include <string_view>
#include <vector>

#include "geo/geometry.hpp"

namespace cartes::sources {

// "loire-bretagne" (the 9 départements of Bretagne and Pays de la Loire) and "france".
const std::vector<std::string>& known_scopes();
// "loire-bretagne, france", for messages.
std::string known_scopes_text();
bool is_known_scope(std::string_view scope);
// UsageError "<what>: unknown scope 'x' (allowed: loire-bretagne, france)" unless known.
void require_known_scope(std::string_view scope, std::string_view what = "--scope");

// Départements of a scope ("france": every metropolitan one, `metropolitan`
// from the COG list); UsageError for an unknown scope.
std::vector<std::string> scope_departements(std::string_view scope, const std::vector<std::string>& metropolitan);

// Where metropolitan France lies in Lambert-93 (EPSG:2154, metres; Corsica
// included, with a margin): a commune outside it was read with swapped
// coordinates or a wrong CRS.
geo::Envelope metropolitan_extent_l93();
// How far (metres) a commune may lie from the middle of its département's
// other communes: more than the width of any metropolitan département.
inline constexpr double max_distance_in_departement_m = 250'000;

// The département of a current commune code ("35238" -> "35", "2A004" -> "2A", "97411" -> "974").
std::string departement_of_commune(std::string_view commune_code);
// The smallest scope holding a commune: "loire-bretagne" or "france".
std::string smallest_scope_of_commune(std::string_view commune_code);

}  // namespace cartes::sources
