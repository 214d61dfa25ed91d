// `cartes export --out FILE.gpkg`: alliances, members, partners, overlaps,
// cooperation density and the territory layers in one GeoPackage that QGIS
// opens styled (src/model/export.hpp). Written atomically.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/alliance_context.hpp"
#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "core/progress.hpp"
#include "model/export.hpp"

namespace cartes::cli {
namespace {

class ExportCommand final : public Command {
 public:
  std::string name() const override { return "export"; }
  std::string description() const override {
    return "Export alliances, overlaps, cooperation density and territories to a styled GeoPackage";
  }
  void configure(CLI::App& app) override {
    app.add_option("--out", out_, "GeoPackage to write (replaced atomically)")->required();
    options_.add_to(app);
    app.add_option("--palette", palette_, "Theme colours (default: geodata/theme_palette.csv)");
    app.add_flag("--no-territories", no_territories_, "Leave out the territory layers");
  }

  int run() override {
    // Before anything is read or written: an --out naming one of the inputs
    // would turn the catalogue or the base into this GeoPackage.
    refuse_overwriting_inputs(out_, {options_.catalogue_path(), options_.base_path(), palette_}, "--out");
    AllianceData d = load_alliance_data(options_, true);
    StreamProgress progress(stderr);
    model::ExportOptions eo;
    eo.palette = palette_;
    eo.territory_layers = !no_territories_;
    const auto summary = model::export_gpkg(out_, d.base, d.catalogue, d.vocabulary, d.perimeters, eo, &progress);
    std::printf("%s:", out_.c_str());
    bool first = true;
    for (const auto& [layer, n] : summary.features) {
      std::printf("%s %s %zu", first ? "" : ",", layer.c_str(), n);
      first = false;
    }
    std::printf("\n");
    return 0;
  }

 private:
  CatalogueOptions options_;
  std::string out_, palette_;
  bool no_territories_ = false;
};

}  // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

}  // namespace cartes::cli
