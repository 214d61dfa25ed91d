#include "cli/edit_session.hpp"

#include "core/progress.hpp"

namespace cartes::cli {

EditSession::EditSession(const CatalogueOptions& options)
    : vocabulary_(model::Vocabulary::load_default()),
      store_(model::open_catalogue_store(options.catalogue_path().string())),
      where_(store_->describe()),
      history_(model::Catalogue{}) {
  model::LoadedCatalogue loaded = store_->load(vocabulary_);
  version_ = loaded.version;
  StreamProgress progress(stderr);
  base_ = load_base(options.base_path(), &progress);
  model::validate_against_base(loaded.catalogue, base_);
  history_ = model::EditHistory(std::move(loaded.catalogue));
}

void EditSession::refuse_if_invalid(const model::Alliance& alliance) const {
  std::vector<model::CatalogueIssue> issues = model::validate_alliance(alliance, vocabulary_, &base_, where_);
  if (!issues.empty()) throw model::CatalogueError(std::move(issues));
}

void EditSession::save() {
  const model::Catalogue& catalogue = history_.catalogue();
  std::vector<model::CatalogueIssue> issues = model::validate_catalogue(catalogue, vocabulary_, &base_);
  if (!issues.empty()) throw model::CatalogueError(std::move(issues));
  store_->save_if_unchanged(catalogue, version_);
}

}  // namespace cartes::cli
