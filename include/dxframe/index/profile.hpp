// SPDX-License-Identifier: MIT
/// @file
/// @brief Strengths and weaknesses of one unit: its best- and worst-ranked indicators.
///
/// COINr's `get_str_weak` (bluefoxr/COINr, R/results.R, with `rank_df` of R/utils.R): every
/// indicator is ranked over all units (or within the unit's group) after multiplying by its
/// direction, highest first, ties sharing the best rank (R's `rank(-x, ties.method = "min",
/// na.last = "keep")`). The unit's indicators without a value are ignored; with `discard_worst`
/// (COINr `min_discard`, on by default) so are those where the unit holds the worst rank of the
/// indicator (a zero shared by half the units is no strength). The rest are sorted by the unit's
/// rank, ties in indicator order (R's stable `order`): the first N are the strengths, the last N
/// the weaknesses (worst last). COINr applies the direction by default only to its "Raw" data
/// set, whose values still point both ways; normalised data already point one way
/// (`apply_direction` = false).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/tree.hpp>

namespace dxframe {

/// Options of profile_unit. Defaults are COINr's for the Raw data set.
struct profile_options {
    std::size_t strengths = 5;   ///< COINr `topN`.
    std::size_t weaknesses = 5;  ///< COINr `bottomN`.
    /// Multiply each indicator by its direction before ranking (COINr `adjust_direction`: true
    /// for raw or treated data, false for normalised data).
    bool apply_direction = true;
    bool discard_worst = true;  ///< COINr `min_discard`.
    /// COINr `unq_discard`: keep only indicators whose share of distinct values (a missing value
    /// counts as one value, over all units) is above this. None = keep all.
    std::optional<double> min_unique_share;
    /// COINr `use_group`: one group per unit (none = no group); ranks are then within the unit's
    /// group. Empty = rank among all units.
    std::vector<std::optional<std::string>> groups;
    /// COINr `report_level`: each entry names its ancestor at this level (2 = the parent).
    int report_level = 2;
};
BOOST_DESCRIBE_STRUCT(profile_options, (),
                      (strengths, weaknesses, apply_direction, discard_worst, min_unique_share, groups, report_level))

/// One indicator of a profile.
struct profile_entry {
    std::string indicator;                ///< Indicator id.
    std::string name;                     ///< Its display name.
    std::optional<std::string> ancestor;  ///< Its ancestor at options.report_level.
    std::size_t rank = 0;                 ///< The unit's rank on it (1 = best).
    std::size_t ranked = 0;               ///< Units ranked on it (in the group, with groups).
    double value = 0.0;                   ///< The unit's value as given (direction not applied).
};
BOOST_DESCRIBE_STRUCT(profile_entry, (), (indicator, name, ancestor, rank, ranked, value))

/// The strengths and weaknesses of one unit.
struct unit_profile {
    std::string unit;                       ///< Unit id.
    std::vector<profile_entry> strengths;   ///< Best ranks first.
    std::vector<profile_entry> weaknesses;  ///< In rank order: the worst last (as COINr lists them).
    std::size_t considered = 0;             ///< Indicators left after the discards.
    std::vector<diagnostic> diagnostics;    ///< An unknown unit; fewer indicators than asked for.
    /// True when no diagnostic is an error.
    bool ok() const noexcept { return !has_errors(diagnostics); }
};
BOOST_DESCRIBE_STRUCT(unit_profile, (), (unit, strengths, weaknesses, considered, diagnostics))

/// The profile of `unit` (an id of `units`) over `data` (units × the tree's indicators). An
/// unknown unit is an error diagnostic (unknown_reference) and an empty profile; fewer indicators
/// left than strengths or weaknesses asked for gives a warning and shorter lists (COINr would
/// list NA codes). Throws dxframe::error when the shapes do not fit.
DXFRAME_DECL unit_profile profile_unit(const index_tree& tree, const value_matrix& data,
                                       const std::vector<std::string>& units, const std::string& unit,
                                       const profile_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/profile.ipp>
#endif
