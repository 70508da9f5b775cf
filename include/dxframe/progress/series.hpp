// SPDX-License-Identifier: MIT
/// @file
/// @brief The time series an assessment works on: one entity's usable values of one indicator.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/observation.hpp>

namespace dxframe {

/// A value at a date (a latest value, a baseline, a point of a series).
struct dated_value {
    dxframe::date date;  ///< When.
    double value = 0;    ///< What.
};
BOOST_DESCRIBE_STRUCT(dated_value, (), (date, value))

/// The usable values of `indicator_id` for `entity_id` in `observations`, in date order, one per
/// date, each in the indicator's unit (ratio observations become percentages for percent
/// indicators: 60 of 63 is 95.24). Observations without a usable value are skipped (validation
/// reports them). Nothing is filtered by date: see up_to().
DXFRAME_DECL std::vector<dated_value> observed_series(const std::vector<observation>& observations,
                                                      const std::string& entity_id, const std::string& indicator_id,
                                                      unit u);

/// The points of a date-ordered series dated on or before `as_of` (later ones are ignored by
/// every assessment).
DXFRAME_DECL std::vector<dated_value> up_to(const std::vector<dated_value>& series, const date& as_of);

/// The first point on or after `base` (the whole series when `base` is absent), or nullopt.
/// This is Open SDG's rule: the base year if it has data, else the next year that has.
DXFRAME_DECL std::optional<dated_value> first_on_or_after(const std::vector<dated_value>& series,
                                                          const std::optional<date>& base);

/// All series of a dataset, grouped once so that assessing many targets does not rescan the
/// observations for each one.
class series_index {
public:
    /// Groups the observations of `ds` by (entity, indicator), in each indicator's unit.
    explicit series_index(const dataset& ds);

    /// The full date-ordered series of one entity and indicator (empty when there is none).
    const std::vector<dated_value>& get(const std::string& entity_id, const std::string& indicator_id) const;

    /// Ids of the entities that have at least one usable value of `indicator_id`, sorted.
    std::vector<std::string> entities_with(const std::string& indicator_id) const;

private:
    using key = std::pair<std::string, std::string>;
    std::map<key, std::vector<dated_value>> series_;
};

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/series.ipp>
#endif
