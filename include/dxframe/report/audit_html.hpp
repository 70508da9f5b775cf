// SPDX-License-Identifier: MIT
/// @file
/// @brief The statistical audit as one self-contained HTML page: the correlation heat map and
/// the statistics, flags, family correlations and group tables.
///
/// Like the other report pages (report/html.hpp) it needs nothing outside itself: CSS in a
/// `<style>` element, the heat map as inline `<svg>`, no script, font, image or link to fetch.
/// At phone width the page reflows and the wide content (the heat map, the tables) scrolls
/// inside its own box (`div.scroll`).
///
/// Sections (each a `<section>` with an id):
/// - `heatmap`: `svg.heatmap`, one `rect.cell` per pair of indicators (`data-first`,
///   `data-second`, `data-r`; class `ns` when p is above the significance level, `na` when r
///   cannot be computed) coloured on ColorBrewer's PuOr diverging scale (orange negative,
///   purple positive; safe for the common colour-vision deficiencies), a `line.group-edge`
///   between groups, the indicator ids along both axes, and `svg.legend`;
/// - `statistics`: `table.stats`, one `tr.stat-row` per column (`data-id`; class `out` when
///   flagged as outlier-prone);
/// - `flags`: `table.flags` or a note that none were flagged;
/// - `family`: `table.family`, one row per element and ancestor (when aggregates were audited);
/// - `groups`: `table.groups`, one row per group;
/// - `notes`: the diagnostics, when any.
#pragma once

#include <string>
#include <string_view>

#include <dxframe/config.hpp>
#include <dxframe/index/audit.hpp>
#include <dxframe/report/audit.hpp>

namespace dxframe {

/// The heat-map colour of a correlation r in [−1, 1]: one of the 11 classes of ColorBrewer's
/// PuOr scale (Brewer, colorbrewer2.org), `#7f3b08` at −1 through `#f7f7f7` at 0 to `#2d004b` at 1.
DXFRAME_DECL std::string_view correlation_color(double r) noexcept;

/// The indicator × indicator correlations of `audit` as one `<svg class="heatmap">` element
/// (see the file comment), `cell` pixels per pair.
DXFRAME_DECL std::string svg_correlation_heatmap(const audit_result& audit, language lang, double cell = 14);

/// `audit` as a complete HTML document (UTF-8).
DXFRAME_DECL std::string render_audit_html(const audit_result& audit, const audit_report_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/audit_html.ipp>
#endif
