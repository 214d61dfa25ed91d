// Inspector: everything about the selected alliance: the six facets, status,
// members with their populations, partners, perimeter figures, overlaps and
// sources.
#include <imgui.h>

#include <algorithm>

#include "app/panels.hpp"

namespace cartes::app {

namespace {
void facet(const char* name, const std::string& value) {
  ImGui::TextDisabled("%s", name);
  ImGui::SameLine(150);
  ImGui::TextWrapped("%s", value.c_str());
}

std::string join_labels(const AppModel& m, std::string_view family, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + m.label(family, id);
  return out;
}
}  // namespace

void draw_inspector_panel(const AppModel& m, std::optional<std::size_t> selected, const PanelCallbacks& cb) {
  if (!ImGui::Begin("Inspecteur")) {
    ImGui::End();
    return;
  }
  if (!selected || *selected >= m.alliances.size()) {
    ImGui::TextWrapped("Choisissez une alliance dans la liste, ou cliquez un territoire puis une alliance qui le couvre.");
    ImGui::End();
    return;
  }
  const auto i = *selected;
  const auto& a = m.alliances[i];
  color_swatch(m.alliance_color(i), ImGui::GetTextLineHeight() * 1.3f);
  ImGui::TextWrapped("%s", a.name.c_str());
  ImGui::TextDisabled("%s", a.id.c_str());
  const model::Perimeter* p = i < m.perimeters.size() ? &m.perimeters[i] : nullptr;
  if (p && !p->geometry.is_empty() && ImGui::SmallButton("Centrer la carte") && cb.zoom_to) cb.zoom_to(p->geometry.envelope());
  if (cb.edit_alliance) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Modifier")) cb.edit_alliance(i);
  }
  ImGui::Separator();
  facet("Statut", m.label("status", model::to_string(a.status)));
  facet("Thème", join_labels(m, "themes", a.themes));
  facet("Finalité", join_labels(m, "finalites", a.finalites));
  std::string portage = m.label("portage", a.portage.kind);
  if (!a.portage.structure.empty()) portage += " : " + a.portage.structure;
  if (!a.portage.lead.empty()) {
    const auto* lead = m.base_loaded ? m.base().find_any(a.portage.lead) : nullptr;
    portage += " (chef de file : " + (lead ? lead->name : a.portage.lead) + ")";
  }
  facet("Portage", portage);
  facet("Temporalité", m.label("temporalite", model::to_string(a.temporalite)));
  facet("Intensité", m.label("intensite", model::to_string(a.intensite)) + ", " +
                         m.label("tendance", model::to_string(a.tendance)));
  if (a.since) facet("Depuis", std::to_string(*a.since));
  if (!a.notes.empty()) facet("Notes", a.notes);

  if (p && ImGui::CollapsingHeader("Périmètre", ImGuiTreeNodeFlags_DefaultOpen)) {
    facet("Population", format_int(p->population_municipale) + " hab. (municipale)");
    char area[64];
    std::snprintf(area, sizeof area, "%.0f km²", p->area_km2);
    facet("Superficie", area);
    facet("Communes", std::to_string(p->communes.size()));
    facet("EPCI touchés", std::to_string(p->epci.size()));
    facet("Parties", std::to_string(p->parts) + (p->parts > 1 ? " (non contigu)" : ""));
    if (!p->missing.empty()) facet("Hors base", std::to_string(p->missing.size()) + " membre(s)");
    // Largest overlaps with other alliances.
    std::vector<const model::Overlap*> ov;
    for (const auto& o : m.overlaps)
      if (o.a == i || o.b == i) ov.push_back(&o);
    std::sort(ov.begin(), ov.end(), [](auto* x, auto* y) { return x->area_km2 > y->area_km2; });
    if (!ov.empty()) {
      ImGui::TextDisabled("Chevauchements (%zu)", ov.size());
      for (std::size_t k = 0; k < ov.size() && k < 8; ++k) {
        const auto other = ov[k]->a == i ? ov[k]->b : ov[k]->a;
        ImGui::PushID(static_cast<int>(k));
        color_swatch(m.alliance_color(other));
        char text[320];
        std::snprintf(text, sizeof text, "%s — %.0f km²", m.alliances[other].name.c_str(), ov[k]->area_km2);
        if (ImGui::Selectable(text) && cb.select_alliance) cb.select_alliance(other);
        ImGui::PopID();
      }
    }
  }
  if (ImGui::CollapsingHeader("Membres", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (ImGui::BeginTable("members", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      for (const auto& mb : a.members) {
        const auto* t = m.base_loaded ? m.base().find(mb.level, mb.code) : nullptr;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t ? t->name.c_str() : mb.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", std::string(model::level_name(mb.level)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t ? format_int(t->population_municipale).c_str() : "hors base");
      }
      ImGui::EndTable();
    }
  }
  if (!a.partners.empty() && ImGui::CollapsingHeader("Partenaires", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const auto& pt : a.partners) ImGui::BulletText("%s (%s)", pt.name.c_str(), m.label("partner_kinds", pt.kind).c_str());
  }
  if (!a.sources.empty() && ImGui::CollapsingHeader("Sources")) {
    for (const auto& s : a.sources) ImGui::BulletText("%s", s.c_str());
  }
  ImGui::End();
}

}  // namespace cartes::app
