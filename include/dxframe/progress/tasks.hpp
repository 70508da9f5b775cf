// SPDX-License-Identifier: MIT
/// @file
/// @brief Assigned tasks against their due dates: overdue, done late, due soon, days late.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/framework.hpp>
#include <dxframe/model/task.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// Where a task stands against its due date at an as-of date.
enum class task_state {
    pending,       ///< Not done, due later than the due-soon window.
    due_soon,      ///< Not done, due within the window (today included).
    overdue,       ///< Not done and the due date has passed.
    done_on_time,  ///< Completed on or before the due date.
    done_late,     ///< Completed after the due date.
    done,          ///< Marked done without a completion date: timeliness unknown.
    cancelled      ///< Withdrawn; never late.
};
BOOST_DESCRIBE_ENUM(task_state, pending, due_soon, overdue, done_on_time, done_late, done, cancelled)

/// Options of the task check.
struct task_options {
    int due_soon_days = 30;  ///< Width of the due-soon window in days (≥ 0).
};
BOOST_DESCRIBE_STRUCT(task_options, (), (due_soon_days))

/// One task at an as-of date.
struct task_assessment {
    std::string task;                               ///< Task id.
    text title;                                     ///< What must be done.
    std::string owner;                              ///< Responsible entity.
    dxframe::date deadline;                         ///< Due date.
    task_status status = task_status::not_started;  ///< Status as recorded.
    std::optional<dxframe::date> completed;         ///< Completion date as recorded.
    task_state state = task_state::pending;         ///< Verdict at the as-of date.
    /// Days past the due date: as_of − deadline when overdue, completed − deadline when done late.
    std::optional<std::int64_t> days_late;
    /// Days left until the due date (0 = due today) for pending and due-soon tasks.
    std::optional<std::int64_t> days_until_due;
};
BOOST_DESCRIBE_STRUCT(task_assessment, (),
                      (task, title, owner, deadline, status, completed, state, days_late, days_until_due))

/// Number of tasks in each state.
struct task_counts {
    std::size_t pending = 0;       ///< Not done, not yet due soon.
    std::size_t due_soon = 0;      ///< Not done, due within the window.
    std::size_t overdue = 0;       ///< Not done, past due.
    std::size_t done_on_time = 0;  ///< Completed in time.
    std::size_t done_late = 0;     ///< Completed late.
    std::size_t done = 0;          ///< Completed, date unknown.
    std::size_t cancelled = 0;     ///< Withdrawn.
    std::size_t total = 0;         ///< All tasks counted.

    /// Counts one more task in `s`.
    void add(task_state s) noexcept {
        ++total;
        switch (s) {
            case task_state::pending: ++pending; break;
            case task_state::due_soon: ++due_soon; break;
            case task_state::overdue: ++overdue; break;
            case task_state::done_on_time: ++done_on_time; break;
            case task_state::done_late: ++done_late; break;
            case task_state::done: ++done; break;
            case task_state::cancelled: ++cancelled; break;
        }
    }
};
BOOST_DESCRIBE_STRUCT(task_counts, (), (pending, due_soon, overdue, done_on_time, done_late, done, cancelled, total))

/// The tasks of one owner.
struct owner_task_counts {
    std::string owner;   ///< Entity id.
    task_counts counts;  ///< Its tasks by state.
};
BOOST_DESCRIBE_STRUCT(owner_task_counts, (), (owner, counts))

/// Every task of a framework at an as-of date.
struct task_report {
    dxframe::date as_of;                    ///< Date of the check.
    int due_soon_days = 30;                 ///< Window used for due_soon.
    task_counts counts;                     ///< All tasks by state.
    std::vector<owner_task_counts> owners;  ///< By owner, sorted by owner id.
    std::vector<task_assessment> tasks;     ///< One per task, in framework order.
};
BOOST_DESCRIBE_STRUCT(task_report, (), (as_of, due_soon_days, counts, owners, tasks))

/// Assesses one task at `as_of`. A task marked done with a completion date after `as_of` was
/// not yet done on that date, so it is judged as open. Throws dxframe::error when
/// `options.due_soon_days` is negative.
DXFRAME_DECL task_assessment assess_task(const task& t, const date& as_of, const task_options& options = {});

/// Assesses every task of `fw` at `as_of`, with totals overall and per owner.
DXFRAME_DECL task_report assess_tasks(const framework& fw, const date& as_of, const task_options& options = {});

/// The assessed tasks in state `s`, in their original order (e.g. every overdue task).
DXFRAME_DECL std::vector<task_assessment> tasks_in_state(const task_report& r, task_state s);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/tasks.ipp>
#endif
