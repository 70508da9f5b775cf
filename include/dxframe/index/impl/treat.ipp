// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/treat.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <dxframe/error.hpp>
#include <dxframe/index/column_statistics.hpp>
#include <dxframe/index/impl/column_scan.ipp>        // detail::next_inside, first_test_sums
#include <dxframe/index/impl/column_statistics.ipp>  // detail::sum_finite, central_sums_about_mean
#include <dxframe/index/impl/vector_log.ipp>         // detail::log_shifted
#include <dxframe/index/kernels.hpp>                 // DXFRAME_INDEX_SSE2
#include <dxframe/index/treat.hpp>
#include <dxframe/report/format.hpp>

#if DXFRAME_INDEX_SSE2
#include <emmintrin.h>
#endif

namespace dxframe {

namespace detail {

// COINr's check_SkewKurt of the shape of a column.
inline treat_check check_shape(const shape_statistics& shape, const treat_rule& rule) {
    treat_check c;
    c.skewness = shape.skewness;
    c.kurtosis = shape.kurtosis;
    if (c.skewness && c.kurtosis)
        c.passes = std::fabs(*c.skewness) < rule.skew_threshold || *c.kurtosis < rule.kurtosis_threshold;
    return c;
}

// The test of cells whose first-pass sums are known (one more pass, in cache).
inline treat_check check_skew_kurtosis(const double* cells, std::size_t rows, const finite_sums& first,
                                       const treat_rule& rule) {
    return check_shape(shape_of(central_sums_about_mean(cells, rows, first)), rule);
}

inline std::string row_name(const std::vector<std::string>* units, std::size_t r) {
    if (units != nullptr && r < units->size()) return (*units)[r];
    return "row " + std::to_string(r + 1);
}

// A cell the winsorisation changed, with its value before the change (to undo it).
struct changed_cell {
    std::size_t row;
    double before;
};

// One step of COINr's winsorise: every cell at the extreme takes the nearest other value, its
// old value appended to `undo`. The extreme is known from `first` (the column's finite sums, kept
// up to date here), so one pass finds the next value and the rows at the extreme, with no branch
// but for those rows. Returns the rows at that extreme (COINr's imax or imin); empty when no
// other value exists.
inline std::vector<std::size_t> winsorise_extreme(double* cells, std::size_t rows, bool high, finite_sums& first,
                                                  std::vector<changed_cell>& undo) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const double extreme = high ? first.hi : first.lo;
    std::vector<std::size_t> at;
    const double next = next_inside(cells, rows, extreme, high, at);
    if (next == -inf || next == inf) return {};
    for (const std::size_t r : at) {
        undo.push_back({r, cells[r]});
        cells[r] = next;
    }
    first.sum += static_cast<double>(at.size()) * (next - extreme);
    (high ? first.hi : first.lo) = next;
    return at;
}

// The cells at one end of a column: its `kept` most extreme distinct values and every cell
// holding one, in value order from the end inwards (rows ascending among ties). The low end is
// kept negated, so both ends take the same code: "outer" is "larger" in the stored values.
struct column_end {
    std::vector<std::pair<double, std::size_t>> cells;  // (stored value, row)
    std::vector<std::size_t> starts;                    // index of each distinct value's first cell
    std::size_t distinct = 0;
    std::size_t steps = 0;  // winsorising steps taken at this end
    double threshold = -std::numeric_limits<double>::infinity();
};

// Adds a cell whose stored value is at least the end's threshold. False when the end holds more
// cells than a short list should (many ties: the caller takes the column's passes instead).
inline bool add_to_end(column_end& end, double v, std::size_t row, std::size_t kept) {
    auto& c = end.cells;
    auto at = c.begin();
    bool seen = false;
    while (at != c.end() && at->first >= v) {
        seen = seen || at->first == v;
        ++at;
    }
    c.insert(at, {v, row});
    if (!seen && ++end.distinct > kept) {
        const double dropped = c.back().first;
        while (c.back().first == dropped)
            c.pop_back();
        end.distinct = kept;
    }
    if (end.distinct == kept) end.threshold = c.back().first;
    return c.size() <= 64 * kept;
}

// Both ends of a column in one pass (no infinite cell; NaN skipped): what the winsorising steps
// need (every step's extreme, next value and rows) without a search of the column per step.
// Nullopt when an end has fewer than `kept` distinct values, the two ends meet, a listed value is
// zero (±0 compare equal: which one a search returns depends on its order) or ties overflow.
struct column_ends {
    column_end high;
    column_end low;
};

inline std::optional<column_ends> collect_column_ends(const double* x, std::size_t n, std::size_t kept) {
    column_ends e;
    bool fits = true;
    const auto add = [&](std::size_t r) {
        const double v = x[r];
        if (v >= e.high.threshold) fits = add_to_end(e.high, v, r, kept) && fits;
        if (-v >= e.low.threshold) fits = add_to_end(e.low, -v, r, kept) && fits;
    };
    std::size_t r = 0;
#if DXFRAME_INDEX_SSE2
    // Two compares and a mask a pair of cells; the list work only for the rare cell past a threshold.
    for (; r + 2 <= n && fits; r += 2) {
        const __m128d a = _mm_loadu_pd(x + r);
        const __m128d outside =
            _mm_or_pd(_mm_cmpge_pd(a, _mm_set1_pd(e.high.threshold)), _mm_cmple_pd(a, _mm_set1_pd(-e.low.threshold)));
        const int mask = _mm_movemask_pd(outside);
        if (mask == 0) continue;
        if ((mask & 1) != 0) add(r);
        if ((mask & 2) != 0) add(r + 1);
    }
#endif
    for (; r < n && fits; ++r)
        add(r);
    if (!fits || e.high.distinct < kept || e.low.distinct < kept) return std::nullopt;
    if (!(e.high.threshold > -e.low.threshold)) return std::nullopt;
    for (column_end* end : {&e.high, &e.low}) {
        for (std::size_t i = 0; i < end->cells.size(); ++i) {
            if (end->cells[i].first == 0.0) return std::nullopt;
            if (i == 0 || end->cells[i].first != end->cells[i - 1].first) end->starts.push_back(i);
        }
    }
    return e;
}

// winsorise_extreme from the listed ends: the same cells, rows, undo entries and sums.
inline std::vector<std::size_t> winsorise_listed(double* cells, bool high, finite_sums& first,
                                                 std::vector<changed_cell>& undo, column_end& end) {
    const double sign = high ? 1.0 : -1.0;
    const std::size_t step = end.steps++;
    const double extreme = sign * end.cells[end.starts[step]].first;
    const double next = sign * end.cells[end.starts[step + 1]].first;
    std::vector<std::size_t> at(end.starts[step + 1]);
    for (std::size_t i = 0; i < at.size(); ++i)
        at[i] = end.cells[i].second;
    std::sort(at.begin(), at.end());
    for (const std::size_t r : at) {
        undo.push_back({r, cells[r]});
        cells[r] = next;
    }
    first.sum += static_cast<double>(at.size()) * (next - extreme);
    (high ? first.hi : first.lo) = next;
    return at;
}

// The central sums of a column carried through winsorising steps (count cells moving from one
// value to another) without a pass, with bounds on their distance from the sums a fresh pass
// would compute: a step whose estimate clearly fails the test needs no pass (the next step comes
// anyway); any other step, and the last one (its statistics are logged), takes the exact test.
struct central_estimate {
    double n = 0.0;
    double centre = 0.0;                            // fixed: the mean when started
    double p1 = 0.0, p2 = 0.0, p3 = 0.0, p4 = 0.0;  // Σd, Σd², Σd³, Σd⁴ about centre
    double e1 = 0.0, e2 = 0.0, e3 = 0.0, e4 = 0.0;  // bounds on their errors
};

inline central_estimate start_estimate(const finite_sums& s, const central_sums& c) {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    central_estimate e;
    e.n = static_cast<double>(s.n);
    e.centre = s.sum / e.n;
    e.p2 = c.s2;
    e.p3 = c.s3;
    e.p4 = c.s4;
    // Both the pass these sums come from and a later exact pass round by at most ~n·ε relative
    // (Σ|d|³ ≤ √(Σd²·Σd⁴)); Σ(x − mean) is zero up to the rounding of the sum and the mean.
    const double slack = 16.0 * e.n * eps;
    e.e1 = slack * e.n * std::max(std::fabs(s.lo), std::fabs(s.hi));
    e.e2 = slack * std::fabs(e.p2);
    e.e3 = slack * std::sqrt(std::fabs(e.p2 * e.p4));
    e.e4 = slack * std::fabs(e.p4);
    return e;
}

inline void move_cells(central_estimate& e, double count, double from, double to) {
    constexpr double r = 8.0 * std::numeric_limits<double>::epsilon();
    const double a = from - e.centre;
    const double b = to - e.centre;
    const double a2 = a * a;
    const double b2 = b * b;
    e.e1 += r * (std::fabs(e.p1) + count * (std::fabs(a) + std::fabs(b)));
    e.e2 += r * (std::fabs(e.p2) + count * (a2 + b2));
    e.e3 += r * (std::fabs(e.p3) + count * (a2 * std::fabs(a) + b2 * std::fabs(b)));
    e.e4 += r * (std::fabs(e.p4) + count * (a2 * a2 + b2 * b2));
    e.p1 += count * (b - a);
    e.p2 += count * (b2 - a2);
    e.p3 += count * (b2 * b - a2 * a);
    e.p4 += count * (b2 * b2 - a2 * a2);
}

// The test from the estimate when it fails beyond any doubt (|skewness| and kurtosis both above
// their thresholds by more than the error bounds, and by 1e-9 relative besides); else nullopt.
inline std::optional<treat_check> clear_failure(const central_estimate& e, const treat_rule& rule) {
    constexpr double eps = std::numeric_limits<double>::epsilon();
    const double n = e.n;
    if (n < 4.0) return std::nullopt;
    const double d = e.p1 / n;
    const double de = e.e1 / n;
    const double ad = std::fabs(d);
    central_sums c;
    c.n = static_cast<std::size_t>(n);
    c.s2 = e.p2 - n * d * d;
    c.s3 = e.p3 - 3.0 * d * e.p2 + 2.0 * n * d * d * d;
    c.s4 = e.p4 - 4.0 * d * e.p3 + 6.0 * d * d * e.p2 - 3.0 * n * d * d * d * d;
    const double q2 = std::fabs(e.p2);
    const double q3 = std::fabs(e.p3);
    const double q4 = std::fabs(e.p4);
    const double err2 = e.e2 + 2.0 * n * ad * de + 8.0 * eps * (q2 + n * d * d);
    const double err3 = e.e3 + 3.0 * ad * e.e2 + 3.0 * de * q2 + 6.0 * n * d * d * de +
                        8.0 * eps * (q3 + 3.0 * ad * q2 + 2.0 * n * ad * d * d);
    const double err4 = e.e4 + 4.0 * ad * e.e3 + 4.0 * de * q3 + 6.0 * d * d * e.e2 + 12.0 * ad * de * q2 +
                        12.0 * n * ad * d * d * de +
                        8.0 * eps * (q4 + 4.0 * ad * q3 + 6.0 * d * d * q2 + 3.0 * n * d * d * d * d);
    if (!(c.s2 > 0.0) || !(c.s4 > 0.0) || err2 > 1e-6 * c.s2 || err4 > 1e-6 * c.s4) return std::nullopt;
    const treat_check t = check_shape(shape_of(c), rule);
    if (!t.skewness || !t.kurtosis) return std::nullopt;
    const double skew = *t.skewness;
    const double kurt = *t.kurtosis;
    const double skew_error = std::sqrt(n) * std::sqrt(n * (n - 1.0)) / (n - 2.0) * err3 / std::pow(c.s2, 1.5) +
                              1.6 * std::fabs(skew) * err2 / c.s2;
    const double r = n * c.s4 / (c.s2 * c.s2);
    const double kurt_error = (n + 1.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0)) * r * (err4 / c.s4 + 2.2 * err2 / c.s2);
    const double S = rule.skew_threshold;
    const double K = rule.kurtosis_threshold;
    const bool fails = std::fabs(skew) - S > 2.0 * skew_error + 1e-9 * std::max({1.0, S, std::fabs(skew)}) &&
                       kurt - K > 2.0 * kurt_error + 1e-9 * std::max({1.0, std::fabs(K), std::fabs(kurt)});
    if (!fails) return std::nullopt;
    return t;
}

}  // namespace detail

