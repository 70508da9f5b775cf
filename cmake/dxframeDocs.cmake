# SPDX-License-Identifier: MIT
# API reference with Doxygen: target `docs` (HTML in <build>/docs/html) and, when tests are on,
# the ctest test `docs_doxygen`, which fails on any doxygen warning (an undocumented public
# name, a broken reference). Pages: docs/index.md (the main page) and the other docs/*.md.
find_package(Doxygen QUIET)
find_package(Python3 COMPONENTS Interpreter QUIET)
if(NOT DOXYGEN_FOUND OR NOT Python3_Interpreter_FOUND)
    message(STATUS "doxygen or python3 not found: no `docs` target")
    return()
endif()

set(DXFRAME_DOCS_OUTPUT_DIR "${PROJECT_BINARY_DIR}/docs")
file(GLOB DXFRAME_DOCS_PAGE_LIST CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/docs/*.md")
list(JOIN DXFRAME_DOCS_PAGE_LIST " " DXFRAME_DOCS_PAGES)
configure_file("${PROJECT_SOURCE_DIR}/docs/Doxyfile.in" "${DXFRAME_DOCS_OUTPUT_DIR}/Doxyfile" @ONLY)

add_custom_target(docs
    COMMAND Doxygen::doxygen "${DXFRAME_DOCS_OUTPUT_DIR}/Doxyfile"
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    COMMENT "API reference (doxygen) -> ${DXFRAME_DOCS_OUTPUT_DIR}/html"
    VERBATIM)

if(BUILD_TESTING AND DXFRAME_BUILD_TESTS)
    add_test(NAME docs_doxygen
        COMMAND "${CMAKE_COMMAND}" -E chdir "${PROJECT_SOURCE_DIR}"
            "${DOXYGEN_EXECUTABLE}" "${DXFRAME_DOCS_OUTPUT_DIR}/Doxyfile")
    set_tests_properties(docs_doxygen PROPERTIES LABELS "docs")
endif()
