#pragma once
// The territory base in memory: communes, EPCI, pays, départements, régions,
// every geometry a MultiPolygon in Lambert-93 (EPSG:2154).
//
// It is written by `cartes build` into one GeoPackage (layers communes, epci,
// pays, departements, regions, build_report) and loaded back with
// load_territory_base() (territory_io.hpp). Tests build small ones in memory.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/geometry.hpp"
#include "sources/layout.hpp"

namespace cartes::model {

enum class Level { commune = 0, epci, pays, departement, region };
inline constexpr std::array<Level, 5> all_levels{Level::commune, Level::epci, Level::pays, Level::departement,
                                                 Level::region};

std::string_view level_name(Level level);  // "commune", "epci", "pays", "departement", "region"
std::string_view level_label(Level level);  // French: "Commune", "EPCI", "Pays / PETR", ...
std::optional<Level> parse_level(std::string_view name);

// Lower-cased, accents and ligatures folded to ASCII, '-' as ' ' (œ -> oe,
// ’ -> '): names compare equal when only case and accents differ.
std::string fold_name(std::string_view name);

// One territory of any level. Fields that do not apply to a level stay empty.
struct Territory {
  Level level = Level::commune;
  std::string code;  // INSEE code (commune, département, région), SIREN (EPCI), pays code
  std::string name;
  std::int64_t population_municipale = 0;
  std::int64_t population_totale = 0;
  double area_km2 = 0;  // area of `geometry`

  // commune: its département and région; EPCI: every département it touches
  // (comma-separated in the GeoPackage); pays: the same.
  std::vector<std::string> departements;
  std::string region;
  std::string kind;  // EPCI: CC, CA, CU, METRO (MET69 kept as METRO)

  // Commune only: its EPCI SIREN (empty for the 4 island communes), pays,
  // and INSEE zonings (AAV 2020, BV 2022, ZE 2020 codes), and its category in
  // its AAV (CATEAAV2020: 11 commune-centre, 12 other commune of the main pôle,
  // 13 secondary pôle, 20 couronne, 30 outside any AAV).
  std::string epci, pays, aav2020, bv2022, ze2020, aav_category;

  // Levels above commune: member commune codes (sorted).
  std::vector<std::string> communes;
  // Pays: member EPCI SIREN; région: member départements.
  std::vector<std::string> children;

  geo::Geometry geometry;
};

class TerritoryBase {
 public:
  std::string scope;  // "loire-bretagne", "france", or a test name; stored in the base's metadata
  // The files the base was built from, with their vintages (its `sources` table).
  std::vector<sources::SourceRecord> sources;
  // What loading had to guess (a base written before its scope was stored).
  std::vector<std::string> notes;

  std::vector<Territory>& layer(Level level) { return layers_[static_cast<int>(level)]; }
  const std::vector<Territory>& layer(Level level) const { return layers_[static_cast<int>(level)]; }

  // Rebuild the code indexes after filling or changing layers.
  void reindex();

  const Territory* find(Level level, std::string_view code) const;
  // Looks the code up at every level (communes first); nullptr when unknown.
  const Territory* find_any(std::string_view code) const;
  std::optional<std::size_t> index_of(Level level, std::string_view code) const;

  // Commune indices (into layer(Level::commune)) of a territory of any level.
  std::vector<std::size_t> commune_indices(const Territory& t) const;

  // Names closest to `text` at any level (for "did you mean" suggestions).
  std::vector<const Territory*> nearest_by_name(std::string_view text, std::size_t count) const;

  geo::Envelope envelope() const;

 private:
  std::array<std::vector<Territory>, 5> layers_;
  std::array<std::unordered_map<std::string, std::size_t>, 5> index_;
};

}  // namespace cartes::model
