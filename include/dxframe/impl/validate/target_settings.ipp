// SPDX-License-Identifier: MIT
// A target's own settings: /framework/targets/i/{method, thresholds, no_target_thresholds,
// manual_statuses}. Thresholds are on the scale of a method's ratio, so a target that sets them
// must name the method; a manual status is a judgement made by a person, so it needs a reason
// and should cite where it comes from.
// Part of the definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cmath>
#include <cstddef>
#include <set>
#include <string>
#include <utility>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/sources.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/impl/validate/values.ipp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/progress/status.hpp>

namespace dxframe::detail::validation {

/// Cut-offs at `path`: each finite, and on_track ≥ needs_acceleration ≥ limited_progress (the
/// status scale goes down as the ratio does). `what` names them in the message.
template <class Thresholds>
void check_threshold_order(context& cx, const Thresholds& th, const std::string& path, const std::string& what) {
    if (!std::isfinite(th.on_track) || !std::isfinite(th.needs_acceleration) || !std::isfinite(th.limited_progress)) {
        cx.error(diagnostic_code::invalid_target, path, what + " are not all finite numbers");
        return;
    }
    if (th.on_track < th.needs_acceleration || th.needs_acceleration < th.limited_progress) {
        cx.error(diagnostic_code::invalid_target, path,
                 what + " are not in decreasing order: on_track " + number_text(th.on_track) + ", needs_acceleration " +
                     number_text(th.needs_acceleration) + ", limited_progress " + number_text(th.limited_progress));
    }
}

/// The target's method and thresholds.
inline void check_target_method(context& cx, const target& t, const std::string& base, const std::string& who) {
    if (t.thresholds) {
        const std::string path = base + "/thresholds";
        if (!t.method) {
            cx.error(diagnostic_code::invalid_target, path,
                     who +
                         " sets thresholds but no method: thresholds are on the scale of one method's ratio "
                         "(add \"method\")");
        }
        check_threshold_order(cx, *t.thresholds, path, "thresholds of " + who);
    }
    if (t.no_target_thresholds) {
        check_threshold_order(cx, *t.no_target_thresholds, base + "/no_target_thresholds",
                              "no_target_thresholds of " + who);
    }
}

/// The target's manual statuses, in order: a judgement each, a reason each, a known entity, a
/// source (a note when missing), and one per entity and date.
inline void check_manual_statuses(context& cx, const target& t, const std::string& base, const std::string& who) {
    std::set<std::pair<std::string, date>> seen;
    for (std::size_t k = 0; k < t.manual_statuses.size(); ++k) {
        const manual_status& m = t.manual_statuses[k];
        const std::string path = element_path(base + "/manual_statuses", k);
        const std::string name = "manual status " + std::to_string(k) + " of " + who;
        if (m.entity) resolve_entity(cx, *m.entity, path + "/entity", name);
        const std::string for_whom = m.entity ? *m.entity : std::string();
        if (!is_judgement(m.status)) {
            cx.error(diagnostic_code::invalid_manual_status, path + "/status",
                     name + " is " + boost::describe::enum_to_string(m.status, "?") +
                         ", not a judgement (achieved, on_track, needs_acceleration, limited_progress, "
                         "deterioration or overdue)");
        } else if (!seen.insert({for_whom, m.date}).second) {
            cx.error(diagnostic_code::invalid_manual_status, path + "/date",
                     name + " is the second for " + (m.entity ? "entity " + quote_id(*m.entity) : "the target") +
                         " dated " + m.date.to_string() + ": which one holds is ambiguous");
        }
        if (is_blank(m.reason.vi) && is_blank(m.reason.en)) {
            cx.error(diagnostic_code::missing_reason, path + "/reason",
                     name + " gives no reason: a status set by hand must say why (in Vietnamese or English)");
        }
        check_source(cx, m.source, path + "/source", name);
    }
}

}  // namespace dxframe::detail::validation
