// SPDX-License-Identifier: MIT
/// @file
/// @brief How recent a dataset's picture is at a date: its newest observation and newest
/// source document on or before that date.
#pragma once

#include <optional>
#include <string>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>

namespace dxframe {

/// The newest dates a dataset holds on or before a date: what a report's header states, so a
/// reader sees at once how old the figures behind it are.
struct data_freshness {
    /// Date of the newest observation on or before the date.
    std::optional<dxframe::date> newest_observation;
    /// Newest publication date (`source.published`) on or before the date among the sources of
    /// those observations and of the targets: how recent the newest source document is.
    std::optional<dxframe::date> newest_source;
};
BOOST_DESCRIBE_STRUCT(data_freshness, (), (newest_observation, newest_source))

/// The newest observation and source of `ds` on or before `as_of`. With `entity`, only that
/// entity's observations count (targets' sources always do). Observations dated after `as_of`
/// are not part of the picture at that date and never count, nor do their sources.
DXFRAME_DECL data_freshness newest_dates(const dataset& ds, const date& as_of,
                                         const std::optional<std::string>& entity = std::nullopt);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/freshness.ipp>
#endif
