// SPDX-License-Identifier: MIT
/// @file
/// @brief A status set by hand for a target (or a target and one entity), with its reason.
#pragma once

#include <optional>
#include <string>

#include <boost/describe/class.hpp>

#include <dxframe/model/date.hpp>
#include <dxframe/model/source.hpp>
#include <dxframe/model/target_status.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// A judgement of a target made by a person rather than computed from a series, as Open SDG's
/// indicator configuration allows (`progress_status`): for a target whose indicator has no
/// series ("resolution issued") or whose series the method cannot judge. An assessment at a
/// date uses the latest manual status dated on or before it, shows it as manual in every
/// report, and keeps the computed verdict beside it; roll-ups count manual statuses apart.
struct manual_status {
    /// The entity of an entity-target pair (a national target applied to one province);
    /// absent = the entity the target binds.
    std::optional<std::string> entity;
    /// One of the six judgements (achieved … overdue); the others are not judgements (validation).
    target_status status = target_status::achieved;
    dxframe::date date;                     ///< When the judgement was made.
    text reason;                            ///< Why: required (validation `missing_reason`).
    std::optional<dxframe::source> source;  ///< The report or decision it rests on.
};
BOOST_DESCRIBE_STRUCT(manual_status, (), (entity, status, date, reason, source))

}  // namespace dxframe
