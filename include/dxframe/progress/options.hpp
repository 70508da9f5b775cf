// SPDX-License-Identifier: MIT
/// @file
/// @brief Options of the progress assessment: method, thresholds, base date, zero handling.
#pragma once

#include <optional>
#include <string>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/method.hpp>
#include <dxframe/model/target.hpp>

namespace dxframe {

/// Whether a run honours the method and thresholds a target sets for itself.
enum class target_settings {
    honour,  ///< A target's own method and thresholds win over the run's (the default).
    ignore   ///< Every target is assessed with the run's method and thresholds.
};
BOOST_DESCRIBE_ENUM(target_settings, honour, ignore)

/// Everything an assessment can be tuned with. The defaults reproduce the documented methods.
struct progress_options {
    progress_method method = progress_method::linear;  ///< Method for numeric targets.
    status_thresholds thresholds{};                    ///< Cut-offs on the method's ratio.
    growth_thresholds no_target_thresholds{};          ///< Cut-offs for increase / decrease targets.
    /// Where the baseline is taken from when a target has no explicit baseline: the first
    /// observation on or after this date (Open SDG's base year, default 2015 there). Absent:
    /// the first observation.
    std::optional<date> base_date;
    /// Growth rates from or to zero do not exist; Open SDG replaces a zero baseline or target by
    /// 0.001 (with a warning) and so does dxframe by default. Absent: such targets get
    /// insufficient_data (zero_baseline / zero_target). Used by growth_ratio and by increase /
    /// decrease targets; the projection method never substitutes.
    std::optional<double> zero_substitute = 0.001;
    /// Open SDG's "limit": for increase / decrease targets, scale the growth thresholds down
    /// near a natural limit (the indicator's maximum for increase, minimum for decrease, e.g.
    /// 100 for a percentage). Off by default, as in Open SDG, where the limit must be configured.
    bool limit_from_bounds = false;
    /// The result window, in months before the deadline: once the deadline has passed, a
    /// target not met is `overdue` only when its latest observation is dated on or after
    /// deadline − result_window_months (months_before()); otherwise it is `unreported`.
    int result_window_months = 6;
    /// An assessment's latest observation is `stale` when it is dated before
    /// as_of − stale_after_months (months_before()); exactly that many months old is not stale.
    int stale_after_months = 12;
    /// Whether targets' own `method`, `thresholds` and `no_target_thresholds` override the
    /// run's (honour, the default) or not (ignore: one method for every target).
    target_settings target_overrides = target_settings::honour;
};
BOOST_DESCRIBE_STRUCT(progress_options, (),
                      (method, thresholds, no_target_thresholds, base_date, zero_substitute, limit_from_bounds,
                       result_window_months, stale_after_months, target_overrides))

/// The same day `months` calendar months earlier, clamped to the last day of a shorter month
/// (2025-08-31 less 6 months is 2025-02-28; 2025-12-31 less 6 is 2025-06-30) and to 0001-01-01.
/// A negative `months` goes forward (clamped to 9999-12-31).
DXFRAME_DECL date months_before(const date& d, int months);

/// The options target `t` is assessed with: the run's, with the target's own method,
/// thresholds and no_target_thresholds in their place where it sets them (unless the run
/// ignores them, progress_options::target_overrides).
DXFRAME_DECL progress_options effective_options(const progress_options& run, const target& t);

/// What makes options unusable, in words (the message check_options throws), or nullopt.
DXFRAME_DECL std::optional<std::string> options_problem(const progress_options& o);

/// Throws dxframe::error when options are unusable: thresholds not finite or not in
/// decreasing order, a zero substitute that is not a finite positive number, or a result
/// window or staleness age outside 0…1200 months.
DXFRAME_DECL void check_options(const progress_options& o);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/options.ipp>
#endif
