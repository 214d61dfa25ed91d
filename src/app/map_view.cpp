#include "app/map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/vector_reader.hpp"

namespace cartes::app {

namespace {
ImU32 col(const render::Color& c, float alpha = -1) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha < 0 ? c.a : alpha));
}

// Text with a light halo, readable over stripes.
void halo_text(ImDrawList* dl, ImVec2 p, ImU32 color, const char* text) {
  const ImU32 halo = IM_COL32(255, 255, 255, 200);
  for (int dx = -1; dx <= 1; ++dx)
    for (int dy = -1; dy <= 1; ++dy)
      if (dx || dy) dl->AddText(ImVec2(p.x + dx, p.y + dy), halo, text);
  dl->AddText(p, color, text);
}

// The trend card as a glyph: an arrow up-right (monte en puissance), right
// (stable) or down-right (s'essouffle).
void trend_arrow(ImDrawList* dl, ImVec2 at, float size, model::Trend trend, ImU32 color) {
  const float angle = render::trend_arrow_angle(trend);
  const ImVec2 d(std::cos(angle), std::sin(angle));
  const ImVec2 n(-d.y, d.x);
  const ImVec2 tail(at.x - d.x * size / 2, at.y - d.y * size / 2);
  const ImVec2 tip(at.x + d.x * size / 2, at.y + d.y * size / 2);
  dl->AddLine(tail, tip, IM_COL32(255, 255, 255, 220), 4.5f);
  dl->AddLine(tail, tip, color, 2.2f);
  const ImVec2 a(tip.x - d.x * size * 0.4f + n.x * size * 0.3f, tip.y - d.y * size * 0.4f + n.y * size * 0.3f);
  const ImVec2 b(tip.x - d.x * size * 0.4f - n.x * size * 0.3f, tip.y - d.y * size * 0.4f - n.y * size * 0.3f);
  dl->AddTriangleFilled(tip, a, b, color);
}
}  // namespace

std::array<double, 4> MapViewState::map_area() const {
  if (free_area[2] - free_area[0] < 100 || free_area[3] - free_area[1] < 100)
    return {0, 0, static_cast<double>(camera.width), static_cast<double>(camera.height)};
  return free_area;
}

MapLabels make_map_labels(const model::TerritoryBase& base, const render::SceneData& scene) {
  MapLabels l;
  l.names = scene.labels;
  for (auto level : model::all_levels) {
    auto& env = l.envelopes[static_cast<int>(level)];
    for (const auto& t : base.layer(level)) env.push_back(t.geometry.is_empty() ? geo::Envelope{} : t.geometry.envelope());
  }
  return l;
}

std::optional<render::Pick> pick_territory(const AppModel& m, const MapLabels& labels, geo::Point p,
                                           model::Level level) {
  if (!m.base_loaded) return std::nullopt;
  const auto& layer = m.base().layer(level);
  const auto& env = labels.envelopes[static_cast<int>(level)];
  for (std::size_t i = 0; i < layer.size() && i < env.size(); ++i) {
    const auto& e = env[i];
    if (e.empty || p.x < e.minx || p.x > e.maxx || p.y < e.miny || p.y > e.maxy) continue;
    if (layer[i].geometry.contains(p)) return render::Pick{level, i};
  }
  return std::nullopt;
}

