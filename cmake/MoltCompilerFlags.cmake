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
