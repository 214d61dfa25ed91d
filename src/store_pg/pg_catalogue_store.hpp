#pragma once
// The alliance catalogue in PostgreSQL/PostGIS ("PG:<libpq connection
// string>", schema db/migrations): one catalogue shared by several agencies.
// Loads are one consistent snapshot; a save is one transaction that rewrites
// only the alliances that changed (their version + 1, a history row each by
// trigger), and is refused when the catalogue changed since the version it
// was based on, naming who changed what and when.
#include <memory>
#include <string>

#include "store_pg/pg.hpp"
#include "model/catalogue_store.hpp"

namespace cartes::store_pg {

class PgCatalogueStore final : public model::CatalogueStore {
 public:
  // Connects and checks the schema (DataError saying db init / db upgrade).
  explicit PgCatalogueStore(const std::string& conninfo);
  std::string describe() const override { return connection_->describe(); }
  model::LoadedCatalogue load(const model::Vocabulary& vocabulary) const override;
  model::CatalogueVersion current_version() const override;
  model::CatalogueVersion save(const model::Catalogue& catalogue) override;
  model::CatalogueVersion save_if_unchanged(const model::Catalogue& catalogue,
                                            const model::CatalogueVersion& expected) override;

 private:
  model::CatalogueVersion write(const model::Catalogue& catalogue, const model::CatalogueVersion* expected);
  std::unique_ptr<PgConnection> connection_;
};

// Lets model::open_catalogue_store open "PG:…" locations with this store
// (called once by the front ends that link the database layer).
void register_catalogue_store();

}  // namespace cartes::store_pg
