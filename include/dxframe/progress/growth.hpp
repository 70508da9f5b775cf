// SPDX-License-Identifier: MIT
/// @file
/// @brief Growth rates and Open SDG's progress measure for one series (the growth_ratio method).
///
/// The rules follow Open SDG's published progress measure (open-sdg/sdg-build,
/// sdg/ProgressMeasure.py, class SeriesProgress), itself inspired by Eurostat's SDG monitoring
/// report; this is an independent C++ implementation of those rules. Formulas and sources:
/// docs/progress.md and the reference memo scoring-methods.md §4, §5.1, §11.6(b).
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>

#include <dxframe/progress/options.hpp>
#include <dxframe/progress/status.hpp>

namespace dxframe {

/// Compound annual growth rate from `from` to `to` over `years` (> 0): (to/from)^(1/years) − 1.
/// The caller guarantees from ≠ 0 and to/from ≥ 0.
inline double compound_annual_growth(double from, double to, double years) noexcept {
    return std::pow(to / from, 1.0 / years) - 1.0;
}

/// Open SDG's threshold reduction near a natural limit ("limit" in its configuration):
/// C = 1 − (b/L)^4.44 when b ≤ L, 1 − ((2L − b)/L)^4.44 when L < b < 2L, 1 when b ≥ 2L,
/// with b = |base value| and L = |limit|. The b ≥ 2L test comes first, so b = L = 0 gives 1.
inline double limit_coefficient(double base_value, double limit) noexcept {
    const double b = std::fabs(base_value);
    const double l = std::fabs(limit);
    constexpr double exponent = 4.44;
    if (b >= 2 * l) return 1.0;
    if (b <= l) return 1.0 - std::pow(b / l, exponent);
    return 1.0 - std::pow((2 * l - b) / l, exponent);
}

/// The inputs of Open SDG's measure for one series, in its own terms (years as numbers).
struct opensdg_inputs {
    double base_value = 0;                     ///< Value at the base year (before any zero substitution).
    double current_value = 0;                  ///< Latest value.
    double years_observed = 0;                 ///< Current year − base year.
    std::optional<double> target;              ///< Target value; absent = Open SDG's "methodology 1" (no target).
    double years_to_target = 0;                ///< Target year − base year (with a target).
    int direction = 1;                         ///< +1 "positive" (higher is better), −1 "negative".
    std::optional<double> limit;               ///< Natural limit for the no-target thresholds (ignored with a target).
    bool target_achieved = false;              ///< Decided by the caller from the latest value.
    status_thresholds thresholds{};            ///< high / med / low with a target (0.95 / 0.6 / 0).
    growth_thresholds no_target_thresholds{};  ///< high / med / low without one (0.015 / 0.005 / 0).
    std::optional<double> zero_substitute = 0.001;  ///< Replaces a zero base or target; absent = refuse.
};

/// What Open SDG's measure gives for one series.
struct opensdg_outcome {
    /// Growth ratio R = s·d·CAGR_obs/|CAGR_req| with a target, or the direction-adjusted growth
    /// g = s·d·CAGR_obs without one. Infinite when the target equals the base value (Open SDG
    /// divides by a zero required growth); absent when it cannot be computed.
    std::optional<double> progress_value;
    std::optional<double> observed_growth;                    ///< CAGR_obs (not direction-adjusted).
    std::optional<double> required_growth;                    ///< CAGR_req, with a target.
    std::optional<double> score;                              ///< Open SDG's score in [−5, 5]; 5 when achieved.
    target_status status = target_status::insufficient_data;  ///< Status on dxframe's scale.
    std::optional<insufficiency_reason> reason;               ///< Why there is no progress value.
    double coefficient = 1.0;         ///< Limit coefficient C applied to the no-target thresholds.
    bool base_substituted = false;    ///< The zero base value was replaced.
    bool target_substituted = false;  ///< The zero target was replaced.
};

namespace detail {

inline target_status band(double value, double high, double med, double low) noexcept {
    if (value >= high) return target_status::on_track;
    if (value >= med) return target_status::needs_acceleration;
    if (value >= low) return target_status::limited_progress;
    return target_status::deterioration;
}

}  // namespace detail

/// Open SDG's progress measure for one series: status, progress value and score.
///
/// Case for case as in ProgressMeasure.py: the sign s of the base value is taken before a zero
/// base is replaced; a zero target or base becomes `zero_substitute`; base and current value of
/// different sign give no value; without a target the thresholds are scaled by the limit
/// coefficient (computed from the unsubstituted base); an achieved target gives status achieved
/// and score 5 whatever the growth. The only difference is how the caller decides
/// `target_achieved` (dxframe compares with the real target, not the substitute).
inline opensdg_outcome opensdg_progress(const opensdg_inputs& in) {
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
