#!/usr/bin/env bash
# Reliability run (issue 10): damaged inputs and faults on the Loire-Bretagne
# scope, as a hostile or careless user would make them. One line per case and
# the totals:
#   clean      a documented exit code (2-5) with a message, no "internal error"
#   ok         a case that must succeed did, with the right result
#   WRONG-0    exit 0 on bad input, or a wrong result
#   DESTROYED  a file that must survive changed
#   INTERNAL   exit 1 or "internal error" on bad data
#   HUNG       ran past its time limit
#
#   tools/torture.sh [--quick]     (after tools/dev build; --quick skips the source builds)
# Needs build/cartes and build/geodata/loire-bretagne.gpkg. Runs under Xvfb
# when there is no display (render and view cases). Exit 0 when every case is
# clean or ok.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cartes="$here/build/cartes"
base="$here/build/geodata/loire-bretagne.gpkg"
catalogue="$here/geodata/alliances/loire-bretagne.toml"
sources="${CARTES_SOURCES:-$here/../shared/geodata}"
quick=0
[ "${1:-}" = "--quick" ] && quick=1
[ -x "$cartes" ] && [ -f "$base" ] || { echo "torture: run tools/dev build first" >&2; exit 3; }
if [ -z "${DISPLAY:-}" ] && [ -z "${TORTURE_IN_XVFB:-}" ]; then
  TORTURE_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

