#pragma once
// Headless maps through the viewer's own drawing code (`cartes render`,
// tests, benchmark): same MapFrame (make_frame), same MapRenderer, same
// decorations, drawn into an offscreen framebuffer of an invisible window.
#include <filesystem>
#include <optional>
#include <string>

#include "app/app_model.hpp"
#include "app/backend_glfw.hpp"
#include "app/view_state.hpp"
#include "core/progress.hpp"
#include "render/scene.hpp"

namespace cartes::app {

struct RenderSettings {
  int width = 1600, height = 1000;
  FilterState filters;
  ViewOptions view;
  std::optional<geo::Envelope> extent;  // default: the whole base
  std::optional<std::string> highlight; // alliance id
  bool labels = true;
};

render::Camera camera_for(const RenderSettings& settings, const geo::Envelope& scene_extent);

// Needs the context of `backend`. Throws UsageError for an unknown highlight id.
Image render_map(GlfwBackend& backend, const AppModel& model, const render::SceneData& scene,
                 const RenderSettings& settings);

// The alliance meshes of `alliances` moved into `base` (one scene).
void merge_alliances(render::SceneData& base, render::SceneData&& alliances);

// UsageError naming the family and the allowed ids for an unknown filter value.
void check_filters(const FilterState& filters, const model::Vocabulary& vocabulary);

struct RenderJob {
  DataPaths paths;
  RenderSettings settings;
  std::filesystem::path out;        // PNG
  std::filesystem::path dump_mesh;  // optional: mesh dump for tools/bench/gpu
};
// UsageError (exit 2) when this OpenGL context cannot draw a width x height
// image (its renderbuffer and viewport limits, or about 4 GiB of buffers).
void check_image_size(int width, int height);

void run_render_job(const RenderJob& job, Progress* progress = nullptr);

}  // namespace cartes::app
