#include "app/panel_rings.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "analysis/rings_export.hpp"
#include "app/panels.hpp"
#include "core/atomic_file.hpp"
#include "core/paths.hpp"
#include "sources/layout.hpp"
#include "sources/rekeying.hpp"

namespace cartes::app {
namespace {

using analysis::Family;

constexpr model::Level levels[] = {model::Level::commune, model::Level::epci, model::Level::pays};

bool ready(const std::future<std::shared_ptr<analysis::RingsResult>>& f) {
  return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

// "10, 20" -> {10, 20}; nullopt when a value is not a number.
std::optional<std::vector<double>> parse_bands(const char* text) {
  std::vector<double> out;
  std::stringstream s(text);
  std::string item;
  while (std::getline(s, item, ',')) {
    if (item.find_first_not_of(" \t") == std::string::npos) continue;
    char* end = nullptr;
    const double v = std::strtod(item.c_str(), &end);
    if (end == item.c_str() || std::string(end).find_first_not_of(" \t") != std::string::npos) return std::nullopt;
    out.push_back(v);
  }
  return out;
}

render::Color family_color(Family f) {
  switch (f) {
    case Family::core: return render::Color::hex("#b2182b");
    case Family::ring:
    case Family::cumulative: return render::Color::hex("#d6604d");
    case Family::band: return render::Color::hex("#2166ac");
    case Family::zoning: return render::Color::hex("#1b7837");
    case Family::alliance: return render::Color::hex("#762a83");
  }
  return render::Color::hex("#000000");
}

std::string percent(double v) {
  if (v < 0) return "–";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", 100 * v);
  return buf;
}

// Loads what the worker needs once (labels, flows), then computes.
struct Job {
  std::shared_ptr<const model::TerritoryBase> base;
  std::vector<model::Alliance> alliances;
  std::vector<model::Perimeter> perimeters;  // communes only (no geometry)
  std::shared_ptr<analysis::AdjacencyCache> cache;
  std::shared_ptr<const analysis::CommuteFlows> flows;
  analysis::RingsRequest request;

  std::shared_ptr<analysis::RingsResult> operator()() const {
    const auto t0 = std::chrono::steady_clock::now();
    geo::ContiguityOptions options;
    options.mode = request.adjacency;
    const auto graph = cache->graph(*base, request.level, options);
    static const analysis::ZoningLabels labels = analysis::load_zoning_labels(sources::zoning_labels(paths::sources()));
    analysis::RingsInputs in{*base, *graph, alliances, perimeters};
    in.labels = &labels;
    in.flows = flows.get();
    auto result = std::make_shared<analysis::RingsResult>(analysis::compute_rings(in, request));
    analysis::compute_outlines(in, *result);
    result->notes.push_back("computed in " +
                            std::to_string(static_cast<int>(std::chrono::duration<double, std::milli>(
                                                                std::chrono::steady_clock::now() - t0)
                                                                .count())) +
                            " ms");
    return result;
  }
};

void start(RingsPanelState& state, const AppModel& model) {
  state.error.clear();
  const auto bands = parse_bands(state.bands);
  if (!bands) {
    state.error = "Bandes : des distances en km séparées par des virgules (ex. 10,20)";
    return;
  }
  Job job;
  job.base = model.base_ptr;
  job.alliances = model.alliances;
  for (const auto& p : model.perimeters) {
    model::Perimeter light;
    light.alliance_id = p.alliance_id;
    light.communes = p.communes;
    job.perimeters.push_back(std::move(light));
  }
  if (!state.cache) state.cache = std::make_shared<analysis::AdjacencyCache>(model.paths.base);
  job.cache = state.cache;
  auto& r = job.request;
  r.core = state.core;
  r.level = levels[std::clamp(state.level, 0, 2)];
  r.rings = state.rings;
  r.adjacency = state.queen ? geo::Adjacency::queen : geo::Adjacency::rook;
  r.bands_km = *bands;
  r.band_mode = state.band_by == 0 ? analysis::BandMode::centroid : analysis::BandMode::any_part;
  if (state.aav) r.zonings.push_back(analysis::Zoning::aav);
  if (state.ze) r.zonings.push_back(analysis::Zoning::ze);
  if (state.bv) r.zonings.push_back(analysis::Zoning::bv);
  r.compare = state.compare;
  r.theme = state.theme;
  try {
    analysis::validate_request(r);  // the CLI's checks, said in the request's words
  } catch (const analysis::RingsRequestError& e) {
    state.error = e.what();
    return;
  }
  // The RP 2016 flows cover homes in Ille-et-Vilaine: loaded once, when present.
  if (!state.flows_tried) {
    state.flows_tried = true;
    const auto file = sources::commute_flows(paths::sources());
    if (std::filesystem::exists(file)) {
      try {
        const auto rekey = sources::load_commune_rekeying(paths::sources(), paths::project_data());
        state.flows = std::make_shared<const analysis::CommuteFlows>(analysis::load_commute_flows(file, model.base(), rekey));
      } catch (const std::exception& e) {
        state.message = std::string("Flux domicile-travail non lus : ") + e.what();
      }
    }
  }
  job.flows = state.flows;
  state.job = std::async(std::launch::async, std::move(job));
}

void collect(RingsPanelState& state, render::Overlay& overlay) {
  try {
    state.result = state.job.get();
  } catch (const std::exception& e) {
    state.error = e.what();
    return;
  }
  const auto& r = *state.result;
  state.rows = rings_table(r);
  state.overlaps.clear();
  for (const auto& o : r.overlaps)
    state.overlaps.push_back({r.rows[o.a].name, r.rows[o.b].name, o.iou_population, o.iou_area});
  state.notes = r.notes;
  state.commuters.clear();
  if (r.commuters && r.commuters->to_core > 0)
    state.commuters = "Navetteurs (" + r.commuters->vintage + ") : " + format_int(r.commuters->to_core) +
                      " travaillent dans le cœur, dont " + format_int(r.commuters->from_core) + " y résident";
  overlay = rings_overlay(r, overlay.version + 1);
}

void draw_table(RingsPanelState& state, const std::string& theme_label) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("rings_table", 8, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 12))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("Périmètre", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthStretch, 0, 0);
  ImGui::TableSetupColumn("Communes", 0, 0, 1);
  ImGui::TableSetupColumn("EPCI", 0, 0, 2);
  ImGui::TableSetupColumn("Population", ImGuiTableColumnFlags_DefaultSort, 0, 3);
  ImGui::TableSetupColumn("km²", 0, 0, 4);
  ImGui::TableSetupColumn(("Couv. " + theme_label).c_str(), 0, 0, 5);
  ImGui::TableSetupColumn("Part AAV", 0, 0, 6);
  ImGui::TableSetupColumn("Navetteurs", 0, 0, 7);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0)
      sort_rings_table(state.rows, static_cast<int>(specs->Specs[0].ColumnUserID),
                       specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending);
    specs->SpecsDirty = false;
  }
  for (const auto& row : state.rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.name.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%zu", row.communes);
    ImGui::TableNextColumn();
    ImGui::Text("%zu", row.epci);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_int(row.population).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.0f", row.area_km2);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(percent(row.theme_coverage).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(percent(row.aav_capture).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(percent(row.commuter_share).c_str());
  }
  ImGui::EndTable();
}

}  // namespace

