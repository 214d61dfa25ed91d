// Two editors on one PostgreSQL store (issue 12, point 4): a save based on a
// stale version is refused, naming who changed what and when, and writes
// nothing; the other editor's save stands. The server is the test fixture's
// (tools/pg, CARTES_TEST_PG_DIR).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "catalogue_helpers.hpp"
#include "model/catalogue_store.hpp"
#include "store_pg/migrations.hpp"
#include "store_pg/pg_catalogue_store.hpp"

using namespace cartes;

namespace {
std::string fixture_url() {
  const std::string cmd = std::string(CARTES_TEST_SOURCE_DIR) + "/tools/pg url " + CARTES_TEST_PG_DIR;
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  char line[1024] = {};
  REQUIRE(p);
  REQUIRE(std::fgets(line, sizeof line, p.get()));
  std::string url = line;
  while (!url.empty() && url.back() == '\n') url.pop_back();
  return url;
}
}  // namespace

TEST_CASE("a save based on a stale version of the shared catalogue is refused and writes nothing") {
  const std::string admin = fixture_url();
  const std::string url = [&] {
    store_pg::PgConnection c(admin);
    c.exec("DROP DATABASE IF EXISTS cartes_conflict WITH (FORCE)");
    c.exec("CREATE DATABASE cartes_conflict");
    std::string u = admin;
    u.replace(u.find("dbname=cartes"), 13, "dbname=cartes_conflict");
    store_pg::PgConnection d(u);
    store_pg::apply_migrations(d, store_pg::list_migrations(std::string(CARTES_TEST_SOURCE_DIR) + "/db/migrations"), true);
    return u;
  }();
  store_pg::PgCatalogueStore first(url), second(url);
  first.save(test::synthetic_catalogue());

  model::LoadedCatalogue mine = first.load(test::vocabulary());
  model::LoadedCatalogue theirs = second.load(test::vocabulary());
  theirs.catalogue.alliances.front().name = "Leur nom";
  const auto after_theirs = second.save_if_unchanged(theirs.catalogue, theirs.version);
  CHECK_FALSE(after_theirs == theirs.version);
  CHECK(first.changed_since(mine.version));

  mine.catalogue.alliances.front().notes = "Ma note";
  CHECK_THROWS_WITH(first.save_if_unchanged(mine.catalogue, mine.version),
                    Catch::Contains("changed by someone else since it was loaded: mixte (update by cartes at") &&
                        Catch::Contains("nothing was saved"));
  const model::Catalogue now = first.load(test::vocabulary()).catalogue;
  CHECK(now.alliances.front().name == "Leur nom");
  CHECK(now.alliances.front().notes != "Ma note");
  CHECK(first.current_version() == after_theirs);

  // Edits of different alliances from stale versions both stand: each saver
  // rewrites only what it changed.
  model::LoadedCatalogue a = first.load(test::vocabulary());
  model::LoadedCatalogue b = second.load(test::vocabulary());
  a.catalogue.alliances[1].name = "Changée par A";
  b.catalogue.alliances[2].name = "Changée par B";
  b.catalogue.alliances.erase(b.catalogue.alliances.begin() + 3);  // B removes the fourth
  first.save_if_unchanged(a.catalogue, a.version);
  second.save_if_unchanged(b.catalogue, b.version);
  const model::Catalogue merged = first.load(test::vocabulary()).catalogue;
  REQUIRE(merged.alliances.size() == a.catalogue.alliances.size() - 1);
  CHECK(merged.alliances[1].name == "Changée par A");
  CHECK(merged.alliances[2].name == "Changée par B");
  CHECK(merged.alliances.front().name == "Leur nom");
  store_pg::PgConnection(admin).exec("DROP DATABASE cartes_conflict WITH (FORCE)");
}
