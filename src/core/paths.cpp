#include "core/paths.hpp"

#include <unistd.h>

#include <cstdlib>
#include <system_error>

#include "cartes/build_config.hpp"

namespace cartes::paths {
namespace fs = std::filesystem;

namespace {
fs::path from_env_or(const char* var, const fs::path& fallback) {
  const char* v = std::getenv(var);
  return (v && *v) ? fs::path(v) : fallback;
}

fs::path exe_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}
}  // namespace

fs::path installed_share() {
  // <prefix>/bin/cartes -> <prefix>/share/cartes, when `cmake --install` put
  // it there (it holds geodata/ and shaders/).
  const fs::path dir = exe_dir();
  if (dir.empty()) return {};
  const fs::path share = (dir / ".." / "share" / "cartes").lexically_normal();
  std::error_code ec;
  return fs::is_directory(share / "geodata", ec) ? share : fs::path();
}

fs::path project_data() {
  const fs::path share = installed_share();
  return from_env_or("CARTES_DATA", share.empty() ? fs::path(build_config::source_root) / "geodata" : share / "geodata");
}

fs::path sources(const std::string& from_command_line) {
  if (!from_command_line.empty()) return from_command_line;
  return from_env_or("CARTES_SOURCES",
                     (fs::path(build_config::source_root) / ".." / "shared" / "geodata").lexically_normal());
}

fs::path bases_folder() {
  if (const char* v = std::getenv("CARTES_BASES"); v && *v) return v;
  if (installed_share().empty()) return fs::path(build_config::binary_root) / "geodata";
  // Installed: the user's data folder (XDG), not the build tree.
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "cartes";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : ".") / ".local" / "share" / "cartes";
}

fs::path default_base(const std::string& scope) { return bases_folder() / (scope + ".gpkg"); }

fs::path default_catalogue() { return project_data() / "alliances" / "loire-bretagne.toml"; }

fs::path shaders() {
  const fs::path share = installed_share();
  return from_env_or("CARTES_SHADERS", share.empty() ? fs::path(build_config::source_root) / "shaders" : share / "shaders");
}

fs::path state_folder() {
  if (const char* v = std::getenv("XDG_STATE_HOME"); v && *v) return fs::path(v) / "cartes";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : "/tmp") / ".local" / "state" / "cartes";
}

fs::path migrations() {
  const fs::path share = installed_share();
  return share.empty() ? fs::path(build_config::source_root) / "db" / "migrations" : share / "db" / "migrations";
}

}  // namespace cartes::paths
