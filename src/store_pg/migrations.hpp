#pragma once
// The catalogue schema's versions: db/migrations/NNN_name.sql, applied in
// order by `cartes db init|upgrade`, each in one transaction with its
// cartes.schema_version row, so a failed migration leaves the previous version.
#include <filesystem>
#include <string>
#include <vector>

#include "store_pg/pg.hpp"

namespace cartes::store_pg {

struct Migration {
  int version = 0;
  std::filesystem::path file;
};

// The migration files of `folder` (default: paths::migrations()), by version;
// DataError for a file not named NNN_name.sql or two of one version.
std::vector<Migration> list_migrations(const std::filesystem::path& folder);
int latest_version(const std::vector<Migration>& migrations);

// The schema version of the database: 0 when it has no Cartes schema.
int schema_version(PgConnection& c);

// Applies the migrations after the database's version; returns how many.
// `init`: DataError when the schema exists already (upgrade is the command).
int apply_migrations(PgConnection& c, const std::vector<Migration>& migrations, bool init);

// DataError unless the database has exactly the schema this Cartes knows,
// saying which command mends it (db init, db upgrade, a newer Cartes).
void require_current_schema(PgConnection& c);

}  // namespace cartes::store_pg
