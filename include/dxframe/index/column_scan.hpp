// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal: the column passes of imputation and outlier treatment (count, sum, range and
/// missing cells in one pass; the sum of residuals of a mean; the winsorising search), with AVX
/// or SSE2 where the processor has them and the same result bit for bit on every path.
///
/// Each kernel keeps a fixed set of lanes (the same partial sums in the same order on the AVX,
/// SSE2 and portable paths, no fused multiply-add), so the results do not depend on the
/// instruction set; the path is chosen as for the engine's kernels (<dxframe/index/kernels.hpp>).
/// Not part of the public API.
#pragma once

#include <cstddef>

#include <dxframe/config.hpp>
#include <dxframe/index/kernels.hpp>  // DXFRAME_INDEX_SSE2, DXFRAME_INDEX_AVX

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/column_scan.ipp>
#endif
