#!/usr/bin/env bash
# Installs what GenreNotebooks needs beyond the .NET SDK, then builds the solution.
#   bash environment/setup.sh            # everything (system packages need root or sudo)
#   SKIP_APT=1 bash environment/setup.sh # only the .NET build
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: ffmpeg decodes flac/m4a/opus (mp3/ogg are decoded in-process) and makes the decode benchmark's files; chromium (with a font for axis labels) renders figures in the browser tests.
APT_PACKAGES=(ffmpeg chromium fonts-dejavu-core)
# python3-onnx: ONNX's own checker (onnx.checker), run on exported models by the ONNX export tests.
APT_PACKAGES+=(python3-onnx)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${SKIP_APT:-0}" != 1 ] && [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
    echo "setup: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install ${missing[*]} with your system's package manager (optional: ffmpeg for flac/m4a/opus)" >&2
  fi
fi

# plotly.js for offline figure pages and the browser test (node_modules/ is git-ignored; --no-save writes no package.json).
if [ "${SKIP_NPM:-0}" != 1 ] && [ ! -f node_modules/plotly.js-dist-min/plotly.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "setup: installing plotly.js-dist-min (npm)"
    npm install --no-save --no-audit --no-fund --silent plotly.js-dist-min >/dev/null
  else
    echo "setup: npm not found; figure pages will load plotly.js from its CDN" >&2
  fi
fi

command -v dotnet >/dev/null 2>&1 || { echo "setup: the .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
dotnet build GenreNotebooks.sln -c Release -v quiet -nologo
echo "setup: done. Library for notebooks: artifacts/bin/GenreNotebooks/release/GenreNotebooks.dll"
