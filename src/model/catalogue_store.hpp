#pragma once
// Where an alliance catalogue lives, seen by the viewer and the CLI only
// through this interface. Two implementations: the TOML file (embedded
// default, nothing to install), and PostgreSQL/PostGIS for a catalogue shared
// between agencies (store_pg, "PG:<connection string>").
//
// The store, not the viewer, decides whether a save conflicts: a save names
// the version it was based on, and is refused (CatalogueConflict, nothing
// written) when the stored catalogue has changed since.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "model/catalogue.hpp"
#include "model/vocabulary.hpp"

namespace cartes::model {

// An opaque token naming one state of the stored catalogue. Equal tokens, same
// content. Empty: "no version" (the store did not exist).
struct CatalogueVersion {
  std::string token;
  bool operator==(const CatalogueVersion&) const = default;
};

struct LoadedCatalogue {
  Catalogue catalogue;
  CatalogueVersion version;
};

// A save based on a stale version: names the store, and who changed it and
// when where the store knows. Exit 4: the input (the edit) no longer fits.
class CatalogueConflict : public DataError {
 public:
  // `alliances`: the ids changed on both sides, when the store compares
  // alliance by alliance (empty: the whole catalogue conflicts, as a file does).
  explicit CatalogueConflict(std::string message, std::vector<std::string> alliances = {})
      : DataError(std::move(message)), alliances_(std::move(alliances)) {}
  const std::vector<std::string>& alliances() const { return alliances_; }

 private:
  std::vector<std::string> alliances_;
};

class CatalogueStore {
 public:
  virtual ~CatalogueStore() = default;

  // For messages: the file path, or "PG:" with the connection's public part
  // (never a password).
  virtual std::string describe() const = 0;

  // The catalogue (syntax, keys and vocabularies checked: CatalogueError) and
  // its version.
  virtual LoadedCatalogue load(const Vocabulary& vocabulary) const = 0;

  // The stored version now, without loading (cheap: polled by the viewer to
  // see other people's changes). Empty when the store has nothing yet.
  virtual CatalogueVersion current_version() const = 0;

  // Saves unconditionally; returns the new version.
  virtual CatalogueVersion save(const Catalogue& catalogue) = 0;

  // Saves only if the stored version is still `expected`; CatalogueConflict
  // and nothing written otherwise. Returns the new version.
  virtual CatalogueVersion save_if_unchanged(const Catalogue& catalogue, const CatalogueVersion& expected) = 0;

  // True when the stored catalogue is no longer `seen` (watch by polling).
  bool changed_since(const CatalogueVersion& seen) const { return !(current_version() == seen); }

  // Local files the store reads, so that a command refuses to write its output
  // over one of them (empty for a database).
  virtual std::vector<std::filesystem::path> local_files() const { return {}; }
};

// The TOML file of geodata/alliances/FORMAT.md. Saves are canonical
// (to_canonical_toml) and atomic; the version is the content's hash, so a
// `git pull` or another editor's save is seen whatever the file's mtime.
class TomlCatalogueStore final : public CatalogueStore {
 public:
  explicit TomlCatalogueStore(std::filesystem::path file);
  std::string describe() const override { return file_.string(); }
  LoadedCatalogue load(const Vocabulary& vocabulary) const override;
  CatalogueVersion current_version() const override;
  CatalogueVersion save(const Catalogue& catalogue) override;
  CatalogueVersion save_if_unchanged(const Catalogue& catalogue, const CatalogueVersion& expected) override;
  std::vector<std::filesystem::path> local_files() const override { return {file_}; }
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

// The version token of a catalogue's bytes (the TOML store's rule).
CatalogueVersion version_of_text(std::string_view bytes);

// "PG:..." opens the PostgreSQL store when a front end registered it (the
// database layer, src/store_pg, is above the model); anything else is a TOML file
// path. UsageError for an empty location.
std::unique_ptr<CatalogueStore> open_catalogue_store(const std::string& location);
using DatabaseStoreFactory = std::function<std::unique_ptr<CatalogueStore>(const std::string& location)>;
void set_database_store_factory(DatabaseStoreFactory factory);

// True when a --catalogue value names a database rather than a file.
bool is_database_location(std::string_view location);

}  // namespace cartes::model
