#version 330 core
// u_mode 0: flat colour. 1: one colour per feature from a table (cooperation
// density). 2: hatching: a faint tint with stripes of the theme's colour at the
// theme's angle, in screen space, so that overlapping alliances interleave
// their stripes instead of blending into brown.
flat in uint v_feature;
uniform int u_mode;
uniform vec4 u_color;          // flat colour, or the tint under the stripes
uniform vec4 u_stripe_color;
uniform float u_hatch_angle;   // radians
uniform float u_hatch_period;  // pixels between stripes
uniform float u_stripe_width;  // pixels
uniform float u_stripe_phase;  // pixels
uniform sampler2D u_feature_colors;  // 1024 features per row
out vec4 frag;
void main() {
  if (u_mode == 1) {
    ivec2 t = ivec2(int(v_feature % 1024u), int(v_feature / 1024u));
    frag = texelFetch(u_feature_colors, t, 0);
    if (frag.a == 0.0) discard;
    return;
  }
  if (u_mode == 2) {
    vec2 n = vec2(-sin(u_hatch_angle), cos(u_hatch_angle));
    float s = dot(gl_FragCoord.xy, n) + u_stripe_phase;
    float t = abs(mod(s, u_hatch_period) - 0.5 * u_hatch_period);
    float cover = clamp(0.5 * u_stripe_width - t + 0.5, 0.0, 1.0);
    frag = mix(u_color, u_stripe_color, cover);
    return;
  }
  frag = u_color;
}
