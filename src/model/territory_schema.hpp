#pragma once
// The GeoPackage layout of the territory base, shared by the builder (which
// writes it) and load_territory_base() (which reads it back). Every layer but
// build_report is MultiPolygon in EPSG:2154, geometry column "geom".
//
//   communes      code, name, departement, region, epci, pays, aav2020,
//                 aav_category, bv2022, ze2020, population_municipale,
//                 population_totale, area_km2
//   epci          code (SIREN), name, kind (CC/CA/CU/METRO),
//                 population_municipale, population_totale, member_count,
//                 departements (comma-separated), area_km2
//   pays          code (BZH01…, PDL01…), name, epci (member SIREN,
//                 comma-separated), member_count, departements,
//                 population_municipale, population_totale, area_km2
//   departements  code, name, region, population_municipale,
//                 population_totale, member_count, area_km2
//   regions       code, name, departements, population_municipale,
//                 population_totale, member_count, area_km2
//   build_report  kind, code, source, message (attribute table, no geometry)
//   metadata      key, value: scope, format (attribute table)
//   sources       name, vintage, file, bytes: the files the base was built
//                 from (attribute table)
//
// Members of EPCI, départements and régions are not stored twice: they are
// the communes whose epci / departement / region field names them.
#include <string_view>

namespace cartes::model::schema {

inline constexpr std::string_view communes = "communes";
inline constexpr std::string_view epci = "epci";
inline constexpr std::string_view pays = "pays";
inline constexpr std::string_view departements = "departements";
inline constexpr std::string_view regions = "regions";
inline constexpr std::string_view build_report = "build_report";
inline constexpr std::string_view metadata = "metadata";
inline constexpr std::string_view sources = "sources";

// Keys of the metadata table.
inline constexpr std::string_view key_scope = "scope";
inline constexpr std::string_view key_format = "format";
inline constexpr std::string_view format_version = "cartes territory base 2";

// Separator of multi-valued text fields (departements, epci lists).
inline constexpr char list_separator = ',';

}  // namespace cartes::model::schema
