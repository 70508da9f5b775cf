// SPDX-License-Identifier: MIT
/// @file
/// @brief Tasks: duties assigned to a ministry or province by a decision or meeting conclusion.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/model/date.hpp>
#include <dxframe/model/fields.hpp>
#include <dxframe/model/source.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// Where a task stands.
enum class task_status {
    not_started,  ///< Assigned, no work reported.
    in_progress,  ///< Work reported, not finished.
    done,         ///< Finished (see `completed`).
    cancelled     ///< Withdrawn; never late.
};
BOOST_DESCRIBE_ENUM(task_status, not_started, in_progress, done, cancelled)

/// An assigned duty with a due date.
struct task {
    std::string id;                                 ///< Unique among tasks.
    text title;                                     ///< What must be done.
    std::string owner;                              ///< Id of the responsible entity.
    dxframe::date deadline;                         ///< Due date.
    task_status status = task_status::not_started;  ///< Current state.
    std::optional<date> completed;                  ///< When it was done (status `done`).
    std::vector<std::string> targets;               ///< Ids of the targets it serves.
    std::vector<std::string> indicators;            ///< Ids of the indicators it moves.
    std::optional<dxframe::source> source;          ///< The decision or conclusion that assigns it.
    std::optional<std::string> note;                ///< Anything a reader needs to know.
};
BOOST_DESCRIBE_STRUCT(task, (), (id, title, owner, deadline, status, completed, targets, indicators, source, note))

/// `status` may be omitted (it is then not_started).
template <>
struct defaulted_fields<task> {
    /// The member names.
    static constexpr std::array<std::string_view, 1> names{"status"};
};

}  // namespace dxframe
