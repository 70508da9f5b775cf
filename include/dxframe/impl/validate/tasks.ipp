// SPDX-License-Identifier: MIT
// Tasks: /framework/tasks. An owner that exists, a status that agrees with the completed date,
// and targets and indicators that exist. Part of the definitions for <dxframe/validate.hpp>
// (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cstddef>
#include <string>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/lifetimes.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// /framework/tasks, task by task.
inline void check_tasks(context& cx) {
    for (std::size_t i = 0; i < cx.fw.tasks.size(); ++i) {
        if (cx.damaged.tasks[i]) continue;  // reported by the loader
        const task& tk = cx.fw.tasks[i];
        const std::string base = element_path("/framework/tasks", i);
        const std::string who = "task " + quote_id(tk.id);
        check_plain_id(cx, cx.tasks, cx.fw.tasks, i, "/framework/tasks", "task");
        if (resolve_entity(cx, tk.owner, base + "/owner", who + " owner"))
            check_task_owner_alive(cx, tk, base + "/owner", who);
        if (tk.completed && tk.status != task_status::done) {
            cx.error(diagnostic_code::invalid_task, base + "/status",
                     who + " has status " + boost::describe::enum_to_string(tk.status, "?") +
                         " but a completed date (" + tk.completed->to_string() +
                         "); set status done or remove the date");
        } else if (!tk.completed && tk.status == task_status::done) {
            cx.error(diagnostic_code::invalid_task, base + "/completed",
                     who + " has status done but no completed date");
        }
        for (std::size_t k = 0; k < tk.targets.size(); ++k) {
            if (find_position(cx.targets, tk.targets[k]) == none && !cx.unreadable.targets) {
                cx.error(diagnostic_code::unknown_reference, element_path(base + "/targets", k),
                         who + " names target " + quote_id(tk.targets[k]) + ", which does not exist");
            }
        }
        for (std::size_t k = 0; k < tk.indicators.size(); ++k)
            resolve_indicator(cx, tk.indicators[k], element_path(base + "/indicators", k), who);
    }
}

}  // namespace dxframe::detail::validation
