// SPDX-License-Identifier: MIT
// Targets: /framework/targets. A target's kind and values must fit together, ask the indicator
// to improve from its baseline, and keep its dates in order (baseline, milestones, deadline).
// Part of the definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/breakdowns.ipp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/lifetimes.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/sources.ipp>
#include <dxframe/impl/validate/target_settings.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/impl/validate/values.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// Target value vs baseline, by kind and direction. A baseline that already meets the target
/// is a warning (the target is achieved the day it is set); a target that can only be met by
/// moving the indicator in its worse direction is an error. Nothing for a target that asks
/// for movement in the indicator's better direction. Returned, not reported: the caller puts it
/// in the slot of the member it concerns (/value, or /upper for a within range).
inline std::optional<diagnostic> compare_with_baseline(const target& t, const indicator& ind, const std::string& base,
                                                       const std::string& who) {
    const double b = t.baseline->value;
    const double v = *t.value;
    const bool higher_better = ind.direction == direction::higher_is_better;
    bool met = false;
    bool needs_rise = false;  // meeting it needs the indicator to go up (else: down)
    switch (t.kind) {
        case target_kind::at_least:
            met = b >= v;
            needs_rise = true;
            break;
        case target_kind::at_most:
            met = b <= v;
            needs_rise = false;
            break;
        case target_kind::exactly:
            met = std::fabs(b - v) <= t.tolerance.value_or(0.0);
            needs_rise = v > b;
            break;
        case target_kind::within:
            met = v <= b && b <= *t.upper;
            needs_rise = b < v;
            break;
        default: return std::nullopt;
    }
    std::string goal = std::string(boost::describe::enum_to_string(t.kind, "?")) + " " + number_text(v);
    if (t.kind == target_kind::within) goal = "within [" + number_text(v) + ", " + number_text(*t.upper) + "]";
    if (t.kind == target_kind::exactly && t.tolerance) goal += " +/- " + number_text(*t.tolerance);
    const std::string bl = "baseline " + number_text(b) + " (" + t.baseline->date.to_string() + ")";
    diagnostic d;
    d.path = base + "/value";
    if (met) {
        d.severity = severity::warning;
        d.code = diagnostic_code::target_met_at_baseline;
        d.message = who + " (" + goal + ") is already met by its " + bl;
        return d;
    }
    if (needs_rise == higher_better) return std::nullopt;  // asks for improvement: fine
    d.severity = severity::error;
    d.code = diagnostic_code::target_on_wrong_side_of_baseline;
    if (t.kind == target_kind::within && !needs_rise) d.path = base + "/upper";
    d.message = who + " (" + goal + ") can only be met by indicator " + quote_id(ind.id) + " going " +
                (needs_rise ? "up" : "down") + " from its " + bl + ", but it is " +
                boost::describe::enum_to_string(ind.direction, "?");
    return d;
}

/// The dated members of a target at `base`: deadline after the baseline, the baseline value, and
/// milestones in order between baseline and deadline, each within the indicator's bounds.
inline void check_target_schedule(context& cx, const target& t, const indicator* ind, const std::string& base,
                                  const std::string& who) {
    // /deadline
    if (t.baseline && t.deadline <= t.baseline->date) {
        cx.error(diagnostic_code::deadline_before_baseline, base + "/deadline",
                 who + " has deadline " + t.deadline.to_string() + ", not after its baseline date " +
                     t.baseline->date.to_string());
    }
    // /baseline/value
    if (t.baseline) {
        const std::string bpath = base + "/baseline/value";
        if (present_and_finite(cx, t.baseline->value, bpath, "baseline value of " + who)) {
            check_bounds(cx, ind, t.baseline->value, bpath,
                         "baseline value " + number_text(t.baseline->value) + " of " + who);
        }
    }
    // /milestones
    for (std::size_t k = 0; k < t.milestones.size(); ++k) {
        const milestone& m = t.milestones[k];
        const std::string mpath = element_path(base + "/milestones", k);
        const std::string mdate = m.date.to_string();
        const std::string name = "milestone " + std::to_string(k) + " of " + who;
        if (k > 0 && m.date <= t.milestones[k - 1].date) {
            cx.error(diagnostic_code::milestone_out_of_order, mpath + "/date",
                     name + " is dated " + mdate + ", not after milestone " + std::to_string(k - 1) + " (" +
                         t.milestones[k - 1].date.to_string() + ")");
        } else if (t.baseline && m.date < t.baseline->date) {
            cx.error(diagnostic_code::milestone_out_of_order, mpath + "/date",
                     name + " is dated " + mdate + ", before the baseline date " + t.baseline->date.to_string());
        } else if (m.date > t.deadline) {
            cx.error(diagnostic_code::milestone_out_of_order, mpath + "/date",
                     name + " is dated " + mdate + ", after the deadline " + t.deadline.to_string());
        }
        if (present_and_finite(cx, m.value, mpath + "/value", "value of " + name)) {
            check_bounds(cx, ind, m.value, mpath + "/value", "value " + number_text(m.value) + " of " + name);
        }
    }
}

