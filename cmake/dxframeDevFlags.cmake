# Flags for dxframe's own targets (tests, tools, examples, benchmarks); never set on the
# INTERFACE library, so consumers keep their own choices.
function(dxframe_dev_flags target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion)
        if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
            # BOOST_DESCRIBE_* macros trip this under C++17 at the call site (upstream won't fix).
            target_compile_options(${target} PRIVATE -Wno-gnu-zero-variadic-macro-arguments)
        endif()
        if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
           AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
            # GCC 12 at -O2 warns -Wrestrict inside libstdc++'s own std::string concatenation
            # (a known GCC 12 false positive, GCC bug 105329) in code we do not own, seen in
            # the C++20 test builds of a plain Release build. Other compilers keep the warning.
            target_compile_options(${target} PRIVATE -Wno-restrict)
        endif()
        if(DXFRAME_DEV_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
        if(DXFRAME_DEV_SANITIZE)
            string(REPLACE ";" "," _san "${DXFRAME_DEV_SANITIZE}")
            target_compile_options(${target} PRIVATE -fsanitize=${_san} -fno-omit-frame-pointer
                -fno-sanitize-recover=all)
            target_link_options(${target} PRIVATE -fsanitize=${_san})
        endif()
    endif()
endfunction()