void handle_map_input(MapViewState& s, const ImGuiIO& io, const AppModel& m, const MapLabels& labels,
                      bool communes_shown, const geo::Envelope& extent) {
  s.clicked = false;
  s.box.reset();
  auto& cam = s.camera;
  cam.width = std::max(1, static_cast<int>(io.DisplaySize.x));
  cam.height = std::max(1, static_cast<int>(io.DisplaySize.y));
  if (!s.fitted && !extent.empty) {
    cam.fit_in(extent, s.map_area());
    s.fitted = true;
  }
  s.cursor_on_map = !io.WantCaptureMouse && io.MousePos.x >= 0 && io.MousePos.y >= 0;
  if (!io.WantCaptureMouse) {
    const bool boxing = s.box_select && io.KeyShift;
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
      if (boxing) {
        const ImVec2 from = io.MouseClickedPos[0];
        s.box_drag = std::array<float, 4>{from.x, from.y, io.MousePos.x, io.MousePos.y};
      } else {
        cam.pan_pixels(io.MouseDelta.x, io.MouseDelta.y);
      }
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && s.box_drag) {
      const auto& d = *s.box_drag;
      const geo::Point a = cam.screen_to_world(d[0], d[1]), b = cam.screen_to_world(d[2], d[3]);
      geo::Envelope e;
      e.expand(a);
      e.expand(b);
      s.box = e;
      s.box_drag.reset();
    }
    if (io.MouseWheel != 0) cam.zoom_at(std::pow(1.2, io.MouseWheel), io.MousePos.x, io.MousePos.y);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 4.0f)
      s.clicked = true;
  }
  if (!io.WantCaptureKeyboard) {
    const double cx = cam.width / 2.0, cy = cam.height / 2.0;
    if (ImGui::IsKeyPressed(0x3D /*=*/, true) ||
        ImGui::IsKeyPressed(334 /*GLFW_KEY_KP_ADD*/, true))
      cam.zoom_at(1.25, cx, cy);
    if (ImGui::IsKeyPressed('-', true) || ImGui::IsKeyPressed(333 /*GLFW_KEY_KP_SUBTRACT*/, true))
      cam.zoom_at(0.8, cx, cy);
    if (ImGui::IsKeyPressed('F', false) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false))
      cam.fit_in(extent, s.map_area());
    const double step = 60;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), true)) cam.pan_pixels(step, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), true)) cam.pan_pixels(-step, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow), true)) cam.pan_pixels(0, step);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow), true)) cam.pan_pixels(0, -step);
  }
  if (s.cursor_on_map) {
    const geo::Point p = cam.screen_to_world(io.MousePos.x, io.MousePos.y);
    const bool moved = p.x != s.cursor.x || p.y != s.cursor.y;
    s.cursor = p;
    if (moved) {
      try {
        s.cursor_wgs84 = geo::transform_point(p, 2154, 4326);
      } catch (const Error&) {
        s.cursor_wgs84.reset();
      }
      s.hovered = pick_territory(m, labels, p, communes_shown ? model::Level::commune : model::Level::epci);
    }
    if (s.clicked) s.selected = s.hovered;
  } else {
    s.hovered.reset();
  }
}

