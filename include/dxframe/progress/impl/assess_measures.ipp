// SPDX-License-Identifier: MIT
// The measures every progress method shares, for <dxframe/progress/impl/assess.ipp>: a target
// reduced to a goal, the path through baseline and milestones, the two projections, P and E, the
// status bands and the setters of the special statuses. Internal (namespace detail); part of the
// definitions for <dxframe/progress/assess.hpp>.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/target.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/growth.hpp>
// detail::band, which the growth rules and the linear and projection methods share.
#include <dxframe/progress/impl/growth.ipp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/series.hpp>
#include <dxframe/progress/status.hpp>
#include <dxframe/report/format.hpp>

namespace dxframe {

namespace detail {

// A target reduced to "bring y to y* moving in direction d", where y is the indicator value or,
// for exactly / within, its distance to the target point or interval (Open SDG's advice for
// "Goldilocks" indicators: transform first).
struct goal {
    target_kind kind = target_kind::at_least;
    int direction = 1;
    std::optional<double> target;  // y*; none for increase / decrease
    double point = 0, lo = 0, hi = 0, tolerance = 0;
    std::optional<double> path_end;  // in indicator units
    int path_direction = 1;          // which way the path runs, in indicator units

    double assessed(double x) const noexcept {
        if (kind == target_kind::exactly) return std::fabs(x - point);
        if (kind == target_kind::within) return x < lo ? lo - x : (x > hi ? x - hi : 0.0);
        return x;
    }
    bool met(double x) const noexcept {
        switch (kind) {
            case target_kind::at_least: return x >= point;
            case target_kind::at_most: return x <= point;
            case target_kind::exactly: return std::fabs(x - point) <= tolerance;
            case target_kind::within: return x >= lo && x <= hi;
            case target_kind::maintain: return direction > 0 ? x >= point : x <= point;
            default: return false;  // increase / decrease are judged on the baseline, at the deadline
        }
    }
};

struct goal_or_problem {
    std::optional<goal> value;
    insufficiency_reason reason = insufficiency_reason::invalid_target;
    std::string message;
};

inline bool finite(const std::optional<double>& v) noexcept {
    return v && std::isfinite(*v);
}

// A number for a note: up to six significant digits, no trailing zeros ("0.001", "100").
inline std::string num(double v) {
    return general_number(v, 6);
}

inline goal_or_problem make_goal(const target& t, const indicator& ind, const std::optional<dated_value>& base) {
    goal_or_problem out;
    goal g;
    g.kind = t.kind;
    auto bad = [&](const std::string& why) {
        out.message = "target '" + t.id + "': " + why;
        return out;
    };
    switch (t.kind) {
        case target_kind::at_least:
        case target_kind::at_most:
            if (!finite(t.value))
                return bad("kind " + std::string(t.kind == target_kind::at_least ? "at_least" : "at_most") +
                           " needs a finite value");
            g.direction = t.kind == target_kind::at_least ? 1 : -1;
            g.point = *t.value;
            g.target = g.point;
            g.path_end = g.point;
            g.path_direction = g.direction;
            break;
        case target_kind::exactly:
            if (!finite(t.value)) return bad("kind exactly needs a finite value");
            if (t.tolerance && !(std::isfinite(*t.tolerance) && *t.tolerance >= 0)) {
                return bad("tolerance must be a finite number >= 0");
            }
            g.direction = -1;
            g.point = *t.value;
            g.tolerance = t.tolerance.value_or(0.0);
            g.target = g.tolerance;
            g.path_end = g.point;
            g.path_direction = base && base->value > g.point ? -1 : 1;
            break;
        case target_kind::within:
            if (!finite(t.value) || !finite(t.upper)) return bad("kind within needs finite value and upper");
            if (*t.value > *t.upper) return bad("within needs value <= upper");
            g.direction = -1;
            g.lo = *t.value;
            g.hi = *t.upper;
            g.target = 0.0;
            if (base && base->value < g.lo) {
                g.path_end = g.lo;
                g.path_direction = 1;
            } else if (base && base->value > g.hi) {
                g.path_end = g.hi;
                g.path_direction = -1;
            }
            break;
        case target_kind::maintain:
            if (t.value && !std::isfinite(*t.value)) return bad("value must be finite");
            if (!t.value && !base) {
                out.reason = insufficiency_reason::no_baseline;
                out.message = "target '" + t.id + "': maintain without a value needs a baseline";
                return out;
            }
            g.direction = sign(ind.direction);
            g.point = t.value ? *t.value : base->value;
            g.target = g.point;
            g.path_end = g.point;
            g.path_direction = g.direction;
            break;
        case target_kind::increase:
        case target_kind::decrease: g.direction = t.kind == target_kind::increase ? 1 : -1; break;
    }
    out.value = g;
    return out;
}

// Linear interpolation of the path through (t0, x0), the milestones strictly between the
// baseline and the deadline, and (T, end), evaluated at `at` (in years, via years_between).
inline double path_at(const target& t, const dated_value& base, double end, const date& at) {
    std::vector<dated_value> knots{base};
    for (const auto& m : t.milestones) {
        if (m.date > base.date && m.date < t.deadline && std::isfinite(m.value)) knots.push_back({m.date, m.value});
    }
    std::stable_sort(knots.begin() + 1, knots.end(),
                     [](const dated_value& a, const dated_value& b) { return a.date < b.date; });
    knots.push_back({t.deadline, end});
    if (at <= knots.front().date) return knots.front().value;
    for (std::size_t i = 1; i < knots.size(); ++i) {
        if (at <= knots[i].date) {
            const double span = years_between(knots[i - 1].date, knots[i].date);
            const double part = years_between(knots[i - 1].date, at);
            if (!(span > 0)) return knots[i].value;
            return knots[i - 1].value + (knots[i].value - knots[i - 1].value) * part / span;
        }
    }
    return end;
}

inline double clamp_to_bounds(double x, const indicator& ind) {
    const auto b = effective_bounds(ind);
    if (b.minimum && x < *b.minimum) x = *b.minimum;
    if (b.maximum && x > *b.maximum) x = *b.maximum;
    return x;
}

// x_t·(x_t/x_0)^((T − t)/(t − t_0)), the observed compound growth carried on to the deadline
// and kept within the indicator's bounds (it may be ±infinity for an unbounded indicator);
// none when x_0 is zero or the signs differ (no growth rate), or the latest is after T.
inline std::optional<double> geometric_projection(const dated_value& base, const dated_value& latest,
                                                  const date& deadline, const indicator& ind) {
    if (base.value == 0 || (base.value > 0 && latest.value < 0) || (base.value < 0 && latest.value > 0) ||
        !(base.date < latest.date) || latest.date > deadline) {
        return std::nullopt;
    }
    const double x = latest.value * std::pow(latest.value / base.value, years_between(latest.date, deadline) /
                                                                            years_between(base.date, latest.date));
    return clamp_to_bounds(x, ind);
}

// x_0 + (x_t − x_0)·(T − t_0)/(t − t_0): the straight line through baseline and latest.
inline std::optional<double> linear_projection(const dated_value& base, const dated_value& latest, const date& deadline,
                                               const indicator& ind) {
    if (!(base.date < latest.date) || latest.date > deadline) return std::nullopt;
    const double x = base.value + (latest.value - base.value) * years_between(base.date, deadline) /
                                      years_between(base.date, latest.date);
    const double c = clamp_to_bounds(x, ind);
    if (!std::isfinite(c)) return std::nullopt;
    return c;
}

inline void set_insufficient(target_assessment& a, insufficiency_reason r, std::string message) {
    a.status = target_status::insufficient_data;
    a.reason = r;
    a.message = std::move(message);
}

// Nothing usable before the deadline: no_data, with the reason no_observations.
inline void set_no_data(target_assessment& a, std::string message) {
    a.status = target_status::no_data;
    a.reason = insufficiency_reason::no_observations;
    a.message = std::move(message);
}

// The latest usable value and how old it is at the as-of date.
inline void set_latest(target_assessment& a, const dated_value& latest, int stale_after_months) {
    a.latest = latest;
    a.latest_age_days = days_between(latest.date, a.as_of);
    a.stale = latest.date < months_before(a.as_of, stale_after_months);
}

// After the deadline, for a target the latest value does not meet: overdue when that value is
// dated within the result window (on or after its start, or after the deadline), else unreported.
inline void set_after_deadline(target_assessment& a) {
    a.reason.reset();
    a.message.reset();
    if (a.latest && a.latest->date >= a.result_window_start) {
        a.status = target_status::overdue;
        return;
    }
    a.status = target_status::unreported;
    a.message = "deadline " + a.deadline.to_string() + " passed and no result has been reported since " +
                a.result_window_start.to_string() +
                (a.latest ? " (latest observation " + a.latest->date.to_string() + ")" : " (no observation at all)");
}

inline std::string reason_text(insufficiency_reason r) {
    switch (r) {
        case insufficiency_reason::unknown_indicator: return "the indicator is not in the framework";
        case insufficiency_reason::invalid_target: return "the target's kind and values do not fit together";
        case insufficiency_reason::no_observations: return "no usable observation on or before the as-of date";
        case insufficiency_reason::no_baseline:
            return "no baseline: the target gives none and no observation is dated on or after the base date";
        case insufficiency_reason::single_point: return "only one usable point: no observation after the baseline date";
        case insufficiency_reason::deadline_not_after_baseline: return "the deadline is not after the baseline date";
        case insufficiency_reason::zero_baseline: return "the baseline is zero, so growth rates do not exist";
        case insufficiency_reason::zero_target: return "the target is zero, so the required growth rate does not exist";
        case insufficiency_reason::sign_change:
            return "baseline and latest value differ in sign, so no growth rate exists";
        case insufficiency_reason::target_sign_differs:
            return "baseline and target differ in sign, so no required growth rate exists";
        case insufficiency_reason::not_computable: return "the growth rates overflow or are undefined";
    }
    return "insufficient data";
}

inline std::optional<double> finite_or_none(double v) {
    if (std::isfinite(v)) return v;
    return std::nullopt;
}

inline std::optional<double> finite_or_none(const std::optional<double>& v) {
    if (v) return finite_or_none(*v);
    return std::nullopt;
}

// The part every numeric-target method shares: P, E, the path, and why they may be missing.
struct shared_measures {
    std::optional<insufficiency_reason> reason;  // set when P/E cannot be formed
};

inline shared_measures fill_shared(target_assessment& a, const target& t, const goal& g, const dated_value& base,
                                   const dated_value& latest) {
    shared_measures s;
    if (!(base.date < latest.date)) {
        s.reason = insufficiency_reason::single_point;
        return s;
    }
    if (!(base.date < t.deadline)) {
        s.reason = insufficiency_reason::deadline_not_after_baseline;
        return s;
    }
    const double y0 = g.assessed(base.value);
    const double yt = g.assessed(latest.value);
    const double ys = *g.target;
    if (ys != y0) a.progress = finite_or_none(g.direction * (yt - y0) / std::fabs(ys - y0));
    const double time_share =
        std::min(1.0, years_between(base.date, latest.date) / years_between(base.date, t.deadline));
    if (g.path_end) {
        const double tau = path_at(t, base, *g.path_end, latest.date);
        a.path_value = finite_or_none(tau);
        a.path_gap = finite_or_none(g.path_direction * (latest.value - tau));
        // Values near the double range can make the path's share undefined (inf/inf): then the
        // share of the time, which is what the path gives without milestones.
        const double share = (tau - base.value) / (*g.path_end - base.value);
        a.expected = *g.path_end != base.value && !std::isnan(share) ? std::clamp(share, 0.0, 1.0) : time_share;
    } else {
        a.expected = time_share;
    }
    return s;
}

inline void apply_band(target_assessment& a, double value, const status_thresholds& th) {
    a.status = detail::band(value, th.on_track, th.needs_acceleration, th.limited_progress);
    a.ratio = finite_or_none(value);
}

// Linear: ratio P/E. A target equal to its (unmet) baseline can only have been left: deterioration.
inline void linear_status(target_assessment& a, const goal& g, const dated_value& base, const progress_options& o) {
    if (*g.target == g.assessed(base.value) || !a.progress) {
        a.status = target_status::deterioration;
        return;
    }
    if (*a.expected > 0) {
        apply_band(a, *a.progress / *a.expected, o.thresholds);
    } else {
        a.status = *a.progress >= 0 ? target_status::on_track : target_status::deterioration;
    }
}

}  // namespace detail

}  // namespace dxframe
