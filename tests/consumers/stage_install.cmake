# SPDX-License-Identifier: MIT
# cmake -P fixture: install the current build tree into a fresh staging prefix, as a user's
# `cmake --install` would. -DBUILD_DIR=<build tree> -DSTAGE=<prefix>
file(REMOVE_RECURSE "${STAGE}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${STAGE}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD_DIR} failed (${rc})")
endif()
foreach(f include/dxframe/dxframe.hpp share/cmake/dxframe/dxframeConfig.cmake
        share/cmake/dxframe/dxframeConfigVersion.cmake share/cmake/dxframe/dxframeTargets.cmake
        share/pkgconfig/dxframe.pc)
    if(NOT EXISTS "${STAGE}/${f}")
        message(FATAL_ERROR "staged install lacks ${f}")
    endif()
endforeach()
