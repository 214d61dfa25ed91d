// The edit model without a window: random edits, then undo of all of them,
// give back the loaded catalogue byte for byte; redo of all gives the edited one.
#include <catch2/catch.hpp>
#include <random>

#include "catalogue_helpers.hpp"
#include "model/catalogue_edit.hpp"

using namespace cartes;
using namespace cartes::model;
using cartes::test::vocabulary;

namespace {
// One random edit of any kind; returns false when that kind did not apply.
bool random_edit(EditHistory& h, std::mt19937& rng, int serial) {
  const auto& list = h.catalogue().alliances;
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  if (list.empty()) {
    Alliance a;
    a.id = "nouvelle-" + std::to_string(serial);
    a.name = "Nouvelle";
    h.add(a);
    return true;
  }
  const Alliance& a = list[pick(list.size())];
  switch (pick(5)) {
    case 0: {
      Alliance copy = a;
      copy.id = a.id + "-copie-" + std::to_string(serial);
      copy.name = a.name + " (copie)";
      h.add(copy);
      return true;
    }
    case 1:
      h.remove(a.id);
      return true;
    case 2: {
      Alliance after = a;
      after.name = "Renommée " + std::to_string(serial) + " – Cœur d’Ouest";
      after.intensite = static_cast<Intensity>(pick(3));
      after.notes += " note " + std::to_string(serial);
      h.replace(a.id, after);
      return true;
    }
    case 3: {
      const Alliance& other = list[pick(list.size())];
      if (other.members.empty()) return false;
      try {
        h.add_members(a.id, {other.members[pick(other.members.size())]});
      } catch (const DataError&) {
        return false;  // already a member
      }
      return true;
    }
    default:
      if (a.members.empty()) return false;
      h.remove_members(a.id, {a.members[pick(a.members.size())].code});
      return true;
  }
}
}  // namespace

TEST_CASE("random edits undone give back the loaded catalogue byte for byte, redone the edited one") {
  const Catalogue original = test::synthetic_catalogue();
  const std::string original_text = to_canonical_toml(original);
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    EditHistory h(original);
    int applied = 0;
    for (int i = 0; i < 40; ++i) applied += random_edit(h, rng, i) ? 1 : 0;
    REQUIRE(applied > 10);
    CHECK(h.modified());
    const std::string edited = to_canonical_toml(h.catalogue());
    CHECK(edited != original_text);
    while (h.undo()) {
    }
    CHECK(to_canonical_toml(h.catalogue()) == original_text);
    CHECK_FALSE(h.modified());
    while (h.redo()) {
    }
    CHECK(to_canonical_toml(h.catalogue()) == edited);
    CHECK(h.size() == static_cast<std::size_t>(applied));
  }
}

TEST_CASE("a deleted alliance comes back by undo; a new edit after undo drops the redo branch") {
  EditHistory h(test::synthetic_catalogue());
  const std::string id = h.catalogue().alliances.front().id;
  h.remove(id);
  CHECK(h.catalogue().find(id) == nullptr);
  CHECK(h.undo_label().find("Supprimer") == 0);
  REQUIRE(h.undo());
  CHECK(h.catalogue().find(id) != nullptr);
  CHECK(h.catalogue().alliances.front().id == id);  // at its place
  CHECK_FALSE(h.modified());
  Alliance a = h.catalogue().alliances.front();
  a.name = "Autre nom";
  h.replace(id, a);
  CHECK_FALSE(h.can_redo());
  CHECK(h.modified());
  h.mark_saved();
  CHECK_FALSE(h.modified());
  h.undo();
  CHECK(h.modified());  // the saved state is the renamed one
}

TEST_CASE("refused edits change nothing") {
  EditHistory h(test::synthetic_catalogue());
  const std::string before = to_canonical_toml(h.catalogue());
  Alliance dup = h.catalogue().alliances.front();
  CHECK_THROWS_AS(h.add(dup), DataError);
  CHECK_THROWS_WITH(h.remove("no-such-alliance"), Catch::Contains("did you mean"));
  CHECK_THROWS_AS(h.remove_members(dup.id, {"00000"}), DataError);
  CHECK_THROWS_AS(h.add_members(dup.id, {dup.members.front()}), DataError);
  CHECK(to_canonical_toml(h.catalogue()) == before);
  CHECK(h.size() == 0);
}

TEST_CASE("validation is the rules of cartes check") {
  EditHistory h(test::synthetic_catalogue());
  CHECK(validate_catalogue(h.catalogue(), vocabulary(), nullptr).empty());
  Alliance a = h.catalogue().alliances.front();
  a.themes = {"mobility"};
  h.replace(a.id, a);
  const auto issues = validate_catalogue(h.catalogue(), vocabulary(), nullptr);
  REQUIRE(issues.size() == 1);
  CHECK(issues.front().message.find("mobility") != std::string::npos);
  CHECK(issues.front().message.find(a.id) != std::string::npos);
}
