// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal column kernels of the index engine (AVX or SSE2 on x86-64, portable C++ elsewhere).
///
/// The engine spends its time in three loops over columns: finding a column's extremes,
/// normalising it while adding it into its parent's accumulators, and finishing a node. GCC does
/// not vectorise these loops from plain C++ (the NaN tests of missing values count as control
/// flow under the default -ftrapping-math), so on x86-64 they are written with intrinsics and
/// branch-free masks for missing values: SSE2 (always present on x86-64), and AVX, four values at
/// a time, when the processor has it — chosen at run time with GCC and Clang, at compile time
/// with other compilers (when built with /arch:AVX or -mavx); DXFRAME_NO_AVX keeps to SSE2.
/// Elsewhere, or with DXFRAME_NO_SIMD defined, the same loops run as plain C++. Every path does the same IEEE operations in the same
/// order for each value (no fused multiply-add), so the results are identical bit for bit.
/// Not part of the public API.
///
/// This header makes the choice (the DXFRAME_INDEX_* macros) and holds the one type the
/// engine's declarations need; the kernels are in impl/kernels.ipp. The choice counts where the
/// kernels are compiled. In header-only mode that is every translation unit, so defining
/// DXFRAME_NO_SIMD or DXFRAME_NO_AVX before the first dxframe include selects the variant for
/// that unit (as tests/unit/index_coinr_scalar.cpp and index_coinr_sse2.cpp do; the units of one
/// program must agree). With DXFRAME_SEPARATE_COMPILATION the choice is fixed when the unit that
/// includes <dxframe/src.hpp> is compiled: the macros in the other units change nothing.
#pragma once

#include <cstddef>
#include <limits>

#include <dxframe/config.hpp>

#if !defined(DXFRAME_NO_SIMD) && (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
/// Defined to 1 when the index kernels use SSE2.
#define DXFRAME_INDEX_SSE2 1
#else
/// Defined to 1 when the index kernels use SSE2.
#define DXFRAME_INDEX_SSE2 0
#endif

#if DXFRAME_INDEX_SSE2 && defined(DXFRAME_NO_AVX)
/// 0: no AVX kernels (DXFRAME_NO_AVX).
#define DXFRAME_INDEX_AVX 0
#elif DXFRAME_INDEX_SSE2 && defined(__AVX__)
/// 1: AVX kernels, always used (the whole build targets AVX).
#define DXFRAME_INDEX_AVX 1
#define DXFRAME_INDEX_AVX_TARGET
#elif DXFRAME_INDEX_SSE2 && (defined(__GNUC__) || defined(__clang__)) && (defined(__x86_64__) || defined(__i386__))
/// 2: AVX kernels compiled for AVX alone and used when the processor has it.
#define DXFRAME_INDEX_AVX 2
#define DXFRAME_INDEX_AVX_TARGET __attribute__((target("avx")))
#else
/// 0: no AVX kernels.
#define DXFRAME_INDEX_AVX 0
#endif

namespace dxframe::detail {

/// Extremes and count of the non-missing (non-NaN) values of a column; infinities count and
/// show up as min = −inf or max = +inf.
struct column_extremes {
    double min = std::numeric_limits<double>::infinity();   ///< Smallest non-NaN value.
    double max = -std::numeric_limits<double>::infinity();  ///< Largest non-NaN value.
    std::size_t count = 0;                                  ///< Non-NaN values.
};

/// Which implementation a column kernel runs: the best the processor has, or a lesser one, so
/// that tests can check that every path gives the same bits.
enum class kernel_path {
    best,      ///< AVX when compiled in and the processor has it, else SSE2, else portable.
    sse2,      ///< SSE2 (portable where SSE2 is not compiled in).
    portable,  ///< Plain C++.
};

}  // namespace dxframe::detail

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/kernels.ipp>
#endif
