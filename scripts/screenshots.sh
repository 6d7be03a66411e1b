#!/usr/bin/env bash
# Renders the IDE screenshots in docs/screenshots under Xvfb (a real X server, so fonts
# and styles are those users see). Usage: scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/default}
cmake --build "$build" --target molt_ide_screenshots
export HOME=$(mktemp -d) # a fresh settings and examples folder: the default layout
xvfb-run -a -s "-screen 0 1600x1000x24" "$build/tests/app/ide/molt_ide_screenshots" docs/screenshots
