// Édition: the edit mode's window. A menu (Édition: new, duplicate, delete,
// undo, redo, save), the selected alliance's every field with a fitting
// widget (the families from the table of families, French labels), its
// members (picked on the map by the viewer, or searched here by name or
// code, accents and case ignored) and partners, and the problems `cartes
// check` would report next to the field at fault. Every change is one step
// of the Editor (undo, journal); text fields commit when they lose focus.
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "app/panels.hpp"
#include "app/test_probe.hpp"
#include "model/alliance_fields.hpp"
#include "core/text.hpp"
#include "model/families.hpp"
#include "sources/scopes.hpp"

namespace cartes::app {

namespace {

void copy_to(char* buffer, std::size_t size, const std::string& text) {
  std::snprintf(buffer, size, "%s", text.c_str());
}

std::vector<std::string> items_of(const char* text) {
  std::vector<std::string> out;
  std::string line;
  for (const char* p = text;; ++p) {
    if (*p == '\n' || *p == 0) {
      const std::string_view t = trim_blanks(line);
      if (!t.empty()) out.emplace_back(t);
      line.clear();
      if (*p == 0) break;
    } else {
      line += *p;
    }
  }
  return out;
}

std::string unique_id(const model::Catalogue& catalogue, const std::string& stem) {
  std::string id = stem;
  for (int n = 2; catalogue.find(id); ++n) id = stem + "-" + std::to_string(n);
  return id;
}

// Problems whose message names `key`, shown under that field (and taken off `rest`).
void field_issues(std::vector<std::string>& rest, std::initializer_list<const char*> keys) {
  for (auto it = rest.begin(); it != rest.end();) {
    const bool mine = std::any_of(keys.begin(), keys.end(), [&](const char* k) { return it->find(k) != std::string::npos; });
    if (!mine) {
      ++it;
      continue;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.05f, 0.05f, 1));
    ImGui::TextWrapped("! %s", it->c_str());
    ImGui::PopStyleColor();
    it = rest.erase(it);
  }
}

// A text field committing its value as one step when it loses focus.
bool text_field(const char* label, char* buffer, std::size_t size, bool multiline = false) {
  if (multiline)
    ImGui::InputTextMultiline(label, buffer, size, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
  else
    ImGui::InputText(label, buffer, size);
  return ImGui::IsItemDeactivatedAfterEdit();
}

// The edited alliance's perimeter figures and overlaps, as refreshed off the
// main thread after each edit.
void draw_perimeter_summary(const AppModel& model, const std::string& id, bool refreshing) {
  std::size_t i = 0;
  while (i < model.alliances.size() && model.alliances[i].id != id) ++i;
  if (refreshing || i >= model.perimeters.size()) {
    ImGui::TextDisabled("Périmètre : calcul…");
    return;
  }
  const model::Perimeter& p = model.perimeters[i];
  if (p.communes.empty()) {
    ImGui::TextDisabled("Périmètre : aucun membre dans cette base");
    return;
  }
  ImGui::TextWrapped("Périmètre : %zu communes, %zu EPCI, %.0f km², %d partie%s ; %s hab. (municipale), %s (totale)",
                     p.communes.size(), p.epci.size(), p.area_km2, p.parts, p.parts > 1 ? "s" : "",
                     format_int(p.population_municipale).c_str(), format_int(p.population_totale).c_str());
  std::string overlaps;
  int n = 0;
  for (const model::Overlap& o : model.overlaps)
    if (o.a == i || o.b == i) {
      if (n++ < 6) overlaps += (overlaps.empty() ? "" : ", ") + model.alliances[o.a == i ? o.b : o.a].name;
    }
  if (n) ImGui::TextWrapped("Chevauche %d alliance%s : %s%s", n, n > 1 ? "s" : "", overlaps.c_str(), n > 6 ? "…" : "");
}

}  // namespace

const model::Territory* territory_of_commune(const model::TerritoryBase& base, std::size_t commune, model::Level level) {
  const model::Territory& c = base.layer(model::Level::commune).at(commune);
  switch (level) {
    case model::Level::commune: return &c;
    case model::Level::epci: return c.epci.empty() ? nullptr : base.find(level, c.epci);
    case model::Level::pays: return c.pays.empty() ? nullptr : base.find(level, c.pays);
    case model::Level::departement: return c.departements.empty() ? nullptr : base.find(level, c.departements.front());
    case model::Level::region: return c.region.empty() ? nullptr : base.find(level, c.region);
  }
  return nullptr;
}

void toggle_member(Editor& editor, const std::string& id, const model::Territory& t) {
  if (!editor.catalogue().find(id)) return;
  model::Alliance after = *editor.catalogue().find(id);
  const auto it = std::find_if(after.members.begin(), after.members.end(),
                               [&](const model::Member& m) { return m.level == t.level && m.code == t.code; });
  std::string label;
  if (it != after.members.end()) {
    after.members.erase(it);
    label = "Retirer " + t.name;
  } else {
    model::Member m;
    m.level = t.level;
    m.code = t.code;
    m.name = t.name;
    m.confidence = after.confidence;
    after.members.push_back(std::move(m));
    label = "Ajouter " + t.name;
  }
  editor.edit([&](model::EditHistory& h) { h.replace(id, after, label); });
}

bool change_alliance(Editor& editor, const model::Alliance& current, const std::string& label,
                     const std::function<void(model::Alliance&)>& mutate) {
  model::Alliance after = current;
  mutate(after);
  if (model::to_canonical_toml(after) == model::to_canonical_toml(current)) return false;
  const std::string id = current.id;
  return editor.edit([&](model::EditHistory& h) { h.replace(id, after, label); });
}

void add_members(Editor& editor, const std::string& id, const std::vector<const model::Territory*>& territories) {
  if (!editor.catalogue().find(id) || territories.empty()) return;
  std::vector<model::Member> members;
  for (const model::Territory* t : territories) {
    model::Member m;
    m.level = t->level;
    m.code = t->code;
    m.name = t->name;
    m.confidence = editor.catalogue().find(id)->confidence;
    members.push_back(std::move(m));
  }
  editor.edit([&](model::EditHistory& h) {
    h.add_members(id, members, "Ajouter " + std::to_string(members.size()) + " territoires");
  });
}

void new_alliance(Editor& editor, EditorPanelState& state) {
  // Valid but for its thème and members, which the form then asks for; the
  // finalité and portage start at common values (mise en réseau is the
  // workshop's most frequent finalité), shown for the planner to change.
  model::Alliance a;
  a.id = unique_id(editor.catalogue(), "nouvelle-alliance");
  a.name = "Nouvelle alliance";
  a.finalites = {"mise_en_reseau"};
  a.portage.kind = "informel";
  if (editor.edit([&](model::EditHistory& h) { h.add(a, "Nouvelle alliance"); })) state.selected_id = a.id;
}

void draw_editor_panel(EditorPanelState& state, Editor& editor, const AppModel& model, bool refreshing) {
  if (!state.open) return;
  const std::string title = std::string("Édition") + (editor.modified() ? " •" : "") + "###editor";
  ImGui::SetNextWindowBgAlpha(1.0f);  // opaque: the inspector lies beneath
  if (!ImGui::Begin(title.c_str(), &state.open, ImGuiWindowFlags_MenuBar)) {
    ImGui::End();
    return;
  }
  if (!editor.attached() || !model.base_loaded) {
    ImGui::TextDisabled("Chargement du catalogue…");
    ImGui::End();
    return;
  }
  const model::Catalogue& catalogue = editor.catalogue();
  const model::Alliance* current = catalogue.find(state.selected_id);

  bool open_delete = false, open_save_as = false;
  if (ImGui::BeginMenuBar()) {
    if (ImGui::BeginMenu("Édition")) {
      if (ImGui::MenuItem("Nouvelle alliance", "Ctrl+N")) new_alliance(editor, state);
      if (ImGui::MenuItem("Dupliquer", nullptr, false, current != nullptr)) {
        model::Alliance copy = *current;
        copy.id = unique_id(catalogue, current->id + "-copie");
        copy.name = current->name + " (copie)";
        if (editor.edit([&](model::EditHistory& h) { h.add(copy, "Dupliquer " + current->name); }))
          state.selected_id = copy.id;
      }
      if (ImGui::MenuItem("Supprimer…", nullptr, false, current != nullptr)) open_delete = true;
      ImGui::Separator();
      const std::string undo = "Annuler " + editor.history().undo_label();
      const std::string redo = "Rétablir " + editor.history().redo_label();
      if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, editor.history().can_undo())) editor.undo();
      if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, editor.history().can_redo())) editor.redo();
      ImGui::Separator();
      if (ImGui::MenuItem("Enregistrer", "Ctrl+S", false, editor.modified())) state.save_requested = true;
      if (ImGui::MenuItem("Enregistrer sous…")) open_save_as = true;
      ImGui::Separator();
      if (ImGui::MenuItem("Écran Atelier…")) state.workshop_open = true;
      ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
  }

  // Toolbar: the same actions, visible.
  if (ImGui::Button("Nouvelle")) new_alliance(editor, state);
  probe_item("editor.new");
  ImGui::SameLine();
  ImGui::BeginDisabled(!editor.history().can_undo());
  if (ImGui::Button("Annuler")) editor.undo();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!editor.history().can_redo());
  if (ImGui::Button("Rétablir")) editor.redo();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!editor.modified() || !editor.issues().empty());
  if (ImGui::Button("Enregistrer")) state.save_requested = true;
  probe_item("editor.save");
  ImGui::EndDisabled();
  if (!editor.message().empty()) ImGui::TextWrapped("%s", editor.message().c_str());
  if (!editor.issues().empty())
    ImGui::TextColored(ImVec4(0.75f, 0.05f, 0.05f, 1), "%zu problème(s) dans le catalogue : enregistrement impossible",
                       editor.issues().size());

  // Save, and what a refused save asks.
  if (state.save_requested) {
    state.save_requested = false;
    if (editor.save() == Editor::SaveResult::conflict) {
      state.keep_mine.clear();
      for (const auto& c : editor.conflicts()) state.keep_mine.push_back(c.id);  // default: keep mine
      ImGui::OpenPopup("Conflit");
    }
  }
  if (ImGui::BeginPopupModal("Conflit", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextWrapped("Le catalogue a changé depuis son chargement (un autre éditeur, un git pull) : rien n'a été "
                       "écrit.");
    // Alliance by alliance: yours beside theirs, to keep one or the other;
    // every other change of yours is re-applied on their version.
    const auto& conflicts = editor.conflicts();
    if (!conflicts.empty()) {
      ImGui::TextWrapped("Modifiées des deux côtés :");
      if (ImGui::BeginTable("conflicts", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Alliance");
        ImGui::TableSetupColumn("Champs différents");
        ImGui::TableSetupColumn("La vôtre");
        ImGui::TableSetupColumn("La leur");
        ImGui::TableHeadersRow();
        for (const auto& c : conflicts) {
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(c.name.c_str());
          ImGui::TableNextColumn();
          const std::string columns = join(c.columns, ", ");
          ImGui::TextWrapped("%s", c.mine && c.theirs ? columns.c_str() : c.mine ? "supprimée par l'autre" : "supprimée par vous");
          auto describe = [](const std::optional<model::Alliance>& a, const std::vector<std::string>& cols) {
            if (!a) return std::string("(supprimée)");
            std::string out;
            for (const auto& name : cols)
              if (const model::AllianceColumn* col = model::find_column(name)) out += name + " : " + col->cell(*a) + "\n";
            return out.empty() ? a->name : out;
          };
          bool mine = std::find(state.keep_mine.begin(), state.keep_mine.end(), c.id) != state.keep_mine.end();
          ImGui::TableNextColumn();
          ImGui::PushID(c.id.c_str());
          if (ImGui::RadioButton("garder##mine", mine) && !mine) state.keep_mine.push_back(c.id);
          ImGui::TextWrapped("%s", describe(c.mine, c.columns).c_str());
          ImGui::TableNextColumn();
          if (ImGui::RadioButton("garder##theirs", !mine) && mine) std::erase(state.keep_mine, c.id);
          ImGui::TextWrapped("%s", describe(c.theirs, c.columns).c_str());
          ImGui::PopID();
        }
        ImGui::EndTable();
      }
    }
    if (ImGui::Button("Réappliquer mes modifications sur leur version")) {
      try {
        editor.resolve_conflicts(state.keep_mine);
      } catch (const std::exception& e) {
        state.error = e.what();
      }
      ImGui::CloseCurrentPopup();
    }
    if (ImGui::Button("Recharger (mes modifications gardées à part)")) {
      try {
        editor.reload_keeping_aside();
      } catch (const std::exception& e) {
        state.error = e.what();
      }
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Enregistrer sous…")) {
      ImGui::CloseCurrentPopup();
      open_save_as = true;
    }
    ImGui::SameLine();
    if (ImGui::Button("Fermer")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (open_save_as) {
    copy_to(state.save_as, sizeof state.save_as, editor.file().string());
    ImGui::OpenPopup("Enregistrer sous");
  }
  if (ImGui::BeginPopupModal("Enregistrer sous", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::SetNextItemWidth(420);
    ImGui::InputText("Fichier", state.save_as, sizeof state.save_as);
    if (ImGui::Button("Enregistrer")) {
      editor.save_as(state.save_as);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Annuler")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (open_delete) ImGui::OpenPopup("Supprimer");
  if (ImGui::BeginPopupModal("Supprimer", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    if (current) ImGui::Text("Supprimer « %s » ? (Annuler la rétablit)", current->name.c_str());
    if (ImGui::Button("Supprimer") && current) {
      const std::string id = current->id, name = current->name;
      editor.edit([&](model::EditHistory& h) { h.remove(id, "Supprimer " + name); });
      state.selected_id.clear();
      current = nullptr;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Garder")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (!state.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.05f, 0.05f, 1), "%s", state.error.c_str());

  ImGui::Separator();
  current = catalogue.find(state.selected_id);
  if (!current) {
    ImGui::TextWrapped("Choisissez une alliance dans la liste, ou « Nouvelle ».");
    ImGui::End();
    return;
  }
  const model::Alliance& a = *current;
  const std::string id = a.id;
  auto change = [&](const std::string& label, const std::function<void(model::Alliance&)>& mutate) {
    std::string new_id = id;
    const auto renaming = [&](model::Alliance& x) {
      mutate(x);
      new_id = x.id;
    };
    if (change_alliance(editor, a, label, renaming)) state.selected_id = new_id;
  };

  // Text buffers follow the alliance unless being typed in.
  if (state.buffers_for != id || state.buffers_revision != editor.revision()) {
    if (!ImGui::IsAnyItemActive()) {
      copy_to(state.id, sizeof state.id, a.id);
      copy_to(state.name, sizeof state.name, a.name);
      copy_to(state.structure, sizeof state.structure, a.portage.structure);
      copy_to(state.confidence_note, sizeof state.confidence_note, a.confidence_note);
      copy_to(state.sources, sizeof state.sources, join(a.sources, "\n"));
      copy_to(state.notes, sizeof state.notes, a.notes);
      state.buffers_for = id;
      state.buffers_revision = editor.revision();
    }
  }
  std::vector<std::string> issues = editor.issues_of(a);
  const model::Vocabulary& vocab = model.vocabulary;

  ImGui::PushItemWidth(-110);
  if (text_field("Identifiant", state.id, sizeof state.id)) change("Identifiant", [&](auto& x) { x.id = state.id; });
  field_issues(issues, {"id '", "slug"});
  if (text_field("Nom", state.name, sizeof state.name)) change("Nom", [&](auto& x) { x.name = state.name; });
  field_issues(issues, {"'name'"});

  ImGui::PopItemWidth();
  // Members: picked on the map (the viewer), or searched here.
  ImGui::TextUnformatted("Territoires membres");
  static const char* level_labels[] = {"Commune", "EPCI", "Pays", "Département", "Région"};
  for (int l = 0; l < 5; ++l) {
    if (l) ImGui::SameLine();
    ImGui::RadioButton(level_labels[l], &state.pick_level, l);
  }
  ImGui::TextDisabled("Clic sur la carte : ajoute ou retire ; Maj + glisser : ajoute ceux du rectangle");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", "Ajouter par nom ou code…", state.search, sizeof state.search);
  if (state.search[0]) {
    const std::string needle = fold_name(state.search);
    int shown = 0;
    for (const model::Territory& t : model.base().layer(static_cast<model::Level>(state.pick_level))) {
      if (fold_name(t.name).find(needle) == std::string::npos && t.code.rfind(state.search, 0) != 0) continue;
      const std::string item = t.name + " (" + t.code + ")##add" + t.code;
      if (ImGui::Selectable(item.c_str())) {
        toggle_member(editor, id, t);
        state.search[0] = 0;
      }
      if (++shown == 8) break;
    }
    if (shown == 0) ImGui::TextDisabled("aucun territoire de ce niveau");
  }
  field_issues(issues, {"member", "members"});
  if (ImGui::BeginTable("edit-members", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    // Level and button at their own width: a long name (CA de la Région
    // Nazairienne et de l'Estuaire) otherwise cut them to "EPC" and "retire".
    ImGui::TableSetupColumn("niveau", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("territoire", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthFixed);
    for (std::size_t i = 0; i < a.members.size(); ++i) {
      const model::Member& m = a.members[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(model::level_label(m.level)).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%s (%s)", m.name.c_str(), m.code.c_str());
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::SmallButton("retirer")) {
        const std::string label = "Retirer " + m.name;
        change(label, [i](auto& x) { x.members.erase(x.members.begin() + static_cast<long>(i)); });
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  draw_perimeter_summary(model, id, refreshing);
  ImGui::Separator();
  ImGui::PushItemWidth(-110);
  // The families, from their table: a combo for one value, checkboxes for several.
  for (const model::FamilyDef& f : model::card_families()) {
    if (!f.assign) continue;
    const model::Family* family = vocab.family(f.key);
    if (!family) continue;
    const std::vector<std::string> have = f.values(a);
    const std::string label(f.label);
    if (f.multi_valued) {
      ImGui::TextUnformatted(label.c_str());
      ImGui::BeginTable(std::string(f.key).c_str(), 2);
      for (const auto& e : family->entries) {
        ImGui::TableNextColumn();
        bool on = std::find(have.begin(), have.end(), e.id) != have.end();
        const std::string box = e.label + "##" + std::string(f.key) + e.id;
        const bool toggled = ImGui::Checkbox(box.c_str(), &on);
        probe_item("editor." + std::string(f.key) + "." + e.id);
        if (toggled) {
          std::vector<std::string> ids = have;
          if (on) ids.push_back(e.id);
          else std::erase(ids, e.id);
          change(label + " : " + e.label, [&](auto& x) { f.assign(x, ids); });
        }
      }
      ImGui::EndTable();
    } else {
      const std::string now = have.empty() ? std::string() : vocab.label(f.key, have.front());
      if (ImGui::BeginCombo(label.c_str(), now.c_str())) {
        for (const auto& e : family->entries)
          if (ImGui::Selectable(e.label.c_str(), !have.empty() && have.front() == e.id))
            change(label + " : " + e.label, [&](auto& x) { f.assign(x, {e.id}); });
        ImGui::EndCombo();
      }
    }
    field_issues(issues, {(std::string("'") + std::string(f.key) + "'").c_str(), (std::string(f.key) + " value").c_str()});
    if (f.key == "portage") {
      if (text_field("Structure", state.structure, sizeof state.structure))
        change("Structure", [&](auto& x) { x.portage.structure = state.structure; });
      const std::string lead = a.portage.lead.empty() ? "(aucun)" : a.portage.lead;
      if (ImGui::BeginCombo("Chef de file", lead.c_str())) {
        if (ImGui::Selectable("(aucun)", a.portage.lead.empty())) change("Chef de file", [](auto& x) { x.portage.lead.clear(); });
        for (const auto& m : a.members) {
          const std::string item = m.name + " (" + m.code + ")";
          if (ImGui::Selectable(item.c_str(), m.code == a.portage.lead))
            change("Chef de file", [&](auto& x) { x.portage.lead = m.code; });
        }
        ImGui::EndCombo();
      }
      field_issues(issues, {"portage lead"});
    }
    if (f.key == "confidence") {
      if (text_field("Note de confiance", state.confidence_note, sizeof state.confidence_note))
        change("Note de confiance", [&](auto& x) { x.confidence_note = state.confidence_note; });
      field_issues(issues, {"confidence_note"});
    }
  }
  bool has_since = a.since.has_value();
  if (ImGui::Checkbox("Depuis", &has_since))
    change("Depuis", [&](auto& x) { x.since = has_since ? std::optional<int>(2024) : std::nullopt; });
  if (a.since) {
    ImGui::SameLine();
    int year = *a.since;
    ImGui::SetNextItemWidth(120);
    ImGui::InputInt("##since", &year, 1, 10);
    if (ImGui::IsItemDeactivatedAfterEdit() || (year != *a.since && !ImGui::IsItemActive()))
      change("Depuis", [&](auto& x) { x.since = year; });
  }
  field_issues(issues, {"'since'"});
  if (ImGui::BeginCombo("Périmètre de base", a.scope.c_str())) {
    for (const auto& s : sources::known_scopes())
      if (ImGui::Selectable(s.c_str(), s == a.scope)) change("Périmètre de base", [&](auto& x) { x.scope = s; });
    ImGui::EndCombo();
  }
  ImGui::TextUnformatted("Sources (une adresse par ligne)");
  if (text_field("##sources", state.sources, sizeof state.sources, true))
    change("Sources", [&](auto& x) { x.sources = items_of(state.sources); });
  ImGui::TextUnformatted("Notes");
  if (text_field("##notes", state.notes, sizeof state.notes, true)) change("Notes", [&](auto& x) { x.notes = state.notes; });
  ImGui::PopItemWidth();

  ImGui::Separator();
  ImGui::TextUnformatted("Partenaires");
  const model::Family* kinds = vocab.family("partner_kinds");
  for (std::size_t i = 0; i < a.partners.size(); ++i) {
    ImGui::PushID(static_cast<int>(1000 + i));
    char name[256];
    copy_to(name, sizeof name, a.partners[i].name);
    ImGui::SetNextItemWidth(180);
    if (text_field("##pname", name, sizeof name)) change("Partenaire", [&](auto& x) { x.partners[i].name = name; });
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    if (kinds && ImGui::BeginCombo("##pkind", vocab.label("partner_kinds", a.partners[i].kind).c_str())) {
      for (const auto& e : kinds->entries)
        if (ImGui::Selectable(e.label.c_str(), e.id == a.partners[i].kind))
          change("Partenaire", [&](auto& x) { x.partners[i].kind = e.id; });
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("retirer")) change("Retirer un partenaire", [i](auto& x) { x.partners.erase(x.partners.begin() + static_cast<long>(i)); });
    ImGui::PopID();
  }
  if (ImGui::SmallButton("Ajouter un partenaire") && kinds && !kinds->entries.empty())
    change("Ajouter un partenaire", [&](auto& x) { x.partners.push_back({"Nouveau partenaire", kinds->entries.front().id}); });
  field_issues(issues, {"partner"});

  if (!issues.empty()) {
    ImGui::Separator();
    std::vector<std::string> rest = issues;
    field_issues(rest, {""});
  }
  ImGui::End();
}

}  // namespace cartes::app
