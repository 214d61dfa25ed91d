#!/bin/sh
# Builds render_bench_egl with nothing but a C++17 compiler, libEGL and libGL
# (the GPU machine has no GDAL, GEOS or GLFW):
#   tools/bench/gpu/build.sh [OUT]       (default: tools/bench/gpu/render_bench_egl)
# Then: render_bench_egl MESH shaders/ --frames 200 --size 1920x1080
# with MESH from `cartes render --out x.png --size 1920x1080 --dump-mesh MESH`.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/render_bench_egl}"
${CXX:-c++} -std=c++17 -O2 -o "$out" "$here/render_bench_egl.cpp" -lEGL -lGL
echo "built $out"
