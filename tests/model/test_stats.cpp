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
