// `cartes db init|upgrade|status|push|pull --db PG:…`: the shared catalogue
// store on PostgreSQL/PostGIS (issue 12). init and upgrade apply the SQL
// migrations of db/migrations; push puts a catalogue file into the store,
// pull writes the store's catalogue to a file (canonical: pull after push
// gives the file back byte for byte).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/alliance_context.hpp"
#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "store_pg/migrations.hpp"
#include "store_pg/pg_catalogue_store.hpp"
#include "model/catalogue_store.hpp"

namespace cartes::cli {
namespace {

std::string conninfo_of(const std::string& location) {
  if (!model::is_database_location(location))
    throw UsageError("--db: expected PG:<libpq connection string> (PG:service=cartes, PG:host=… dbname=…), not '" +
                     location + "'");
  return location.substr(3);
}

class DbCommand final : public Command {
 public:
  std::string name() const override { return "db"; }
  std::string description() const override {
    return "The shared catalogue on PostgreSQL/PostGIS: init, upgrade, status, push, pull, grant";
  }
  void configure(CLI::App& app) override {
    app.require_subcommand(1);
    init_ = app.add_subcommand("init", "Create the Cartes schema in an empty database");
    upgrade_ = app.add_subcommand("upgrade", "Apply the migrations the database lacks");
    status_ = app.add_subcommand("status", "Say the database's schema version and what it holds");
    push_ = app.add_subcommand("push", "Put a catalogue file into the store (replacing what it holds)");
    push_->add_option("file", file_, "Catalogue file (TOML)")->required();
    pull_ = app.add_subcommand("pull", "Write the store's catalogue to a file, canonically");
    pull_->add_option("--out", file_, "Catalogue file to write")->required();
    grant_ = app.add_subcommand("grant", "Give a person (a PostgreSQL login) a Cartes role: reader, editor or admin");
    grant_->add_option("login", login_, "The person's PostgreSQL login (created, without password, when missing)")
        ->required();
    grant_->add_option("role", role_, "reader (reads), editor (edits alliances) or admin (schema, roles)")
        ->required()
        ->check(CLI::IsMember({"reader", "editor", "admin"}));
    for (CLI::App* sub : {init_, upgrade_, status_, push_, pull_, grant_})
      sub->add_option("--db", db_, "The database: PG:<libpq connection string or service=…> "
                                   "(passwords from ~/.pgpass, PGPASSWORD or pg_service.conf, never here)")
          ->required();
  }

  int run() override {
    const std::string conninfo = conninfo_of(db_);
    if (init_->parsed() || upgrade_->parsed()) {
      store_pg::PgConnection c(conninfo);
      const auto migrations = store_pg::list_migrations(paths::migrations());
      const int applied = store_pg::apply_migrations(c, migrations, init_->parsed());
      std::printf("%s: schema version %d (%d migration%s applied)\n", c.describe().c_str(), store_pg::schema_version(c),
                  applied, applied == 1 ? "" : "s");
      return 0;
    }
    if (status_->parsed()) {
      store_pg::PgConnection c(conninfo);
      const int version = store_pg::schema_version(c);
      const int latest = store_pg::latest_version(store_pg::list_migrations(paths::migrations()));
      if (version == 0) {
        std::printf("%s: no Cartes schema (cartes db init creates it)\n", c.describe().c_str());
        return 0;
      }
      const store_pg::PgRows n = c.exec("SELECT count(*), (SELECT revision FROM cartes.catalogue) FROM cartes.alliances");
      std::printf("%s: schema version %d of %d, %s alliances, revision %s\n", c.describe().c_str(), version, latest,
                  n.text(0, 0).c_str(), n.text(0, 1).c_str());
      return 0;
    }
    if (grant_->parsed()) {
      // Identifiers quoted by the server (format %I), never spliced here; the
      // password is the person's to set (\password in psql), never ours.
      store_pg::PgConnection c(conninfo);
      store_pg::require_current_schema(c);
      store_pg::PgTransaction t(c);
      if (c.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {login_}).empty())
        c.exec_script(c.exec("SELECT format('CREATE ROLE %I LOGIN', $1::text)", {login_}).text(0, 0), ExitCode::output);
      c.exec_script(c.exec("SELECT format('GRANT %I TO %I', $1::text, $2::text)", {"cartes_" + role_, login_}).text(0, 0),
                    ExitCode::output);
      t.commit();
      std::printf("%s is now a Cartes %s on %s (set a password with \\password %s in psql, or use .pgpass)\n",
                  login_.c_str(), role_.c_str(), c.describe().c_str(), login_.c_str());
      return 0;
    }
    const auto vocabulary = model::Vocabulary::load_default();
    store_pg::PgCatalogueStore store(conninfo);
    if (push_->parsed()) {
      const model::Catalogue catalogue = model::TomlCatalogueStore(file_).load(vocabulary).catalogue;
      const auto version = store.save(catalogue);
      std::printf("pushed %zu alliances from %s to %s (%s)\n", catalogue.alliances.size(), file_.c_str(),
                  store.describe().c_str(), version.token.c_str());
      return 0;
    }
    const model::Catalogue catalogue = store.load(vocabulary).catalogue;
    write_file_atomically(file_, model::to_canonical_toml(catalogue));
    std::printf("pulled %zu alliances from %s to %s\n", catalogue.alliances.size(), store.describe().c_str(),
                file_.c_str());
    return 0;
  }

 private:
  CLI::App *init_ = nullptr, *upgrade_ = nullptr, *status_ = nullptr, *push_ = nullptr, *pull_ = nullptr,
           *grant_ = nullptr;
  std::string db_, file_, login_, role_;
};

}  // namespace

std::unique_ptr<Command> make_db_command() { return std::make_unique<DbCommand>(); }

}  // namespace cartes::cli
