// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/growth.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>

#include <dxframe/progress/growth.hpp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/status.hpp>

namespace dxframe {

DXFRAME_DECL double compound_annual_growth(double from, double to, double years) noexcept {
    return std::pow(to / from, 1.0 / years) - 1.0;
}

DXFRAME_DECL double limit_coefficient(double base_value, double limit) noexcept {
    const double b = std::fabs(base_value);
    const double l = std::fabs(limit);
    constexpr double exponent = 4.44;
    if (b >= 2 * l) return 1.0;
    if (b <= l) return 1.0 - std::pow(b / l, exponent);
    return 1.0 - std::pow((2 * l - b) / l, exponent);
}

namespace detail {

// The band of a ratio or growth rate: on_track at or above `high`, and so on down (also used by
// <dxframe/progress/impl/assess.ipp>).
inline target_status band(double value, double high, double med, double low) noexcept {
    if (value >= high) return target_status::on_track;
    if (value >= med) return target_status::needs_acceleration;
    if (value >= low) return target_status::limited_progress;
    return target_status::deterioration;
}

}  // namespace detail

DXFRAME_DECL opensdg_outcome opensdg_progress(const opensdg_inputs& in) {
    opensdg_outcome out;
    const bool with_target = in.target.has_value();
    double high = with_target ? in.thresholds.on_track : in.no_target_thresholds.on_track;
    double med = with_target ? in.thresholds.needs_acceleration : in.no_target_thresholds.needs_acceleration;
    double low = with_target ? in.thresholds.limited_progress : in.no_target_thresholds.limited_progress;
    if (!with_target && in.limit) {
        out.coefficient = limit_coefficient(in.base_value, *in.limit);
        high *= out.coefficient;
        med *= out.coefficient;
        low *= out.coefficient;
    }
    const double sign = in.base_value < 0 ? -1.0 : 1.0;
    const double d = in.direction < 0 ? -1.0 : 1.0;

    auto finish = [&]() {
        if (in.target_achieved) {
            out.status = target_status::achieved;
            out.reason.reset();
            out.score = 5.0;
            return out;
        }
        if (!out.progress_value) {
            out.status = target_status::insufficient_data;
            return out;
        }
        const double v = *out.progress_value;
        out.status = detail::band(v, high, med, low);
        // Open SDG's score lines are fitted to its default thresholds; like Open SDG they are
        // applied whatever thresholds are configured.
        if (with_target) {
            out.score = v >= med ? std::min(7.1429 * v - 4.2857, 5.0) : std::max(4.1667 * v - 2.5, -5.0);
        } else if (v < low) {
            out.score = std::max(125 * v - 2.5, -5.0);
        } else if (out.coefficient == 0) {
            out.score = 5.0;  // the base sits on the limit and is held there: top score
        } else if (v >= high) {
            out.score = std::min(500 * v / out.coefficient - 5, 5.0);
        } else if (v >= med) {
            out.score = 250 * v / out.coefficient - 1.25;
        } else {
            out.score = 500 * v / out.coefficient - 2.5;
        }
        return out;
    };

    double target = with_target ? *in.target : 0.0;
    if (with_target && target == 0) {
        if (!in.zero_substitute) {
            out.reason = insufficiency_reason::zero_target;
            return finish();
        }
        target = *in.zero_substitute;
        out.target_substituted = true;
    }
    double base = in.base_value;
    if (base == 0) {
        if (!in.zero_substitute) {
            out.reason = insufficiency_reason::zero_baseline;
            return finish();
        }
        base = *in.zero_substitute;
        out.base_substituted = true;
    }
    if ((base > 0 && in.current_value < 0) || (base < 0 && in.current_value > 0)) {
        out.reason = insufficiency_reason::sign_change;
        return finish();
    }
    if (!(in.years_observed > 0)) {
        out.reason = insufficiency_reason::single_point;
        return finish();
    }
    const double observed = compound_annual_growth(base, in.current_value, in.years_observed);
    out.observed_growth = observed;
    if (!with_target) {
        if (std::isfinite(observed)) {
            out.progress_value = sign * d * observed;
        } else {
            out.reason = insufficiency_reason::not_computable;
        }
        return finish();
    }
    if (!(in.years_to_target > 0)) {
        out.reason = insufficiency_reason::deadline_not_after_baseline;
        return finish();
    }
    if (target / base < 0) {
        out.reason = insufficiency_reason::target_sign_differs;
        return finish();
    }
    const double required = compound_annual_growth(base, target, in.years_to_target);
    out.required_growth = required;
    double value = 0;
    if (required == 0) {
        // Open SDG divides by |CAGR_req| = 0 in numpy: ±infinity, the sign of the observed growth.
        const double num = sign * d * observed;
        if (num == 0 || !std::isfinite(num)) {
            out.reason = insufficiency_reason::not_computable;
            return finish();
        }
        value = num > 0 ? HUGE_VAL : -HUGE_VAL;
    } else {
        value = sign * d * observed / std::fabs(required);
    }
    if (std::isnan(value)) {
        out.reason = insufficiency_reason::not_computable;
        return finish();
    }
    out.progress_value = value;
    return finish();
}

}  // namespace dxframe
