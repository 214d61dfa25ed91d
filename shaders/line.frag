#version 330 core
in float v_dist;
in float v_across;
uniform vec4 u_color;
uniform float u_width;  // pixels
uniform float u_dash;   // dash length in pixels; 0: solid
out vec4 frag;
void main() {
  if (u_dash > 0.0 && mod(v_dist, 2.0 * u_dash) > u_dash) discard;
  float a = clamp(0.5 * u_width + 0.5 - abs(v_across), 0.0, 1.0);
  if (a <= 0.0) discard;
  frag = vec4(u_color.rgb, u_color.a * a);
}
