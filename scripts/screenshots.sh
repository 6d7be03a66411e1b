#!/usr/bin/env bash
# Renders the IDE screenshots in docs/screenshots on a real X server: Xvfb with the openbox
# window manager (fonts, styles and window frames as users see them), each picture the
# whole screen taken with `import -window root`. Usage: scripts/screenshots.sh [BUILD_DIR]
# Needs xvfb, openbox, xdotool and imagemagick (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/default}
cmake --build "$build" --target molt_ide_screenshots
export HOME=$(mktemp -d) # a fresh settings and examples folder: the default layout
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp &
xvfb=$!
trap 'kill $openbox $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
openbox &
openbox=$!
sleep 1
MOLT_SCREENSHOT_IMPORT=1 QT_QPA_PLATFORM=xcb "$build/tests/app/ide/molt_ide_screenshots" docs/screenshots
