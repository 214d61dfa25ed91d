#include "app/editor.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "model/alliance_fields.hpp"

namespace cartes::app {

namespace {
// A step that undoes `step` (changes reversed, before and after swapped):
// how an undo is journalled, so that replaying the journal on the saved file
// needs no history from before it.
model::CatalogueEdit inverse_of(const model::CatalogueEdit& step) {
  model::CatalogueEdit out;
  out.label = step.label;
  for (auto it = step.changes.rbegin(); it != step.changes.rend(); ++it)
    out.changes.push_back({it->index, it->after, it->before});
  return out;
}
}  // namespace

void Editor::open_store() {
  store_ = model::open_catalogue_store(file_.string());
  anchor_ = file_;
  if (store_->local_files().empty()) {
    const std::size_t h = std::hash<std::string>{}(store_->describe());
    std::filesystem::create_directories(paths::state_folder());
    anchor_ = paths::state_folder() / ("database-" + std::to_string(h) + ".toml");
  }
  model::LoadedCatalogue loaded = store_->load(*vocabulary_);
  version_ = loaded.version;
  read_ = loaded.catalogue;
  conflicts_.clear();
  restore_ = model::restore_journal(anchor_, loaded, *vocabulary_);
  history_.emplace(std::move(loaded.catalogue));
  if (!restore_) journal_.emplace(anchor_, version_);  // a journal to restore stays until the user chooses
  changed();
}

bool Editor::store_changed() const {
  try {
    return attached() && store_->changed_since(version_);
  } catch (const Error&) {
    return false;  // an unreachable store is said at the next save
  }
}

void Editor::reload() {
  open_store();
  message_ = "catalogue relu : " + store_->describe();
}

void Editor::reread_after_save() {
  if (!store_->local_files().empty()) return;
  open_store();
}

void Editor::attach(const std::filesystem::path& catalogue, const model::Vocabulary& vocabulary,
                    std::shared_ptr<const model::TerritoryBase> base) {
  file_ = catalogue;
  vocabulary_ = &vocabulary;
  base_ = std::move(base);
  open_store();
}

void Editor::changed() {
  ++revision_;
  issues_ = model::validate_catalogue(history_->catalogue(), *vocabulary_, base_.get());
}

void Editor::journal(const model::CatalogueEdit& step) {
  // A journal that cannot be written does not stop editing: the user is told.
  try {
    if (journal_) journal_->record_step(step);
  } catch (const Error& e) {
    message_ = std::string("journal: ") + e.what();
  }
}

bool Editor::edit(const std::function<void(model::EditHistory&)>& step) {
  if (!attached()) return false;
  try {
    step(*history_);
  } catch (const DataError& e) {
    message_ = e.what();
    return false;
  }
  message_.clear();
  journal(history_->last_step());
  changed();
  return true;
}

bool Editor::undo() {
  if (!attached() || !history_->can_undo()) return false;
  const model::CatalogueEdit inverse = inverse_of(history_->last_step());
  history_->undo();
  journal(inverse);
  changed();
  return true;
}

bool Editor::redo() {
  if (!attached() || !history_->can_redo()) return false;
  history_->redo();
  journal(history_->last_step());
  changed();
  return true;
}

std::vector<std::string> Editor::issues_of(const model::Alliance& alliance) const {
  std::vector<std::string> out;
  for (const auto& issue : model::validate_alliance(alliance, *vocabulary_, base_.get(), file_.filename().string())) {
    std::string m = issue.message;
    const std::string prefix = "alliance '" + alliance.id + "': ";
    if (m.rfind(prefix, 0) == 0) m.erase(0, prefix.size());
    out.push_back(std::move(m));
  }
  return out;
}

Editor::SaveResult Editor::save() {
  if (!attached()) return SaveResult::failed;
  if (!issues_.empty()) {
    message_ = std::to_string(issues_.size()) + " problème(s) : corrigez-les avant d'enregistrer";
    return SaveResult::invalid;
  }
  try {
    version_ = store_->save_if_unchanged(history_->catalogue(), version_);
  } catch (const model::CatalogueConflict& e) {
    message_ = e.what();
    find_conflicts();
    return SaveResult::conflict;
  } catch (const Error& e) {
    message_ = e.what();
    return SaveResult::failed;
  }
  history_->mark_saved();
  journal_.emplace(anchor_, version_);  // the saved file is the journal's new start
  restore_.reset();
  // A database merges others' changes to other alliances into the save: read
  // it back, or the next save would undo theirs (undo history ends there).
  reread_after_save();
  message_ = "enregistré dans " + store_->describe();
  return SaveResult::saved;
}

Editor::SaveResult Editor::save_as(const std::filesystem::path& file) {
  if (!attached()) return SaveResult::failed;
  if (!issues_.empty()) {
    message_ = std::to_string(issues_.size()) + " problème(s) : corrigez-les avant d'enregistrer";
    return SaveResult::invalid;
  }
  try {
    auto store = model::open_catalogue_store(file.string());
    version_ = store->save(history_->catalogue());
    store_ = std::move(store);
  } catch (const Error& e) {
    message_ = e.what();
    return SaveResult::failed;
  }
  std::error_code ec;
  std::filesystem::remove(model::EditJournal::path_for(anchor_), ec);  // the old journal is saved work now
  file_ = file;
  anchor_ = store_->local_files().empty() ? anchor_ : file_;
  history_->mark_saved();
  journal_.emplace(anchor_, version_);
  message_ = "enregistré dans " + file_.string();
  return SaveResult::saved;
}

std::filesystem::path Editor::reload_keeping_aside() {
  std::filesystem::path aside = anchor_;
  aside.replace_filename(anchor_.stem().string() + ".mes-modifications" + anchor_.extension().string());
  write_file_atomically(aside, model::to_canonical_toml(history_->catalogue()));
  open_store();
  if (restore_) decline_restore();  // the journal was made on the old version: its edits are in the aside copy
  message_ = "rechargé ; vos modifications sont dans " + aside.string();
  return aside;
}

namespace {
std::map<std::string, const model::Alliance*> by_id(const model::Catalogue& c) {
  std::map<std::string, const model::Alliance*> out;
  for (const auto& a : c.alliances) out[a.id] = &a;
  return out;
}
std::optional<std::string> text_of(const std::map<std::string, const model::Alliance*>& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? std::nullopt : std::optional<std::string>(model::to_canonical_toml(*it->second));
}
std::optional<model::Alliance> copy_of(const std::map<std::string, const model::Alliance*>& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? std::nullopt : std::optional<model::Alliance>(*it->second);
}
}  // namespace

void Editor::find_conflicts() {
  conflicts_.clear();
  model::Catalogue latest;
  try {
    latest = store_->load(*vocabulary_).catalogue;
  } catch (const Error&) {
    return;  // the message says why the save failed; nothing to compare
  }
  const auto base = by_id(read_), mine = by_id(history_->catalogue()), theirs = by_id(latest);
  std::set<std::string> ids;
  for (const auto* m : {&base, &mine, &theirs})
    for (const auto& [id, a] : *m) ids.insert(id);
  for (const std::string& id : ids) {
    const auto b = text_of(base, id), me = text_of(mine, id), them = text_of(theirs, id);
    if (me == b || them == b || me == them) continue;  // changed on one side at most
    Conflict c{id, "", copy_of(mine, id), copy_of(theirs, id), {}};
    c.name = c.mine ? c.mine->name : c.theirs ? c.theirs->name : id;
    if (c.mine && c.theirs) c.columns = model::differing_columns(*c.mine, *c.theirs);
    conflicts_.push_back(std::move(c));
  }
}

void Editor::resolve_conflicts(const std::vector<std::string>& keep_mine) {
  const model::Catalogue base = read_, mine = history_->catalogue();
  std::set<std::string> conflicting;
  for (const auto& c : conflicts_) conflicting.insert(c.id);
  open_store();  // the stored catalogue as it is now
  const auto before = by_id(base), wanted = by_id(mine);
  std::set<std::string> ids;
  for (const auto* m : {&before, &wanted})
    for (const auto& [id, a] : *m) ids.insert(id);
  model::Catalogue merged = history_->catalogue();
  for (const std::string& id : ids) {
    if (text_of(before, id) == text_of(wanted, id)) continue;  // not changed by this editor
    if (conflicting.count(id) && std::find(keep_mine.begin(), keep_mine.end(), id) == keep_mine.end()) continue;
    auto it = std::find_if(merged.alliances.begin(), merged.alliances.end(), [&](const auto& a) { return a.id == id; });
    if (auto w = wanted.find(id); w != wanted.end()) {
      if (it != merged.alliances.end()) *it = *w->second;
      else merged.alliances.push_back(*w->second);
    } else if (it != merged.alliances.end()) {
      merged.alliances.erase(it);
    }
  }
  // One step from the stored catalogue to the merged one.
  model::CatalogueEdit step;
  step.label = "Réappliquer mes modifications";
  const auto& now = history_->catalogue().alliances;
  for (std::size_t i = now.size(); i-- > 0;) step.changes.push_back({i, now[i], std::nullopt});
  for (std::size_t i = 0; i < merged.alliances.size(); ++i) step.changes.push_back({i, std::nullopt, merged.alliances[i]});
  if (model::to_canonical_toml(merged) != model::to_canonical_toml(history_->catalogue()))
    edit([&](model::EditHistory& h) { h.apply(step); });
  message_ = "vos modifications sont réappliquées sur la version enregistrée : vérifiez, puis enregistrez";
}

std::optional<std::size_t> Editor::restore_offer() const {
  if (!restore_) return std::nullopt;
  return restore_->events;
}

void Editor::accept_restore() {
  if (!restore_) return;
  history_.emplace(std::move(restore_->history));
  restore_.reset();
  // A new journal holding the restored edits as one step (the saved
  // alliances out, the restored ones in), so that a second crash loses nothing.
  journal_.emplace(anchor_, version_);
  model::CatalogueEdit net;
  net.label = "Modifications restaurées";
  const model::Catalogue& saved = read_;  // what the journal was replayed on
  const auto& now = history_->catalogue().alliances;
  for (std::size_t i = saved.alliances.size(); i-- > 0;) net.changes.push_back({i, saved.alliances[i], std::nullopt});
  for (std::size_t i = 0; i < now.size(); ++i) net.changes.push_back({i, std::nullopt, now[i]});
  message_ = "modifications restaurées (non enregistrées)";
  journal(net);
  changed();
}

void Editor::decline_restore() {
  restore_.reset();
  journal_.emplace(anchor_, version_);  // drops the old journal
  changed();
}

}  // namespace cartes::app