std::vector<RingsTableRow> rings_table(const analysis::RingsResult& result) {
  std::vector<RingsTableRow> out;
  for (const auto& r : result.rows) {
    RingsTableRow t;
    t.id = r.id;
    t.name = r.name;
    t.family = std::string(analysis::to_string(r.family));
    t.population = r.figures.population_municipale;
    t.area_km2 = r.figures.area_km2;
    t.communes = r.figures.communes;
    t.epci = r.figures.epci;
    t.members = r.members.size();
    t.theme_coverage = r.theme_coverage.value_or(-1);
    t.aav_capture = r.aav_capture.value_or(-1);
    t.commuter_share = r.commuter_share.value_or(-1);
    out.push_back(std::move(t));
  }
  return out;
}

void sort_rings_table(std::vector<RingsTableRow>& rows, int column, bool ascending) {
  auto key = [column](const RingsTableRow& r) -> double {
    switch (column) {
      case 1: return static_cast<double>(r.communes);
      case 2: return static_cast<double>(r.epci);
      case 3: return static_cast<double>(r.population);
      case 4: return r.area_km2;
      case 5: return r.theme_coverage;
      case 6: return r.aav_capture;
      case 7: return r.commuter_share;
      default: return 0;
    }
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const RingsTableRow& a, const RingsTableRow& b) {
    if (column == 0) return ascending ? a.name < b.name : b.name < a.name;
    return ascending ? key(a) < key(b) : key(b) < key(a);
  });
}

