#!/bin/sh
# The GPU-machine run of the render benchmark: builds render_bench_egl there
# when a compiler and the EGL headers exist (else uses a prebuilt one beside
# the meshes), then draws each mesh dump 200 times at 1920x1080.
#   tools/bench/gpu/run.sh MESH_DIR [OUT_DIR]
# MESH_DIR holds lb.mesh (and fr.mesh or fr.mesh.xz) from
#   cartes render --size 1920x1080 --dump-mesh MESH_DIR/lb.mesh --out lb.png
#   cartes render --scope france --size 1920x1080 --dump-mesh MESH_DIR/fr.mesh --out fr.png
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
meshes="$1"
out="${2:-/tmp}"
bin="$meshes/render_bench_egl"
# A machine with the NVIDIA EGL driver but without libglvnd's libEGL.so.1 and
# libGL.so.1 (the dispatch libraries): copies of Debian's may sit in
# MESH_DIR/lib (their JSON vendor file, 10_nvidia.json, is what they read).
[ -d "$meshes/lib" ] && export LD_LIBRARY_PATH="$meshes/lib:/usr/local/nvidia/lib64:${LD_LIBRARY_PATH:-}"
if command -v c++ >/dev/null 2>&1 && [ -f /usr/include/EGL/egl.h ]; then
  "$here/build.sh" "$out/render_bench_egl" && bin="$out/render_bench_egl"
fi
command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || true
[ -f "$meshes/fr.mesh" ] || { [ -f "$meshes/fr.mesh.xz" ] && xz -dkc "$meshes/fr.mesh.xz" > "$out/fr.mesh"; }
for m in "$meshes/lb.mesh" "$meshes/fr.mesh" "$out/fr.mesh"; do
  [ -f "$m" ] || continue
  echo "== $m"
  "$bin" "$m" "$here/../../../shaders" --frames 200 --size 1920x1080
  echo "-- with every commune outlined"
  "$bin" "$m" "$here/../../../shaders" --frames 200 --size 1920x1080 --communes
done
