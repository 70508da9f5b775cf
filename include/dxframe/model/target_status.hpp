// SPDX-License-Identifier: MIT
/// @file
/// @brief The status scale of a target at a date. Part of the model so that a status set by hand
/// (manual_status) can be recorded with the data; the helpers that read the scale
/// (is_judgement, severity_rank, …) are in <dxframe/progress/status.hpp>.
#pragma once

#include <boost/describe/enum.hpp>

namespace dxframe {

/// Where a target stands at an as-of date. One scale for all methods (linear, growth_ratio,
/// projection), so results of different methods can be rolled up and compared. The first six
/// are judgements of the target; the last three say why there is none (docs/progress.md §1).
enum class target_status {
    achieved,            ///< The latest value meets the target.
    on_track,            ///< Moving fast enough to meet it by the deadline (Open SDG: substantial progress).
    needs_acceleration,  ///< Moving the right way, but too slowly (Open SDG: moderate progress).
    limited_progress,    ///< Hardly moving the right way (Open SDG: limited progress).
    deterioration,       ///< Moving away from the target.
    /// The deadline has passed, the target is not met, and a result dated within the result
    /// window (on or after deadline − progress_options::result_window_months) or later shows it.
    overdue,
    /// The deadline has passed, the latest observation does not meet the target, and nothing
    /// has been reported since the start of the result window (or nothing at all): the result
    /// is missing. Not a judgement of the target; a DX office must chase the figure.
    unreported,
    /// Before the deadline: some data, too little for the method (single point, no baseline,
    /// …); at any date: an invalid target or an unknown indicator. The assessment says why
    /// (insufficiency_reason).
    insufficient_data,
    no_data  ///< Before the deadline: no usable observation at all (reason no_observations).
};
BOOST_DESCRIBE_ENUM(target_status, achieved, on_track, needs_acceleration, limited_progress, deterioration, overdue,
                    unreported, insufficient_data, no_data)

}  // namespace dxframe
