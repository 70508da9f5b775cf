// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/normalise.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/impl/kernels.ipp>
#include <dxframe/index/kernels.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/report/format.hpp>

namespace dxframe {

DXFRAME_DECL void check_normalisation(const normalisation& n) {
    auto finite = [](double v) { return std::isfinite(v); };
    if (!finite(n.lower) || !finite(n.upper) || !finite(n.mean) || !finite(n.sd) || (n.scale && !finite(*n.scale))) {
        throw error("normalisation: parameters must be finite numbers");
    }
    if (n.method == normaliser::zscore && !(n.sd > 0)) throw error("normalisation: zscore sd must be > 0");
}

namespace detail {

inline diagnostic norm_diag(severity sev, diagnostic_code code, const column_context& ctx, std::string message) {
    diagnostic d;
    d.severity = sev;
    d.code = code;
    d.path = std::string(ctx.path);
    d.line = ctx.line;
    d.message = "indicator '" + std::string(ctx.indicator) + "': " + std::move(message);
    return d;
}

inline std::string norm_unit_label(const column_context& ctx, std::size_t row) {
    if (ctx.units && row < ctx.units->size()) return "'" + (*ctx.units)[row] + "'";
    return "row " + std::to_string(row + 1);
}

/// Count, extremes and non-finite count of a column's finite values (mean and sd not computed),
/// from the column's scan_extremes; a second, exact pass only when the column holds infinities.
inline column_profile profile_from_extremes(const double* x, std::size_t n, const column_extremes& e) {
    column_profile p;
    if (e.count == 0 || (std::isfinite(e.min) && std::isfinite(e.max))) {
        p.present = e.count;
        p.min = e.min;
        p.max = e.max;
        return p;
    }
    double mn = std::numeric_limits<double>::infinity();
    double mx = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
        const double v = x[i];
        if (std::isnan(v)) continue;
        if (!std::isfinite(v)) {
            ++p.non_finite;
            continue;
        }
        ++p.present;
        mn = v < mn ? v : mn;
        mx = v > mx ? v : mx;
    }
    p.min = mn;
    p.max = mx;
    return p;
}

/// Count, extremes and non-finite count of a column's finite values (mean and sd not computed).
/// One vectorised pass; a second, exact pass only when the column holds infinities.
inline column_profile profile_scan(const double* x, std::size_t n) {
    return profile_from_extremes(x, n, scan_extremes(x, n));
}

/// Mean of the finite values (0 when none).
inline double profile_mean(const double* x, std::size_t n, std::size_t present) {
    if (present == 0) return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = x[i];
        if ((v - v) == 0.0) sum += v;
    }
    return sum / static_cast<double>(present);
}

/// Sample standard deviation about `mean` (two-pass, accurate), 0 when fewer than two values.
inline double profile_sample_sd(const double* x, std::size_t n, std::size_t present, double mean) {
    if (present < 2) return 0.0;
    double ss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = x[i];
        if ((v - v) == 0.0) ss += (v - mean) * (v - mean);
    }
    return std::sqrt(ss / static_cast<double>(present - 1));
}

/// Rows of the finite values of x sorted by value (ties by row, so the order is deterministic).
inline void profile_ascending_order(const double* x, std::size_t n, std::vector<std::uint32_t>& order) {
    order.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if ((x[i] - x[i]) == 0.0) order.push_back(static_cast<std::uint32_t>(i));
    }
    std::sort(order.begin(), order.end(),
              [x](std::uint32_t a, std::uint32_t b) { return x[a] < x[b] || (x[a] == x[b] && a < b); });
}

inline void fill_missing_values(double* out, std::size_t n) {
    std::fill(out, out + n, std::numeric_limits<double>::quiet_NaN());
}

DXFRAME_DECL std::string index_num(double v) {
    return full_precision_number(v);
}

}  // namespace detail

DXFRAME_DECL column_profile profile_column(const double* x, std::size_t n, bool with_order) {
    column_profile p = detail::profile_scan(x, n);
    p.mean = detail::profile_mean(x, n, p.present);
    p.sd = detail::profile_sample_sd(x, n, p.present, p.mean);
    if (with_order) detail::profile_ascending_order(x, n, p.ascending);
    return p;
}

