#version 330 core
// Polygon fills: triangles tessellated once at load time (GLU), scene
// coordinates (Lambert-93 metres minus the scene origin).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in uint a_feature;
uniform mat3 u_view;  // scene -> clip space
flat out uint v_feature;
void main() {
  vec3 p = u_view * vec3(a_pos, 1.0);
  gl_Position = vec4(p.xy, 0.0, 1.0);
  v_feature = a_feature;
}
