// SPDX-License-Identifier: MIT
// Observations: /observations. Each names an entity and an indicator that exist and gives one
// usable value: a value, or a numerator and denominator (a ratio), within the indicator's
// bounds; repeats and rankings are checked through duplicates.ipp and rankings.ipp. Part of the
// definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/breakdowns.ipp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/duplicates.ipp>
#include <dxframe/impl/validate/lifetimes.ipp>
#include <dxframe/impl/validate/rankings.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/sources.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/impl/validate/values.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// Observation `i` (`o`, its copy), member by member in document order; `history` holds the ones
/// before it.
inline void check_observation(context& cx, observation_history& history, std::size_t i, const observation& o) {
    // Strings are built only when something is reported: a clean observation costs a few
    // hash look-ups and no allocation beyond the duplicate table.
    const auto path = [i](const char* member) {
        std::string p = observation_path(i);
        if (*member != '\0') (p += '/') += member;
        return p;
    };
    const auto who = [&o] {
        return "observation of " + quote_id(o.indicator) + " for " + quote_id(o.entity) + " at " + o.date.to_string() +
               (o.breakdown.empty() ? std::string() : " (" + breakdown_text(o.breakdown) + ")");
    };
    const auto non_finite = [&](const std::optional<double>& v, const char* member) {
        if (v && !std::isfinite(*v)) {
            cx.error(diagnostic_code::non_finite_value, path(member),
                     std::string(member) + " of " + who() + " is " + number_text(*v) + ", not a finite number");
        }
    };
    const auto check_cited = [&] {
        if (cx.options.report_missing_sources && !cites_something(o.source))
            check_source(cx, o.source, path("source"), who());
    };

    const tree_ref* tr = cx.find_tree(o.indicator);
    // A damaged indicator exists but says nothing usable; an unknown one may be a damaged
    // indicator without a readable id. Either way no check leans on its unit or bounds.
    const bool indicator_damaged = tr != nullptr && !tr->is_node && cx.damaged.indicators[tr->position];
    const bool indicator_unsure = indicator_damaged || (tr == nullptr && cx.unreadable.tree);
    const indicator* ind =
        tr != nullptr && !tr->is_node && !indicator_damaged ? &cx.fw.indicators[tr->position] : nullptr;
    const bool value_ok = is_finite(o.value);
    const bool num_ok = is_finite(o.numerator);
    const bool den_ok = is_finite(o.denominator);
    const bool has_ratio = o.numerator || o.denominator;
    std::optional<double> effective;
    if (o.value) {
        if (value_ok) effective = *o.value;
    } else if (num_ok && den_ok && *o.denominator > 0) {
        effective = effective_value(o, ind != nullptr ? ind->unit : unit::other);
    }
    // Two finite counts can still overflow when divided (1e300 / 1e-300): the value they
    // stand for is then not a number any computation can use.
    const bool ratio_overflows = effective && !std::isfinite(*effective);
    if (ratio_overflows) effective.reset();
    // Duplicate or conflict: decided now, reported in the slot of the member it concerns.
    const earlier_observation earlier = history.record(cx.ds.observations, i, effective);
    const bool duplicate = effective && earlier.found && earlier.value == *effective;
    const bool conflict = effective && earlier.found && !duplicate;

    if (duplicate) report_duplicate(cx, path(""), who(), *effective, earlier);
    if (find_position(cx.entities, o.entity) == none && !cx.unreadable.entities) {
        cx.error(diagnostic_code::unknown_reference, path("entity"),
                 "observation names entity " + quote_id(o.entity) + ", which does not exist");
    }
    if (ind == nullptr && !indicator_unsure) resolve_indicator(cx, o.indicator, path("indicator"), "observation");
    check_observation_alive(cx, o, path("date"), who());

    // /value
    non_finite(o.value, "value");
    if (o.value && has_ratio) {
        cx.error(diagnostic_code::ambiguous_value, path("value"),
                 who() + " gives both a value (" + number_text(*o.value) + ") and a numerator/denominator; give one");
    } else if (!o.value && !has_ratio) {
        cx.error(diagnostic_code::ambiguous_value, path("value"),
                 who() + " gives neither a value nor a numerator and denominator");
    }
    if (value_ok && out_of_bounds(cx, ind, *o.value)) {
        check_bounds(cx, ind, *o.value, path("value"), "value " + number_text(*o.value) + " of " + who());
    } else if (value_ok && !has_ratio) {
        check_rank(cx, o, ind, *o.value, path("value"), who);
    }
    if (conflict && o.value) report_conflict(cx, path("value"), who(), *effective, earlier, o.out_of, o.breakdown);

    if (o.value) {
        // A ratio next to a value was reported as ambiguous; only its finiteness is left.
        non_finite(o.numerator, "numerator");
        non_finite(o.denominator, "denominator");
        check_out_of(cx, o, ind, path, who);
        check_cited();
        return;
    }

    // /numerator
    non_finite(o.numerator, "numerator");
    if (!o.numerator && o.denominator) {
        cx.error(diagnostic_code::ambiguous_value, path("numerator"),
                 who() + " has a denominator (" + number_text(*o.denominator) + ") but no numerator");
    }
    // A share (percent, yes/no) counts part of a whole: the part cannot exceed the whole.
    const bool share = ind == nullptr ? !indicator_unsure : ind->unit == unit::percent || ind->unit == unit::boolean;
    const auto ratio_text = [&] { return number_text(*o.numerator) + "/" + number_text(*o.denominator); };
    if (num_ok && den_ok && *o.denominator > 0) {
        if (share && *o.numerator > *o.denominator) {
            cx.error(diagnostic_code::numerator_exceeds_denominator, path("numerator"),
                     who() + " reports " + ratio_text() + ": the numerator " + number_text(*o.numerator) +
                         " exceeds the denominator " + number_text(*o.denominator));
        } else if (ratio_overflows) {
            cx.error(diagnostic_code::non_finite_value, path("numerator"),
                     who() + " reports " + ratio_text() + ", which is beyond the range of a double");
        } else if (effective && out_of_bounds(cx, ind, *effective)) {
            check_bounds(cx, ind, *effective, path("numerator"),
                         "value " + ratio_text() + " = " + number_text(*effective) + " of " + who());
        } else if (effective) {
            check_rank(cx, o, ind, *effective, path("numerator"), who);
        }
    }
    if (conflict) report_conflict(cx, path("numerator"), who(), *effective, earlier, o.out_of, o.breakdown);

    // /denominator
    non_finite(o.denominator, "denominator");
    if (o.numerator && !o.denominator) {
        cx.error(diagnostic_code::ambiguous_value, path("denominator"),
                 who() + " has a numerator (" + number_text(*o.numerator) + ") but no denominator");
    }
    if (den_ok && !(*o.denominator > 0)) {
        cx.error(diagnostic_code::non_positive_denominator, path("denominator"),
                 who() + " has denominator " + number_text(*o.denominator) + "; it must be greater than 0");
    }
    check_out_of(cx, o, ind, path, who);
    check_cited();
}

