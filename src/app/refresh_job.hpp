#pragma once
// After an edit: the catalogue's perimeters, overlaps and alliance meshes
// again, on a worker thread, so that no frame waits. A perimeter depends on
// the members only, so the perimeters of alliances whose members did not
// change are taken from the worker's cache: an edit recomputes one alliance
// (tools/bench/edit_refresh_bench.cpp: 22 ms for an EPCI added to 15).
#include <condition_variable>
#include <functional>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "model/alliance.hpp"
#include "model/perimeter.hpp"
#include "model/territory.hpp"
#include "render/scene.hpp"

namespace cartes::app {

struct RefreshResult {
  std::uint64_t revision = 0;  // the Editor revision it was made for
  std::vector<model::Alliance> alliances;
  std::vector<model::Perimeter> perimeters;
  std::vector<model::Overlap> overlaps;
  render::SceneData scene;  // alliances, links and anchors only
};

class RefreshJob {
 public:
  // `communes`: commune_fills() of the base scene. `known`: perimeters
  // already computed (the loaded catalogue's), cloned into the cache.
  RefreshJob(std::shared_ptr<const model::TerritoryBase> base, std::shared_ptr<const render::SceneData> communes,
             const std::vector<model::Alliance>& alliances, const std::vector<model::Perimeter>& known);
  ~RefreshJob();  // joins
  RefreshJob(const RefreshJob&) = delete;
  RefreshJob& operator=(const RefreshJob&) = delete;

  // The catalogue as it is at `revision`; replaces a request not started yet.
  void request(std::uint64_t revision, std::vector<model::Alliance> alliances);
  // Called on the worker thread when a result is ready (the viewer wakes its
  // event loop, which otherwise sleeps until the next input).
  void on_done(std::function<void()> wake);
  // The newest finished result, once.
  std::optional<RefreshResult> take();
  bool busy() const;
  // The error of the last refresh ("" when none).
  std::string error() const;

 private:
  void run();
  RefreshResult compute(std::uint64_t revision, std::vector<model::Alliance> alliances);

  std::shared_ptr<const model::TerritoryBase> base_;
  std::shared_ptr<const render::SceneData> communes_;
  std::map<std::string, model::Perimeter> cache_;  // by members (worker thread only)
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<std::pair<std::uint64_t, std::vector<model::Alliance>>> pending_;
  std::optional<RefreshResult> done_;
  std::string error_;
  std::function<void()> wake_done_;
  bool working_ = false, stop_ = false;
  std::thread worker_;
};

}  // namespace cartes::app
