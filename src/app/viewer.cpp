#include "app/viewer.hpp"

#include <imgui.h>

#include <algorithm>
#include <utility>

#include "app/test_probe.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "render/gpu.hpp"

namespace cartes::app {

Viewer::Viewer(DataPaths paths) { model_.paths = std::move(paths); }
Viewer::~Viewer() = default;

void Viewer::start() {
  if (started_flag_) return;  // already started before the window (cmd_view)
  started_flag_ = true;
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

void Viewer::report(const std::exception& e) { add_error(e.what(), exit_code_of(e)); }

void Viewer::add_error(std::string message, ExitCode code) {
  if (exit_code_ == ExitCode::ok) exit_code_ = code;
  status_.errors.push_back(std::move(message));
}

void Viewer::draw_map(const render::MapFrame& f) {
  // While loading, straight into the window: the first use of the cache
  // (its framebuffer, resolve and copy) costs 0.3 s more with llvmpipe, and
  // the first frame should come within a second.
  if (status_.loading) {
    renderer_->draw(f);
    return;
  }
  if (!map_cache_) map_cache_ = std::make_unique<render::MapCache>(paths::shaders());
  render::MapFrame still = f;
  still.hovered.reset();
  const auto key = renderer_->frame_key(still);
  if (!map_cache_->holds(key, f.camera.width, f.camera.height)) {
    // A map that differs from the last frame's is moving (a drag, a zoom):
    // straight into the window, since filling the cache would cost its
    // resolve and copy on every frame (+20 % with llvmpipe). The cache is
    // filled once the same map comes twice.
    if (key != last_map_key_) {
      last_map_key_ = key;
      renderer_->draw(f);
      return;
    }
    map_cache_->begin(key, f.camera.width, f.camera.height);
    renderer_->draw(still);
    map_cache_->end();
  }
  map_cache_->present(0);  // the window
  renderer_->draw_hovered(f);
}

void Viewer::poll_loader() {
  try {
    if (!renderer_) {
      renderer_ = std::make_unique<render::MapRenderer>(paths::shaders());
      map_cache_.reset();
    }
    if (auto b = loader_.take_base()) {
      renderer_->set_scene(b->scene);
      communes_ = b->communes;
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
      attach_editor();
      if (!pending_select_.empty()) {
        for (std::size_t i = 0; i < model_.alliances.size(); ++i)
          if (model_.alliances[i].id == pending_select_) selected_alliance_ = i;
        if (!selected_alliance_) {
          std::vector<std::string> ids;
          for (const auto& al : model_.alliances) ids.push_back(al.id);
          add_error(UnknownIdError("alliance id", pending_select_, ids, "--select").what(), ExitCode::data);
        }
        if (selected_alliance_) editor_panel_.selected_id = model_.alliances[*selected_alliance_].id;
        pending_select_.clear();
      }
    }
    if (auto e = loader_.take_error()) add_error(*e, loader_.last_error_code());
  } catch (const std::exception& e) {
    report(e);
    renderer_.reset();
  }
  status_.loading = loader_.busy();
  status_.step = loader_.progress().step_name();
  status_.fraction = loader_.progress().fraction();
}

std::string Viewer::title() const {
  std::string t = "Cartes — alliances des territoires";
  if (editor_.attached()) t += " — " + (editor_.file().string().rfind("PG:", 0) == 0 ? std::string("base partagée")
                                                                                     : editor_.file().filename().string());
  else if (!model_.paths.catalogue.empty()) t += " — " + model_.paths.catalogue.filename().string();
  if (editor_.modified()) t = "• " + t + " (modifications non enregistrées)";
  return t;
}

bool Viewer::request_close() {
  if (!editor_.modified() || quit_confirmed_) return true;
  quit_asked_ = true;
  return false;
}

void Viewer::attach_editor() {
  if (model_.paths.catalogue.empty() || !communes_) return;
  try {
    editor_.attach(model_.paths.catalogue, model_.vocabulary, model_.base_ptr);
    refresh_ = std::make_unique<RefreshJob>(model_.base_ptr, communes_, model_.alliances, model_.perimeters);
    if (wake_) refresh_->on_done(wake_);
    // The loaded catalogue is shown already: only later revisions need a refresh.
    requested_revision_ = editor_.revision();
    if (editor_.restore_offer()) editor_panel_.open = true;
  } catch (const std::exception& e) {
    report(e);
  }
}

void Viewer::install_refresh() {
  if (!refresh_) return;
  auto r = refresh_->take();
  if (!r) return;
  // Keep the selection on the same alliance (ids are stable, indices shift).
  std::string selected = editor_panel_.selected_id;
  if (selected.empty() && selected_alliance_ && *selected_alliance_ < model_.alliances.size())
    selected = model_.alliances[*selected_alliance_].id;
  model_.alliances = std::move(r->alliances);
  model_.perimeters = std::move(r->perimeters);
  model_.overlaps = std::move(r->overlaps);
  if (renderer_) renderer_->set_alliances(r->scene);
  labels_.alliance_anchor = std::move(r->scene.alliance_anchor);
  density_key_.clear();
  selected_alliance_.reset();
  for (std::size_t i = 0; i < model_.alliances.size(); ++i)
    if (model_.alliances[i].id == selected) selected_alliance_ = i;
}

void Viewer::edit_frame(const ImGuiIO& io) {
  if (!editor_.attached()) return;
  if (requested_revision_ != editor_.revision() && refresh_) {
    requested_revision_ = editor_.revision();
    refresh_->request(requested_revision_, editor_.catalogue().alliances);
  }
  install_refresh();
  if (refresh_ && !refresh_->error().empty()) status_.step = "refresh: " + refresh_->error();
  // Other people's changes (a shared database, a git pull) come in by
  // themselves while nothing here is unsaved: the store is asked every 2 s.
  const auto now = std::chrono::steady_clock::now();
  if (!editor_.modified() && now - last_poll_ > std::chrono::seconds(2)) {
    last_poll_ = now;
    if (editor_.store_changed()) {
      try {
        editor_.reload();
      } catch (const std::exception& e) {
        report(e);
      }
    }
  }
  if (!editor_panel_.open) return;
  // Shortcuts, unless a text field has the keyboard.
  if (!io.WantTextInput && io.KeyCtrl) {
    if (ImGui::IsKeyPressed('Z', false)) {
      if (io.KeyShift) editor_.redo();
      else editor_.undo();
    }
    if (ImGui::IsKeyPressed('Y', false)) editor_.redo();
    if (ImGui::IsKeyPressed('S', false)) editor_panel_.save_requested = true;
    if (ImGui::IsKeyPressed('N', false)) new_alliance(editor_, editor_panel_);
  }
  // Picks on the map: a click toggles the territory of the chosen level under
  // the cursor; a Shift+drag adds those whose centre lies in the rectangle.
  const std::string& id = editor_panel_.selected_id;
  if (id.empty() || !editor_.catalogue().find(id) || !model_.base_loaded) return;
  const auto level = static_cast<model::Level>(editor_panel_.pick_level);
  if (map_.clicked && map_.cursor_on_map && !io.KeyShift) {
    if (auto commune = pick_territory(model_, labels_, map_.cursor, model::Level::commune))
      if (const model::Territory* t = territory_of_commune(model_.base(), commune->index, level))
        toggle_member(editor_, id, *t);
  }
  if (map_.box) {
    // Centres are interior points (inside the territory, unlike a centroid),
    // made once per level on first use.
    const auto& layer = model_.base().layer(level);
    auto& centres = centres_[static_cast<int>(level)];
    if (centres.size() != layer.size()) {
      centres.clear();
      for (const model::Territory& t : layer)
        centres.push_back(t.geometry.is_empty() ? std::nullopt : std::optional(t.geometry.interior_point()));
    }
    std::vector<const model::Territory*> inside;
    for (std::size_t i = 0; i < layer.size(); ++i) {
      const auto& c = centres[i];
      if (c && c->x >= map_.box->minx && c->x <= map_.box->maxx && c->y >= map_.box->miny && c->y <= map_.box->maxy)
        inside.push_back(&layer[i]);
    }
    add_members(editor_, id, inside);
  }
}

void Viewer::draw_edit_dialogs() {
  if (auto events = editor_.restore_offer()) {
    ImGui::OpenPopup("Restaurer");
    if (ImGui::BeginPopupModal("Restaurer", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::Text("La session précédente s'est arrêtée sans enregistrer %zu modification(s).", *events);
      const bool accept = ImGui::Button("Restaurer");
      probe_item("restore.accept");
      if (accept) {
        editor_.accept_restore();
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Abandonner")) {
        editor_.decline_restore();
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }
  }
  if (quit_asked_) {
    ImGui::OpenPopup("Quitter");
    quit_asked_ = false;
  }
  if (ImGui::BeginPopupModal("Quitter", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Des modifications ne sont pas enregistrées.");
    if (ImGui::Button("Enregistrer et quitter")) {
      if (editor_.save() == Editor::SaveResult::saved) quit_confirmed_ = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Quitter sans enregistrer")) {
      quit_confirmed_ = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Continuer")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void Viewer::frame() {
  poll_loader();
  ImGuiIO& io = ImGui::GetIO();
  map_.box_select = editor_panel_.open;
  const bool communes_shown = view_.layers[0] || (view_.communes_when_zoomed && map_.camera.mpp <= view_.communes_max_mpp);
  handle_map_input(map_, io, model_, labels_, communes_shown, extent_);
  edit_frame(io);

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
      draw_map(f);
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
    if (map_.box_drag) {
      const auto& d = *map_.box_drag;
      ImGui::GetBackgroundDrawList()->AddRect(ImVec2(std::min(d[0], d[2]), std::min(d[1], d[3])),
                                              ImVec2(std::max(d[0], d[2]), std::max(d[1], d[3])),
                                              IM_COL32(20, 60, 160, 255), 0, 0, 2);
    }
  }

  PanelCallbacks cb;
  cb.select_alliance = [this](std::size_t i) { selected_alliance_ = i; };
  cb.zoom_to = [this](const geo::Envelope& e) { map_.camera.fit_in(e, map_.map_area(), 0.15); };
  if (editor_.attached()) {
    cb.select_alliance = [this](std::size_t i) {
      selected_alliance_ = i;
      if (i < model_.alliances.size()) editor_panel_.selected_id = model_.alliances[i].id;
    };
    cb.edit_alliance = [this](std::size_t i) {
      selected_alliance_ = i;
      if (i < model_.alliances.size()) editor_panel_.selected_id = model_.alliances[i].id;
      editor_panel_.open = true;
    };
    cb.new_alliance = [this] {
      editor_panel_.open = true;
      new_alliance(editor_, editor_panel_);
    };
  }

  // First-use layout: filters and the list in a left column; inspector,
  // territory and statistics in a right column; legend and layers at the
  // bottom of the middle; the map fits the free middle area above them.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float W = vp->Size.x, H = vp->Size.y;
  const float left = std::min(340.f, W * 0.22f), right = std::min(390.f, W * 0.24f);
  const float bottom = std::min(300.f, H * 0.34f);
  map_.free_area = {left + 16.0, 0.0, W - right - 16.0, H - bottom - 8.0};
  auto place = [](float x, float y, float w, float h) {
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_FirstUseEver);
  };
  place(8, 8, left, H * 0.42f);
  draw_filters_panel(filters_, model_);
  place(8, H * 0.42f + 16, left, H * 0.58f - 24);
  draw_alliances_panel(alliances_panel_, model_, visible_, selected_alliance_, cb);
  place(W - right - 8, 8, right, H * 0.40f);
  draw_inspector_panel(model_, selected_alliance_, cb);
  place(W - right - 8, H * 0.40f + 16, right, H * 0.20f);
  draw_territory_panel(model_, map_.selected, cb);
  place(W - right - 8, H * 0.60f + 24, right, H * 0.40f - 32);
  draw_statistics_panel(stats_panel_, model_);
  const float middle = W - left - right - 32;
  place(left + 16, H - bottom, std::min(300.f, middle * 0.5f), bottom - 8);
  draw_legend_panel(model_, view_);
  place(W - right - 16 - std::min(250.f, middle * 0.4f), H - bottom, std::min(250.f, middle * 0.4f), bottom - 8);
  draw_layers_panel(view_);
#ifdef CARTES_HAVE_RINGS_PANEL
  // Collapsed at first: open, it would cover the north of the map.
  place(W - right - 16 - 380, 8, 380, 300);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
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
  const float legend_w = std::min(300.f, middle * 0.5f), layers_w = std::min(250.f, middle * 0.4f);
  place(left + 24 + legend_w, H - bottom, std::max(200.f, middle - legend_w - layers_w - 16), 0);
  draw_status_panel(status_, model_);
  // Edit mode: over the right column, which it replaces while open.
  place(W - right - 8 - 60, 8, right + 60, H - 16);
  const bool refreshing = refresh_ && (refresh_->busy() || requested_revision_ != editor_.revision());
  draw_editor_panel(editor_panel_, editor_, model_, refreshing);
  // Atelier: over the middle, left of Édition; needs the edit mode's picks.
  place(left + 16, 40, std::min(430.f, middle * 0.5f), H - bottom - 60);
  if (std::exchange(editor_panel_.workshop_open, false)) workshop_panel_.open = true;
  if (workshop_panel_.open) editor_panel_.open = true;
  draw_workshop_panel(workshop_panel_, editor_, editor_panel_, model_);
  draw_edit_dialogs();
  write_probe(model_, map_.camera, editor_, editor_panel_.selected_id, refreshing);
  if (map_.hovered && map_.cursor_on_map && !ImGui::IsMouseDragging(ImGuiMouseButton_Left))
    draw_territory_tooltip(model_, *map_.hovered);
}

}  // namespace cartes::app
