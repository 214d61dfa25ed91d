#!/usr/bin/env bash
# Map rendering benchmark (issue 4) beside its QGIS baseline, in one run:
#   tools/bench/render.sh [build-dir]     (default: build)
# Loire-Bretagne with every alliance, and every French commune (--scope france
# base, built when missing), 200 frames at 1920x1080 each; QGIS renders the
# communes layer of the same bases (render_qgis.py). Prints the ratios.
# Runs under Xvfb when there is no display.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-build}"
cd "$here"
cmake --build "$build" --target bench_render cartes >/dev/null
for scope in loire-bretagne france; do
  [ -f "$build/geodata/$scope.gpkg" ] || "$build/cartes" build --scope "$scope" >/dev/null
done
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"; fi

bench="$build/tools/bench/bench_render"
val() { sed -n "s/^$1=\([^ ]*\).*/\1/p" | head -1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

lb="$build/geodata/loire-bretagne.gpkg"
fr="$build/geodata/france.gpkg"
echo "== Loire-Bretagne, all alliances"
frames="${FRAMES:-200}"  # llvmpipe takes seconds per frame: FRAMES=10 for a quick look
lb_out=$("$bench" --base "$lb" --frames "$frames")
echo "$lb_out"
echo "== Loire-Bretagne, viewer start to first frames"
first_out=$("$bench" --base "$lb" --first-frame)
echo "$first_out"
echo "== France, every commune outlined (catalogue alliances too)"
fr_out=$("$bench" --base "$fr" --frames "$frames" --communes)
echo "$fr_out"
echo "== QGIS (QgsMapRendererSequentialJob, communes layer, 1920x1080)"
q_lb=$(QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/bench/render_qgis.py "$lb" 10 1920x1080)
q_fr=$(QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/bench/render_qgis.py "$fr" 5 1920x1080)
echo "loire-bretagne: $q_lb" | tr '\n' ' '; echo
echo "france: $q_fr" | tr '\n' ' '; echo

lb_ms=$(echo "$lb_out" | val frame_median_ms)
fr_ms=$(echo "$fr_out" | val frame_median_ms)
q_lb_s=$(echo "$q_lb" | val qgis_median_s)
q_fr_s=$(echo "$q_fr" | val qgis_median_s)
echo "== ratios (QGIS time per render / cartes time per frame; target >= 20)"
awk -v c="$lb_ms" -v q="$q_lb_s" 'BEGIN { printf "loire-bretagne: cartes %.2f ms, QGIS %.1f ms, ratio %.1fx\n", c, q*1000, q*1000/c }'
awk -v c="$fr_ms" -v q="$q_fr_s" 'BEGIN { printf "france:         cartes %.2f ms, QGIS %.1f ms, ratio %.1fx\n", c, q*1000, q*1000/c }'
echo "first frame with the map: $(echo "$first_out" | val first_map_frame_s) s (target <= 1 s); with the alliances: $(echo "$first_out" | val first_alliances_frame_s) s"
