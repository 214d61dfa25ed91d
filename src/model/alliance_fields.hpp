#pragma once
// An alliance's fields as text, in one table of columns: the columns of the
// spreadsheet form (`cartes alliances export --format csv`, `import`) and the
// options of `cartes alliances add|set` (`--themes`, `--portage-lead`...).
// Each column reads its cell and assigns it back, so a round trip through a
// spreadsheet changes nothing. The card families' columns come from the table
// of families (families.hpp): a new family is a new column with no change here.
//
// Lists are ';'-separated: themes "mobilite;sante", members
// "epci:242900314;commune:29019", partners "etablissement_sante:CHU de Brest".
// Family values are written as ids; a French label is accepted on input
// ("Mobilité", case and accents ignored).
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/alliance.hpp"
#include "model/territory.hpp"
#include "model/vocabulary.hpp"

namespace cartes::model {

inline constexpr char list_separator = ';';

// What assigning needs to check and complete a value: family ids, and the
// territories members are picked from (their names come from the base).
struct FieldContext {
  const Vocabulary& vocabulary;
  const TerritoryBase& base;
};

struct AllianceColumn {
  std::string name;  // "portage_lead": CSV column; option "--portage-lead"
  std::string help;  // one line, for --help
  bool list = false; // ';'-separated items (an option takes several values)
  std::function<std::string(const Alliance&)> cell;
  // Sets the field from its text; DataError saying what is wrong with the
  // value (the caller adds row and column, or the option). Members and
  // partners already in the alliance keep their details (name, confidence, note).
  std::function<void(Alliance&, std::string_view, const FieldContext&)> assign;
};

// Every column, id first, in the order of the spreadsheet.
std::span<const AllianceColumn> alliance_columns();
const AllianceColumn* find_column(std::string_view name);  // nullptr when unknown
std::vector<std::string> column_names();

// A member from "level:code", or from a bare code that the base knows at one
// level only ("35" is a département, "53" both a département and a région:
// DataError asking for "departement:53"). Its name is the base's, unless
// `previous` already holds that member, which is then returned as it is.
// DataError (with "did you mean") for a code the base does not know.
Member resolve_member(std::string_view text, const FieldContext& context, const std::vector<Member>& previous);

// The items of a list cell, each trimmed, empty ones dropped.
std::vector<std::string> split_items(std::string_view cell);

// The columns whose cells differ between two states of an alliance (what an
// edit, an import or a conflict changed).
std::vector<std::string> differing_columns(const Alliance& a, const Alliance& b);

}  // namespace cartes::model
