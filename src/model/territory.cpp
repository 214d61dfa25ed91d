#include "model/territory.hpp"

#include <algorithm>

namespace cartes::model {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::commune: return "commune";
    case Level::epci: return "epci";
    case Level::pays: return "pays";
    case Level::departement: return "departement";
    case Level::region: return "region";
  }
  return "?";
}

std::string_view level_label(Level level) {
  switch (level) {
    case Level::commune: return "Commune";
    case Level::epci: return "EPCI";
    case Level::pays: return "Pays / PETR";
    case Level::departement: return "Département";
    case Level::region: return "Région";
  }
  return "?";
}

std::optional<Level> parse_level(std::string_view name) {
  for (Level l : all_levels)
    if (level_name(l) == name) return l;
  if (name == "communes") return Level::commune;
  if (name == "département" || name == "departements") return Level::departement;
  if (name == "région" || name == "regions") return Level::region;
  return std::nullopt;
}

void TerritoryBase::reindex() {
  for (Level l : all_levels) {
    auto& idx = index_[static_cast<int>(l)];
    idx.clear();
    const auto& v = layer(l);
    idx.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) idx.emplace(v[i].code, i);
  }
}

std::optional<std::size_t> TerritoryBase::index_of(Level level, std::string_view code) const {
  const auto& idx = index_[static_cast<int>(level)];
  auto it = idx.find(std::string(code));
  if (it == idx.end()) return std::nullopt;
  return it->second;
}

const Territory* TerritoryBase::find(Level level, std::string_view code) const {
  auto i = index_of(level, code);
  return i ? &layer(level)[*i] : nullptr;
}

const Territory* TerritoryBase::find_any(std::string_view code) const {
  for (Level l : all_levels)
    if (const Territory* t = find(l, code)) return t;
  return nullptr;
}

std::vector<std::size_t> TerritoryBase::commune_indices(const Territory& t) const {
  std::vector<std::size_t> out;
  if (t.level == Level::commune) {
    if (auto i = index_of(Level::commune, t.code)) out.push_back(*i);
    return out;
  }
  out.reserve(t.communes.size());
  for (const auto& c : t.communes)
    if (auto i = index_of(Level::commune, c)) out.push_back(*i);
  return out;
}

// Lower-cased ASCII folding of French letters, so "chateaubriant" finds
// "Châteaubriant".
std::string fold_name(std::string_view s) {
  static const std::pair<std::string_view, char> accents[] = {
      {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"î", 'i'},
      {"ï", 'i'}, {"ô", 'o'}, {"ö", 'o'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ç", 'c'}, {"ÿ", 'y'},
      {"À", 'a'}, {"Â", 'a'}, {"É", 'e'}, {"È", 'e'}, {"Ê", 'e'}, {"Î", 'i'}, {"Ô", 'o'}, {"Ç", 'c'},
      {"’", '\''}, {"œ", 'o'}, {"Œ", 'o'}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool matched = false;
    for (const auto& [from, to] : accents) {
      if (s.substr(i, from.size()) == from) {
        out += to;
        if (from == "œ" || from == "Œ") out += 'e';
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

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
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
}  // namespace

std::vector<const Territory*> TerritoryBase::nearest_by_name(std::string_view text, std::size_t count) const {
  const std::string needle = fold_name(text);
  std::vector<std::pair<std::size_t, const Territory*>> scored;
  for (Level l : all_levels)
    for (const auto& t : layer(l)) {
      const std::string name = fold_name(t.name);
      // A name containing the text is a better match than any edit distance.
      const std::size_t d = name.find(needle) != std::string::npos ? 0 : edit_distance(needle, name);
      scored.emplace_back(d, &t);
    }
  const std::size_t n = std::min(count, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                    [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const Territory*> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(scored[i].second);
  return out;
}

geo::Envelope TerritoryBase::envelope() const {
  geo::Envelope e;
  for (const auto& t : layer(Level::departement)) e.expand(t.geometry.envelope());
  if (e.empty)
    for (const auto& t : layer(Level::commune)) e.expand(t.geometry.envelope());
  return e;
}

}  // namespace cartes::model
