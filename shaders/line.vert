#version 330 core
// Outlines with a width in pixels: six vertices per segment (two triangles),
// no vertex attributes: the segment comes from a buffer texture, picked by
// gl_VertexID, and is extruded here into a screen-space quad. u_offset moves
// the line towards the left of the segment, which is the polygon's interior
// (rings are oriented at load time): coinciding outlines of overlapping
// alliances are drawn side by side.
uniform samplerBuffer u_segments;  // 3 RG32F texels per segment: (x0, y0), (x1, y1), (dist0, feature)
uniform mat3 u_view;
uniform vec2 u_viewport;      // pixels
uniform float u_width;        // pixels
uniform float u_offset;       // pixels towards the interior
uniform float u_px_per_unit;  // pixels per scene unit
out float v_dist;             // pixels along the ring (dashes)
out float v_across;           // pixels from the centre line (antialiasing)
void main() {
  int seg = gl_VertexID / 6;
  int corner = gl_VertexID - seg * 6;  // triangles (0 1 2) and (3 4 5)
  vec2 a = texelFetch(u_segments, seg * 3).xy;
  vec2 b = texelFetch(u_segments, seg * 3 + 1).xy;
  float dist0 = texelFetch(u_segments, seg * 3 + 2).x;
  vec2 s0 = ((u_view * vec3(a, 1.0)).xy * 0.5 + 0.5) * u_viewport;
  vec2 s1 = ((u_view * vec3(b, 1.0)).xy * 0.5 + 0.5) * u_viewport;
  vec2 d = s1 - s0;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float half_w = 0.5 * u_width + 1.0;
  float along = (corner == 1 || corner == 4 || corner == 5) ? 1.0 : 0.0;
  float side = (corner == 2 || corner == 3 || corner == 5) ? 1.0 : -1.0;
  float cap = 0.5 * u_width;  // square caps close the joints
  float ext = (along * 2.0 - 1.0) * cap;
  vec2 s = mix(s0, s1, along) + dir * ext + nrm * (u_offset + side * half_w);
  v_dist = dist0 * u_px_per_unit + along * len + ext;
  v_across = side * half_w;
  gl_Position = vec4(s / u_viewport * 2.0 - 1.0, 0.0, 1.0);
}
