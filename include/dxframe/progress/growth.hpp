// SPDX-License-Identifier: MIT
/// @file
/// @brief Growth rates and Open SDG's progress measure for one series (the growth_ratio method).
///
/// The rules follow Open SDG's published progress measure (open-sdg/sdg-build,
/// sdg/ProgressMeasure.py, class SeriesProgress), itself inspired by Eurostat's SDG monitoring
/// report; this is an independent C++ implementation of those rules. Formulas and sources:
/// docs/progress.md (Open SDG's sdg/ProgressMeasure.py; Eurostat's SDG progress assessment).
#pragma once

#include <optional>

#include <dxframe/config.hpp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/status.hpp>

namespace dxframe {

/// Compound annual growth rate from `from` to `to` over `years` (> 0): (to/from)^(1/years) − 1.
/// The caller guarantees from ≠ 0 and to/from ≥ 0.
DXFRAME_DECL double compound_annual_growth(double from, double to, double years) noexcept;

/// Open SDG's threshold reduction near a natural limit ("limit" in its configuration):
/// C = 1 − (b/L)^4.44 when b ≤ L, 1 − ((2L − b)/L)^4.44 when L < b < 2L, 1 when b ≥ 2L,
/// with b = |base value| and L = |limit|. The b ≥ 2L test comes first, so b = L = 0 gives 1.
DXFRAME_DECL double limit_coefficient(double base_value, double limit) noexcept;

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

/// Open SDG's progress measure for one series: status, progress value and score.
///
/// Case for case as in ProgressMeasure.py: the sign s of the base value is taken before a zero
/// base is replaced; a zero target or base becomes `zero_substitute`; base and current value of
/// different sign give no value; without a target the thresholds are scaled by the limit
/// coefficient (computed from the unsubstituted base); an achieved target gives status achieved
/// and score 5 whatever the growth. The only difference is how the caller decides
/// `target_achieved` (dxframe compares with the real target, not the substitute).
DXFRAME_DECL opensdg_outcome opensdg_progress(const opensdg_inputs& in);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/growth.ipp>
#endif
