#!/bin/sh
# Packs Debian 12's QGIS as a chroot tree for the GPU machine (Ubuntu, no
# QGIS, no GDAL), so that the QGIS baseline of tools/bench/render_qgis.py
# runs on the same machine as render_bench_egl:
#   tools/bench/gpu/qgis_bundle.sh BASE.gpkg OUT_DIR [FRANCE.gpkg]
# The tree holds exactly the files a run reads (strace), without qgis._gui,
# _analysis and _3d (QGIS's Python package imports them only if there), plus the
# base as /data/lb.gpkg and the script as /data/render_qgis.py. It is checked
# by running it under chroot here, then written as OUT_DIR/qgis.tar.xz.part.*
# of 48 MiB (a device call carries 64 MiB at most: copy the first part to the
# machine in one call, the rest in the next; tools/bench/gpu/run_qgis.sh).
# With FRANCE.gpkg, also OUT_DIR/france_communes.gpkg.xz: its communes layer
# and that layer's style (QGIS draws it with the style, as on the dev
# machine; without it QGIS's default symbol takes 6 times longer), 13 MB.
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
base="$1"
out="$2"
france="${3:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
# Files read (open, exec) and Python sources only looked at (a cached .pyc
# is used only beside its source), one name per file: /lib is /usr/lib on
# Debian 12 (merged /usr) and both spellings are opened; file names stay
# (sonames are symlinks). QGIS's plugins are left out: it loads every one it
# finds (libqgis_gui, WebKit...), and none draws a GeoPackage layer.
files() {
  { grep -E 'openat|execve' "$1" | grep -o '"/[^"]*"'; grep -o '"/[^"]*\.py"' "$1"; } | tr -d '"' | sort -u |
    grep -v '^/proc\|^/sys\|^/dev\|^/tmp\|^/data\|^/usr/lib/qgis/plugins/' |
    while read -r f; do [ -f "$2$f" ] && echo "$(cd "${2:-/}" && readlink -f ".$(dirname "$f")" | sed "s#^$2##")/$(basename "$f")"; done |
    sort -u
}
tree() {  # tree FROM_ROOT LIST TO_ROOT
  mkdir -p "$3/data" "$3/tmp"
  for d in lib lib64 bin sbin; do [ -L "/$d" ] && ln -s "usr/$d" "$3/$d"; done
  (cd "$1" && sed 's#^/#./#' "$2" | tar -chf - -T - 2>/dev/null) | tar -xf - -C "$3"
  cp "$base" "$3/data/lb.gpkg"
  cp "$here/render_qgis.py" "$3/data/render_qgis.py"
}
# First pass: a run here, without QGIS's GUI modules.
QT_QPA_PLATFORM=offscreen strace -f -qq -o "$tmp/trace" \
  -e trace=openat,execve,stat,newfstatat,lstat,readlink,access -e status=successful \
  /usr/bin/python3 -c "import sys; sys.modules.update(dict.fromkeys(('qgis._gui', 'qgis._analysis', 'qgis._3d'))); sys.argv = ['render_qgis.py', '$base', '2']; exec(open('$here/render_qgis.py').read())" \
  >/dev/null
{ files "$tmp/trace" ""; echo /usr/lib64/ld-linux-x86-64.so.2; } > "$tmp/files"
tree / "$tmp/files" "$tmp/first"
# Second pass: what a run under chroot in that tree reads, and nothing else.
env -i HOME=/tmp QT_QPA_PLATFORM=offscreen strace -f -qq -o "$tmp/trace2" \
  -e trace=openat,execve,stat,newfstatat,lstat,readlink,access -e status=successful \
  /usr/sbin/chroot "$tmp/first" /usr/bin/python3 /data/render_qgis.py /data/lb.gpkg 2 >/dev/null 2>&1
{ files "$tmp/trace2" "$tmp/first"; echo /usr/lib64/ld-linux-x86-64.so.2; } > "$tmp/files2"
tree "$tmp/first" "$tmp/files2" "$tmp/root"
echo "checking the tree under chroot ($(du -sh "$tmp/root" | cut -f1))"
env -i HOME=/tmp QT_QPA_PLATFORM=offscreen /usr/sbin/chroot "$tmp/root" /usr/bin/python3 /data/render_qgis.py /data/lb.gpkg 3 2>/dev/null
(cd "$tmp/root" && tar -cf - .) | xz -T0 -9 | split -b 48M - "$out/qgis.tar.xz.part."
if [ -n "$france" ]; then
  ogr2ogr -f GPKG "$tmp/fr.gpkg" "$france" communes
  ogr2ogr -update "$tmp/fr.gpkg" "$france" layer_styles -where "f_table_name = 'communes'"
  xz -T0 -6 -c "$tmp/fr.gpkg" > "$out/france_communes.gpkg.xz"
fi
ls -l "$out"/qgis.tar.xz.part.* "$out"/france_communes.gpkg.xz 2>/dev/null
