// GPU-machine variant of tools/bench/render (issue 4): no GDAL, GEOS or GLFW.
// Loads the mesh dump written by `cartes render --dump-mesh FILE` (format in
// src/render/mesh_dump.hpp), creates an OpenGL 3.3 core context with EGL (the
// default display with a pbuffer-less context, else Mesa's surfaceless
// platform, else the first EGL device), compiles the project's shaders
// (shaders/), and draws the same frame as MapRenderer::draw (themes mode)
// N times at WxH into a 4x multisampled framebuffer, glFinish after each.
// Prints the median frame time. Links only libEGL and libGL.
//
//   render_bench_egl MESH SHADER_DIR [--frames 200] [--size 1920x1080] [--communes] [--samples 4] [--ppm out.ppm]
// --communes outlines every commune (the viewer shows them when zoomed in or
// on demand; the France benchmark draws them all).
#define GL_GLEXT_PROTOTYPES 1
#define EGL_EGLEXT_PROTOTYPES 1
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../../src/render/fill_table.hpp"

namespace {

struct Range { uint32_t first, count; };
struct Color { float r, g, b, a; };
struct Group {
  uint32_t kind = 0, nv = 0, ni = 0, ns = 0, nf = 0;
  std::vector<char> vertices, indices, segments;
  std::vector<Range> fill, lines;
  GLuint vao_fill = 0, vbo = 0, ebo = 0, vao_line = 0, vbo_seg = 0, tex_seg = 0;
};
struct LayerStyle { uint32_t visible; Color c; float width, dash; };
struct Stripe { Color c; float angle; };
struct AllianceStyle { uint32_t index, dashed; float tint, stripe, outline, offset; std::vector<Stripe> stripes; };

struct Dump {
  double ox, oy, cx, cy, mpp;
  Color background, land;
  std::vector<Group> groups;
  std::vector<LayerStyle> layers;
  std::vector<AllianceStyle> alliances;
};

class Reader {
 public:
  explicit Reader(const char* path) : in_(path, std::ios::binary) {
    if (!in_) throw std::runtime_error(std::string("cannot read ") + path);
  }
  template <class T> T pod() { T v; raw(&v, sizeof v); return v; }
  void raw(void* p, size_t n) { if (n && !in_.read(static_cast<char*>(p), static_cast<std::streamsize>(n))) throw std::runtime_error("truncated mesh dump"); }
  Color color() { Color c; raw(&c, sizeof c); return c; }
 private:
  std::ifstream in_;
};

Dump load(const char* path) {
  Reader r(path);
  char magic[8];
  r.raw(magic, 8);
  if (std::memcmp(magic, "CARTMSH1", 8) != 0) throw std::runtime_error("not a cartes mesh dump");
  Dump d;
  d.ox = r.pod<double>(), d.oy = r.pod<double>(), d.cx = r.pod<double>(), d.cy = r.pod<double>(), d.mpp = r.pod<double>();
  d.background = r.color(), d.land = r.color();
  d.groups.resize(r.pod<uint32_t>());
  for (auto& g : d.groups) {
    g.kind = r.pod<uint32_t>(), g.nv = r.pod<uint32_t>(), g.ni = r.pod<uint32_t>(), g.ns = r.pod<uint32_t>(), g.nf = r.pod<uint32_t>();
    g.vertices.resize(size_t(g.nv) * 12), g.indices.resize(size_t(g.ni) * 4), g.segments.resize(size_t(g.ns) * 24);
    r.raw(g.vertices.data(), g.vertices.size()), r.raw(g.indices.data(), g.indices.size()), r.raw(g.segments.data(), g.segments.size());
    g.fill.resize(g.nf), g.lines.resize(g.nf);
    r.raw(g.fill.data(), g.nf * sizeof(Range)), r.raw(g.lines.data(), g.nf * sizeof(Range));
  }
  d.layers.resize(r.pod<uint32_t>());
  for (auto& l : d.layers) l.visible = r.pod<uint32_t>(), l.c = r.color(), l.width = r.pod<float>(), l.dash = r.pod<float>();
  d.alliances.resize(r.pod<uint32_t>());
  for (auto& a : d.alliances) {
    a.index = r.pod<uint32_t>(), a.dashed = r.pod<uint32_t>(), a.tint = r.pod<float>(), a.stripe = r.pod<float>();
    a.outline = r.pod<float>(), a.offset = r.pod<float>();
    a.stripes.resize(r.pod<uint32_t>());
    for (auto& s : a.stripes) s.c = r.color(), s.angle = r.pod<float>();
  }
  return d;
}

std::string text(const std::string& p) {
  std::ifstream in(p);
  if (!in) throw std::runtime_error("cannot read " + p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// As render::Program: `defines` go after the #version line.
GLuint program(const std::string& dir, const std::string& name, const std::string& defines = "") {
  auto compile = [&](GLenum type, const std::string& file) {
    std::string src = text(file);
    src.insert(src.find('\n') + 1, defines);
    const char* s = src.c_str();
    GLuint sh = glCreateShader(type);
    glShaderSource(sh, 1, &s, nullptr);
    glCompileShader(sh);
    GLint ok = 0;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (!ok) { char log[2048]; glGetShaderInfoLog(sh, sizeof log, nullptr, log); throw std::runtime_error(file + ": " + log); }
    return sh;
  };
  GLuint p = glCreateProgram();
  glAttachShader(p, compile(GL_VERTEX_SHADER, dir + "/" + name + ".vert"));
  glAttachShader(p, compile(GL_FRAGMENT_SHADER, dir + "/" + name + ".frag"));
  glLinkProgram(p);
  GLint ok = 0;
  glGetProgramiv(p, GL_LINK_STATUS, &ok);
  if (!ok) throw std::runtime_error(name + " does not link");
  return p;
}

void upload(Group& g, const Group* shared) {
  glGenVertexArrays(1, &g.vao_fill);
  glBindVertexArray(g.vao_fill);
  if (g.nv == 0 && shared) {
    glBindBuffer(GL_ARRAY_BUFFER, shared->vbo);
  } else {
    glGenBuffers(1, &g.vbo);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(g.vertices.size()), g.vertices.data(), GL_STATIC_DRAW);
  }
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 12, nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 12, reinterpret_cast<void*>(8));
  glGenBuffers(1, &g.ebo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(g.indices.size()), g.indices.data(), GL_STATIC_DRAW);
  // Outlines as render::GpuGroup: segments in a buffer texture (RG32F),
  // six vertices per segment expanded by line.vert, no attributes.
  glGenVertexArrays(1, &g.vao_line);
  glGenBuffers(1, &g.vbo_seg);
  glBindBuffer(GL_TEXTURE_BUFFER, g.vbo_seg);
  glBufferData(GL_TEXTURE_BUFFER, GLsizeiptr(g.segments.size()), g.segments.data(), GL_STATIC_DRAW);
  glGenTextures(1, &g.tex_seg);
  glBindTexture(GL_TEXTURE_BUFFER, g.tex_seg);
  glTexBuffer(GL_TEXTURE_BUFFER, GL_RG32F, g.vbo_seg);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindVertexArray(0);
}

void draw_fill(const Group& g, Range r) {
  if (!r.count) return;
  glBindVertexArray(g.vao_fill);
  glDrawElements(GL_TRIANGLES, GLsizei(r.count), GL_UNSIGNED_INT, reinterpret_cast<void*>(uintptr_t(r.first) * 4));
}

void draw_lines(const Group& g, Range r) {
  if (r.first >= g.ns) return;
  r.count = std::min(r.count, g.ns - r.first);
  if (!r.count) return;
  glActiveTexture(GL_TEXTURE2);  // render::segment_texture_unit
  glBindTexture(GL_TEXTURE_BUFFER, g.tex_seg);
  glBindVertexArray(g.vao_line);
  glDrawArrays(GL_TRIANGLES, GLint(r.first * 6), GLsizei(r.count * 6));
  glActiveTexture(GL_TEXTURE0);
}

EGLDisplay open_display() {
  auto try_init = [](EGLDisplay d) { EGLint ma, mi; return d != EGL_NO_DISPLAY && eglInitialize(d, &ma, &mi) ? d : EGL_NO_DISPLAY; };
  auto get_platform = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  // Mesa without a display: the surfaceless platform (llvmpipe here).
  if (get_platform) {
    if (EGLDisplay d = try_init(get_platform(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr))) return d;
    // NVIDIA headless: the first EGL device.
    auto query = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    EGLDeviceEXT devs[8];
    EGLint n = 0;
    if (query && query(8, devs, &n) && n > 0)
      if (EGLDisplay d = try_init(get_platform(EGL_PLATFORM_DEVICE_EXT, devs[0], nullptr))) return d;
  }
  if (EGLDisplay d = try_init(eglGetDisplay(EGL_DEFAULT_DISPLAY))) return d;
  throw std::runtime_error("no EGL display (surfaceless, device or default)");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: render_bench_egl MESH SHADER_DIR [--frames N] [--size WxH] [--ppm FILE]\n");
    return 2;
  }
  int frames = 200, W = 1920, H = 1080;
  std::string ppm;
  bool communes = false;
  int samples = 4;  // as render::Framebuffer and the viewer's window
  for (int i = 3; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--frames" && i + 1 < argc) frames = std::atoi(argv[++i]);
    else if (a == "--size" && i + 1 < argc) std::sscanf(argv[++i], "%dx%d", &W, &H);
    else if (a == "--ppm" && i + 1 < argc) ppm = argv[++i];
    else if (a == "--communes") communes = true;
    else if (a == "--samples" && i + 1 < argc) samples = std::atoi(argv[++i]);
  }
  try {
    Dump d = load(argv[1]);
    if (communes && !d.layers.empty()) d.layers[0].visible = 1;
    EGLDisplay dpy = open_display();
    eglBindAPI(EGL_OPENGL_API);
    // We draw into our own framebuffer object: any config (pbuffer-capable,
    // since the default asks for windows), else no config at all.
    const EGLint cfg_attr[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig cfg = nullptr;
    EGLint n = 0;
    if (!eglChooseConfig(dpy, cfg_attr, &cfg, 1, &n) || n < 1) cfg = nullptr;  // EGL_NO_CONFIG_KHR
    const EGLint ctx_attr[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
                               EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext ctx = eglCreateContext(dpy, cfg, EGL_NO_CONTEXT, ctx_attr);
    if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
      throw std::runtime_error("cannot create a surfaceless OpenGL 3.3 core context");
    std::printf("renderer=%s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));

    const std::string dir = argv[2];
    // MapRenderer's programs: fill.frag per FILL_MODE (flat, hatching), line.
    GLuint fill = program(dir, "fill", "#define FILL_MODE 0\n"), hatch = program(dir, "fill", "#define FILL_MODE 3\n");
    GLuint line = program(dir, "line");
    const Group* communes = nullptr;
    for (auto& g : d.groups) {
      upload(g, communes);
      if (g.kind == 0) communes = &g;
    }
    auto group = [&](uint32_t kind) -> const Group& {
      for (const auto& g : d.groups) if (g.kind == kind) return g;
      throw std::runtime_error("missing group");
    };
    // The framebuffer of MapRenderer's offscreen path: RGBA8, 4x MSAA.
    GLuint fbo, rb;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, W, H);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) throw std::runtime_error("FBO incomplete");

    // Camera::matrix of the dump's camera, at this size.
    const double sx = 2.0 / (W * d.mpp), sy = 2.0 / (H * d.mpp);
    const float view[9] = {float(sx), 0, 0, 0, float(sy), 0, float(-(d.cx - d.ox) * sx), float(-(d.cy - d.oy) * sy), 1};
    auto u = [](GLuint p, const char* n) { return glGetUniformLocation(p, n); };
    auto set_color = [&](GLuint p, const char* n, Color c) { glUniform4f(u(p, n), c.r, c.g, c.b, c.a); };
    const Group& alliances = group(5);
    const Group& links = group(6);
    const Group& commune_group = group(0);
    // MapRenderer's fill table (src/render/fill_table.hpp): each alliance's
    // communes are the features of the communes' vertices its indices pick.
    cartes::render::FillTableBuilder builder(commune_group.nf);
    for (const auto& a : d.alliances) {
      if (a.index >= alliances.nf || a.stripes.empty() || a.tint <= 0) continue;
      const Range r = alliances.fill[a.index];
      std::vector<uint32_t> members;
      for (uint32_t i = r.first; i < r.first + r.count; ++i) {
        uint32_t v, feature;
        std::memcpy(&v, &alliances.indices[size_t(i) * 4], 4);
        std::memcpy(&feature, &commune_group.vertices[size_t(v) * 12 + 8], 4);
        members.push_back(feature);
      }
      std::sort(members.begin(), members.end());
      members.erase(std::unique(members.begin(), members.end()), members.end());
      std::vector<cartes::render::FillTableBuilder::Stripe> stripes;
      for (const auto& s : a.stripes) stripes.push_back({{s.c.r, s.c.g, s.c.b, s.c.a}, s.angle});
      const Color c = a.stripes[0].c;
      builder.add(members, {c.r, c.g, c.b, a.tint}, a.stripe, stripes);
    }
    const cartes::render::FillTable table = builder.finish();
    std::vector<GLsizei> covered_counts;
    std::vector<const void*> covered_offsets;
    for (uint32_t c = 0; c < commune_group.nf; ++c)
      if (builder.covered(c) && commune_group.fill[c].count) {
        covered_counts.push_back(GLsizei(commune_group.fill[c].count));
        covered_offsets.push_back(reinterpret_cast<const void*>(uintptr_t(commune_group.fill[c].first) * 4));
      }
    GLuint table_tex;
    glGenTextures(1, &table_tex);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, table_tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32UI, 1024, table.rows, 0, GL_RGBA_INTEGER, GL_UNSIGNED_INT, table.words.data());
    glActiveTexture(GL_TEXTURE0);
    auto outline = [&](const Group& g, Range r, Color c, float w, float off, float dash) {
      set_color(line, "u_color", c);
      glUniform1f(u(line, "u_width"), w);
      glUniform1f(u(line, "u_offset"), off);
      glUniform1f(u(line, "u_dash"), dash);
      draw_lines(g, r);
    };
    auto frame = [&] {
      glViewport(0, 0, W, H);
      glEnable(GL_BLEND);
      glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
      glClearColor(d.background.r, d.background.g, d.background.b, 1);
      glClear(GL_COLOR_BUFFER_BIT);
      glUseProgram(fill);
      glUniformMatrix3fv(u(fill, "u_view"), 1, GL_FALSE, view);
      set_color(fill, "u_color", d.land);
      const Group& land = group(4).ni ? group(4) : group(3);
      glDisable(GL_BLEND);  // opaque land
      draw_fill(land, {0, land.ni});
      glEnable(GL_BLEND);
      if (!covered_counts.empty()) {  // every alliance's tints and stripes, one pass
        glUseProgram(hatch);
        glUniformMatrix3fv(u(hatch, "u_view"), 1, GL_FALSE, view);
        glUniform1i(u(hatch, "u_fill_table"), 1);
        glUniform1i(u(hatch, "u_slots"), table.slots);
        glUniform1i(u(hatch, "u_max_entries"), table.max_entries);
        glUniform1f(u(hatch, "u_hatch_period"), 11.0f);
        glUniform4fv(u(hatch, "u_theme_color"), GLsizei(table.theme_color.size() / 4), table.theme_color.data());
        glUniform2fv(u(hatch, "u_theme_normal"), GLsizei(table.theme_normal.size() / 2), table.theme_normal.data());
        glUniform1fv(u(hatch, "u_widths"), GLsizei(table.widths.size()), table.widths.data());
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, table_tex);
        glActiveTexture(GL_TEXTURE0);
        glBindVertexArray(commune_group.vao_fill);
        glMultiDrawElements(GL_TRIANGLES, covered_counts.data(), GL_UNSIGNED_INT, covered_offsets.data(),
                            GLsizei(covered_counts.size()));
      }
      glUseProgram(line);
      glUniformMatrix3fv(u(line, "u_view"), 1, GL_FALSE, view);
      glUniform2f(u(line, "u_viewport"), float(W), float(H));
      glUniform1f(u(line, "u_px_per_unit"), float(1.0 / d.mpp));
      glUniform1i(u(line, "u_segments"), 2);
      for (uint32_t l = 0; l < d.layers.size(); ++l)
        if (d.layers[l].visible) outline(group(l), {0, 0xffffffffu}, d.layers[l].c, d.layers[l].width, 0, d.layers[l].dash);
      for (const auto& a : d.alliances) {
        if (a.index >= alliances.nf || a.stripes.empty()) continue;
        outline(alliances, alliances.lines[a.index], a.stripes[0].c, a.outline, a.offset, a.dashed ? 7.f : 0.f);
        if (a.index < links.nf) outline(links, links.lines[a.index], a.stripes[0].c, 1.6f, 0, 4);
      }
    };
    using clk = std::chrono::steady_clock;
    std::vector<double> ms;
    for (int f = 0; f < frames + 3; ++f) {
      const auto t0 = clk::now();
      frame();
      glFinish();
      if (f >= 3) ms.push_back(std::chrono::duration<double, std::milli>(clk::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    size_t tris = 0, segs = 0;
    for (const auto& g : d.groups) segs += g.ns;
    for (const auto& g : d.groups) tris += g.ni / 3;
    std::printf("frames=%d size=%dx%d triangles=%zu segments=%zu alliances=%zu communes_outlined=%d\n", frames, W, H, tris,
                segs, d.alliances.size(), d.layers.empty() ? 0 : int(d.layers[0].visible));
    std::printf("frame_median_ms=%.3f frame_p90_ms=%.3f\n", ms[ms.size() / 2], ms[ms.size() * 9 / 10]);
    if (!ppm.empty()) {
      GLuint rfbo, rrb;
      glGenFramebuffers(1, &rfbo);
      glBindFramebuffer(GL_FRAMEBUFFER, rfbo);
      glGenRenderbuffers(1, &rrb);
      glBindRenderbuffer(GL_RENDERBUFFER, rrb);
      glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, W, H);
      glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rrb);
      glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
      glBindFramebuffer(GL_DRAW_FRAMEBUFFER, rfbo);
      glBlitFramebuffer(0, 0, W, H, 0, 0, W, H, GL_COLOR_BUFFER_BIT, GL_NEAREST);
      glBindFramebuffer(GL_READ_FRAMEBUFFER, rfbo);
      std::vector<unsigned char> px(size_t(W) * H * 4);
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
      std::FILE* f = std::fopen(ppm.c_str(), "wb");
      if (!f) throw std::runtime_error("cannot write " + ppm);
      std::fprintf(f, "P6\n%d %d\n255\n", W, H);
      for (int y = H - 1; y >= 0; --y)
        for (int x = 0; x < W; ++x) std::fwrite(&px[(size_t(y) * W + x) * 4], 1, 3, f);
      std::fclose(f);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "render_bench_egl: %s\n", e.what());
    return 1;
  }
  return 0;
}
