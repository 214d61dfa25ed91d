// The legend of the themes mode against the table of families: every value
// of every family the map draws has an entry, with its French label.
#include <catch2/catch.hpp>

#include "app/panels.hpp"
#include "core/paths.hpp"

using namespace cartes;

namespace {
bool has_entry(const std::vector<app::LegendEntry>& entries, std::string_view family, std::string_view id,
               const std::string& label) {
  return std::any_of(entries.begin(), entries.end(), [&](const app::LegendEntry& e) {
    return e.family == family && e.id == id && e.text.find(label) != std::string::npos;
  });
}
}  // namespace

TEST_CASE("the legend has an entry for every theme, intensity, status and trend") {
  app::AppModel m;
  m.vocabulary = model::Vocabulary::load_default();
  m.palette = render::ThemePalette::load(paths::project_data() / "theme_palette.csv");
  const auto entries = app::legend_entries(m);
  for (const auto& e : m.vocabulary.family("themes")->entries) {
    INFO(e.id);
    CHECK(has_entry(entries, "themes", e.id, e.label));
  }
  // The families the map draws: fill and stripes, outline, arrow.
  for (const char* family : {"intensite", "status", "tendance"}) {
    const auto* f = model::find_family(family);
    REQUIRE(f);
    for (auto id : f->ids) {
      INFO(family << " " << id);
      CHECK(has_entry(entries, family, id, m.label(family, id)));
    }
  }
  // Dashed outlines are the imaginées' only.
  for (const auto& e : entries)
    if (e.family == "status") CHECK(e.dashed == (e.id == "imaginee"));
}
