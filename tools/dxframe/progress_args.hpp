// SPDX-License-Identifier: MIT
// The progress options that `progress` and `scorecard` share: --method, --stale-after,
// --result-window, --thresholds, --growth-thresholds and --ignore-target-methods, read once
// for both commands.
#pragma once

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>
#include <vector>

#include <dxframe/progress/options.hpp>

#include "cli.hpp"

namespace dxframe::cli {

/// The value options of read_progress_options, for parsed_args.
inline const std::vector<std::string> progress_value_options = {"--method", "--stale-after", "--result-window",
                                                                "--thresholds", "--growth-thresholds"};
/// The flags of read_progress_options, for parsed_args.
inline const std::vector<std::string> progress_flags = {"--ignore-target-methods"};

/// Help text of the options read_progress_options reads (after a command's own).
inline constexpr const char* progress_options_help =
    "  --method M         linear (default): share of the distance covered vs share of the time\n"
    "                     elapsed; growth_ratio: observed vs required compound annual growth\n"
    "                     (Eurostat / Open SDG); projection: observed growth carried on to the\n"
    "                     deadline (UNSD Progress Chart). A target's own method wins.\n"
    "  --thresholds ON,ACC,LIM\n"
    "                     cut-offs on the method's ratio for on_track, needs_acceleration and\n"
    "                     limited_progress (default 0.95,0.6,0); a target's own win\n"
    "  --growth-thresholds ON,ACC,LIM\n"
    "                     cut-offs on the annual growth for increase / decrease targets\n"
    "                     (default 0.015,0.005,0); a target's own win\n"
    "  --ignore-target-methods\n"
    "                     assess every target with the run's method and thresholds, ignoring\n"
    "                     the ones a target sets for itself\n"
    "  --stale-after N    mark the latest observation stale when it is dated more than N\n"
    "                     months before the as-of date (default 12)\n"
    "  --result-window N  after the deadline, a target not met is overdue when a result dated\n"
    "                     N months before the deadline or later shows it, else unreported\n"
    "                     (default 6)\n";

/// Three cut-offs "ON,ACC,LIM": finite numbers, ON >= ACC >= LIM; else usage_error naming the option.
template <class Thresholds>
Thresholds thresholds_option(const std::string& option, const std::string& value) {
    std::vector<double> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = value.find(',', start);
        const std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        double v = 0;
        const char* first = item.data();
        const char* last = item.data() + item.size();
        const auto [end, ec] = std::from_chars(first, last, v);
        if (item.empty() || ec != std::errc() || end != last || !std::isfinite(v)) {
            throw usage_error("option " + option + " needs three numbers ON,ACC,LIM (e.g. 0.95,0.6,0), not '" + value +
                              "'");
        }
        parts.push_back(v);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (parts.size() != 3) {
        throw usage_error("option " + option + " needs three numbers ON,ACC,LIM (e.g. 0.95,0.6,0), not '" + value +
                          "'");
    }
    if (parts[0] < parts[1] || parts[1] < parts[2]) {
        throw usage_error("option " + option +
                          ": the thresholds must not increase (on_track >= needs_acceleration >= " +
                          "limited_progress), not '" + value + "'");
    }
    Thresholds t;
    t.on_track = parts[0];
    t.needs_acceleration = parts[1];
    t.limited_progress = parts[2];
    return t;
}

/// Reads the shared progress options from `args` into `o`.
inline void read_progress_options(const parsed_args& args, progress_options& o) {
    if (const auto v = args.get("--method")) {
        const std::string& m = one_of("--method", *v, {"linear", "growth_ratio", "projection"});
        o.method = m == "linear"         ? progress_method::linear
                   : m == "growth_ratio" ? progress_method::growth_ratio
                                         : progress_method::projection;
    }
    if (const auto v = args.get("--thresholds"))
        o.thresholds = thresholds_option<status_thresholds>("--thresholds", *v);
    if (const auto v = args.get("--growth-thresholds")) {
        o.no_target_thresholds = thresholds_option<growth_thresholds>("--growth-thresholds", *v);
    }
    if (args.has("--ignore-target-methods")) o.target_overrides = target_settings::ignore;
    if (const auto v = args.get("--stale-after")) o.stale_after_months = months_option("--stale-after", *v);
    if (const auto v = args.get("--result-window")) o.result_window_months = months_option("--result-window", *v);
}

}  // namespace dxframe::cli
