// Legend: theme colours with their hatch direction, what intensity, status
// and trend look like, or the density classes.
#include <imgui.h>

#include <cmath>

#include "app/panels.hpp"

namespace cartes::app {

namespace {
ImU32 u32(const render::Color& c, float a) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, a)); }

// A swatch drawn like the map: tint, stripes at the theme's angle, outline.
void hatch_swatch(const render::Color& c, float angle_deg, float stripe, float tint, bool dashed) {
  const float w = 34, h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), u32(c, tint));
  dl->PushClipRect(p, ImVec2(p.x + w, p.y + h), true);
  const float a = angle_deg * 3.14159265f / 180.f;
  // Screen y is down in ImGui, up in GL: mirror the angle.
  const ImVec2 d(std::cos(a), -std::sin(a));
  const ImVec2 n(-d.y, d.x);
  for (float k = -60; k <= 60; k += render::hatch_period_px) {
    const ImVec2 o(p.x + w / 2 + n.x * k, p.y + h / 2 + n.y * k);
    dl->AddLine(ImVec2(o.x - d.x * 60, o.y - d.y * 60), ImVec2(o.x + d.x * 60, o.y + d.y * 60), u32(c, 1), stripe);
  }
  dl->PopClipRect();
  if (dashed) {
    for (float x = 0; x < w; x += 2 * render::imaginee_dash_px)
      dl->AddLine(ImVec2(p.x + x, p.y), ImVec2(p.x + std::min(w, x + render::imaginee_dash_px), p.y), u32(c, 1), 2);
  } else {
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), u32(c, 1), 0, 0, 2);
  }
  ImGui::Dummy(ImVec2(w, h));
  ImGui::SameLine();
}
}  // namespace

std::vector<LegendEntry> legend_entries(const AppModel& m) {
  std::vector<LegendEntry> out;
  const auto mid = render::intensity_style(model::Intensity::moyenne);
  for (const auto& t : m.palette.themes())
    out.push_back({"themes", t.id, m.label("themes", t.id), t.color, t.hatch_angle, mid, false, true});
  const render::Color grey = render::Color::hex("#555555");
  for (auto i : model::all_values<model::Intensity>()) {
    auto st = render::intensity_style(i);
    st.tint_alpha *= 2;  // on grey the map's tint is too faint to tell apart
    out.push_back({"intensite", std::string(model::to_string(i)), m.label("intensite", model::to_string(i)), grey, 45,
                   st, false, true});
  }
  for (auto s : model::all_values<model::Status>()) {
    const bool dashed = render::dashed_outline(s);
    out.push_back({"status", std::string(model::to_string(s)),
                   m.label("status", model::to_string(s)) + (dashed ? " (tirets)" : " (trait plein)"), grey, 45, mid,
                   dashed, true});
  }
  for (auto t : model::all_values<model::Trend>())
    out.push_back({"tendance", std::string(model::to_string(t)),
                   std::string(render::trend_glyph(t)) + " " + m.label("tendance", model::to_string(t)), grey, 45, mid, false,
                   false});
  return out;
}

void draw_legend_panel(const AppModel& m, const ViewOptions& view) {
  if (!ImGui::Begin("Légende")) {
    ImGui::End();
    return;
  }
  if (view.mode == render::MapMode::density) {
    ImGui::TextWrapped("Densité de coopération : nombre d’alliances (filtrées) couvrant chaque commune");
    const auto& classes = render::density_classes();
    for (std::size_t k = 0; k < classes.size(); ++k) {
      color_swatch(classes[k].color);
      if (k + 1 < classes.size() && classes[k + 1].min_count - 1 > classes[k].min_count)
        ImGui::Text("%d à %d", classes[k].min_count, classes[k + 1].min_count - 1);
      else if (k + 1 < classes.size())
        ImGui::Text("%d", classes[k].min_count);
      else
        ImGui::Text("%d et plus", classes[k].min_count);
    }
    ImGui::End();
    return;
  }
  std::string family;
  for (const auto& e : legend_entries(m)) {
    if (e.family != family) {
      if (!family.empty()) ImGui::Separator();
      family = e.family;
      if (family == "themes") ImGui::TextDisabled("Thème (couleur et sens des hachures)");
      if (family == "intensite") ImGui::TextDisabled("Intensité (opacité, épaisseur)");
      if (family == "tendance") ImGui::TextDisabled("Tendance (flèche devant le nom)");
    }
    if (e.swatch) hatch_swatch(e.color, e.hatch_angle, e.intensity.stripe_px, e.intensity.tint_alpha, e.dashed);
    ImGui::TextUnformatted(e.text.c_str());
  }
  ImGui::TextWrapped("Alliance non contiguë : ses parties sont reliées par des tirets fins.");
  ImGui::End();
}

}  // namespace cartes::app