DXFRAME_DECL indicator_treatment treat_column(double* cells, std::size_t rows, const treat_rule& rule,
                                              const std::string& id, const std::vector<std::string>* units,
                                              std::vector<diagnostic>& diagnostics) {
    indicator_treatment out;
    out.indicator = id;
    out.rule = rule;
    if (!rule.enabled) return out;
    // One pass from memory: count, sum and range of the values, whether any is infinite, and
    // the central sums of the first test. Every later pass reads the column from cache.
    const detail::first_test_pass first = detail::first_test_sums(cells, rows);
    const detail::finite_sums& original_sums = first.sums;
    if (original_sums.infinite > 0) {
        std::size_t r = 0;
        while (!std::isinf(cells[r]))
            ++r;
        diagnostics.push_back({severity::warning,
                               diagnostic_code::non_finite_value,
                               id,
                               "an infinite value (" + detail::row_name(units, r) + "): left untreated",
                               {},
                               {}});
        return out;
    }
    out.before = detail::check_shape(detail::shape_of(first.central), rule);
    const auto untestable = [&](const std::string& stage) {
        diagnostics.push_back({severity::warning,
                               diagnostic_code::insufficient_data,
                               id,
                               "cannot test for outliers " + stage +
                                   ": skewness needs 3 values and kurtosis 4, not all equal; left untreated",
                               {},
                               {}});
    };
    if (!out.before.passes) {
        untestable("(" + std::to_string(original_sums.n) + " values)");
        return out;
    }
    if (*out.before.passes) return out;

    // Winsorise, as COINr's winsorise does, keeping its imax / imin bookkeeping: the rows at the
    // last treated maximum and minimum (a row pulled down twice is counted once, because it is
    // tied with the new maximum the second time). The cells are changed in place and the changes
    // remembered, to be undone if the log transform is needed instead.
    std::vector<detail::changed_cell> undo;
    detail::finite_sums sums = original_sums;
    std::vector<std::size_t> imax;
    std::vector<std::size_t> imin;
    treat_check current = out.before;
    const auto below_max = [&] { return !rule.max_points || out.points < *rule.max_points; };
    // At most max_points steps (each takes at least one more cell): with the max_points + 1 most
    // extreme values of each end listed in one pass, no step searches the column.
    std::optional<detail::column_ends> ends;
    if (rule.max_points && *rule.max_points > 0 && *rule.max_points <= 16)
        ends = detail::collect_column_ends(cells, rows, *rule.max_points + 1);
    // With the ends listed, each step's moved cells are known: the central sums follow them
    // (central_estimate), and only a step that does not clearly fail takes a pass.
    std::optional<detail::central_estimate> estimate;
    if (ends) estimate = detail::start_estimate(original_sums, first.central);
    bool estimated = false;
    while (!*current.passes && below_max()) {
        const bool high = *current.skewness >= 0.0;
        const double from = high ? sums.hi : sums.lo;
        std::vector<std::size_t> at =
            ends ? detail::winsorise_listed(cells, high, sums, undo, high ? ends->high : ends->low)
                 : detail::winsorise_extreme(cells, rows, high, sums, undo);
        if (at.empty()) break;
        const auto moved = static_cast<double>(at.size());
        (high ? imax : imin) = std::move(at);
        out.points = imax.size() + imin.size();
        if (estimate) {
            detail::move_cells(*estimate, moved, from, high ? sums.hi : sums.lo);
            if (below_max()) {
                if (const auto clear = detail::clear_failure(*estimate, rule)) {
                    current = *clear;
                    estimated = true;
                    continue;
                }
            }
        }
        const detail::central_sums exact = detail::central_sums_about_mean(cells, rows, sums);
        current = detail::check_shape(detail::shape_of(exact), rule);
        estimated = false;
        if (estimate) estimate = detail::start_estimate(sums, exact);
        if (!current.passes) break;
    }
    if (estimated) current = detail::check_skew_kurtosis(cells, rows, sums, rule);
    const auto restore = [&] {
        for (auto it = undo.rbegin(); it != undo.rend(); ++it)
            cells[it->row] = it->before;
    };
    out.winsorised = current;
    if (!current.passes) {
        restore();
        untestable("after winsorising " + std::to_string(out.points) + " points");
        out.winsorised.reset();
        out.points = 0;
        return out;
    }
    if (*current.passes) {
        out.applied = treatment::winsorised;
        for (const std::size_t r : imax)
            out.winsorised_high.push_back(detail::row_name(units, r));
        for (const std::size_t r : imin)
            out.winsorised_low.push_back(detail::row_name(units, r));
        return out;
    }

    // Still failing: log_CT of the original values.
    restore();
    const double lo = original_sums.lo;
    const double shift = 0.01 * (original_sums.hi - lo);
    // Vectorised (impl/vector_log.ipp): within 1 ulp of std::log, the same bits on every path.
    detail::log_shifted(cells, cells, rows, lo, shift);
    out.applied = treatment::log;
    out.log = detail::check_shape(detail::shape_of(detail::central_moment_sums(cells, rows)), rule);
    for (const std::size_t r : imax)
        out.winsorised_high.push_back(detail::row_name(units, r));
    for (const std::size_t r : imin)
        out.winsorised_low.push_back(detail::row_name(units, r));
    if (out.log->passes && !*out.log->passes)
        diagnostics.push_back({severity::info,
                               diagnostic_code::insufficient_data,
                               id,
                               "still outlier-prone after the log transform (|skewness| ≥ " +
                                   shortest_number(rule.skew_threshold) + " and kurtosis ≥ " +
                                   shortest_number(rule.kurtosis_threshold) + ")",
                               {},
                               {}});
    return out;
}