namespace detail {

/// Everything normalise_column does except writing an affine method's output (see normalise_step).
/// `extremes`, when given (and `profile` is not), is scan_extremes(x, n) done earlier.
inline normalise_step normalise_prepare(const double* x, double* out, std::size_t n, direction dir,
                                        const normalisation& spec, const indicator_parameters& par,
                                        const column_context& ctx, normalise_workspace& ws,
                                        std::vector<diagnostic>& diags, const column_profile* profile,
                                        const column_extremes* extremes = nullptr) {
    normalise_step step;
    const double d = dir == direction::higher_is_better ? 1.0 : -1.0;
    column_profile local;
    if (!profile) local = extremes ? profile_from_extremes(x, n, *extremes) : profile_scan(x, n);
    const column_profile& st = profile ? *profile : local;

    if (st.non_finite > 0) {
        // Report each infinite cell, then work on a copy where they are missing.
        ws.clean.assign(x, x + n);
        for (std::size_t i = 0; i < n; ++i) {
            if (!std::isnan(x[i]) && !std::isfinite(x[i])) {
                diags.push_back(norm_diag(severity::error, diagnostic_code::non_finite_value, ctx,
                                          "value of " + norm_unit_label(ctx, i) + " is " +
                                              (x[i] > 0 ? "+inf" : "-inf") + "; treated as missing"));
                ws.clean[i] = std::numeric_limits<double>::quiet_NaN();
            }
        }
        x = ws.clean.data();
    }
    step.input = x;

    auto give_up = [&](severity sev, diagnostic_code code, std::string message) {
        diags.push_back(norm_diag(sev, code, ctx, std::move(message) + "; the normalised column is missing"));
        fill_missing_values(out, n);
        step.present = 0;
        step.affine = false;
        return step;
    };
    auto affine = [&](double origin, double scale, double offset) {
        step.present = st.present;
        step.affine = true;
        step.origin = origin;
        step.scale = scale;
        step.offset = offset;
        return step;
    };
    // A finite value can still give a score that is not (a huge value over a small divisor or
    // goalpost width): that cell becomes missing and is reported, never infinite.
    auto drop_non_finite = [&](const char* method) {
        step.present = st.present;
        for (std::size_t i = 0; i < n; ++i) {
            if (std::isnan(out[i]) || std::isfinite(out[i])) continue;
            diags.push_back(norm_diag(severity::error, diagnostic_code::invalid_input_for_method, ctx,
                                      std::string(method) + ": the score of " + norm_unit_label(ctx, i) + " (value " +
                                          index_num(x[i]) + ") overflows; treated as missing"));
            out[i] = std::numeric_limits<double>::quiet_NaN();
            --step.present;
        }
        return step;
    };
    // Methods whose per-value division matters at the ends of the scale keep COINr's exact form.
    auto divide = [&](double origin, double divisor, double cap, const char* method) {
        for (std::size_t i = 0; i < n; ++i) {
            const double y = (x[i] - origin) / divisor;
            out[i] = y > cap ? cap : y;  // NaN fails the test and stays missing
        }
        return drop_non_finite(method);
    };

    if (st.present == 0) {
        // An empty column needs no statistics when nothing is scaled; otherwise it is reported.
        if (spec.method == normaliser::none) return affine(0.0, d, 0.0);
        return give_up(severity::warning, diagnostic_code::insufficient_data, "no values");
    }
    // For d = −1 the flipped extremes are min(x') = −max(x) and max(x') = −min(x).
    const double range = st.max - st.min;

    switch (spec.method) {
        case normaliser::none: return affine(0.0, d, 0.0);

        case normaliser::minmax:
        case normaliser::distance_to_max: {
            if (!std::isfinite(range)) {
                return give_up(severity::error, diagnostic_code::invalid_input_for_method,
                               "the range of the values (" + index_num(st.min) + " to " + index_num(st.max) +
                                   ") is too large to compute");
            }
            if (!(range > 0)) {
                return give_up(severity::warning, diagnostic_code::insufficient_data,
                               st.present == 1 ? "only one value (zero range)" : "all values are equal (zero range)");
            }
            const double l = spec.method == normaliser::minmax ? spec.lower : 0.0;
            const double u = spec.method == normaliser::minmax ? spec.upper : 1.0;
            // (x' − min')·(u − l)/range + l with x' = d·x: for d = −1 that is (max − x)·(u − l)/range + l.
            // The best unit computes range·s + l, which can fall one rounding step short of u (the
            // clamp only catches an overshoot): nudge s outwards until it reaches u, so that the top
            // of the scale is exact. ((min − max)·(−s) rounds like range·s, so d = −1 is covered.)
            double s = (u - l) / range;
            const double outwards =
                u > l ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
            for (int k = 0; k < 16 && (u > l ? range * s + l < u : range * s + l > u); ++k)
                s = std::nextafter(s, outwards);
            affine(d > 0 ? st.min : st.max, d * s, l);
            step.low = l < u ? l : u;
            step.high = l < u ? u : l;
            return step;
        }

        case normaliser::zscore: {
            if (st.present < 2) return give_up(severity::warning, diagnostic_code::insufficient_data, "only one value");
            const double mean = profile ? st.mean : profile_mean(x, n, st.present);
            const double sd = profile ? st.sd : profile_sample_sd(x, n, st.present, mean);
            if (!std::isfinite(mean) || !std::isfinite(sd)) {
                return give_up(severity::error, diagnostic_code::invalid_input_for_method,
                               "the values (" + index_num(st.min) + " to " + index_num(st.max) +
                                   ") are too large for their mean and standard deviation to be computed");
            }
            if (!(sd > 0)) {
                return give_up(severity::warning, diagnostic_code::insufficient_data,
                               "all values are equal (zero standard deviation)");
            }
            return affine(mean, d * spec.sd / sd, spec.mean);
        }

        case normaliser::fraction_of_max: {
            const double top = d > 0 ? st.max : -st.min;  // max(x')
            if (!(top > 0)) {
                return give_up(severity::error, diagnostic_code::invalid_input_for_method,
                               "fraction_of_max needs a positive maximum after the direction flip, but max(" +
                                   std::string(d > 0 ? "x" : "-x") + ") = " + index_num(top) +
                                   (d < 0 ? " (lower-is-better indicators with positive values cannot use it)" : ""));
            }
            // x'/max(x') = x/(d·max(x')): exactly 1 for the best unit.
            return divide(0.0, d * top, std::numeric_limits<double>::infinity(), "fraction_of_max");
        }

        case normaliser::distance_to_target: {
            if (!par.target) {
                return give_up(severity::error, diagnostic_code::missing_required_field,
                               "distance_to_target needs a target for this indicator");
            }
            const double t = *par.target;
            const double denom = d > 0 ? t - st.min : st.max - t;
            if (!(denom != 0) || !std::isfinite(denom)) {
                return give_up(severity::error, diagnostic_code::invalid_input_for_method,
                               "distance_to_target: the target " + index_num(t) + " equals the " +
                                   (d > 0 ? "minimum" : "maximum") + " of the data");
            }
            if (denom < 0) {
                diags.push_back(norm_diag(severity::warning, diagnostic_code::invalid_input_for_method, ctx,
                                          "distance_to_target: the target " + index_num(t) + " is " +
                                              (d > 0 ? "below the minimum" : "above the maximum") +
                                              " of the data, so scores are negative"));
            }
            // (x − min)/(T − min), or for d = −1 (max − x)/(max − T) = (x − max)/(T − max).
            return divide(d > 0 ? st.min : st.max, d * denom,
                          par.cap_at_target ? 1.0 : std::numeric_limits<double>::infinity(), "distance_to_target");
        }

        case normaliser::goalposts: {
            if (!par.goalpost_lower || !par.goalpost_upper) {
                return give_up(severity::error, diagnostic_code::missing_required_field,
                               "goalposts needs a lower and an upper goalpost for this indicator");
            }
            const double lo = *par.goalpost_lower;
            const double hi = *par.goalpost_upper;
            const double width = hi - lo;
            if (!(width != 0) || !std::isfinite(width)) {
                return give_up(severity::error, diagnostic_code::invalid_input_for_method,
                               "goalposts: the lower and upper goalposts are equal (" + index_num(lo) + ")");
            }
            const double a = spec.scale ? *spec.scale : par.goalpost_scale;
            for (std::size_t i = 0; i < n; ++i) {
                double y = d > 0 ? (x[i] - lo) / width : (hi - x[i]) / width;
                if (par.goalpost_truncate) {
                    if (y > 1.0) y = 1.0;  // NaN fails both tests and stays missing
                    if (y < 0.0) y = 0.0;
                }
                out[i] = y * a;
            }
            return drop_non_finite("goalposts");
        }

        case normaliser::rank:
        case normaliser::percentile_rank:
        case normaliser::borda: {
            if (spec.method == normaliser::percentile_rank && st.present < 2) {
                return give_up(severity::warning, diagnostic_code::insufficient_data,
                               "percentile_rank needs at least two values");
            }
            const std::vector<std::uint32_t>* order = &ws.order;
            if (profile && profile->ascending.size() == st.present) {
                order = &profile->ascending;
            } else {
                profile_ascending_order(x, n, ws.order);
            }
            fill_missing_values(out, n);
            // Ranks of x' ascending: walk the ascending order of x forwards for d = +1 and
            // backwards for d = −1; equal values share the lowest rank (R's ties.method = "min").
            const std::size_t m = order->size();
            double prev_rank = 0.0;
            double prev_value = 0.0;
            for (std::size_t p = 0; p < m; ++p) {
                const std::uint32_t row = d > 0 ? (*order)[p] : (*order)[m - 1 - p];
                const double v = x[row];
                const double r = (p > 0 && v == prev_value) ? prev_rank : static_cast<double>(p + 1);
                prev_rank = r;
                prev_value = v;
                out[row] = r;
            }
            if (spec.method == normaliser::borda) {
                for (std::size_t i = 0; i < n; ++i)
                    out[i] -= 1.0;
            } else if (spec.method == normaliser::percentile_rank) {
                const double denom = static_cast<double>(st.present - 1);
                for (std::size_t i = 0; i < n; ++i)
                    out[i] = (out[i] - 1.0) / denom;
            }
            step.present = st.present;
            return step;
        }
    }
    return give_up(severity::error, diagnostic_code::invalid_input_for_method, "unknown normaliser");
}

}  // namespace detail

