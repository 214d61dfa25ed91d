#include <catch2/catch.hpp>

#include "catalogue_helpers.hpp"
#include "model/catalogue.hpp"
#include "model/stats.hpp"

using namespace cartes;
using namespace cartes::model;

namespace {
const StatRow& row(const FamilyStats& s, const std::string& id) {
  for (const auto& r : s.rows)
    if (r.id == id) return r;
  throw std::runtime_error("no row " + id);
}
}  // namespace

TEST_CASE("stats count alliances per value, à l'œuvre and imaginées apart") {
  const Catalogue cat = load_catalogue(cartes::test::catalogue_fixture("synthetic.toml"), cartes::test::vocabulary());
  const FamilyStats themes = family_stats(cat.alliances, cartes::test::vocabulary(), "theme");
  CHECK(themes.family == "themes");
  CHECK(themes.label == "Thème");
  CHECK(themes.multi_valued);
  CHECK(themes.alliances == 4);
  CHECK(themes.alliances_a_loeuvre == 2);
  CHECK(themes.alliances_imaginee == 2);
  CHECK(row(themes, "sante").a_loeuvre == 2);
  CHECK(row(themes, "sante").imaginee == 0);
  CHECK(row(themes, "mobilite").total == 2);
  CHECK(row(themes, "mobilite").label == "Mobilité");
  CHECK(row(themes, "habitat").total == 0);  // every value of the vocabulary is listed
  CHECK(themes.rows.size() == cartes::test::vocabulary().family("themes")->entries.size());
  // Most frequent first; ties keep the vocabulary's order.
  CHECK(themes.rows[0].id == "mobilite");
  CHECK(themes.rows[1].id == "sante");
  CHECK(FamilyStats::share(row(themes, "sante").a_loeuvre, themes.alliances_a_loeuvre) == Approx(1.0));

  const FamilyStats intensity = family_stats(cat.alliances, cartes::test::vocabulary(), "intensité");
  CHECK_FALSE(intensity.multi_valued);
  int sum = 0;
  for (const auto& r : intensity.rows) sum += r.total;
  CHECK(sum == 4);  // single-valued: one value per alliance

  const FamilyStats levels = family_stats(cat.alliances, cartes::test::vocabulary(), "territoires");
  CHECK(row(levels, "epci").total == 3);
  CHECK(row(levels, "region").imaginee == 1);
  CHECK(row(levels, "departement").total == 0);
  CHECK(row(family_stats(cat.alliances, cartes::test::vocabulary(), "partenaires"), "etablissement_sante").total == 1);
  CHECK_THROWS_AS(family_stats(cat.alliances, cartes::test::vocabulary(), "couleur"), UsageError);
}

TEST_CASE("with gommettes, stats are shares of the expressions on workshop cards") {
  const Catalogue cat = load_catalogue(cartes::test::catalogue_fixture("workshop.toml"), cartes::test::vocabulary());
  const FamilyStats f = family_stats(cat.alliances, cartes::test::vocabulary(), "finalite", StatWeight::gommettes);
  // Tables 1 and 2 (à l'œuvre): 4 + 3 and 3 + 2 gommettes; table 3 (imaginée): 4.
  CHECK(f.alliances_a_loeuvre == 12);
  CHECK(f.alliances_imaginee == 4);
  CHECK_FALSE(f.multi_valued);
  CHECK(row(f, "mise_en_reseau").a_loeuvre == 6);
  CHECK(FamilyStats::share(row(f, "mise_en_reseau").a_loeuvre, f.alliances_a_loeuvre) == Approx(0.5));
  CHECK(row(f, "reflexion_prospective").imaginee == 4);
  CHECK(f.rows.front().id == "mise_en_reseau");
  // The alliance outside the workshop counts among alliances, not expressions.
  const FamilyStats by_alliance = family_stats(cat.alliances, cartes::test::vocabulary(), "finalite");
  CHECK(by_alliance.alliances == 4);
  CHECK(row(by_alliance, "mise_en_reseau").total == 3);
  const FamilyStats levels = family_stats(cat.alliances, cartes::test::vocabulary(), "levels", StatWeight::gommettes);
  CHECK(row(levels, "epci").total == 2);
  CHECK_THROWS_WITH(family_stats(cat.alliances, cartes::test::vocabulary(), "confidence", StatWeight::gommettes),
                    Catch::Contains("no workshop cards"));
}

TEST_CASE("workshop cards are written canonically and read back the same") {
  Catalogue cat = load_catalogue(cartes::test::catalogue_fixture("workshop.toml"), cartes::test::vocabulary());
  Alliance& a = cat.alliances.front();
  REQUIRE(a.workshop);
  CHECK(a.workshop->table == 1);
  CHECK(a.workshop->count("themes", "sante") == 5);
  a.workshop->set_count("themes", "mobilite", 0);  // removed
  a.workshop->set_count("tendance", "stable", 2);  // a new family's card
  const std::string text = to_canonical_toml(cat);
  CHECK(text.find("themes = { sante = 5 }") != std::string::npos);
  CHECK(text.find("tendance = { stable = 2 }") != std::string::npos);
  const Catalogue again = parse_catalogue(text, "again.toml", cartes::test::vocabulary());
  CHECK(to_canonical_toml(again) == text);
  CHECK(again.alliances.front().workshop->count("tendance", "stable") == 2);
}
