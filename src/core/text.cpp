#include "core/text.hpp"

#include <algorithm>
#include <utility>

namespace cartes {

std::string fold_name(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> accents[] = {
      {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"î", "i"},
      {"ï", "i"}, {"ô", "o"}, {"ö", "o"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"}, {"ç", "c"}, {"ÿ", "y"},
      {"À", "a"}, {"Â", "a"}, {"É", "e"}, {"È", "e"}, {"Ê", "e"}, {"Î", "i"}, {"Ô", "o"}, {"Ç", "c"},
      {"’", "'"}, {"œ", "oe"}, {"Œ", "oe"}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool matched = false;
    for (const auto& [from, to] : accents) {
      if (s.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const char c = s[i++];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : (c == '-' ? ' ' : c);
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::vector<std::string> nearest(std::string_view text, const std::vector<std::string>& candidates,
                                 std::size_t count) {
  const std::string needle = fold_name(text);
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // (distance, index)
  scored.reserve(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string c = fold_name(candidates[i]);
    scored.emplace_back(!needle.empty() && c.find(needle) != std::string::npos ? 0 : edit_distance(needle, c), i);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (std::size_t k = 0; k < scored.size() && out.size() < count; ++k) out.push_back(candidates[scored[k].second]);
  return out;
}

std::string did_you_mean(std::string_view value, const std::vector<std::string>& candidates, std::size_t count) {
  const auto near = nearest(value, candidates, count);
  if (near.empty()) return {};
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < near.size(); ++i) {
    if (i) out += i + 1 == near.size() ? " or " : ", ";
    out += near[i];
  }
  return out + "?)";
}

namespace {
std::string unknown_message(std::string_view what, std::string_view value, const std::vector<std::string>& candidates,
                            std::string_view where) {
  std::string m;
  if (!where.empty()) m += std::string(where) + ": ";
  m += "unknown " + std::string(what) + " '" + std::string(value) + "'" + did_you_mean(value, candidates);
  return m;
}
}  // namespace

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

UnknownIdError::UnknownIdError(std::string_view what, std::string_view value,
                               const std::vector<std::string>& candidates, std::string_view where)
    : DataError(unknown_message(what, value, candidates, where)) {}

}  // namespace cartes
