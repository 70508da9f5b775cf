// SPDX-License-Identifier: MIT
/// @file
/// @brief Inline SVG charts for the reports: pillar scores, status mix, target progress bars,
/// indicator trajectories and rankings.
///
/// Each function returns one `<svg>` element as text, self-contained (colours are attributes,
/// not external CSS; no scripts, fonts or links), so a chart can be pasted into any HTML page or
/// saved as an .svg file. Every name is escaped; coordinates are finite numbers with at most two
/// decimals. Elements carry class names (`bar`, `seg`, `fill`, `observed`, `deadline`,
/// `rank-bar`, …) and `status-<name>` classes, so that a page's CSS can restyle them and tests
/// can find them.
#pragma once

#include <string>
#include <string_view>

#include <dxframe/config.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/progress/status.hpp>
#include <dxframe/report/ranking.hpp>

namespace dxframe {

namespace detail {

// The building blocks of every report's charts (the scorecard's, the index's, the uncertainty
// and sensitivity pages), so that all draw alike. Attribute text in `extra` is trusted (built by
// the caller); names, titles and tooltips are escaped here.

// A coordinate: fixed, at most two decimals, trailing zeros dropped; 0 for anything not finite.
DXFRAME_DECL std::string svg_num(double v);
// The opening <svg> tag with its class, size, viewBox, accessible name and <title>.
DXFRAME_DECL std::string svg_open(const std::string& cls, double width, double height, const std::string& title);
// A rect; `tooltip` (untrusted text) becomes its <title>.
DXFRAME_DECL std::string svg_rect(const std::string& cls, double x, double y, double w, double h, std::string_view fill,
                                  const std::string& extra = {}, const std::string& tooltip = {});
// A text element; `content` is escaped.
DXFRAME_DECL std::string svg_text(const std::string& cls, double x, double y, const std::string& content,
                                  std::string_view anchor = "start", double size = 12,
                                  std::string_view fill = "#24292f", const std::string& extra = {});
// A line.
DXFRAME_DECL std::string svg_line(const std::string& cls, double x1, double y1, double x2, double y2,
                                  std::string_view stroke, double width = 1, const std::string& extra = {});
// A "nice" tick step (1, 2, 2.5 or 5 times a power of ten) giving about `count` intervals.
DXFRAME_DECL double nice_step(double range, int count);

}  // namespace detail

/// The colour of a status in every chart and page (a colour-blind-safe ramp from green
/// through amber to red; purple for a missing result after the deadline, greys for too little
/// data and for none).
constexpr std::string_view status_color(target_status s) noexcept {
    switch (s) {
        case target_status::achieved: return "#1a7f37";
        case target_status::on_track: return "#54b06f";
        case target_status::needs_acceleration: return "#d4a72c";
        case target_status::limited_progress: return "#e16f24";
        case target_status::deterioration: return "#cf222e";
        case target_status::overdue: return "#82071e";
        case target_status::unreported: return "#8250df";
        case target_status::insufficient_data: return "#afb8c1";
        case target_status::no_data: return "#d8dee4";
    }
    return "#afb8c1";
}

/// The CSS class of a status: "status-needs_acceleration".
DXFRAME_DECL std::string status_class(target_status s);

/// Horizontal bars of the pillars' scores (0–100%): one `rect.bar` per pillar (width 0 when a
/// pillar has no score), foundations in a lighter blue than the three pillars proper.
DXFRAME_DECL std::string svg_pillar_scores(const scorecard& sc, double width = 640);

/// One bar split by status: a `rect.seg` per status with at least one target, its width the
/// status's share of the targets.
DXFRAME_DECL std::string svg_status_mix(const status_counts& n, language lang, double width = 640, double height = 22);

/// A target's progress bar: the share of the distance from baseline to target covered (its
/// score), filled in the status colour (`rect.fill.status-…`); a tick where the path says it
/// should be by now (`line.expected`); the deadline in the tooltip.
DXFRAME_DECL std::string svg_progress_bar(const scorecard_target& t, language lang, double width = 150,
                                          double height = 14);

/// An indicator's trajectory for one target: the observed values (`polyline.observed` and a
/// `circle.obs` per point, in the status colour), the path from baseline through the
/// milestones to the target (`polyline.target-path`, dashed), the target band for `within`,
/// the target point, the deadline (`line.deadline`) and the as-of date (`line.as-of`).
DXFRAME_DECL std::string svg_trajectory(const scorecard_target& t, const date& as_of, language lang, double width = 380,
                                        double height = 220);

/// A ranking as horizontal bars, best first: "rank. name" on the left, a `rect.rank-bar` per
/// ranked unit (length proportional to the value; from the smallest value when some are
/// negative), the value on the right. Units without a value are listed without a bar.
DXFRAME_DECL std::string svg_ranking(const ranking& r, language lang, double width = 640);

/// A target's breakdowns as grouped horizontal bars: one `rect.breakdown-bar` per breakdown
/// (scorecard_target::breakdowns; its codes' names on the left, the latest value on the right;
/// the breakdown the target is about drawn in its status colour, the others grey), from 0 (or
/// the smallest value when some are negative), with the target value as `line.target`. Empty
/// when the target has no breakdowns.
DXFRAME_DECL std::string svg_breakdowns(const scorecard_target& t, language lang, double width = 380);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/svg.ipp>
#endif
