#pragma once
// Re-keying old commune codes to COG 2025, the one rule for every source
// (the 2024 polygons, the commuting flows...): a current commune keeps its
// code; a delegated or associated commune goes to its chef-lieu; a code of
// the project's commune_mergers.csv goes to its successor. Anything else is
// unknown.
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "sources/cog.hpp"

namespace cartes::sources {

struct Rekeyed {
  std::string code;        // COG 2025 code, empty when unknown
  const char* method = ""; // "identical", "chefLieu", "merger table"
};

class CommuneRekeying {
 public:
  // DataError naming the table's line when a merger lacks a field.
  CommuneRekeying(const Cog& cog, const std::filesystem::path& mergers_csv);

  // DataError when a merger of the table leads to a code that is not a current commune.
  Rekeyed rekey(const std::string& code) const;
  // Why a code is unknown, with a hint when COG 2025 knows it as a former code.
  std::string why_unknown(const std::string& code) const;

 private:
  bool is_current(const std::string& code) const { return current_.count(code) > 0; }
  std::filesystem::path mergers_file_;
  std::unordered_set<std::string> current_;
  std::unordered_map<std::string, std::string> chef_lieu_;  // delegated/associated -> chef-lieu
  std::unordered_map<std::string, std::string> former_;     // anciensCodes -> current code
  std::unordered_map<std::string, std::pair<std::string, std::string>> mergers_;  // old -> (new, "file: line n")
};

// The re-keying of the sources folder `root` and the project data folder:
// COG 2025 communes.json and commune_mergers.csv.
CommuneRekeying load_commune_rekeying(const std::filesystem::path& root, const std::filesystem::path& project_data);

}  // namespace cartes::sources
