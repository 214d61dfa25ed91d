// Atelier: a facilitator's screen for entering a workshop table's cards and
// gommettes quickly, from the keyboard. A new card (Ctrl+Entrée) is an
// alliance of the table and session typed once; Tab goes from field to field;
// for each family every card value has a count: typing a count puts the card
// on the mat (several thèmes and finalités, one card of the other families)
// and 0 takes its gommettes off. Members are picked on the map as in Édition.
// Every change is one undoable step of the Editor.
#include <imgui.h>

#include <algorithm>

#include "app/panels.hpp"
#include "model/families.hpp"

namespace cartes::app {

namespace {
std::string card_id(const model::Catalogue& catalogue, int table) {
  for (int n = 1;; ++n) {
    const std::string id = "atelier-table-" + std::to_string(table) + "-carte-" + std::to_string(n);
    if (!catalogue.find(id)) return id;
  }
}

// The ids a family's counts are entered for: every value of the vocabulary
// (levels: those of the members, which come from the map).
std::vector<std::pair<std::string, std::string>> card_values(const AppModel& model, const model::Alliance& a,
                                                             std::string_view family) {
  std::vector<std::pair<std::string, std::string>> out;
  if (family == "levels") {
    for (const auto& id : model::values_of(a, family))
      out.emplace_back(id, std::string(model::level_label(*model::parse_level(id))));
  } else if (const model::Family* f = model.vocabulary.family(family)) {
    for (const auto& e : f->entries) out.emplace_back(e.id, e.label);
  }
  return out;
}
}  // namespace

void draw_workshop_panel(WorkshopPanelState& state, Editor& editor, EditorPanelState& edit, const AppModel& model) {
  if (!state.open) return;
  ImGui::SetNextWindowBgAlpha(1.0f);
  if (!ImGui::Begin("Atelier", &state.open)) {
    ImGui::End();
    return;
  }
  if (!editor.attached()) {
    ImGui::TextDisabled("Chargement du catalogue…");
    ImGui::End();
    return;
  }
  ImGui::SetNextItemWidth(100);
  ImGui::InputInt("Table", &state.table);
  state.table = std::clamp(state.table, 1, 999);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-80);
  ImGui::InputText("Session", state.session, sizeof state.session);
  ImGui::RadioButton("Alliance à l’œuvre", &state.imaginee, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Alliance imaginée", &state.imaginee, 1);

  const ImGuiIO& io = ImGui::GetIO();
  const bool shortcut = io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  if (ImGui::Button("Nouvelle carte (Ctrl+Entrée)") || shortcut) {
    model::Alliance a;
    a.id = card_id(editor.catalogue(), state.table);
    a.name = "Carte de la table " + std::to_string(state.table);
    a.status = state.imaginee ? model::Status::imaginee : model::Status::a_loeuvre;
    a.finalites = {"mise_en_reseau"};
    a.portage.kind = "informel";
    a.workshop.emplace();
    a.workshop->table = state.table;
    a.workshop->session = state.session;
    if (editor.edit([&](model::EditHistory& h) { h.add(a, "Nouvelle carte d’atelier"); })) {
      edit.selected_id = a.id;
      state.focus_name = true;
    }
  }
  const model::Alliance* current = editor.catalogue().find(edit.selected_id);
  if (!current || !current->workshop) {
    ImGui::TextWrapped("Créez une carte, ou choisissez une alliance d’atelier dans la liste.");
    ImGui::End();
    return;
  }
  const model::Alliance& a = *current;
  auto change = [&](const std::string& label, const std::function<void(model::Alliance&)>& mutate) {
    change_alliance(editor, a, label, mutate);
  };

  ImGui::Separator();
  if (state.name_for != a.id || (!ImGui::IsAnyItemActive() && state.name_revision != editor.revision())) {
    std::snprintf(state.name, sizeof state.name, "%s", a.name.c_str());
    state.name_for = a.id;
    state.name_revision = editor.revision();
  }
  if (state.focus_name) {
    ImGui::SetKeyboardFocusHere();
    state.focus_name = false;
  }
  ImGui::SetNextItemWidth(-60);
  ImGui::InputText("Nom", state.name, sizeof state.name);
  if (ImGui::IsItemDeactivatedAfterEdit()) change("Nom", [&](auto& x) { x.name = state.name; });
  ImGui::TextDisabled("Table %d · %zu membre(s) : cliquez-les sur la carte", a.workshop->table, a.members.size());

  // Counts per card, family by family.
  for (std::string_view family : model::workshop_families()) {
    const model::FamilyDef* def = model::find_family(family);
    const std::string title = def ? std::string(def->label) : std::string("Territoires");
    const auto values = card_values(model, a, family);
    if (values.empty()) continue;
    if (!ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
    const std::vector<std::string> have = model::values_of(a, family);
    for (const auto& [value, label] : values) {
      const bool on = std::find(have.begin(), have.end(), value) != have.end();
      int count = a.workshop->count(family, value);
      ImGui::SetNextItemWidth(90);
      const std::string field = (on ? "• " : "   ") + label + "##" + std::string(family) + value;
      ImGui::InputInt(field.c_str(), &count, 1, 5);
      if (!ImGui::IsItemDeactivatedAfterEdit() && !(ImGui::IsItemEdited() && !ImGui::IsItemActive())) continue;
      count = std::max(0, count);
      change(title + " : " + label, [&, value = value](model::Alliance& x) {
        if (!on && count > 0 && def && def->assign) {
          // The card goes on the mat: one more value, or the family's only one.
          std::vector<std::string> ids = def->multi_valued ? model::values_of(x, family) : std::vector<std::string>{};
          if (!def->multi_valued)
            for (const auto& old : model::values_of(x, family)) x.workshop->set_count(family, old, 0);
          ids.push_back(value);
          def->assign(x, ids);
        }
        x.workshop->set_count(family, value, count);
      });
    }
    ImGui::TreePop();
  }
  ImGui::End();
}

}  // namespace cartes::app
