# SPDX-License-Identifier: MIT
# cmake -P consumer test without CMake on the user's side: compile and link the consumer with
# the flags `pkg-config --cflags dxframe` gives for the staged install, then run it.
#   -DSTAGE=<prefix> -DCXX=<compiler> -DSOURCE=<consumer.cpp> -DBINARY=<dir> -DPKG_CONFIG=<pkg-config>
# Debian's Boost ships no .pc file: its headers are found in /usr/include, so no flag is needed
# for them here (see docs/install.md).
file(REMOVE_RECURSE "${BINARY}")
file(MAKE_DIRECTORY "${BINARY}")

# The staged .pc first; the system's (nlohmann_json.pc) stays on the default search path.
set(ENV{PKG_CONFIG_PATH} "${STAGE}/share/pkgconfig")
execute_process(COMMAND "${PKG_CONFIG}" --cflags dxframe
    OUTPUT_VARIABLE cflags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config --cflags dxframe failed (${rc})")
endif()
execute_process(COMMAND "${PKG_CONFIG}" --modversion dxframe
    OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "pkg-config: dxframe ${version}: ${cflags}")

# The include directory must be the one of the tree the .pc file is in: the prefix is relative
# to the file (${pcfiledir}), so a moved tree still works.
function(expect_include_dir prefix)
    set(ENV{PKG_CONFIG_PATH} "${prefix}/share/pkgconfig")
    execute_process(COMMAND "${PKG_CONFIG}" --cflags dxframe
        OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "pkg-config --cflags dxframe failed (${rc}) for ${prefix}")
    endif()
    file(REAL_PATH "${prefix}/include" wanted)
    separate_arguments(flag_list UNIX_COMMAND "${flags}")
    foreach(flag IN LISTS flag_list)
        if(flag MATCHES "^-I(.*)$")
            file(REAL_PATH "${CMAKE_MATCH_1}" dir)
            if(dir STREQUAL wanted)
                return()
            endif()
        endif()
    endforeach()
    message(FATAL_ERROR "pkg-config cflags '${flags}' do not name ${wanted}")
endfunction()
expect_include_dir("${STAGE}")
file(COPY "${STAGE}/" DESTINATION "${BINARY}/moved")
expect_include_dir("${BINARY}/moved")
set(ENV{PKG_CONFIG_PATH} "${STAGE}/share/pkgconfig")
separate_arguments(cflag_list UNIX_COMMAND "${cflags}")

# C++17 is the consumer's choice (the .pc does not force a standard on C++20 users).
execute_process(COMMAND "${CXX}" -std=c++17 ${cflag_list} "${SOURCE}" -o "${BINARY}/dxframe_consumer"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "compiling the consumer with pkg-config flags failed (${rc})")
endif()
execute_process(COMMAND "${BINARY}/dxframe_consumer" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config consumer failed (${rc})")
endif()
