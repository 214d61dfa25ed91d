#include "app/loader.hpp"

#include <chrono>
#include <filesystem>

#include "model/catalogue_store.hpp"
#include "model/territory_io.hpp"

namespace cartes::app {

namespace {
double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

LoadedBase load_base(const DataPaths& paths, Progress* progress) {
  const auto t0 = std::chrono::steady_clock::now();
  LoadedBase out;
  if (progress) progress->step("reading the territory base");
  auto base = std::make_shared<model::TerritoryBase>(model::load_territory_base(paths.base, progress));
  out.scene = render::build_base_scene(*base, progress);
  out.communes = std::make_shared<const render::SceneData>(commune_fills(out.scene));
  out.base = std::move(base);
  out.seconds = since(t0);
  return out;
}

LoadedAlliances load_alliances(const DataPaths& paths, const model::TerritoryBase& base,
                               const render::SceneData& base_scene, Progress* progress) {
  const auto t0 = std::chrono::steady_clock::now();
  LoadedAlliances out;
  out.vocabulary = model::Vocabulary::load(paths.vocabulary);
  if (std::filesystem::exists(paths.palette)) {
    out.palette = render::ThemePalette::load(paths.palette);
  } else {
    // Without the palette file every theme is drawn grey: say so.
    out.warnings.push_back("theme palette " + paths.palette.string() + " not found: themes drawn in grey");
  }
  if (paths.catalogue.empty()) return out;
  if (progress) progress->step("reading the alliance catalogue");
  // Through its store: a file, or a shared database ("PG:…").
  auto catalogue = model::open_catalogue_store(paths.catalogue.string())->load(out.vocabulary).catalogue;
  const auto check = model::check_against_base(catalogue, base);
  for (const auto& e : check.errors) out.warnings.push_back(e.str());
  for (const auto& e : check.out_of_scope) out.warnings.push_back(e.str());
  out.alliances = std::move(catalogue.alliances);
  if (progress) progress->step("computing perimeters");
  out.perimeters = model::compute_perimeters(base, out.alliances, progress);
  if (progress) progress->step("computing overlaps");
  out.overlaps = model::compute_overlaps(base, out.perimeters);
  out.scene.origin = base_scene.origin;
  render::add_alliances(out.scene, base_scene, out.perimeters, progress);
  out.seconds = since(t0);
  return out;
}

render::SceneData commune_fills(const render::SceneData& scene) {
  render::SceneData communes;
  communes.origin = scene.origin;
  communes.coarse.resize(scene.coarse.size());
  for (std::size_t k = 0; k <= scene.coarse.size(); ++k) {
    constexpr int c = static_cast<int>(model::Level::commune);
    auto& to = k == 0 ? communes.layers[c] : communes.coarse[k - 1].layers[c];
    const auto& from = render::layers_at(scene, k)[c];
    to.indices = from.indices;
    to.fill = from.fill;
    if (k > 0) communes.coarse[k - 1].tolerance_m = scene.coarse[k - 1].tolerance_m;
  }
  return communes;
}

void install(AppModel& m, LoadedBase&& b) {
  m.base_ptr = std::move(b.base);
  m.base_loaded = true;
}

void install(AppModel& m, LoadedAlliances&& a) {
  m.vocabulary = std::move(a.vocabulary);
  m.palette = std::move(a.palette);
  m.alliances = std::move(a.alliances);
  m.perimeters = std::move(a.perimeters);
  m.overlaps = std::move(a.overlaps);
  m.warnings.insert(m.warnings.end(), a.warnings.begin(), a.warnings.end());
  m.alliances_loaded = true;
}

AsyncLoader::~AsyncLoader() { stop(); }

void AsyncLoader::stop() {
  if (worker_.joinable()) {
    progress_.cancel();
    worker_.join();
  }
}

void AsyncLoader::start(const DataPaths& paths) {
  stop();
  {
    std::lock_guard lock(mutex_);
    base_.reset();
    alliances_.reset();
    error_.reset();
    done_ = false;
  }
  worker_ = std::thread([this, paths] {
    try {
      auto b = load_base(paths, &progress_);
      auto base = b.base;
      auto communes = b.communes;  // the worker keeps what the alliance fills need
      {
        std::lock_guard lock(mutex_);
        base_ = std::move(b);
      }
      auto a = load_alliances(paths, *base, *communes, &progress_);
      std::lock_guard lock(mutex_);
      alliances_ = std::move(a);
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex_);
      if (!progress_.cancelled()) {
        error_ = e.what();
        error_code_ = exit_code_of(e);
      }
    }
    std::lock_guard lock(mutex_);
    done_ = true;
  });
}

bool AsyncLoader::busy() const {
  std::lock_guard lock(mutex_);
  return !done_;
}

std::optional<LoadedBase> AsyncLoader::take_base() {
  std::lock_guard lock(mutex_);
  auto out = std::move(base_);
  base_.reset();
  return out;
}

std::optional<LoadedAlliances> AsyncLoader::take_alliances() {
  std::lock_guard lock(mutex_);
  auto out = std::move(alliances_);
  alliances_.reset();
  return out;
}

ExitCode AsyncLoader::last_error_code() const {
  std::lock_guard lock(mutex_);
  return error_code_;
}

std::optional<std::string> AsyncLoader::take_error() {
  std::lock_guard lock(mutex_);
  auto out = std::move(error_);
  error_.reset();
  return out;
}

}  // namespace cartes::app
