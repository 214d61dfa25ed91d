#include <catch2/catch.hpp>

#include "model/territory.hpp"

using namespace cartes::model;

TEST_CASE("territory base indexes codes per level and finds names") {
  TerritoryBase base;
  Territory c1;
  c1.code = "44109";
  c1.name = "Nantes";
  Territory c2;
  c2.code = "44020";
  c2.name = "Châteaubriant";
  base.layer(Level::commune).push_back(std::move(c1));
  base.layer(Level::commune).push_back(std::move(c2));
  Territory e;
  e.level = Level::epci;
  e.code = "244400404";
  e.name = "Nantes Métropole";
  e.communes = {"44109"};
  base.layer(Level::epci).push_back(std::move(e));
  base.reindex();
  REQUIRE(base.find(Level::commune, "44020") != nullptr);
  CHECK(base.find(Level::commune, "44020")->name == "Châteaubriant");
  CHECK(base.find_any("244400404")->level == Level::epci);
  CHECK(base.find_any("99999") == nullptr);
  CHECK(base.commune_indices(*base.find(Level::epci, "244400404")) == std::vector<std::size_t>{0});
  CHECK(base.nearest_by_name("chateaubriant", 1).front()->code == "44020");
}
