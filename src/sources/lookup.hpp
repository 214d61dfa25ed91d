#pragma once
// Look-ups in the national lists of the sources, for codes a base does not hold.
#include <filesystem>
#include <optional>
#include <string>

namespace cartes::sources {

// Where an EPCI SIREN or a current commune code lies in COG 2025, and which
// scope holds it: "EPCI 200054781 Métropole du Grand Paris (communes in
// départements 75, 92, 93, 94) is held by scope france: build it with
// `cartes build --scope france` and pass --base". Nullopt when the code is in
// neither list, or the lists are absent or unreadable (a hint, never an error).
std::optional<std::string> locate_code(const std::filesystem::path& root, const std::string& code,
                                       const std::string& loaded_scope);

}  // namespace cartes::sources
