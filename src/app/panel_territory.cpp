// Territory: a tooltip for the territory under the cursor, and the panel
// listing every alliance covering the clicked commune or EPCI.
#include <imgui.h>

#include "app/panels.hpp"

namespace cartes::app {

namespace {
const model::Territory* territory(const AppModel& m, const render::Pick& p) {
  if (!m.base_loaded) return nullptr;
  const auto& layer = m.base().layer(p.level);
  return p.index < layer.size() ? &layer[p.index] : nullptr;
}
}  // namespace

void draw_territory_tooltip(const AppModel& m, const render::Pick& hovered) {
  const auto* t = territory(m, hovered);
  if (!t) return;
  ImGui::BeginTooltip();
  ImGui::Text("%s %s", std::string(model::level_label(t->level)).c_str(), t->name.c_str());
  ImGui::TextDisabled("code %s — %s hab.", t->code.c_str(), format_int(t->population_municipale).c_str());
  if (m.alliances_loaded) ImGui::Text("%zu alliance(s) — cliquer pour la liste", m.alliances_covering(*t).size());
  ImGui::EndTooltip();
}

void draw_territory_panel(const AppModel& m, const std::optional<render::Pick>& selected, const PanelCallbacks& cb) {
  if (!ImGui::Begin("Territoire")) {
    ImGui::End();
    return;
  }
  const auto* t = selected ? territory(m, *selected) : nullptr;
  if (!t) {
    ImGui::TextWrapped("Cliquez une commune ou un EPCI sur la carte pour voir les alliances qui le couvrent.");
    ImGui::End();
    return;
  }
  ImGui::Text("%s %s", std::string(model::level_label(t->level)).c_str(), t->name.c_str());
  ImGui::TextDisabled("code %s — %s hab. — %.0f km²", t->code.c_str(), format_int(t->population_municipale).c_str(),
                      t->area_km2);
  if (t->level == model::Level::commune && !t->epci.empty()) {
    if (const auto* e = m.base().find(model::Level::epci, t->epci)) ImGui::TextDisabled("EPCI : %s", e->name.c_str());
  }
  ImGui::Separator();
  const auto list = m.alliances_covering(*t);
  ImGui::Text("%zu alliance(s) couvrent ce territoire", list.size());
  for (auto i : list) {
    ImGui::PushID(static_cast<int>(i));
    color_swatch(m.alliance_color(i));
    std::string label = m.alliances[i].name + (m.alliances[i].status == model::Status::imaginee ? " (imaginée)" : "");
    if (ImGui::Selectable(label.c_str()) && cb.select_alliance) cb.select_alliance(i);
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace cartes::app
