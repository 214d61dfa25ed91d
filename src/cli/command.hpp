#pragma once
// The CLI is a registry of commands; parsing is separate from running
// (osmium-tool, PDAL kernels). Each subcommand lives in its own cmd_*.cpp:
// configure() declares its options into its own fields, run() does the work
// and throws cartes::Error on failure; main.cpp turns errors into messages and
// exit codes, nowhere else.
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace cartes::cli {

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  virtual void configure(CLI::App& app) = 0;
  virtual int run() = 0;  // returns the exit code (0 on success)
};

std::vector<std::unique_ptr<Command>> all_commands();

}  // namespace cartes::cli
