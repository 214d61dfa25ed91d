#pragma once
// `cartes render --dump-mesh FILE`: the tessellated buffers (of the level of
// detail drawn at the frame's scale, scene.hpp) and the styles of one frame
// in a flat binary file, so that tools/bench/gpu/render_bench_egl (libEGL +
// libGL only: no GDAL, GEOS or GLFW on the GPU machine) can draw exactly
// what the viewer draws.
//
// Format (little-endian, no padding):
//   char[8]  "CARTMSH1"
//   f64 origin_x, origin_y, camera_cx, camera_cy, camera_mpp
//   f32[4]   background rgba;  f32[4] land rgba
//   u32      group count, then per group:
//     u32 kind (0..4 base layer by level, 5 alliances, 6 links)
//     u32 vertex count, index count, segment count, feature count
//     FillVertex[vertices] (f32 x, f32 y, u32 feature); the alliances (kind 5) have
//       none: their indices point into the communes' (kind 0) vertices
//     u32[indices]
//     Segment[segments]    (f32 x0, y0, x1, y1, dist0, u32 feature)
//     Range[features] fill (u32 first, count), Range[features] lines
//   u32      base layer style count (5), each: u32 visible, f32[4] rgba, f32 width, f32 dash
//   u32      alliance style count, each: u32 index, u32 dashed, f32 tint (0: outline only), f32 stripe_px,
//            f32 outline_px, f32 offset_px, u32 stripe count, then per stripe f32[4] rgba, f32 angle_deg
#include <filesystem>

#include "render/map_renderer.hpp"
#include "render/scene.hpp"

namespace cartes::render {

void write_mesh_dump(const std::filesystem::path& file, const SceneData& scene, const MapFrame& frame);

}  // namespace cartes::render
