// The viewer's edit mode without a window (app/editor.hpp, refresh_job.hpp):
// saves that never overwrite a file changed on disk, nor save an invalid
// catalogue; a journal that gives back unsaved edits after a crash, undos
// included; perimeters refreshed off the main thread as compute_perimeters
// would give them.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/editor.hpp"
#include "app/loader.hpp"
#include "app/refresh_job.hpp"
#include "catalogue_helpers.hpp"
#include "scratch_dir.hpp"
#include "synthetic_base.hpp"

using namespace cartes;
using namespace cartes::app;
using cartes::test::read_text;
using cartes::test::vocabulary;

namespace {
struct Fixture {
  test::ScratchDir dir{"editor"};
  std::filesystem::path file = dir / "c.toml";
  std::shared_ptr<const model::TerritoryBase> base =
      std::make_shared<const model::TerritoryBase>(test::synthetic_base());
  Fixture() {
    model::save_catalogue(test::synthetic_catalogue(), file);
  }
  std::string text() const { return read_text(file); }
};

void rename_first(Editor& e, const std::string& name) {
  model::Alliance a = e.catalogue().alliances.front();
  a.name = name;
  REQUIRE(e.edit([&](model::EditHistory& h) { h.replace(a.id, a); }));
}
}  // namespace

TEST_CASE("a save never overwrites a catalogue changed on disk since it was loaded") {
  Fixture f;
  Editor e;
  e.attach(f.file, vocabulary(), f.base);
  rename_first(e, "Renommée dans la visionneuse");
  CHECK(e.modified());
  // Another editor (or a git pull) writes the file meanwhile.
  const std::string theirs = f.text() + "\n# changed by someone else\n";
  { std::ofstream(f.file, std::ios::binary) << theirs; }
  CHECK(e.save() == Editor::SaveResult::conflict);
  CHECK(f.text() == theirs);
  CHECK(e.modified());
  // Reload keeps the edits aside, in a file next to it.
  const auto aside = e.reload_keeping_aside();
  CHECK(read_text(aside).find("Renommée dans la visionneuse") != std::string::npos);
  CHECK_FALSE(e.modified());
  CHECK(e.catalogue().alliances.front().name != "Renommée dans la visionneuse");
}

TEST_CASE("an invalid catalogue cannot be saved, a valid one is saved canonically") {
  Fixture f;
  const std::string before = f.text();
  Editor e;
  e.attach(f.file, vocabulary(), f.base);
  model::Alliance bad = e.catalogue().alliances.front();
  bad.id = "sans-theme";
  bad.themes.clear();
  REQUIRE(e.edit([&](model::EditHistory& h) { h.add(bad); }));
  CHECK_FALSE(e.issues().empty());
  CHECK(e.issues_of(*e.catalogue().find("sans-theme")).front() == "'themes' needs at least one value");
  CHECK(e.save() == Editor::SaveResult::invalid);
  CHECK(f.text() == before);
  REQUIRE(e.undo());
  rename_first(e, "Nom enregistré");
  CHECK(e.save() == Editor::SaveResult::saved);
  CHECK_FALSE(e.modified());
  CHECK(f.text() == model::to_canonical_toml(e.catalogue()));
}

TEST_CASE("after a crash the journal gives back every unsaved edit, undos included") {
  Fixture f;
  std::string expected;
  {
    Editor e;  // the session that never saves (its end is a kill -9: nothing runs at exit)
    e.attach(f.file, vocabulary(), f.base);
    rename_first(e, "Premier nom");
    rename_first(e, "Deuxième nom");
    REQUIRE(e.undo());
    const std::string id = e.catalogue().alliances.back().id;
    REQUIRE(e.edit([&](model::EditHistory& h) { h.remove(id); }));
    expected = model::to_canonical_toml(e.catalogue());
  }
  Editor next;
  next.attach(f.file, vocabulary(), f.base);
  REQUIRE(next.restore_offer());
  CHECK(*next.restore_offer() == 4);
  next.accept_restore();
  CHECK(model::to_canonical_toml(next.catalogue()) == expected);
  CHECK(next.modified());
  // Restored and journalled again: a second crash loses nothing either.
  Editor third;
  third.attach(f.file, vocabulary(), f.base);
  REQUIRE(third.restore_offer());
  third.accept_restore();
  CHECK(model::to_canonical_toml(third.catalogue()) == expected);
  // After a save there is nothing to restore.
  CHECK(third.save() == Editor::SaveResult::saved);
  Editor fourth;
  fourth.attach(f.file, vocabulary(), f.base);
  CHECK_FALSE(fourth.restore_offer());
  CHECK(model::to_canonical_toml(fourth.catalogue()) == expected);
}

