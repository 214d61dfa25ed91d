#!/bin/bash
# The render benchmark and its QGIS baseline on the GPU machine, in one run
# (issue 4: frame time against QGIS on the same machine). Several device
# calls on the same warm machine, because one call carries 64 MiB at most:
#   1. tools/bench/gpu/run_qgis.sh stage PARTS_DIR     (once per call that
#      carries some of the files of qgis_bundle.sh: qgis.tar.xz.part.aa, then,
#      for France, france_communes.gpkg.xz)
#   2. tools/bench/gpu/run_qgis.sh run PARTS_DIR MESH_DIR
#      (PARTS_DIR holding the last part; MESH_DIR lb.mesh.xz, fr.mesh.xz and
#      render_bench_egl; .gl carried as the device notes say)
# Parts from tools/bench/gpu/qgis_bundle.sh, meshes from
#   cartes render --size 1920x1080 --dump-mesh lb.mesh --out lb.png
# Each round: QGIS renders the Loire-Bretagne communes 10 times (median), then
# render_bench_egl draws the Loire-Bretagne frame 200 times (4x MSAA, as the
# viewer, then 1 sample); then, with the France communes staged, QGIS renders
# them 5 times and render_bench_egl draws France with every commune outlined.
set -u
stage=/tmp/qparts
mkdir -p "$stage"
cp "$2"/* "$stage"/ || exit 3
[ "$1" = stage ] && { ls -l "$stage"; exit 0; }
root=/tmp/qroot
mkdir -p "$root"
cat "$stage"/qgis.tar.xz.part.* | xz -dc -T0 | tar -x -C "$root" || { echo "QGIS tree incomplete: was 'stage' run on this machine?"; exit 4; }
[ -f "$stage/france_communes.gpkg.xz" ] && xz -dc "$stage/france_communes.gpkg.xz" > "$root/data/fr.gpkg"
here="$(cd "$(dirname "$0")" && pwd)"
meshes="$3"
for f in .gl/*.deb; do dpkg -x "$f" /; done; ldconfig
export __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
export LD_LIBRARY_PATH=/usr/local/nvidia/lib64:${LD_LIBRARY_PATH:-}
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader
lscpu | grep -E 'Model name|^CPU\(s\)'
for m in lb fr; do
  if [ -f "$meshes/$m.mesh" ]; then cp "$meshes/$m.mesh" /tmp/; else xz -dc "$meshes/$m.mesh.xz" > "/tmp/$m.mesh"; fi
done
bench="$meshes/render_bench_egl"
qgis() {  # GPKG RENDERS
  env -i HOME=/tmp QT_QPA_PLATFORM=offscreen "$(command -v chroot)" "$root" \
    /usr/bin/python3 /data/render_qgis.py "$1" "$2" 1920x1080 2>/dev/null
}
for round in 1 2 3; do
  echo "== round $round: QGIS, Loire-Bretagne communes (CPU)"
  qgis /data/lb.gpkg 10
  echo "== cartes, Loire-Bretagne, 37 alliances (GPU, 4x MSAA, then 1 sample)"
  "$bench" /tmp/lb.mesh "$here/../../../shaders" --frames 200 --size 1920x1080 | grep frame_
  "$bench" /tmp/lb.mesh "$here/../../../shaders" --frames 200 --size 1920x1080 --samples 1 | grep frame_
  if [ -f "$root/data/fr.gpkg" ]; then
    echo "== QGIS, France communes (CPU)"
    qgis /data/fr.gpkg 5
  fi
  echo "== cartes, France, every commune outlined (GPU, 4x MSAA)"
  "$bench" /tmp/fr.mesh "$here/../../../shaders" --frames 200 --size 1920x1080 --communes | grep frame_
done
