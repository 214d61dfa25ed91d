#include "model/vocabulary.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "model/families.hpp"

namespace cartes::model {

namespace {
std::string where(const std::string& source, const toml::node& node) {
  return source + ":" + std::to_string(node.source().begin.line);
}
}  // namespace

const std::vector<std::string>& Vocabulary::family_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& f : card_families()) v.emplace_back(f.key);
    return v;
  }();
  return names;
}

Vocabulary Vocabulary::parse(std::string_view text, const std::string& source_name) {
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    throw DataError(source_name + ":" + std::to_string(e.source().begin.line) + ": " +
                    std::string(e.description()));
  }
  Vocabulary out;
  for (const auto& info : card_families()) {
    const toml::table* t = root[info.key].as_table();
    if (!t) throw DataError(source_name + ": missing table [" + std::string(info.key) + "]");
    Family fam{std::string(info.key), std::string(info.label), info.extendable, {}};
    // toml::table is sorted by key: restore the file's order from the lines.
    std::vector<std::pair<int, VocabularyEntry>> rows;
    for (const auto& [key, node] : *t) {
      const auto* label = node.as_string();
      if (!label)
        throw DataError(where(source_name, node) + ": [" + fam.name + "] " + std::string(key.str()) +
                        ": the label must be a string");
      rows.push_back({static_cast<int>(node.source().begin.line), {std::string(key.str()), label->get()}});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& r : rows) fam.entries.push_back(std::move(r.second));
    if (fam.entries.empty()) throw DataError(where(source_name, *t) + ": [" + fam.name + "] is empty");
    if (!info.extendable) {
      const auto& ids = info.ids;
      for (auto id : ids)
        if (std::none_of(fam.entries.begin(), fam.entries.end(), [&](const auto& e) { return e.id == id; }))
          throw DataError(where(source_name, *t) + ": [" + fam.name + "] lacks '" + std::string(id) +
                          "' (this family is fixed by the model)");
      for (const auto& e : fam.entries)
        if (std::find(ids.begin(), ids.end(), e.id) == ids.end())
          throw DataError(where(source_name, *t) + ": [" + fam.name + "] has '" + e.id +
                          "', which the model does not know (this family is fixed; only themes, portage and "
                          "partner_kinds are extendable)");
    }
    out.families_.push_back(std::move(fam));
  }
  return out;
}

Vocabulary Vocabulary::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError("cannot read the vocabularies " + file.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), file.string());
}

Vocabulary Vocabulary::load_default() { return load(paths::project_data() / "vocabularies.toml"); }

const Family* Vocabulary::family(std::string_view name) const {
  for (const auto& f : families_)
    if (f.name == name) return &f;
  return nullptr;
}

bool Vocabulary::contains(std::string_view family_name, std::string_view id) const {
  const Family* f = family(family_name);
  return f && std::any_of(f->entries.begin(), f->entries.end(), [&](const auto& e) { return e.id == id; });
}

std::string Vocabulary::label(std::string_view family_name, std::string_view id) const {
  if (const Family* f = family(family_name))
    for (const auto& e : f->entries)
      if (e.id == id) return e.label;
  return std::string(id);
}

std::string Vocabulary::resolve(std::string_view family_name, std::string_view text) const {
  const Family* f = family(family_name);
  if (!f) return {};
  for (const auto& e : f->entries)
    if (e.id == text) return e.id;
  const std::string folded = cartes::fold_name(text);
  for (const auto& e : f->entries)
    if (cartes::fold_name(e.label) == folded || cartes::fold_name(e.id) == folded) return e.id;
  return {};
}

std::string Vocabulary::allowed(std::string_view family_name) const {
  std::string out;
  if (const Family* f = family(family_name))
    for (const auto& e : f->entries) out += (out.empty() ? "" : ", ") + e.id;
  return out;
}

}  // namespace cartes::model
