#include "model/alliance_csv.hpp"

#include <algorithm>
#include <map>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace cartes::model {

namespace {
constexpr std::string_view bom = "\xEF\xBB\xBF";
constexpr std::string_view crlf = "\r\n";

std::string names_of_columns() { return join(column_names(), ", "); }
}  // namespace

std::string catalogue_to_csv(const Catalogue& catalogue) {
  std::string out(bom);
  const auto columns = alliance_columns();
  for (std::size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + csv::quote(columns[c].name);
  out += crlf;
  for (const Alliance& a : catalogue.alliances) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::string cell;
      try {
        cell = columns[c].cell(a);
      } catch (const DataError& e) {
        throw DataError("alliance '" + a.id + "': " + e.what());
      }
      out += (c ? "," : "") + csv::quote(cell);
    }
    out += crlf;
  }
  return out;
}

CsvImport plan_csv_import(std::string_view text, const std::string& source_name, const Catalogue& current,
                          const FieldContext& context) {
  std::vector<csv::Record> records;
  try {
    records = csv::read_records(text, csv::detect_separator(text));
  } catch (const DataError& e) {
    throw DataError(source_name + ": " + e.what());
  }
  if (records.empty())
    throw DataError(source_name + ": empty file: expected a header row naming columns among " + names_of_columns());

  std::vector<CatalogueIssue> issues;
  auto issue = [&](int line, std::string message) { issues.push_back({source_name, line, std::move(message)}); };

  // The header: known columns, each once, id among them.
  const csv::Record& header = records.front();
  std::vector<const AllianceColumn*> columns;
  std::map<std::string, std::size_t> seen;
  std::size_t id_column = header.fields.size();
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string name = std::string(trim_blanks(header.fields[c]));
    const AllianceColumn* column = find_column(name);
    if (!column) issue(header.line, "row 1: unknown column '" + name + "'" + did_you_mean(name, column_names()) +
                                        " (columns: " + names_of_columns() + ")");
    else if (!seen.emplace(name, c).second) issue(header.line, "row 1: column '" + name + "' appears twice");
    if (name == "id") id_column = c;
    columns.push_back(column);
  }
  if (id_column == header.fields.size()) issue(header.line, "row 1: no 'id' column: each row needs the alliance's id");
  if (!issues.empty()) throw CatalogueError(std::move(issues));

  CsvImport plan;
  std::map<std::string, std::size_t> row_of_id;
  std::size_t added = 0;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const csv::Record& record = records[r];
    const std::string row = "row " + std::to_string(r + 1);
    if (record.fields.size() != columns.size()) {
      issue(record.line, row + ": " + std::to_string(record.fields.size()) + " cells, the header has " +
                             std::to_string(columns.size()));
      continue;
    }
    const std::string id = std::string(trim_blanks(record.fields[id_column]));
    if (id.empty()) {
      issue(record.line, row + ", column 'id': empty: each row needs the alliance's id");
      continue;
    }
    if (auto [it, fresh] = row_of_id.emplace(id, r + 1); !fresh) {
      issue(record.line, row + ", column 'id': '" + id + "' is also on row " + std::to_string(it->second));
      continue;
    }
    const auto existing = std::find_if(current.alliances.begin(), current.alliances.end(),
                                       [&](const Alliance& a) { return a.id == id; });
    Alliance alliance;
    if (existing != current.alliances.end()) alliance = *existing;
    alliance.id = id;
    const std::size_t before = issues.size();
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c == id_column) continue;
      try {
        columns[c]->assign(alliance, record.fields[c], context);
      } catch (const DataError& e) {
        issue(record.line, row + ", column '" + columns[c]->name + "': " + e.what());
      }
    }
    if (issues.size() != before) continue;
    for (const CatalogueIssue& i : validate_alliance(alliance, context.vocabulary, &context.base, source_name))
      issue(record.line, row + ": " + i.message);
    if (issues.size() != before) continue;

    if (existing == current.alliances.end()) {
      plan.changes.push_back({id, true, {}});
      plan.edit.changes.push_back({current.alliances.size() + added++, std::nullopt, std::move(alliance)});
    } else if (to_canonical_toml(*existing) == to_canonical_toml(alliance)) {
      ++plan.unchanged;
    } else {
      plan.changes.push_back({id, false, differing_columns(*existing, alliance)});
      plan.edit.changes.push_back({static_cast<std::size_t>(existing - current.alliances.begin()), *existing,
                                   std::move(alliance)});
    }
  }
  if (!issues.empty()) throw CatalogueError(std::move(issues));
  plan.edit.label = "Importer " + source_name;
  return plan;
}

}  // namespace cartes::model
