#pragma once
// Loading the territory base written by `cartes build` (one GeoPackage, layers
// communes, epci, pays, departements, regions; see territory_builder.hpp for
// the fields). Throws InputError naming the file when it is missing, with the
// command that builds it.
#include <filesystem>

#include "core/progress.hpp"
#include "model/territory.hpp"

namespace cartes::model {

TerritoryBase load_territory_base(const std::filesystem::path& gpkg, Progress* progress = nullptr);

}  // namespace cartes::model
