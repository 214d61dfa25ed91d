#include "render/map_cache.hpp"

#include "render/gl.hpp"
#include "render/render_error.hpp"

namespace cartes::render {

MapCache::MapCache(const std::filesystem::path& shaders) : blit_(shaders, "blit") {
  glGenVertexArrays(1, &vao_);  // no attributes: blit.vert places the triangle
}

MapCache::~MapCache() {
  release();
  if (vao_) glDeleteVertexArrays(1, &vao_);
}

void MapCache::release() noexcept {
  fb_.reset();
  if (texture_fbo_) glDeleteFramebuffers(1, &texture_fbo_);
  if (texture_) glDeleteTextures(1, &texture_);
  texture_fbo_ = texture_ = 0;
  width_ = height_ = 0;
}

bool MapCache::begin(const std::vector<double>& key, int width, int height) {
  if (width <= 0 || height <= 0) return false;
  // As many samples as the framebuffer the map is shown in (the window's),
  // so the cached map is sampled as a direct draw there would be.
  GLint samples = 0;
  glGetIntegerv(GL_SAMPLES, &samples);
  if (width != width_ || height != height_ || samples != samples_) {
    release();
    fb_ = std::make_unique<Framebuffer>(width, height, samples);
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &texture_fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, texture_fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      throw GlError("map cache framebuffer " + std::to_string(width) + "x" + std::to_string(height) +
                    " is incomplete");
    width_ = width;
    height_ = height;
    samples_ = samples;
    key_.clear();
  }
  if (key == key_ && !key_.empty()) return false;
  key_ = key;
  fb_->bind();
  return true;
}

void MapCache::end() {
  fb_->resolve_to(texture_fbo_);
  ++redraws_;
}

void MapCache::present(GLname framebuffer) const {
  if (!texture_) return;
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glViewport(0, 0, width_, height_);
  glDisable(GL_BLEND);
  blit_.use();
  blit_.set("u_map", 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glEnable(GL_BLEND);
}

}  // namespace cartes::render
