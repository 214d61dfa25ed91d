// `cartes alliances export --format csv [--out FILE.csv]` and
// `cartes alliances import FILE.csv [--dry-run]`: the catalogue as a
// spreadsheet (model/alliance_csv.hpp), and back.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/alliance_subcommands.hpp"
#include "cli/edit_session.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/alliance_csv.hpp"

namespace cartes::cli {
namespace {

class ExportCsvCommand final : public Command {
 public:
  std::string name() const override { return "export"; }
  std::string description() const override {
    return "Write the catalogue as a spreadsheet (CSV, UTF-8 with BOM: one row per alliance)";
  }
  void configure(CLI::App& app) override {
    app.add_option("--format", format_, "csv")->check(CLI::IsMember({"csv"}));
    app.add_option("--out", out_, "CSV file (default: standard output)");
    app.add_option("--catalogue", catalogue_, "Alliance catalogue (default: geodata/alliances/loire-bretagne.toml)");
  }
  int run() override {
    CatalogueOptions options;
    options.catalogue = catalogue_;
    const auto store = model::open_catalogue_store(options.catalogue_path().string());
    const model::Catalogue catalogue = store->load(model::Vocabulary::load_default()).catalogue;
    const std::string text = model::catalogue_to_csv(catalogue);
    if (out_.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
      return 0;
    }
    refuse_overwriting_inputs(out_, store->local_files(), "--out");
    write_file_atomically(out_, text);
    std::fprintf(stderr, "wrote %zu alliances to %s\n", catalogue.alliances.size(), out_.c_str());
    return 0;
  }

 private:
  std::string format_ = "csv";
  std::string out_;
  std::string catalogue_;
};

class ImportCsvCommand final : public Command {
 public:
  std::string name() const override { return "import"; }
  std::string description() const override {
    return "Merge a spreadsheet (CSV) into the catalogue: new ids added, existing ids updated";
  }
  void configure(CLI::App& app) override {
    app.add_option("file", file_, "CSV file, ',' or ';' separated, with a header row of column names")->required();
    options_.add_to(app);
    app.add_flag("--dry-run", dry_run_, "Print what would change, write nothing");
  }
  int run() override {
    std::ifstream in(file_, std::ios::binary);
    if (!in) throw InputError("cannot read " + file_);
    std::ostringstream text;
    text << in.rdbuf();
    EditSession session(options_);
    model::CsvImport plan = model::plan_csv_import(text.str(), file_, session.history().catalogue(), session.context());
    std::size_t added = 0, updated = 0;
    for (const auto& change : plan.changes) {
      if (change.added) {
        ++added;
        std::printf("add     %s\n", change.id.c_str());
      } else {
        ++updated;
        const std::string columns = join(change.columns, ", ");
        std::printf("update  %s: %s\n", change.id.c_str(), columns.empty() ? "member details" : columns.c_str());
      }
    }
    std::printf("%zu added, %zu updated, %zu unchanged", added, updated, plan.unchanged);
    if (dry_run_) {
      std::printf(" (dry run: nothing written)\n");
      return 0;
    }
    if (!plan.changes.empty()) {
      session.history().apply(std::move(plan.edit));
      session.save();
      std::printf(": saved to %s\n", session.describe().c_str());
    } else {
      std::printf(": nothing to save\n");
    }
    return 0;
  }

 private:
  CatalogueOptions options_;
  std::string file_;
  bool dry_run_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> make_alliance_csv_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(std::make_unique<ExportCsvCommand>());
  out.push_back(std::make_unique<ImportCsvCommand>());
  return out;
}

}  // namespace cartes::cli