namespace detail {

// True when `value` is below `threshold` by more than the rounding that separates an estimated
// statistic from the exact one: 1e-10 relative (the central sums of 10,000 values formed in two
// orders differ by about n·ε ≈ 1e-12 relative at worst; a hundred times that as margin).
inline bool clearly_below(double value, double threshold) noexcept {
    return value < threshold - 1e-10 * std::max({1.0, std::fabs(threshold), std::fabs(value)});
}

// treat_column for a column whose first-test sums were estimated elsewhere (the imputation's
// pass, first_test_after_filling): a column that clearly passes is done (its logged `before`
// statistics within rounding of treat_column's); any other (failing, near a threshold,
// untestable) takes treat_column itself, so every decision is treat_column's.
inline indicator_treatment treat_column_estimated(double* cells, std::size_t rows, const treat_rule& rule,
                                                  const std::string& id, const std::vector<std::string>* units,
                                                  std::vector<diagnostic>& diagnostics,
                                                  const first_test_pass& estimate) {
    // Σd² ≥ (max − min)²/2 for any values: an estimate below that is rounding noise (values
    // huge beside their spread), where only the exact pass can say whether the test is defined.
    const double range = estimate.sums.hi - estimate.sums.lo;
    const bool well_posed = estimate.central.s2 >= 0.4 * range * range;
    if (rule.enabled && estimate.sums.infinite == 0 && well_posed) {
        const treat_check c = check_shape(shape_of(estimate.central), rule);
        if (c.passes && *c.passes &&
            (clearly_below(std::fabs(*c.skewness), rule.skew_threshold) ||
             clearly_below(*c.kurtosis, rule.kurtosis_threshold))) {
            indicator_treatment out;
            out.indicator = id;
            out.rule = rule;
            out.before = c;
            return out;
        }
    }
    return treat_column(cells, rows, rule, id, units, diagnostics);
}

}  // namespace detail

