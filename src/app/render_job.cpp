#include "app/render_job.hpp"

#include <algorithm>

#include <imgui.h>

#include "app/loader.hpp"
#include "app/map_view.hpp"
#include "core/paths.hpp"
#include "render/map_renderer.hpp"
#include "render/mesh_dump.hpp"

namespace cartes::app {

render::Camera camera_for(const RenderSettings& s, const geo::Envelope& scene_extent) {
  render::Camera cam;
  cam.width = s.width;
  cam.height = s.height;
  cam.fit(s.extent ? *s.extent : scene_extent, s.extent ? 0.0 : 0.04);
  return cam;
}

void merge_alliances(render::SceneData& base, render::SceneData&& a) {
  base.alliances = std::move(a.alliances);
  for (std::size_t k = 0; k < base.coarse.size() && k < a.coarse.size(); ++k)
    base.coarse[k].alliances = std::move(a.coarse[k].alliances);
  base.alliance_communes = std::move(a.alliance_communes);
  base.links = std::move(a.links);
  base.alliance_anchor = std::move(a.alliance_anchor);
  base.alliance_area_km2 = std::move(a.alliance_area_km2);
}

namespace {
std::optional<std::size_t> find_alliance(const AppModel& m, const std::string& id) {
  for (std::size_t i = 0; i < m.alliances.size(); ++i)
    if (m.alliances[i].id == id) return i;
  std::string near;
  const std::string folded = model::fold_name(id);
  for (const auto& a : m.alliances)
    if (model::fold_name(a.id).find(folded.substr(0, 4)) != std::string::npos) near += " " + a.id;
  throw UsageError("--highlight: no alliance with id \"" + id + "\" in the catalogue" +
                   (near.empty() ? "" : "; similar ids:" + near));
}
}  // namespace

Image render_map(GlfwBackend& backend, const AppModel& model, const render::SceneData& scene,
                 const RenderSettings& s) {
  std::optional<std::size_t> highlight;
  if (s.highlight) highlight = find_alliance(model, *s.highlight);
  render::MapRenderer renderer(paths::shaders());
  renderer.set_scene(scene);
  const auto visible = visible_alliances(model, s.filters);
  ViewOptions view = s.view;
  view.highlight = highlight;
  const render::Camera cam = camera_for(s, scene.extent);
  render::MapFrame frame = make_frame(model, visible, view, cam);
  if (view.mode == render::MapMode::density) renderer.set_density(density_counts(model, visible));
  MapLabels labels = make_map_labels(model.base(), scene);
  labels.alliance_anchor = scene.alliance_anchor;
  MapViewState state;
  state.camera = cam;
  return backend.offscreen(
      s.width, s.height, [&] { renderer.draw(frame); },
      [&] {
        if (!s.labels) return;
        DecorationOptions deco;
        deco.names = view.show_labels;
        deco.alliance_names = view.show_alliance_labels;
        deco.coordinates = false;
        draw_map_decorations(ImGui::GetBackgroundDrawList(), model, labels, state, frame, nullptr, deco);
      });
}

void check_filters(const FilterState& filters, const model::Vocabulary& vocabulary) {
  for (const auto& [family, ids] : filters.selected) {
    for (const auto& id : ids) {
      if (family == "levels") {
        if (!model::parse_level(id)) throw UsageError("unknown territory level \"" + id + "\"");
        continue;
      }
      if (!vocabulary.contains(family, id))
        throw UsageError("unknown " + family + " \"" + id + "\"; allowed: " + vocabulary.allowed(family));
    }
  }
}

void check_image_size(int width, int height) {
  const render::ImageLimits limits = render::offscreen_limits();
  // The multisampled image, its resolved copy, the pixels read back and the
  // PNG's rows: about 40 bytes a pixel; more than 4 GiB is refused too.
  constexpr double max_bytes = 4.0 * (1ull << 30);
  const double bytes = 40.0 * width * height;
  if (width > limits.max_width || height > limits.max_height || bytes > max_bytes)
    throw UsageError("--size " + std::to_string(width) + "x" + std::to_string(height) +
                     ": this OpenGL draws images of at most " + std::to_string(limits.max_width) + "x" +
                     std::to_string(limits.max_height) + " pixels, and " +
                     std::to_string(static_cast<long long>(max_bytes / 40 / 1e6)) + " million pixels in all");
}

void run_render_job(const RenderJob& job, Progress* progress) {
  // The context first: no display, or a size this OpenGL cannot draw, fails
  // before the data is loaded. The window stays hidden; the image is drawn
  // offscreen at its own size.
  GlfwBackend backend({std::min(job.settings.width, 1024), std::min(job.settings.height, 1024), false,
                       "cartes render"});
  check_image_size(job.settings.width, job.settings.height);
  AppModel model;
  model.paths = job.paths;
  auto b = load_base(job.paths, progress);
  render::SceneData scene = std::move(b.scene);
  install(model, std::move(b));
  auto a = load_alliances(job.paths, model.base(), scene, progress);
  merge_alliances(scene, std::move(a.scene));
  install(model, std::move(a));
  check_filters(job.settings.filters, model.vocabulary);
  if (progress) progress->step("drawing");
  const Image img = render_map(backend, model, scene, job.settings);
  render::write_png(job.out, img.width, img.height, img.rgba);
  if (!job.dump_mesh.empty()) {
    ViewOptions view = job.settings.view;
    const auto frame = make_frame(model, visible_alliances(model, job.settings.filters), view,
                                  camera_for(job.settings, scene.extent));
    render::write_mesh_dump(job.dump_mesh, scene, frame);
  }
}

}  // namespace cartes::app