/// Observation `i`'s breakdown: its dimensions and codes, and (`crossings`, from
/// breakdown_crossings()) the sums of parts it brings over their total, at its value.
inline void check_observation_breakdown(context& cx, std::size_t i,
                                        const std::unordered_map<std::size_t, std::vector<std::string>>& crossings) {
    if (cx.ds.observations.breakdown_key(i) == 0) return;  // the headline: nothing to build
    const observation& o = cx.ds.observations[i];
    if (const auto it = crossings.find(i); it != crossings.end()) {
        for (const std::string& message : it->second)
            cx.error(diagnostic_code::breakdown_exceeds_total,
                     observation_path(i) + (o.value ? "/value" : "/numerator"), message);
    }
    const tree_ref* tr = cx.find_tree(o.indicator);
    const indicator* ind = tr != nullptr && !tr->is_node ? &cx.fw.indicators[tr->position] : nullptr;
    check_breakdown(
        cx, o.breakdown, ind, observation_path(i) + "/breakdown",
        "observation of " + quote_id(o.indicator) + " for " + quote_id(o.entity) + " at " + o.date.to_string());
}

/// /observations, observation by observation.
inline void check_observations(context& cx) {
    observation_history history(cx.ds.observations.size());
    const auto crossings = breakdown_crossings(cx);
    observation o;                     // one copy, refilled row by row
    constexpr std::size_t ahead = 16;  // rows between a slot's prefetch and its look-up
    const std::size_t n = cx.ds.observations.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i + ahead < n) history.prefetch(cx.ds.observations, i + ahead);
        if (cx.damaged.observations[i]) continue;  // a damaged one: the loader said what is wrong
        cx.ds.observations.copy_to(i, o);
        check_observation(cx, history, i, o);
        check_observation_breakdown(cx, i, crossings);
    }
}

}  // namespace dxframe::detail::validation
