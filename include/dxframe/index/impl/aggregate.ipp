// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/aggregate.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/aggregate.hpp>

namespace dxframe {

DXFRAME_DECL void check_aggregation(const aggregation_method& m) {
    if (m.method == aggregation::generalised_mean && (!std::isfinite(m.p) || m.p == 0.0)) {
        throw error("aggregation: the generalised mean needs a finite p != 0 (p = 0 is the geometric mean)");
    }
}

namespace detail {

/// True when |2·cum − total| is within rounding of zero: the cumulative weight sits exactly at
/// half, where the weighted median is the midpoint of two values (so equal weights give the
/// ordinary median).
inline bool at_half(double cum, double total) {
    return std::fabs(2.0 * cum - total) <= 1e-12 * total;
}

/// Weighted median of pairs (value, weight > 0), sorted in place: the smallest value whose
/// cumulative weight reaches half the total; exactly at half, the mean of it and the next value.
inline double weighted_median(std::vector<std::pair<double, double>>& vw) {
    std::sort(vw.begin(), vw.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    double total = 0.0;
    for (const auto& e : vw)
        total += e.second;
    double cum = 0.0;
    for (std::size_t k = 0; k < vw.size(); ++k) {
        cum += vw[k].second;
        if (at_half(cum, total) && k + 1 < vw.size()) return 0.5 * (vw[k].first + vw[k + 1].first);
        if (2.0 * cum >= total) return vw[k].first;
    }
    return vw.back().first;
}

DXFRAME_DECL bool is_integer(double p) {
    return std::floor(p) == p;
}

}  // namespace detail

DXFRAME_DECL aggregate_outcome aggregate_values(const std::vector<std::optional<double>>& values,
                                                const std::vector<double>& weights, const aggregation_method& m,
                                                double min_share) {
    check_aggregation(m);
    if (values.size() != weights.size()) throw error("aggregate_values: values and weights differ in length");
    aggregate_outcome out;
    const std::size_t k = values.size();
    std::size_t present = 0;
    double wsum = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        if (values[i]) {
            ++present;
            wsum += weights[i];
        }
    }
    // COINr's rule, computed the same way: missing when present/k < dat_thresh.
    if (present == 0 || static_cast<double>(present) / static_cast<double>(k) < min_share || !(wsum > 0)) return out;
    // Validity first, so the offending child is reported whatever the order.
    for (std::size_t i = 0; i < k; ++i) {
        if (!values[i]) continue;
        const double x = *values[i];
        const bool needs_positive = m.method == aggregation::geometric || m.method == aggregation::harmonic ||
                                    (m.method == aggregation::generalised_mean && m.p < 0);
        if (needs_positive && !(x > 0)) {
            out.problem = aggregate_problem::non_positive;
            out.offending_child = i;
            return out;
        }
        if (m.method == aggregation::generalised_mean && x < 0 && !detail::is_integer(m.p)) {
            out.problem = aggregate_problem::negative_for_power;
            out.offending_child = i;
            return out;
        }
    }
    double acc = 0.0;
    double result = 0.0;
    switch (m.method) {
        case aggregation::arithmetic:
            for (std::size_t i = 0; i < k; ++i) {
                if (values[i]) acc += weights[i] * *values[i];
            }
            result = acc / wsum;
            break;
        case aggregation::geometric:
            for (std::size_t i = 0; i < k; ++i) {
                if (values[i]) acc += weights[i] * std::log(*values[i]);
            }
            result = std::exp(acc / wsum);
            break;
        case aggregation::harmonic:
            for (std::size_t i = 0; i < k; ++i) {
                if (values[i]) acc += weights[i] / *values[i];
            }
            result = wsum / acc;
            break;
        case aggregation::generalised_mean:
            for (std::size_t i = 0; i < k; ++i) {
                if (values[i]) acc += weights[i] * std::pow(*values[i], m.p);
            }
            result = std::pow(acc / wsum, 1.0 / m.p);
            break;
        case aggregation::median: {
            std::vector<std::pair<double, double>> vw;
            for (std::size_t i = 0; i < k; ++i) {
                if (values[i] && weights[i] > 0) vw.emplace_back(*values[i], weights[i]);
            }
            result = detail::weighted_median(vw);
            break;
        }
    }
    if (!std::isfinite(result)) {
        out.problem = aggregate_problem::not_finite;
        return out;
    }
    out.value = result;
    return out;
}

}  // namespace dxframe
