#pragma once
// Where each source lies in the sources folder (../shared/geodata, see its
// SOURCES.md) and in the project's own geodata/ folder. The only place that
// spells these paths.
#include <filesystem>
#include <cstdint>
#include <string>
#include <vector>

namespace cartes::sources {

// Paths in the sources folder `root` (the folder holding raw/ and derived/).
std::filesystem::path cog_dir(const std::filesystem::path& root);               // COG 2025 lists (JSON)
std::filesystem::path commune_polygons_dir(const std::filesystem::path& root);  // COG 2024 polygons, depXX.geojson
std::filesystem::path commune_polygons(const std::filesystem::path& root, const std::string& departement);
std::filesystem::path zonings(const std::filesystem::path& root, int cog_year);  // table_supracom_<year>.csv
std::filesystem::path zoning_labels(const std::filesystem::path& root);          // libelles_supracom_2024.csv
std::filesystem::path pays_bretagne_epci(const std::filesystem::path& root);     // derived: Breton pays by EPCI
std::filesystem::path pays_bretagne_polygons(const std::filesystem::path& root); // Breton pays, cross-check
std::filesystem::path commute_flows(const std::filesystem::path& root);          // RP 2016 home -> work, dép. 35

// Tables the project authors (in its geodata/ folder).
std::filesystem::path commune_mergers(const std::filesystem::path& project_data);
std::filesystem::path pays_pays_de_la_loire(const std::filesystem::path& project_data);

// One source file a territory base was built from, as recorded in the base
// (its `sources` table): what it is, its vintage, where it lies relative to
// its folder, and its size (to tell two copies apart).
struct SourceRecord {
  std::string name;     // "COG 2025 communes", ...
  std::string vintage;  // "COG 2025", "RP 2021", ...
  std::string file;     // relative to the sources folder, or "geodata/..." for the project's tables
  std::uintmax_t bytes = 0;
};

// The files `cartes build` reads for the given polygon départements, with
// their vintages (the facts of SOURCES.md the base keeps).
std::vector<SourceRecord> build_source_records(const std::filesystem::path& root,
                                               const std::filesystem::path& project_data,
                                               const std::vector<std::string>& polygon_departements);

// Throws InputError when the sources folder, or one of the files the build
// reads, is missing (or is a file where a folder is expected), saying where
// it looked and how to get the sources from their official addresses.
void check_sources(const std::filesystem::path& root);

}  // namespace cartes::sources
