// Alliances panel: the filtered list, searchable, sorted by name, population
// or number of members.
#include <imgui.h>

#include <algorithm>

#include "app/panels.hpp"
#include "model/territory.hpp"

namespace cartes::app {

void draw_alliances_panel(AlliancesPanelState& s, const AppModel& m, const std::vector<std::size_t>& visible,
                          std::optional<std::size_t> selected, const PanelCallbacks& cb) {
  if (!ImGui::Begin("Alliances")) {
    ImGui::End();
    return;
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", "Rechercher (nom, membre)…", s.search, sizeof s.search);
  ImGui::RadioButton("Nom", &s.sort, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Population", &s.sort, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Membres", &s.sort, 2);
  if (cb.new_alliance && ImGui::SmallButton("Nouvelle alliance")) cb.new_alliance();

  const std::string needle = model::fold_name(s.search);
  std::vector<std::size_t> rows;
  for (auto i : visible) {
    const auto& a = m.alliances[i];
    bool match = needle.empty() || model::fold_name(a.name).find(needle) != std::string::npos;
    for (const auto& mb : a.members)
      if (!match && model::fold_name(mb.name).find(needle) != std::string::npos) match = true;
    if (match) rows.push_back(i);
  }
  auto pop = [&](std::size_t i) { return i < m.perimeters.size() ? m.perimeters[i].population_municipale : 0; };
  std::stable_sort(rows.begin(), rows.end(), [&](auto a, auto b) {
    if (s.sort == 1) return pop(a) > pop(b);
    if (s.sort == 2) return m.alliances[a].members.size() > m.alliances[b].members.size();
    return model::fold_name(m.alliances[a].name) < model::fold_name(m.alliances[b].name);
  });
  ImGui::TextDisabled("%zu sur %zu", rows.size(), m.alliances.size());
  if (ImGui::BeginTable("alliances", 3, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Alliance", ImGuiTableColumnFlags_WidthStretch, 4);
    ImGui::TableSetupColumn("Pop.", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Memb.", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    for (auto i : rows) {
      const auto& a = m.alliances[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      color_swatch(m.alliance_color(i));
      ImGui::PushID(static_cast<int>(i));
      std::string label = a.name + (a.status == model::Status::imaginee ? " (imaginée)" : "");
      if (ImGui::Selectable(label.c_str(), selected == i, ImGuiSelectableFlags_SpanAllColumns) && cb.select_alliance)
        cb.select_alliance(i);
      ImGui::PopID();
      ImGui::TableNextColumn();
      // Alliances whose members all lie outside the base have no perimeter here.
      ImGui::TextUnformatted(i < m.perimeters.size() && m.perimeters[i].communes.empty() ? "hors base"
                                                                                          : format_int(pop(i)).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu", a.members.size());
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace cartes::app
