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
# Input: the communes layer of <build>/geodata/france.gpkg (re-keyed to COG
# 2025, overlaps cut) reduced to code + epci; built first when missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
work="$build/bench-dissolve"
mkdir -p "$work"
cartes="$build/cartes"
france="$build/geodata/france.gpkg"
py=/usr/bin/python3   # the system Python that has GDAL's bindings

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f "$france" ] || "$cartes" build --scope france >/dev/null

input="$work/communes_epci.gpkg"
rm -f "$input"
ogr2ogr -f GPKG "$input" "$france" communes -select code,epci -where "epci <> ''" -nln communes
echo "input: $(ogrinfo -q -so "$input" communes | sed -n 's/^Feature Count: //p') communes with an EPCI"

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

# Every group correct: same groups as the input, area = sum of members' areas.
check() {
  "$py" - "$input" "$1" <<'PY'
import sys
from osgeo import ogr
ogr.UseExceptions()
src = ogr.Open(sys.argv[1]); out = ogr.Open(sys.argv[2])
sums = {}
for f in src.GetLayer("communes"):
    sums[f["epci"]] = sums.get(f["epci"], 0.0) + f.GetGeometryRef().GetArea()
layer = out.GetLayer(0)
seen, bad, invalid = 0, 0, 0
for f in layer:
    g = f.GetGeometryRef(); seen += 1
    if not g.IsValid(): invalid += 1
    if abs(g.GetArea() - sums[f["epci"]]) > 1e-6 * sums[f["epci"]]: bad += 1
ok = seen == len(sums) and bad == 0
print("%d/%d groups, %d area mismatches, %d invalid -> %s" % (seen, len(sums), bad, invalid, "OK" if ok else "WRONG"))
PY
}
echo
printf "%-8s %8s %10s   %s\n" tool seconds "peak MiB" "groups (area = sum of members, 1e-6)"
for tool in cartes qgis ogr; do
  t=t_$tool m=m_$tool
  printf "%-8s %8s %10d   %s\n" "$tool" "${!t}" $(( ${!m} / 1024 )) "$(check "$work/out_$tool.gpkg")"
done
echo "cartes: $(cat "$work/cartes.log")"
printf "ratios: QGIS / cartes = %.1fx, ogr2ogr / cartes = %.1fx\n" \
  "$(echo "$t_qgis / $t_cartes" | bc -l)" "$(echo "$t_ogr / $t_cartes" | bc -l)"

echo
timed build "$cartes" build --scope france --out "$work/france.gpkg"
echo "cartes build --scope france: ${t_build} s wall, peak $(( m_build / 1024 )) MiB (target <= 10 s)"
grep -E "written|dissolve_fallback|overlap_removed" "$work/build.log" | sed 's/^/  /'
