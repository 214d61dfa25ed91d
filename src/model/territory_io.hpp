#pragma once
// Loading the territory base written by `cartes build` (one GeoPackage, layers
// communes, epci, pays, departements, regions; see territory_schema.hpp for
// the fields). Throws InputError naming the file when it is missing, with the
// command that builds it.
#include <filesystem>
#include <vector>

#include "core/problems.hpp"
#include "core/progress.hpp"
#include "model/territory.hpp"

namespace cartes::model {

TerritoryBase load_territory_base(const std::filesystem::path& gpkg, Progress* progress = nullptr);

// Writes `base` and its build findings (layer build_report) atomically to
// `gpkg` in the layout of territory_schema.hpp, each layer with a default
// QGIS style. Throws OutputError naming the path; a failure leaves no file.
void save_territory_base(const TerritoryBase& base, const std::vector<Problem>& report,
                         const std::filesystem::path& gpkg, Progress* progress = nullptr);

}  // namespace cartes::model