DXFRAME_DECL std::vector<indicator_treatment> treat_outliers_in_place(value_matrix& data,
                                                                      const std::vector<std::string>& indicators,
                                                                      const std::vector<std::string>& units,
                                                                      const treat_spec& spec,
                                                                      std::vector<diagnostic>& diagnostics) {
    if (indicators.size() != data.cols() || units.size() != data.rows())
        throw error("treat_outliers: " + std::to_string(indicators.size()) + " indicator ids and " +
                    std::to_string(units.size()) + " unit ids for a " + std::to_string(data.rows()) + " x " +
                    std::to_string(data.cols()) + " matrix");
    bool unknown = false;
    for (const auto& entry : spec.per_indicator) {
        if (std::find(indicators.begin(), indicators.end(), entry.first) != indicators.end()) continue;
        unknown = true;
        diagnostics.push_back({severity::error,
                               diagnostic_code::unknown_reference,
                               "--treat",
                               "treatment given for '" + entry.first + "', which is not an indicator",
                               {},
                               {}});
    }
    std::vector<indicator_treatment> log;
    if (unknown) return log;
    log.reserve(indicators.size());
    for (std::size_t c = 0; c < indicators.size(); ++c) {
        const auto own = spec.per_indicator.find(indicators[c]);
        const treat_rule& rule = own == spec.per_indicator.end() ? spec.global : own->second;
        log.push_back(treat_column(data.column(c), data.rows(), rule, indicators[c], &units, diagnostics));
    }
    return log;
}

