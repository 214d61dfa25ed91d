#pragma once
// The viewer, one frame at a time, without knowing the window: the backend
// (backend_glfw.*) calls frame() between ImGui::NewFrame and ImGui::Render.
// Loading runs on a worker thread (AsyncLoader); errors end up in the status
// panel, never in a crash.
#include <chrono>
#include <memory>
#include <optional>

#include "app/app_model.hpp"
#include "app/editor.hpp"
#include "app/loader.hpp"
#include "app/map_view.hpp"
#include "app/panels.hpp"
#include "app/refresh_job.hpp"
#include "app/view_state.hpp"
#include "render/map_cache.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay.hpp"

#ifdef CARTES_HAVE_RINGS_PANEL  // set by src/app/CMakeLists.txt
#include "app/panel_rings.hpp"
#endif

struct ImGuiIO;

namespace cartes::app {

class Viewer {
 public:
  explicit Viewer(DataPaths paths);
  ~Viewer();

  // Selects an alliance by id once the catalogue is loaded (--select).
  void select_when_loaded(std::string id) { pending_select_ = std::move(id); }
  // Opens the edit mode (--edit; the inspector's "Modifier" does it too).
  void open_editor() { editor_panel_.open = true; }
  // Opens the Atelier screen (--atelier), with the edit mode it works in.
  void open_workshop() { editor_panel_.open = workshop_panel_.open = true; }
  // The window's title: the catalogue's name, and a mark while edits are unsaved.
  std::string title() const;
  // The window was asked to close: true when it may (nothing unsaved); else
  // the viewer asks, and quit_confirmed() turns true if the user agrees.
  bool request_close();
  bool quit_confirmed() const { return quit_confirmed_; }
  const Editor& editor() const { return editor_; }
  // How the backend's event loop is woken from another thread (a perimeter
  // refresh finished): the frame that shows it comes at once.
  void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }
  // Starts the worker thread; needs no GL context, so callers start it
  // before creating the window (0.6 s saved on the first map frame). Only
  // the first call counts.
  void start();
  // One frame: polls the loader, takes input, draws the map (GL, into the
  // bound framebuffer) and the panels (ImGui).
  void frame();

  bool loading() const { return status_.loading; }
  bool map_ready() const { return renderer_ && renderer_->has_scene(); }
  bool alliances_ready() const { return model_.alliances_loaded; }
  // Seconds from start() to the first frame that showed the map / alliances.
  std::optional<double> first_map_seconds() const { return first_map_; }
  std::optional<double> first_alliances_seconds() const { return first_alliances_; }
  const AppModel& model() const { return model_; }
  const std::vector<std::string>& errors() const { return status_.errors; }
  // The exit code of the first error (README's table), ok when none.
  ExitCode exit_code() const { return exit_code_; }
  std::size_t gpu_bytes() const { return renderer_ ? renderer_->gpu_bytes() : 0; }
  // How many times the map itself was drawn (not taken from the cache).
  std::uint64_t map_redraws() const { return map_cache_ ? map_cache_->redraws() : 0; }

 private:
  void poll_loader();
  // Edit mode: the editor attached once the catalogue is loaded, shortcuts,
  // picks on the map, perimeters refreshed off the main thread.
  void attach_editor();
  void edit_frame(const ImGuiIO& io);
  void install_refresh();
  void draw_edit_dialogs();
  void report(const std::exception& e);
  void add_error(std::string message, ExitCode code);
  // The map into the window: from the cache, redrawn only when it changes,
  // with the hovered outline over it.
  void draw_map(const render::MapFrame& frame);
  // The current view (map and overlay, no names) as a PNG.
  void export_png(const std::filesystem::path& file);

  AppModel model_;
  AsyncLoader loader_;
  std::unique_ptr<render::MapRenderer> renderer_;
  std::unique_ptr<render::MapCache> map_cache_;
  std::vector<double> last_map_key_;  // the map of the last frame (map_cache_ is filled when it stays)
  MapLabels labels_;
  geo::Envelope extent_;
  FilterState filters_;
  ViewOptions view_;
  MapViewState map_;
  AlliancesPanelState alliances_panel_;
  StatisticsPanelState stats_panel_;
  StatusPanelState status_;
  std::optional<std::size_t> selected_alliance_;
  std::string pending_select_;
  ExitCode exit_code_ = ExitCode::ok;
  render::Overlay overlay_;
#ifdef CARTES_HAVE_RINGS_PANEL
  RingsPanelState rings_panel_;
#endif
  std::vector<std::size_t> visible_;
  std::string density_key_;  // visible alliances the density colours were made for
  std::chrono::steady_clock::time_point started_;
  bool started_flag_ = false;
  std::optional<double> first_map_, first_alliances_;
  Editor editor_;
  EditorPanelState editor_panel_;
  WorkshopPanelState workshop_panel_;
  std::shared_ptr<const render::SceneData> communes_;  // alliance fills after an edit
  std::array<std::vector<std::optional<geo::Point>>, 5> centres_;  // per level: what a Shift+drag rectangle selects
  std::unique_ptr<RefreshJob> refresh_;
  std::uint64_t requested_revision_ = 0;
  bool quit_asked_ = false, quit_confirmed_ = false;
  std::function<void()> wake_;
  std::chrono::steady_clock::time_point last_poll_{};
};

}  // namespace cartes::app
