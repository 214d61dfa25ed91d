#include "model/edit_journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace cartes::model {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json alliance_text(const std::optional<Alliance>& a) {
  if (!a) return nullptr;
  return to_canonical_toml(*a);
}

std::optional<Alliance> alliance_of(const json& j, const std::string& where, const Vocabulary& vocabulary) {
  if (j.is_null()) return std::nullopt;
  if (!j.is_string()) throw DataError(where + ": an alliance must be TOML text or null");
  // A draft may not pass `cartes check` yet (no members, no theme): read it as it is.
  std::vector<CatalogueIssue> draft_problems;
  Catalogue one = parse_catalogue(j.get<std::string>(), where, vocabulary, &draft_problems);
  if (one.alliances.size() != 1) throw DataError(where + ": expected one alliance");
  return std::move(one.alliances.front());
}

}  // namespace

fs::path EditJournal::path_for(const fs::path& catalogue) {
  return catalogue.parent_path() / ("." + catalogue.filename().string() + ".journal");
}

EditJournal::EditJournal(fs::path catalogue, const CatalogueVersion& version) : path_(path_for(catalogue)) {
  const json head = {{"journal", 1}, {"catalogue", catalogue.filename().string()}, {"version", version.token}};
  write_file_atomically(path_, head.dump() + "\n");
}

void EditJournal::append(const std::string& line) {
  // Appended and synced before the edit is shown: a kill -9 right after loses nothing.
  const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) throw OutputError("cannot write the edit journal " + path_.string());
  const std::string text = line + "\n";
  const ssize_t n = ::write(fd, text.data(), text.size());
  const bool ok = n == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw OutputError("cannot write the edit journal " + path_.string() + " (disk full?)");
}

void EditJournal::record_step(const CatalogueEdit& step) {
  json changes = json::array();
  for (const AllianceChange& c : step.changes)
    changes.push_back({{"index", c.index}, {"before", alliance_text(c.before)}, {"after", alliance_text(c.after)}});
  append(json{{"step", {{"label", step.label}, {"changes", changes}}}}.dump());
}

void EditJournal::record_undo() { append(R"({"undo":true})"); }
void EditJournal::record_redo() { append(R"({"redo":true})"); }

std::optional<RestoredEdits> restore_journal(const fs::path& catalogue, const LoadedCatalogue& loaded,
                                             const Vocabulary& vocabulary) {
  const fs::path file = EditJournal::path_for(catalogue);
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  if (lines.empty()) return std::nullopt;
  // A line cut short by a crash can only be the last one, and never reached the screen.
  const bool last_complete = json::accept(lines.back());
  const std::size_t usable = last_complete ? lines.size() : lines.size() - 1;
  if (usable == 0) return std::nullopt;
  const json head = json::parse(lines[0], nullptr, false);
  if (head.is_discarded() || !head.contains("version"))
    throw DataError(file.string() + ":1: not an edit journal of Cartes");
  if (head["version"].get<std::string>() != loaded.version.token) return std::nullopt;  // made on another state
  RestoredEdits out{EditHistory(loaded.catalogue), 0};
  for (std::size_t i = 1; i < usable; ++i) {
    const std::string where = file.string() + ":" + std::to_string(i + 1);
    const json j = json::parse(lines[i], nullptr, false);
    if (j.is_discarded()) throw DataError(where + ": damaged journal line");
    if (j.contains("undo")) {
      out.history.undo();
    } else if (j.contains("redo")) {
      out.history.redo();
    } else if (j.contains("step")) {
      CatalogueEdit step;
      step.label = j["step"].value("label", "");
      for (const json& c : j["step"]["changes"])
        step.changes.push_back({c.at("index").get<std::size_t>(), alliance_of(c.at("before"), where, vocabulary),
                                alliance_of(c.at("after"), where, vocabulary)});
      out.history.apply(std::move(step));
    } else {
      throw DataError(where + ": unknown journal event");
    }
    ++out.events;
  }
  if (out.events == 0) return std::nullopt;
  return out;
}

}  // namespace cartes::model
