#pragma once
// A window-test hook: with CARTES_VIEW_PROBE=FILE in the environment, the
// viewer writes after each frame where things are on screen (named widgets,
// the centre of every EPCI and commune's interior point) and what the editor
// holds, as JSON, so that a test can drive the real window with input events
// (xdotool) at the right places. Without the variable it does nothing.
#include <string>

#include "app/app_model.hpp"
#include "render/camera.hpp"

namespace cartes::app {

class Editor;

bool probe_enabled();
// Records the last ImGui item's rectangle under `name`.
void probe_item(const std::string& name);
// Writes the probe file (atomically) when something changed since the last frame.
// `refreshing`: perimeters are being recomputed (the form's figures, and so
// its layout, are about to change).
void write_probe(const AppModel& model, const render::Camera& camera, const Editor& editor,
                 const std::string& selected_id, bool refreshing);

}  // namespace cartes::app
