// `cartes version`: the program's and its libraries' versions.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cartes/build_config.hpp"
#include "cli/command.hpp"

namespace cartes::cli {
namespace {

class VersionCommand final : public Command {
 public:
  std::string name() const override { return "version"; }
  std::string description() const override { return "Print the version of cartes"; }
  void configure(CLI::App&) override {}
  int run() override {
    std::printf("cartes %s\n", build_config::version);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> make_version_command() { return std::make_unique<VersionCommand>(); }

}  // namespace cartes::cli
