#!/usr/bin/env bash
# Installs the Debian 12 packages Cartes needs (only those missing), so that the
# README's two commands work on a fresh machine. Run as root or with sudo.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # geo stack (C APIs wrapped in src/geo only)
  libgdal-dev libgeos-dev libproj-dev gdal-bin python3-gdal
  # catalogue and source parsing
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev
  # viewer
  libimgui-dev libglfw3-dev libglu1-mesa-dev libgl-dev libstb-dev fonts-dejavu-core
  # tools/bench/gpu/render_bench_egl (EGL headers)
  libegl-dev
  # tests: Catch2 v2, headless X server with Mesa's software OpenGL
  catch2 xvfb xauth libgl1-mesa-dri mesa-utils
  # the shared catalogue store (issue 12): server, PostGIS, client library
  postgresql-15 postgresql-15-postgis-3 libpq-dev
  # tests: real input events into the viewer window (edit mode)
  xdotool
  # real GIS client used by tests and benchmarks; time and bc for tools/bench,
  # strace for tools/bench/gpu/qgis_bundle.sh (which files a QGIS render reads)
  qgis python3-qgis time bc strace
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "cartes setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
