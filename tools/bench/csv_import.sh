#!/bin/bash
# CSV import of N alliances (issue 11): `cartes alliances import` of a
# spreadsheet of N new alliances into an empty catalogue, and of the same
# rows into the catalogue that holds them (N unchanged), beside the baseline
# `cartes check` of that catalogue (parsing and validating the same N
# alliances against the same base). Median of RUNS wall-clock runs each.
#
# usage: tools/bench/csv_import.sh [N=1000] [RUNS=5]   (from the repository root, after a build)
set -euo pipefail
n=${1:-1000}
runs=${2:-5}
cartes=build/cartes
base=build/geodata/loire-bretagne.gpkg
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 tools/bench/many_alliances.py "$n" "$base" "$work/many.toml"
"$cartes" check "$work/many.toml" --format --base "$base" > /dev/null
"$cartes" alliances export --format csv --catalogue "$work/many.toml" --out "$work/many.csv" 2> /dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() {  # wall-clock seconds of one run of "$@", output discarded
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

for ((i = 0; i < runs; i++)); do
  printf 'format = 1\n' > "$work/empty.toml"
  seconds "$cartes" alliances import "$work/many.csv" --catalogue "$work/empty.toml" --base "$base" >> "$work/new"
  seconds "$cartes" alliances import "$work/many.csv" --catalogue "$work/many.toml" --base "$base" >> "$work/same"
  seconds "$cartes" check "$work/many.toml" --base "$base" >> "$work/check"
done
grep -c '^\[\[alliance\]\]' "$work/empty.toml" | xargs printf 'imported: %s alliances\n'
new=$(median < "$work/new"); same=$(median < "$work/same"); check=$(median < "$work/check")
echo "import of $n new alliances:        ${new} s"
echo "import of $n unchanged alliances:  ${same} s"
echo "baseline cartes check of them:     ${check} s"
echo "ratio new/check: $(echo "scale=2; $new / $check" | bc)  unchanged/check: $(echo "scale=2; $same / $check" | bc)"
