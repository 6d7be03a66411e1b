# The tree-sitter runtime comes from Debian (libtree-sitter-dev 0.20.7, parser ABI 14).
# The JavaScript grammar is the npm package tree-sitter-javascript@0.21.4, pinned by
# package-lock.json and installed by scripts/install-deps.sh with `npm ci --ignore-scripts`;
# we compile its generated parser ourselves (newer grammars emit ABI 15, which 0.20.7
# cannot load).
find_package(PkgConfig REQUIRED)
# Debian's tree-sitter.pc reports its library soversion (0.6.x), not 0.20.7: no version check.
pkg_check_modules(TREE_SITTER REQUIRED IMPORTED_TARGET tree-sitter)

set(MOLT_JS_GRAMMAR_DIR ${CMAKE_SOURCE_DIR}/node_modules/tree-sitter-javascript
    CACHE PATH "Where npm installed tree-sitter-javascript")
if(NOT EXISTS ${MOLT_JS_GRAMMAR_DIR}/src/parser.c)
  message(FATAL_ERROR "tree-sitter-javascript not found in ${MOLT_JS_GRAMMAR_DIR}: run scripts/install-deps.sh")
endif()

add_library(molt_ts_javascript STATIC
  ${MOLT_JS_GRAMMAR_DIR}/src/parser.c
  ${MOLT_JS_GRAMMAR_DIR}/src/scanner.c)
target_include_directories(molt_ts_javascript PRIVATE ${MOLT_JS_GRAMMAR_DIR}/src)
# Generated code: build it optimized and quiet whatever the preset.
set_target_properties(molt_ts_javascript PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(molt_ts_javascript PRIVATE -O2 -w)
target_link_libraries(molt_ts_javascript PUBLIC PkgConfig::TREE_SITTER)
