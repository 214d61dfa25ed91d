#include "render/gpu.hpp"

#include <stb/stb_image_write.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <string>
#include <sstream>
#include <system_error>

#include "core/atomic_file.hpp"
#include "render/gl.hpp"
#include "render/render_error.hpp"

namespace cartes::render {

namespace {

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw InputError("cannot read the shader " + p.string() + " (set CARTES_SHADERS to the shaders folder)");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

GLuint compile(GLenum type, const std::filesystem::path& file, const std::string& defines) {
  std::string src = read_text(file);
  if (!defines.empty()) {
    const auto eol = src.find('\n');  // after "#version ...": defines may not precede it
    src.insert(eol == std::string::npos ? src.size() : eol + 1, defines);
  }
  GLuint s = glCreateShader(type);
  const char* text = src.c_str();
  glShaderSource(s, 1, &text, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[4096];
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    glDeleteShader(s);
    throw GlError("shader " + file.string() + " does not compile: " + log);
  }
  return s;
}

}  // namespace

Program::Program(const std::filesystem::path& dir, const std::string& name, const std::string& defines) {
  GLuint vs = compile(GL_VERTEX_SHADER, dir / (name + ".vert"), defines);
  GLuint fs = 0;
  try {
    fs = compile(GL_FRAGMENT_SHADER, dir / (name + ".frag"), defines);
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  id_ = glCreateProgram();
  glAttachShader(id_, vs);
  glAttachShader(id_, fs);
  glLinkProgram(id_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[4096];
    glGetProgramInfoLog(id_, sizeof log, nullptr, log);
    glDeleteProgram(id_);
    id_ = 0;
    throw GlError("shaders " + (dir / name).string() + ".{vert,frag} do not link: " + log);
  }
}

Program::Program(Program&& o) noexcept : id_(o.id_), locations_(std::move(o.locations_)) { o.id_ = 0; }
Program& Program::operator=(Program&& o) noexcept {
  if (this != &o) {
    if (id_) glDeleteProgram(id_);
    id_ = o.id_;
    locations_ = std::move(o.locations_);
    o.id_ = 0;
  }
  return *this;
}
Program::~Program() {
  if (id_) glDeleteProgram(id_);
}

void Program::use() const { glUseProgram(id_); }
int Program::uniform(const char* name) const {
  auto it = locations_.find(name);
  if (it != locations_.end()) return it->second;
  const int loc = glGetUniformLocation(id_, name);
  locations_.emplace(name, loc);
  return loc;
}
void Program::set(const char* n, int v) const { glUniform1i(uniform(n), v); }
void Program::set(const char* n, float v) const { glUniform1f(uniform(n), v); }
void Program::set(const char* n, float x, float y) const { glUniform2f(uniform(n), x, y); }
void Program::set(const char* n, const Color& c) const { glUniform4f(uniform(n), c.r, c.g, c.b, c.a); }
void Program::set_mat3(const char* n, const float* m) const { glUniformMatrix3fv(uniform(n), 1, GL_FALSE, m); }

GpuGroup::GpuGroup(GpuGroup&& o) noexcept { *this = std::move(o); }
GpuGroup& GpuGroup::operator=(GpuGroup&& o) noexcept {
  if (this != &o) {
    release();
    vao_fill_ = o.vao_fill_, vbo_ = o.vbo_, ebo_ = o.ebo_, vao_line_ = o.vao_line_, vbo_seg_ = o.vbo_seg_;
    tex_seg_ = o.tex_seg_;
    index_count_ = o.index_count_, segment_count_ = o.segment_count_;
    fill_ = std::move(o.fill_), lines_ = std::move(o.lines_), bytes_ = o.bytes_;
    o.vao_fill_ = o.vbo_ = o.ebo_ = o.vao_line_ = o.vbo_seg_ = o.tex_seg_ = 0;
  }
  return *this;
}
GpuGroup::~GpuGroup() { release(); }

void GpuGroup::release() noexcept {
  if (vao_fill_) glDeleteVertexArrays(1, &vao_fill_);
  if (vao_line_) glDeleteVertexArrays(1, &vao_line_);
  GLuint buffers[3] = {vbo_, ebo_, vbo_seg_};
  glDeleteBuffers(3, buffers);
  if (tex_seg_) glDeleteTextures(1, &tex_seg_);
  vao_fill_ = vbo_ = ebo_ = vao_line_ = vbo_seg_ = tex_seg_ = 0;
}

void GpuGroup::upload(const MeshGroup& m, const GpuGroup* shared) {
  release();
  fill_ = m.fill;
  lines_ = m.lines;
  index_count_ = static_cast<std::uint32_t>(m.indices.size());
  segment_count_ = static_cast<std::uint32_t>(m.segments.size());
  bytes_ = m.vertices.size() * sizeof(FillVertex) + m.indices.size() * 4 + m.segments.size() * sizeof(Segment);

  glGenVertexArrays(1, &vao_fill_);
  glBindVertexArray(vao_fill_);
  if (shared && m.vertices.empty()) {
    glBindBuffer(GL_ARRAY_BUFFER, shared->vbo_);  // not owned: vbo_ stays 0
  } else {
    glGenBuffers(1, &vbo_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.vertices.size() * sizeof(FillVertex)),
                 m.vertices.data(), GL_STATIC_DRAW);
  }
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(FillVertex),
                         reinterpret_cast<void*>(offsetof(FillVertex, feature)));
  glGenBuffers(1, &ebo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.indices.size() * 4), m.indices.data(),
               GL_STATIC_DRAW);

  // Outlines: the segments in a buffer texture (3 RG32F texels each: x0 y0,
  // x1 y1, dist0 feature), expanded by line.vert into two triangles per
  // segment from gl_VertexID. Not instancing: Mesa's llvmpipe runs its whole
  // vertex pipeline once per instance, which made 0.1 M one-quad instances
  // cost more than the rest of the frame.
  glGenVertexArrays(1, &vao_line_);  // no attributes, but core profile draws need one
  const std::size_t texels = m.segments.size() * 3;
  GLint max_texels = 0;
  glGetIntegerv(GL_MAX_TEXTURE_BUFFER_SIZE, &max_texels);
  if (texels > static_cast<std::size_t>(max_texels))
    throw GlError("this OpenGL driver's buffer textures hold " + std::to_string(max_texels) + " texels; " +
                  std::to_string(m.segments.size()) + " outline segments need " + std::to_string(texels));
  glGenBuffers(1, &vbo_seg_);
  glBindBuffer(GL_TEXTURE_BUFFER, vbo_seg_);
  glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(m.segments.size() * sizeof(Segment)), m.segments.data(),
               GL_STATIC_DRAW);
  glGenTextures(1, &tex_seg_);
  glBindTexture(GL_TEXTURE_BUFFER, tex_seg_);
  glTexBuffer(GL_TEXTURE_BUFFER, GL_RG32F, vbo_seg_);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  glBindVertexArray(0);
}

