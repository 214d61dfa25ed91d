#!/usr/bin/env bash
# Golden test of `cartes build` on the mini sources (tests/fixtures/mini-sources):
#   golden_build.sh CARTES FIXTURES GOLDEN_DIR CASE
# Runs one case, normalises temporary paths and timings, and compares exit
# code, stdout and stderr with GOLDEN_DIR/CASE.txt (any unexpected stderr
# fails). Failing cases must leave no file at all in the output folder.
# CARTES_UPDATE_GOLDEN=1 rewrites the expected file instead.
set -u
cartes=$1 fixtures=$2 golden=$3 case=$4
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cp -r "$fixtures/mini-sources" "$tmp/sources"
mkdir -p "$tmp/out"
export CARTES_DATA="$fixtures/mini-project-data"
unset CARTES_SOURCES CARTES_PROFILE
sources="$tmp/sources" out="$tmp/out/base.gpkg"
dep35="$tmp/sources/raw/mathieulebasic-france-geojson-2024/communes/dep35.geojson"
case "$case" in
  ok) ;;
  missing-sources) sources="$tmp/nowhere" ;;
  truncated) cp "$fixtures/mini-variants/dep35-truncated.geojson" "$dep35" ;;
  bowtie) cp "$fixtures/mini-variants/dep35-bowtie.geojson" "$dep35" ;;
  unknown-code) cp "$fixtures/mini-variants/dep35-unknown-code.geojson" "$dep35" ;;
  unwritable) out="$tmp/out/no/such/folder/base.gpkg" ;;
  unknown-scope) ;;
  *) echo "unknown case $case" >&2; exit 2 ;;
esac
args=(build --sources "$sources" --out "$out")
[ "$case" = unknown-scope ] && args+=(--scope bretagne)
"$cartes" "${args[@]}" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
normalise() { sed -e "s|$tmp|<TMP>|g" -e "s|$fixtures|<FIXTURES>|g" -e 's/written in [0-9.]* s/written in <T> s/' "$1"; }
{
  echo "exit $rc"
  echo "--- stdout"
  normalise "$tmp/stdout"
  echo "--- stderr"
  normalise "$tmp/stderr"
} >"$tmp/actual"
status=0
if [ "$rc" -ne 0 ] && [ -n "$(ls -A "$tmp/out")" ]; then
  echo "FAIL: a failed build left files in the output folder:" >&2
  ls -la "$tmp/out" >&2
  status=1
fi
if [ "$rc" -eq 0 ] && [ ! -f "$out" ]; then
  echo "FAIL: exit 0 but no $out" >&2
  status=1
fi
if [ "${CARTES_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$tmp/actual" "$golden/$case.txt"
elif ! diff -u "$golden/$case.txt" "$tmp/actual"; then
  status=1
fi
exit $status