TEST_CASE("declining the restore drops the journal") {
  Fixture f;
  {
    Editor e;
    e.attach(f.file, vocabulary(), f.base);
    rename_first(e, "Jamais enregistré");
  }
  Editor next;
  next.attach(f.file, vocabulary(), f.base);
  REQUIRE(next.restore_offer());
  next.decline_restore();
  Editor again;
  again.attach(f.file, vocabulary(), f.base);
  CHECK_FALSE(again.restore_offer());
}

TEST_CASE("the refresh job gives the perimeters compute_perimeters gives, off the main thread") {
  Fixture f;
  const model::Catalogue loaded = test::synthetic_catalogue();
  const auto scene = render::build_base_scene(*f.base);
  auto communes = std::make_shared<const render::SceneData>(commune_fills(scene));
  const auto known = model::compute_perimeters(*f.base, loaded.alliances);
  RefreshJob job(f.base, communes, loaded.alliances, known);
  std::vector<model::Alliance> edited = loaded.alliances;
  model::Member epsilon;
  epsilon.level = model::Level::commune;
  epsilon.code = "99005";
  epsilon.name = "Epsilon";
  edited.front().members.push_back(epsilon);
  edited.push_back(edited[1]);
  edited.back().id = "copie";
  job.request(7, edited);
  std::optional<RefreshResult> r;
  for (int i = 0; i < 500 && !r; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    r = job.take();
  }
  REQUIRE(r);
  CHECK(r->revision == 7);
  const auto expected = model::compute_perimeters(*f.base, edited);
  REQUIRE(r->perimeters.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(r->perimeters[i].alliance_id == edited[i].id);
    CHECK(r->perimeters[i].communes == expected[i].communes);
    CHECK(r->perimeters[i].population_municipale == expected[i].population_municipale);
  }
  CHECK(r->overlaps.size() == model::compute_overlaps(*f.base, expected).size());
  CHECK(job.error().empty());
}

TEST_CASE("a refused save shows the alliances changed on both sides and re-applies the rest") {
  for (const bool keep_mine : {false, true}) {
    Fixture f;
    Editor e;
    e.attach(f.file, vocabulary(), f.base);
    const std::string one = e.catalogue().alliances[1].id, two = e.catalogue().alliances[2].id;
    model::Alliance a1 = e.catalogue().alliances[1], a2 = e.catalogue().alliances[2];
    a1.notes = "Ma note";
    a2.name = "Mon nom";
    REQUIRE(e.edit([&](model::EditHistory& h) { h.replace(one, a1); }));
    REQUIRE(e.edit([&](model::EditHistory& h) { h.replace(two, a2); }));
    // Someone else changes the first and the third alliance meanwhile.
    model::Catalogue theirs = test::synthetic_catalogue();
    theirs.alliances[0].name = "Leur nom";
    theirs.alliances[2].name = "Leur nom aussi";
    model::save_catalogue(theirs, f.file);
    REQUIRE(e.save() == Editor::SaveResult::conflict);
    REQUIRE(e.conflicts().size() == 1);
    CHECK(e.conflicts()[0].id == two);
    CHECK(e.conflicts()[0].columns == std::vector<std::string>{"name"});
    CHECK(e.conflicts()[0].theirs->name == "Leur nom aussi");
    e.resolve_conflicts(keep_mine ? std::vector<std::string>{two} : std::vector<std::string>{});
    CHECK(e.modified());
    CHECK(e.save() == Editor::SaveResult::saved);
    const model::Catalogue saved = model::load_catalogue(f.file, vocabulary());
    CHECK(saved.alliances[0].name == "Leur nom");
    CHECK(saved.alliances[1].notes == "Ma note");
    CHECK(saved.alliances[2].name == (keep_mine ? "Mon nom" : "Leur nom aussi"));
  }
}
