#pragma once
// What the CLI's edit commands share (alliances add|set|remove|members,
// alliances import): the catalogue from its store with the version it was
// read at, the territory base its members are checked against, one edit
// history, and a save that checks everything first and never overwrites a
// catalogue changed meanwhile.
#include <memory>
#include <string>

#include "cli/alliance_context.hpp"
#include "model/alliance_fields.hpp"
#include "model/catalogue_edit.hpp"
#include "model/catalogue_store.hpp"

namespace cartes::cli {

class EditSession {
 public:
  // Loads the catalogue and the base; CatalogueError when the catalogue does
  // not pass `cartes check` already (an edit would be refused for problems
  // it did not make).
  explicit EditSession(const CatalogueOptions& options);

  const model::Vocabulary& vocabulary() const { return vocabulary_; }
  const model::TerritoryBase& base() const { return base_; }
  model::FieldContext context() const { return {vocabulary_, base_}; }
  model::EditHistory& history() { return history_; }
  const std::string& describe() const { return where_; }

  // CatalogueError naming the alliance and its fields at fault when it would
  // not pass `cartes check` (call before putting it in the history).
  void refuse_if_invalid(const model::Alliance& alliance) const;

  // CatalogueError (exit 4, nothing written) when the catalogue would not
  // pass `cartes check`; CatalogueConflict when the stored catalogue changed
  // since it was read; else saves (canonical, atomic).
  void save();

 private:
  model::Vocabulary vocabulary_;
  std::unique_ptr<model::CatalogueStore> store_;
  model::CatalogueVersion version_;
  std::string where_;
  model::TerritoryBase base_;
  model::EditHistory history_;
};

}  // namespace cartes::cli
