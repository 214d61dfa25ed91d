// Statistics: bar charts by card family, alliances à l'œuvre and imaginées
// side by side, as in the workshop report; weighted by gommettes, the shares
// of the participants' expressions on workshop cards.
#include <imgui.h>

#include <algorithm>

#include "app/panels.hpp"
#include "model/stats.hpp"

namespace cartes::app {

void draw_statistics_panel(StatisticsPanelState& s, const AppModel& m) {
  if (!ImGui::Begin("Statistiques")) {
    ImGui::End();
    return;
  }
  if (!m.alliances_loaded || m.alliances.empty()) {
    ImGui::TextDisabled("Pas encore d’alliances chargées.");
    ImGui::End();
    return;
  }
  const auto families = model::stat_families();
  s.family = std::clamp(s.family, 0, static_cast<int>(families.size()) - 1);
  std::vector<std::string> names;
  for (const auto& f : families) {
    const auto* fam = m.vocabulary.family(f);
    names.push_back(fam && !fam->label.empty() ? fam->label : f == "levels" ? "Territoires" : f);
  }
  if (ImGui::BeginCombo("Famille", names[static_cast<std::size_t>(s.family)].c_str())) {
    for (std::size_t i = 0; i < families.size(); ++i)
      if (ImGui::Selectable(names[i].c_str(), static_cast<int>(i) == s.family)) s.family = static_cast<int>(i);
    ImGui::EndCombo();
  }
  ImGui::Checkbox("Pondérer par les gommettes (cartes d’atelier)", &s.gommettes);
  model::FamilyStats st;
  try {
    st = model::family_stats(m.alliances, m.vocabulary, families[static_cast<std::size_t>(s.family)],
                             s.gommettes ? model::StatWeight::gommettes : model::StatWeight::alliances);
  } catch (const std::exception& e) {
    ImGui::TextWrapped("%s", e.what());
    ImGui::End();
    return;
  }
  const ImU32 c_oeuvre = IM_COL32(0x1b, 0x6f, 0xa8, 255), c_imag = IM_COL32(0xe0, 0x8a, 0x1e, 255);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  auto key = [&](ImU32 c, const char* text) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    dl->AddRectFilled(p, ImVec2(p.x + h, p.y + h), c);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
  };
  if (s.gommettes && st.alliances == 0) {
    ImGui::TextWrapped("Aucune gommette sur les cartes de cette famille dans ce catalogue.");
    ImGui::End();
    return;
  }
  const char* unit = s.gommettes ? " gommettes" : "";
  key(c_oeuvre, ("À l’œuvre (" + std::to_string(st.alliances_a_loeuvre) + unit + ")").c_str());
  ImGui::SameLine();
  key(c_imag, ("Imaginées (" + std::to_string(st.alliances_imaginee) + unit + ")").c_str());
  if (st.multi_valued) ImGui::TextDisabled("plusieurs valeurs par alliance : les parts dépassent 100 %%");
  int max_count = 1;
  for (const auto& r : st.rows) max_count = std::max({max_count, r.a_loeuvre, r.imaginee});
  const float label_w = std::min(230.f, ImGui::GetContentRegionAvail().x * 0.45f);
  const float bar_w = ImGui::GetContentRegionAvail().x - label_w - 40;
  const float h = ImGui::GetTextLineHeight() * 0.55f;
  for (const auto& r : st.rows) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + label_w - 6);
    ImGui::TextUnformatted(r.label.c_str());
    ImGui::PopTextWrapPos();
    const float y = p.y;
    const float x = p.x + label_w;
    const float w1 = bar_w * static_cast<float>(r.a_loeuvre) / static_cast<float>(max_count);
    const float w2 = bar_w * static_cast<float>(r.imaginee) / static_cast<float>(max_count);
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w1, y + h), c_oeuvre);
    dl->AddRectFilled(ImVec2(x, y + h), ImVec2(x + w2, y + 2 * h), c_imag);
    char n[48];
    if (s.gommettes)  // shares of the expressions, as the report gives them
      std::snprintf(n, sizeof n, "%.0f %% / %.0f %%", 100 * model::FamilyStats::share(r.a_loeuvre, st.alliances_a_loeuvre),
                    100 * model::FamilyStats::share(r.imaginee, st.alliances_imaginee));
    else
      std::snprintf(n, sizeof n, "%d / %d", r.a_loeuvre, r.imaginee);
    dl->AddText(ImVec2(x + std::max(w1, w2) + 4, y), IM_COL32(60, 60, 60, 255), n);
    ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(ImGui::GetCursorScreenPos().y, y + 2 * h + 4)));
    ImGui::Dummy(ImVec2(1, 1));
  }
  ImGui::End();
}

}  // namespace cartes::app
