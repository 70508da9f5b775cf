// SPDX-License-Identifier: MIT
/// @file
/// @brief The uncertainty analysis (run_uncertainty) as CSV, JSON, Markdown and an HTML page.
///
/// CSV and JSON are for machines: CSV has one row per unit in input order
/// (`uCode,Nominal,Mean,Median,Q5,Q95`, then `Score_*` columns when the result has scores),
/// numbers with 17 significant digits and an empty cell for none; JSON is the whole result.
/// Markdown is a table in input order. The HTML page is what an analyst pastes into a report:
/// the rank intervals as a chart, one row per unit in order of its nominal rank (a band from the
/// 5th to the 95th percentile of its rank, the median marked, the nominal rank a diamond), the
/// same numbers as a table under it, and the run's settings (replications, seed, inputs).
///
/// The page carries the chart twice, wide (for a screen, and printed) and narrow (for a phone);
/// its style sheet shows the one that fits, so the page never scrolls sideways and the chart's
/// text keeps its size. The chart (svg_rank_intervals) marks its parts with classes for styling and tests: one
/// `g.unit-row` per unit (`data-unit`, `data-nominal`), holding `text.rank`, `text.label`,
/// `rect.track` (the plot area of the row), `rect.band`, `line.median` and `path.nominal`; a
/// unit without statistics has `text.missing` ("—") instead of a band.
#pragma once

#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/report/uncertainty_page.hpp>
#include <dxframe/uncertainty/uncertainty.hpp>

namespace dxframe {

/// CSV: `uCode,Nominal,Mean,Median,Q5,Q95` (+ `Score_Nominal,Score_Mean,Score_Median,Score_Q5,
/// Score_Q95` when `r.scores` is not empty), one row per unit in input order.
DXFRAME_DECL std::string uncertainty_csv(const uncertainty_result& r);

/// The whole result as JSON (see io/json.hpp), ending with a line break.
DXFRAME_DECL std::string uncertainty_json(const uncertainty_result& r);

/// A Markdown heading, the inputs and replications, and a table of the rank statistics in input
/// order (at most 4 decimals; "—" for none).
DXFRAME_DECL std::string uncertainty_markdown(const uncertainty_result& r, language lang = language::en);

/// The units' order on the page: by nominal rank, then the units without one by median rank,
/// then by input order. Indices into `ranks`.
DXFRAME_DECL std::vector<std::size_t> nominal_rank_order(const std::vector<rank_summary>& ranks);

/// The rank intervals chart: one `g.unit-row` per unit in nominal_rank_order, on a rank axis
/// from 1 to the number of units (best on the left). `names` (optional, as `ranks`) are shown
/// after the unit ids. Narrower than detail::compact_chart_width it is drawn for a phone (SVG
/// class `compact` instead of `wide`): the ids only, in a narrow column, in a smaller font.
DXFRAME_DECL std::string svg_rank_intervals(const std::vector<rank_summary>& ranks,
                                            const std::vector<std::string>& names, language lang, double width = 1000);

/// The uncertainty analysis as one self-contained HTML page (UTF-8).
DXFRAME_DECL std::string uncertainty_html(const uncertainty_result& r, const analysis_report_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/uncertainty.ipp>
#endif
