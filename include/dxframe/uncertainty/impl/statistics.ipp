// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/statistics.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <dxframe/error.hpp>
#include <dxframe/uncertainty/statistics.hpp>

namespace dxframe {

DXFRAME_DECL std::optional<double> quantile_type7(const std::vector<double>& sorted, double p) {
    if (!(p >= 0.0 && p <= 1.0)) throw error("quantile_type7: p must be between 0 and 1");
    const std::size_t n = sorted.size();
    if (n == 0) return std::nullopt;
    const double index = 1.0 + static_cast<double>(n - 1) * p;
    const double lo = std::floor(index);
    const double hi = std::ceil(index);
    const double xlo = sorted[static_cast<std::size_t>(lo) - 1];
    const double xhi = sorted[static_cast<std::size_t>(hi) - 1];
    if (index > lo && xhi != xlo) {
        const double h = index - lo;
        return (1.0 - h) * xlo + h * xhi;
    }
    return xlo;
}

DXFRAME_DECL std::optional<double> median_sorted(const std::vector<double>& sorted) {
    const std::size_t n = sorted.size();
    if (n == 0) return std::nullopt;
    if (n % 2 == 1) return sorted[n / 2];
    return 0.5 * sorted[n / 2 - 1] + 0.5 * sorted[n / 2];
}

DXFRAME_DECL std::optional<double> mean_compensated(const std::vector<double>& values) {
    if (values.empty()) return std::nullopt;
    double sum = 0.0;
    double c = 0.0;
    for (double v : values) {
        const double t = sum + v;
        c += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
    }
    return (sum + c) / static_cast<double>(values.size());
}

namespace detail {

/// The k-th smallest rank (1-based k) among the counts.
inline double rank_order_statistic(const std::uint64_t* counts, std::size_t size, std::uint64_t k) {
    std::uint64_t cum = 0;
    for (std::size_t r = 1; r < size; ++r) {
        cum += counts[r];
        if (cum >= k) return static_cast<double>(r);
    }
    return static_cast<double>(size - 1);
}

/// quantile_type7 over the sorted list the counts stand for.
inline double rank_quantile7(const std::uint64_t* counts, std::size_t size, std::uint64_t total, double p) {
    const double index = 1.0 + static_cast<double>(total - 1) * p;
    const double lo = std::floor(index);
    const double hi = std::ceil(index);
    const double xlo = rank_order_statistic(counts, size, static_cast<std::uint64_t>(lo));
    const double xhi = rank_order_statistic(counts, size, static_cast<std::uint64_t>(hi));
    if (index > lo && xhi != xlo) {
        const double h = index - lo;
        return (1.0 - h) * xlo + h * xhi;
    }
    return xlo;
}

}  // namespace detail

DXFRAME_DECL rank_counts_summary summarise_rank_counts(const std::uint64_t* counts, std::size_t size) {
    rank_counts_summary s;
    std::uint64_t total = 0;
    std::uint64_t sum = 0;  // exact: at most 2^32 ranks of at most 2^32 each in practice
    for (std::size_t r = 1; r < size; ++r) {
        total += counts[r];
        sum += counts[r] * static_cast<std::uint64_t>(r);
    }
    s.total = static_cast<std::size_t>(total);
    if (total == 0) return s;
    s.mean = static_cast<double>(sum) / static_cast<double>(total);
    if (total % 2 == 1) {
        s.median = detail::rank_order_statistic(counts, size, total / 2 + 1);
    } else {
        s.median = 0.5 * detail::rank_order_statistic(counts, size, total / 2) +
                   0.5 * detail::rank_order_statistic(counts, size, total / 2 + 1);
    }
    s.q5 = detail::rank_quantile7(counts, size, total, 0.05);
    s.q95 = detail::rank_quantile7(counts, size, total, 0.95);
    return s;
}

}  // namespace dxframe
