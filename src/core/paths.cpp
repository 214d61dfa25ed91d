#include "core/paths.hpp"

#include <cstdlib>

#include "cartes/build_config.hpp"

namespace cartes::paths {
namespace fs = std::filesystem;

namespace {
fs::path from_env_or(const char* var, const fs::path& fallback) {
  const char* v = std::getenv(var);
  return (v && *v) ? fs::path(v) : fallback;
}
}  // namespace

fs::path project_data() {
  return from_env_or("CARTES_DATA", fs::path(build_config::source_root) / "geodata");
}

fs::path sources(const std::string& from_command_line) {
  if (!from_command_line.empty()) return from_command_line;
  return from_env_or("CARTES_SOURCES",
                     (fs::path(build_config::source_root) / ".." / "shared" / "geodata").lexically_normal());
}

fs::path default_base(const std::string& scope) {
  return fs::path(build_config::binary_root) / "geodata" / (scope + ".gpkg");
}

fs::path default_catalogue() { return project_data() / "alliances" / "loire-bretagne.toml"; }

fs::path shaders() {
  return from_env_or("CARTES_SHADERS", fs::path(build_config::source_root) / "shaders");
}

}  // namespace cartes::paths
