// Map rendering benchmark (issue 4): median frame time of the viewer's map
// drawing (MapRenderer::draw into a 1920x1080 4x-multisampled framebuffer,
// glFinish per frame) over N frames, time to the viewer's first frame with the
// map and with the alliances, peak memory. tools/bench/render.sh runs it
// beside QGIS rendering the same base (render_qgis.py) and prints ratios.
//
//   render_bench --base FILE [--catalogue FILE|--no-catalogue] [--frames 200]
//                [--size 1920x1080] [--communes] [--first-frame]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/backend_glfw.hpp"
#include "app/loader.hpp"
#include "app/render_job.hpp"
#include "render/map_cache.hpp"
#include "app/viewer.hpp"
#include "core/paths.hpp"
#include "render/gl.hpp"
#include "render/gpu.hpp"
#include "render/map_renderer.hpp"

using namespace cartes;
using clk = std::chrono::steady_clock;

static double secs(clk::time_point a, clk::time_point b) { return std::chrono::duration<double>(b - a).count(); }

int main(int argc, char** argv) {
  const auto t_start = clk::now();
  app::DataPaths paths = app::DataPaths::defaults();
  int frames = 200, width = 1920, height = 1080;
  bool communes = false, first_frame = false, no_alliances = false;
  int samples = 4;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--base") paths.base = next();
    else if (a == "--catalogue") paths.catalogue = next();
    else if (a == "--no-catalogue") paths.catalogue.clear();
    else if (a == "--frames") frames = std::stoi(next());
    else if (a == "--size") std::sscanf(next().c_str(), "%dx%d", &width, &height);
    else if (a == "--communes") communes = true;
    else if (a == "--first-frame") first_frame = true;
    else if (a == "--samples") samples = std::stoi(next());
    else if (a == "--no-alliances") no_alliances = true;
    else {
      std::fprintf(stderr, "render_bench: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  try {
    if (first_frame) {
      // The viewer itself, from process start: window, worker thread, first
      // frames. Reported separately from the steady-state frame time.
      // As cmd_view: the loader starts, then the window opens.
      app::Viewer viewer(paths);
      viewer.start();
      const auto t_loader = clk::now();
      app::GlfwBackend backend({width, height, true, "render_bench"});
      const auto t_window = clk::now();
      backend.run(viewer, {{}, 0, true, true});
      std::printf("window_s=%.3f\n", secs(t_start, t_window));
      std::printf("first_map_frame_s=%.3f\n", secs(t_start, t_loader) + viewer.first_map_seconds().value_or(-1));
      std::printf("first_alliances_frame_s=%.3f\n",
                  secs(t_start, t_loader) + viewer.first_alliances_seconds().value_or(-1));
      if (!viewer.errors().empty()) std::printf("errors=%s\n", viewer.errors().front().c_str());
    } else {
      app::AppModel model;
      const auto t0 = clk::now();
      auto b = app::load_base(paths);
      render::SceneData scene = std::move(b.scene);
      app::install(model, std::move(b));
      const auto t1 = clk::now();
      auto a = app::load_alliances(paths, model.base(), scene);
      app::merge_alliances(scene, std::move(a.scene));
      app::install(model, std::move(a));
      const auto t2 = clk::now();
      // What is drawn: every base layer's fill and outline buffers (drawn or
      // not, an upper bound), at the full detail and at the level of detail
      // the frame below uses.
      auto sizes = [&](std::size_t level) {
        std::size_t verts = 0, tris = 0, segs = 0;
        for (const auto& l : render::layers_at(scene, level))
          verts += l.vertices.size(), tris += l.indices.size() / 3, segs += l.segments.size();
        tris += render::alliances_at(scene, level).indices.size() / 3;
        segs += render::alliances_at(scene, level).segments.size() + scene.links.segments.size();
        std::printf("level=%zu tolerance_m=%g vertices=%zu triangles=%zu segments=%zu\n", level,
                    level ? scene.coarse[level - 1].tolerance_m : 0.0, verts, tris, segs);
      };
      std::printf("communes=%zu alliances=%zu\n", model.base().layer(model::Level::commune).size(),
                  model.alliances.size());
      sizes(0);
      std::printf("load_base_and_triangulate_s=%.3f load_alliances_s=%.3f\n", secs(t0, t1), secs(t1, t2));

      app::GlfwBackend backend({64, 64, false, "render_bench"});
      render::MapRenderer renderer(paths::shaders());
      renderer.set_scene(scene);
      app::RenderSettings settings;
      settings.width = width;
      settings.height = height;
      app::ViewOptions view;
      if (communes) view.layers[0] = true;
      auto visible = app::visible_alliances(model, {});
      if (no_alliances) visible.clear();
      const auto frame = app::make_frame(model, visible, view, app::camera_for(settings, scene.extent));
      sizes(render::frame_level(frame, 1 + scene.coarse.size()));
      render::Framebuffer fb(width, height, samples);
      fb.bind();
      std::vector<double> ms;
      for (int f = 0; f < frames + 3; ++f) {
        const auto a0 = clk::now();
        renderer.draw(frame);
        glFinish();
        if (f >= 3) ms.push_back(secs(a0, clk::now()) * 1000);  // 3 warm-up frames
      }
      std::sort(ms.begin(), ms.end());
      std::printf("samples=%d frames=%d size=%dx%d drawn_alliances=%zu communes_drawn=%d\n", samples, frames, width, height,
                  frame.alliances.size(), frame.layers[0].visible ? 1 : 0);
      std::printf("level_drawn=%zu\n", renderer.last_level());
      std::printf("frame_median_ms=%.3f frame_p90_ms=%.3f\n", ms[ms.size() / 2], ms[ms.size() * 9 / 10]);
      // The viewer's frames in which the map did not change (panels, hover):
      // the cached map copied into the window (render/map_cache.hpp). Not
      // the figure compared with QGIS: that one is the redraw above.
      render::MapCache cache(paths::shaders());
      if (cache.begin(renderer.frame_key(frame), width, height)) {
        renderer.draw(frame);
        cache.end();
      }
      std::vector<double> cached;
      for (int f = 0; f < frames + 3; ++f) {
        const auto a0 = clk::now();
        cache.present(fb.id());
        glFinish();
        if (f >= 3) cached.push_back(secs(a0, clk::now()) * 1000);
      }
      std::sort(cached.begin(), cached.end());
      std::printf("cached_frame_median_ms=%.3f\n", cached[cached.size() / 2]);
      std::printf("gpu_buffers_mb=%.1f\n", renderer.gpu_bytes() / 1048576.0);
      std::printf("renderer=%s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("peak_rss_mb=%.1f\n", ru.ru_maxrss / 1024.0);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "render_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
