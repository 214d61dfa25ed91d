#pragma once
// The only file touching GLFW: a window with an OpenGL 3.3 core context and
// Dear ImGui (GLFW + OpenGL3 backends, DejaVu Sans with the French glyphs),
// the main loop, screenshots, and offscreen frames for `cartes render`.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace cartes::app {

class Viewer;

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;  // top row first
  std::array<unsigned char, 4> at(int x, int y) const {
    const auto i = (static_cast<std::size_t>(y) * width + x) * 4;
    return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
  }
};

class GlfwBackend {
 public:
  struct Options {
    int width = 1600, height = 900;
    bool visible = true;
    std::string title = "Cartes — alliances des territoires";
  };
  // Throws render::DisplayError when no display or no OpenGL 3.3 context.
  explicit GlfwBackend(const Options& options);
  ~GlfwBackend();
  GlfwBackend(const GlfwBackend&) = delete;

  struct RunOptions {
    std::filesystem::path screenshot;  // when set: capture after `frames` frames, then return
    int frames = 0;                    // 0: run until the window closes
    bool wait_for_data = true;         // screenshot only once loading has finished
    bool exit_when_loaded = false;     // return after the first frame drawn with all the data (benchmark)
  };
  void run(Viewer& viewer, const RunOptions& options);

  // One offscreen frame of width x height: draw_gl() draws into a bound
  // multisampled framebuffer, then draw_ui() builds ImGui draw lists
  // (between NewFrame and Render) that are drawn over it.
  Image offscreen(int width, int height, const std::function<void()>& draw_gl, const std::function<void()>& draw_ui);

 private:
  GLFWwindow* window_ = nullptr;
  bool imgui_ = false;
};

}  // namespace cartes::app
