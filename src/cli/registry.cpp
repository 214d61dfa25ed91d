#include "cli/command.hpp"

namespace cartes::cli {

// One factory per subcommand, each defined in its cmd_*.cpp.
std::unique_ptr<Command> make_build_command();
std::unique_ptr<Command> make_check_command();
std::unique_ptr<Command> make_alliances_command();
std::unique_ptr<Command> make_stats_command();
std::unique_ptr<Command> make_export_command();
std::unique_ptr<Command> make_rings_command();
std::unique_ptr<Command> make_db_command();
#ifdef CARTES_WITH_VIEWER
std::unique_ptr<Command> make_view_command();
std::unique_ptr<Command> make_render_command();
#endif
std::unique_ptr<Command> make_version_command();

// In the order `cartes --help` lists them: data, alliances, map, analysis.
std::vector<std::unique_ptr<Command>> all_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(make_build_command());
  out.push_back(make_check_command());
  out.push_back(make_alliances_command());
  out.push_back(make_stats_command());
  out.push_back(make_export_command());
#ifdef CARTES_WITH_VIEWER
  out.push_back(make_view_command());
  out.push_back(make_render_command());
#endif
  out.push_back(make_rings_command());
  out.push_back(make_db_command());
  out.push_back(make_version_command());
  return out;
}

}  // namespace cartes::cli
