#pragma once
// Editing a catalogue with undo and redo, with no window in sight: the viewer's
// edit mode and the CLI's edit commands both go through EditHistory.
//
// Command pattern (as QGIS's edit buffer): each edit is a CatalogueEdit that
// applies and reverts itself; the history is a list of them with a cursor.
// An edit records the alliances it changes whole (before and after), so
// undoing every edit gives back the loaded catalogue exactly, and a deleted
// alliance comes back by undo until the history is dropped.
//
// Validation is the rules of `cartes check`, not a copy of them: the catalogue
// as it would be saved (canonical TOML) is parsed and checked against the base.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/alliance.hpp"
#include "model/catalogue.hpp"
#include "model/territory.hpp"
#include "model/vocabulary.hpp"

namespace cartes::model {

// One alliance inserted (no before), removed (no after) or replaced, at its
// position in the catalogue.
struct AllianceChange {
  std::size_t index = 0;
  std::optional<Alliance> before;
  std::optional<Alliance> after;
};

// One undoable step: a label for menus ("Ajouter l'EPCI …") and its changes,
// applied in order and reverted in reverse order.
struct CatalogueEdit {
  std::string label;
  std::vector<AllianceChange> changes;
  void apply(Catalogue& catalogue) const;
  void revert(Catalogue& catalogue) const;
};

class EditHistory {
 public:
  explicit EditHistory(Catalogue loaded);

  const Catalogue& catalogue() const { return catalogue_; }
  // The alliance with this id; UnknownIdError (with "did you mean") otherwise.
  const Alliance& alliance(std::string_view id) const { return catalogue_.alliances[index_of(id)]; }

  // Each of these is one step; DataError (nothing changed) when the id is
  // unknown or, for add, already taken.
  void add(Alliance alliance, std::string label = {});
  void replace(std::string_view id, Alliance after, std::string label = {});
  void remove(std::string_view id, std::string label = {});
  // Members not yet in the alliance are added (same level and code: kept once).
  void add_members(std::string_view id, const std::vector<Member>& members, std::string label = {});
  // Members with these codes are removed (DataError when none of them is a member).
  void remove_members(std::string_view id, const std::vector<std::string>& codes, std::string label = {});
  // A prepared step (several alliances at once: a CSV import).
  void apply(CatalogueEdit edit);

  bool can_undo() const { return cursor_ > 0; }
  bool can_redo() const { return cursor_ < steps_.size(); }
  // False when there was nothing to undo (redo).
  bool undo();
  bool redo();
  // Labels of the next step to undo and to redo ("" when none).
  std::string undo_label() const;
  std::string redo_label() const;
  std::size_t size() const { return steps_.size(); }
  // The step applied last (by an edit or a redo): what a journal records.
  const CatalogueEdit& last_step() const { return steps_.at(cursor_ - 1); }

  // Unsaved changes: the catalogue differs from the last saved (or loaded) step.
  bool modified() const { return cursor_ != saved_cursor_; }
  void mark_saved() { saved_cursor_ = cursor_; }

 private:
  std::size_t index_of(std::string_view id) const;  // DataError when unknown
  Catalogue catalogue_;
  std::vector<CatalogueEdit> steps_;
  std::size_t cursor_ = 0;        // steps_[0, cursor_) are applied
  std::size_t saved_cursor_ = 0;  // SIZE_MAX once the saved step was dropped by a new branch
};

// Every problem `cartes check` would report for the catalogue as it would be
// saved: syntax and vocabularies, then (with a base) members' codes and names.
// Line numbers are those of the canonical text; each message names its alliance.
std::vector<CatalogueIssue> validate_catalogue(const Catalogue& catalogue, const Vocabulary& vocabulary,
                                               const TerritoryBase* base);

// The same for one alliance alone, its messages without line numbers (an
// edit's alliance has no line yet): what a CLI edit or an imported row is
// refused with. `source_name` names the file in the messages.
std::vector<CatalogueIssue> validate_alliance(const Alliance& alliance, const Vocabulary& vocabulary,
                                              const TerritoryBase* base, const std::string& source_name);

}  // namespace cartes::model
