#pragma once
// The viewer's map, kept between window frames. Redrawing the whole map takes
// 2 ms on a GPU but 0.2 s with software OpenGL (Mesa's llvmpipe on a 2-core
// machine), and the panels redraw on every mouse move or key: with the map
// redrawn each time, typing in a search box would run at 5 frames a second.
// So the map is drawn into an offscreen multisampled framebuffer only when
// what it shows changes (MapRenderer::frame_key: camera, filters, styles,
// selection, data), resolved into a texture, and each window frame copies
// that texture (one triangle), then draws what follows the mouse (the
// hovered territory's outline) and the panels over it.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "render/gpu.hpp"

namespace cartes::render {

class MapCache {
 public:
  // Loads blit.{vert,frag} from `shaders`. Needs a current GL context.
  explicit MapCache(const std::filesystem::path& shaders);
  ~MapCache();
  MapCache(const MapCache&) = delete;

  // True when the cached map is not the one for `key` at this size: the
  // offscreen framebuffer is then bound, to draw the map into, and end()
  // must follow. False: nothing to draw, the cache is up to date. Call it
  // with the framebuffer the map will be shown in bound: the cache takes its
  // sample count.
  bool begin(const std::vector<double>& key, int width, int height);
  void end();
  // Draws the cached map into `framebuffer` (0: the window) of the cache's
  // size.
  void present(GLname framebuffer) const;
  // Whether the cached map is the one for `key` at this size.
  bool holds(const std::vector<double>& key, int width, int height) const {
    return !key_.empty() && key == key_ && width == width_ && height == height_;
  }
  // Forget the cached map (the next begin() returns true).
  void invalidate() { key_.clear(); }
  std::uint64_t redraws() const { return redraws_; }

 private:
  void release() noexcept;
  Program blit_;
  std::unique_ptr<Framebuffer> fb_;
  GLname texture_fbo_ = 0, texture_ = 0, vao_ = 0;
  int width_ = 0, height_ = 0, samples_ = -1;
  std::vector<double> key_;
  std::uint64_t redraws_ = 0;
};

}  // namespace cartes::render
