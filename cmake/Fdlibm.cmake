# Math's elementary functions and the ** operator compute what node computes. V8 does not
# call the C library for them: it carries its own port of fdlibm (src/base/ieee754.cc).
# fdlibm itself comes from Debian's newlib-source (installed by scripts/install-deps.sh):
# at configure time the files below are taken from the newlib tarball into the build tree
# and compiled as a small C library, its symbols renamed molt_fdlibm_* so that nothing else
# in the program (Qt, ICU) stops using the C library's functions. Nothing of newlib is kept
# in this repository. Where V8's port differs from fdlibm the difference is applied here
# (pow) or in runtime/lib/jsmath.cpp (exp(1) is Math.E); decision 0022 records the
# measurements that chose each function.
set(MOLT_FDLIBM_MATH e_acos e_acosh e_asin e_atan2 e_atanh e_cosh e_exp e_log e_log10 e_pow
    e_rem_pio2 e_sinh k_cos k_rem_pio2 k_sin k_tan s_asinh s_atan s_cos s_sin s_tan s_tanh)
set(MOLT_FDLIBM_COMMON s_expm1 s_log1p math_err)
set(MOLT_FDLIBM_HEADERS fdlibm.h math_config.h)
# Every function those files define or call among themselves.
set(MOLT_FDLIBM_SYMBOLS sin cos tan atan asinh tanh expm1 log1p
    __ieee754_acos __ieee754_acosh __ieee754_asin __ieee754_atan2 __ieee754_atanh
    __ieee754_cosh __ieee754_exp __ieee754_log __ieee754_log10 __ieee754_pow
    __ieee754_rem_pio2 __ieee754_sinh __kernel_cos __kernel_rem_pio2 __kernel_sin __kernel_tan
    __math_oflow __math_uflow __math_may_uflow __math_divzero __math_invalid
    __math_check_oflow __math_check_uflow)

file(GLOB MOLT_NEWLIB_TARBALLS /usr/src/newlib/newlib-*.tar.xz)
if(NOT MOLT_NEWLIB_TARBALLS)
  message(FATAL_ERROR "newlib's sources (/usr/src/newlib/newlib-*.tar.xz) are missing: "
                      "run scripts/install-deps.sh, which installs Debian's newlib-source")
endif()
list(SORT MOLT_NEWLIB_TARBALLS)
list(GET MOLT_NEWLIB_TARBALLS -1 MOLT_NEWLIB_TARBALL)

set(MOLT_FDLIBM_DIR ${CMAKE_BINARY_DIR}/fdlibm)
set(MOLT_FDLIBM_PATTERNS)
foreach(f IN LISTS MOLT_FDLIBM_MATH)
  list(APPEND MOLT_FDLIBM_PATTERNS */newlib/libm/math/${f}.c)
endforeach()
foreach(f IN LISTS MOLT_FDLIBM_COMMON)
  list(APPEND MOLT_FDLIBM_PATTERNS */newlib/libm/common/${f}.c)
endforeach()
foreach(f IN LISTS MOLT_FDLIBM_HEADERS)
  list(APPEND MOLT_FDLIBM_PATTERNS */newlib/libm/common/${f})
endforeach()
string(SHA1 MOLT_FDLIBM_WANTED "${MOLT_NEWLIB_TARBALL};${MOLT_FDLIBM_PATTERNS}")
set(MOLT_FDLIBM_STAMP ${MOLT_FDLIBM_DIR}/extracted.stamp)
set(MOLT_FDLIBM_HAVE "")
if(EXISTS ${MOLT_FDLIBM_STAMP})
  file(READ ${MOLT_FDLIBM_STAMP} MOLT_FDLIBM_HAVE)
endif()
if(NOT MOLT_FDLIBM_HAVE STREQUAL MOLT_FDLIBM_WANTED OR ${MOLT_NEWLIB_TARBALL} IS_NEWER_THAN ${MOLT_FDLIBM_STAMP})
  file(REMOVE_RECURSE ${MOLT_FDLIBM_DIR}/extracted)
  # The tarball's top folder is not named after its version (newlib-salsa in 3.3.0).
  file(ARCHIVE_EXTRACT INPUT ${MOLT_NEWLIB_TARBALL} DESTINATION ${MOLT_FDLIBM_DIR}/extracted
       PATTERNS ${MOLT_FDLIBM_PATTERNS})
  file(WRITE ${MOLT_FDLIBM_STAMP} "${MOLT_FDLIBM_WANTED}")
