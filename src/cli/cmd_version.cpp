// `cartes version`: the program's and its libraries' versions.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cartes/build_config.hpp"
#include "cli/command.hpp"
#include "core/paths.hpp"

namespace cartes::cli {
namespace {

class VersionCommand final : public Command {
 public:
  std::string name() const override { return "version"; }
  std::string description() const override { return "Print the version of cartes"; }
  void configure(CLI::App& app) override {
    app.add_flag("--paths", paths_, "Also print where this cartes finds its data, shaders, bases and sources");
  }
  int run() override {
    std::printf("cartes %s\n", build_config::version);
    if (paths_) {
      std::printf("data     %s\n", paths::project_data().c_str());
      std::printf("shaders  %s\n", paths::shaders().c_str());
      std::printf("bases    %s\n", paths::bases_folder().c_str());
      std::printf("sources  %s\n", paths::sources().c_str());
    }
    return 0;
  }

 private:
  bool paths_ = false;
};

}  // namespace

std::unique_ptr<Command> make_version_command() { return std::make_unique<VersionCommand>(); }

}  // namespace cartes::cli
