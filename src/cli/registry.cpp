#include "cli/command.hpp"

namespace cartes::cli {

// One factory per subcommand, each defined in its cmd_*.cpp.
std::unique_ptr<Command> make_version_command();

std::vector<std::unique_ptr<Command>> all_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(make_version_command());
  return out;
}

}  // namespace cartes::cli
