// The TOML implementation of the catalogue store: versions follow content,
// a save based on a stale version is refused and writes nothing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "catalogue_helpers.hpp"
#include "model/catalogue_store.hpp"
#include "scratch_dir.hpp"

using namespace cartes;
using namespace cartes::model;
using cartes::test::catalogue_fixture;
using cartes::test::read_text;
using cartes::test::vocabulary;
namespace fs = std::filesystem;

namespace {
fs::path scratch_copy(const cartes::test::ScratchDir& dir) {
  const fs::path f = dir / "catalogue.toml";
  fs::copy_file(catalogue_fixture("synthetic.toml"), f);
  return f;
}
}  // namespace

TEST_CASE("the TOML store loads with a version that follows the content") {
  cartes::test::ScratchDir dir("store-version");
  const fs::path f = scratch_copy(dir);
  TomlCatalogueStore store(f);
  const LoadedCatalogue loaded = store.load(vocabulary());
  CHECK_FALSE(loaded.catalogue.alliances.empty());
  CHECK(loaded.version == store.current_version());
  CHECK_FALSE(store.changed_since(loaded.version));
  std::ofstream(f, std::ios::app) << "\n# touched by another editor\n";
  CHECK(store.changed_since(loaded.version));
  CHECK(store.local_files() == std::vector<fs::path>{f});
}

TEST_CASE("a save based on a stale version is refused and writes nothing") {
  cartes::test::ScratchDir dir("store-conflict");
  const fs::path f = scratch_copy(dir);
  TomlCatalogueStore store(f);
  LoadedCatalogue mine = store.load(vocabulary());
  // Someone else saves first.
  TomlCatalogueStore other(f);
  LoadedCatalogue theirs = other.load(vocabulary());
  theirs.catalogue.alliances.front().name = "Renamed by the other editor";
  const CatalogueVersion after_theirs = other.save_if_unchanged(theirs.catalogue, theirs.version);
  const std::string on_disk = read_text(f);

  mine.catalogue.alliances.front().notes = "my edit";
  CHECK_THROWS_AS(store.save_if_unchanged(mine.catalogue, mine.version), CatalogueConflict);
  CHECK(read_text(f) == on_disk);
  CHECK(store.current_version() == after_theirs);

  // Based on the current version, the save goes through and is canonical.
  const CatalogueVersion v = store.save_if_unchanged(mine.catalogue, after_theirs);
  CHECK(v == store.current_version());
  CHECK(read_text(f) == to_canonical_toml(mine.catalogue));
}

TEST_CASE("store locations: files, databases, nothing") {
  CHECK(is_database_location("PG:service=cartes"));
  CHECK_FALSE(is_database_location("geodata/alliances/loire-bretagne.toml"));
  CHECK_THROWS_AS(open_catalogue_store(""), UsageError);
  CHECK(open_catalogue_store("x.toml")->describe() == "x.toml");
  cartes::test::ScratchDir dir("store-missing");
  TomlCatalogueStore missing(dir / "none.toml");
  CHECK(missing.current_version() == CatalogueVersion{});
  CHECK_THROWS_AS(missing.load(vocabulary()), InputError);
  TomlCatalogueStore folder(dir.path());
  CHECK_THROWS_AS(folder.load(vocabulary()), InputError);
}