work=$(mktemp -d /tmp/cartes-torture.XXXXXX)
mounted=""
cleanup() {
  [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

declare -A totals=()
tried=0
record() {  # record CLASS NAME DETAIL
  totals[$1]=$(( ${totals[$1]:-0} + 1 ))
  tried=$((tried + 1))
  printf '%-9s %-38s %s\n' "$1" "$2" "$3"
}

# expect_error NAME TIMEOUT_S PROTECTED_FILE|- KEYWORD|- cartes-args...
# Bad input: must end with exit 2-5, a message holding KEYWORD (case
# insensitive), no internal error, and PROTECTED_FILE unchanged.
expect_error() {
  local name=$1 limit=$2 keep=$3 key=$4; shift 4
  local before="" after="" rc
  [ "$keep" != - ] && [ -e "$keep" ] && before=$(sha256sum "$keep" | cut -d' ' -f1)
  timeout -s KILL "$limit" "$cartes" "$@" >"$work/out" 2>"$work/err" </dev/null
  rc=$?
  [ "$keep" != - ] && [ -n "$before" ] && after=$( [ -e "$keep" ] && sha256sum "$keep" | cut -d' ' -f1 )
  local msg
  msg=$(grep -v '\.\.\. \(done\|[0-9]*%\)$' "$work/err" | tail -1 | cut -c1-150)
  if [ "$rc" -eq 137 ]; then record HUNG "$name" "killed after $limit s"
  elif [ -n "$before" ] && [ "$before" != "$after" ]; then record DESTROYED "$name" "exit $rc: $keep changed"
  elif [ "$rc" -eq 1 ] || grep -q "internal error" "$work/err"; then record INTERNAL "$name" "$msg"
  elif [ "$rc" -eq 0 ]; then record WRONG-0 "$name" "exit 0 on bad input"
  elif [ "$key" != - ] && ! grep -qi -- "$key" "$work/err"; then record WRONG-0 "$name" "exit $rc but no '$key' in: $msg"
  else record clean "$name" "exit $rc: $msg"
  fi
}

# expect_ok NAME TIMEOUT_S CHECK cartes-args...   (CHECK: a shell test run after)
expect_ok() {
  local name=$1 limit=$2 check=$3; shift 3
  timeout -s KILL "$limit" "$cartes" "$@" >"$work/out" 2>"$work/err" </dev/null
  local rc=$?
  if [ "$rc" -eq 137 ]; then record HUNG "$name" "killed after $limit s"
  elif [ "$rc" -ne 0 ]; then record WRONG-0 "$name" "exit $rc: $(tail -1 "$work/err" | cut -c1-140)"
  elif ! (eval "$check") >/dev/null 2>&1; then record WRONG-0 "$name" "exit 0 but wrong result ($check)"
  else record ok "$name" "exit 0"
  fi
}

# SQL on a GeoPackage through GDAL (its triggers need GDAL's ST_ functions).
ogrsql() { ogrinfo -q "$1" -sql "$2" >/dev/null 2>&1 || echo "torture: could not damage $1 with: $2" >&2; }
cp "$base" good.gpkg
cp "$catalogue" good.toml
# A catalogue with one line replaced (python: exact, no shell quoting games).
edit_catalogue() {  # edit_catalogue OUT PY_EXPR_ON_TEXT
  python3 -c 'import sys; t=open(sys.argv[1],encoding="utf-8").read(); exec("t="+sys.argv[3]); open(sys.argv[2],"w",encoding="utf-8",newline="").write(t)' \
    good.toml "$1" "$2"
}
L=(--base good.gpkg)

echo "== catalogue"
head -c 3000 good.toml >truncated.toml
expect_error catalogue-truncated 60 - "truncated.toml" check truncated.toml "${L[@]}"
edit_catalogue nul.toml 't.replace("name = \"", "name = \"A\\\\u0000B", 1)'
expect_error catalogue-nul-in-name 60 - "control" check nul.toml "${L[@]}"
edit_catalogue ctrl.toml 't.replace("name = \"", "name = \"A\\\\u0007B", 1)'
expect_error catalogue-bell-in-name 60 - "control" check ctrl.toml "${L[@]}"
edit_catalogue dup.toml 't+t[t.index("[[alliance]]"):t.index("[[alliance]]", t.index("[[alliance]]")+1)]'
expect_error catalogue-duplicate-id 60 - "dup.toml" check dup.toml "${L[@]}"
edit_catalogue theme.toml 't.replace("themes = [\"", "themes = [\"mobility\", \"", 1)'
expect_error catalogue-unknown-theme 60 - "mobility" check theme.toml "${L[@]}"
edit_catalogue code.toml 't.replace("code = \"", "code = \"99", 1)'
expect_error catalogue-unknown-code 60 - "code.toml" check code.toml "${L[@]}"
head -c 4096 /dev/urandom >garbage.toml
expect_error catalogue-garbage 60 - "garbage.toml" check garbage.toml "${L[@]}"
: >empty.toml
expect_error catalogue-empty 60 - "empty.toml" check empty.toml "${L[@]}"
mkdir -p dir.toml
expect_error catalogue-is-a-folder 60 - 'is a folder\|directory' check dir.toml "${L[@]}"
expect_error catalogue-missing 60 - "nowhere.toml" check nowhere.toml "${L[@]}"
expect_error list-catalogue-truncated 60 - "truncated.toml" alliances list --catalogue truncated.toml "${L[@]}"
expect_error export-catalogue-unknown-code 120 - "code.toml" export --out x.gpkg --catalogue code.toml "${L[@]}"
expect_error render-catalogue-truncated 120 - "truncated.toml" render --out x.png --catalogue truncated.toml "${L[@]}"
expect_error view-catalogue-truncated 120 - "truncated.toml" view --screenshot v.png --frames 2 --catalogue truncated.toml "${L[@]}"
expect_error view-select-unknown 120 - "did you mean" view --screenshot v.png --frames 2 --select reciprocite-brest "${L[@]}"
expect_error check-base-mistyped 60 - "no-such-base" check good.toml --base no-such-base.gpkg

echo "== check --format"
cp good.toml fmt-real.toml; ln -sf fmt-real.toml fmt-link.toml
expect_ok format-through-symlink 60 '[ -L fmt-link.toml ] && [ -f fmt-real.toml ]' check fmt-link.toml --format "${L[@]}"
cp good.toml fmt-0600.toml; chmod 600 fmt-0600.toml
expect_ok format-keeps-mode 60 '[ "$(stat -c %a fmt-0600.toml)" = 600 ]' check fmt-0600.toml --format "${L[@]}"
sed 's/$/\r/' good.toml >fmt-crlf.toml
expect_ok format-crlf-consistent 60 '[ "$(grep -c $'"'"'\r$'"'"' fmt-crlf.toml)" = "$(wc -l <fmt-crlf.toml)" ] || [ "$(grep -c $'"'"'\r'"'"' fmt-crlf.toml)" = 0 ]' \
  check fmt-crlf.toml --format "${L[@]}"

echo "== territory base"
cp good.gpkg france.gpkg
expect_ok base-renamed-france 120 'true' check good.toml --base france.gpkg
head -c 500000 good.gpkg >truncated.gpkg
expect_error base-truncated 60 - "truncated.gpkg" check good.toml --base truncated.gpkg
cp good.gpkg nolayer.gpkg; ogrsql nolayer.gpkg "DROP TABLE communes"
expect_error base-without-communes 60 - "communes" alliances list --base nolayer.gpkg
cp good.gpkg dupcodes.gpkg; ogrsql dupcodes.gpkg "UPDATE communes SET code='35238' WHERE code='35047'"
expect_error base-duplicate-codes 60 - "35238" alliances list --base dupcodes.gpkg
cp good.gpkg nullpop.gpkg; ogrsql nullpop.gpkg "UPDATE communes SET population_municipale=NULL"
expect_error base-null-population 60 - "population_municipale" alliances list --base nullpop.gpkg
cp good.gpkg nofield.gpkg; ogrsql nofield.gpkg "ALTER TABLE communes DROP COLUMN area_km2"
expect_error base-missing-field 60 - "area_km2" alliances list --base nofield.gpkg
cp good.gpkg locked.gpkg
python3 -c 'import sqlite3,time; c=sqlite3.connect("locked.gpkg",isolation_level=None); c.execute("BEGIN EXCLUSIVE"); time.sleep(25)' &
locker=$!; sleep 1
expect_error base-locked 60 - "is locked\|locked by" alliances list --base locked.gpkg
kill $locker 2>/dev/null; wait $locker 2>/dev/null
mkdir -p dir.gpkg
expect_error base-is-a-folder 60 - 'is a folder\|directory' alliances list --base dir.gpkg
cp good.toml base-as-toml.gpkg
expect_error base-is-a-toml 60 - "base-as-toml.gpkg" alliances list --base base-as-toml.gpkg

echo "== outputs that are inputs"
cp good.toml in.toml; cp good.gpkg in.gpkg; ln -sf in.toml in-link.toml
expect_error export-over-catalogue 60 in.toml "inputs" export --out in-link.toml --catalogue in.toml --base in.gpkg
expect_error export-over-base 60 in.gpkg "inputs" export --out ./in.gpkg --catalogue in.toml --base in.gpkg
expect_error rings-over-base 60 in.gpkg "inputs" rings --core 244400404 --out in.gpkg --catalogue in.toml --base in.gpkg
expect_error render-over-catalogue 60 in.toml "inputs" render --out in.toml --catalogue in.toml --base in.gpkg

echo "== full disk (512 KiB tmpfs)"
mkdir -p full
if mount -t tmpfs -o size=512k tmpfs full 2>/dev/null; then
  mounted="$work/full"
  "$cartes" render --out full/map.png --size 400x300 "${L[@]}" >/dev/null 2>&1
  # A catalogue in its non-canonical form (an extra comment-free blank line), so --format must rewrite it.
  sed 's/^\[\[alliance\]\]$/\n[[alliance]]/' good.toml >full/cat.toml
  expect_error render-full-disk 120 full/map.png "full/map.png" render --out full/map.png --size 1920x1080 "${L[@]}"
  expect_error export-full-disk 120 - "full/x.gpkg" export --out full/x.gpkg "${L[@]}"
  expect_error mesh-dump-full-disk 120 - "full/mesh.bin" render --out x.png --dump-mesh full/mesh.bin "${L[@]}"
  head -c 2000000 /dev/zero >full/filler 2>/dev/null  # fill what is left
  expect_error format-full-disk 60 full/cat.toml "full/cat.toml" check full/cat.toml --format "${L[@]}"
  n=$(ls -A full | grep -c '\.tmp' || true)
  if [ "$n" -eq 0 ]; then record ok full-disk-no-litter "no temporary left"; else record WRONG-0 full-disk-no-litter "$n temporaries left"; fi
  umount full; mounted=""
else
  record clean full-disk-skipped "cannot mount a tmpfs here (needs root)"
fi

echo "== bounded work"
expect_error rings-million 60 - "rings" rings --core 244400404 --rings 1000000 "${L[@]}"
expect_ok rings-until-empty 120 'grep -qi "ring.*empty\|empty ring" out' rings --core 244400404 --rings 50 --format json "${L[@]}"
expect_error render-huge-size 60 - "size" render --out x.png --size 16384x16384 "${L[@]}"
expect_error render-zero-size 60 - "size" render --out x.png --size 0x100 "${L[@]}"

echo "== no litter after kill -9"
"$cartes" export --out killed.gpkg "${L[@]}" >/dev/null 2>&1 &
pid=$!; sleep 4; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
left=$(ls -A | grep -c '^\.killed\.gpkg\..*\.tmp' || true)
expect_ok export-after-kill-9 120 '[ "$(ls -A | grep -c "^\.killed\.gpkg\..*\.tmp")" = 0 ]' export --out killed.gpkg "${L[@]}"
echo "          (the killed export had left $left temporaries; the next run removed them)"

if [ "$quick" = 0 ]; then
  echo "== damaged sources (cartes build, Loire-Bretagne)"
  # A copy of the sources tree made of links, with one file replaced per case.
  damaged() {  # damaged NAME RELATIVE_FILE: prints the copy's root
    local root="$work/src-$1"
    mkdir -p "$root"
    cp -rs "$(cd "$sources" && pwd)/." "$root/" 2>/dev/null
    rm -f "$root/$2"
    echo "$root"
  }
  s=$(damaged noaav raw/cogugaison-supracom/table_supracom_2024.csv)
  sed '1s/,AAV2020//' "$sources/raw/cogugaison-supracom/table_supracom_2024.csv" | cut -d, -f1-11,13 >"$s/raw/cogugaison-supracom/table_supracom_2024.csv"
  expect_error sources-csv-without-aav 300 - "AAV2020" build --sources "$s" --out b.gpkg
  s=$(damaged nopays derived/pays_bretagne_epci.csv)
  cut -d, -f1-4,6- "$sources/derived/pays_bretagne_epci.csv" >"$s/derived/pays_bretagne_epci.csv"
  expect_error sources-csv-without-pays-code 300 - "pays_code_geo" build --sources "$s" --out b.gpkg
  dep=raw/mathieulebasic-france-geojson-2024/communes/dep35.geojson
  s=$(damaged point $dep)
  python3 - "$sources/$dep" "$s/$dep" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f = d["features"][0]
f["geometry"] = {"type": "Point", "coordinates": [-1.68, 48.11]}
json.dump(d, open(sys.argv[2], "w"))
PY
  expect_error sources-point-geometry 300 - "dep35" build --sources "$s" --out b.gpkg
  s=$(damaged empty $dep)
  echo '{"type":"FeatureCollection","features":[]}' >"$s/$dep"
  expect_error sources-empty-communes 300 - "dep35" build --sources "$s" --out b.gpkg
  s=$(damaged swapped $dep)
  python3 - "$sources/$dep" "$s/$dep" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def swap(c):
    return [swap(x) for x in c] if isinstance(c[0], list) else [c[1], c[0]]
for f in d["features"]:
    f["geometry"]["coordinates"] = swap(f["geometry"]["coordinates"])
json.dump(d, open(sys.argv[2], "w"))
PY
  expect_error sources-lat-lon-swapped 300 - "dep35" build --sources "$s" --out b.gpkg
  s=$(damaged lambert $dep)
  python3 - "$sources/$dep" "$s/$dep" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}
json.dump(d, open(sys.argv[2], "w"))
PY
  expect_error sources-degrees-as-lambert93 300 - "dep35" build --sources "$s" --out b.gpkg
  epci=raw/decoupage-administratif-6.0.0/epci.json
  s=$(damaged epcicode $epci)
  python3 - "$sources/$epci" "$s/$epci" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for e in d:
    if e["code"] == "243500139":
        e["membres"][0]["code"] = "35999"
json.dump(d, open(sys.argv[2], "w"))
PY
  expect_error sources-epci-unknown-member 300 - "35999" build --sources "$s" --out b.gpkg
  s=$(damaged epcidir $epci)
  mkdir -p "$s/$epci"
  expect_error sources-epci-is-a-folder 300 - "epci.json" build --sources "$s" --out b.gpkg
  cp good.toml sources-file
  expect_error sources-is-a-file 60 - "sources-file" build --sources sources-file --out b.gpkg
  cp good.gpkg keep.gpkg
  expect_error build-fails-keeps-base 300 keep.gpkg "epci.json" build --sources "$s" --out keep.gpkg
fi

echo
printf 'tried %d: ' "$tried"
for k in ok clean WRONG-0 DESTROYED INTERNAL HUNG; do printf '%s %d  ' "$k" "${totals[$k]:-0}"; done
echo
bad=$(( ${totals[WRONG-0]:-0} + ${totals[DESTROYED]:-0} + ${totals[INTERNAL]:-0} + ${totals[HUNG]:-0} ))
[ "$bad" -eq 0 ]
