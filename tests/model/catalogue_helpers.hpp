#pragma once
// Shared by the catalogue, perimeter and fuzz tests.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "model/catalogue.hpp"
#include "model/vocabulary.hpp"

namespace cartes::test {

inline std::filesystem::path catalogue_fixture(const std::string& name) {
  return std::filesystem::path(CARTES_TEST_FIXTURES) / "catalogues" / name;
}

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The project's vocabularies (geodata/vocabularies.toml), loaded once.
inline const cartes::model::Vocabulary& vocabulary() {
  static const cartes::model::Vocabulary v = cartes::model::Vocabulary::load_default();
  return v;
}

// tests/fixtures/catalogues/synthetic.toml, for tests/model/synthetic_base.hpp.
inline cartes::model::Catalogue synthetic_catalogue() {
  return cartes::model::load_catalogue(catalogue_fixture("synthetic.toml"), vocabulary());
}

}  // namespace cartes::test
