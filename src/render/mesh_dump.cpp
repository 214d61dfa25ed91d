#include "render/mesh_dump.hpp"

#include <string>

#include "core/atomic_file.hpp"

namespace cartes::render {

namespace {
// Buffers the dump, written at the end through AtomicFile (checked, synced, renamed).
class Writer {
 public:
  void bytes(const void* data, std::size_t n) { out_.append(static_cast<const char*>(data), n); }
  template <class T>
  void pod(const T& v) { bytes(&v, sizeof v); }
  template <class T>
  void array(const std::vector<T>& v) { bytes(v.data(), v.size() * sizeof(T)); }
  void color(const Color& c) { pod(c.r), pod(c.g), pod(c.b), pod(c.a); }
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};
static_assert(sizeof(FillVertex) == 12 && sizeof(Segment) == 24 && sizeof(Range) == 8);
}  // namespace

void write_mesh_dump(const std::filesystem::path& file, const SceneData& scene, const MapFrame& frame) {
  {
    Writer w;
    w.bytes("CARTMSH1", 8);
    for (double d : {scene.origin.x, scene.origin.y, frame.camera.cx, frame.camera.cy, frame.camera.mpp}) w.pod(d);
    w.color(frame.colors.background);
    w.color(frame.colors.land);
    // The level of detail MapRenderer draws at this camera's scale.
    const std::size_t level = frame_level(frame, 1 + scene.coarse.size());
    std::vector<std::pair<std::uint32_t, const MeshGroup*>> groups;
    for (std::uint32_t i = 0; i < 5; ++i) groups.emplace_back(i, &layers_at(scene, level)[i]);
    groups.emplace_back(5, &alliances_at(scene, level));
    groups.emplace_back(6, &scene.links);
    w.pod(static_cast<std::uint32_t>(groups.size()));
    for (auto [kind, g] : groups) {
      w.pod(kind);
      for (std::size_t n : {g->vertices.size(), g->indices.size(), g->segments.size(), g->fill.size()})
        w.pod(static_cast<std::uint32_t>(n));
      w.array(g->vertices);
      w.array(g->indices);
      w.array(g->segments);
      w.array(g->fill);
      w.array(g->lines);
    }
    w.pod(static_cast<std::uint32_t>(frame.layers.size()));
    for (const auto& l : frame.layers) {
      w.pod(static_cast<std::uint32_t>(l.visible));
      w.color(l.outline);
      w.pod(l.width_px);
      w.pod(l.dash_px);
    }
    w.pod(static_cast<std::uint32_t>(frame.alliances.size()));
    for (const auto& a : frame.alliances) {
      w.pod(static_cast<std::uint32_t>(a.index));
      w.pod(static_cast<std::uint32_t>(a.dashed));
      w.pod(a.fill ? a.intensity.tint_alpha : 0.0f);  // 0: outline only
      w.pod(a.intensity.stripe_px);
      w.pod(a.intensity.outline_px);
      w.pod(a.offset_px);
      w.pod(static_cast<std::uint32_t>(a.stripes.size()));
      for (const auto& s : a.stripes) {
        w.color(s.color);
        w.pod(s.angle_deg);
      }
    }
    write_file_atomically(file, w.text());
  }
}

}  // namespace cartes::render
