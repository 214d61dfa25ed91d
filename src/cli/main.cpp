// cartes: the command-line front end. The only place that turns exceptions
// into messages and exit codes (documented in the README).
// GCC 12 at -O2 reports a false "potential null pointer dereference" inside
// std::string when it inlines CLI11's CLI::detail::split (CI builds with -Werror).
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "store_pg/pg_catalogue_store.hpp"

int main(int argc, char** argv) {
  using namespace cartes;
  store_pg::register_catalogue_store();  // --catalogue PG:… for every command
  CLI::App app{"cartes: alliances between the territories of Loire-Bretagne"};
  app.require_subcommand(1);
  auto commands = cli::all_commands();
  std::vector<std::pair<CLI::App*, cli::Command*>> subs;
  for (auto& c : commands) {
    CLI::App* sub = app.add_subcommand(c->name(), c->description());
    c->configure(*sub);
    subs.emplace_back(sub, c.get());
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }
  try {
    for (auto& [sub, cmd] : subs)
      if (sub->parsed()) return cmd->run();
    return static_cast<int>(ExitCode::usage);
  } catch (const Error& e) {
    std::fprintf(stderr, "cartes: error: %s\n", e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cartes: internal error: %s\n", e.what());
    return static_cast<int>(ExitCode::internal);
  }
}
