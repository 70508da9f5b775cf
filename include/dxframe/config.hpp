// SPDX-License-Identifier: MIT
/// @file
/// @brief Build configuration: header-only (the default) or separate compilation.
///
/// dxframe is header-only by default: include what you use and nothing needs to be built.
/// A program with many translation units can instead compile the library's function bodies
/// once, as Boost.Asio and Boost.JSON allow:
///   1. define `DXFRAME_SEPARATE_COMPILATION` for every translation unit of the program (for
///      example `target_compile_definitions(app PRIVATE DXFRAME_SEPARATE_COMPILATION)`);
///   2. include `<dxframe/src.hpp>` in exactly one source file of the program.
/// The headers then hold declarations, types and templates only, so a unit including the whole
/// library compiles several times faster (bench/README.md, "Compile time"). The two modes give
/// the same results; they only move where the code is compiled.
#pragma once

#if defined(DXFRAME_SEPARATE_COMPILATION)
/// Put in front of every function the library defines in an `impl/*.ipp` file. Expands to
/// nothing in separate compilation (one definition, in the unit including <dxframe/src.hpp>) and
/// to `inline` in header-only mode (the definition is in every unit that includes the header).
#define DXFRAME_DECL
/// 1 when the function bodies come with the headers (header-only mode), 0 otherwise.
#define DXFRAME_HEADER_ONLY 0
#else
/// Header-only mode: `inline`, so each unit that includes a header may define its functions.
#define DXFRAME_DECL inline
/// 1: header-only mode, each header includes its `impl/*.ipp` bodies.
#define DXFRAME_HEADER_ONLY 1
#endif
