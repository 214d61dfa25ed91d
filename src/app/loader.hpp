#pragma once
// Loading off the main thread (never block a frame): the base and its meshes
// first (the map appears), then the catalogue, perimeters, overlaps and the
// alliance meshes. The synchronous functions serve `cartes render` and tests;
// AsyncLoader runs them on a worker thread for the viewer.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/app_model.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"

namespace cartes::app {

struct LoadedBase {
  std::shared_ptr<const model::TerritoryBase> base;
  render::SceneData scene;  // base layers and label candidates
  // What alliance fills are made from (commune_fills()): kept by the viewer
  // to redraw the alliances after an edit.
  std::shared_ptr<const render::SceneData> communes;
  double seconds = 0;
};

// The origin and the communes' triangles at each level of detail (not their
// vertices): all render::add_alliances needs from the base scene.
render::SceneData commune_fills(const render::SceneData& base_scene);

struct LoadedAlliances {
  model::Vocabulary vocabulary;
  render::ThemePalette palette;
  std::vector<model::Alliance> alliances;
  std::vector<model::Perimeter> perimeters;
  std::vector<model::Overlap> overlaps;
  std::vector<std::string> warnings;
  render::SceneData scene;  // alliances, links and anchors only
  double seconds = 0;
};

LoadedBase load_base(const DataPaths& paths, Progress* progress = nullptr);
// Vocabulary, palette, catalogue (checked against the base: unknown members
// are warnings, shown in the error panel), perimeters, overlaps, meshes.
// `base_scene` gives the origin and the communes' triangles (alliance fills).
LoadedAlliances load_alliances(const DataPaths& paths, const model::TerritoryBase& base,
                               const render::SceneData& base_scene, Progress* progress = nullptr);
// Moves the loaded parts into the model.
void install(AppModel& model, LoadedBase&& b);
void install(AppModel& model, LoadedAlliances&& a);

class AsyncLoader {
 public:
  AsyncLoader() = default;
  AsyncLoader(const AsyncLoader&) = delete;
  ~AsyncLoader();  // cancels and joins

  void start(const DataPaths& paths);
  bool busy() const;
  const SharedProgress& progress() const { return progress_; }
  // Each returns its result once, when ready.
  std::optional<LoadedBase> take_base();
  std::optional<LoadedAlliances> take_alliances();
  std::optional<std::string> take_error();
  // The exit code of the last error taken (cartes view returns it).
  ExitCode last_error_code() const;

 private:
  void stop();
  SharedProgress progress_;
  std::thread worker_;
  mutable std::mutex mutex_;
  std::optional<LoadedBase> base_;
  std::optional<LoadedAlliances> alliances_;
  std::optional<std::string> error_;
  ExitCode error_code_ = ExitCode::ok;
  bool done_ = true;
};

}  // namespace cartes::app
