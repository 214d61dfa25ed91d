#pragma once
// The vocabularies of the card families (geodata/vocabularies.toml): stable
// ASCII ids -> French labels, in the file's order.
//
// Extendable families (themes, portage, partner_kinds) take whatever the file
// lists. Fixed families (finalites, temporalite, intensite, tendance, status,
// confidence) must list exactly the model's ids (families.hpp): the file only
// gives their labels. Any mismatch is a DataError naming file and line.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cartes::model {

struct VocabularyEntry {
  std::string id;
  std::string label;
};

struct Family {
  std::string name;    // "themes", "finalites", ...
  std::string label;   // French: "Thème", "Finalité", ...
  bool extendable = false;
  std::vector<VocabularyEntry> entries;  // file order
};

class Vocabulary {
 public:
  // Every family name, in the order of the workshop's cards.
  static const std::vector<std::string>& family_names();

  static Vocabulary load(const std::filesystem::path& file);
  static Vocabulary parse(std::string_view text, const std::string& source_name);
  // paths::project_data() / "vocabularies.toml".
  static Vocabulary load_default();

  const Family* family(std::string_view name) const;   // nullptr when unknown
  bool contains(std::string_view family, std::string_view id) const;
  // The French label; the id itself when unknown (never throws).
  std::string label(std::string_view family, std::string_view id) const;
  // The id a person typed: the id itself, or its French label with case and
  // accents ignored ("Mobilité" -> "mobilite"). Empty when neither.
  std::string resolve(std::string_view family, std::string_view text) const;
  // "a, b, c": the allowed ids, for messages.
  std::string allowed(std::string_view family) const;

  const std::vector<Family>& families() const { return families_; }

 private:
  std::vector<Family> families_;
};

}  // namespace cartes::model
