#include <catch2/catch.hpp>
#include <filesystem>

#include "scratch_dir.hpp"
#include "catalogue_helpers.hpp"
#include "model/catalogue.hpp"
#include "synthetic_base.hpp"

using namespace cartes;
using namespace cartes::model;
using cartes::test::catalogue_fixture;
using cartes::test::read_text;
using cartes::test::vocabulary;

namespace {
// The issues of a catalogue that must fail, as "line: message" strings.
std::vector<CatalogueIssue> issues_of(const std::string& fixture) {
  try {
    load_catalogue(catalogue_fixture(fixture), vocabulary());
  } catch (const CatalogueError& e) {
    return e.issues();
  }
  FAIL("no CatalogueError for " << fixture);
  return {};
}

bool has_issue(const std::vector<CatalogueIssue>& issues, int line, const std::string& text) {
  for (const auto& i : issues)
    if (i.line == line && i.message.find(text) != std::string::npos) return true;
  return false;
}

std::string listing(const std::vector<CatalogueIssue>& issues) {
  std::string out;
  for (const auto& i : issues) out += i.str() + "\n";
  return out;
}
}  // namespace

TEST_CASE("vocabularies load with French labels, fixed families match the model") {
  const Vocabulary& v = vocabulary();
  CHECK(v.label("status", "a_loeuvre") == "À l’œuvre");
  CHECK(v.label("themes", "energie") == "Énergie & ressources naturelles");
  CHECK(v.contains("temporalite", "10_ans"));
  CHECK_FALSE(v.contains("themes", "mobility"));
  CHECK(v.family("themes")->extendable);
  CHECK_FALSE(v.family("intensite")->extendable);
  // File order is kept (toml++ sorts keys).
  CHECK(v.family("intensite")->entries.front().id == "faible");
  CHECK(v.allowed("tendance") == "monte_en_puissance, stable, s_essouffle");
}

TEST_CASE("a vocabulary that changes a fixed family is refused with its line") {
  const std::string text = "format = 1\n[themes]\nx = \"X\"\n[finalites]\nservice_habitants = \"S\"\n"
                           "mise_en_reseau = \"M\"\nmutualisation = \"M\"\nreflexion_prospective = \"R\"\n"
                           "promotion = \"P\"\n[portage]\nk = \"K\"\n[partner_kinds]\np = \"P\"\n"
                           "[temporalite]\nimmediat = \"I\"\n10_ans = \"10\"\n30_ans = \"30\"\n50_ans = \"50\"\n"
                           "[intensite]\nfaible = \"F\"\nmoyenne = \"M\"\nforte = \"F\"\n"
                           "[tendance]\nmonte_en_puissance = \"M\"\nstable = \"S\"\ns_essouffle = \"E\"\n"
                           "[status]\na_loeuvre = \"A\"\nimaginee = \"I\"\n[confidence]\nsourced = \"S\"\n"
                           "approximate = \"A\"\n";
  try {
    Vocabulary::parse(text, "v.toml");
    FAIL("accepted a fixed family with an extra id");
  } catch (const DataError& e) {
    CHECK_THAT(e.what(), Catch::Contains("v.toml:14") && Catch::Contains("50_ans"));
  }
  std::string extended = text;
  extended.erase(extended.find("50_ans = \"50\"\n"), 14);
  CHECK(Vocabulary::parse(extended, "v.toml").contains("themes", "x"));
}

TEST_CASE("a valid catalogue loads every family") {
  const Catalogue cat = load_catalogue(catalogue_fixture("synthetic.toml"), vocabulary());
  REQUIRE(cat.alliances.size() == 4);
  const Alliance& a = cat.alliances[0];
  CHECK(a.id == "mixte");
  CHECK(a.name == "Alliance de niveaux mêlés");
  CHECK(a.status == Status::a_loeuvre);
  CHECK(a.themes == std::vector<std::string>{"mobilite", "sante"});
  CHECK(a.temporalite == Horizon::dix_ans);
  CHECK(a.intensite == Intensity::forte);
  CHECK(a.tendance == Trend::monte_en_puissance);
  CHECK(a.since == 2015);
  CHECK(a.portage.kind == "chef_de_file");
  CHECK(a.portage.lead == "200000001");
  REQUIRE(a.members.size() == 3);
  CHECK(a.members[1].level == Level::commune);
  CHECK(a.members[1].code == "99002");
  CHECK(a.members[1].line == 30);
  CHECK(a.partners.at(0).kind == "etablissement_sante");
  CHECK(a.notes.find("« Cœur »") != std::string::npos);
  const Alliance& b = *cat.find("disjointe");
  CHECK(b.confidence == Confidence::approximate);
  CHECK(b.members[0].confidence == Confidence::approximate);  // inherited
  CHECK_FALSE(b.members[0].confidence_explicit);
  CHECK(b.members[1].confidence == Confidence::sourced);
  CHECK(b.sources.size() == 2);
  CHECK(b.notes == "Deux lignes,\navec des \"guillemets\" et une barre \\ oblique.");
  CHECK(cat.find("est")->scope == "france");
  CHECK(cat.find("nope") == nullptr);
}

