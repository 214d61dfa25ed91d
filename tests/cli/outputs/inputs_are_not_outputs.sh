#!/usr/bin/env bash
# An output that is one of the inputs is refused before anything is written
# (exit 2, "is one of the inputs"), compared by file identity: the same file
# through another spelling, a symlink or a hard link is refused too, and the
# input stays byte-identical.
#   inputs_are_not_outputs.sh CARTES BASE CATALOGUE
set -u
cartes=$1 base_in=$2 catalogue_in=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$base_in" "$tmp/base.gpkg"
cp "$catalogue_in" "$tmp/catalogue.toml"
ln -s catalogue.toml "$tmp/link.toml"
ln "$tmp/base.gpkg" "$tmp/hard.gpkg"
mkdir "$tmp/sub"
common=(--base "$tmp/base.gpkg" --catalogue "$tmp/catalogue.toml")
failures=0 tried=0
case_() {  # case_ NAME FILE_THAT_MUST_SURVIVE cartes args...
  local name=$1 keep=$2; shift 2
  tried=$((tried + 1))
  local before after
  before=$(sha256sum "$keep" | cut -d' ' -f1)
  "$cartes" "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  after=$(sha256sum "$keep" | cut -d' ' -f1)
  if [ "$rc" -ne 2 ] || ! grep -q "is one of the inputs" "$tmp/err" || [ "$before" != "$after" ]; then
    echo "FAIL $name: exit $rc, $(cat "$tmp/err" | tail -1), input $( [ "$before" = "$after" ] && echo kept || echo CHANGED)"
    failures=$((failures + 1))
  else
    echo "ok   $name: $(tail -1 "$tmp/err")"
  fi
}
case_ export-over-catalogue "$tmp/catalogue.toml" export --out "$tmp/catalogue.toml" "${common[@]}"
case_ export-over-base "$tmp/base.gpkg" export --out "$tmp/base.gpkg" "${common[@]}"
case_ export-over-link "$tmp/catalogue.toml" export --out "$tmp/link.toml" "${common[@]}"
case_ export-over-hard-link "$tmp/base.gpkg" export --out "$tmp/hard.gpkg" "${common[@]}"
case_ export-other-spelling "$tmp/base.gpkg" export --out "$tmp/sub/../base.gpkg" "${common[@]}"
case_ rings-over-base "$tmp/base.gpkg" rings --core 99004 --level commune --out "$tmp/base.gpkg" "${common[@]}"
case_ rings-over-catalogue "$tmp/catalogue.toml" rings --core 99004 --level commune --out "$tmp/link.toml" "${common[@]}"
if "$cartes" render --help >/dev/null 2>&1; then  # built with the viewer
  case_ render-over-base "$tmp/base.gpkg" render --out "$tmp/base.gpkg" "${common[@]}"
  case_ render-mesh-over-catalogue "$tmp/catalogue.toml" render --out "$tmp/x.png" --dump-mesh "$tmp/catalogue.toml" "${common[@]}"
fi
echo "$tried tried, $failures failed"
[ "$failures" -eq 0 ]
