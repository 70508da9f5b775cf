// SPDX-License-Identifier: MIT
/// @file
/// @brief The intermediate tables of a pipeline run (index/pipeline.hpp) as CSV, and a panel's
/// scores and changes as CSV and JSON (its Markdown and HTML reports are the index reports of the
/// last period with the rank changes since the first: panel_report_options).
///
/// The CSV layout is render_index_csv's: `uCode` first, columns in iMeta (tree) order, every
/// number with 17 significant digits (full_precision_number), a missing value as an empty cell,
/// "\n" line ends, units in input order.
#pragma once

#include <string>

#include <dxframe/config.hpp>
#include <dxframe/index/pipeline.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/report/index.hpp>

namespace dxframe {

/// The table of `stage` of `result` (computed over `tree`) as CSV: uCode, then every indicator
/// id (raw, denominated, imputed, treated, normalised); for aggregated the normalised
/// indicators and then every node id, the index last (COINr's "Aggregated" data set). Throws
/// dxframe::error when the table does not fit the tree (a step that was not reached is empty).
DXFRAME_DECL std::string render_pipeline_table_csv(const index_tree& tree, const pipeline_result& result,
                                                   pipeline_stage stage);

/// The same for every period of a panel, stacked: uCode, Time, then the columns of
/// render_pipeline_table_csv; periods in order, units in their period's order.
DXFRAME_DECL std::string render_panel_table_csv(const index_tree& tree, const panel_pipeline_result& result,
                                                pipeline_stage stage);

/// A panel's scores as CSV: `uCode,Time,Index,Rank,RankChange,IndexChange`, one row per unit and
/// period (period by period). RankChange (places gained: rank in the first period − rank in the
/// last) and IndexChange (last − first) are filled on the rows of the last period only, when
/// the unit has both values; empty elsewhere.
DXFRAME_DECL std::string render_panel_csv(const panel_pipeline_result& result);

/// A panel's scores as JSON (two-space indent, final newline): {"spec", "times", "scores":
/// [panel_score…], "changes": [panel_change…] (first period to last), "imputation": counts per
/// indicator, "treatment": the log of each period, "diagnostics"}. Absent optionals left out.
DXFRAME_DECL std::string render_panel_json(const panel_pipeline_result& result, const panel_pipeline_options& options);

/// `base` with the rank of every unit in the first period as `previous_ranks` and the first
/// period as `previous_label`, for render_index_markdown / render_index_html of the last period
/// (a table by the last period's rank with the change since the first).
DXFRAME_DECL index_report_options panel_report_options(const panel_pipeline_result& result,
                                                       index_report_options base = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/pipeline.ipp>
#endif
