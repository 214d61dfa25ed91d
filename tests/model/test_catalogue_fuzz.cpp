// Damaged catalogues must give a clean CatalogueError (a DataError listing
// file:line problems), never a crash or another exception. Whatever parses
// must reach a fixed point in canonical form.
#include <catch2/catch.hpp>
#include <random>

#include "catalogue_helpers.hpp"
#include "model/catalogue.hpp"
#include "synthetic_base.hpp"

using namespace cartes;
using namespace cartes::model;

namespace {

const std::string& valid_text() {
  static const std::string t = cartes::test::read_text(cartes::test::catalogue_fixture("synthetic.toml"));
  return t;
}

struct Outcome {
  int parsed = 0;
  int rejected = 0;
};

// Parses `text`; on success checks the canonical fixed point and runs the base check.
void feed(const std::string& text, Outcome& outcome) {
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  Catalogue cat;
  try {
    cat = parse_catalogue(text, "fuzz.toml", cartes::test::vocabulary());
  } catch (const CatalogueError& e) {
    REQUIRE_FALSE(e.issues().empty());
    for (const auto& issue : e.issues()) {
      REQUIRE(issue.line >= 0);
      REQUIRE(issue.line <= lines);
      REQUIRE_FALSE(issue.message.empty());
    }
    ++outcome.rejected;
    return;
  }
  ++outcome.parsed;
  const std::string canonical = to_canonical_toml(cat);
  const Catalogue again = parse_catalogue(canonical, "canonical.toml", cartes::test::vocabulary());
  REQUIRE(to_canonical_toml(again) == canonical);
  static const TerritoryBase base = cartes::test::synthetic_base();
  (void)check_against_base(cat, base);
}

std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("fuzz: truncated at every offset") {
  Outcome o;
  for (std::size_t n = 0; n <= valid_text().size(); ++n) feed(valid_text().substr(0, n), o);
  CHECK(o.rejected > 0);
  CHECK(o.parsed > 0);  // e.g. cut just after an alliance's last member
}

TEST_CASE("fuzz: random byte corruption, insertion and deletion") {
  std::mt19937 rng(20251126);
  const std::string specials = std::string("\"'[]{}=#,.\n\\\t ") + '\0' + "\xff\xc3\xe2\x80";
  Outcome o;
  for (int round = 0; round < 3000; ++round) {
    std::string t = valid_text();
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t pos = rng() % t.size();
      const char c = (rng() % 2) ? specials[rng() % specials.size()] : static_cast<char>(rng() % 256);
      switch (rng() % 3) {
        case 0: t[pos] = c; break;
        case 1: t.insert(t.begin() + static_cast<std::ptrdiff_t>(pos), c); break;
        default: t.erase(pos, 1 + rng() % 8); break;
      }
    }
    feed(t, o);
  }
  CHECK(o.rejected > 1000);
}

TEST_CASE("fuzz: every key given a value of every wrong type") {
  const char* keys[] = {"id = ",     "name = ",       "status = ",         "themes = ", "finalites = ",
                        "temporalite = ", "intensite = ", "tendance = ",   "since = ",  "scope = ",
                        "confidence = ", "sources = ",  "notes = ",        "kind = ",   "lead = ",
                        "level = ",  "code = ",       "structure = "};
  const char* values[] = {"1", "-7", "1.5", "true", "[]", "[1, \"a\"]", "{}", "{ a = 1 }", "1979-05-27",
                          "07:32:00", "1979-05-27T07:32:00Z", "\"\"", "nan", "inf", "[[1]]"};
  Outcome o;
  for (const char* key : keys)
    for (const char* value : values) {
      std::string t = valid_text();
      const auto pos = t.find(std::string("\n") + key);
      REQUIRE(pos != std::string::npos);
      const auto eol = t.find('\n', pos + 1);
      t.replace(pos + 1, eol - pos - 1, std::string(key) + value);
      feed(t, o);
    }
  CHECK(o.rejected >= 200);
  // Whole tables of the wrong shape.
  for (const char* shape : {"alliance = 1\n", "alliance = [1, 2]\n", "alliance = {}\n", "[alliance]\nid = \"x\"\n"}) {
    feed(std::string("format = 1\n") + shape, o);
  }
  feed(replace_first(valid_text(), "[alliance.portage]\nkind = \"chef_de_file\"", "portage = \"chef\""), o);
  feed(replace_first(valid_text(), "[[alliance.partners]]", "[alliance.partners]"), o);
  feed(replace_first(valid_text(), "format = 1", "format = 2"), o);
}

TEST_CASE("fuzz: huge values, invalid UTF-8, deep nesting, many alliances") {
  Outcome o;
  // Integers out of range of int64 and of a year; floats out of range.
  for (const char* since : {"9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e400",
                            "0x7fffffffffffffff", "2100", "1800"})
    feed(replace_first(valid_text(), "since = 2015", std::string("since = ") + since), o);
  // A 4 MB name and a 100 000-element theme list.
  feed(replace_first(valid_text(), "name = \"Pays Un\"\nstatus",
                     "name = \"" + std::string(4 << 20, 'x') + "\"\nstatus"),
       o);
  std::string themes = "themes = [";
  for (int i = 0; i < 100000; ++i) themes += "\"mobilite\",";
  feed(replace_first(valid_text(), "themes = [\"alimentation\"]", themes + "]"), o);
  // Invalid UTF-8: lone continuation, overlong, surrogate, truncated sequence, NUL.
  const std::string nul(1, '\0');
  for (const std::string& bad : {std::string("\x80"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
                                std::string("\xf4\x90\x80\x80"), std::string("\xe2\x82"), nul}) {
    feed(replace_first(valid_text(), "Bêta\"", std::string("B") + bad + "ta\""), o);
    feed(valid_text() + "# " + bad + "\n", o);
  }
  feed(valid_text().substr(0, valid_text().find("ê") + 1), o);  // cut inside a character
  // Deep nesting of arrays and inline tables.
  feed("format = 1\nx = " + std::string(100000, '[') + std::string(100000, ']') + "\n", o);
  std::string tables = "format = 1\nx = ";
  for (int i = 0; i < 50000; ++i) tables += "{a=";
  tables += "1" + std::string(50000, '}') + "\n";
  feed(tables, o);
  feed("format = 1\n" + std::string(100000, '[') + "a" + std::string(100000, ']') + "\n", o);
  feed(std::string(200000, '\n'), o);
  // 5 000 copies of the catalogue's alliances: duplicate ids, reported, not crashed on.
  std::string many = "format = 1\n";
  const std::string body = valid_text().substr(valid_text().find("[[alliance]]"));
  for (int i = 0; i < 1250; ++i) many += "\n" + body;
  try {
    parse_catalogue(many, "many.toml", cartes::test::vocabulary());
    FAIL("duplicates accepted");
  } catch (const CatalogueError& e) {
    CHECK(e.issues().size() == 4 * 1249);
  }
  CHECK(o.rejected > 10);
}
