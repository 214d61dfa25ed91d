#pragma once
// The alliances' fills in one pass (themes mode): for every commune, what
// fill.frag (u_mode 3) needs to draw, over the communes' own triangles, the
// tints and stripes of every visible alliance covering it. Built on the CPU
// when the alliances, filters or styles change (2 458 communes x 37 alliances:
// microseconds), uploaded as one RGBA32UI texture (1024 texels per row).
//
// Same result as drawing each alliance's tint, then each alliance's stripes
// (one per theme), with SRC_ALPHA / ONE_MINUS_SRC_ALPHA blending: every such
// draw maps the pixel below, d, to p + d (1 - a); their composition is again
// P + d T, which the shader computes and writes as (P / (1 - T), 1 - T).
//   - the tints: P and T for each commune, folded here, as four unorm16;
//   - the stripes: an ordered list of (theme, phase, width) entries, one per
//     distinct stripe (an identical stripe drawn twice covers the same
//     pixels: it is kept once, at the place of the last one drawn), folded
//     by the shader per pixel.
// Stripes come after every tint, as before, so a tint never veils a stripe.
//
// Layout of a commune's `slots` texels, as 4 x slots 32-bit words:
//   word 0: P.r | P.g << 16 (unorm16); word 1: P.b | (1 - T) << 16
//   words 2..: two 16-bit entries per word, low half first, 0 ends the list;
//   entry: bits 0-5 theme + 1, bits 6-7 phase (k: k x period / 3 pixels),
//          bits 8-11 index into `widths`.
// Header-only and standard C++17 only: tools/bench/gpu/render_bench_egl.cpp
// (libEGL + libGL, no project libraries) builds the same table.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace cartes::render {

struct FillTable {
  static constexpr int row_texels = 1024;
  static constexpr std::size_t max_themes = 32;  // u_theme_color[32] in fill.frag
  static constexpr std::size_t max_widths = 16;  // u_widths[16]
  int slots = 1;                     // texels per commune
  int max_entries = 0;               // longest entry list (shader loop bound)
  int rows = 1;                      // texture height
  std::vector<std::uint32_t> words;  // 4 x slots per commune, padded to whole rows
  std::vector<float> theme_color;    // 4 per theme (rgba)
  std::vector<float> theme_normal;   // 2 per theme: (-sin, cos) of the hatch angle
  std::vector<float> widths;         // stripe widths, pixels
};

class FillTableBuilder {
 public:
  explicit FillTableBuilder(std::size_t communes) : cells_(communes) {}

  // One alliance, in drawing order: its communes, its tint (the first theme's
  // colour, alpha = the intensity's tint opacity), its stripe width, and its
  // stripes (rgba + hatch angle in degrees), first theme first.
  struct Stripe {
    std::array<float, 4> rgba;
    float angle_deg;
  };
  void add(const std::vector<std::uint32_t>& communes, const std::array<float, 4>& tint, float stripe_px,
           const std::vector<Stripe>& stripes) {
    const std::uint32_t w = width_index(stripe_px);
    std::vector<std::uint32_t> themes;
    for (const auto& s : stripes) themes.push_back(theme_index(s));
    for (auto c : communes) {
      if (c >= cells_.size()) continue;
      Cell& cell = cells_[c];
      const float a = tint[3];
      for (int i = 0; i < 3; ++i) cell.p[i] = tint[i] * a + cell.p[i] * (1 - a);
      cell.t *= 1 - a;
      for (std::size_t k = 0; k < themes.size(); ++k) {
        const std::uint32_t entry = (themes[k] + 1) | ((k % 3) << 6) | (w << 8);
        // A stripe drawn again goes on top (last): two themes may share an
        // angle and a phase, and the one drawn last must stay the visible one.
        auto it = std::find(cell.entries.begin(), cell.entries.end(), entry);
        if (it != cell.entries.end()) cell.entries.erase(it);
        cell.entries.push_back(entry);
      }
    }
  }

  // Whether any alliance added so far covers commune c.
  bool covered(std::size_t c) const { return c < cells_.size() && (cells_[c].t < 1 || !cells_[c].entries.empty()); }

  FillTable finish() const {
    FillTable t;
    std::size_t longest = 0;
    for (const auto& c : cells_) longest = std::max(longest, c.entries.size());
    t.max_entries = static_cast<int>(longest);
    t.slots = static_cast<int>((2 + (longest + 1) / 2 + 3) / 4);
    const std::size_t texels = std::max<std::size_t>(1, cells_.size() * static_cast<std::size_t>(t.slots));
    t.rows = static_cast<int>((texels + FillTable::row_texels - 1) / FillTable::row_texels);
    t.words.assign(static_cast<std::size_t>(t.rows) * FillTable::row_texels * 4, 0);
    auto unorm16 = [](float v) { return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.f, 1.f) * 65535.f)); };
    for (std::size_t c = 0; c < cells_.size(); ++c) {
      std::uint32_t* w = &t.words[c * static_cast<std::size_t>(t.slots) * 4];
      const Cell& cell = cells_[c];
      w[0] = unorm16(cell.p[0]) | unorm16(cell.p[1]) << 16;
      w[1] = unorm16(cell.p[2]) | unorm16(1 - cell.t) << 16;
      for (std::size_t i = 0; i < cell.entries.size(); ++i) w[2 + i / 2] |= cell.entries[i] << (16 * (i % 2));
    }
    for (const auto& s : themes_) {
      t.theme_color.insert(t.theme_color.end(), s.rgba.begin(), s.rgba.end());
      const float r = s.angle_deg * 3.14159265358979f / 180.f;
      t.theme_normal.push_back(-std::sin(r));
      t.theme_normal.push_back(std::cos(r));
    }
    t.widths = widths_;
    return t;
  }

 private:
  struct Cell {
    float p[3] = {0, 0, 0};
    float t = 1;
    std::vector<std::uint32_t> entries;
  };
  std::uint32_t theme_index(const Stripe& s) {
    for (std::size_t i = 0; i < themes_.size(); ++i)
      if (themes_[i].rgba == s.rgba && themes_[i].angle_deg == s.angle_deg) return static_cast<std::uint32_t>(i);
    if (themes_.size() == FillTable::max_themes) return FillTable::max_themes - 1;  // more themes than the palette
    themes_.push_back(s);
    return static_cast<std::uint32_t>(themes_.size() - 1);
  }
  std::uint32_t width_index(float px) {
    for (std::size_t i = 0; i < widths_.size(); ++i)
      if (widths_[i] == px) return static_cast<std::uint32_t>(i);
    if (widths_.size() == FillTable::max_widths) return FillTable::max_widths - 1;
    widths_.push_back(px);
    return static_cast<std::uint32_t>(widths_.size() - 1);
  }
  std::vector<Cell> cells_;
  std::vector<Stripe> themes_;
  std::vector<float> widths_;
};

}  // namespace cartes::render
