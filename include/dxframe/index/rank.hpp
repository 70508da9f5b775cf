// SPDX-License-Identifier: MIT
/// @file
/// @brief Ranking: competition ranks ("1224"), ranks within groups, rank change between editions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>

namespace dxframe {

/// Which values rank first.
enum class rank_order {
    descending,  ///< Highest value is rank 1 (scores, the DTI).
    ascending    ///< Lowest value is rank 1.
};
BOOST_DESCRIBE_ENUM(rank_order, descending, ascending)

/// How to rank.
struct rank_options {
    rank_order order = rank_order::descending;  ///< Highest first by default.
    /// Round values to this many decimals before comparing, so that ties are judged at the
    /// published precision (the DTI publishes 4 decimals and ranks equal published values
    /// equally). None = compare the values as computed.
    std::optional<int> decimals;
};
BOOST_DESCRIBE_STRUCT(rank_options, (), (order, decimals))

namespace detail {

/// Competition ranks of n values (NaN = missing → rank 0). `key` and `order` are scratch.
/// rank(u) = 1 + number of values strictly better than u's ("1224": ties share the best rank
/// and the next rank is skipped; R's rank(-x, ties.method = "min"), as COINr ranks results).
/// Declared here because the uncertainty engine ranks its replications with it too.
DXFRAME_DECL void competition_rank(const double* values, std::size_t n, const rank_options& options, std::size_t* out,
                                   std::vector<double>& key, std::vector<std::uint32_t>& order);

}  // namespace detail

/// Competition ranks ("1224") of `values`; missing values get no rank and are not counted.
DXFRAME_DECL std::vector<std::optional<std::size_t>> competition_rank(const std::vector<std::optional<double>>& values,
                                                                      const rank_options& options = {});

/// Competition ranks within groups (a province within its region): each unit is ranked among
/// the units of its group. Units without a group, or without a value, get no rank (as COINr's
/// `rank_df(use_group = ...)`). Throws dxframe::error when the vectors differ in length.
DXFRAME_DECL std::vector<std::optional<std::size_t>> group_rank(const std::vector<std::optional<double>>& values,
                                                                const std::vector<std::optional<std::string>>& groups,
                                                                const rank_options& options = {});

/// One unit's rank in two editions.
struct rank_change_entry {
    std::string unit;                     ///< Unit id (of the current edition).
    std::optional<std::size_t> previous;  ///< Rank in the previous edition, if ranked there.
    std::optional<std::size_t> current;   ///< Rank in the current edition, if ranked.
    /// previous − current: places gained ("tăng N bậc" when positive), lost when negative; none
    /// when either rank is missing.
    std::optional<std::int64_t> change;
};
BOOST_DESCRIBE_STRUCT(rank_change_entry, (), (unit, previous, current, change))

/// Rank change between two editions (years or datasets), matching units by id. One entry per
/// current unit, in current order; a unit absent from the previous edition (a newly merged
/// province) has no previous rank and no change. Throws dxframe::error when ids and ranks differ
/// in length.
DXFRAME_DECL std::vector<rank_change_entry> rank_change(const std::vector<std::string>& current_units,
                                                        const std::vector<std::optional<std::size_t>>& current_ranks,
                                                        const std::vector<std::string>& previous_units,
                                                        const std::vector<std::optional<std::size_t>>& previous_ranks);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/rank.ipp>
#endif