render::Overlay rings_overlay(const analysis::RingsResult& result, std::uint64_t version) {
  render::Overlay overlay;
  overlay.version = version;
  for (const auto& r : result.rows) {
    // Annuli are drawn through their cumulative perimeters: concentric outlines.
    if (r.family == Family::ring) continue;
    const geo::Geometry& g = r.family == Family::band && !r.buffer.null() ? r.buffer : r.geometry;
    if (g.null() || g.is_empty()) continue;
    render::OverlayItem item;
    item.polygons = g.polygons();
    item.outline = family_color(r.family);
    item.width_px = r.family == Family::core ? 3.0f : 2.0f;
    item.dashed = r.family == Family::band || r.family == Family::zoning;
    item.label = r.family == Family::cumulative ? "k ≤ " + std::to_string(r.k) : r.name;
    // Labels on the top edge of each outline: nested outlines do not collide.
    const geo::Envelope e = g.envelope();
    item.label_at = {(e.minx + e.maxx) / 2, e.maxy};
    overlay.items.push_back(std::move(item));
  }
  return overlay;
}

namespace {

// The core: clicked on the map, at the panel's level (a commune clicked
// while the level is EPCI picks its EPCI).
void pick_core_on_map(RingsPanelState& state, const model::TerritoryBase& base, model::Level level,
                      const RingsPanelHooks& hooks) {
  if (hooks.clicked && state.pick_on_map) {
    const auto& picked = base.layer(hooks.clicked->level)[hooks.clicked->index];
    std::string code;
    if (picked.level == level) code = picked.code;
    else if (picked.level == model::Level::commune && level == model::Level::epci) code = picked.epci;
    else if (picked.level == model::Level::commune && level == model::Level::pays) code = picked.pays;
    if (!code.empty()) {
      if (!hooks.add_to_core) state.core.clear();
      if (std::find(state.core.begin(), state.core.end(), code) == state.core.end()) state.core.push_back(code);
      if (state.run_on_pick) state.run_requested = true;
    }
  }

}

void draw_core(RingsPanelState& state, const model::TerritoryBase& base, model::Level level) {
  ImGui::TextUnformatted("Cœur (clic sur la carte, maj+clic pour ajouter) :");
  if (state.core.empty()) ImGui::TextDisabled("  aucun territoire choisi");
  for (std::size_t i = 0; i < state.core.size(); ++i) {
    const auto* t = base.find(level, state.core[i]);
    ImGui::BulletText("%s %s", state.core[i].c_str(), t ? t->name.c_str() : "(absent à ce niveau)");
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("×")) {
      state.core.erase(state.core.begin() + static_cast<std::ptrdiff_t>(i));
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
  }
}

void draw_ring_options(RingsPanelState& state) {
  const char* level_names[] = {"Communes", "EPCI", "Pays"};
  if (ImGui::Combo("Niveau", &state.level, level_names, 3)) state.core.clear();
  ImGui::SliderInt("Anneaux", &state.rings, 1, 8);
  ImGui::Checkbox("Contiguïté par un point (queen)", &state.queen);
  ImGui::InputText("Bandes (km)", state.bands, sizeof state.bands);
  ImGui::RadioButton("centroïde", &state.band_by, 0);
  ImGui::SameLine();
  ImGui::RadioButton("toute partie", &state.band_by, 1);
  ImGui::Checkbox("AAV 2020", &state.aav);
  ImGui::SameLine();
  ImGui::Checkbox("ZE 2020", &state.ze);
  ImGui::SameLine();
  ImGui::Checkbox("BV 2022", &state.bv);

}

// Theme whose coverage is measured, and alliances to compare; returns the theme's label.
std::string draw_comparison(RingsPanelState& state, const AppModel& model) {
  std::string theme_label = model.label("themes", state.theme);
  if (theme_label.empty()) theme_label = state.theme;
  if (const auto* themes = model.vocabulary.family("themes"); themes && ImGui::BeginCombo("Thème", theme_label.c_str())) {
    for (const auto& e : themes->entries)
      if (ImGui::Selectable(e.label.c_str(), e.id == state.theme)) state.theme = e.id;
    ImGui::EndCombo();
  }
  std::string compare_preview = state.compare.empty() ? "aucune" : std::to_string(state.compare.size()) + " alliance(s)";
  if (ImGui::BeginCombo("Comparer", compare_preview.c_str())) {
    for (const auto& a : model.alliances) {
      auto it = std::find(state.compare.begin(), state.compare.end(), a.id);
      bool on = it != state.compare.end();
      if (ImGui::Checkbox(a.name.c_str(), &on)) {
        if (on) state.compare.push_back(a.id);
        else state.compare.erase(it);
      }
    }
    ImGui::EndCombo();
  }

  return theme_label;
}

void draw_run_buttons(RingsPanelState& state, const AppModel& model, render::Overlay& overlay) {
  if (ready(state.job)) collect(state, overlay);
  ImGui::BeginDisabled(state.job.valid() || state.core.empty());
  if (ImGui::Button("Calculer")) state.run_requested = true;
  ImGui::EndDisabled();
  if (state.run_requested && !state.job.valid() && !state.core.empty()) {
    state.run_requested = false;
    start(state, model);
  }
  if (state.job.valid()) {
    ImGui::SameLine();
    ImGui::TextDisabled("calcul en cours…");
  }
  ImGui::SameLine();
  if (ImGui::Button("Effacer")) {
    const std::uint64_t version = overlay.version + 1;
    overlay = render::Overlay{};
    overlay.version = version;
    state.rows.clear();
    state.overlaps.clear();
    state.result.reset();
  }
  if (!state.error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", state.error.c_str());

}

void draw_overlaps(const RingsPanelState& state) {
  if (ImGui::TreeNode("Recouvrements (intersection / union)")) {
    if (ImGui::BeginTable("rings_overlaps", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY,
                          ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8))) {
      ImGui::TableSetupColumn("A");
      ImGui::TableSetupColumn("B");
      ImGui::TableSetupColumn("IoU pop.");
      ImGui::TableSetupColumn("IoU surface");
      ImGui::TableHeadersRow();
      for (const auto& o : state.overlaps) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(o.a.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(o.b.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", o.iou_population);
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", o.iou_area);
      }
      ImGui::EndTable();
    }
    ImGui::TreePop();
  }
}

// Exports (the GeoPackage on a worker; the PNG by the viewer).
void draw_exports(RingsPanelState& state, const AppModel& model, const RingsPanelHooks& hooks) {
  ImGui::InputText("GeoPackage", state.export_path, sizeof state.export_path);
  ImGui::SameLine();
  ImGui::BeginDisabled(state.export_job.valid() || !state.result);
  if (ImGui::Button("Exporter")) {
    auto result = state.result;
    const std::filesystem::path path = state.export_path;
    const std::vector<std::filesystem::path> inputs{model.paths.base, model.paths.catalogue};
    state.export_job = std::async(std::launch::async, [result, path, inputs]() -> std::string {
      try {
        refuse_overwriting_inputs(path, inputs, "the GeoPackage");  // the base is not an output
        analysis::write_rings_gpkg(*result, path);
        return "Écrit : " + path.string();
      } catch (const std::exception& e) {
        return std::string("Échec de l'export : ") + e.what();
      }
    });
  }
  ImGui::EndDisabled();
  if (state.export_job.valid() && state.export_job.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
    state.message = state.export_job.get();
  ImGui::InputText("PNG", state.png_path, sizeof state.png_path);
  ImGui::SameLine();
  ImGui::BeginDisabled(!hooks.export_png);
  if (ImGui::Button("Exporter l'image")) {
    hooks.export_png(state.png_path);
    state.message = std::string("Image : ") + state.png_path;
  }
  ImGui::EndDisabled();
  if (!state.message.empty()) ImGui::TextWrapped("%s", state.message.c_str());
}

}  // namespace

void draw_rings_panel(RingsPanelState& state, const AppModel& model, render::Overlay& overlay,
                      const RingsPanelHooks& hooks) {
  if (!ImGui::Begin("Anneaux")) {
    ImGui::End();
    return;
  }
  if (!model.base_loaded) {
    ImGui::TextDisabled("Chargement de la base des territoires…");
    ImGui::End();
    return;
  }
  const model::TerritoryBase& base = model.base();
  const model::Level level = levels[std::clamp(state.level, 0, 2)];
  pick_core_on_map(state, base, level, hooks);
  draw_core(state, base, level);
  draw_ring_options(state);
  const std::string theme_label = draw_comparison(state, model);
  draw_run_buttons(state, model, overlay);
  if (!state.rows.empty()) {
    draw_table(state, theme_label);
    if (!state.commuters.empty()) ImGui::TextWrapped("%s (flux ≥ 100 seulement)", state.commuters.c_str());
    draw_overlaps(state);
    for (const auto& n : state.notes) ImGui::TextDisabled("%s", n.c_str());
    draw_exports(state, model, hooks);
  }
  ImGui::End();
}

}  // namespace cartes::app
