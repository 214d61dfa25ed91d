#pragma once
// The map's interaction and decorations, drawn with ImGui draw lists over the
// GL map: pan by drag, zoom at the cursor (wheel, +/- keys), fit (F or Home),
// hover and click picking, names that do not pile up, alliance names with
// their trend arrow, the scale bar and the cursor's coordinates.
#include <optional>
#include <vector>

#include "app/app_model.hpp"
#include "app/view_state.hpp"
#include "render/camera.hpp"
#include "render/labels.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay.hpp"

struct ImDrawList;
struct ImGuiIO;

namespace cartes::app {

// What the decorations need from the scene (the meshes stay on the GPU).
struct MapLabels {
  std::vector<render::LabelCandidate> names;   // EPCI and towns
  std::vector<std::optional<geo::Point>> alliance_anchor;  // per alliance
  std::array<std::vector<geo::Envelope>, 5> envelopes;  // per level, for picking
};
MapLabels make_map_labels(const model::TerritoryBase& base, const render::SceneData& scene);

struct MapViewState {
  render::Camera camera;
  bool fitted = false;
  std::optional<render::Pick> hovered;
  std::optional<render::Pick> selected;  // clicked territory (Territory panel)
  bool cursor_on_map = false;
  geo::Point cursor;                     // Lambert-93
  std::optional<geo::Point> cursor_wgs84;
  bool clicked = false;                  // a click (not a drag) happened this frame
  // The part of the window the panels leave to the map (x0, y0, x1, y1):
  // fitting, the scale bar and the coordinates go there. Empty: all of it.
  std::array<double, 4> free_area{0, 0, 0, 0};
  // Edit mode: a Shift+drag draws a rectangle instead of panning; on release
  // `box` holds it (world coordinates) for one frame.
  bool box_select = false;
  std::optional<std::array<float, 4>> box_drag;  // screen x0, y0, x1, y1 while dragging
  std::optional<geo::Envelope> box;
  std::array<double, 4> map_area() const;
};

// Takes mouse and keyboard input only when ImGui does not want it. Picks
// the commune (when commune outlines are shown) or EPCI under the cursor.
void handle_map_input(MapViewState& state, const ImGuiIO& io, const AppModel& model, const MapLabels& labels,
                      bool communes_shown, const geo::Envelope& extent);

// The territory (commune or EPCI) containing a world point, or nothing.
std::optional<render::Pick> pick_territory(const AppModel& model, const MapLabels& labels, geo::Point p,
                                           model::Level level);

struct DecorationOptions {
  bool names = true;
  bool alliance_names = true;
  bool scale_bar = true;
  bool coordinates = true;
};

void draw_map_decorations(ImDrawList* dl, const AppModel& model, const MapLabels& labels, const MapViewState& state,
                          const render::MapFrame& frame, const render::Overlay* overlay,
                          const DecorationOptions& options);

}  // namespace cartes::app
