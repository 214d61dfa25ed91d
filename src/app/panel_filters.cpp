// Filters panel: every card family, status and horizon; an empty family lets
// everything through.
#include <imgui.h>

#include "app/panels.hpp"

namespace cartes::app {

namespace {
std::string family_title(const AppModel& m, const std::string& family) {
  if (family == "levels") return "Territoires (niveau des membres)";
  if (const auto* f = m.vocabulary.family(family); f && !f->label.empty()) return f->label;
  return family;
}

std::vector<model::VocabularyEntry> family_entries(const AppModel& m, const std::string& family) {
  if (family == "levels") {
    std::vector<model::VocabularyEntry> out;
    for (auto level : model::all_levels)
      out.push_back({std::string(model::level_name(level)), std::string(model::level_label(level))});
    return out;
  }
  if (const auto* f = m.vocabulary.family(family)) return f->entries;
  return {};
}
}  // namespace

void draw_filters_panel(FilterState& filters, const AppModel& m) {
  if (!ImGui::Begin("Filtres")) {
    ImGui::End();
    return;
  }
  if (!m.alliances_loaded) {
    ImGui::TextDisabled("Chargement du catalogue…");
    ImGui::End();
    return;
  }
  if (ImGui::Button("Tout afficher")) filters.selected.clear();
  ImGui::SameLine();
  ImGui::TextDisabled("%zu alliances", visible_alliances(m, filters).size());
  for (const auto& family : filter_families()) {
    auto& ids = filters.selected[family];
    std::string title = family_title(m, family);
    if (!ids.empty()) title += " (" + std::to_string(ids.size()) + ")";
    title += "###" + family;
    if (!ImGui::CollapsingHeader(title.c_str(), family == "themes" || family == "status" ? ImGuiTreeNodeFlags_DefaultOpen : 0))
      continue;
    ImGui::PushID(family.c_str());
    for (const auto& e : family_entries(m, family)) {
      if (family == "themes") color_swatch(m.palette.style(e.id).color);
      bool on = ids.count(e.id) > 0;
      if (ImGui::Checkbox(e.label.c_str(), &on)) {
        if (on) ids.insert(e.id);
        else ids.erase(e.id);
      }
    }
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace cartes::app
