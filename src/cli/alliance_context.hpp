#pragma once
// What the alliance commands (check, alliances, stats, export) share: the
// --catalogue/--base/--scope options, loading the vocabularies, catalogue and
// territory base, and printing tables.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/catalogue.hpp"
#include "model/perimeter.hpp"
#include "model/territory.hpp"
#include "model/vocabulary.hpp"

namespace CLI {
class App;
}

namespace cartes {
class Progress;
}

namespace cartes::cli {

struct CatalogueOptions {
  std::string catalogue;  // empty: paths::default_catalogue(); "PG:…": the shared store
  std::string base;       // empty: paths::default_base(scope)
  std::string scope = "loire-bretagne";

  // --catalogue (unless the command takes it as a positional), --base, --scope.
  void add_to(CLI::App& app, bool catalogue_option = true);
  std::filesystem::path catalogue_path() const;
  std::filesystem::path base_path() const;
};

struct AllianceData {
  model::Vocabulary vocabulary;
  model::Catalogue catalogue;
  model::TerritoryBase base;
  std::vector<model::Perimeter> perimeters;  // perimeters[i] for catalogue.alliances[i]
};

// The catalogue from its store (a file, or "PG:…"): syntax, keys and
// vocabularies checked (CatalogueError).
model::Catalogue load_catalogue(const CatalogueOptions& options, const model::Vocabulary& vocabulary);

// Loads a territory base and prints on stderr what loading had to guess
// (TerritoryBase::notes).
model::TerritoryBase load_base(const std::filesystem::path& path, Progress* progress);

// Loads everything and validates the catalogue against the base (CatalogueError
// listing every problem); computes perimeters when asked, with progress on stderr.
AllianceData load_alliance_data(const CatalogueOptions& options, bool with_perimeters);

enum class OutputFormat { table, csv, json };
OutputFormat parse_format(const std::string& text);  // UsageError when unknown

// A table printed with aligned columns (UTF-8 aware) or as CSV (RFC 4180).
struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;  // right-aligned columns (numbers)
  void print(std::FILE* out, OutputFormat format) const;
};

std::string format_fixed(double value, int decimals);

}  // namespace cartes::cli
