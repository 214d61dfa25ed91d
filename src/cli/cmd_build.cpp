// `cartes build`: builds the territory base (one GeoPackage) from the sources.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/problems.hpp"
#include "core/progress.hpp"
#include "model/territory_builder.hpp"
#include "model/territory_io.hpp"
#include "sources/scopes.hpp"

namespace cartes::cli {
namespace {
namespace fs = std::filesystem;

std::string thousands(std::size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

class BuildCommand final : public Command {
 public:
  std::string name() const override { return "build"; }
  std::string description() const override {
    return "Build the territory base (communes, EPCI, pays, départements, régions) as one GeoPackage";
  }

  void configure(CLI::App& app) override {
    app.add_option("--scope", scope_, "loire-bretagne (the 9 départements of Bretagne and Pays de la Loire) or france")
        ->check(CLI::IsMember(sources::known_scopes()))
        ->capture_default_str();
    app.add_option("--out", out_, "GeoPackage to write (default: <build>/geodata/<scope>.gpkg)");
    app.add_option("--sources", sources_, "sources folder (default: $CARTES_SOURCES, else ../shared/geodata)");
    app.add_option("--threads", threads_, "worker threads for reading and dissolving")
        ->check(CLI::Range(1u, 64u))
        ->capture_default_str();
    app.add_flag("--keep-overlaps", keep_overlaps_,
                 "keep the overlaps between communes of neighbouring départements (benchmark input only)");
  }

  int run() override {
    const auto start = std::chrono::steady_clock::now();
    const bool default_out = out_.empty();
    const fs::path out = default_out ? paths::default_base(scope_) : fs::path(out_);
    // Fail before the work when the output cannot be written; the default
    // folder (<build>/geodata) is created, a folder given with --out is not.
    const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
    std::error_code ec;
    if (default_out) fs::create_directories(folder, ec);
    if (!fs::is_directory(folder, ec))
      throw OutputError("cannot write " + out.string() + ": folder " + folder.string() + " does not exist");
    if (::access(folder.c_str(), W_OK) != 0)
      throw OutputError("cannot write " + out.string() + ": folder " + folder.string() + " is not writable");

    model::BuildOptions options;
    options.scope = scope_;
    options.sources = paths::sources(sources_);
    options.project_data = paths::project_data();
    options.threads = threads_;
    options.cut_overlaps = !keep_overlaps_;
    ProblemReporter report;
    model::TerritoryBase base;
    {
      StreamProgress progress(stderr);
      base = model::build_territory_base(options, report, progress);
      model::save_territory_base(base, report.problems(), out, &progress);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("territory base %s (scope %s) written in %.1f s\n", out.c_str(), scope_.c_str(), seconds);
    for (model::Level l : model::all_levels)
      std::printf("  %-12s %8s\n", std::string(model::level_name(l)).c_str(), thousands(base.layer(l).size()).c_str());
    // One line per kind of finding, with its first example.
    const auto problems = report.problems();
    std::printf("build report: %s findings (layer build_report)\n", thousands(problems.size()).c_str());
    for (const auto& [kind, n] : report.counts()) {
      const auto first = std::find_if(problems.begin(), problems.end(), [&](const Problem& p) { return p.kind == kind; });
      std::printf("  %-24s %6d  e.g. %s: %s\n", kind.c_str(), n, first->code.c_str(), first->message.c_str());
    }
    return 0;
  }

 private:
  std::string scope_ = "loire-bretagne";
  std::string out_;
  std::string sources_;
  unsigned threads_ = 2;
  bool keep_overlaps_ = false;
};

}  // namespace

std::unique_ptr<Command> make_build_command() { return std::make_unique<BuildCommand>(); }

}  // namespace cartes::cli
