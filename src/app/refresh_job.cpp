#include "app/refresh_job.hpp"

#include "core/error.hpp"

namespace cartes::app {

namespace {
std::string members_key(const model::Alliance& a) {
  std::string key;
  for (const model::Member& m : a.members) key += std::string(model::level_name(m.level)) + ":" + m.code + ";";
  return key;
}

model::Perimeter copy_of(const model::Perimeter& p) {
  model::Perimeter out;
  out.alliance_id = p.alliance_id;
  out.communes = p.communes;
  out.epci = p.epci;
  out.missing = p.missing;
  out.geometry = p.geometry.clone();
  out.population_municipale = p.population_municipale;
  out.population_totale = p.population_totale;
  out.area_km2 = p.area_km2;
  out.parts = p.parts;
  out.polygons = p.polygons;
  out.dissolve_fell_back = p.dissolve_fell_back;
  return out;
}
}  // namespace

RefreshJob::RefreshJob(std::shared_ptr<const model::TerritoryBase> base, std::shared_ptr<const render::SceneData> communes,
                       const std::vector<model::Alliance>& alliances, const std::vector<model::Perimeter>& known)
    : base_(std::move(base)), communes_(std::move(communes)) {
  for (std::size_t i = 0; i < alliances.size() && i < known.size(); ++i)
    cache_.emplace(members_key(alliances[i]), copy_of(known[i]));
  worker_ = std::thread([this] { run(); });
}

RefreshJob::~RefreshJob() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void RefreshJob::request(std::uint64_t revision, std::vector<model::Alliance> alliances) {
  {
    std::lock_guard lock(mutex_);
    pending_.emplace(revision, std::move(alliances));
  }
  wake_.notify_all();
}

void RefreshJob::on_done(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_done_ = std::move(wake);
}

std::optional<RefreshResult> RefreshJob::take() {
  std::lock_guard lock(mutex_);
  auto out = std::move(done_);
  done_.reset();
  return out;
}

bool RefreshJob::busy() const {
  std::lock_guard lock(mutex_);
  return working_ || pending_.has_value();
}

std::string RefreshJob::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

RefreshResult RefreshJob::compute(std::uint64_t revision, std::vector<model::Alliance> alliances) {
  RefreshResult out;
  out.revision = revision;
  std::vector<model::Alliance> missing;
  for (const model::Alliance& a : alliances)
    if (!cache_.count(members_key(a))) missing.push_back(a);
  std::vector<model::Perimeter> fresh = model::compute_perimeters(*base_, missing);
  for (std::size_t i = 0; i < missing.size(); ++i) cache_.emplace(members_key(missing[i]), std::move(fresh[i]));
  for (const model::Alliance& a : alliances) {
    model::Perimeter p = copy_of(cache_.at(members_key(a)));
    p.alliance_id = a.id;
    out.perimeters.push_back(std::move(p));
  }
  // The cache keeps what the catalogue holds now, nothing else.
  std::map<std::string, model::Perimeter> kept;
  for (const model::Alliance& a : alliances)
    if (auto it = cache_.find(members_key(a)); it != cache_.end()) {
      kept.emplace(it->first, std::move(it->second));
      cache_.erase(it);
    }
  cache_ = std::move(kept);
  out.overlaps = model::compute_overlaps(*base_, out.perimeters);
  out.scene.origin = communes_->origin;
  render::add_alliances(out.scene, *communes_, out.perimeters);
  out.alliances = std::move(alliances);
  return out;
}

void RefreshJob::run() {
  for (;;) {
    std::pair<std::uint64_t, std::vector<model::Alliance>> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stop_ || pending_.has_value(); });
      if (stop_) return;
      job = std::move(*pending_);
      pending_.reset();
      working_ = true;
    }
    std::optional<RefreshResult> result;
    std::string error;
    try {
      result = compute(job.first, std::move(job.second));
    } catch (const std::exception& e) {
      error = e.what();
    }
    std::function<void()> wake;
    {
      std::lock_guard lock(mutex_);
      working_ = false;
      error_ = error;
      if (result) done_ = std::move(result);
      wake = wake_done_;
    }
    if (wake) wake();
  }
}

}  // namespace cartes::app
