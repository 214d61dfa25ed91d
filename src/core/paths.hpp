#pragma once
// Where Cartes looks for things by default.
#include <filesystem>
#include <string>

namespace cartes::paths {

// An installed Cartes (`cmake --install`: <prefix>/bin/cartes) finds its data
// and shaders in <prefix>/share/cartes and keeps its bases in the user's data
// folder; a build-tree Cartes uses the source and build folders.

// <prefix>/share/cartes for an installed binary, empty otherwise.
std::filesystem::path installed_share();

// The project's own authored data: <share>/geodata or <source>/geodata
// (catalogue, vocabularies, rule tables). Overridable with CARTES_DATA.
std::filesystem::path project_data();

// The raw/derived sources folder: --sources, else $CARTES_SOURCES, else
// <source>/../shared/geodata. Does not check existence.
std::filesystem::path sources(const std::string& from_command_line = {});

// Where territory bases are kept: $CARTES_BASES, else <build>/geodata, else
// (installed) $XDG_DATA_HOME/cartes or ~/.local/share/cartes.
std::filesystem::path bases_folder();

// Default territory base: <bases folder>/<scope>.gpkg.
std::filesystem::path default_base(const std::string& scope);

// Default alliance catalogue: <project data>/alliances/loire-bretagne.toml.
std::filesystem::path default_catalogue();

// Shaders folder: $CARTES_SHADERS, else <share>/shaders or <source>/shaders.
std::filesystem::path shaders();

// Where the viewer keeps what belongs to no file (the edit journal of a
// database catalogue): $XDG_STATE_HOME/cartes, else ~/.local/state/cartes.
std::filesystem::path state_folder();

// The catalogue store's SQL migrations: <share>/db/migrations or <source>/db/migrations.
std::filesystem::path migrations();

}  // namespace cartes::paths
