#version 330 core
// One triangle covering the viewport (no vertex buffer): the cached map
// (render/map_cache.hpp) is copied pixel for pixel by blit.frag.
void main() {
  vec2 p = vec2(gl_VertexID == 1 ? 3.0 : -1.0, gl_VertexID == 2 ? 3.0 : -1.0);
  gl_Position = vec4(p, 0.0, 1.0);
}
