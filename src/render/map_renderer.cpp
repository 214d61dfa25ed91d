#include "render/map_renderer.hpp"

#include <cmath>

#include "render/gl.hpp"

namespace cartes::render {

namespace {
int lvl(model::Level l) { return static_cast<int>(l); }
}  // namespace

std::size_t frame_level(const MapFrame& f, std::size_t levels) {
  return f.full_detail ? 0 : detail_level(f.camera.mpp, levels);
}

std::array<LayerStyle, 5> default_layer_styles(const BaseColors& c) {
  std::array<LayerStyle, 5> s;
  // Communes are hidden at the regional scale (2 430 outlines become grey
  // noise); the viewer shows them when zoomed in (MapView) or on demand.
  s[lvl(model::Level::commune)] = {false, c.commune, 0.6f, 0};
  s[lvl(model::Level::epci)] = {true, c.epci, 0.9f, 0};
  s[lvl(model::Level::pays)] = {false, c.pays, 1.2f, 5};
  s[lvl(model::Level::departement)] = {true, c.departement, 1.4f, 0};
  s[lvl(model::Level::region)] = {true, c.region, 2.2f, 0};
  return s;
}

MapRenderer::MapRenderer(const std::filesystem::path& shaders)
    : fill_flat_(shaders, "fill", "#define FILL_MODE 0\n"),
      fill_density_(shaders, "fill", "#define FILL_MODE 1\n"),
      fill_hatch_(shaders, "fill", "#define FILL_MODE 3\n"),
      line_(shaders, "line") {}

void MapRenderer::set_scene(const SceneData& scene) {
  origin_ = scene.origin;
  // Each level's alliances share its communes' vertices: GpuLevel releases
  // them first.
  levels_.clear();
  levels_.resize(1 + scene.coarse.size());
  for (std::size_t k = 0; k < levels_.size(); ++k)
    for (std::size_t i = 0; i < 5; ++i) levels_[k].layers[i].upload(layers_at(scene, k)[i]);
  set_alliances(scene);
  has_scene_ = true;
  ++content_version_;
}

void MapRenderer::set_alliances(const SceneData& scene) {
  for (std::size_t k = 0; k < levels_.size(); ++k)
    levels_[k].alliances.upload(alliances_at(scene, k), &levels_[k].layers[lvl(model::Level::commune)]);
  links_.upload(scene.links);
  alliance_communes_ = scene.alliance_communes;
  fill_stale_ = true;
  ++content_version_;
}

void MapRenderer::update_fill_table(const MapFrame& f) {
  if (levels_.empty()) return;
  const auto& ranges = levels_[0].alliances.fill_ranges();
  auto filled = [&](const AllianceStyle& a) {
    return a.index < ranges.size() && a.index < alliance_communes_.size() && !a.stripes.empty() && a.fill;
  };
  std::vector<float> key;
  for (const auto& a : f.alliances) {
    if (!filled(a)) continue;
    key.insert(key.end(), {static_cast<float>(a.index), a.intensity.tint_alpha, a.intensity.stripe_px});
    for (const auto& s : a.stripes) key.insert(key.end(), {s.color.r, s.color.g, s.color.b, s.color.a, s.angle_deg});
    key.push_back(-1);
  }
  if (!fill_stale_ && key == fill_key_) return;
  FillTableBuilder builder(levels_[0].layers[lvl(model::Level::commune)].fill_ranges().size());
  std::vector<FillTableBuilder::Stripe> stripes;
  for (const auto& a : f.alliances) {
    if (!filled(a)) continue;
    stripes.clear();
    for (const auto& s : a.stripes) stripes.push_back({{s.color.r, s.color.g, s.color.b, s.color.a}, s.angle_deg});
    const Color& c = a.stripes[0].color;
    builder.add(alliance_communes_[a.index], {c.r, c.g, c.b, a.intensity.tint_alpha}, a.intensity.stripe_px, stripes);
  }
  fill_table_ = builder.finish();
  // Only the covered communes are drawn: no fragment spent on bare land.
  for (auto& level : levels_) {
    level.covered.clear();
    const auto& communes = level.layers[lvl(model::Level::commune)].fill_ranges();
    for (std::size_t c = 0; c < communes.size(); ++c) {
      if (!builder.covered(c) || !communes[c].count) continue;
      auto& runs = level.covered;
      if (!runs.empty() && runs.back().first + runs.back().count == communes[c].first)
        runs.back().count += communes[c].count;
      else
        runs.push_back(communes[c]);
    }
  }
  fill_texture_.upload(fill_table_.words, fill_table_.rows);
  fill_key_ = std::move(key);
  fill_stale_ = false;
}

void MapRenderer::set_density(const std::vector<int>& counts) {
  std::vector<std::array<unsigned char, 4>> colors(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i) colors[i] = density_color(counts[i]).rgba8();
  density_.upload(colors);
  ++content_version_;
}

std::vector<double> MapRenderer::frame_key(const MapFrame& f) const {
  std::vector<double> k{static_cast<double>(content_version_),
                        f.camera.cx, f.camera.cy, f.camera.mpp,
                        static_cast<double>(f.camera.width), static_cast<double>(f.camera.height),
                        static_cast<double>(f.mode), f.full_detail ? 1.0 : 0.0, f.show_links ? 1.0 : 0.0,
                        f.highlight ? static_cast<double>(*f.highlight) : -1.0,
                        f.selected ? static_cast<double>(f.selected->level) : -1.0,
                        f.selected ? static_cast<double>(f.selected->index) : -1.0,
                        f.overlay ? static_cast<double>(f.overlay->version) : -1.0};
  auto color = [&](const Color& c) { k.insert(k.end(), {c.r, c.g, c.b, c.a}); };
  for (const Color* c : {&f.colors.background, &f.colors.land, &f.colors.region, &f.colors.departement,
                         &f.colors.pays, &f.colors.epci, &f.colors.commune, &f.colors.highlight})
    color(*c);
  for (const auto& l : f.layers) {
    k.insert(k.end(), {l.visible ? 1.0 : 0.0, l.width_px, l.dash_px});
    color(l.outline);
  }
  for (const auto& a : f.alliances) {
    k.insert(k.end(), {static_cast<double>(a.index), a.intensity.tint_alpha, a.intensity.stripe_px,
                       a.intensity.outline_px, a.dashed ? 1.0 : 0.0, a.fill ? 1.0 : 0.0, a.offset_px,
                       static_cast<double>(a.stripes.size())});
    for (const auto& s : a.stripes) {
      color(s.color);
      k.push_back(s.angle_deg);
    }
  }
  return k;
}

std::size_t MapRenderer::gpu_bytes() const {
  std::size_t b = links_.gpu_bytes() + overlay_.gpu_bytes();
  for (const auto& level : levels_) {
    b += level.alliances.gpu_bytes();
    for (const auto& l : level.layers) b += l.gpu_bytes();
  }
  return b;
}

void MapRenderer::draw_outline(const GpuGroup& g, Range r, Color c, float width, float offset,
                               float dash) {
  line_.set("u_color", c);
  line_.set("u_width", width);
  line_.set("u_offset", offset);
  line_.set("u_dash", dash);
  g.draw_lines(r);
}

void MapRenderer::draw(const MapFrame& f) {
  const Camera& cam = f.camera;
  glViewport(0, 0, cam.width, cam.height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glClearColor(f.colors.background.r, f.colors.background.g, f.colors.background.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!has_scene_) return;
  last_level_ = frame_level(f, levels_.size());
  const GpuLevel& lod = levels_[last_level_];
  const auto& layers = lod.layers;
  const auto& alliances = lod.alliances;

  const auto view = cam.matrix(origin_);

  // Land: the régions (or, in a base without them, the départements),
  // opaque: no blending to pay for.
  fill_flat_.use();
  fill_flat_.set_mat3("u_view", view.data());
  fill_flat_.set("u_color", f.colors.land);
  const auto& land = layers[lvl(model::Level::region)].fill_ranges().empty() ? layers[lvl(model::Level::departement)]
                                                                               : layers[lvl(model::Level::region)];
  glDisable(GL_BLEND);
  land.draw_fill_all();
  glEnable(GL_BLEND);

  if (f.mode == MapMode::density && !density_.empty()) {
    fill_density_.use();
    fill_density_.set_mat3("u_view", view.data());
    fill_density_.set("u_feature_colors", 0);
    density_.bind(0);
    layers[lvl(model::Level::commune)].draw_fill_all();
  } else if (f.mode == MapMode::themes) {
    // One pass over the communes' triangles: each commune's tints (every
    // tint first, so that no tint veils another alliance's stripes), then its
    // stripes, one per theme (further themes of one alliance shifted by a
    // third of the period), from the fill table. In an overlap each stripe
    // keeps its pure theme colour (no brown mud), only the ground between
    // them darkens.
    update_fill_table(f);
    if (!fill_key_.empty()) {
      const Program& h = fill_hatch_;
      h.use();
      h.set_mat3("u_view", view.data());
      h.set("u_fill_table", 1);
      h.set("u_slots", fill_table_.slots);
      h.set("u_max_entries", fill_table_.max_entries);
      h.set("u_hatch_period", hatch_period_px);
      const auto themes = static_cast<GLsizei>(fill_table_.theme_color.size() / 4);
      if (themes > 0) {
        glUniform4fv(h.uniform("u_theme_color"), themes, fill_table_.theme_color.data());
        glUniform2fv(h.uniform("u_theme_normal"), themes, fill_table_.theme_normal.data());
      }
      if (!fill_table_.widths.empty())
        glUniform1fv(h.uniform("u_widths"), static_cast<GLsizei>(fill_table_.widths.size()), fill_table_.widths.data());
      fill_texture_.bind(1);
      layers[lvl(model::Level::commune)].draw_fills(lod.covered);
      glActiveTexture(GL_TEXTURE0);
    }
  }

  use_line_program(cam);
  for (auto level : {model::Level::commune, model::Level::epci, model::Level::pays, model::Level::departement,
                     model::Level::region}) {
    const auto& st = f.layers[lvl(level)];
    if (!st.visible) continue;
    draw_outline(layers[lvl(level)], {0, 0xffffffffu}, st.outline, st.width_px, 0, st.dash_px);
  }

  const auto& lranges = alliances.line_ranges();
  const bool outlines = f.mode == MapMode::themes;
  for (const auto& a : f.alliances) {
    if (a.index >= lranges.size() || a.stripes.empty() || !outlines) continue;
    draw_outline(alliances, lranges[a.index], a.stripes[0].color, a.intensity.outline_px, a.offset_px,
                 a.dashed ? imaginee_dash_px : 0);
    if (f.show_links && a.index < links_.line_ranges().size())
      draw_outline(links_, links_.line_ranges()[a.index], a.stripes[0].color, 1.6f, 0, 4);
  }

  if (f.highlight && *f.highlight < lranges.size()) {
    const Range r = lranges[*f.highlight];
    draw_outline(alliances, r, Color{1, 1, 1, 0.9f}, 7, 0, 0);
    draw_outline(alliances, r, f.colors.highlight, 3, 0, 0);
    if (*f.highlight < links_.line_ranges().size()) {
      draw_outline(links_, links_.line_ranges()[*f.highlight], Color{1, 1, 1, 0.9f}, 5, 0, 0);
      draw_outline(links_, links_.line_ranges()[*f.highlight], f.colors.highlight, 2, 0, 6);
    }
  }
  if (f.hovered) draw_pick(*f.hovered, false);
  if (f.selected) draw_pick(*f.selected, true);
  if (f.overlay) draw_overlay(*f.overlay, cam);
  glBindVertexArray(0);
  glUseProgram(0);
}

void MapRenderer::use_line_program(const Camera& cam) {
  const auto view = cam.matrix(origin_);
  line_.use();
  line_.set_mat3("u_view", view.data());
  line_.set("u_viewport", static_cast<float>(cam.width), static_cast<float>(cam.height));
  line_.set("u_px_per_unit", static_cast<float>(1.0 / cam.mpp));
  line_.set("u_segments", segment_texture_unit);
}

void MapRenderer::draw_pick(const Pick& pick, bool selected) {
  const auto& g = levels_[last_level_].layers[lvl(pick.level)];
  if (pick.index >= g.line_ranges().size()) return;
  draw_outline(g, g.line_ranges()[pick.index], selected ? Color{0.05f, 0.05f, 0.05f, 1} : Color{0.1f, 0.1f, 0.1f, 0.7f},
               selected ? 2.5f : 1.8f, 0, 0);
}

void MapRenderer::draw_hovered(const MapFrame& f) {
  if (!has_scene_ || !f.hovered) return;
  glViewport(0, 0, f.camera.width, f.camera.height);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  last_level_ = frame_level(f, levels_.size());
  use_line_program(f.camera);
  draw_pick(*f.hovered, false);
  glBindVertexArray(0);
  glUseProgram(0);
}

void MapRenderer::draw_overlay(const Overlay& o, const Camera& cam) {
  if (o.version != overlay_version_) {
    // Panels change overlays rarely (a new ring): triangulate here, once.
    MeshGroup mesh;
    for (std::size_t i = 0; i < o.items.size(); ++i) {
      begin_feature(mesh);
      tessellate(o.items[i].polygons, origin_, static_cast<std::uint32_t>(i), mesh, "overlay");
      append_outline(o.items[i].polygons, origin_, static_cast<std::uint32_t>(i), mesh);
      end_feature(mesh);
    }
    overlay_.upload(mesh);
    overlay_version_ = o.version;
  }
  const auto view = cam.matrix(origin_);
  fill_flat_.use();
  fill_flat_.set_mat3("u_view", view.data());
  for (std::size_t i = 0; i < o.items.size() && i < overlay_.fill_ranges().size(); ++i) {
    if (o.items[i].fill.a <= 0) continue;
    fill_flat_.set("u_color", o.items[i].fill);
    overlay_.draw_fill(overlay_.fill_ranges()[i]);
  }
  line_.use();
  for (std::size_t i = 0; i < o.items.size() && i < overlay_.line_ranges().size(); ++i)
    draw_outline(overlay_, overlay_.line_ranges()[i], o.items[i].outline, o.items[i].width_px, 0,
                 o.items[i].dashed ? 6.f : 0.f);
}

}  // namespace cartes::render
