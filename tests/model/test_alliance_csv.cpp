// The spreadsheet form: every column reads and writes back its field, the
// synthetic catalogue (multi-line notes, accents, approximate members) goes
// through a spreadsheet unchanged, and values are accepted by their labels.
#include <catch2/catch.hpp>

#include "catalogue_helpers.hpp"
#include "model/alliance_csv.hpp"
#include "synthetic_base.hpp"

using namespace cartes;
using namespace cartes::model;
using cartes::test::vocabulary;

TEST_CASE("a catalogue exported as a spreadsheet and imported back is unchanged") {
  const Catalogue catalogue = test::synthetic_catalogue();
  const TerritoryBase base = test::synthetic_base();
  const FieldContext context{vocabulary(), base};
  const std::string text = catalogue_to_csv(catalogue);
  CHECK(text.rfind("\xEF\xBB\xBF" "id,name,", 0) == 0);
  const CsvImport plan = plan_csv_import(text, "c.csv", catalogue, context);
  CHECK(plan.changes.empty());
  CHECK(plan.unchanged == catalogue.alliances.size());

  // Into an empty catalogue, every alliance comes back with the same fields
  // (member names are the base's, the same here)...
  Catalogue inside = catalogue;
  std::erase_if(inside.alliances, [](const Alliance& a) { return a.scope == "france"; });
  REQUIRE(inside.alliances.size() + 1 == catalogue.alliances.size());
  const CsvImport fresh = plan_csv_import(catalogue_to_csv(inside), "c.csv", Catalogue{}, context);
  REQUIRE(fresh.changes.size() == inside.alliances.size());
  for (std::size_t i = 0; i < inside.alliances.size(); ++i)
    for (const AllianceColumn& column : alliance_columns())
      CHECK(column.cell(*fresh.edit.changes[i].after) == column.cell(inside.alliances[i]));
  // ... except a new member outside the base, whose name the base cannot give.
  CHECK_THROWS_WITH(plan_csv_import(text, "c.csv", Catalogue{}, context),
                    Catch::Contains("c.csv:6: row 5, column 'members': unknown region code '84'") &&
                        Catch::Contains("a member outside it needs --scope france"));
}

TEST_CASE("every family is a column, and a column sets what it reads") {
  for (const FamilyDef& f : card_families())
    if (f.assign) CHECK(find_column(f.key) != nullptr);
  const TerritoryBase base = test::synthetic_base();
  const FieldContext context{vocabulary(), base};
  Alliance a = test::synthetic_catalogue().alliances.front();
  for (const AllianceColumn& column : alliance_columns()) {
    Alliance b = a;
    column.assign(b, column.cell(a), context);
    CHECK(column.cell(b) == column.cell(a));
  }
  find_column("themes")->assign(a, " Énergie ; Santé;", context);
  CHECK(a.themes == std::vector<std::string>{"energie", "sante"});
  find_column("intensite")->assign(a, "FAIBLE", context);
  CHECK(a.intensite == Intensity::faible);
  CHECK_THROWS_WITH(find_column("intensite")->assign(a, "faible;forte", context), "intensite takes one value, not 2");
  CHECK_THROWS_WITH(find_column("finalites")->assign(a, "", context), Catch::Contains("a value is needed"));
  find_column("members")->assign(a, "99001; epci:200000002", context);
  REQUIRE(a.members.size() == 2);
  CHECK(a.members[0].name == "Alpha");
  CHECK(a.members[1].name == "CC Gamma Delta");
  CHECK_THROWS_WITH(find_column("members")->assign(a, "99001;commune:99001", context),
                    "members: commune:99001 is given twice");
}

TEST_CASE("a bare member code is resolved at its only level, refused at two") {
  TerritoryBase base = test::synthetic_base();
  Territory region;
  region.level = Level::region;
  region.code = "99";  // the synthetic département's code, as 53 is both Mayenne and Bretagne
  region.name = "Région 99";
  base.layer(Level::region).push_back(std::move(region));
  base.reindex();
  const FieldContext context{vocabulary(), base};
  CHECK(resolve_member("PX01", context, {}).level == Level::pays);
  CHECK_THROWS_WITH(resolve_member("99", context, {}),
                    "member 99 is a code at several levels: write departement:99 or region:99");
  CHECK(resolve_member("region:99", context, {}).name == "Région 99");
  CHECK_THROWS_WITH(resolve_member("epci:20000000", context, {}), Catch::Contains("did you mean 200000001"));
}

TEST_CASE("a list item holding the separator cannot be exported") {
  Catalogue catalogue = test::synthetic_catalogue();
  catalogue.alliances.front().sources = {"https://example.org/a;b"};
  CHECK_THROWS_WITH(catalogue_to_csv(catalogue), Catch::Contains("alliance 'mixte': sources: 'https://example.org/a;b' holds ';'"));
}

TEST_CASE("workshop cards go through the spreadsheet too") {
  const Catalogue catalogue = load_catalogue(test::catalogue_fixture("workshop.toml"), vocabulary());
  const TerritoryBase base = test::synthetic_base();
  const FieldContext context{vocabulary(), base};
  const std::string text = catalogue_to_csv(catalogue);
  CHECK(text.find("themes:sante=5;themes:mobilite=2;finalites:mise_en_reseau=4") != std::string::npos);
  const CsvImport plan = plan_csv_import(text, "w.csv", catalogue, context);
  CHECK(plan.changes.empty());
  CHECK(plan.unchanged == catalogue.alliances.size());
  Alliance a = catalogue.alliances.front();
  CHECK_THROWS_WITH(find_column("gommettes")->assign(a, "themes:energie=2", context),
                    Catch::Contains("on a card this alliance does not have"));
  find_column("workshop_table")->assign(a, "", context);
  CHECK_FALSE(a.workshop);
  CHECK_THROWS_WITH(find_column("gommettes")->assign(a, "themes:sante=1", context), Catch::Contains("need a workshop_table"));
}
