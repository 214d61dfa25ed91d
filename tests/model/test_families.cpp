// The table of card families (model/families.hpp) against every place that
// must know each family and value: the vocabulary, the enums, the catalogue
// (read and written back), stats, and the CLI filters. The export's columns
// are checked in test_export.cpp, the legend in tests/app/test_legend.cpp.
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "catalogue_helpers.hpp"
#include "model/catalogue.hpp"
#include "model/families.hpp"
#include "model/stats.hpp"

using namespace cartes;
using namespace cartes::model;

namespace {
template <typename E>
void check_enum_family() {
  INFO(FamilyEnum<E>::key);
  const FamilyDef* f = find_family(FamilyEnum<E>::key);
  REQUIRE(f);
  CHECK_FALSE(f->extendable);
  REQUIRE(f->ids.size() == FamilyEnum<E>::ids.size());
  for (E v : all_values<E>()) {
    CHECK(parse_value<E>(to_string(v)) == v);
    CHECK(f->ids[static_cast<std::size_t>(v)] == to_string(v));
  }
  CHECK_FALSE(parse_value<E>("no-such-value"));
}

// The first alliance of `text` with `key = ...` replaced by the one value `id`.
std::string with_value(const std::string& text, const FamilyDef& f, std::string_view id) {
  const std::string value = f.multi_valued ? "[\"" + std::string(id) + "\"]" : "\"" + std::string(id) + "\"";
  const std::regex line("\n" + std::string(f.key) + " = [^\n]*");
  return std::regex_replace(text, line, "\n" + std::string(f.key) + " = " + value,
                            std::regex_constants::format_first_only);
}
}  // namespace

TEST_CASE("every family of the table is in the vocabulary with its label, every fixed id with one") {
  const Vocabulary& v = cartes::test::vocabulary();
  REQUIRE(v.families().size() == card_families().size());
  for (const auto& f : card_families()) {
    INFO(f.key);
    const Family* family = v.family(f.key);
    REQUIRE(family);
    CHECK(family->label == f.label);
    CHECK(family->extendable == f.extendable);
    CHECK(f.extendable == f.ids.empty());
    for (auto id : f.ids) {
      INFO(id);
      CHECK(v.contains(f.key, id));
      CHECK(v.label(f.key, id) != id);
    }
    if (!f.extendable) CHECK(family->entries.size() == f.ids.size());
  }
}

TEST_CASE("the enums of the fixed families are the table's ids, in order, and parse back") {
  check_enum_family<Status>();
  check_enum_family<Horizon>();
  check_enum_family<Intensity>();
  check_enum_family<Trend>();
  check_enum_family<Confidence>();
  CHECK(fixed_family_ids("finalites").size() == finalite_ids.size());
  CHECK(fixed_family_ids("themes").empty());
  CHECK(fixed_family_ids("nope").empty());
}

TEST_CASE("every family is read from the catalogue and written back") {
  const Vocabulary& v = cartes::test::vocabulary();
  const Catalogue cat = load_catalogue(cartes::test::catalogue_fixture("synthetic.toml"), v);
  const Catalogue again = parse_catalogue(to_canonical_toml(cat), "canonical", v);
  REQUIRE(again.alliances.size() == cat.alliances.size());
  for (const auto& f : card_families()) {
    INFO(f.key);
    bool seen = false;
    for (std::size_t i = 0; i < cat.alliances.size(); ++i) {
      const auto values = values_of(cat.alliances[i], f.key);
      seen = seen || !values.empty();
      CHECK(values_of(again.alliances[i], f.key) == values);
    }
    CHECK(seen);  // the fixture uses every family, so that this test sees it
  }
}

TEST_CASE("every value of every fixed family is accepted by the catalogue and kept on save") {
  const Vocabulary& v = cartes::test::vocabulary();
  Catalogue one = load_catalogue(cartes::test::catalogue_fixture("synthetic.toml"), v);
  // "disjointe" has a confidence note: 'approximate' stays valid on it.
  one.alliances = {*one.find("disjointe")};
  const std::string text = to_canonical_toml(one);
  for (const auto& f : card_families()) {
    if (f.extendable) continue;
    for (auto id : f.ids) {
      INFO(f.key << " = " << id);
      const std::string changed = with_value(text, f, id);
      const Catalogue parsed = parse_catalogue(changed, "changed", v);
      CHECK(values_of(parsed.alliances.at(0), f.key) == std::vector<std::string>{std::string(id)});
      CHECK(to_canonical_toml(parsed) == changed);
    }
  }
}

TEST_CASE("stats count every family under its key and its aliases, every value a row") {
  const Vocabulary& v = cartes::test::vocabulary();
  const Catalogue cat = load_catalogue(cartes::test::catalogue_fixture("synthetic.toml"), v);
  const auto keys = stat_families();
  for (const auto& f : card_families()) {
    INFO(f.key);
    CHECK(std::find(keys.begin(), keys.end(), f.key) != keys.end());
    const FamilyStats s = family_stats(cat.alliances, v, f.key);
    CHECK(s.family == f.key);
    CHECK(s.label == f.label);
    CHECK(s.multi_valued == f.multi_valued);
    for (const auto& e : v.family(f.key)->entries)
      CHECK(std::any_of(s.rows.begin(), s.rows.end(), [&](const StatRow& r) { return r.id == e.id; }));
    for (auto alias : f.aliases) CHECK(normalise_family(alias) == f.key);
  }
}

TEST_CASE("every family has its own CLI filter option") {
  std::set<std::string_view> options;
  for (const auto& f : card_families()) {
    INFO(f.key);
    CHECK(f.option.substr(0, 2) == "--");
    CHECK(options.insert(f.option).second);
    CHECK(f.values != nullptr);
  }
}
