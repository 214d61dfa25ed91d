#pragma once
// The subcommands of `cartes alliances` beyond list and show, each a Command
// configured on its own CLI11 subcommand (its name() is the subcommand's).
#include <memory>
#include <vector>

#include "cli/command.hpp"

namespace cartes::cli {

// add, set, remove, members add|remove (cmd_alliances_edit.cpp).
std::vector<std::unique_ptr<Command>> make_alliance_edit_commands();
// export --format csv, import (cmd_alliances_csv.cpp).
std::vector<std::unique_ptr<Command>> make_alliance_csv_commands();

}  // namespace cartes::cli
