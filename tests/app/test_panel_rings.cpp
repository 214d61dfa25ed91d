// The rings panel without a window: a headless Dear ImGui context (no
// renderer backend), a synthetic base, a click on the map, and frames until
// the worker thread's result reaches the table and the overlay.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <thread>

#include "app/panel_rings.hpp"
#include "grid_base.hpp"

using namespace cartes;

namespace {

struct HeadlessImGui {
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.IniFilename = nullptr;
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

void frame(app::RingsPanelState& state, const app::AppModel& model, render::Overlay& overlay,
           const app::RingsPanelHooks& hooks = {}) {
  ImGui::NewFrame();
  app::draw_rings_panel(state, model, overlay, hooks);
  ImGui::Render();
}

}  // namespace

TEST_CASE("rings panel: a click picks the core, the worker computes, the overlay and table fill") {
  HeadlessImGui imgui;
  app::AppModel model;
  model.base_ptr = std::make_shared<const model::TerritoryBase>(test::grid_base(9));
  model.base_loaded = true;
  model.vocabulary = model::Vocabulary::load_default();
  app::RingsPanelState state;
  state.rings = 2;
  std::snprintf(state.bands, sizeof state.bands, "1");
  render::Overlay overlay;

  // A commune clicked while the panel's level is EPCI picks its EPCI.
  app::RingsPanelHooks click;
  click.clicked = render::Pick{model::Level::commune, *model.base().index_of(model::Level::commune, test::grid_code(4, 4))};
  frame(state, model, overlay, click);
  REQUIRE(state.core == std::vector<std::string>{test::grid_siren(4, 4)});
  CHECK(state.job.valid());  // started on the worker thread

  // Shift-click adds a second territory to the core (and runs again once the first job is done).
  app::RingsPanelHooks add = click;
  add.clicked->index = *model.base().index_of(model::Level::commune, test::grid_code(5, 4));
  add.add_to_core = true;
  frame(state, model, overlay, add);
  CHECK(state.core.size() == 2);

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while ((state.job.valid() || state.run_requested || state.rows.empty() || state.result->core.size() < 2) &&
         std::chrono::steady_clock::now() < deadline) {
    frame(state, model, overlay);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(state.error.empty());
  REQUIRE(state.result);
  CHECK(state.result->core.size() == 2);
  // core, 2 rings, 2 cumulative, 1 band, 3 AAV zonings (the AAV is ticked by default)
  CHECK(state.rows.size() == 9);
  CHECK(overlay.version >= 1);
  // Outlines: core, cumulative perimeters, band buffer, zonings (not the annuli).
  CHECK(overlay.items.size() == 7);
  for (const auto& item : overlay.items) {
    CHECK_FALSE(item.polygons.empty());
    CHECK_FALSE(item.label.empty());
  }

  // Sorting by population, descending then ascending.
  app::sort_rings_table(state.rows, 3, false);
  for (std::size_t i = 1; i < state.rows.size(); ++i) CHECK(state.rows[i - 1].population >= state.rows[i].population);
  app::sort_rings_table(state.rows, 3, true);
  for (std::size_t i = 1; i < state.rows.size(); ++i) CHECK(state.rows[i - 1].population <= state.rows[i].population);
}

TEST_CASE("rings panel: a bad band list is reported in the panel, nothing starts") {
  HeadlessImGui imgui;
  app::AppModel model;
  model.base_ptr = std::make_shared<const model::TerritoryBase>(test::grid_base(3));
  model.base_loaded = true;
  app::RingsPanelState state;
  std::snprintf(state.bands, sizeof state.bands, "5, dix");
  render::Overlay overlay;
  state.core = {test::grid_siren(1, 1)};
  state.run_requested = true;
  frame(state, model, overlay);
  CHECK_FALSE(state.job.valid());
  CHECK(state.error.find("Bandes") != std::string::npos);
  CHECK(overlay.items.empty());
}
