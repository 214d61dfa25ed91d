#include "app/backend_glfw.hpp"

#define GLFW_INCLUDE_NONE  // GL comes from render/gl.hpp
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cfloat>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "app/viewer.hpp"
#include "render/gl.hpp"
#include "render/gpu.hpp"
#include "render/render_error.hpp"

namespace cartes::app {

namespace {
std::string glfw_error;
void on_glfw_error(int, const char* text) { glfw_error = text; }

// DejaVu Sans (fonts-dejavu-core) with the glyphs French needs: Latin-1
// (é, à, ç, É), Latin Extended-A (œ, Œ), General Punctuation (’, —, …, the
// narrow no-break space) and Arrows (↗ → ↘ of the trend legend).
void load_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x2190, 0x21FF, 0};
  const char* path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (std::filesystem::exists(path)) io.Fonts->AddFontFromFileTTF(path, 16.0f, nullptr, ranges);
  else io.Fonts->AddFontDefault();  // no French ligatures: the status panel says why
}

void light_style() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 4;
  s.FrameRounding = 3;
  s.Colors[ImGuiCol_WindowBg].w = 0.94f;
}
}  // namespace

GlfwBackend::GlfwBackend(const Options& o) {
  glfwSetErrorCallback(on_glfw_error);
  const char* display = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  if ((!display || !*display) && (!wayland || !*wayland))
    throw render::DisplayError(
        "no display: the viewer needs an X or Wayland display (DISPLAY is not set). "
        "Run it in a desktop session, or headless with: xvfb-run -a -s \"-screen 0 1920x1080x24\" cartes view ...; "
        "`cartes render --out map.png` draws the map without a window");
  if (!glfwInit())
    throw render::DisplayError("cannot open the display \"" + std::string(display ? display : "") + "\": " + glfw_error);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 4);
  glfwWindowHint(GLFW_VISIBLE, o.visible ? GLFW_TRUE : GLFW_FALSE);
  window_ = glfwCreateWindow(o.width, o.height, o.title.c_str(), nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    throw render::DisplayError("cannot create an OpenGL 3.3 core window: " + glfw_error);
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(o.visible ? 1 : 0);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the first-use layout every time: predictable screenshots
  light_style();
  load_fonts();
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  imgui_ = true;
}

GlfwBackend::~GlfwBackend() {
  if (imgui_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

void GlfwBackend::run(Viewer& viewer, const RunOptions& o) {
  viewer.set_wake([] { glfwPostEmptyEvent(); });  // thread-safe in GLFW
  viewer.start();
  int frames = 0;
  int settled = 0;
  std::string title;
  for (;;) {
    if (glfwWindowShouldClose(window_)) {
      // Unsaved edits: the viewer asks first (its dialog), and says when to go.
      if (viewer.request_close()) break;
      glfwSetWindowShouldClose(window_, GLFW_FALSE);
    }
    if (viewer.quit_confirmed()) break;
    if (const std::string t = viewer.title(); t != title) {
      glfwSetWindowTitle(window_, t.c_str());
      title = t;
    }
    // While loading, wake up regularly for the progress bar; then wait for events.
    if (viewer.loading() || !o.screenshot.empty() || o.frames > 0) glfwPollEvents();
    else glfwWaitEventsTimeout(0.5);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, w, h);
    viewer.frame();
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const bool ready = !o.wait_for_data || (!viewer.loading());
    if (ready) ++settled;
    ++frames;
    if (!o.screenshot.empty() && ready && settled >= std::max(o.frames, 2)) {
      const auto px = render::read_window_pixels(w, h);
      render::write_png(o.screenshot, w, h, px);
      glfwSwapBuffers(window_);
      return;
    }
    glfwSwapBuffers(window_);
    if (o.screenshot.empty() && o.frames > 0 && frames >= o.frames) return;
    if (o.exit_when_loaded && !viewer.loading() && viewer.map_ready()) return;
    if (viewer.loading() && !o.screenshot.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

Image GlfwBackend::offscreen(int width, int height, const std::function<void()>& draw_gl,
                             const std::function<void()>& draw_ui) {
  render::Framebuffer fb(width, height);
  fb.bind();
  draw_gl();
  ImGuiIO& io = ImGui::GetIO();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // The frame is the image, not the (invisible) window.
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
  if (draw_ui) draw_ui();
  ImGui::Render();
  fb.bind();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  Image img{width, height, fb.read()};
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return img;
}

}  // namespace cartes::app