void GpuGroup::draw_fill(Range r) const {
  if (!r.count || !vao_fill_) return;
  glBindVertexArray(vao_fill_);
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(r.count), GL_UNSIGNED_INT,
                 reinterpret_cast<void*>(static_cast<std::uintptr_t>(r.first) * 4));
}

void GpuGroup::draw_fills(const std::vector<Range>& ranges) const {
  if (ranges.empty() || !vao_fill_) return;
  std::vector<GLsizei> counts;
  std::vector<const void*> offsets;
  for (const auto& r : ranges) {
    counts.push_back(static_cast<GLsizei>(r.count));
    offsets.push_back(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(r.first) * 4));
  }
  glBindVertexArray(vao_fill_);
  glMultiDrawElements(GL_TRIANGLES, counts.data(), GL_UNSIGNED_INT, offsets.data(),
                      static_cast<GLsizei>(ranges.size()));
}

void GpuGroup::draw_lines(Range r) const {
  if (r.first >= segment_count_ || !vao_line_) return;
  r.count = std::min(r.count, segment_count_ - r.first);
  if (!r.count) return;
  glActiveTexture(GL_TEXTURE0 + segment_texture_unit);
  glBindTexture(GL_TEXTURE_BUFFER, tex_seg_);
  glBindVertexArray(vao_line_);
  glDrawArrays(GL_TRIANGLES, static_cast<GLint>(r.first * 6), static_cast<GLsizei>(r.count * 6));
  glActiveTexture(GL_TEXTURE0);
}

FeatureColors::~FeatureColors() {
  if (tex_) glDeleteTextures(1, &tex_);
}

