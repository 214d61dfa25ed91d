#include "app/viewer.hpp"

#include <imgui.h>

#include "core/paths.hpp"
#include "render/gpu.hpp"

namespace cartes::app {

Viewer::Viewer(DataPaths paths) { model_.paths = std::move(paths); }
Viewer::~Viewer() = default;

void Viewer::start() {
  started_ = std::chrono::steady_clock::now();
  status_.loading = true;
  loader_.start(model_.paths);
}

void Viewer::export_png(const std::filesystem::path& file) {
  if (!renderer_ || !renderer_->has_scene()) throw Error(ExitCode::output, "the map is not loaded yet");
  render::MapFrame f = make_frame(model_, visible_, view_, map_.camera);
  f.highlight = selected_alliance_;
  f.overlay = &overlay_;
  render::Framebuffer fb(map_.camera.width, map_.camera.height);
  fb.bind();
  renderer_->draw(f);
  const auto px = fb.read();
  render::write_png(file, map_.camera.width, map_.camera.height, px);
}

void Viewer::report(const std::exception& e) { status_.errors.push_back(e.what()); }

void Viewer::poll_loader() {
  try {
    if (!renderer_) renderer_ = std::make_unique<render::MapRenderer>(paths::shaders());
    if (auto b = loader_.take_base()) {
      renderer_->set_scene(b->scene);
      labels_ = make_map_labels(*b->base, b->scene);
      extent_ = b->scene.extent;
      install(model_, std::move(*b));
    }
    if (auto a = loader_.take_alliances()) {
      render::SceneData s = std::move(a->scene);
      install(model_, std::move(*a));
      // Only the alliance groups are replaced: the base stays on the GPU.
      renderer_->set_alliances(s);
      labels_.alliance_anchor = std::move(s.alliance_anchor);
      density_key_.clear();
    }
    if (auto e = loader_.take_error()) status_.errors.push_back(*e);
  } catch (const std::exception& e) {
    report(e);
    renderer_.reset();
  }
  status_.loading = loader_.busy();
  status_.step = loader_.progress().step_name();
  status_.fraction = loader_.progress().fraction();
}

void Viewer::frame() {
  poll_loader();
  ImGuiIO& io = ImGui::GetIO();
  const bool communes_shown = view_.layers[0] || (view_.communes_when_zoomed && map_.camera.mpp <= view_.communes_max_mpp);
  handle_map_input(map_, io, model_, labels_, communes_shown, extent_);

  visible_ = visible_alliances(model_, filters_);
  render::MapFrame f = make_frame(model_, visible_, view_, map_.camera);
  f.hovered = map_.hovered;
  f.selected = map_.selected;
  f.highlight = selected_alliance_;
  f.overlay = &overlay_;
  if (renderer_ && renderer_->has_scene()) {
    try {
      if (view_.mode == render::MapMode::density) {
        std::string key;
        for (auto i : visible_) key += std::to_string(i) + ",";
        if (key != density_key_) {
          renderer_->set_density(density_counts(model_, visible_));
          density_key_ = key;
        }
      }
      renderer_->draw(f);
      const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
      if (!first_map_) first_map_ = t;
      if (!first_alliances_ && model_.alliances_loaded) first_alliances_ = t;
    } catch (const std::exception& e) {
      report(e);
      renderer_.reset();
    }
    DecorationOptions deco;
    deco.names = view_.show_labels;
    deco.alliance_names = view_.show_alliance_labels;
    draw_map_decorations(ImGui::GetBackgroundDrawList(), model_, labels_, map_, f, &overlay_, deco);
  }

  PanelCallbacks cb;
  cb.select_alliance = [this](std::size_t i) { selected_alliance_ = i; };
  cb.zoom_to = [this](const geo::Envelope& e) { map_.camera.fit(e, 0.15); };

  // First-use layout for a 1920x1080 window: filters and list on the left,
  // inspector and territory on the right, legend and layers bottom-left.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float W = vp->Size.x, H = vp->Size.y;
  auto place = [](float x, float y, float w, float h) {
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_FirstUseEver);
  };
  place(8, 8, 300, H * 0.45f);
  draw_filters_panel(filters_, model_);
  place(8, H * 0.45f + 16, 300, H * 0.55f - 24);
  draw_alliances_panel(alliances_panel_, model_, visible_, selected_alliance_, cb);
  place(W - 388, 8, 380, H * 0.50f);
  draw_inspector_panel(model_, selected_alliance_, cb);
  place(W - 388, H * 0.50f + 16, 380, H * 0.22f);
  draw_territory_panel(model_, map_.selected, cb);
  place(W - 388, H * 0.72f + 24, 380, H * 0.28f - 32);
  draw_statistics_panel(stats_panel_, model_);
  place(316, H - 330, 270, 322);
  draw_legend_panel(model_, view_);
  place(316, 8, 230, 300);
  draw_layers_panel(view_);
#ifdef CARTES_HAVE_RINGS_PANEL
  place(W - 780, 8, 380, 300);
  try {
    RingsPanelHooks hooks;
    if (map_.clicked && map_.selected) hooks.clicked = map_.selected;
    hooks.add_to_core = io.KeyShift;
    hooks.export_png = [this](const std::filesystem::path& file) { export_png(file); };
    draw_rings_panel(rings_panel_, model_, overlay_, hooks);
  } catch (const std::exception& e) {
    report(e);
  }
#endif
  draw_status_panel(status_, model_);
  if (map_.hovered && map_.cursor_on_map && !ImGui::IsMouseDragging(ImGuiMouseButton_Left))
    draw_territory_tooltip(model_, *map_.hovered);
}

}  // namespace cartes::app
