#include "store_pg/migrations.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/paths.hpp"

namespace cartes::store_pg {

std::vector<Migration> list_migrations(const std::filesystem::path& folder) {
  std::vector<Migration> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    std::smatch m;
    static const std::regex pattern(R"(^(\d{3})_[a-z0-9_]+\.sql$)");
    if (!std::regex_match(name, m, pattern))
      throw DataError(entry.path().string() + ": not a migration name (NNN_name.sql)");
    out.push_back({std::stoi(m[1]), entry.path()});
  }
  if (ec) throw InputError("cannot read the migrations folder " + folder.string() + ": " + ec.message());
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i].version != static_cast<int>(i) + 1)
      throw DataError(out[i].file.string() + ": migration versions must run 001, 002, … without gaps or repeats");
  return out;
}

int latest_version(const std::vector<Migration>& migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

int schema_version(PgConnection& c) {
  const PgRows exists = c.exec("SELECT to_regclass('cartes.schema_version') IS NOT NULL");
  if (exists.text(0, 0) != "t") return 0;
  const PgRows v = c.exec("SELECT coalesce(max(version), 0) FROM cartes.schema_version");
  return std::stoi(v.text(0, 0));
}

int apply_migrations(PgConnection& c, const std::vector<Migration>& migrations, bool init) {
  const int now = schema_version(c);
  if (init && now > 0)
    throw DataError(c.describe() + " already holds the Cartes schema (version " + std::to_string(now) +
                    "): cartes db upgrade brings it to the latest");
  int applied = 0;
  for (const Migration& m : migrations) {
    if (m.version <= now) continue;
    std::ifstream in(m.file, std::ios::binary);
    if (!in) throw InputError("cannot read " + m.file.string());
    std::ostringstream sql;
    sql << in.rdbuf();
    PgTransaction t(c);
    try {
      c.exec_script(sql.str());
    } catch (const PgError& e) {
      throw PgError(e.code(), m.file.filename().string() + ": " + e.what(), e.sqlstate());
    }
    c.exec("DELETE FROM cartes.schema_version", {}, ExitCode::output);
    c.exec("INSERT INTO cartes.schema_version (version) VALUES ($1)", {std::to_string(m.version)}, ExitCode::output);
    t.commit();
    ++applied;
  }
  return applied;
}

void require_current_schema(PgConnection& c) {
  const int latest = latest_version(list_migrations(paths::migrations()));
  const int now = schema_version(c);
  if (now == 0) throw DataError(c.describe() + " has no Cartes schema: cartes db init creates it");
  if (now < latest)
    throw DataError(c.describe() + " holds schema version " + std::to_string(now) + ", this Cartes needs " +
                    std::to_string(latest) + ": cartes db upgrade brings it there");
  if (now > latest)
    throw DataError(c.describe() + " holds schema version " + std::to_string(now) +
                    ", newer than this Cartes knows (" + std::to_string(latest) + "): use a newer Cartes");
}

}  // namespace cartes::store_pg
