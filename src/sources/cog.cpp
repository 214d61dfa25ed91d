#include "sources/cog.hpp"

#include <fstream>
// nlohmann::json's inlined code trips GCC 12's -Wnull-dereference.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <nlohmann/json.hpp>
#pragma GCC diagnostic pop

#include "core/error.hpp"

namespace cartes::sources {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json read_json(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError(path.string() + ": a folder where a JSON file is expected");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": no such file or unreadable");
  try {
    json doc = json::parse(in);
    if (!doc.is_array()) throw DataError(path.string() + ": expected a JSON array of records");
    return doc;
  } catch (const json::exception& e) {
    throw DataError(path.string() + ": not valid JSON (truncated?): " + e.what());
  }
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::int64_t num(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

void read_communes(const fs::path& file, Cog& cog) {
  try {
    for (const json& c : read_json(file)) {
      CogCommune x{str(c, "code"), str(c, "nom"), str(c, "type"), str(c, "departement"), str(c, "region"),
                   str(c, "chefLieu"), num(c, "population")};
      if (x.type == "commune-actuelle")
        if (auto f = c.find("anciensCodes"); f != c.end())
          for (const json& old : *f) cog.former.emplace(old.get<std::string>(), x.code);
      // A delegated commune may share its code with its chef-lieu: keep the current one.
      auto [it, fresh] = cog.communes.emplace(x.code, x);
      if (!fresh && x.type == "commune-actuelle") it->second = x;
    }
  } catch (const json::exception& e) {
    throw DataError(file.string() + ": unexpected structure: " + e.what());
  }
}

}  // namespace

bool Cog::is_current_commune(const std::string& code) const {
  auto it = communes.find(code);
  return it != communes.end() && it->second.type == "commune-actuelle";
}

Cog read_cog_communes(const fs::path& dir) {
  Cog cog;
  read_communes(dir / "communes.json", cog);
  return cog;
}

Cog read_cog(const fs::path& dir) {
  Cog cog = read_cog_communes(dir);
  const fs::path epci = dir / "epci.json", deps = dir / "departements.json", regions = dir / "regions.json";
  const fs::path* current = &epci;
  try {
    for (const json& e : read_json(epci)) {
      CogEpci x{str(e, "code"), str(e, "nom"), str(e, "type"), num(e, "populationMunicipale"),
                num(e, "populationTotale"), {}};
      for (const json& m : e.at("membres"))
        x.members.push_back({str(m, "code"), num(m, "populationMunicipale"), num(m, "populationTotale")});
      cog.epci.push_back(std::move(x));
    }
    current = &deps;
    for (const json& d : read_json(deps))
      if (str(d, "zone") == "metro") cog.departements[str(d, "code")] = {str(d, "nom"), str(d, "region")};
    current = &regions;
    for (const json& r : read_json(regions))
      if (str(r, "zone") == "metro") cog.regions[str(r, "code")] = str(r, "nom");
  } catch (const json::exception& e) {
    throw DataError(current->string() + ": unexpected structure: " + e.what());
  }
  return cog;
}

}  // namespace cartes::sources
