// `cartes view`: the viewer window (README's first command).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/backend_glfw.hpp"
#include "app/viewer.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"

namespace cartes::cli {

std::pair<int, int> parse_size(const std::string& text);  // cmd_render.cpp

namespace {

class ViewCommand final : public Command {
 public:
  std::string name() const override { return "view"; }
  std::string description() const override { return "Open the map viewer on the alliances of Loire-Bretagne"; }
  void configure(CLI::App& app) override {
    app.add_option("--scope", scope_, "territory base scope")->default_val("loire-bretagne");
    app.add_option("--base", base_, "territory base GeoPackage (default: <build>/geodata/<scope>.gpkg)");
    app.add_option("--catalogue", catalogue_, "alliance catalogue (default: geodata/alliances/loire-bretagne.toml)");
    app.add_option("--size", size_, "window size WIDTHxHEIGHT")->default_val("1600x900");
    app.add_option("--select", select_, "alliance id to select (inspector, highlight) once loaded");
    app.add_flag("--edit", edit_, "open the edit mode (Édition) at start");
    app.add_flag("--atelier", atelier_, "open the Atelier screen (workshop cards and gommettes) at start");
    app.add_option("--screenshot", screenshot_, "capture the whole window (panels included) to this PNG, then exit");
    app.add_option("--frames", frames_, "with --screenshot: frames drawn after loading before the capture; "
                                        "alone: exit after this many frames")
        ->default_val(0);
  }
  int run() override {
    app::DataPaths paths = app::DataPaths::defaults(scope_);
    if (!base_.empty()) paths.base = base_;
    if (!catalogue_.empty()) paths.catalogue = catalogue_;
    auto [w, h] = parse_size(size_);
    app::Viewer viewer(paths);
    if (!select_.empty()) viewer.select_when_loaded(select_);
    if (edit_) viewer.open_editor();
    if (atelier_) viewer.open_workshop();
    // Loading starts while the window opens.
    viewer.start();
    // Visible even for a screenshot: some X servers do not draw unmapped windows.
    app::GlfwBackend backend({w, h, true, "Cartes — alliances des territoires"});
    backend.run(viewer, {screenshot_, frames_, true});
    // The window showed them; a scripted run (--screenshot) also reports them.
    for (const auto& e : viewer.errors()) std::fprintf(stderr, "cartes view: error: %s\n", e.c_str());
    // The code of the first error, as the CLI's other commands would give it.
    return viewer.errors().empty() || screenshot_.empty() ? 0 : static_cast<int>(viewer.exit_code());
  }

 private:
  std::string scope_, base_, catalogue_, size_, screenshot_, select_;
  int frames_ = 0;
  bool edit_ = false, atelier_ = false;
};

}  // namespace

std::unique_ptr<Command> make_view_command() { return std::make_unique<ViewCommand>(); }

}  // namespace cartes::cli