TEST_CASE("saving a canonical catalogue gives it back byte for byte") {
  const auto path = catalogue_fixture("synthetic.toml");
  const Catalogue cat = load_catalogue(path, vocabulary());
  CHECK(to_canonical_toml(cat) == read_text(path));
}

TEST_CASE("any valid catalogue reaches the canonical form in one save, atomically") {
  const std::string messy =
      "# en-tête gardé\n\nformat = 1\n[[alliance]]\nname = \"Tab\\there, \\\"quote\\\", ctl\"\n"
      "id = 'litteral'\nstatus = \"imaginee\"\nthemes = [ \"numerique\" ,]\nfinalites = [\"promotion\"]\n"
      "temporalite = \"30_ans\"\nintensite = \"faible\"\ntendance = \"stable\"\n"
      "portage = { kind = \"informel\" }\nmembers = [ { level = \"commune\", code = \"99001\", name = \"Alpha\" } ]\n";
  const Catalogue first = parse_catalogue(messy, "messy.toml", vocabulary());
  const std::string canonical = to_canonical_toml(first);
  CHECK(canonical.rfind("# en-tête gardé\n\nformat = 1\n\n[[alliance]]\nid = \"litteral\"\n", 0) == 0);
  CHECK_THAT(canonical, Catch::Contains(R"(name = "Tab\there, \"quote\", ctl")"));
  const Catalogue second = parse_catalogue(canonical, "canonical.toml", vocabulary());
  CHECK(second.alliances.at(0).name == first.alliances.at(0).name);
  CHECK(to_canonical_toml(second) == canonical);

  const cartes::test::ScratchDir scratch("test-catalogue-save");
  const auto& dir = scratch.path();
  const auto file = dir / "c.toml";
  save_catalogue(first, file);
  CHECK(read_text(file) == canonical);
  for (const auto& e : std::filesystem::directory_iterator(dir)) CHECK(e.path().filename() == "c.toml");
  CHECK_THROWS_AS(save_catalogue(first, dir / "missing-folder" / "c.toml"), OutputError);
  CHECK(read_text(file) == canonical);
}

TEST_CASE("every problem of a catalogue is reported at once, with file and line") {
  const auto issues = issues_of("errors.toml");
  INFO(listing(issues));
  CHECK(has_issue(issues, 2, "unknown key 'colour'"));
  CHECK(has_issue(issues, 5, "not a slug"));
  CHECK(has_issue(issues, 8, "unknown themes value 'mobility' (allowed: mobilite, alimentation, sante"));
  CHECK(has_issue(issues, 22, "no members"));
  CHECK(has_issue(issues, 25, "unknown status value 'en_cours' (allowed: a_loeuvre, imaginee)"));
  CHECK(has_issue(issues, 31, "needs a 'confidence_note'"));
  CHECK(has_issue(issues, 36, "duplicate id 'doublon' (first at line 22)"));
  CHECK(has_issue(issues, 36, "missing required key 'name'"));
  CHECK(has_issue(issues, 39, "'themes' must be an array of strings, not a string"));
  CHECK(has_issue(issues, 42, "'intensite' must be a string, not an integer"));
  CHECK(has_issue(issues, 44, "between 1800 and 2100"));
  CHECK(has_issue(issues, 46, "portage lead '44109' is not the code of one of the members"));
  CHECK(has_issue(issues, 47, "unknown portage value 'inconnu'"));
  CHECK(has_issue(issues, 51, "unknown level 'canton'"));
  CHECK(has_issue(issues, 52, "write it in quotes (\"35\")"));
  CHECK(has_issue(issues, 59, "'approximate' member needs a 'note'"));
  CHECK(has_issue(issues, 63, "unknown partner_kinds value 'multinationale'"));
  CHECK(issues.size() == 17);
  // Sorted by line, each printed as file:line: message.
  CHECK(std::is_sorted(issues.begin(), issues.end(), [](const auto& a, const auto& b) { return a.line < b.line; }));
  CHECK_THAT(issues.front().str(), Catch::StartsWith(catalogue_fixture("errors.toml").string() + ":2: "));
}

TEST_CASE("TOML syntax errors name the line; missing files are input errors") {
  try {
    parse_catalogue("format = 1\n\n[[alliance]]\nid = \"x\nname = 2\n", "broken.toml", vocabulary());
    FAIL("accepted a broken string");
  } catch (const CatalogueError& e) {
    REQUIRE(e.issues().size() == 1);
    CHECK(e.issues()[0].line == 4);
    CHECK_THAT(e.what(), Catch::Contains("broken.toml:4: TOML syntax"));
  }
  CHECK_THROWS_AS(load_catalogue(catalogue_fixture("does-not-exist.toml"), vocabulary()), InputError);
  try {
    parse_catalogue("[[alliance]]\nid = \"x\"\n", "noformat.toml", vocabulary());
    FAIL("accepted a catalogue without format");
  } catch (const CatalogueError& e) {
    CHECK(e.issues().front().message.find("'format'") != std::string::npos);
    CHECK(e.issues().size() >= 8);  // and every missing key of the alliance
  }
}

TEST_CASE("members are checked against the base: unknown codes with suggestions, names, scope") {
  const Catalogue cat = load_catalogue(catalogue_fixture("base_errors.toml"), vocabulary());
  const TerritoryBase base = cartes::test::synthetic_base();
  const BaseCheck check = check_against_base(cat, base);
  INFO(listing(check.errors));
  REQUIRE(check.errors.size() == 3);
  CHECK(check.errors[0].line == 16);
  CHECK_THAT(check.errors[0].message, Catch::Contains("epci 200000009 is not in the loire-bretagne base") &&
                                          Catch::Contains("nearest names to 'CC Gama Delta': CC Gamma Delta (epci 200000002)"));
  // "GAMMA" is "Gamma" up to case: accepted. "Epsilon" is not 99004's name.
  CHECK(check.errors[1].line == 26);
  CHECK_THAT(check.errors[1].message, Catch::Contains("name 'Epsilon' does not match the base's 'Delta'"));
  CHECK(check.errors[2].line == 31);
  CHECK_THAT(check.errors[2].message, Catch::Contains("it is the epci CC Gamma Delta"));
  // A "france" alliance's member outside a Loire-Bretagne base is not an error.
  REQUIRE(check.out_of_scope.size() == 1);
  CHECK(check.out_of_scope[0].line == 50);
  CHECK_THROWS_AS(validate_against_base(cat, base), CatalogueError);

  TerritoryBase france = cartes::test::synthetic_base();
  france.scope = "france";
  const BaseCheck in_france = check_against_base(cat, france);
  CHECK(in_france.out_of_scope.empty());
  CHECK(in_france.errors.size() == 4);

  const Catalogue good = load_catalogue(catalogue_fixture("synthetic.toml"), vocabulary());
  const BaseCheck ok = check_against_base(good, base);
  CHECK(ok.errors.empty());
  CHECK(ok.out_of_scope.size() == 1);  // région 84 of the "france" alliance
  CHECK_NOTHROW(validate_against_base(good, base));
}

TEST_CASE("control characters in names are refused with file:line; notes may hold line breaks") {
  const std::string text = read_text(catalogue_fixture("synthetic.toml"));
  // "\u0000" in a TOML basic string is a NUL: it would cut the name in list and export.
  std::string nul = text;
  const std::string name_line = "name = \"Alliance de niveaux mêlés\"";
  nul.replace(nul.find(name_line), name_line.size(), "name = \"Alliance\\u0000cachée\"");
  try {
    parse_catalogue(nul, "nul.toml", vocabulary());
    FAIL("accepted a NUL in a name");
  } catch (const CatalogueError& e) {
    CHECK_THAT(e.what(), Catch::Contains("nul.toml:8: ") && Catch::Contains("control character U+0000"));
  }
  std::string notes = text;
  const std::string notes_start = "notes = \"Un EPCI";
  notes.replace(notes.find(notes_start), notes_start.size(), "notes = \"Ligne 1\\nLigne 2\\tUn EPCI");
  CHECK(parse_catalogue(notes, "notes.toml", vocabulary()).alliances.front().notes.find('\n') != std::string::npos);
}

TEST_CASE("a folder given as the catalogue is an input error naming it") {
  cartes::test::ScratchDir dir("catalogue-folder");
  CHECK_THROWS_AS(load_catalogue(dir.path(), vocabulary()), InputError);
  CHECK_THROWS_WITH(load_catalogue(dir.path(), vocabulary()), Catch::Contains("is a folder, not a TOML file"));
}
