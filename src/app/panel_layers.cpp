// Layers: base layers, map mode, names, links.
#include <imgui.h>

#include "app/panels.hpp"

namespace cartes::app {

void draw_layers_panel(ViewOptions& v) {
  if (!ImGui::Begin("Couches")) {
    ImGui::End();
    return;
  }
  int mode = v.mode == render::MapMode::density ? 1 : 0;
  ImGui::RadioButton("Alliances par thème", &mode, 0);
  ImGui::RadioButton("Densité de coopération", &mode, 1);
  v.mode = mode == 1 ? render::MapMode::density : render::MapMode::themes;
  ImGui::Separator();
  ImGui::Checkbox("Régions", &v.layers[static_cast<int>(model::Level::region)]);
  ImGui::Checkbox("Départements", &v.layers[static_cast<int>(model::Level::departement)]);
  ImGui::Checkbox("Pays", &v.layers[static_cast<int>(model::Level::pays)]);
  ImGui::Checkbox("EPCI", &v.layers[static_cast<int>(model::Level::epci)]);
  ImGui::Checkbox("Communes (toujours)", &v.layers[static_cast<int>(model::Level::commune)]);
  ImGui::Checkbox("Communes en zoomant", &v.communes_when_zoomed);
  ImGui::Separator();
  ImGui::Checkbox("Noms des EPCI et des villes", &v.show_labels);
  ImGui::Checkbox("Noms des alliances", &v.show_alliance_labels);
  ImGui::Checkbox("Liens entre parties", &v.show_links);
  ImGui::Checkbox("Tracé complet (sans simplification)", &v.full_detail);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Par défaut, les limites sont simplifiées à moins d’un demi-pixel à l’échelle affichée.");
  ImGui::TextDisabled("Glisser : déplacer — molette, +/- : zoom — F : tout voir");
  ImGui::End();
}

}  // namespace cartes::app
