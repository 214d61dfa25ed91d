#pragma once
// Draws one frame of the map into the bound framebuffer (window or offscreen
// FBO): the same code for the viewer, `cartes render` and the benchmark.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "render/camera.hpp"
#include "render/fill_table.hpp"
#include "render/gpu.hpp"
#include "render/overlay.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace cartes::render {

enum class MapMode { themes, density };

// Stripes of one theme of an alliance.
struct Stripe {
  Color color;
  float angle_deg = 45;
};

struct AllianceStyle {
  std::size_t index = 0;        // perimeter index in the scene
  std::vector<Stripe> stripes;  // one per theme (first theme first)
  IntensityStyle intensity{};
  bool dashed = false;          // imaginée
  bool fill = true;             // false: outline only (alliances covering most of the map)
  float offset_px = 0;          // outline moved towards the interior
};

struct LayerStyle {
  bool visible = true;
  Color outline;
  float width_px = 1;
  float dash_px = 0;
};

struct Pick {
  model::Level level = model::Level::commune;
  std::size_t index = 0;
};

struct MapFrame {
  Camera camera;
  MapMode mode = MapMode::themes;
  BaseColors colors;
  std::array<LayerStyle, 5> layers;     // by model::Level
  std::vector<AllianceStyle> alliances; // drawn in this order
  bool show_links = true;
  bool full_detail = false;  // level 0 whatever the scale (scene.hpp's levels of detail)
  std::optional<std::size_t> highlight; // perimeter index
  std::optional<Pick> hovered, selected;
  const Overlay* overlay = nullptr;
};

// The level of detail `frame` is drawn at in a scene of `levels` levels
// (scene.hpp's detail_level; 0 when the frame asks for full detail).
std::size_t frame_level(const MapFrame& frame, std::size_t levels);

// The default look of the base layers (widths, colours, visibility).
std::array<LayerStyle, 5> default_layer_styles(const BaseColors& colors);

class MapRenderer {
 public:
  // Loads fill.{vert,frag} and line.{vert,frag} from `shaders`.
  explicit MapRenderer(const std::filesystem::path& shaders);

  // Uploads the base layers (and alliances, if any) to the GPU.
  void set_scene(const SceneData& scene);
  void set_alliances(const SceneData& scene);
  bool has_scene() const { return has_scene_; }
  // Cooperation density: one count per commune (0: not covered).
  void set_density(const std::vector<int>& counts_per_commune);

  void draw(const MapFrame& frame);
  // Only the hovered territory's outline (over a cached map: map_cache.hpp).
  void draw_hovered(const MapFrame& frame);
  // Everything draw() depends on but the hovered territory: the scene and
  // density uploaded, the camera, modes, styles, filters and selection. Two
  // frames with equal keys draw the same map.
  std::vector<double> frame_key(const MapFrame& frame) const;
  std::size_t gpu_bytes() const;
  // The level of detail the last frame drew (scene.hpp's detail_level).
  std::size_t last_level() const { return last_level_; }

 private:
  void draw_outline(const GpuGroup& g, Range r, Color c, float width, float offset, float dash);
  void draw_overlay(const Overlay& o, const Camera& cam);
  void use_line_program(const Camera& cam);  // its view, viewport and segment texture
  void draw_pick(const Pick& pick, bool selected);
  // Rebuilds the fill table when the alliances' styles, order or filters
  // differ from the last frame's.
  void update_fill_table(const MapFrame& f);

  // One level of detail on the GPU (scene.hpp); [0] is the full detail.
  struct GpuLevel {
    std::array<GpuGroup, 5> layers;
    GpuGroup alliances;          // shares layers[commune]'s vertices
    std::vector<Range> covered;  // the covered communes' triangles, merged runs
  };

  // fill.frag's three passes (FILL_MODE): flat colour, density, hatching.
  Program fill_flat_, fill_density_, fill_hatch_, line_;
  std::vector<GpuLevel> levels_;
  std::size_t last_level_ = 0;
  GpuGroup links_;
  FeatureColors density_;
  // Themes mode: every alliance's tint and stripes per commune (fill_table.hpp).
  std::vector<std::vector<std::uint32_t>> alliance_communes_;
  UintTexture fill_texture_;
  FillTable fill_table_;
  std::vector<float> fill_key_;  // the styles fill_table_ was built for
  bool fill_stale_ = true;
  geo::Point origin_;
  bool has_scene_ = false;
  std::uint64_t content_version_ = 0;  // bumped by set_scene, set_alliances, set_density
  GpuGroup overlay_;
  std::uint64_t overlay_version_ = ~0ull;
  std::vector<OverlayItem> overlay_items_;
};

}  // namespace cartes::render
