// The edit journal: a kill -9 during editing loses no journalled edit.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "catalogue_helpers.hpp"
#include "model/edit_journal.hpp"
#include "scratch_dir.hpp"

using namespace cartes;
using namespace cartes::model;
using cartes::test::catalogue_fixture;
using cartes::test::vocabulary;
namespace fs = std::filesystem;

namespace {
// The edits of the session that will be killed: rename, delete, undo, add members.
void edit(EditHistory& h, EditJournal& j) {
  Alliance a = h.catalogue().alliances.at(0);
  a.name = "Renommée – Pays d’Ancenis";
  h.replace(a.id, a);
  j.record_step(h.last_step());
  h.remove(h.catalogue().alliances.at(1).id);
  j.record_step(h.last_step());
  h.undo();
  j.record_undo();
  Alliance copy = h.catalogue().alliances.at(0);
  copy.id = "copie";
  h.add(copy);
  j.record_step(h.last_step());
}
}  // namespace

TEST_CASE("a kill -9 during editing loses no journalled edit") {
  cartes::test::ScratchDir dir("journal");
  const fs::path file = dir / "catalogue.toml";
  fs::copy_file(catalogue_fixture("synthetic.toml"), file);
  TomlCatalogueStore store(file);
  const LoadedCatalogue loaded = store.load(vocabulary());

  // What the session had on screen when it died.
  EditHistory expected(loaded.catalogue);
  {
    cartes::test::ScratchDir other("journal-expected");
    fs::copy_file(file, other / "c.toml");
    EditJournal scratch(other / "c.toml", loaded.version);
    edit(expected, scratch);
  }

  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    EditHistory h(loaded.catalogue);
    EditJournal j(file, loaded.version);
    edit(h, j);
    ::raise(SIGKILL);  // no destructor, no flush: as a crash
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));

  auto restored = restore_journal(file, store.load(vocabulary()), vocabulary());
  REQUIRE(restored);
  CHECK(restored->events == 4);
  CHECK(to_canonical_toml(restored->history.catalogue()) == to_canonical_toml(expected.catalogue()));
  // The replayed steps can be undone as the killed session could: the copy goes, the deletion stays undone.
  REQUIRE(restored->history.can_undo());
  restored->history.undo();
  CHECK(restored->history.catalogue().alliances.size() == loaded.catalogue.alliances.size());
  CHECK(restored->history.catalogue().alliances.at(0).name == "Renommée – Pays d’Ancenis");

  // A line cut short by the crash is ignored; the complete ones are kept.
  std::ofstream(EditJournal::path_for(file), std::ios::app) << R"({"step":{"label":"cut sh)";
  restored = restore_journal(file, store.load(vocabulary()), vocabulary());
  REQUIRE(restored);
  CHECK(restored->events == 4);
}

TEST_CASE("a journal made on another state of the catalogue, or empty, restores nothing") {
  cartes::test::ScratchDir dir("journal-stale");
  const fs::path file = dir / "catalogue.toml";
  fs::copy_file(catalogue_fixture("synthetic.toml"), file);
  TomlCatalogueStore store(file);
  LoadedCatalogue loaded = store.load(vocabulary());
  {
    EditJournal j(file, loaded.version);
    CHECK_FALSE(restore_journal(file, loaded, vocabulary()));  // no event yet
    EditHistory h(loaded.catalogue);
    h.remove(h.catalogue().alliances.front().id);
    j.record_step(h.last_step());
  }
  CHECK(restore_journal(file, loaded, vocabulary()));
  std::ofstream(file, std::ios::app) << "\n";  // someone saved in between (a git pull)
  CHECK_FALSE(restore_journal(file, store.load(vocabulary()), vocabulary()));
}

TEST_CASE("drafts that do not pass cartes check yet are journalled and restored as they were") {
  cartes::test::ScratchDir dir("journal-draft");
  const auto file = dir / "c.toml";
  const Catalogue loaded = cartes::test::synthetic_catalogue();
  save_catalogue(loaded, file);
  const auto version = TomlCatalogueStore(file).load(cartes::test::vocabulary()).version;
  EditHistory h(loaded);
  EditJournal journal(file, version);
  Alliance draft;  // no theme, no members, no portage yet: the viewer's "Nouvelle"
  draft.id = "brouillon";
  draft.name = "Brouillon";
  h.add(draft);
  journal.record_step(h.last_step());
  const auto restored = restore_journal(file, TomlCatalogueStore(file).load(cartes::test::vocabulary()),
                                        cartes::test::vocabulary());
  REQUIRE(restored);
  CHECK(to_canonical_toml(restored->history.catalogue()) == to_canonical_toml(h.catalogue()));
}
