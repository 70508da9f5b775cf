// SPDX-License-Identifier: MIT
/// @file
/// @brief How progress towards a target is measured and judged: the method and the cut-offs on
/// its ratio. Part of the model so that a target can set its own (target::method,
/// target::thresholds); <dxframe/progress/options.hpp> uses them for a whole run.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

namespace dxframe {

/// How progress towards a numeric target is measured (docs/progress.md explains each).
enum class progress_method {
    linear,        ///< Share of the distance covered vs share of the time elapsed (ESCAP CSI-type).
    growth_ratio,  ///< Observed vs required compound annual growth (Eurostat / Open SDG).
    projection     ///< Observed growth extrapolated to the deadline (UNSD Progress Chart).
};
BOOST_DESCRIBE_ENUM(progress_method, linear, growth_ratio, projection)

/// Cut-offs applied to a method's ratio (P/E, growth ratio, or projected share of the distance).
/// A ratio ≥ on_track is on track, ≥ needs_acceleration needs acceleration, ≥ limited_progress
/// is limited progress, anything lower is deterioration. Defaults: Eurostat / Open SDG.
struct status_thresholds {
    double on_track = 0.95;            ///< Lower bound of on_track.
    double needs_acceleration = 0.60;  ///< Lower bound of needs_acceleration.
    double limited_progress = 0.0;     ///< Lower bound of limited_progress.
};
BOOST_DESCRIBE_STRUCT(status_thresholds, (), (on_track, needs_acceleration, limited_progress))

/// Cut-offs for targets without a numeric value (increase, decrease): the compound annual
/// growth in the good direction. Defaults: Open SDG / Statistics Canada (1.5% / 0.5% / 0).
struct growth_thresholds {
    double on_track = 0.015;            ///< Lower bound of on_track (per year).
    double needs_acceleration = 0.005;  ///< Lower bound of needs_acceleration (per year).
    double limited_progress = 0.0;      ///< Lower bound of limited_progress (per year).
};
BOOST_DESCRIBE_STRUCT(growth_thresholds, (), (on_track, needs_acceleration, limited_progress))

}  // namespace dxframe
