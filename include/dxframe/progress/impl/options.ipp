// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/options.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>
#include <optional>
#include <string>

#include <dxframe/error.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/progress/options.hpp>

namespace dxframe {

DXFRAME_DECL std::optional<std::string> options_problem(const progress_options& o) {
    const auto ordered = [](double a, double b, double c) {
        return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && a >= b && b >= c;
    };
    if (!ordered(o.thresholds.on_track, o.thresholds.needs_acceleration, o.thresholds.limited_progress)) {
        return std::string("thresholds must be finite with on_track >= needs_acceleration >= limited_progress");
    }
    if (!ordered(o.no_target_thresholds.on_track, o.no_target_thresholds.needs_acceleration,
                 o.no_target_thresholds.limited_progress)) {
        return std::string(
            "no_target_thresholds must be finite with on_track >= needs_acceleration >= limited_progress");
    }
    if (o.zero_substitute && !(std::isfinite(*o.zero_substitute) && *o.zero_substitute > 0)) {
        return std::string("zero_substitute must be a finite positive number");
    }
    if (o.result_window_months < 0 || o.result_window_months > 1200) {
        return std::string("result_window_months must be in 0..1200");
    }
    if (o.stale_after_months < 0 || o.stale_after_months > 1200) {
        return std::string("stale_after_months must be in 0..1200");
    }
    return std::nullopt;
}

DXFRAME_DECL void check_options(const progress_options& o) {
    if (const auto problem = options_problem(o)) throw error("dxframe::progress_options: " + *problem);
}

DXFRAME_DECL progress_options effective_options(const progress_options& run, const target& t) {
    progress_options o = run;
    if (run.target_overrides == target_settings::ignore) return o;
    if (t.method) o.method = *t.method;
    if (t.thresholds) o.thresholds = *t.thresholds;
    if (t.no_target_thresholds) o.no_target_thresholds = *t.no_target_thresholds;
    return o;
}

DXFRAME_DECL date months_before(const date& d, int months) {
    const long long index = static_cast<long long>(d.year()) * 12 + (d.month() - 1) - months;
    if (index < 12) return date::from_ymd(1, 1, 1);
    if (index > 9999LL * 12 + 11) return date::from_ymd(9999, 12, 31);
    const int year = static_cast<int>(index / 12);
    const int month = static_cast<int>(index % 12) + 1;
    const int day = d.day() < date::days_in_month(year, month) ? d.day() : date::days_in_month(year, month);
    return date::from_ymd(year, month, day);
}

}  // namespace dxframe
