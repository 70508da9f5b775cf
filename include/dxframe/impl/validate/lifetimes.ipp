// SPDX-License-Identifier: MIT
// Lifetimes: an entity exists from its `effective` date until a successor formed from it takes
// over (entity_lifetimes). A figure dated outside that span, a task whose owner is gone at its
// deadline, or a target bound to an entity gone at its deadline is a warning (entity_not_alive):
// the data may be right (a figure re-cut for the new boundaries: mark it `backcast`), but the
// fix is a mark or a reassignment, never silence.
// Part of the definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <optional>
#include <string>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/lifetime.hpp>

namespace dxframe::detail::validation {

/// Why `id` is not alive on `d`, in words ("came into being on 2025-07-01", "was succeeded by
/// 'vn_hanoi_2025' on 2025-07-01"), or nullopt when it is alive.
inline std::optional<std::string> not_alive_because(const context& cx, const std::string& id, const date& d) {
    if (cx.lifetimes.alive(id, d)) return std::nullopt;
    if (const auto first = cx.lifetimes.first_day(id); first && d < *first) {
        return "came into being on " + first->to_string();
    }
    const auto end = cx.lifetimes.end(id);
    const auto next = cx.lifetimes.successor(id);
    return "was succeeded by " + (next ? quote_id(*next) : std::string("another entity")) + " on " +
           (end ? end->to_string() : std::string("?"));
}

/// An observation dated when its entity did not exist, unless marked `backcast` before the
/// entity's first day (a figure recomputed for boundaries that came later).
inline void check_observation_alive(context& cx, const observation& o, const std::string& date_path,
                                    const std::string& who) {
    if (o.backcast.value_or(false)) {
        const auto first = cx.lifetimes.first_day(o.entity);
        if (first && o.date < *first) return;
    }
    if (const auto why = not_alive_because(cx, o.entity, o.date)) {
        cx.report(severity::warning, diagnostic_code::entity_not_alive, date_path,
                  who + ": entity " + quote_id(o.entity) + " " + *why +
                      (o.date < cx.lifetimes.first_day(o.entity).value_or(o.date)
                           ? " (a figure recomputed for its boundaries: mark it \"backcast\": true)"
                           : ""));
    }
}

/// An open task (neither done nor cancelled) whose owner no longer exists at its deadline.
inline void check_task_owner_alive(context& cx, const task& tk, const std::string& owner_path, const std::string& who) {
    if (tk.status == task_status::done || tk.status == task_status::cancelled) return;
    if (const auto why = not_alive_because(cx, tk.owner, tk.deadline)) {
        cx.report(severity::warning, diagnostic_code::entity_not_alive, owner_path,
                  who + " is due " + tk.deadline.to_string() + ", but its owner " + quote_id(tk.owner) + " " + *why +
                      ": reassign it");
    }
}

/// A target bound to an entity that no longer exists at its deadline.
inline void check_target_entity_alive(context& cx, const target& t, const std::string& entity_path,
                                      const std::string& who) {
    if (!t.entity) return;
    if (const auto why = not_alive_because(cx, *t.entity, t.deadline)) {
        cx.report(
            severity::warning, diagnostic_code::entity_not_alive, entity_path,
            who + " has deadline " + t.deadline.to_string() + ", but its entity " + quote_id(*t.entity) + " " + *why);
    }
}

}  // namespace dxframe::detail::validation
