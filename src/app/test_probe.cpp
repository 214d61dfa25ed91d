#include "app/test_probe.hpp"

#include <imgui.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "app/editor.hpp"
#include "core/atomic_file.hpp"

namespace cartes::app {

namespace {
std::map<std::string, std::array<float, 4>>& items() {
  static std::map<std::string, std::array<float, 4>> m;
  return m;
}
}  // namespace

bool probe_enabled() {
  static const bool on = std::getenv("CARTES_VIEW_PROBE") != nullptr;
  return on;
}

void probe_item(const std::string& name) {
  if (!probe_enabled()) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  items()[name] = {a.x, a.y, b.x, b.y};
}

void write_probe(const AppModel& model, const render::Camera& camera, const Editor& editor,
                 const std::string& selected_id, bool refreshing) {
  if (!probe_enabled()) return;
  using nlohmann::json;
  json j;
  j["loaded"] = model.base_loaded && model.alliances_loaded && editor.attached();
  j["window"] = {camera.width, camera.height};
  j["items"] = items();
  // Interior points (not centroids: they lie inside) of the EPCI, on screen.
  static std::map<std::string, geo::Point> points;
  if (points.empty() && model.base_loaded)
    for (const model::Territory& t : model.base().layer(model::Level::epci))
      if (!t.geometry.is_empty()) points[t.code] = t.geometry.interior_point();
  json epci = json::object();
  for (const auto& [code, p] : points) {
    const auto s = camera.world_to_screen(p);
    epci[code] = {s[0], s[1]};
  }
  j["epci"] = epci;
  j["selected"] = selected_id;
  j["refreshing"] = refreshing;
  j["modified"] = editor.modified();
  j["revision"] = editor.revision();
  j["message"] = editor.message();
  j["alliances"] = model.alliances.size();
  j["restore_offer"] = editor.restore_offer().value_or(0);
  if (editor.attached()) {
    json ids = json::array();
    for (const auto& a : editor.catalogue().alliances) ids.push_back(a.id);
    j["ids"] = ids;
  }
  if (editor.attached())
    if (const model::Alliance* a = editor.catalogue().find(selected_id)) {
      json members = json::array();
      for (const auto& m : a->members) members.push_back(std::string(model::level_name(m.level)) + ":" + m.code);
      j["members"] = members;
      j["themes"] = a->themes;
      j["issues"] = editor.issues_of(*a);
    }
  static std::string last;
  std::string text = j.dump();
  if (text == last) return;
  write_file_atomically(std::getenv("CARTES_VIEW_PROBE"), text);
  last = std::move(text);
}

}  // namespace cartes::app
