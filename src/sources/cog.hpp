#pragma once
// The COG 2025 lists of decoupage-administratif 6.0.0 (communes, EPCI,
// départements, régions), read once into plain structs.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cartes::sources {

struct CogCommune {
  std::string code, name, type, departement, region, chef_lieu;  // type: commune-actuelle, -deleguee, -associee, arrondissement-municipal
  std::int64_t population = 0;
};
struct CogMember {
  std::string code;
  std::int64_t population_municipale = 0, population_totale = 0;
};
struct CogEpci {
  std::string siren, name, type;
  std::int64_t population_municipale = 0, population_totale = 0;
  std::vector<CogMember> members;
};
struct Cog {
  std::unordered_map<std::string, CogCommune> communes;  // every type; a current commune wins a shared code
  std::unordered_map<std::string, std::string> former;   // anciensCodes -> current code
  std::vector<CogEpci> epci;
  std::map<std::string, std::pair<std::string, std::string>> departements;  // metro: code -> (name, region)
  std::map<std::string, std::string> regions;                              // metro: code -> name

  bool is_current_commune(const std::string& code) const;
};

// Reads communes.json only (what re-keying and look-ups need).
Cog read_cog_communes(const std::filesystem::path& cog_dir);
// Reads all four lists. InputError when a file is missing, unreadable or a
// folder; DataError naming the file when its JSON or structure is wrong.
Cog read_cog(const std::filesystem::path& cog_dir);

}  // namespace cartes::sources
