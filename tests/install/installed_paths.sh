#!/usr/bin/env bash
# An installed cartes finds its data and shaders under <prefix>/share/cartes
# and keeps its bases in the user's data folder: nothing points back into the
# source or build tree. Then it checks the installed catalogue on a base.
#   installed_paths.sh BUILD_DIR BASE
set -eu
build=$1 base=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
export HOME="$prefix/home" XDG_DATA_HOME=
unset CARTES_DATA CARTES_SHADERS CARTES_BASES
out=$("$prefix/bin/cartes" version --paths)
echo "$out"
fail=0
grep -q "^data     $prefix/share/cartes/geodata$" <<<"$out" || { echo "FAIL: data not under the prefix"; fail=1; }
grep -q "^shaders  $prefix/share/cartes/shaders$" <<<"$out" || { echo "FAIL: shaders not under the prefix"; fail=1; }
grep -q "^bases    $prefix/home/.local/share/cartes$" <<<"$out" || { echo "FAIL: bases not in the user's data folder"; fail=1; }
[ -f "$prefix/share/cartes/geodata/vocabularies.toml" ] || { echo "FAIL: vocabularies not installed"; fail=1; }
[ -f "$prefix/share/cartes/shaders/fill.frag" ] || { echo "FAIL: shaders not installed"; fail=1; }
# The installed catalogue checks against a base from anywhere.
(cd / && "$prefix/bin/cartes" check --base "$base") || { echo "FAIL: installed cartes check"; fail=1; }
exit $fail
