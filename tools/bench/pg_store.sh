#!/bin/bash
# The shared store against the file (issue 12): alliances list, stats and a
# full export from the PostGIS store beside the same from the TOML file, in
# one run on one local cluster (tools/pg), median of RUNS; then the edit
# throughput of the concurrent editors' load test (tests/store_pg).
#
# usage: tools/bench/pg_store.sh [RUNS=5] [EDITS=200]   (from the repository root, after a build)
set -euo pipefail
runs=${1:-5}
edits=${2:-200}
cartes=build/cartes
base=build/geodata/loire-bretagne.gpkg
file=geodata/alliances/loire-bretagne.toml
work=$(mktemp -d)
pg="$work/pg"
trap 'tools/pg destroy "$pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
url=$(tools/pg start "$pg")
store="PG:$url"
"$cartes" db init --db "$store" >/dev/null
"$cartes" db push "$file" --db "$store" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
printf '%-22s %10s %10s %7s\n' command file store ratio
for what in "alliances list" "stats --by theme" "export"; do
  for source in file store; do
    cat=$file
    [ "$source" = store ] && cat=$store
    : > "$work/$source"
    for ((i = 0; i < runs; i++)); do
      case "$what" in
        export) seconds "$cartes" export --out "$work/x-$source.gpkg" --catalogue "$cat" --base "$base" >> "$work/$source" ;;
        stats*) seconds "$cartes" $what --catalogue "$cat" >> "$work/$source" ;;
        *) seconds "$cartes" $what --catalogue "$cat" --base "$base" >> "$work/$source" ;;
      esac
    done
  done
  f=$(median < "$work/file"); s=$(median < "$work/store")
  printf '%-22s %9.3fs %9.3fs %7.2f\n' "$what" "$f" "$s" "$(echo "scale=3; $s / $f" | bc)"
done
/usr/bin/python3 tests/store_pg/concurrent_edits.py "$cartes" "$pg" "$file" "$base" 5 "$edits"