void draw_map_decorations(ImDrawList* dl, const AppModel& m, const MapLabels& labels, const MapViewState& s,
                          const render::MapFrame& frame, const render::Overlay* overlay,
                          const DecorationOptions& o) {
  const auto& cam = frame.camera;
  const render::BaseColors& colors = frame.colors;
  std::vector<render::ScreenRect> reserved;
  const auto area = s.map_area();  // names stay off the panels

  // Alliance names first (they are what the map is about), with the trend.
  if (o.alliance_names && frame.mode == render::MapMode::themes && m.alliances_loaded) {
    // Name the highlighted alliance first, then the smaller ones (last in
    // the frame's order) before the large ones.
    std::vector<std::size_t> shown;
    shown.reserve(frame.alliances.size() + 1);
    if (frame.highlight) shown.push_back(*frame.highlight);
    for (auto it = frame.alliances.rbegin(); it != frame.alliances.rend(); ++it)
      if (!frame.highlight || it->index != *frame.highlight) shown.push_back(it->index);
    for (auto i : shown) {
      if (i >= labels.alliance_anchor.size() || i >= m.alliances.size() || !labels.alliance_anchor[i]) continue;
      const auto& a = m.alliances[i];
      const auto [sx, sy] = cam.world_to_screen(*labels.alliance_anchor[i]);
      const ImVec2 size = ImGui::CalcTextSize(a.name.c_str());
      const float arrow = 14;
      render::ScreenRect box{static_cast<float>(sx) - size.x / 2 - arrow, static_cast<float>(sy) - size.y / 2,
                             static_cast<float>(sx) + size.x / 2, static_cast<float>(sy) + size.y / 2};
      // A long name near the edge slides inside the map area rather than vanish.
      const float shift = std::max(0.f, static_cast<float>(area[0]) - box.x0) -
                          std::max(0.f, box.x1 - static_cast<float>(area[2]));
      box.x0 += shift;
      box.x1 += shift;
      if (box.x0 < area[0] || box.y0 < area[1] || box.x1 > area[2] || box.y1 > area[3]) continue;
      bool free = true;
      for (const auto& r : reserved)
        if (r.intersects(box)) free = false;
      if (!free) continue;
      reserved.push_back({box.x0 - 4, box.y0 - 4, box.x1 + 4, box.y1 + 4});
      const ImU32 c = col(m.alliance_color(i));
      trend_arrow(dl, ImVec2(box.x0 + arrow / 2, static_cast<float>(sy)), 12, a.tendance, c);
      halo_text(dl, ImVec2(box.x0 + arrow, box.y0), col(colors.label), a.name.c_str());
      if (reserved.size() >= 24) break;  // beyond that, names hide the map
    }
  }

  if (o.names) {
    auto placed = render::place_labels(
        labels.names, cam,
        [](std::string_view t) {
          const ImVec2 v = ImGui::CalcTextSize(t.data(), t.data() + t.size());
          return std::array<float, 2>{v.x * 0.85f, v.y * 0.85f};
        },
        reserved,
        [&] {
          render::LabelRules r;
          r.bounds = {static_cast<float>(area[0]), static_cast<float>(area[1]), static_cast<float>(area[2]),
                      static_cast<float>(area[3])};
          return r;
        }());
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize() * 0.85f;
    for (const auto& p : placed) {
      const auto& c = labels.names[p.candidate];
      const bool town = c.level == model::Level::commune;
      const ImU32 color = town ? IM_COL32(25, 25, 25, 255) : IM_COL32(90, 90, 90, 255);
      const char* t = c.text.c_str();
      for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
          if (dx || dy) dl->AddText(font, fs, ImVec2(p.box.x0 + dx, p.box.y0 + dy), IM_COL32(255, 255, 255, 190), t);
      dl->AddText(font, fs, ImVec2(p.box.x0, p.box.y0), color, t);
      if (town) dl->AddCircleFilled(ImVec2((p.box.x0 + p.box.x1) / 2, p.box.y1 + 2), 2.0f, color);
    }
  }

  if (overlay) {
    for (const auto& item : overlay->items) {
      if (item.label.empty()) continue;
      const auto [sx, sy] = cam.world_to_screen(item.label_at);
      halo_text(dl, ImVec2(static_cast<float>(sx), static_cast<float>(sy)), col(item.outline, 1), item.label.c_str());
    }
  }

  const float h = static_cast<float>(area[3]);
  if (o.scale_bar) {
    const float max_px = 160;
    const double metres = render::nice_scale_length(cam.mpp, max_px);
    const float px = static_cast<float>(metres / cam.mpp);
    const float x0 = static_cast<float>(area[0]) + 16;
    const ImVec2 a(x0, h - 28), b(x0 + px, h - 28);
    dl->AddRectFilled(ImVec2(a.x - 6, a.y - 22), ImVec2(b.x + 40, a.y + 10), IM_COL32(255, 255, 255, 200), 3);
    dl->AddLine(a, b, IM_COL32(20, 20, 20, 255), 3);
    dl->AddLine(ImVec2(a.x, a.y - 5), ImVec2(a.x, a.y + 4), IM_COL32(20, 20, 20, 255), 2);
    dl->AddLine(ImVec2(b.x, b.y - 5), ImVec2(b.x, b.y + 4), IM_COL32(20, 20, 20, 255), 2);
    char text[32];
    if (metres >= 1000) std::snprintf(text, sizeof text, "%g km", metres / 1000);
    else std::snprintf(text, sizeof text, "%g m", metres);
    dl->AddText(ImVec2(a.x, a.y - 20), IM_COL32(20, 20, 20, 255), text);
  }
  if (o.coordinates && s.cursor_on_map) {
    char text[160];
    if (s.cursor_wgs84)
      std::snprintf(text, sizeof text, "Lambert-93  X %.0f  Y %.0f   |   WGS84  %.5f° N  %.5f° %s", s.cursor.x,
                    s.cursor.y, s.cursor_wgs84->y, std::abs(s.cursor_wgs84->x), s.cursor_wgs84->x < 0 ? "O" : "E");
    else
      std::snprintf(text, sizeof text, "Lambert-93  X %.0f  Y %.0f", s.cursor.x, s.cursor.y);
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 p(static_cast<float>(area[2]) - size.x - 16, h - size.y - 12);
    dl->AddRectFilled(ImVec2(p.x - 6, p.y - 4), ImVec2(p.x + size.x + 6, p.y + size.y + 4), IM_COL32(255, 255, 255, 210), 3);
    dl->AddText(p, IM_COL32(20, 20, 20, 255), text);
  }
}

}  // namespace cartes::app
