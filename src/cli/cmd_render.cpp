// `cartes render`: the map as a PNG, drawn by the viewer's own code in an
// offscreen framebuffer (an invisible window: needs a display, Xvfb will do).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <sstream>

#include "app/render_job.hpp"
#include "cli/command.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"

namespace cartes::cli {

// "1920x1080" -> {1920, 1080}; UsageError otherwise. Shared with cmd_view.
std::pair<int, int> parse_size(const std::string& text) {
  int w = 0, h = 0;
  char x = 0;
  std::istringstream in(text);
  if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || w < 16 || h < 16 || w > 16384 || h > 16384 || !in.eof())
    throw UsageError("--size: expected WIDTHxHEIGHT between 16 and 16384 pixels, got \"" + text + "\"");
  return {w, h};
}

namespace {

geo::Envelope parse_extent(const std::string& text) {
  geo::Envelope e;
  char c1 = 0, c2 = 0, c3 = 0;
  std::istringstream in(text);
  if (!(in >> e.minx >> c1 >> e.miny >> c2 >> e.maxx >> c3 >> e.maxy) || c1 != ',' || c2 != ',' || c3 != ',' ||
      e.maxx <= e.minx || e.maxy <= e.miny)
    throw UsageError("--extent: expected minx,miny,maxx,maxy in Lambert-93 metres (min < max), got \"" + text + "\"");
  e.empty = false;
  return e;
}

class RenderCommand final : public Command {
 public:
  std::string name() const override { return "render"; }
  std::string description() const override {
    return "Draw the map of alliances into a PNG (same drawing as the viewer; needs a display or Xvfb)";
  }
  void configure(CLI::App& app) override {
    app.add_option("--out,-o", out_, "PNG file to write")->required();
    app.add_option("--size", size_, "image size WIDTHxHEIGHT")->default_val("1600x1000");
    app.add_option("--theme", themes_, "only alliances of this theme (repeatable; ids of vocabularies.toml)");
    app.add_option("--status", status_, "only alliances of this status: a_loeuvre, imaginee (repeatable)");
    app.add_option("--filter", filters_,
                   "FAMILY=ID: only alliances taking this value (finalites, portage, levels, temporalite, "
                   "intensite, tendance; repeatable)");
    app.add_option("--highlight", highlight_, "alliance id to outline");
    app.add_option("--mode", mode_, "themes (hatching by theme) or density (alliances per commune)")
        ->default_val("themes");
    app.add_option("--extent", extent_, "minx,miny,maxx,maxy in Lambert-93 metres (default: the whole base)");
    app.add_option("--scope", scope_, "territory base scope")->default_val("loire-bretagne");
    app.add_option("--base", base_, "territory base GeoPackage (default: <build>/geodata/<scope>.gpkg)");
    app.add_option("--catalogue", catalogue_, "alliance catalogue (default: geodata/alliances/loire-bretagne.toml)");
    app.add_flag("--no-labels", no_labels_, "no names on the map");
    app.add_flag("--full-detail", full_detail_,
                 "draw the base's own boundaries, not the simplified level of detail for the scale (print)");
    app.add_option("--dump-mesh", dump_mesh_, "also write the tessellated buffers for tools/bench/gpu");
  }
  int run() override {
    app::RenderJob job;
    job.paths = app::DataPaths::defaults(scope_);
    if (!base_.empty()) job.paths.base = base_;
    if (!catalogue_.empty()) job.paths.catalogue = catalogue_;
    const std::vector<std::filesystem::path> inputs{job.paths.base, job.paths.catalogue, job.paths.palette};
    refuse_overwriting_inputs(out_, inputs, "--out");
    if (!dump_mesh_.empty()) refuse_overwriting_inputs(dump_mesh_, inputs, "--dump-mesh");
    auto [w, h] = parse_size(size_);
    job.settings.width = w;
    job.settings.height = h;
    for (const auto& t : themes_) job.settings.filters.selected["themes"].insert(t);
    for (const auto& s : status_) job.settings.filters.selected["status"].insert(s);
    for (const auto& f : filters_) {
      const auto eq = f.find('=');
      if (eq == std::string::npos) throw UsageError("--filter: expected FAMILY=ID, got \"" + f + "\"");
      const std::string family = f.substr(0, eq);
      bool known = false;
      for (const auto& k : app::filter_families()) known = known || k == family;
      if (!known) throw UsageError("--filter: unknown family \"" + family + "\"");
      job.settings.filters.selected[family].insert(f.substr(eq + 1));
    }
    if (mode_ == "density") job.settings.view.mode = render::MapMode::density;
    else if (mode_ != "themes") throw UsageError("--mode: expected themes or density, got \"" + mode_ + "\"");
    if (!extent_.empty()) job.settings.extent = parse_extent(extent_);
    if (!highlight_.empty()) job.settings.highlight = highlight_;
    job.settings.labels = !no_labels_;
    job.settings.view.full_detail = full_detail_;
    job.out = out_;
    job.dump_mesh = dump_mesh_;
    StreamProgress progress(stderr);
    app::run_render_job(job, &progress);
    return 0;
  }

 private:
  std::string out_, size_, highlight_, mode_, extent_, scope_, base_, catalogue_, dump_mesh_;
  std::vector<std::string> themes_, status_, filters_;
  bool no_labels_ = false, full_detail_ = false;
};

}  // namespace

std::unique_ptr<Command> make_render_command() { return std::make_unique<RenderCommand>(); }

}  // namespace cartes::cli
