# Warnings, assertions and sanitizers shared by every target of the project.
add_compile_options(-Wall -Wextra -Wno-unused-parameter)
if(MOLT_ASSERTIONS)
  add_compile_definitions(MOLT_ASSERTIONS=1)
endif()
if(MOLT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(MOLT_FUZZ)
  # Coverage instrumentation for everything; the fuzz target links the libFuzzer driver.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Cold builds (CI's, a fresh clone's) spend most of their time parsing the same standard and
# Qt headers once per source file. MOLT_UNITY_BUILD compiles each library's sources in
# batches instead, so those headers are parsed once per batch; scripts/test.sh turns it on.
# It stays off by default, because an edit then recompiles its whole batch.
option(MOLT_UNITY_BUILD "Compile the libraries' sources in batches (faster cold builds)" OFF)
function(molt_unity_build target)
  if(MOLT_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  endif()
endfunction()

# Linking: each preset links about a hundred executables; mold (Debian's mold, installed by
# scripts/install-deps.sh) does it several times faster than the default linker.
find_program(MOLT_MOLD mold)
if(MOLT_MOLD)
  add_link_options(-fuse-ld=mold)
endif()
