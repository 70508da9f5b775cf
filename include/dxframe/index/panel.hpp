// SPDX-License-Identifier: MIT
/// @file
/// @brief Panels: the index of every period at once, and the change in score and rank between two.
///
/// COINr computes a panel as a "purse" of one coin per period (bluefoxr/COINr, R/normalise.R,
/// `Normalise.purse`). Its default is `global = TRUE`: every period's rows are normalised
/// together, as one table, so that a score means the same in every year and changes over time
/// are real changes; with `global = FALSE` each period is normalised on its own (the ranks of a
/// period are then the same as for that period alone). Both are offered here (pooled is the
/// default, as in COINr). Aggregation is row by row, so it is the same either way; the ranks
/// are always within a period. The pipeline is compute_index's: pooled runs it once over the
/// stacked periods, per period once per period.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr_panel.hpp>

namespace dxframe {

/// How a panel is normalised.
enum class panel_normalisation {
    pooled,     ///< All periods together (COINr `Normalise.purse(global = TRUE)`, its default).
    per_period  ///< Each period on its own (COINr `global = FALSE`).
};
BOOST_DESCRIBE_ENUM(panel_normalisation, pooled, per_period)

/// Options of compute_panel_index.
struct panel_options {
    index_spec spec;                                              ///< Methods, as for compute_index.
    panel_normalisation normalise = panel_normalisation::pooled;  ///< Pooled (COINr's default) or per period.
};
BOOST_DESCRIBE_STRUCT(panel_options, (), (spec, normalise))

/// The index of every period.
struct panel_index_result {
    std::vector<double> times;            ///< Periods, as given.
    std::vector<index_result> periods;    ///< One per period: its units, every level, ranks within the period.
    std::vector<diagnostic> diagnostics;  ///< Problems found (per-period runs prefix the period).
    /// True when no diagnostic is an error.
    bool ok() const noexcept { return !has_errors(diagnostics); }
};

/// Computes the index of every period. `units[p]` names the rows of `values[p]` (units × the
/// tree's indicators). Pooled: one compute_index over the periods stacked (diagnostics name a
/// unit as `AUT (2018)`), then each period's slice ranked on its own. Throws dxframe::error when
/// the numbers of periods, unit lists and matrices differ, or as compute_index does.
DXFRAME_DECL panel_index_result compute_panel_index(const index_tree& tree, const std::vector<double>& times,
                                                    const std::vector<std::vector<std::string>>& units,
                                                    const std::vector<value_matrix>& values,
                                                    const panel_options& options = {});

/// compute_panel_index over an imported panel's raw values.
DXFRAME_DECL panel_index_result compute_panel_index(const coinr_panel& panel, const panel_options& options = {});

/// One unit in one period: a row of `uCode,Time,Index,Rank`.
struct panel_score {
    std::string unit;                 ///< Unit id.
    double time = 0.0;                ///< Period.
    std::optional<double> index;      ///< Index value, if any.
    std::optional<std::size_t> rank;  ///< Rank within the period, if ranked.
};
BOOST_DESCRIBE_STRUCT(panel_score, (), (unit, time, index, rank))

/// Every unit of every period, period by period in input order, units in their period's order.
DXFRAME_DECL std::vector<panel_score> panel_scores(const panel_index_result& result);

/// One unit's change between two periods (the DTI release's headline).
struct panel_change {
    std::string unit;                         ///< Unit id (of the later period `to`).
    std::optional<double> score_from;         ///< Index in period `from`, if any.
    std::optional<double> score_to;           ///< Index in period `to`, if any.
    std::optional<double> score_change;       ///< score_to − score_from, when both exist.
    std::optional<std::size_t> rank_from;     ///< Rank in `from`, if ranked.
    std::optional<std::size_t> rank_to;       ///< Rank in `to`, if ranked.
    std::optional<std::int64_t> rank_change;  ///< rank_from − rank_to: places gained (negative: lost).
};
BOOST_DESCRIBE_STRUCT(panel_change, (), (unit, score_from, score_to, score_change, rank_from, rank_to, rank_change))

/// The change of every unit of period `to` since period `from` (units matched by id, as
/// rank_change does; a unit absent from `from` has no change). Under per-period normalisation
/// the score change compares scores on different scales: the rank change is the meaningful one.
/// Throws dxframe::error when either time is not a period of `result`.
DXFRAME_DECL std::vector<panel_change> panel_changes(const panel_index_result& result, double from, double to);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/panel.ipp>
#endif
