#!/usr/bin/env bash
# Benchmark: the communes -> EPCI dissolve of all metropolitan France, whole
# process, three tools on the same prepared input, in one run:
#   cartes   build/bench_dissolve (geo::dissolve: checked coverage union, 2 threads)
#   QGIS     qgis_process.bin run native:dissolve (QT_QPA_PLATFORM=offscreen)
#   ogr2ogr  -dialect SQLite "SELECT epci, ST_Union(geom) ... GROUP BY epci"
# then checks every output (group count, each group's area = sum of its
# communes' areas within 1e-6 relative) and prints the ratios. Finally
# `cartes build --scope france` end to end, with peak memory.
#   tools/bench/dissolve.sh [BUILD_DIR]   (default: build)
# Input: the communes of France re-keyed to COG 2025 with their EPCI, as in
# the sources (`cartes build --scope france --keep-overlaps`: the overlaps
# along département borders kept, as in the measurement of issue 2 where
# coverage union failed for 84 EPCI), reduced to code + epci.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
work="$build/bench-dissolve"
mkdir -p "$work"
cartes="$build/cartes"
france="$work/france-keep-overlaps.gpkg"
py=/usr/bin/python3   # the system Python that has GDAL's bindings

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f "$france" ] || "$cartes" build --scope france --keep-overlaps --out "$france" >"$work/prepare.log" 2>&1 || { cat "$work/prepare.log"; exit 1; }

input="$work/communes_epci.gpkg"
rm -f "$input"
ogr2ogr -f GPKG "$input" "$france" communes -select code,epci -where "epci <> ''" -nln communes
echo "input: $(ogrinfo -so "$input" communes | sed -n 's/^Feature Count: //p') communes with an EPCI"

now() { date +%s.%N; }
timed() {  # timed NAME COMMAND...: wall seconds into $t_NAME, peak RSS (KiB) into $m_NAME
  local name=$1; shift
  local t0 t1
  t0=$(now)
  /usr/bin/time -f "%M" -o "$work/$name.mem" "$@" >"$work/$name.log" 2>&1 || { cat "$work/$name.log"; exit 1; }
  t1=$(now)
  printf -v "t_$name" "%.2f" "$(echo "$t1 - $t0" | bc)"
  printf -v "m_$name" "%s" "$(tail -1 "$work/$name.mem")"
}

rm -f "$work"/out_*.gpkg
timed cartes "$build/bench_dissolve" "$input" "$work/out_cartes.gpkg" 2
timed qgis env QT_QPA_PLATFORM=offscreen qgis_process.bin run native:dissolve -- \
  "INPUT=$input|layername=communes" FIELD=epci "OUTPUT=$work/out_qgis.gpkg"
timed ogr ogr2ogr -f GPKG "$work/out_ogr.gpkg" "$input" -dialect SQLite -nln epci \
  -sql "SELECT epci, ST_Union(geom) AS geom FROM communes GROUP BY epci"

# Every group correct: the groups of the input, valid, and the same area as
# the reference union (ogr2ogr's ST_Union = GEOS unary union of the members)
# within 1e-6 relative. (Members overlap along département borders, so the
# union is smaller than the sum of the members' areas for straddling EPCI;
# "= sum" counts the groups where both agree.)
check() {
  "$py" - "$input" "$1" "$work/out_ogr.gpkg" <<'PY'
import sys
from osgeo import ogr
ogr.UseExceptions()
# Keep every dataset referenced while its layers are used (else GDAL crashes).
src, out, reference = (ogr.Open(p) for p in sys.argv[1:4])
sums = {}
for f in src.GetLayer("communes"):
    sums[f["epci"]] = sums.get(f["epci"], 0.0) + f.GetGeometryRef().GetArea()
ref = {f["epci"]: f.GetGeometryRef().GetArea() for f in reference.GetLayer(0)}
seen, bad, invalid, equal_sum = 0, 0, 0, 0
for f in out.GetLayer(0):
    g = f.GetGeometryRef(); seen += 1; a = g.GetArea(); e = f["epci"]
    if not g.IsValid(): invalid += 1
    if abs(a - ref[e]) > 1e-6 * ref[e]: bad += 1
    if abs(a - sums[e]) <= 1e-6 * sums[e]: equal_sum += 1
ok = seen == len(sums) == len(ref) and bad == 0 and invalid == 0
print("%d/%d groups, %d differ from the reference, %d invalid, %d = sum -> %s"
      % (seen, len(sums), bad, invalid, equal_sum, "OK" if ok else "WRONG"))
PY
}
echo
printf "%-8s %8s %10s   %s\n" tool seconds "peak MiB" "check (area vs reference union, 1e-6)"
for tool in cartes qgis ogr; do
  t=t_$tool m=m_$tool
  printf "%-8s %8s %10d   %s\n" "$tool" "${!t}" $(( ${!m} / 1024 )) "$(check "$work/out_$tool.gpkg")"
done
echo "cartes: $(cat "$work/cartes.log")"
printf "ratios: QGIS / cartes = %.1fx, ogr2ogr / cartes = %.1fx\n" \
  "$(echo "$t_qgis / $t_cartes" | bc -l)" "$(echo "$t_ogr / $t_cartes" | bc -l)"

echo
timed build env CARTES_PROFILE=1 "$cartes" build --scope france --out "$work/france.gpkg"
echo "cartes build --scope france: ${t_build} s wall, peak $(( m_build / 1024 )) MiB (target <= 10 s)"
grep -E "profile|written|dissolve_fallback|overlap_removed" "$work/build.log" | sed 's/^/  /'
