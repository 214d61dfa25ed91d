#pragma once
// The spreadsheet form of a catalogue: one row per alliance, one column per
// field (alliance_fields.hpp), UTF-8 with a byte-order mark and CRLF line
// ends so that LibreOffice and Excel open the accents right.
//
// Importing merges rows into a catalogue: a new id is added, an existing id
// is updated with the columns the file has (a column left out keeps its
// value; members and partners already there keep their details). Exporting
// then importing the same catalogue changes nothing.
#include <string>
#include <string_view>
#include <vector>

#include "model/alliance_fields.hpp"
#include "model/catalogue.hpp"
#include "model/catalogue_edit.hpp"

namespace cartes::model {

// DataError naming the alliance when a list item holds ';'.
std::string catalogue_to_csv(const Catalogue& catalogue);

struct CsvImport {
  CatalogueEdit edit;  // one step: every added and updated alliance
  struct Change {
    std::string id;
    bool added = false;
    std::vector<std::string> columns;  // updated: the columns whose value changed
  };
  std::vector<Change> changes;  // in the file's order
  std::size_t unchanged = 0;
};

// What importing `text` into `current` would change, checked with the rules
// of `cartes check`: CatalogueError listing every problem as
// "file:line: row R, column 'C': ..." (R counts the spreadsheet's rows, the
// header being row 1), nothing applied. ',' or ';' separated.
CsvImport plan_csv_import(std::string_view text, const std::string& source_name, const Catalogue& current,
                          const FieldContext& context);

}  // namespace cartes::model
