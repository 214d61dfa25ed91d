#pragma once
// Where each source lies in the sources folder (../shared/geodata, see its
// SOURCES.md) and in the project's own geodata/ folder. The only place that
// spells these paths.
#include <filesystem>
#include <string>

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

// Throws InputError when the sources folder, or one of the files the build
// reads, is missing (or is a file where a folder is expected), saying where
// it looked and how to get the sources from their official addresses.
void check_sources(const std::filesystem::path& root);

}  // namespace cartes::sources
