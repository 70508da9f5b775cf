// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/audit_correlation.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/error.hpp>
#include <dxframe/index/audit_correlation.hpp>
#include <dxframe/report/format.hpp>

namespace dxframe {

namespace detail {

// The continued fraction of I_x(a, b) (Numerical Recipes betacf), modified Lentz's method.
inline double incomplete_beta_fraction(double a, double b, double x) {
    constexpr int max_iterations = 10000;
    constexpr double eps = 1e-16;
    constexpr double tiny = 1e-300;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= max_iterations; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        const double del = d * c;
        h *= del;
        if (std::fabs(del - 1.0) < eps) break;
    }
    return h;
}

// x^a · y^b / B(a, b), in logs.
inline double incomplete_beta_front(double a, double b, double x, double y) {
    return std::exp(a * std::log(x) + b * std::log(y) - (std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b)));
}

}  // namespace detail

DXFRAME_DECL double regularized_incomplete_beta(double a, double b, double x, double y) {
    if (!(a > 0.0) || !(b > 0.0) || !std::isfinite(a) || !std::isfinite(b) || !(x >= 0.0 && x <= 1.0) ||
        !(y >= 0.0 && y <= 1.0))
        throw error("regularized_incomplete_beta: needs a > 0, b > 0 and 0 <= x <= 1 (a = " + shortest_number(a) +
                    ", b = " + shortest_number(b) + ", x = " + shortest_number(x) + ")");
    if (x == 0.0) return 0.0;
    if (y == 0.0) return 1.0;
    if (x < (a + 1.0) / (a + b + 2.0))
        return detail::incomplete_beta_front(a, b, x, y) * detail::incomplete_beta_fraction(a, b, x) / a;
    return 1.0 - detail::incomplete_beta_front(a, b, x, y) * detail::incomplete_beta_fraction(b, a, y) / b;
}

DXFRAME_DECL double student_t_two_sided_p(double t, double df) {
    if (!(df > 0.0)) throw error("student_t_two_sided_p: df must be positive");
    if (std::isnan(t)) throw error("student_t_two_sided_p: t is not a number");
    if (std::isinf(t)) return 0.0;
    const double t2 = t * t;
    return regularized_incomplete_beta(0.5 * df, 0.5, df / (df + t2), t2 / (df + t2));
}

DXFRAME_DECL correlation pearson_correlation(const double* x, const double* y, std::size_t rows) {
    correlation out;
    double sx = 0.0;
    double sy = 0.0;
    for (std::size_t r = 0; r < rows; ++r) {
        if (!std::isfinite(x[r]) || !std::isfinite(y[r])) continue;
        ++out.n;
        sx += x[r];
        sy += y[r];
    }
    if (out.n < 2) return out;
    const auto n = static_cast<double>(out.n);
    const double mx = sx / n;
    const double my = sy / n;
    double sxx = 0.0;
    double syy = 0.0;
    double sxy = 0.0;
    for (std::size_t r = 0; r < rows; ++r) {
        if (!std::isfinite(x[r]) || !std::isfinite(y[r])) continue;
        const double dx = x[r] - mx;
        const double dy = y[r] - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if (!(sxx > 0.0) || !(syy > 0.0)) return out;
    // R clamps to [-1, 1] too: rounding can take |r| a hair past 1.
    const double r = std::max(-1.0, std::min(1.0, sxy / std::sqrt(sxx * syy)));
    out.r = r;
    if (out.n >= 3) {
        const double r2 = r * r;
        out.p = r2 >= 1.0 ? 0.0 : regularized_incomplete_beta(0.5 * (n - 2.0), 0.5, 1.0 - r2, r2);
    }
    return out;
}

DXFRAME_DECL std::optional<double> cronbach_alpha(const std::vector<const double*>& columns, std::size_t rows) {
    const std::size_t k = columns.size();
    if (k < 2) return std::nullopt;
    double all = 0.0;
    double diagonal = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = i; j < k; ++j) {
            const double* x = columns[i];
            const double* y = columns[j];
            std::size_t n = 0;
            double sx = 0.0;
            double sy = 0.0;
            for (std::size_t r = 0; r < rows; ++r) {
                if (!std::isfinite(x[r]) || !std::isfinite(y[r])) continue;
                ++n;
                sx += x[r];
                sy += y[r];
            }
            if (n < 2) continue;  // R: NA, dropped by sum(na.rm = TRUE)
            const double mx = sx / static_cast<double>(n);
            const double my = sy / static_cast<double>(n);
            double sxy = 0.0;
            for (std::size_t r = 0; r < rows; ++r)
                if (std::isfinite(x[r]) && std::isfinite(y[r])) sxy += (x[r] - mx) * (y[r] - my);
            const double cov = sxy / static_cast<double>(n - 1);
            if (i == j) {
                diagonal += cov;
                all += cov;
            } else {
                all += 2.0 * cov;
            }
        }
    }
    if (!(all != 0.0) || !std::isfinite(all)) return std::nullopt;
    const auto kd = static_cast<double>(k);
    const double average = (all - diagonal) / (kd * (kd - 1.0));
    return kd * kd * average / all;
}

}  // namespace dxframe
