// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/tasks.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <dxframe/error.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/framework.hpp>
#include <dxframe/model/task.hpp>
#include <dxframe/progress/tasks.hpp>

namespace dxframe {

DXFRAME_DECL task_assessment assess_task(const task& t, const date& as_of, const task_options& options) {
    if (options.due_soon_days < 0) throw error("dxframe::task_options: due_soon_days must be >= 0");
    task_assessment a;
    a.task = t.id;
    a.title = t.title;
    a.owner = t.owner;
    a.deadline = t.deadline;
    a.status = t.status;
    a.completed = t.completed;
    if (t.status == task_status::cancelled) {
        a.state = task_state::cancelled;
        return a;
    }
    if (t.status == task_status::done) {
        if (!t.completed) {
            a.state = task_state::done;
            return a;
        }
        if (*t.completed <= as_of) {
            const auto late = days_between(t.deadline, *t.completed);
            a.state = late > 0 ? task_state::done_late : task_state::done_on_time;
            if (late > 0) a.days_late = late;
            return a;
        }
    }
    const auto left = days_between(as_of, t.deadline);
    if (left < 0) {
        a.state = task_state::overdue;
        a.days_late = -left;
    } else {
        a.state = left <= options.due_soon_days ? task_state::due_soon : task_state::pending;
        a.days_until_due = left;
    }
    return a;
}

DXFRAME_DECL task_report assess_tasks(const framework& fw, const date& as_of, const task_options& options) {
    task_report r;
    r.as_of = as_of;
    r.due_soon_days = options.due_soon_days;
    std::map<std::string, task_counts> by_owner;
    r.tasks.reserve(fw.tasks.size());
    for (const task& t : fw.tasks) {
        r.tasks.push_back(assess_task(t, as_of, options));
        r.counts.add(r.tasks.back().state);
        by_owner[t.owner].add(r.tasks.back().state);
    }
    for (auto& [owner, counts] : by_owner)
        r.owners.push_back({owner, counts});
    return r;
}

DXFRAME_DECL std::vector<task_assessment> tasks_in_state(const task_report& r, task_state s) {
    std::vector<task_assessment> out;
    for (const auto& a : r.tasks) {
        if (a.state == s) out.push_back(a);
    }
    return out;
}

}  // namespace dxframe