/// Target `i`, member by member in document order.
inline void check_target(context& cx, std::size_t i) {
    const target& t = cx.fw.targets[i];
    const std::string base = element_path("/framework/targets", i);
    const std::string who = "target " + quote_id(t.id);
    const std::string kind_name = boost::describe::enum_to_string(t.kind, "?");
    const bool numeric = has_numeric_target(t.kind);
    const bool needs_value = numeric && t.kind != target_kind::maintain;
    const bool value_ok = is_finite(t.value);
    const bool upper_ok = is_finite(t.upper);
    const bool tolerance_ok = is_finite(t.tolerance);
    const bool baseline_ok = t.baseline && std::isfinite(t.baseline->value);

    // Decide first whether kind and values fit together, so that the comparison with the
    // baseline (reported at /value or /upper) only runs on a well-formed target.
    const bool value_fits = needs_value ? value_ok : (numeric ? !t.value || value_ok : !t.value);
    const bool upper_fits = t.kind == target_kind::within ? upper_ok && value_ok && *t.value <= *t.upper : true;
    const bool tolerance_fits = !t.tolerance || (tolerance_ok && *t.tolerance >= 0);
    const bool shape_ok = value_fits && upper_fits && tolerance_fits;

    check_plain_id(cx, cx.targets, cx.fw.targets, i, "/framework/targets", "target");
    const indicator* ind = resolve_indicator(cx, t.indicator, base + "/indicator", who);
    if (t.entity && resolve_entity(cx, *t.entity, base + "/entity", who))
        check_target_entity_alive(cx, t, base + "/entity", who);
    check_breakdown(cx, t.breakdown, ind, base + "/breakdown", who);

    // /kind: the kinds that are a direction themselves, against the indicator's direction.
    if (ind != nullptr && ((t.kind == target_kind::increase && ind->direction == direction::lower_is_better) ||
                           (t.kind == target_kind::decrease && ind->direction == direction::higher_is_better))) {
        cx.error(diagnostic_code::target_on_wrong_side_of_baseline, base + "/kind",
                 who + " asks indicator " + quote_id(ind->id) + " to " + kind_name + ", but it is " +
                     boost::describe::enum_to_string(ind->direction, "?") + ": meeting the target means getting worse");
    }
    std::optional<diagnostic> side;
    if (ind != nullptr && baseline_ok && shape_ok && needs_value) side = compare_with_baseline(t, *ind, base, who);
    const bool side_at_upper = side && side->path == base + "/upper";

    // /value
    const std::string vpath = base + "/value";
    present_and_finite(cx, t.value, vpath, "value of " + who);
    if (!t.value && needs_value) {
        cx.error(diagnostic_code::invalid_target, vpath, who + " of kind " + kind_name + " has no value");
    } else if (t.value && !numeric) {
        cx.error(diagnostic_code::invalid_target, vpath,
                 who + " of kind " + kind_name + " takes no value (any " +
                     (t.kind == target_kind::increase ? "rise above" : "fall below") +
                     " the baseline meets it), but has " + number_text(*t.value));
    }
    if (value_ok && numeric) {
        check_bounds(cx, ind, *t.value, vpath, "target value " + number_text(*t.value) + " of " + who);
    }
    if (side && !side_at_upper) cx.diagnostics.push_back(std::move(*side));

    // /upper
    const std::string upath = base + "/upper";
    present_and_finite(cx, t.upper, upath, "upper of " + who);
    if (t.kind == target_kind::within) {
        if (!t.upper) {
            cx.error(diagnostic_code::invalid_target, upath, who + " of kind within has no upper bound");
        } else if (upper_ok && value_ok && *t.value > *t.upper) {
            cx.error(
                diagnostic_code::invalid_target, upath,
                who + " has lower bound " + number_text(*t.value) + " above its upper bound " + number_text(*t.upper));
        }
        if (upper_ok) check_bounds(cx, ind, *t.upper, upath, "upper bound " + number_text(*t.upper) + " of " + who);
    } else if (t.upper) {
        cx.error(diagnostic_code::invalid_target, upath,
                 who + " of kind " + kind_name + " has an upper bound (" + number_text(*t.upper) +
                     "); only kind within takes one");
    }
    if (side && side_at_upper) cx.diagnostics.push_back(std::move(*side));

    // /tolerance
    const std::string tpath = base + "/tolerance";
    present_and_finite(cx, t.tolerance, tpath, "tolerance of " + who);
    if (t.tolerance && t.kind != target_kind::exactly) {
        cx.error(diagnostic_code::invalid_target, tpath,
                 who + " of kind " + kind_name + " has a tolerance (" + number_text(*t.tolerance) +
                     "); only kind exactly takes one");
    } else if (tolerance_ok && *t.tolerance < 0) {
        cx.error(diagnostic_code::invalid_target, tpath,
                 who + " has tolerance " + number_text(*t.tolerance) + "; a tolerance must be 0 or more");
    }

    check_target_schedule(cx, t, ind, base, who);
    check_source(cx, t.source, base + "/source", who);
    check_target_method(cx, t, base, who);
    check_manual_statuses(cx, t, base, who);
}

/// /framework/targets, target by target.
inline void check_targets(context& cx) {
    for (std::size_t i = 0; i < cx.fw.targets.size(); ++i) {
        if (!cx.damaged.targets[i]) check_target(cx, i);  // a damaged one was reported by the loader
    }
}

}  // namespace dxframe::detail::validation
