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

}  // namespace cartes::model
