// `cartes db init|upgrade|status|push|pull --db PG:…`: the shared catalogue
// store on PostgreSQL/PostGIS (issue 12). init and upgrade apply the SQL
// migrations of db/migrations; push puts a catalogue file into the store,
// pull writes the store's catalogue to a file (canonical: pull after push
// gives the file back byte for byte).
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "cli/alliance_context.hpp"
#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/progress.hpp"
#include "geo/vector_copy.hpp"
#include "model/export.hpp"
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
    publish_ = app.add_subcommand("publish", "Publish the territory base and the alliance perimeters to PostGIS "
                                             "(schema cartes_map), styled for QGIS as in the GeoPackage export");
    base_options_.add_to(*publish_, false);
    for (CLI::App* sub : {init_, upgrade_, status_, push_, pull_, grant_, publish_})
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
    if (publish_->parsed()) return publish(conninfo);
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
  // The store's catalogue exported (perimeters, overlaps, base layers, QGIS
  // styles), its layers copied into PostGIS by GDAL, the styles into the
  // database's layer_styles table, where QGIS looks for them.
  int publish(const std::string& conninfo) {
    CatalogueOptions options = base_options_;
    options.catalogue = db_;
    AllianceData d = load_alliance_data(options, true);
    const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                         ("cartes-publish-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    struct Cleanup {
      std::filesystem::path p;
      ~Cleanup() {
        std::error_code ec;
        std::filesystem::remove_all(p, ec);
      }
    } cleanup{folder};
    const auto gpkg = folder / "export.gpkg";
    StreamProgress progress(stderr);
    const model::ExportSummary summary = model::export_gpkg(gpkg, d.base, d.catalogue, d.vocabulary, d.perimeters, {},
                                                            &progress);
    store_pg::PgConnection c(conninfo);
    c.exec("CREATE SCHEMA IF NOT EXISTS cartes_map", {}, ExitCode::output);
    std::vector<std::string> layers;
    for (const auto& [layer, count] : summary.features) layers.push_back(layer);
    progress.step("copying " + std::to_string(layers.size()) + " layers to PostGIS");
    geo::copy_layers_to_postgis(gpkg, conninfo, "cartes_map", layers);
    // QGIS's own table (QgsPostgresProvider), created as QGIS would.
    c.exec(R"(CREATE TABLE IF NOT EXISTS public.layer_styles (
                id serial PRIMARY KEY, f_table_catalog varchar, f_table_schema varchar, f_table_name varchar,
                f_geometry_column varchar, stylename text, styleqml xml, stylesld xml, useasdefault boolean,
                description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml,
                update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar))", {}, ExitCode::output);
    c.exec("DELETE FROM public.layer_styles WHERE f_table_schema = 'cartes_map'", {}, ExitCode::output);
    int styles = 0;
    for (const auto& style : geo::read_layer_styles(gpkg)) {
      c.exec("INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
             "stylename, styleqml, stylesld, useasdefault, description, type) "
             "VALUES (current_database(), 'cartes_map', $1, $2, $3, $4::xml, nullif($5, '')::xml, $6::boolean, $7, nullif($8, ''))",
             {style.layer, std::string(style.geometry_column.empty() ? "" : "geom"), style.name, style.qml, style.sld,
              std::string(style.use_as_default ? "true" : "false"), style.description, style.type},
             ExitCode::output);
      ++styles;
    }
    c.exec("GRANT USAGE ON SCHEMA cartes_map TO cartes_reader", {}, ExitCode::output);
    c.exec("GRANT SELECT ON ALL TABLES IN SCHEMA cartes_map TO cartes_reader", {}, ExitCode::output);
    c.exec("GRANT SELECT ON public.layer_styles TO cartes_reader", {}, ExitCode::output);
    std::printf("published %zu layers and %d QGIS styles to %s, schema cartes_map\n", layers.size(), styles,
                c.describe().c_str());
    return 0;
  }

  CatalogueOptions base_options_;
  CLI::App *init_ = nullptr, *upgrade_ = nullptr, *status_ = nullptr, *push_ = nullptr, *pull_ = nullptr,
           *grant_ = nullptr, *publish_ = nullptr;
  std::string db_, file_, login_, role_;
};

}  // namespace

std::unique_ptr<Command> make_db_command() { return std::make_unique<DbCommand>(); }

}  // namespace cartes::cli