DXFRAME_DECL treat_result treat_outliers(const value_matrix& data, const std::vector<std::string>& indicators,
                                         const std::vector<std::string>& units, const treat_spec& spec) {
    treat_result out;
    out.values = data;
    out.log = treat_outliers_in_place(out.values, indicators, units, spec, out.diagnostics);
    return out;
}

namespace detail {

inline std::optional<double> treat_spec_number(std::string_view s) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    double v = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace detail

DXFRAME_DECL std::optional<treat_rule> parse_treat_rule(std::string_view spec, std::string& error) {
    const std::string form = "none or winsorise[:MAX_POINTS[:SKEW:KURTOSIS]] (defaults 5, 2, 3.5)";
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t colon = spec.find(':', start);
        parts.push_back(spec.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    const std::string quoted = "'" + std::string(spec) + "'";
    treat_rule rule;
    if (parts[0] == "none") {
        if (parts.size() != 1) {
            error = quoted + ": none takes no parameters; expected " + form;
            return std::nullopt;
        }
        rule.enabled = false;
        return rule;
    }
    if (parts[0] != "winsorise" && parts[0] != "winsorize") {
        error = quoted + ": unknown treatment '" + std::string(parts[0]) + "'; expected " + form;
        return std::nullopt;
    }
    if (parts.size() == 3 || parts.size() > 4) {
        error = quoted + ": winsorise takes 0, 1 or 3 parameters; expected " + form;
        return std::nullopt;
    }
    if (parts.size() >= 2) {
        const auto n = detail::treat_spec_number(parts[1]);
        if (!n || *n < 0.0 || *n != std::floor(*n) || *n > 1e9) {
            error = quoted + ": MAX_POINTS '" + std::string(parts[1]) + "' is not a whole number >= 0";
            return std::nullopt;
        }
        rule.max_points = static_cast<std::size_t>(*n);
    }
    if (parts.size() == 4) {
        const auto s = detail::treat_spec_number(parts[2]);
        const auto k = detail::treat_spec_number(parts[3]);
        if (!s || *s <= 0.0) {
            error = quoted + ": SKEW '" + std::string(parts[2]) + "' is not a number > 0";
            return std::nullopt;
        }
        if (!k) {
            error = quoted + ": KURTOSIS '" + std::string(parts[3]) + "' is not a number";
            return std::nullopt;
        }
        rule.skew_threshold = *s;
        rule.kurtosis_threshold = *k;
    }
    return rule;
}

DXFRAME_DECL treat_spec_parse_result parse_treat_spec(const std::vector<std::string>& arguments,
                                                      const std::string& source) {
    treat_spec_parse_result out;
    treat_spec spec;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const std::size_t eq = argument.find('=');
        const std::string path = pointer_append(source, i);
        if (eq == 0) {
            out.diagnostics.push_back({severity::error,
                                       diagnostic_code::invalid_metadata,
                                       path,
                                       "'" + argument + "': no indicator id before '='",
                                       {},
                                       {}});
            continue;
        }
        std::string error;
        const auto rule = parse_treat_rule(
            eq == std::string::npos ? std::string_view(argument) : std::string_view(argument).substr(eq + 1), error);
        if (!rule) {
            const bool unknown_method = error.find("unknown treatment") != std::string::npos;
            out.diagnostics.push_back(
                {severity::error,
                 unknown_method ? diagnostic_code::invalid_enum_value : diagnostic_code::invalid_number,
                 path,
                 error,
                 {},
                 {}});
            continue;
        }
        if (eq == std::string::npos)
            spec.global = *rule;
        else
            spec.per_indicator[argument.substr(0, eq)] = *rule;
    }
    if (!has_errors(out.diagnostics)) out.spec = std::move(spec);
    return out;
}

}  // namespace dxframe
