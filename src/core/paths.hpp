#pragma once
// Where Cartes looks for things by default.
#include <filesystem>
#include <string>

namespace cartes::paths {

// The project's own authored data: <source>/geodata (catalogue, vocabularies,
// rule tables). Overridable with CARTES_DATA.
std::filesystem::path project_data();

// The raw/derived sources folder: --sources, else $CARTES_SOURCES, else
// <source>/../shared/geodata. Does not check existence.
std::filesystem::path sources(const std::string& from_command_line = {});

// Default territory base: <build>/geodata/<scope>.gpkg.
std::filesystem::path default_base(const std::string& scope);

// Default alliance catalogue: <project data>/alliances/loire-bretagne.toml.
std::filesystem::path default_catalogue();

// Shaders folder: $CARTES_SHADERS, else <source>/shaders.
std::filesystem::path shaders();

}  // namespace cartes::paths
