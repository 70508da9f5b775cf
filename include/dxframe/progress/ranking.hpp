// SPDX-License-Identifier: MIT
/// @file
/// @brief Entities ranked on one indicator's reported values (the scorecard's ranking), and
/// the ranking struct every ranking chart shows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// One unit of a ranking.
struct ranking_entry {
    std::string id;                   ///< Unit (entity) id.
    std::string name;                 ///< Display name.
    std::optional<double> value;      ///< The value ranked on; absent = not ranked.
    std::optional<std::size_t> rank;  ///< Competition rank ("1224"); absent without a value.
};
BOOST_DESCRIBE_STRUCT(ranking_entry, (), (id, name, value, rank))

/// Units ranked on one value, best first (units without a value last).
struct ranking {
    std::string indicator;                                                ///< Indicator or index id.
    std::string title;                                                    ///< What is ranked ("Provincial DTI").
    std::optional<dxframe::date> date;                                    ///< Reference date of the values, when one.
    dxframe::direction direction = dxframe::direction::higher_is_better;  ///< Which way is better.
    std::vector<ranking_entry> entries;                                   ///< Ranked units.
};
BOOST_DESCRIBE_STRUCT(ranking, (), (indicator, title, date, direction, entries))

/// Ranks the entities that report `indicator_id` in `ds`, on the values of one reference date:
/// of the dates on or before `as_of`, the one with the most entities reporting (the latest of
/// those when several tie), so that units from different editions are never mixed. Nullopt
/// when the indicator is not in the framework or nobody reports it by then.
DXFRAME_DECL std::optional<ranking> ranking_from_observations(const dataset& ds, const std::string& indicator_id,
                                                              const date& as_of, language lang);

/// The indicator a scorecard ranks by default: the one reported for the most entities (at
/// least `min_entities`), leaving out rank and boolean indicators (a rank is not ranked again,
/// a yes/no does not order units). Ties go to the framework's order. Nullopt when none.
/// With `as_of`, only observations dated on or before it count (a scorecard at a date must not
/// change when later reports arrive).
DXFRAME_DECL std::optional<std::string> default_ranking_indicator(const dataset& ds, std::size_t min_entities = 3,
                                                                  const std::optional<date>& as_of = std::nullopt);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/ranking.ipp>
#endif
