#pragma once
// A journal of unsaved edits beside the catalogue, so that a crash or a
// `kill -9` loses no edit: every step, undo and redo is appended (and synced)
// as one JSON line to ".<catalogue file>.journal" before the viewer shows it;
// a save empties it. At the next start, a journal that is not empty and that
// was made on the catalogue as it is now offers its edits back (replay).
//
// One line per event:
//   {"journal":1,"catalogue":"<file>","version":"<CatalogueVersion token>"}   first line
//   {"step":{"label":…,"changes":[{"index":i,"before":TOML|null,"after":TOML|null}]}}
//   {"undo":true}  /  {"redo":true}
// where TOML is the canonical text of a one-alliance catalogue.
#include <filesystem>
#include <optional>
#include <string>

#include "model/catalogue_edit.hpp"
#include "model/catalogue_store.hpp"

namespace cartes::model {

class EditJournal {
 public:
  // The journal of a catalogue file: ".<name>.journal" in the same folder.
  static std::filesystem::path path_for(const std::filesystem::path& catalogue);

  // Starts an empty journal for edits made on `version` of the catalogue
  // (replacing any previous one: call after a save, or after the user chose
  // not to restore).
  EditJournal(std::filesystem::path catalogue, const CatalogueVersion& version);

  void record_step(const CatalogueEdit& step);
  void record_undo();
  void record_redo();
  const std::filesystem::path& path() const { return path_; }

 private:
  void append(const std::string& line);
  std::filesystem::path path_;
};

struct RestoredEdits {
  EditHistory history;    // the catalogue with the journal's edits replayed
  std::size_t events = 0; // steps, undos and redos replayed
};

// The edits left by a session that did not save, replayed on `loaded`, when
// the journal exists, holds at least one event and was made on `version`;
// nullopt otherwise. DataError naming the journal's line when it is damaged
// (except a last line cut short by a crash, which is ignored).
std::optional<RestoredEdits> restore_journal(const std::filesystem::path& catalogue, const LoadedCatalogue& loaded,
                                             const Vocabulary& vocabulary);

}  // namespace cartes::model