DXFRAME_DECL std::size_t normalise_column(const double* x, double* out, std::size_t n, direction dir,
                                          const normalisation& spec, const indicator_parameters& par,
                                          const column_context& ctx, normalise_workspace& ws,
                                          std::vector<diagnostic>& diags, const column_profile* profile) {
    const detail::normalise_step step = detail::normalise_prepare(x, out, n, dir, spec, par, ctx, ws, diags, profile);
    if (step.affine) {
        const double* in = step.input;
        for (std::size_t i = 0; i < n; ++i) {
            double y = (in[i] - step.origin) * step.scale + step.offset;
            y = y < step.low ? step.low : y;  // NaN fails both tests and stays missing
            out[i] = y > step.high ? step.high : y;
        }
    }
    return step.present;
}

DXFRAME_DECL normalise_result normalise_values(const std::vector<std::optional<double>>& values, direction dir,
                                               const normalisation& spec, const indicator_parameters& par,
                                               std::string_view indicator_id) {
    check_normalisation(spec);
    const std::size_t n = values.size();
    std::vector<double> in(n, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < n; ++i) {
        if (values[i]) in[i] = *values[i];
    }
    std::vector<double> out(n);
    normalise_workspace ws;
    normalise_result r;
    column_context ctx;
    ctx.indicator = indicator_id;
    normalise_column(in.data(), out.data(), n, dir, spec, par, ctx, ws, r.diagnostics);
    r.values.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isnan(out[i])) r.values[i] = out[i];
    }
    return r;
}

}  // namespace dxframe
