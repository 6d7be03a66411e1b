#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, then builds and runs every
# test in the default preset (release + assertions) and in the asan-ubsan preset, plus a
# part of the language suite with the collector in stress mode (collect on every allocation).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each phase prints its wall time, so a slow CI run shows where the time went.
phase_start=$SECONDS
phase_done() { echo "== $1: $((SECONDS - phase_start)) s"; phase_start=$SECONDS; }

scripts/install-deps.sh
phase_done "install-deps"
export QT_QPA_PLATFORM=offscreen

for preset in default asan-ubsan; do
  echo "== build: $preset"
  # A unity build: CI builds from nothing, where parsing the same headers per file is most
  # of the build (cmake/MoltCompilerFlags.cmake).
  scripts/build.sh "$preset" -DMOLT_UNITY_BUILD=ON
  phase_done "build $preset"
  echo "== test: $preset"
  ctest --preset "$preset"
  phase_done "test $preset"
done

echo "== test: GC stress mode (default build; classes, closures, collections, threads, symbols, iterators, DSU)"
MOLT_GC_STRESS=1 ctest --test-dir build/default --output-on-failure -j 2 \
  -R 'lang/(classes|closures|inheritance|map_set|arrays|threads|timers|destructuring|symbols|iterators)/|runtime/|dsu/'
phase_done "GC stress"
echo "== total: $SECONDS s"
