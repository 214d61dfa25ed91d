#pragma once
// An alliance: a cooperation between territories, described by the six card
// families of the "Cartes sur table" workshop (thème, finalité, portage,
// territoires, temporalité, intensité) plus a status.
//
// Family values are stable ASCII ids (e.g. theme "mobilite"); their French
// labels, and the allowed values, come from geodata/vocabularies.toml
// (vocabulary.hpp). The families themselves, their enums and fixed ids are
// the table of families.hpp.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/families.hpp"
#include "model/territory.hpp"

namespace cartes::model {

struct Member {
  Level level = Level::epci;
  std::string code;   // official code: INSEE (commune, dep, region), SIREN (EPCI), pays code
  std::string name;   // as written in the catalogue; checked against the base
  Confidence confidence = Confidence::sourced;  // effective: the alliance's unless set
  bool confidence_explicit = false;             // written in the catalogue (kept on save)
  std::string note;
  int line = 0;       // line in the catalogue, for messages
};

// A non-spatial partner: CHU, ARS, SNCF, chambre consulaire, entreprise, habitants...
struct Partner {
  std::string name;
  std::string kind;   // vocabulary "partner_kinds"
};

struct Portage {
  std::string kind;        // vocabulary "portage": chef_de_file, structure_ad_hoc, contrat, informel...
  std::string lead;        // optional: code of the member that leads
  std::string structure;   // optional: the structure's name (SEML Energ'iv, association...)
};

// The workshop card an alliance was captured from ("Cartes sur table": each
// table puts cards of the six families on a mat, participants stick
// gommettes, dot votes, on them). FORMAT.md, "Workshop".
struct Workshop {
  int table = 0;         // table number, 1 or more
  std::string session;   // which session (free text: "18 juin 2019, séquence 1")
  // Gommettes per family (workshop_families()) and value, each value one the
  // alliance takes: {"finalites", {{"mise_en_reseau", 4}, {"promotion", 1}}}.
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, int>>>> gommettes;
  int line = 0;

  // The gommettes on one card (0 when none).
  int count(std::string_view family, std::string_view id) const;
  // Sets (or, with 0, removes) the gommettes on one card.
  void set_count(std::string_view family, std::string_view id, int count);
};

struct Alliance {
  std::string id;     // stable slug, unique
  std::string name;
  Status status = Status::a_loeuvre;
  std::vector<std::string> themes;
  std::vector<std::string> finalites;
  Portage portage;
  std::vector<Member> members;
  std::vector<Partner> partners;
  Horizon temporalite = Horizon::dix_ans;
  Intensity intensite = Intensity::moyenne;
  Trend tendance = Trend::stable;
  std::optional<int> since;  // year
  std::vector<std::string> sources;
  std::string notes;
  Confidence confidence = Confidence::sourced;  // of the membership as a whole
  std::string confidence_note;
  std::string scope = "loire-bretagne";  // smallest base scope holding all members
  std::optional<Workshop> workshop;       // only for alliances captured in a workshop
  int line = 0;

  bool has_member_level(Level level) const;
};

// The ids of a family fixed by the model, in the model's order; empty for
// extendable families (themes, portage, partner_kinds) and unknown ones.
std::vector<std::string_view> fixed_family_ids(std::string_view family);

// The ids an alliance takes in a family (vocabulary family names, plus
// "levels": the levels of its members), without repeats, in its own order.
// Empty for an unknown family.
std::vector<std::string> values_of(const Alliance& alliance, std::string_view family);

// The families whose cards take gommettes, in the order of the workshop's
// mat: themes, finalites, portage, levels (territoires), temporalite,
// intensite, tendance.
std::span<const std::string_view> workshop_families();

}  // namespace cartes::model
