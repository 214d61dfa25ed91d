#version 330 core
// The cached map's pixel under this one: same size, no filtering.
uniform sampler2D u_map;
out vec4 frag;
void main() { frag = texelFetch(u_map, ivec2(gl_FragCoord.xy), 0); }
