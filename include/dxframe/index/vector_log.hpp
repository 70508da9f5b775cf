// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal: the natural logarithm of a column, four values at a time (AVX), two (SSE2) or
/// one (portable C++), with the same result bit for bit on every path.
///
/// The outlier treatment's log transform (COINr's `log_CT`, ln(x − min + 0.01·(max − min))) takes
/// the logarithm of every cell of a column. `std::log` is a scalar library call that the compiler
/// cannot vectorise; this is fdlibm's `__ieee754_log` (Sun Microsystems, 1993: the algorithm of
/// FreeBSD's and musl's `e_log.c`, error below 1 ulp) written with branch-free masks: the argument
/// is split into 2^k · (1 + f) with 1 + f in [√2/2, √2), then
/// ln x = k·ln2 + f − f²/2 + s·(f²/2 + R(s²)) with s = f/(2 + f). Every path does the same IEEE
/// operations in the same order (no fused multiply-add), so the AVX, SSE2 and portable forms are
/// identical; arguments outside the positive normal range (zero, negative, subnormal, infinite,
/// NaN) take the portable form, which handles them as `std::log` does. tests/unit/vector_log.cpp
/// measures the error against `std::log`. The path is chosen as for the engine's kernels
/// (<dxframe/index/kernels.hpp>). Not part of the public API.
#pragma once

#include <cstddef>

#include <dxframe/config.hpp>
#include <dxframe/index/kernels.hpp>  // DXFRAME_INDEX_SSE2, DXFRAME_INDEX_AVX

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/vector_log.ipp>
#endif
