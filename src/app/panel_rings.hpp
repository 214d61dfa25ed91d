#pragma once
// The rings panel (issue 5): concentric perimeters around a core picked on
// the map (contiguity rings, distance bands, INSEE catchments, alliances),
// drawn as labelled outlines over the map, with a sortable comparison table
// and exports to GeoPackage and PNG.
//
// The computation (contiguity graph, rings, outlines) runs on a worker
// thread (std::async); the panel polls it each frame and never blocks.
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/adjacency.hpp"
#include "analysis/flows.hpp"
#include "analysis/rings.hpp"
#include "app/app_model.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay.hpp"

namespace cartes::app {

// One row of the comparison table, as plain values.
struct RingsTableRow {
  std::string id, name, family;
  std::int64_t population = 0;
  double area_km2 = 0;
  std::size_t communes = 0, epci = 0, members = 0;
  double theme_coverage = -1, aav_capture = -1, commuter_share = -1;  // -1: not computed
};

struct RingsOverlapRow {
  std::string a, b;
  double iou_population = 0, iou_area = 0;
};

struct RingsPanelState {
  // The request, as edited in the panel.
  std::vector<std::string> core;   // codes at `level`
  int level = 1;                   // 0 commune, 1 EPCI, 2 pays
  int rings = 3;
  bool queen = false;
  char bands[64] = "10,20";        // km, comma-separated
  int band_by = 0;                 // 0 centroid, 1 any part
  bool aav = true, ze = false, bv = false;
  std::vector<std::string> compare;  // alliance ids
  std::string theme = "mobilite";
  bool pick_on_map = true;         // a click on the map sets the core (shift-click adds)
  bool run_on_pick = true;         // ... and starts the computation
  bool run_requested = false;      // start at the next frame (set by the viewer or the button)

  // Results (main thread).
  std::vector<RingsTableRow> rows;
  std::vector<RingsOverlapRow> overlaps;
  std::vector<std::string> notes;
  std::string commuters;           // one line when flows apply
  std::string error;
  std::string message;             // export results
  double seconds = 0;              // last computation, worker side
  std::shared_ptr<analysis::RingsResult> result;  // with outlines, for export

  // Work in flight and what it reuses between runs.
  std::future<std::shared_ptr<analysis::RingsResult>> job;
  std::future<std::string> export_job;
  std::shared_ptr<analysis::AdjacencyCache> cache;
  std::shared_ptr<const analysis::CommuteFlows> flows;
  bool flows_tried = false;
  char export_path[256] = "rings.gpkg";
  char png_path[256] = "rings.png";
};

struct RingsPanelHooks {
  // The territory clicked on the map this frame (the viewer's map_.selected
  // when map_.clicked); shift held: add it to the core instead of replacing.
  std::optional<render::Pick> clicked;
  bool add_to_core = false;
  // Renders the current map view to a PNG file; null: the PNG button is off.
  std::function<void(const std::filesystem::path&)> export_png;
};

// Draws the panel (an ImGui window "Anneaux"), starts and polls the worker,
// and fills `overlay` with the outlines when a result arrives.
void draw_rings_panel(RingsPanelState& state, const AppModel& model, render::Overlay& overlay,
                      const RingsPanelHooks& hooks = {});

// The overlay items of a result with outlines (concentric outlines and
// labels): exposed for tests and for the viewer's PNG export.
render::Overlay rings_overlay(const analysis::RingsResult& result, std::uint64_t version);

// Plain table rows of a result (what the panel shows and sorts).
std::vector<RingsTableRow> rings_table(const analysis::RingsResult& result);

// Sorts rows by column (0 name, 1 communes, 2 EPCI, 3 population, 4 area,
// 5 theme coverage, 6 AAV share, 7 commuters), ascending or not.
void sort_rings_table(std::vector<RingsTableRow>& rows, int column, bool ascending);

}  // namespace cartes::app
