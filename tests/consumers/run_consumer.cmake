# SPDX-License-Identifier: MIT
# cmake -P driver for one consumer test: configure SOURCE into a fresh BINARY directory with the
# parent build's generator and compiler, build it, run the consumer program.
#   -DSOURCE=<consumer project> -DBINARY=<its build dir> -DGENERATOR=<generator>
#   -DMAKE_PROGRAM=<ninja/make> -DCXX=<compiler> [-DOPTIONS=<-Dx=y|-Dz=w>] (| separates options)
#   [-DARGS=<a|b>] arguments for the consumer program
foreach(var SOURCE BINARY GENERATOR CXX)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run_consumer.cmake: ${var} not given")
    endif()
endforeach()

string(REPLACE "|" ";" options "${OPTIONS}")
if(MAKE_PROGRAM)
    list(APPEND options "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()

# A fresh directory each run: a stale cache could hide a package that no longer resolves.
file(REMOVE_RECURSE "${BINARY}")

function(step what)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "consumer ${what} failed (${rc}): ${ARGN}")
    endif()
endfunction()

step(configure "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" ${options})
step(build "${CMAKE_COMMAND}" --build "${BINARY}")
if(EXISTS "${BINARY}/dxframe_consumer")
    set(program "${BINARY}/dxframe_consumer")
else()
    file(GLOB_RECURSE program "${BINARY}/dxframe_consumer" "${BINARY}/dxframe_consumer.exe")
endif()
if(NOT program)
    message(FATAL_ERROR "consumer program not found under ${BINARY}")
endif()
list(GET program 0 program)
string(REPLACE "|" ";" program_args "${ARGS}")
step(run "${program}" ${program_args})
