#pragma once
// An alliance: a cooperation between territories, described by the six card
// families of the "Cartes sur table" workshop (thème, finalité, portage,
// territoires, temporalité, intensité) plus a status.
//
// Family values are stable ASCII ids (e.g. theme "mobilite"); their French
// labels, and the allowed values, come from geodata/vocabularies.toml
// (vocabulary.hpp). Thèmes and portage kinds are extendable there; the
// others are fixed.
#include <optional>
#include <string>
#include <vector>

#include "model/territory.hpp"

namespace cartes::model {

enum class Status { a_loeuvre, imaginee };              // "a_loeuvre" / "imaginee"
enum class Horizon { immediat, dix_ans, trente_ans };   // "immediat" / "10_ans" / "30_ans"
enum class Intensity { faible, moyenne, forte };
enum class Trend { monte_en_puissance, stable, s_essouffle };
enum class Confidence { sourced, approximate };

struct Member {
  Level level = Level::epci;
  std::string code;   // official code: INSEE (commune, dep, region), SIREN (EPCI), pays code
  std::string name;   // as written in the catalogue; checked against the base
  Confidence confidence = Confidence::sourced;
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
};

std::string_view to_string(Status);
std::string_view to_string(Horizon);
std::string_view to_string(Intensity);
std::string_view to_string(Trend);
std::string_view to_string(Confidence);

}  // namespace cartes::model
