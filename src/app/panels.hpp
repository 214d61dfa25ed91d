#pragma once
// The viewer's panels, one file each (panel_*.cpp). Each gets its state (a
// plain struct), the model (const) and callbacks; none sees the window.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/app_model.hpp"
#include "app/editor.hpp"
#include "app/view_state.hpp"
#include "geo/geometry.hpp"
#include "render/map_renderer.hpp"

namespace cartes::app {

struct PanelCallbacks {
  std::function<void(std::size_t)> select_alliance;        // Inspector shows it, map highlights it
  std::function<void(const geo::Envelope&)> zoom_to;       // the camera fits the envelope
  std::function<void(std::size_t)> edit_alliance;          // edit mode on that alliance (empty: no editing)
  std::function<void()> new_alliance;                      // edit mode on a new alliance
};

// Filters: six card families, status, horizon.
void draw_filters_panel(FilterState& filters, const AppModel& model);

struct AlliancesPanelState {
  char search[128] = {};
  int sort = 0;  // 0 name, 1 population, 2 members
};
void draw_alliances_panel(AlliancesPanelState& state, const AppModel& model, const std::vector<std::size_t>& visible,
                          std::optional<std::size_t> selected, const PanelCallbacks& cb);

// Inspector: facets, members with populations, partners, perimeter figures, sources.
void draw_inspector_panel(const AppModel& model, std::optional<std::size_t> selected, const PanelCallbacks& cb);

// Territory: the tooltip of the hovered territory, and every alliance
// covering the clicked one.
void draw_territory_tooltip(const AppModel& model, const render::Pick& hovered);
void draw_territory_panel(const AppModel& model, const std::optional<render::Pick>& selected,
                          const PanelCallbacks& cb);

// One row of the legend of the themes mode: a swatch drawn like the map and
// its text. Every value of the families the map draws (themes, intensite,
// status, tendance) has one.
struct LegendEntry {
  std::string family;
  std::string id;
  std::string text;
  render::Color color;
  float hatch_angle = 45;
  render::IntensityStyle intensity{};
  bool dashed = false;
  bool swatch = true;  // false: a text line (the trend arrows)
};
std::vector<LegendEntry> legend_entries(const AppModel& model);
void draw_legend_panel(const AppModel& model, const ViewOptions& view);
void draw_layers_panel(ViewOptions& view);

struct StatisticsPanelState {
  int family = 0;
  bool gommettes = false;  // shares of the workshop's expressions instead of alliances
};
void draw_statistics_panel(StatisticsPanelState& state, const AppModel& model);

// Loading progress, errors (never a crash: they land here) and warnings.
struct StatusPanelState {
  std::vector<std::string> errors;
  std::string step;
  double fraction = 0;
  bool loading = false;
};
void draw_status_panel(StatusPanelState& state, const AppModel& model);

// Édition (edit mode): the selected alliance's fields, members and partners,
// undo/redo and save (panel_editor.cpp).
struct EditorPanelState {
  bool open = false;               // edit mode on
  std::string selected_id;         // the alliance being edited
  int pick_level = 1;              // model::Level of the members picked on the map: EPCI
  char search[128] = {};
  char save_as[1024] = {};
  bool save_requested = false;     // Ctrl+S, the menu or the button
  bool workshop_open = false;      // "Écran Atelier…" chosen: the viewer opens the Atelier window
  std::vector<std::string> keep_mine;  // conflicting alliances whose version of this editor is kept
  std::string error;
  // Text fields, filled from the alliance unless being typed in.
  std::string buffers_for;
  std::uint64_t buffers_revision = 0;
  char id[128] = {}, name[512] = {}, structure[512] = {}, confidence_note[1024] = {};
  char sources[4096] = {}, notes[8192] = {};
};
// `refreshing`: the perimeters shown are being recomputed after an edit.
void draw_editor_panel(EditorPanelState& state, Editor& editor, const AppModel& model, bool refreshing);
void new_alliance(Editor& editor, EditorPanelState& state);
// The territory of `level` holding a commune (its EPCI, pays, département,
// région, or itself); nullptr when it has none (the island communes' EPCI).
const model::Territory* territory_of_commune(const model::TerritoryBase& base, std::size_t commune, model::Level level);
// One step: `t` added to the alliance, or removed when already a member.
void toggle_member(Editor& editor, const std::string& id, const model::Territory& t);
// One step: `current` changed by `mutate` (nothing when it changes nothing).
// True when applied.
bool change_alliance(Editor& editor, const model::Alliance& current, const std::string& label,
                     const std::function<void(model::Alliance&)>& mutate);
// One step: the territories that are not members yet added.
void add_members(Editor& editor, const std::string& id, const std::vector<const model::Territory*>& territories);

// Atelier: a facilitator's keyboard-first screen for a workshop table's cards
// and gommettes (panel_workshop.cpp); edits the alliance selected in Édition.
struct WorkshopPanelState {
  bool open = false;
  int table = 1;
  char session[256] = {};
  int imaginee = 0;  // 0: séquence "à l'œuvre", 1: "imaginée"
  bool focus_name = false;
  std::string name_for;
  std::uint64_t name_revision = 0;
  char name[512] = {};
};
void draw_workshop_panel(WorkshopPanelState& state, Editor& editor, EditorPanelState& edit, const AppModel& model);

// Helpers shared by panels.
std::string format_int(long long v);  // 1 234 567 (French thousands separator)
void color_swatch(const render::Color& c, float size = 0);

}  // namespace cartes::app
