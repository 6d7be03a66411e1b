#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, run and test Molt.
# Idempotent: when everything is present it only checks and returns in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git mold
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libgl-dev
  libqscintilla2-qt6-dev
  libtree-sitter-dev
  libicu-dev
  nodejs npm
  clang libclang-rt-dev
  xvfb xauth imagemagick openbox xdotool
  libbenchmark-dev
  libcli11-dev
  nlohmann-json3-dev libssl-dev
  libpcre2-dev
  newlib-source xz-utils
  python3
  libuv1-dev libhttp-parser-dev
  wrk ansible-core openssh-client openssh-server
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node may come from elsewhere than Debian's package (node 20 on the dev image): keep it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The JavaScript grammar, pinned by package-lock.json. Its install script would download
# prebuilt binaries, so scripts stay off: we compile src/parser.c and src/scanner.c ourselves.
grammar=node_modules/tree-sitter-javascript/src/parser.c
if [ ! -f "$grammar" ] || [ package-lock.json -nt "$grammar" ]; then
  echo "install-deps: npm ci tree-sitter-javascript"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch "$grammar"
fi
echo "install-deps: ok"
