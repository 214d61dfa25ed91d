#pragma once
// The card families of the "Cartes sur table" workshop, in one table.
//
// A family is a key (vocabulary table, catalogue key, export column, value of
// `stats --by`), a French label, a CLI filter option, and its ids: fixed by
// the model (the lists below) or extendable in geodata/vocabularies.toml,
// which gives every id its French label.
//
// Adding a value to a fixed family: one line in its list below (enumerator
// and id), and its label in geodata/vocabularies.toml. A switch on the enum
// that misses it (render styles, QGIS style, trend arrow) fails to compile
// (-Werror=switch); tests/model/test_families.cpp checks every other place,
// tests/app/test_legend.cpp the legend (README, For developers, lists the files).
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cartes::model {

struct Alliance;

// X(enumerator, id): the ids are those of geodata/vocabularies.toml.
#define CARTES_STATUS_VALUES(X) X(a_loeuvre, "a_loeuvre") X(imaginee, "imaginee")
#define CARTES_HORIZON_VALUES(X) X(immediat, "immediat") X(dix_ans, "10_ans") X(trente_ans, "30_ans")
#define CARTES_INTENSITY_VALUES(X) X(faible, "faible") X(moyenne, "moyenne") X(forte, "forte")
#define CARTES_TREND_VALUES(X) X(monte_en_puissance, "monte_en_puissance") X(stable, "stable") X(s_essouffle, "s_essouffle")
#define CARTES_CONFIDENCE_VALUES(X) X(sourced, "sourced") X(approximate, "approximate")
// Finalités are plain ids in Alliance (several per alliance), fixed all the same.
#define CARTES_FINALITE_VALUES(X)                                                                         \
  X(service_habitants, "service_habitants") X(mise_en_reseau, "mise_en_reseau")                         \
  X(mutualisation, "mutualisation") X(reflexion_prospective, "reflexion_prospective") X(promotion, "promotion")

#define CARTES_FAMILY_ENUMERATOR(name, id) name,
#define CARTES_FAMILY_ID(name, id) std::string_view{id},
enum class Status { CARTES_STATUS_VALUES(CARTES_FAMILY_ENUMERATOR) };
enum class Horizon { CARTES_HORIZON_VALUES(CARTES_FAMILY_ENUMERATOR) };
enum class Intensity { CARTES_INTENSITY_VALUES(CARTES_FAMILY_ENUMERATOR) };
enum class Trend { CARTES_TREND_VALUES(CARTES_FAMILY_ENUMERATOR) };
enum class Confidence { CARTES_CONFIDENCE_VALUES(CARTES_FAMILY_ENUMERATOR) };

// The family of each enum: its key and its ids, in enumerator order.
template <typename E>
struct FamilyEnum;
#define CARTES_FAMILY_ENUM(Enum, family_key, VALUES)                                      \
  template <>                                                                             \
  struct FamilyEnum<Enum> {                                                               \
    static constexpr std::string_view key = family_key;                                   \
    static constexpr std::array ids{VALUES(CARTES_FAMILY_ID)};                            \
  };
CARTES_FAMILY_ENUM(Status, "status", CARTES_STATUS_VALUES)
CARTES_FAMILY_ENUM(Horizon, "temporalite", CARTES_HORIZON_VALUES)
CARTES_FAMILY_ENUM(Intensity, "intensite", CARTES_INTENSITY_VALUES)
CARTES_FAMILY_ENUM(Trend, "tendance", CARTES_TREND_VALUES)
CARTES_FAMILY_ENUM(Confidence, "confidence", CARTES_CONFIDENCE_VALUES)
#undef CARTES_FAMILY_ENUM
inline constexpr std::array finalite_ids{CARTES_FINALITE_VALUES(CARTES_FAMILY_ID)};
#undef CARTES_FAMILY_ENUMERATOR
#undef CARTES_FAMILY_ID

template <typename E>
concept FamilyEnumType = requires { FamilyEnum<E>::ids; };

template <FamilyEnumType E>
constexpr std::string_view to_string(E value) {
  const auto i = static_cast<std::size_t>(value);
  return i < FamilyEnum<E>::ids.size() ? FamilyEnum<E>::ids[i] : std::string_view{"?"};
}

template <FamilyEnumType E>
constexpr std::optional<E> parse_value(std::string_view id) {
  for (std::size_t i = 0; i < FamilyEnum<E>::ids.size(); ++i)
    if (FamilyEnum<E>::ids[i] == id) return static_cast<E>(i);
  return std::nullopt;
}

// Every value of the enum, in order (legends iterate over them).
template <FamilyEnumType E>
constexpr auto all_values() {
  std::array<E, FamilyEnum<E>::ids.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<E>(i);
  return out;
}

struct FamilyDef {
  std::string_view key;      // "intensite": vocabulary table, catalogue key, export column, stats --by
  std::string_view label;    // French: "Intensité"
  bool extendable = false;   // ids listed by vocabularies.toml; otherwise `ids`
  bool multi_valued = false; // an alliance may take several values
  std::string_view option;   // the filter of `cartes alliances list`: "--intensite"
  std::span<const std::string_view> ids;              // fixed families: the model's ids, in order
  std::vector<std::string> (*values)(const Alliance&);  // the ids an alliance takes
  // Sets the family's ids (checked ids; one for a single-valued family);
  // nullptr for a family that is not a field of its own (partner kinds).
  void (*assign)(Alliance&, const std::vector<std::string>&);
  std::span<const std::string_view> aliases;          // other names `stats --by` accepts
};

// Every family, in the order of the workshop's cards, then status and confidence.
std::span<const FamilyDef> card_families();
const FamilyDef* find_family(std::string_view key);  // nullptr when unknown

}  // namespace cartes::model
