// SPDX-License-Identifier: MIT
/// @file
/// @brief The sensitivity analysis (run_sensitivity) as CSV, JSON, Markdown and an HTML page.
///
/// CSV has one row per input (`Input,Si,Si_Q5,Si_Q95,STi,STi_Q5,STi_Q95`, 17 significant
/// digits, empty = undefined); JSON is the whole result; Markdown states the target and the
/// design and tabulates the indices. The HTML page shows the first-order (Si) and total (STi)
/// Sobol index of each input as a pair of bars with their bootstrap 5–95% intervals as whiskers,
/// a sentence on how to read them, the numbers as a table and the run's settings.
///
/// Like the uncertainty page, it carries the chart wide and narrow (for a phone). The chart
/// (svg_sobol_indices) marks its parts with classes: one `g.input-row` per input
/// (`data-input`), holding `text.label`, `rect.track`, `rect.si` and `rect.sti` (width 0 and
/// class `missing` when undefined, with a `text.missing` "—"), and for each bar with an interval
/// a `g.whisker` (`data-of="si"` or `"sti"`) of three lines.
#pragma once

#include <string>

#include <dxframe/config.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/report/uncertainty_page.hpp>
#include <dxframe/uncertainty/sensitivity.hpp>

namespace dxframe {

/// CSV: `Input,Si,Si_Q5,Si_Q95,STi,STi_Q5,STi_Q95`, one row per input.
DXFRAME_DECL std::string sensitivity_csv(const sensitivity_result& r);

/// The whole result as JSON (see io/json.hpp), ending with a line break.
DXFRAME_DECL std::string sensitivity_json(const sensitivity_result& r);

/// What the analysis explained, for a reader: "mean absolute rank shift", "rank of AUT",
/// "index value of AUT".
DXFRAME_DECL std::string sensitivity_target_text(const sensitivity_result& r, language lang = language::en);

/// A Markdown heading, the target and design, and a table of the indices (at most 4 decimals;
/// "—" for undefined).
DXFRAME_DECL std::string sensitivity_markdown(const sensitivity_result& r, language lang = language::en);

/// The Sobol chart: per input a blue Si bar above an orange STi bar, each with its bootstrap
/// interval as a whisker, on an axis from min(0, lowest) to the highest value or bound.
/// Narrower than detail::compact_chart_width it is drawn for a phone (SVG class `compact`).
DXFRAME_DECL std::string svg_sobol_indices(const sobol_estimate& sobol, language lang, double width = 1000);

/// The sensitivity analysis as one self-contained HTML page (UTF-8).
DXFRAME_DECL std::string sensitivity_html(const sensitivity_result& r, const analysis_report_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/sensitivity.ipp>
#endif
