#!/usr/bin/env bash
# A write that fails half-way (here: the file-size limit, as a full disk does)
# ends in exit 5 naming the output; the previous output stays byte-identical
# and no temporary file is left (issue 10, point 1).
#   full_disk.sh CARTES BASE CATALOGUE
set -u
cartes=$1 base=$2 catalogue=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
common=(--base "$base" --catalogue "$catalogue")
cp "$catalogue" "$tmp/cat.toml"
printf '\n\n' >> "$tmp/cat.toml"   # not canonical: --format rewrites it
failures=0 tried=0
case_() {  # case_ NAME OUTPUT cartes args...: OUTPUT is made once without a limit, then again with one
  local name=$1 out=$2; shift 2
  tried=$((tried + 1))
  [ -e "$out" ] || "$cartes" "$@" >/dev/null 2>&1
  [ -e "$out" ] || printf 'previous content\n' > "$out"
  local before; before=$(sha256sum "$out" | cut -d' ' -f1)
  # SIGXFSZ ignored: a write past the limit fails with EFBIG, as on a full disk.
  ( trap '' XFSZ; ulimit -f 2; exec "$cartes" "$@" ) >"$tmp/stdout" 2>"$tmp/err"
  local rc=$? after; after=$(sha256sum "$out" | cut -d' ' -f1)
  local litter; litter=$(find "$tmp" -name '.*.tmp*' | wc -l)
  if [ "$rc" -ne 5 ] || ! grep -q "$(basename "$out")" "$tmp/err" || [ "$before" != "$after" ] || [ "$litter" -ne 0 ]; then
    echo "FAIL $name: exit $rc, $(tail -1 "$tmp/err"), output $( [ "$before" = "$after" ] && echo kept || echo CHANGED), $litter temporaries"
    failures=$((failures + 1))
  else
    echo "ok   $name: $(tail -1 "$tmp/err")"
  fi
}
case_ export "$tmp/x.gpkg" export --out "$tmp/x.gpkg" "${common[@]}"
case_ check-format "$tmp/cat.toml" check "$tmp/cat.toml" --format --base "$base"
if "$cartes" render --help >/dev/null 2>&1 && [ -n "${DISPLAY:-}" ]; then  # built with the viewer, a display
  case_ render-png "$tmp/map.png" render --out "$tmp/map.png" --size 1200x900 "${common[@]}"
  printf 'previous mesh\n' > "$tmp/mesh.bin"
  case_ render-mesh-dump "$tmp/mesh.bin" render --out "$tmp/m.png" --size 32x24 --dump-mesh "$tmp/mesh.bin" "${common[@]}"
fi
echo "$tried tried, $failures failed"
[ "$failures" -eq 0 ]
