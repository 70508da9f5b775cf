// SPDX-License-Identifier: MIT
// Derived indicators (indicator::derived): references that resolve, derivations that can be
// computed (invalid_derivation), members' values without a weight (missing_weight) and reported
// values that disagree with the computed ones (derived_value_differs, a warning).
// Part of the definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/derivation.hpp>
#include <dxframe/progress/derived.hpp>
#include <dxframe/progress/impl/derived.ipp>

namespace dxframe::detail::validation {

/// The derived indicator an indicator id names, or nullptr (not an indicator, or not derived).
inline const indicator* derived_indicator(const context& cx, const std::string& id) {
    const tree_ref* r = cx.find_tree(id);
    if (r == nullptr || r->is_node) return nullptr;
    const indicator& ind = cx.fw.indicators[r->position];
    return ind.derived ? &ind : nullptr;
}

/// True when following the derivations from `start` (its source indicator and its weight) leads
/// back to `start`: a cycle of derived indicators, which has no value.
inline bool derives_from_itself(const context& cx, const indicator& start) {
    std::vector<const indicator*> to_visit{&start};
    std::vector<const indicator*> seen;
    while (!to_visit.empty()) {
        const indicator* at = to_visit.back();
        to_visit.pop_back();
        for (const std::string* next :
             {&at->derived->indicator, at->derived->weight ? &*at->derived->weight : nullptr}) {
            if (next == nullptr) continue;
            if (*next == start.id) return true;
            const indicator* n = derived_indicator(cx, *next);
            if (n == nullptr || std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
            seen.push_back(n);
            to_visit.push_back(n);
        }
    }
    return false;
}

/// One derived indicator's derivation: references and settings.
inline void check_derivation(context& cx, const indicator& ind, const std::string& base) {
    const derivation& dv = *ind.derived;
    const std::string path = base + "/derived";
    const std::string who = "derived indicator " + quote_id(ind.id);
    const auto invalid = [&](const std::string& member, const std::string& why) {
        cx.error(diagnostic_code::invalid_derivation, member.empty() ? path : path + "/" + member, who + " " + why);
    };
    if (dv.indicator == ind.id) {
        invalid("indicator", "is derived from itself");
    } else if (resolve_indicator(cx, dv.indicator, path + "/indicator", who) != nullptr &&
               derives_from_itself(cx, ind)) {
        invalid("indicator", "is derived, through other derived indicators, from itself (a cycle has no value)");
    }
    if (dv.weight) resolve_indicator(cx, *dv.weight, path + "/weight", who + " (weight)");
    if (dv.within) resolve_entity(cx, *dv.within, path + "/within", who + " (within)");
    if (dv.entity) resolve_entity(cx, *dv.entity, path + "/entity", who + " (entity)");
    if (dv.kind == derivation_kind::count) {
        if (!dv.condition) {
            invalid("condition",
                    "counts members but gives no condition: add \"condition\": {\"comparison\": "
                    "\"at_least\", \"value\": 1}");
        } else if (!std::isfinite(dv.condition->value)) {
            invalid("condition/value", "has a condition value that is not a finite number");
        }
        if (ind.unit != unit::percent && ind.unit != unit::ratio && ind.unit != unit::count) {
            cx.error(diagnostic_code::invalid_derivation, base + "/unit",
                     who + " counts members, so its unit must be percent, ratio or count");
        }
    }
    if (dv.kind == derivation_kind::weighted_mean && !dv.weight) {
        invalid("weight", "is a weighted mean but names no weight indicator (\"weight\": \"population\")");
    }
    if (dv.max_missing && !(*dv.max_missing >= 0 && *dv.max_missing <= 1)) {
        invalid("max_missing", "has max_missing " + number_text(*dv.max_missing) + ": a share between 0 and 1");
    }
    if (dv.max_age_days && *dv.max_age_days < 0) {
        invalid("max_age_days", "has max_age_days " + std::to_string(*dv.max_age_days) + ": it cannot be negative");
    }
}

/// /framework/indicators/i/derived, indicator by indicator.
inline void check_derivations(context& cx) {
    for (std::size_t i = 0; i < cx.fw.indicators.size(); ++i) {
        const indicator& ind = cx.fw.indicators[i];
        if (ind.derived) check_derivation(cx, ind, element_path("/framework/indicators", i));
    }
}

/// A weighted mean's members whose value has no weight on or before its date: they would count
/// as missing, silently. One sweep over the members' rows (weights of a day come first).
inline void check_weights(context& cx, const indicator& ind) {
    const derivation& dv = *ind.derived;
    if (dv.kind != derivation_kind::weighted_mean || !dv.weight) return;
    if (cx.find_tree(*dv.weight) == nullptr || cx.find_tree(dv.indicator) == nullptr) return;
    derived::prepared p = derived::prepare(cx.ds, dv, cx.lifetimes);
    for (const derived::member_row& r : p.rows) {
        derived::member_slot& s = p.slots[r.slot];
        derived::apply(s, r);
        if (r.is_weight || s.weight || !s.alive(r.day)) continue;
        const observation& o = cx.ds.observations[r.position];
        cx.error(diagnostic_code::missing_weight, element_path("/observations", r.position),
                 quote_id(o.entity) + " reports " + quote_id(o.indicator) + " at " + o.date.to_string() +
                     ", but has no " + quote_id(*dv.weight) + " on or before that date (weight of " + quote_id(ind.id) +
                     ")");
    }
}

/// Reported values of a derived indicator for its entity at dates where a value is computed too.
inline void check_reported_values(context& cx, const indicator& ind) {
    const std::string who = derived_entity(cx.fw, *ind.derived);
    std::map<date, derived_point> computed;
    for (const derived_point& p : derive_series(cx.ds, ind, cx.lifetimes)) {
        if (p.origin == derived_origin::computed) computed.emplace(p.date, p);
    }
    if (computed.empty()) return;
    const observation_table& rows = cx.ds.observations;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows.indicator(i) != ind.id || rows.entity(i) != who) continue;  // compared without building a row
        const observation& o = rows[i];
        const auto at = computed.find(o.date);
        const auto reported = effective_value(o, ind.unit);
        if (at == computed.end() || !reported || !std::isfinite(*reported)) continue;
        const double value = at->second.value;
        const double scale = std::max({std::fabs(value), std::fabs(*reported), 1.0});
        if (std::fabs(value - *reported) <= 1e-9 * scale) continue;
        std::string how;
        if (ind.derived->kind == derivation_kind::count && at->second.numerator && at->second.denominator) {
            how = " (" + number_text(*at->second.numerator) + " of " + number_text(*at->second.denominator) + ")";
        }
        cx.report(severity::warning, diagnostic_code::derived_value_differs,
                  element_path("/observations", i) + (o.value ? "/value" : "/numerator"),
                  quote_id(who) + " reports " + number_text(*reported) + " for " + quote_id(ind.id) + " at " +
                      o.date.to_string() + ", but the members give " + number_text(value) + how);
    }
}

/// The checks of derived indicators that look at observations, after /observations.
inline void check_derived_observations(context& cx) {
    for (const indicator& ind : cx.fw.indicators) {
        if (!ind.derived) continue;
        check_weights(cx, ind);
        check_reported_values(cx, ind);
    }
}

}  // namespace dxframe::detail::validation
