#include "model/catalogue_edit.hpp"

#include <algorithm>
#include <limits>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cartes::model {

void CatalogueEdit::apply(Catalogue& catalogue) const {
  auto& list = catalogue.alliances;
  for (const AllianceChange& c : changes) {
    const auto at = list.begin() + static_cast<std::ptrdiff_t>(c.index);
    if (c.before && c.after) {
      list[c.index] = *c.after;
    } else if (c.after) {
      list.insert(at, *c.after);
    } else {
      list.erase(at);
    }
  }
}

void CatalogueEdit::revert(Catalogue& catalogue) const {
  auto& list = catalogue.alliances;
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
    const AllianceChange& c = *it;
    const auto at = list.begin() + static_cast<std::ptrdiff_t>(c.index);
    if (c.before && c.after) {
      list[c.index] = *c.before;
    } else if (c.after) {
      list.erase(at);
    } else {
      list.insert(at, *c.before);
    }
  }
}

EditHistory::EditHistory(Catalogue loaded) : catalogue_(std::move(loaded)) {}

std::size_t EditHistory::index_of(std::string_view id) const {
  for (std::size_t i = 0; i < catalogue_.alliances.size(); ++i)
    if (catalogue_.alliances[i].id == id) return i;
  std::vector<std::string> ids;
  for (const auto& a : catalogue_.alliances) ids.push_back(a.id);
  throw UnknownIdError("alliance id", id, ids);
}

void EditHistory::apply(CatalogueEdit edit) {
  edit.apply(catalogue_);
  // A new step drops the steps that were undone; if the saved state was among
  // them, no cursor position can give it back.
  if (saved_cursor_ > cursor_) saved_cursor_ = std::numeric_limits<std::size_t>::max();
  steps_.resize(cursor_);
  steps_.push_back(std::move(edit));
  ++cursor_;
}

void EditHistory::add(Alliance alliance, std::string label) {
  for (const auto& a : catalogue_.alliances)
    if (a.id == alliance.id) throw DataError("alliance id '" + alliance.id + "' is already taken");
  if (label.empty()) label = "Nouvelle alliance " + alliance.name;
  const std::size_t at = catalogue_.alliances.size();
  apply({std::move(label), {{at, std::nullopt, std::move(alliance)}}});
}

void EditHistory::replace(std::string_view id, Alliance after, std::string label) {
  const std::size_t i = index_of(id);
  if (after.id != id)
    for (const auto& a : catalogue_.alliances)
      if (a.id == after.id) throw DataError("alliance id '" + after.id + "' is already taken");
  if (label.empty()) label = "Modifier " + after.name;
  apply({std::move(label), {{i, catalogue_.alliances[i], std::move(after)}}});
}

void EditHistory::remove(std::string_view id, std::string label) {
  const std::size_t i = index_of(id);
  if (label.empty()) label = "Supprimer " + catalogue_.alliances[i].name;
  apply({std::move(label), {{i, catalogue_.alliances[i], std::nullopt}}});
}

void EditHistory::add_members(std::string_view id, const std::vector<Member>& members, std::string label) {
  const std::size_t i = index_of(id);
  Alliance after = catalogue_.alliances[i];
  std::size_t added = 0;
  for (const Member& m : members) {
    const bool present = std::any_of(after.members.begin(), after.members.end(), [&](const Member& x) {
      return x.level == m.level && x.code == m.code;
    });
    if (!present) {
      after.members.push_back(m);
      ++added;
    }
  }
  if (added == 0) throw DataError("alliance '" + std::string(id) + "': every member given is already a member");
  if (label.empty()) label = "Ajouter " + std::to_string(added) + (added == 1 ? " membre" : " membres");
  apply({std::move(label), {{i, catalogue_.alliances[i], std::move(after)}}});
}

void EditHistory::remove_members(std::string_view id, const std::vector<std::string>& codes, std::string label) {
  const std::size_t i = index_of(id);
  Alliance after = catalogue_.alliances[i];
  const std::size_t before = after.members.size();
  std::erase_if(after.members,
                [&](const Member& m) { return std::find(codes.begin(), codes.end(), m.code) != codes.end(); });
  const std::size_t removed = before - after.members.size();
  if (removed == 0) throw DataError("alliance '" + std::string(id) + "': none of the codes given is a member");
  if (label.empty()) label = "Retirer " + std::to_string(removed) + (removed == 1 ? " membre" : " membres");
  apply({std::move(label), {{i, catalogue_.alliances[i], std::move(after)}}});
}

bool EditHistory::undo() {
  if (!can_undo()) return false;
  steps_[--cursor_].revert(catalogue_);
  return true;
}

bool EditHistory::redo() {
  if (!can_redo()) return false;
  steps_[cursor_++].apply(catalogue_);
  return true;
}

std::string EditHistory::undo_label() const { return can_undo() ? steps_[cursor_ - 1].label : std::string(); }
std::string EditHistory::redo_label() const { return can_redo() ? steps_[cursor_].label : std::string(); }

std::vector<CatalogueIssue> validate_catalogue(const Catalogue& catalogue, const Vocabulary& vocabulary,
                                               const TerritoryBase* base) {
  const std::string text = to_canonical_toml(catalogue);
  Catalogue reparsed;
  try {
    reparsed = parse_catalogue(text, catalogue.source_name, vocabulary);
  } catch (const CatalogueError& e) {
    return e.issues();
  }
  if (!base) return {};
  return check_against_base(reparsed, *base).errors;
}

std::vector<CatalogueIssue> validate_alliance(const Alliance& alliance, const Vocabulary& vocabulary,
                                              const TerritoryBase* base, const std::string& source_name) {
  Catalogue one;
  one.source_name = source_name;
  one.alliances = {alliance};
  std::vector<CatalogueIssue> issues = validate_catalogue(one, vocabulary, base);
  for (CatalogueIssue& issue : issues) {
    issue.file = source_name;
    issue.line = 0;
  }
  return issues;
}

}  // namespace cartes::model
