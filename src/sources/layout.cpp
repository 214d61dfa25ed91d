#include "sources/layout.hpp"

#include "core/error.hpp"

namespace cartes::sources {
namespace fs = std::filesystem;

fs::path cog_dir(const fs::path& root) { return root / "raw/decoupage-administratif-6.0.0"; }
fs::path commune_polygons_dir(const fs::path& root) { return root / "raw/mathieulebasic-france-geojson-2024/communes"; }
fs::path commune_polygons(const fs::path& root, const std::string& departement) {
  return commune_polygons_dir(root) / ("dep" + departement + ".geojson");
}
fs::path zonings(const fs::path& root, int cog_year) {
  return root / "raw/cogugaison-supracom" / ("table_supracom_" + std::to_string(cog_year) + ".csv");
}
fs::path zoning_labels(const fs::path& root) { return root / "raw/cogugaison-supracom/libelles_supracom_2024.csv"; }
fs::path pays_bretagne_epci(const fs::path& root) { return root / "derived/pays_bretagne_epci.csv"; }
fs::path pays_bretagne_polygons(const fs::path& root) {
  return root / "raw/region-bretagne-mviewer-apps/pays_simple_2023.geojson";
}
fs::path commute_flows(const fs::path& root) {
  return root / "raw/mastersigat-betagouv-mviewer/fluxdomtrainsee_35_rp2016.geojson";
}

fs::path commune_mergers(const fs::path& project_data) { return project_data / "commune_mergers.csv"; }
fs::path pays_pays_de_la_loire(const fs::path& project_data) { return project_data / "pays_pays_de_la_loire.csv"; }

std::vector<SourceRecord> build_source_records(const fs::path& root, const fs::path& project_data,
                                               const std::vector<std::string>& polygon_departements) {
  std::vector<SourceRecord> out;
  const auto add = [&](std::string name, std::string vintage, const fs::path& base, const fs::path& file,
                       const std::string& prefix) {
    std::error_code ec;
    const std::uintmax_t bytes = fs::file_size(file, ec);
    out.push_back({std::move(name), std::move(vintage), prefix + fs::relative(file, base, ec).generic_string(),
                   ec ? 0 : bytes});
  };
  const std::string cog = "COG 2025 (@etalab/decoupage-administratif 6.0.0)";
  for (const char* list : {"communes", "epci", "departements", "regions"})
    add(std::string("COG 2025 list: ") + list, cog, root, cog_dir(root) / (std::string(list) + ".json"), "");
  for (const std::string& d : polygon_departements)
    add("commune polygons, département " + d, "COG 2024 (france-geojson 2024)", root, commune_polygons(root, d), "");
  add("INSEE zonings (AAV 2020, BV 2022, ZE 2020)", "COG 2024", root, zonings(root, 2024), "");
  add("INSEE zonings (AAV category)", "COG 2023", root, zonings(root, 2023), "");
  add("Breton pays by EPCI (derived)", "pays 2023", root, pays_bretagne_epci(root), "");
  add("Breton pays polygons (names)", "pays 2023", root, pays_bretagne_polygons(root), "");
  add("commune mergers (authored)", "COG 2024 to 2025", project_data, commune_mergers(project_data), "geodata/");
  add("Pays de la Loire pays by EPCI (authored)", "2025", project_data, pays_pays_de_la_loire(project_data),
      "geodata/");
  return out;
}

void check_sources(const fs::path& root) {
  const auto help = [&](const std::string& what) {
    return what +
           "\nThe sources folder is chosen by --sources DIR, else $CARTES_SOURCES, else ../shared/geodata beside "
           "the source tree. To get the sources from their official addresses:\n"
           "  - COG 2025 lists: npm pack @etalab/decoupage-administratif@6.0.0, its data/ folder into "
           "raw/decoupage-administratif-6.0.0/\n"
           "  - commune polygons (COG 2024): https://github.com/mathieulebasic/france-geojson communes/depXX.geojson "
           "into raw/mathieulebasic-france-geojson-2024/communes/\n"
           "  - INSEE zonings: https://github.com/antuki/COGugaison data/DATA_SUPRACOM.RData, decoded to "
           "raw/cogugaison-supracom/table_supracom_2024.csv and table_supracom_2023.csv\n"
           "  - Breton pays: https://github.com/region-bretagne/mviewer-apps perequation/data/pays_simple.geojson into "
           "raw/region-bretagne-mviewer-apps/pays_simple_2023.geojson, and derived/pays_bretagne_epci.csv "
           "(method in SOURCES.md)";
  };
  std::error_code ec;
  if (fs::exists(root, ec) && !fs::is_directory(root, ec))
    throw InputError(help("the sources folder " + root.string() + " is a file, not a folder"));
  if (!fs::is_directory(root, ec)) throw InputError(help("sources folder not found: looked in " + root.string()));
  for (const fs::path& dir : {cog_dir(root), commune_polygons_dir(root)}) {
    if (!fs::exists(dir, ec))
      throw InputError(help("incomplete sources folder " + root.string() + ": missing " + dir.string()));
    if (!fs::is_directory(dir, ec)) throw InputError(dir.string() + ": a file where a folder is expected");
  }
  for (const fs::path& file :
       {zonings(root, 2024), zonings(root, 2023), pays_bretagne_epci(root), pays_bretagne_polygons(root)}) {
    if (!fs::exists(file, ec))
      throw InputError(help("incomplete sources folder " + root.string() + ": missing " + file.string()));
    if (fs::is_directory(file, ec)) throw InputError(file.string() + ": a folder where a file is expected");
  }
}

}  // namespace cartes::sources
