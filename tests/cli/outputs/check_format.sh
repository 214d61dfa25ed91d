#!/usr/bin/env bash
# `cartes check` checks what it says it checks, and `check --format` rewrites
# only the text (issue 10, point 7): a mistyped --base fails (exit 3), a folder
# given as catalogue is an input error (exit 3), a symlink is written through,
# the file's mode and its CRLF line endings are kept.
#   check_format.sh CARTES BASE CATALOGUE
set -u
cartes=$1 base=$2 catalogue=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

"$cartes" check "$catalogue" --base "$tmp/mistyped.gpkg" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 3 ] && grep -q "no territory base at $tmp/mistyped.gpkg" "$tmp/err" && ok "mistyped --base: exit 3" ||
  fail "mistyped --base: exit $rc, $(cat "$tmp/err")"

mkdir "$tmp/folder.toml"
"$cartes" check "$tmp/folder.toml" --base "$base" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 3 ] && grep -q "is a folder" "$tmp/err" && ok "folder as catalogue: exit 3" ||
  fail "folder as catalogue: exit $rc, $(cat "$tmp/err")"

# A messy CRLF copy, 0600, reached through a symlink.
sed 's/$/\r/' "$catalogue" | sed 's/^format = 1\r$/format   =   1\r/' > "$tmp/real.toml"
chmod 600 "$tmp/real.toml"
ln -s real.toml "$tmp/link.toml"
"$cartes" check "$tmp/link.toml" --format --base "$base" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && grep -q "rewritten in canonical form (CRLF line endings kept)" "$tmp/out" && ok "CRLF file rewritten, said so" ||
  fail "CRLF: exit $rc, $(cat "$tmp/out" "$tmp/err")"
[ -L "$tmp/link.toml" ] && ok "symlink kept" || fail "the symlink was replaced by a file"
[ "$(stat -c %a "$tmp/real.toml")" = 600 ] && ok "mode 0600 kept" || fail "mode now $(stat -c %a "$tmp/real.toml")"
lf_only=$(tr -d '\r' < "$tmp/real.toml" | wc -l); crlf=$(grep -c $'\r$' "$tmp/real.toml")
[ "$lf_only" -eq "$crlf" ] && ok "every line ends in CRLF ($crlf lines)" || fail "mixed line endings: $crlf CRLF of $lf_only lines"
tr -d '\r' < "$tmp/real.toml" | cmp -s - "$catalogue" && ok "content canonical" || fail "content differs from the canonical file"
"$cartes" check "$tmp/link.toml" --format --base "$base" >"$tmp/out" 2>&1
grep -q "already in canonical form" "$tmp/out" && ok "second --format: nothing to do" || fail "second --format: $(cat "$tmp/out")"

# A LF file with a few CRLF lines is normalised to LF, and said so.
cp "$catalogue" "$tmp/mixed.toml"
sed -i '1s/$/\r/; 2s/$/\r/' "$tmp/mixed.toml"
"$cartes" check "$tmp/mixed.toml" --format --base "$base" >"$tmp/out" 2>&1
grep -q "line endings normalised to LF" "$tmp/out" && cmp -s "$tmp/mixed.toml" "$catalogue" && ok "mixed endings normalised to LF" ||
  fail "mixed endings: $(cat "$tmp/out")"
echo "$failures failed"
[ "$failures" -eq 0 ]
