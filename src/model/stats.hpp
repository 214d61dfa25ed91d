#pragma once
// Counts and shares of alliances by card family, split between alliances
// à l'œuvre and imaginées, like the charts of the workshop report; or, for
// alliances captured in a workshop, shares of the participants' expressions
// (the gommettes on each card: "mise en réseau 19 % of the finalités of
// alliances à l'œuvre").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/alliance.hpp"
#include "model/vocabulary.hpp"

namespace cartes::model {

// What a row counts: alliances taking the value, or gommettes on its cards.
enum class StatWeight { alliances, gommettes };

struct StatRow {
  std::string id;
  std::string label;  // French
  int a_loeuvre = 0;  // alliances à l'œuvre taking this value (gommettes on it)
  int imaginee = 0;
  int total = 0;
};

struct FamilyStats {
  std::string family;  // "themes", ..., or "levels"
  std::string label;   // French
  StatWeight weight = StatWeight::alliances;
  int alliances_a_loeuvre = 0;  // the denominators of the shares (with gommettes: all the
  int alliances_imaginee = 0;   // gommettes of the family, à l'œuvre, imaginées, in total)
  int alliances = 0;
  bool multi_valued = false;    // an alliance may take several values: shares add up to more than 1
                                // (never with gommettes: each is one expression)
  std::vector<StatRow> rows;    // most frequent first, then in vocabulary order

  static double share(int count, int of) { return of ? static_cast<double>(count) / of : 0.0; }
};

// Every family stats accepts (vocabulary families and "levels").
std::vector<std::string> stat_families();
// "theme" -> "themes", "finalite" -> "finalites", "partenaires"/"partner_kind" ->
// "partner_kinds", "level"/"territoires" -> "levels"...; empty when unknown.
std::string normalise_family(std::string_view name);

// Throws UsageError for an unknown family (listing the allowed ones), and
// with gommettes for a family whose cards take none (status, confidence).
FamilyStats family_stats(const std::vector<Alliance>& alliances, const Vocabulary& vocabulary,
                         std::string_view family, StatWeight weight = StatWeight::alliances);
// "alliances" or "gommettes"; nullopt when neither (for --weight).
std::optional<StatWeight> parse_weight(std::string_view text);

}  // namespace cartes::model
