# SPDX-License-Identifier: MIT
# cmake -P: what the vcpkg port does, replayed with plain CMake (no vcpkg here). Configures the
# source tree with the -D options read from the portfile (so the two cannot drift), Release,
# installs into a staging prefix, checks the installed tree, then builds and runs the package
# test (packaging/conan/test_package) against it.
#   -DSOURCE_DIR=<dxframe> -DBINARY=<scratch dir> -DGENERATOR=<gen> -DMAKE_PROGRAM=<prog> -DCXX=<compiler>
foreach(var SOURCE_DIR BINARY GENERATOR CXX)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "vcpkg_replay.cmake: ${var} not given")
    endif()
endforeach()

set(build "${BINARY}/build")
set(stage "${BINARY}/stage")
set(test_build "${BINARY}/test_package")
file(REMOVE_RECURSE "${BINARY}")

function(step what)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${what} failed (${rc}): ${ARGN}")
    endif()
endfunction()

set(failures 0)
macro(problem what)
    message(SEND_ERROR "installed tree: ${what}")
    math(EXPR failures "${failures} + 1")
endmacro()

# The options of vcpkg_cmake_configure(... OPTIONS ...) in the portfile.
file(READ "${SOURCE_DIR}/packaging/vcpkg/ports/dxframe/portfile.cmake" portfile)
string(REGEX MATCHALL "-DDXFRAME_[A-Z_]+=[A-Za-z0-9]+" port_options "${portfile}")
list(LENGTH port_options n_options)
if(n_options LESS 4)
    message(FATAL_ERROR "could not read the portfile's options (found: ${port_options})")
endif()
message(STATUS "portfile options: ${port_options}")

set(make_program "")
if(MAKE_PROGRAM)
    set(make_program "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
step(configure "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${build}" -G "${GENERATOR}" ${make_program}
    "-DCMAKE_CXX_COMPILER=${CXX}" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_INSTALL_PREFIX=${stage}" ${port_options})
step(build "${CMAKE_COMMAND}" --build "${build}")
step(install "${CMAKE_COMMAND}" --install "${build}")

# Headers: exactly the public headers of the source tree and the bodies they include (*.ipp).
file(GLOB_RECURSE src_headers RELATIVE "${SOURCE_DIR}/include" "${SOURCE_DIR}/include/*.hpp"
    "${SOURCE_DIR}/include/*.ipp")
file(GLOB_RECURSE inst_headers RELATIVE "${stage}/include" "${stage}/include/*")
list(SORT src_headers)
list(SORT inst_headers)
if(NOT src_headers STREQUAL inst_headers)
    problem("headers differ from include/ (installed: ${inst_headers})")
endif()

# CMake package: config, version and targets files, in share/cmake/dxframe.
set(cmakedir "${stage}/share/cmake/dxframe")
foreach(f dxframeConfig.cmake dxframeConfigVersion.cmake dxframeTargets.cmake)
    if(NOT EXISTS "${cmakedir}/${f}")
        problem("missing share/cmake/dxframe/${f}")
    endif()
endforeach()
# The config holds only find_dependency calls and the targets include (Conan never runs it, so
# nothing else may live there): look at what follows the @PACKAGE_INIT@ block.
file(READ "${cmakedir}/dxframeConfig.cmake" config)
string(FIND "${config}" "####################################################################################\n\n" init_end REVERSE)
string(SUBSTRING "${config}" ${init_end} -1 config_body)
string(REGEX REPLACE "#+\n" "" config_body "${config_body}")
string(REGEX MATCHALL "[A-Za-z_]+\\(" calls "${config_body}")
list(REMOVE_DUPLICATES calls)
list(SORT calls)
if(NOT calls STREQUAL "check_required_components(;find_dependency(;include(")
    problem("dxframeConfig.cmake calls more than include/find_dependency/check_required_components: ${calls}")
endif()
foreach(dep "nlohmann_json 3.11 CONFIG" "Boost 1.81 CONFIG")
    string(FIND "${config}" "find_dependency(${dep})" at)
    if(at EQUAL -1)
        problem("config lacks find_dependency(${dep})")
    endif()
endforeach()
file(READ "${cmakedir}/dxframeConfigVersion.cmake" version_file)
string(FIND "${version_file}" "requested major version is the same" same_major)
if(same_major EQUAL -1)
    problem("version file is not SameMajorVersion")
endif()
# ARCH_INDEPENDENT: the generated pointer-size check is switched off (a header-only package
# found by a 32-bit or cross build must not be rejected).
string(FIND "${version_file}" "don't perform the check\nif(\"TRUE\")\n  return()" arch_off)
if(arch_off EQUAL -1)
    problem("version file checks the pointer size (not ARCH_INDEPENDENT)")
endif()

# pkg-config file, relative to its own location.
set(pc "${stage}/share/pkgconfig/dxframe.pc")
if(EXISTS "${pc}")
    file(STRINGS "${pc}" pc_prefix REGEX "^prefix=")
    if(NOT pc_prefix STREQUAL "prefix=\${pcfiledir}/../..")
        problem("dxframe.pc is not relative to its own place: ${pc_prefix}")
    endif()
else()
    problem("missing share/pkgconfig/dxframe.pc")
endif()

# License; no programs or libraries in a header-only package.
if(NOT EXISTS "${stage}/share/doc/dxframe/LICENSE")
    problem("missing share/doc/dxframe/LICENSE")
endif()
foreach(dir bin lib)
    if(EXISTS "${stage}/${dir}")
        problem("${dir}/ installed in a header-only package built without the tool")
    endif()
endforeach()

# Nothing installed may point back into the source or build tree.
file(GLOB_RECURSE installed "${stage}/share/*")
foreach(f IN LISTS installed)
    file(READ "${f}" content)
    foreach(dir "${SOURCE_DIR}" "${build}")
        string(FIND "${content}" "${dir}" leak)
        if(NOT leak EQUAL -1)
            problem("${f} names ${dir}")
        endif()
    endforeach()
endforeach()

if(failures GREATER 0)
    message(FATAL_ERROR "${failures} problem(s) in the installed tree ${stage}")
endif()

# The package test, as Conan's test_package would build it.
step("test_package configure" "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/packaging/conan/test_package" -B "${test_build}"
    -G "${GENERATOR}" ${make_program} "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_PREFIX_PATH=${stage}"
    -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
step("test_package build" "${CMAKE_COMMAND}" --build "${test_build}")
step("test_package run" "${test_build}/test_package")
