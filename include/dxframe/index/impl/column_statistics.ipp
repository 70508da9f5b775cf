// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/column_statistics.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/index/column_statistics.hpp>
#include <dxframe/uncertainty/statistics.hpp>

namespace dxframe {

namespace detail {

// Σd², Σd³, Σd⁴ of the deviations from the mean, as COINr's skew and kurt form them (x − mean(x)).
struct central_sums {
    double s2 = 0.0;
    double s3 = 0.0;
    double s4 = 0.0;
};

inline central_sums central_moment_sums(const std::vector<double>& values) {
    central_sums s;
    const double m = mean_compensated(values).value_or(0.0);
    for (const double v : values) {
        const double d = v - m;
        const double d2 = d * d;
        s.s2 += d2;
        s.s3 += d2 * d;
        s.s4 += d2 * d2;
    }
    return s;
}

}  // namespace detail

DXFRAME_DECL std::optional<double> sample_skewness(const std::vector<double>& values) {
    const std::size_t count = values.size();
    if (count < 3) return std::nullopt;
    const detail::central_sums s = detail::central_moment_sums(values);
    if (!(s.s2 > 0.0)) return std::nullopt;
    const auto n = static_cast<double>(count);
    const double y = std::sqrt(n) * s.s3 / std::pow(s.s2, 1.5);
    return y * std::sqrt(n * (n - 1.0)) / (n - 2.0);
}

DXFRAME_DECL std::optional<double> sample_kurtosis(const std::vector<double>& values) {
    const std::size_t count = values.size();
    if (count < 4) return std::nullopt;
    const detail::central_sums s = detail::central_moment_sums(values);
    if (!(s.s2 > 0.0)) return std::nullopt;
    const auto n = static_cast<double>(count);
    const double r = n * s.s4 / (s.s2 * s.s2);
    return ((n + 1.0) * (r - 3.0) + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
}

DXFRAME_DECL column_statistics describe_column(const double* cells, std::size_t rows, const std::string& path,
                                               std::vector<diagnostic>* diagnostics) {
    column_statistics out;
    std::vector<double> values;
    values.reserve(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        if (std::isnan(cells[r])) continue;
        values.push_back(cells[r]);
        if (cells[r] != 0.0) ++out.nonzero;
    }
    out.n = values.size();
    out.missing = rows - out.n;
    const auto note = [&](const std::string& message) {
        if (diagnostics != nullptr)
            diagnostics->push_back({severity::warning, diagnostic_code::insufficient_data, path, message, {}, {}});
    };
    if (values.empty()) {
        note("no values: no statistics");
        return out;
    }
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    out.unique = 1;
    for (std::size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i] != sorted[i - 1]) ++out.unique;
    out.min = sorted.front();
    out.max = sorted.back();
    out.median = median_sorted(sorted);
    out.mean = mean_compensated(values);
    if (values.size() >= 2) {
        const detail::central_sums s = detail::central_moment_sums(values);
        out.sd = std::sqrt(s.s2 / static_cast<double>(values.size() - 1));
    }
    out.skewness = sample_skewness(values);
    out.kurtosis = sample_kurtosis(values);
    if (values.size() < 3) {
        note(std::to_string(values.size()) +
             (values.size() == 1 ? " value: no standard deviation, skewness or kurtosis (skewness needs 3 values)"
                                 : " values: no skewness or kurtosis (skewness needs 3 values, kurtosis 4)"));
    } else if (out.unique == 1) {
        note("all " + std::to_string(values.size()) + " values are equal: no skewness or kurtosis");
    } else if (values.size() < 4) {
        note("3 values: no kurtosis (it needs 4 values)");
    }
    return out;
}

DXFRAME_DECL bool flagged_as_outlier_prone(const column_statistics& s, double skew_threshold,
                                           double kurtosis_threshold) noexcept {
    return s.skewness && s.kurtosis && std::fabs(*s.skewness) > skew_threshold && *s.kurtosis > kurtosis_threshold;
}

}  // namespace dxframe
