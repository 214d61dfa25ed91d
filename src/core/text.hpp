#pragma once
// Text helpers shared by every layer: French names folded for comparison,
// and the one "unknown id, did you mean" helper.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace cartes {

// Lower-cased ASCII folding of French letters, so "chateaubriant" finds
// "Châteaubriant" (œ -> oe, ’ -> ', - -> space).
std::string fold_name(std::string_view s);

// The items with `separator` between them.
template <typename Items>
std::string join(const Items& items, std::string_view separator) {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += separator;
    out += std::string_view(item);
    first = false;
  }
  return out;
}

// Without its leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view s);

// Levenshtein distance, in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The `count` candidates nearest to `text` (folded; a candidate containing the
// text comes first), stable for equal distances.
std::vector<std::string> nearest(std::string_view text, const std::vector<std::string>& candidates,
                                 std::size_t count = 3);

// "unknown <what> 'value' (did you mean a, b or c?)": a DataError (exit 4)
// whatever the front end, so the CLI and the viewer agree. `where` prefixes
// the message (a file:line, an option).
class UnknownIdError : public DataError {
 public:
  UnknownIdError(std::string_view what, std::string_view value, const std::vector<std::string>& candidates,
                 std::string_view where = {});
};

// The "did you mean" tail alone ("" when no candidate): " (did you mean a, b or c?)".
std::string did_you_mean(std::string_view value, const std::vector<std::string>& candidates, std::size_t count = 3);

}  // namespace cartes
