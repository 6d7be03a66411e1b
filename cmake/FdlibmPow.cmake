# The ** operator and Math.pow compute what node computes. V8 does not call the C library's
# pow: it carries a port of fdlibm's e_pow.c whose one difference from fdlibm is the
# grouping of a division near the end (base::ieee754::legacy::pow, the default in node 20):
#     fdlibm:  r = (z*t1)/(t1-two)-(w+z*w);
#     V8:      r = (z*t1)/((t1-two)-(w+z*w));
# fdlibm itself comes from Debian's newlib-source (installed by scripts/install-deps.sh):
# at configure time its e_pow.c and fdlibm.h are taken from the newlib tarball into the
# build tree, that one line is regrouped as V8 has it, and the result is compiled as a small
# C library that exports molt_fdlibm_pow. Nothing of newlib is kept in this repository.
# runtime/lib/jsmath.cpp adds ECMAScript's special cases around it; decision 0022 records
# how the choice was measured.
file(GLOB MOLT_NEWLIB_TARBALLS /usr/src/newlib/newlib-*.tar.xz)
if(NOT MOLT_NEWLIB_TARBALLS)
  message(FATAL_ERROR "newlib's sources (/usr/src/newlib/newlib-*.tar.xz) are missing: "
                      "run scripts/install-deps.sh, which installs Debian's newlib-source")
endif()
list(SORT MOLT_NEWLIB_TARBALLS)
list(GET MOLT_NEWLIB_TARBALLS -1 MOLT_NEWLIB_TARBALL)

set(MOLT_FDLIBM_DIR ${CMAKE_BINARY_DIR}/fdlibm)
file(GLOB MOLT_FDLIBM_EXTRACTED ${MOLT_FDLIBM_DIR}/extracted/*/newlib/libm)
set(MOLT_FDLIBM_STAMP ${MOLT_FDLIBM_DIR}/extracted.stamp)
if(NOT MOLT_FDLIBM_EXTRACTED OR ${MOLT_NEWLIB_TARBALL} IS_NEWER_THAN ${MOLT_FDLIBM_STAMP})
  file(REMOVE_RECURSE ${MOLT_FDLIBM_DIR}/extracted)
  # The tarball's top folder is not named after its version (newlib-salsa in 3.3.0).
  file(ARCHIVE_EXTRACT INPUT ${MOLT_NEWLIB_TARBALL} DESTINATION ${MOLT_FDLIBM_DIR}/extracted
       PATTERNS */newlib/libm/math/e_pow.c */newlib/libm/common/fdlibm.h)
  file(GLOB MOLT_FDLIBM_EXTRACTED ${MOLT_FDLIBM_DIR}/extracted/*/newlib/libm)
  file(TOUCH ${MOLT_FDLIBM_STAMP})
endif()
if(NOT EXISTS ${MOLT_FDLIBM_EXTRACTED}/math/e_pow.c OR NOT EXISTS ${MOLT_FDLIBM_EXTRACTED}/common/fdlibm.h)
  message(FATAL_ERROR "${MOLT_NEWLIB_TARBALL} has no newlib/libm/math/e_pow.c and libm/common/fdlibm.h")
endif()

file(READ ${MOLT_FDLIBM_EXTRACTED}/math/e_pow.c MOLT_FDLIBM_POW)
set(MOLT_FDLIBM_LINE "r  = (z*t1)/(t1-two)-(w+z*w);")
string(FIND "${MOLT_FDLIBM_POW}" "${MOLT_FDLIBM_LINE}" MOLT_FDLIBM_AT)
if(MOLT_FDLIBM_AT EQUAL -1)
  message(FATAL_ERROR "${MOLT_NEWLIB_TARBALL}: e_pow.c no longer contains '${MOLT_FDLIBM_LINE}', "
                      "so V8's grouping of it cannot be applied; check the newlib version")
endif()
string(REPLACE "${MOLT_FDLIBM_LINE}" "r  = (z*t1)/((t1-two)-(w+z*w));" MOLT_FDLIBM_POW "${MOLT_FDLIBM_POW}")
# Written only when it changes, so a reconfigure does not rebuild it.
set(MOLT_FDLIBM_OLD "")
if(EXISTS ${MOLT_FDLIBM_DIR}/e_pow.c)
  file(READ ${MOLT_FDLIBM_DIR}/e_pow.c MOLT_FDLIBM_OLD)
endif()
if(NOT MOLT_FDLIBM_OLD STREQUAL MOLT_FDLIBM_POW)
  file(WRITE ${MOLT_FDLIBM_DIR}/e_pow.c "${MOLT_FDLIBM_POW}")
endif()
configure_file(${MOLT_FDLIBM_EXTRACTED}/common/fdlibm.h ${MOLT_FDLIBM_DIR}/include/fdlibm.h COPYONLY)
# fdlibm.h asks newlib's <machine/ieeefp.h> for the byte order only.
if(CMAKE_C_BYTE_ORDER STREQUAL "BIG_ENDIAN")
  set(MOLT_FDLIBM_ENDIAN "#define __IEEE_BIG_ENDIAN\n")
else()
  set(MOLT_FDLIBM_ENDIAN "#define __IEEE_LITTLE_ENDIAN\n")
endif()
if(NOT EXISTS ${MOLT_FDLIBM_DIR}/include/machine/ieeefp.h)
  file(WRITE ${MOLT_FDLIBM_DIR}/include/machine/ieeefp.h "${MOLT_FDLIBM_ENDIAN}")
endif()

add_library(molt_fdlibm_pow STATIC ${MOLT_FDLIBM_DIR}/e_pow.c)
target_include_directories(molt_fdlibm_pow PRIVATE ${MOLT_FDLIBM_DIR}/include)
# __OBSOLETE_MATH selects fdlibm's code in newlib (its newer libm is another algorithm);
# the two renames keep it off the C library's symbols. The bits must not depend on the
# machine, so no contraction into fused multiply-adds; and the code shifts negative
# integers as fdlibm always has, which the sanitizers would stop.
target_compile_definitions(molt_fdlibm_pow PRIVATE __OBSOLETE_MATH=1 __ieee754_pow=molt_fdlibm_pow
                                                   __ieee754_sqrt=sqrt)
set_target_properties(molt_fdlibm_pow PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(molt_fdlibm_pow PRIVATE -O2 -w -ffp-contract=off -fno-sanitize=all)
target_link_libraries(molt_fdlibm_pow PUBLIC m)
