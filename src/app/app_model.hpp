#pragma once
// What the viewer shows, in plain data: the territory base, the vocabularies,
// the catalogue and its perimeters, the theme palette and the meshes built
// from them. Panels read it (const); only the loader fills it.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/problems.hpp"
#include "model/catalogue.hpp"
#include "model/perimeter.hpp"
#include "model/territory.hpp"
#include "model/vocabulary.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace cartes::app {

// Where the data comes from (defaults: core/paths.hpp).
struct DataPaths {
  std::filesystem::path base;        // territory base GeoPackage
  std::filesystem::path catalogue;   // alliance catalogue (TOML); empty: none
  std::filesystem::path vocabulary;  // vocabularies.toml
  std::filesystem::path palette;     // theme_palette.csv

  static DataPaths defaults(const std::string& scope = "loire-bretagne");
};

struct AppModel {
  DataPaths paths;
  // Shared with the loader's worker thread, which computes perimeters from
  // it while the map already shows it (both only read it).
  std::shared_ptr<const model::TerritoryBase> base_ptr;
  const model::TerritoryBase& base() const { return *base_ptr; }
  model::Vocabulary vocabulary;
  render::ThemePalette palette;
  std::vector<model::Alliance> alliances;
  std::vector<model::Perimeter> perimeters;   // perimeters[i] belongs to alliances[i]
  std::vector<model::Overlap> overlaps;
  std::vector<std::string> warnings;          // catalogue members outside the base, ...
  bool base_loaded = false;
  bool alliances_loaded = false;

  // Alliances (indices) whose perimeter covers commune `commune`.
  std::vector<std::size_t> alliances_covering_commune(std::size_t commune) const;
  // Alliances touching at least one commune of territory `t` (any level).
  std::vector<std::size_t> alliances_covering(const model::Territory& t) const;
  // Theme colour of an alliance (its first theme).
  render::Color alliance_color(std::size_t alliance) const;
  std::string label(std::string_view family, std::string_view id) const { return vocabulary.label(family, id); }
};

}  // namespace cartes::app