endif()
file(GLOB MOLT_FDLIBM_LIBM ${MOLT_FDLIBM_DIR}/extracted/*/newlib/libm)

# Written only when it changes, so a reconfigure does not rebuild anything.
function(molt_fdlibm_write path content)
  set(old "")
  if(EXISTS ${path})
    file(READ ${path} old)
  endif()
  if(NOT old STREQUAL content)
    file(WRITE ${path} "${content}")
  endif()
endfunction()

set(MOLT_FDLIBM_SOURCES)
foreach(f IN LISTS MOLT_FDLIBM_MATH MOLT_FDLIBM_COMMON)
  if(f IN_LIST MOLT_FDLIBM_MATH)
    set(from ${MOLT_FDLIBM_LIBM}/math/${f}.c)
  else()
    set(from ${MOLT_FDLIBM_LIBM}/common/${f}.c)
  endif()
  if(NOT EXISTS ${from})
    message(FATAL_ERROR "${MOLT_NEWLIB_TARBALL} has no newlib/libm/.../${f}.c")
  endif()
  file(READ ${from} text)
  if(f STREQUAL "e_pow")
    # V8's only change to fdlibm's pow: the correction term moved into the divisor.
    #     fdlibm:  r = (z*t1)/(t1-two)-(w+z*w);
    #     V8:      r = (z*t1)/((t1-two)-(w+z*w));
    set(line "r  = (z*t1)/(t1-two)-(w+z*w);")
    string(FIND "${text}" "${line}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${from} no longer contains '${line}', so V8's grouping of it "
                          "cannot be applied; check the newlib version")
    endif()
    string(REPLACE "${line}" "r  = (z*t1)/((t1-two)-(w+z*w));" text "${text}")
  endif()
  molt_fdlibm_write(${MOLT_FDLIBM_DIR}/src/${f}.c "${text}")
  list(APPEND MOLT_FDLIBM_SOURCES ${MOLT_FDLIBM_DIR}/src/${f}.c)
endforeach()
foreach(f IN LISTS MOLT_FDLIBM_HEADERS)
  if(NOT EXISTS ${MOLT_FDLIBM_LIBM}/common/${f})
    message(FATAL_ERROR "${MOLT_NEWLIB_TARBALL} has no newlib/libm/common/${f}")
  endif()
  configure_file(${MOLT_FDLIBM_LIBM}/common/${f} ${MOLT_FDLIBM_DIR}/include/${f} COPYONLY)
endforeach()

# fdlibm.h asks newlib's <machine/ieeefp.h> for the byte order only.
if(CMAKE_C_BYTE_ORDER STREQUAL "BIG_ENDIAN")
  molt_fdlibm_write(${MOLT_FDLIBM_DIR}/include/machine/ieeefp.h "#define __IEEE_BIG_ENDIAN\n")
else()
  molt_fdlibm_write(${MOLT_FDLIBM_DIR}/include/machine/ieeefp.h "#define __IEEE_LITTLE_ENDIAN\n")
endif()
# Included before each file: the C library's <math.h> first (its include guard keeps it
# from being read again), then the renames, which so reach only fdlibm's own definitions,
# declarations and calls. exp's definition gets a name of its own: jsmath.cpp wraps it as
# V8 does, and cosh must call the wrapper.
set(rename "#include <math.h>\n")
foreach(s IN LISTS MOLT_FDLIBM_SYMBOLS)
  string(REGEX REPLACE "^__(ieee754_)?" "" short ${s})
  if(s STREQUAL "__ieee754_exp")
    string(APPEND rename "#ifdef MOLT_FDLIBM_EXP_ITSELF\n#define ${s} molt_fdlibm_exp_itself\n#else\n"
                         "#define ${s} molt_fdlibm_exp\n#endif\n")
  else()
    string(APPEND rename "#define ${s} molt_fdlibm_${short}\n")
  endif()
endforeach()
# fdlibm's square root is the C library's: both are correctly rounded.
string(APPEND rename "#define __ieee754_sqrt sqrt\n")
# fdlibm.h does not declare the public functions (newlib's <math.h> does), and a call without
# a declaration would return int: declare them under their new names.
foreach(s IN ITEMS sin cos tan atan asinh tanh expm1 log1p)
  string(APPEND rename "double molt_fdlibm_${s}(double);\n")
endforeach()
molt_fdlibm_write(${MOLT_FDLIBM_DIR}/include/molt_fdlibm_rename.h "${rename}")

add_library(molt_fdlibm STATIC ${MOLT_FDLIBM_SOURCES})
target_include_directories(molt_fdlibm PRIVATE ${MOLT_FDLIBM_DIR}/include)
set_source_files_properties(${MOLT_FDLIBM_DIR}/src/e_exp.c PROPERTIES COMPILE_DEFINITIONS MOLT_FDLIBM_EXP_ITSELF)
# __OBSOLETE_MATH selects fdlibm's code in newlib (its newer libm is another algorithm).
# The bits must not depend on the machine, so no contraction into fused multiply-adds; and
# the code shifts negative integers as fdlibm always has, which the sanitizers would stop.
# Its warnings are newlib's to fix, except a call without a declaration, which is an error.
target_compile_definitions(molt_fdlibm PRIVATE __OBSOLETE_MATH=1)
set_target_properties(molt_fdlibm PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(molt_fdlibm PRIVATE -O2 -Werror=implicit-function-declaration
                       -Wno-maybe-uninitialized -Wno-sign-compare -ffp-contract=off -fno-builtin
                       -fno-sanitize=all -include ${MOLT_FDLIBM_DIR}/include/molt_fdlibm_rename.h)
target_link_libraries(molt_fdlibm PUBLIC m)
