// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/options.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>

#include <dxframe/error.hpp>
#include <dxframe/progress/options.hpp>

namespace dxframe {

DXFRAME_DECL void check_options(const progress_options& o) {
    const auto ordered = [](double a, double b, double c) {
        return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && a >= b && b >= c;
    };
    if (!ordered(o.thresholds.on_track, o.thresholds.needs_acceleration, o.thresholds.limited_progress)) {
        throw error(
            "dxframe::progress_options: thresholds must be finite with on_track >= needs_acceleration >= "
            "limited_progress");
    }
    if (!ordered(o.no_target_thresholds.on_track, o.no_target_thresholds.needs_acceleration,
                 o.no_target_thresholds.limited_progress)) {
        throw error(
            "dxframe::progress_options: no_target_thresholds must be finite with on_track >= "
            "needs_acceleration >= limited_progress");
    }
    if (o.zero_substitute && !(std::isfinite(*o.zero_substitute) && *o.zero_substitute > 0)) {
        throw error("dxframe::progress_options: zero_substitute must be a finite positive number");
    }
}

}  // namespace dxframe