void FeatureColors::upload(const std::vector<std::array<unsigned char, 4>>& colors) {
  if (!tex_) glGenTextures(1, &tex_);
  const int width = 1024;
  const int rows = std::max<int>(1, static_cast<int>((colors.size() + width - 1) / width));
  std::vector<std::array<unsigned char, 4>> padded(static_cast<std::size_t>(width * rows), {0, 0, 0, 0});
  std::copy(colors.begin(), colors.end(), padded.begin());
  glBindTexture(GL_TEXTURE_2D, tex_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, rows, 0, GL_RGBA, GL_UNSIGNED_BYTE, padded.data());
}

void FeatureColors::bind(int unit) const {
  glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + unit));
  glBindTexture(GL_TEXTURE_2D, tex_);
}

UintTexture::~UintTexture() {
  if (tex_) glDeleteTextures(1, &tex_);
}

void UintTexture::upload(const std::vector<std::uint32_t>& words, int rows) {
  if (!tex_) glGenTextures(1, &tex_);
  glBindTexture(GL_TEXTURE_2D, tex_);
  // Integer textures are incomplete with any filter but NEAREST.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32UI, 1024, rows, 0, GL_RGBA_INTEGER, GL_UNSIGNED_INT, words.data());
}

void UintTexture::bind(int unit) const {
  glActiveTexture(static_cast<GLenum>(GL_TEXTURE0 + unit));
  glBindTexture(GL_TEXTURE_2D, tex_);
}

Framebuffer::Framebuffer(int w, int h, int samples) : w_(w), h_(h) {
  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glGenRenderbuffers(1, &color_);
  glBindRenderbuffer(GL_RENDERBUFFER, color_);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
  // No depth or stencil buffer: the map is drawn in order, ImGui clips with
  // the scissor test.
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw GlError("offscreen framebuffer " + std::to_string(w) + "x" + std::to_string(h) + " is incomplete");
  glGenFramebuffers(1, &resolve_fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo_);
  glGenRenderbuffers(1, &resolve_color_);
  glBindRenderbuffer(GL_RENDERBUFFER, resolve_color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolve_color_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw GlError("offscreen resolve framebuffer is incomplete");
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
}

Framebuffer::~Framebuffer() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  GLuint fbos[2] = {fbo_, resolve_fbo_};
  glDeleteFramebuffers(2, fbos);
  GLuint rbs[2] = {color_, resolve_color_};
  glDeleteRenderbuffers(2, rbs);
}

void Framebuffer::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, w_, h_);
}

namespace {
std::vector<unsigned char> read_bound(int w, int h) {
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  // GL's first row is the bottom one.
  const std::size_t stride = static_cast<std::size_t>(w) * 4;
  std::vector<unsigned char> row(stride);
  for (int y = 0; y < h / 2; ++y) {
    auto* a = px.data() + y * stride;
    auto* b = px.data() + (h - 1 - y) * stride;
    std::copy(a, a + stride, row.data());
    std::copy(b, b + stride, a);
    std::copy(row.data(), row.data() + stride, b);
  }
  return px;
}
}  // namespace

std::vector<unsigned char> Framebuffer::read() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
  glBlitFramebuffer(0, 0, w_, h_, 0, 0, w_, h_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_);
  auto px = read_bound(w_, h_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  return px;
}

void Framebuffer::resolve_to(GLname framebuffer) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
  glBlitFramebuffer(0, 0, w_, h_, 0, 0, w_, h_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
}

ImageLimits offscreen_limits() {
  GLint renderbuffer = 0, viewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
  return {std::min(renderbuffer, viewport[0]), std::min(renderbuffer, viewport[1])};
}

std::vector<unsigned char> read_window_pixels(int w, int h) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  return read_bound(w, h);
}

void write_png(const std::filesystem::path& path, int w, int h, const std::vector<unsigned char>& rgba) {
  // Opaque output: the window's alpha channel means nothing to a viewer.
  std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * h * 3);
  for (std::size_t i = 0, n = static_cast<std::size_t>(w) * h; i < n; ++i)
    for (int c = 0; c < 3; ++c) rgb[i * 3 + c] = rgba[i * 4 + c];
  // Encoded in memory, then written through AtomicFile: a full disk leaves the previous image whole.
  std::string bytes;
  const auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &bytes, w, h, 3, rgb.data(), w * 3))
    throw OutputError("cannot encode the image " + path.string());
  write_file_atomically(path, bytes);
}

}  // namespace cartes::render
