// SPDX-License-Identifier: MIT
/// @file
/// @brief Summary statistics of replications: R's type-7 quantiles, medians and means, over
/// plain values or over rank counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <dxframe/config.hpp>

namespace dxframe {

/// The p-quantile of `sorted` (ascending, no NaN) as R's `quantile(x, p)` computes it by
/// default (type 7: linear interpolation between order statistics). With h = 1 + (n − 1)·p,
/// lo = ⌊h⌋ and hi = ⌈h⌉ (1-based), the result is x[lo], or (1 − (h − lo))·x[lo] +
/// (h − lo)·x[hi] when h > lo and x[hi] ≠ x[lo] — the same expression R evaluates, so the
/// doubles agree. Nullopt for an empty input. Throws dxframe::error when p is outside [0, 1].
DXFRAME_DECL std::optional<double> quantile_type7(const std::vector<double>& sorted, double p);

/// The median as R's `median` computes it: the middle value, or the mean of the two middle
/// values (each halved first, so the sum cannot overflow and is rounded once). `sorted` is
/// ascending without NaN; nullopt when empty.
DXFRAME_DECL std::optional<double> median_sorted(const std::vector<double>& sorted);

/// The mean of `values` by compensated (Neumaier) summation in the given order: an order fixed
/// by replication number keeps it identical for any thread count, and the compensation keeps it
/// accurate over many replications. Nullopt when empty.
DXFRAME_DECL std::optional<double> mean_compensated(const std::vector<double>& values);

/// Statistics of ranks kept as counts: `counts[r]` is how often rank r occurred (r = 1..,
/// counts[0] unused). Counting instead of storing every rank costs n² integers for n units and
/// makes the sum over threads exact in any order.
struct rank_counts_summary {
    std::size_t total = 0;         ///< Number of ranks counted.
    std::optional<double> mean;    ///< Mean rank.
    std::optional<double> median;  ///< Median rank (R's median).
    std::optional<double> q5;      ///< 5th percentile (type 7).
    std::optional<double> q95;     ///< 95th percentile (type 7).
};

/// Mean, median and 5th/95th percentiles (type 7) of the ranks counted in counts[0..size).
DXFRAME_DECL rank_counts_summary summarise_rank_counts(const std::uint64_t* counts, std::size_t size);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/uncertainty/impl/statistics.ipp>
#endif
