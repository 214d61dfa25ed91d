#pragma once
// GPU resources (RAII over GL names): shader programs loaded from
// paths::shaders(), mesh groups in vertex buffers, offscreen framebuffers.
// Everything here needs a current OpenGL 3.3 core context.
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/mesh.hpp"
#include "render/style.hpp"

namespace cartes::render {

using GLname = unsigned int;

class Program {
 public:
  Program() = default;
  // Compiles <dir>/<name>.vert and <dir>/<name>.frag, with `defines`
  // ("#define X 1\n" lines) inserted after each #version line; GlError names
  // the file and carries the compiler's log, InputError when a file is missing.
  Program(const std::filesystem::path& dir, const std::string& name, const std::string& defines = {});
  Program(Program&&) noexcept;
  Program& operator=(Program&&) noexcept;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;
  ~Program();

  void use() const;
  int uniform(const char* name) const;
  void set(const char* name, int v) const;
  void set(const char* name, float v) const;
  void set(const char* name, float x, float y) const;
  void set(const char* name, const Color& c) const;
  void set_mat3(const char* name, const float* m) const;

 private:
  GLname id_ = 0;
  mutable std::unordered_map<std::string, int> locations_;
};

// The texture unit line.vert reads the outline segments from (u_segments).
inline constexpr int segment_texture_unit = 2;

// One MeshGroup in GPU buffers: a VAO for fills (indexed triangles), and the
// outline segments in a buffer texture that line.vert expands into quads.
class GpuGroup {
 public:
  GpuGroup() = default;
  GpuGroup(GpuGroup&&) noexcept;
  GpuGroup& operator=(GpuGroup&&) noexcept;
  GpuGroup(const GpuGroup&) = delete;
  GpuGroup& operator=(const GpuGroup&) = delete;
  ~GpuGroup();

  // Keeps the ranges, not the arrays. A mesh without vertices whose indices
  // point into another group's vertices (the alliances into the communes)
  // names that group as `shared_vertices`; it must outlive this one.
  void upload(const MeshGroup& mesh, const GpuGroup* shared_vertices = nullptr);
  void draw_fill(Range indices) const;
  void draw_fill_all() const { draw_fill({0, index_count_}); }
  void draw_fills(const std::vector<Range>& ranges) const;  // one glMultiDrawElements
  void draw_lines(Range segments) const;
  void draw_lines_all() const { draw_lines({0, segment_count_}); }
  const std::vector<Range>& fill_ranges() const { return fill_; }
  const std::vector<Range>& line_ranges() const { return lines_; }
  std::size_t gpu_bytes() const { return bytes_; }

 private:
  void release() noexcept;
  GLname vao_fill_ = 0, vbo_ = 0, ebo_ = 0, vao_line_ = 0, vbo_seg_ = 0, tex_seg_ = 0;
  std::uint32_t index_count_ = 0, segment_count_ = 0;
  std::vector<Range> fill_, lines_;
  std::size_t bytes_ = 0;
};

// A table of one RGBA colour per feature (1024 per row), sampled by fill.frag
// in mode 1.
class FeatureColors {
 public:
  FeatureColors() = default;
  FeatureColors(const FeatureColors&) = delete;
  FeatureColors& operator=(const FeatureColors&) = delete;
  ~FeatureColors();
  void upload(const std::vector<std::array<unsigned char, 4>>& colors);
  void bind(int unit) const;
  bool empty() const { return tex_ == 0; }

 private:
  GLname tex_ = 0;
};

// An RGBA32UI texture, 1024 texels per row (`words`: 4 per texel, whole
// rows), sampled by fill.frag in mode 3 (the table of fill_table.hpp).
class UintTexture {
 public:
  UintTexture() = default;
  UintTexture(const UintTexture&) = delete;
  UintTexture& operator=(const UintTexture&) = delete;
  ~UintTexture();
  void upload(const std::vector<std::uint32_t>& words, int rows);
  void bind(int unit) const;

 private:
  GLname tex_ = 0;
};

// An offscreen RGBA8 framebuffer, 4x multisampled by default, resolved on read.
class Framebuffer {
 public:
  Framebuffer(int width, int height, int samples = 4);
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;
  ~Framebuffer();
  void bind() const;  // draw into it
  // Resolves and reads the pixels, top row first, RGBA.
  std::vector<unsigned char> read() const;
  // Resolves into another framebuffer of the same size (then bound).
  void resolve_to(GLname framebuffer) const;
  int width() const { return w_; }
  int height() const { return h_; }
  GLname id() const { return fbo_; }

 private:
  int w_, h_;
  GLname fbo_ = 0, color_ = 0, resolve_fbo_ = 0, resolve_color_ = 0;
};

// The largest offscreen image this OpenGL context can draw (renderbuffer and
// viewport limits), for checking a requested size before drawing.
struct ImageLimits {
  int max_width = 0, max_height = 0;
};
ImageLimits offscreen_limits();

// Reads the default framebuffer (the window), top row first, RGBA.
std::vector<unsigned char> read_window_pixels(int width, int height);

// Writes an RGBA image (top row first) as PNG, atomically (temporary file
// then rename). OutputError names the path when it cannot be written.
void write_png(const std::filesystem::path& path, int width, int height, const std::vector<unsigned char>& rgba);

}  // namespace cartes::render
