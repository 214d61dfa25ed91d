#pragma once
// The viewer's edit mode without ImGui: the catalogue's edit history (undo
// and redo without limit), its store and the version it was read at, the
// journal beside it (a crash loses no edit), validation with the rules of
// `cartes check`, and saves that never overwrite a file changed on disk.
// The perimeters of edited alliances are recomputed off the main thread
// (refresh_job.hpp); panel_editor.cpp draws the forms.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/catalogue_edit.hpp"
#include "model/catalogue_store.hpp"
#include "model/edit_journal.hpp"

namespace cartes::app {

class Editor {
 public:
  // Once the catalogue is loaded: reads the store again for its version and
  // content (the history starts from it), and looks for a journal of unsaved
  // edits made on that version (restore_offer()). DataError/InputError as
  // the store's load.
  void attach(const std::filesystem::path& catalogue, const model::Vocabulary& vocabulary,
              std::shared_ptr<const model::TerritoryBase> base);
  bool attached() const { return history_.has_value(); }

  const model::Catalogue& catalogue() const { return history_->catalogue(); }
  const model::EditHistory& history() const { return *history_; }
  // Grows on every change of the catalogue (edit, undo, redo, restore, reload).
  std::uint64_t revision() const { return revision_; }
  bool modified() const { return attached() && history_->modified(); }
  const std::filesystem::path& file() const { return file_; }

  // One undoable step, applied by `step` on the history (its DataError is
  // shown in message(), nothing changed); journalled before it returns.
  bool edit(const std::function<void(model::EditHistory&)>& step);
  bool undo();
  bool redo();

  // Problems `cartes check` would report for the catalogue as it is now
  // (recomputed after each change), and those of one alliance.
  const std::vector<model::CatalogueIssue>& issues() const { return issues_; }
  std::vector<std::string> issues_of(const model::Alliance& alliance) const;

  enum class SaveResult { saved, invalid, conflict, failed };
  // Canonical and atomic. Refused while the catalogue has problems, and when
  // the file changed on disk since it was read (conflict: nothing written).
  SaveResult save();
  // Into another file, which becomes the edited one.
  SaveResult save_as(const std::filesystem::path& file);
  // After a conflict: the edited catalogue is written aside (returned path),
  // then the file is read again; the user re-applies from the aside copy.
  std::filesystem::path reload_keeping_aside();

  // A refused save, alliance by alliance: what this editor changed, what
  // others changed since it read the catalogue, and where both changed the
  // same alliance differently (shown side by side, to keep one or the other).
  struct Conflict {
    std::string id;
    std::string name;
    std::optional<model::Alliance> mine, theirs;  // nullopt: removed on that side
    std::vector<std::string> columns;             // the fields that differ
  };
  const std::vector<Conflict>& conflicts() const { return conflicts_; }
  // Reads the stored catalogue again and re-applies, as one undoable step,
  // every change of this editor: on the conflicting alliances only those in
  // `keep_mine` (the others keep the other editor's version). Unsaved after.
  void resolve_conflicts(const std::vector<std::string>& keep_mine);

  // Edits of a session that did not save (a crash, kill -9): restore or drop.
  std::optional<std::size_t> restore_offer() const;  // events in the journal
  void accept_restore();
  void decline_restore();

  // The stored catalogue changed since it was read (another editor, a git
  // pull): the viewer reads it again when nothing is unsaved.
  bool store_changed() const;
  void reload();

  // The last thing said to the user (saved, refused, conflict, error).
  const std::string& message() const { return message_; }

 private:
  void changed();
  void open_store();
  // A database catalogue was saved: read it again (others' changes to other
  // alliances were kept by the store and must not be written back).
  void reread_after_save();
  void journal(const model::CatalogueEdit& step);
  void find_conflicts();

  std::filesystem::path file_;
  // What the journal and the aside copy are named after: the catalogue file,
  // or for a database a file in paths::state_folder() named after it.
  std::filesystem::path anchor_;
  const model::Vocabulary* vocabulary_ = nullptr;
  std::shared_ptr<const model::TerritoryBase> base_;
  std::unique_ptr<model::CatalogueStore> store_;
  model::CatalogueVersion version_;
  std::optional<model::EditHistory> history_;
  std::optional<model::EditJournal> journal_;
  std::optional<model::RestoredEdits> restore_;
  std::vector<model::CatalogueIssue> issues_;
  model::Catalogue read_;              // the catalogue as read from the store: the base of a merge
  std::vector<Conflict> conflicts_;    // of the last refused save
  std::uint64_t revision_ = 0;
  std::string message_;
};

}  // namespace cartes::app
