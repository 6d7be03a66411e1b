# QScintilla for Qt 6 (Debian: libqscintilla2-qt6-dev) ships no CMake config: find its
# library and the Qsci/ headers next to Qt's own, and wrap them in QScintilla::QScintilla.
# Sets QScintilla_FOUND; needs Qt6::Widgets to have been found first.
if(TARGET QScintilla::QScintilla)
  set(QScintilla_FOUND TRUE)
  return()
endif()

set(_molt_qt_header_hints)
set(_molt_qt_lib_hints)
if(QT6_INSTALL_PREFIX)
  list(APPEND _molt_qt_header_hints ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_HEADERS})
  list(APPEND _molt_qt_lib_hints ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_LIBS})
endif()

find_path(QSCINTILLA_INCLUDE_DIR Qsci/qsciscintilla.h
  HINTS ${_molt_qt_header_hints}
  PATH_SUFFIXES qt6 x86_64-linux-gnu/qt6 aarch64-linux-gnu/qt6)
find_library(QSCINTILLA_LIBRARY NAMES qscintilla2_qt6
  HINTS ${_molt_qt_lib_hints})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QScintilla REQUIRED_VARS QSCINTILLA_LIBRARY QSCINTILLA_INCLUDE_DIR)
mark_as_advanced(QSCINTILLA_INCLUDE_DIR QSCINTILLA_LIBRARY)

if(QScintilla_FOUND AND TARGET Qt6::Widgets)
  add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
  set_target_properties(QScintilla::QScintilla PROPERTIES
    IMPORTED_LOCATION ${QSCINTILLA_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${QSCINTILLA_INCLUDE_DIR}
    INTERFACE_LINK_LIBRARIES Qt6::Widgets)
elseif(QScintilla_FOUND)
  set(QScintilla_FOUND FALSE)
endif()
