#pragma once
// The alliance catalogue: one TOML file (geodata/alliances/FORMAT.md).
//
// Loading is two passes, so that `cartes check` works without a territory
// base: parse_catalogue() checks the syntax, the keys, the types and the
// vocabularies; check_against_base() checks every member's code and name
// against a loaded TerritoryBase. Each pass reports *every* problem it finds
// as "file:line: message" in one CatalogueError.
//
// Saving writes a canonical form (key order of FORMAT.md, one blank line
// between tables, strings escaped, leading comment lines kept): saving a
// loaded canonical file gives it back byte for byte. Writes are atomic.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "model/alliance.hpp"
#include "model/territory.hpp"
#include "model/vocabulary.hpp"

namespace cartes::model {

struct CatalogueIssue {
  std::string file;
  int line = 0;  // 0 when the problem concerns the whole file
  std::string message;
  std::string str() const;  // "file:line: message"
};

// Every problem found, one per line in what(); the list in issues().
class CatalogueError : public DataError {
 public:
  explicit CatalogueError(std::vector<CatalogueIssue> issues);
  const std::vector<CatalogueIssue>& issues() const { return issues_; }

 private:
  std::vector<CatalogueIssue> issues_;
};

struct Catalogue {
  std::string source_name;   // file name used in messages
  int format = 1;
  std::string header;        // leading comment lines of the file, kept on save
  std::vector<Alliance> alliances;

  const Alliance* find(std::string_view id) const;
};

// Throws CatalogueError listing every problem (syntax, keys, types, values).
Catalogue parse_catalogue(std::string_view text, const std::string& source_name, const Vocabulary& vocabulary);
// The same, but problems other than TOML syntax go into `problems` and the
// catalogue comes back as far as it could be read: drafts being edited (an
// alliance without members yet) are journalled and read back this way.
Catalogue parse_catalogue(std::string_view text, const std::string& source_name, const Vocabulary& vocabulary,
                          std::vector<CatalogueIssue>* problems);
// Throws InputError when the file cannot be read, else as parse_catalogue.
Catalogue load_catalogue(const std::filesystem::path& file, const Vocabulary& vocabulary);

struct BaseCheck {
  std::vector<CatalogueIssue> errors;        // unknown codes, names that do not match
  std::vector<CatalogueIssue> out_of_scope;  // members of "france" alliances absent from a smaller base
};
BaseCheck check_against_base(const Catalogue& catalogue, const TerritoryBase& base);
// check_against_base(), throwing CatalogueError when it found errors.
void validate_against_base(const Catalogue& catalogue, const TerritoryBase& base);

std::string to_canonical_toml(const Catalogue& catalogue);
// The canonical text of a catalogue holding this alliance alone: what an edit
// journal records, and how two alliances are compared field by field.
std::string to_canonical_toml(const Alliance& alliance);
// Writes to_canonical_toml() to a temporary file beside `file`, renamed over
// it; OutputError naming the path on failure.
void save_catalogue(const Catalogue& catalogue, const std::filesystem::path& file);

}  // namespace cartes::model
