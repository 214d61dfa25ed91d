#!/usr/bin/env bash
# External baseline for the EPCI contiguity graph (BENCHMARKS.md, "Rings"):
# the same adjacency as a GIS user would get it, with GDAL's SQLite dialect
# (SpatiaLite ST_Touches self-join, envelope prefilter) on the base GeoPackage.
# Counts the pairs of EPCI that touch (a shared point is enough: queen).
#   tools/bench/rings_ogr_baseline.sh [build/geodata/france.gpkg]
set -euo pipefail
base="${1:-build/geodata/france.gpkg}"
start=$(date +%s.%N)
ogrinfo -q -ro -dialect SQLite -sql "
  SELECT count(*) AS pairs FROM epci a, epci b
  WHERE a.fid < b.fid
    AND MbrIntersects(a.geom, b.geom)
    AND ST_Touches(a.geom, b.geom)" "$base" | grep -i pairs
end=$(date +%s.%N)
echo "ogrinfo SQLite ST_Touches self-join on epci: $(echo "$end - $start" | bc) s"
