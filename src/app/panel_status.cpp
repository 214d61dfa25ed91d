// Status: loading progress, errors (caught, never a crash) and warnings.
#include <imgui.h>

#include "app/panels.hpp"

namespace cartes::app {

void draw_status_panel(StatusPanelState& s, const AppModel& m) {
  const bool show = s.loading || !s.errors.empty() || !m.warnings.empty();
  if (!show) return;
  if (!ImGui::Begin("État")) {
    ImGui::End();
    return;
  }
  if (s.loading) {
    ImGui::TextUnformatted(s.step.empty() ? "Chargement…" : (s.step + "…").c_str());
    ImGui::ProgressBar(static_cast<float>(s.fraction), ImVec2(-1, 0));
  }
  for (const auto& e : s.errors) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
    ImGui::TextWrapped("Erreur : %s", e.c_str());
    ImGui::PopStyleColor();
  }
  if (!s.errors.empty() && ImGui::SmallButton("Effacer les erreurs")) s.errors.clear();
  if (!m.warnings.empty() && ImGui::TreeNode("warn", "%zu avertissement(s)", m.warnings.size())) {
    for (const auto& w : m.warnings) ImGui::BulletText("%s", w.c_str());
    ImGui::TreePop();
  }
  ImGui::End();
}

}  // namespace cartes::app
