#version 330 core
// Compiled once per FILL_MODE (a #define the program inserts: one small
// shader per pass rather than one branching on a uniform, which software
// rasterisers pay for in every pass). 0: flat colour. 1: one colour per
// feature from a table (cooperation density). 3: the alliances' hatching,
// every alliance at once over the communes' triangles: each commune's faint
// tints, then stripes of each theme's colour at the theme's angle, in screen
// space, so that overlapping alliances interleave their stripes instead of
// blending into brown; from the table of src/render/fill_table.hpp (layout
// documented there).
flat in uint v_feature;
uniform vec4 u_color;          // flat colour
uniform float u_hatch_period;  // pixels between stripes
uniform sampler2D u_feature_colors;  // 1024 features per row
uniform usampler2D u_fill_table;     // mode 3: u_slots texels per commune, 1024 per row
uniform int u_slots;
uniform int u_max_entries;
uniform vec4 u_theme_color[32];
uniform vec2 u_theme_normal[32];     // (-sin, cos) of the theme's hatch angle
uniform float u_widths[16];
out vec4 frag;
void main() {
#if FILL_MODE == 1
  {
    ivec2 t = ivec2(int(v_feature % 1024u), int(v_feature / 1024u));
    frag = texelFetch(u_feature_colors, t, 0);
    if (frag.a == 0.0) discard;
    return;
  }
#elif FILL_MODE == 3
  {
    int base = int(v_feature) * u_slots;
    uvec4 head = texelFetch(u_fill_table, ivec2(base % 1024, base / 1024), 0);
    // P + dst * T: the tints folded on the CPU, then each stripe in turn.
    vec3 p = vec3(float(head.x & 0xffffu), float(head.x >> 16), float(head.y & 0xffffu)) / 65535.0;
    float t = 1.0 - float(head.y >> 16) / 65535.0;
    for (int i = 0; i < u_max_entries; ++i) {
      int w = 2 + i / 2;
      int texel = base + w / 4;
      uint word = texelFetch(u_fill_table, ivec2(texel % 1024, texel / 1024), 0)[w % 4];
      uint e = (i % 2 == 0) ? (word & 0xffffu) : (word >> 16);
      if (e == 0u) break;
      int theme = int(e & 63u) - 1;
      float s = dot(gl_FragCoord.xy, u_theme_normal[theme]) + float((e >> 6) & 3u) * u_hatch_period / 3.0;
      float d = abs(mod(s, u_hatch_period) - 0.5 * u_hatch_period);
      float cover = clamp(0.5 * u_widths[(e >> 8) & 15u] - d + 0.5, 0.0, 1.0);
      vec4 src = mix(vec4(0.0), u_theme_color[theme], cover);
      p = src.rgb * src.a + p * (1.0 - src.a);
      t *= 1.0 - src.a;
    }
    if (t >= 1.0) discard;
    frag = vec4(p / (1.0 - t), 1.0 - t);
    return;
  }
#else
  frag = u_color;
#endif
}
