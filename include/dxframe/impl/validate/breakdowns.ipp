// SPDX-License-Identifier: MIT
// Breakdowns of observations and targets: each dimension one the indicator is broken down by,
// each code one its dimension has; and, for counts, parts that add up to no more than their
// total. Part of the definitions for <dxframe/validate.hpp> (included through
// <dxframe/impl/validate.ipp>).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// Checks `b` (at `path`, the pointer of the breakdown object) against indicator `ind` (nullptr
/// when it does not resolve: reported elsewhere): each dimension must be one `ind` lists, each
/// code one of its dimension. A dimension the indicator lists but the framework does not
/// declare was reported at the indicator; its codes are not checked again.
inline void check_breakdown(context& cx, const breakdown& b, const indicator* ind, const std::string& path,
                            const std::string& who) {
    if (b.empty() || ind == nullptr) return;
    for (const auto& [dim, code] : b) {
        const std::string at = pointer_append(path, dim);
        if (std::find(ind->dimensions.begin(), ind->dimensions.end(), dim) == ind->dimensions.end()) {
            cx.error(diagnostic_code::unknown_dimension, at,
                     who + " is broken down by " + quote_id(dim) + ", which is not a dimension of indicator " +
                         quote_id(ind->id) +
                         (ind->dimensions.empty() ? std::string(" (it has none)")
                                                  : " (its dimensions: " + list_ids(ind->dimensions) + ")"));
            continue;
        }
        const std::size_t d = find_position(cx.dimensions, dim);
        if (d == none) continue;
        if (find_position(cx.dimension_codes[d], code) == none) {
            cx.error(
                diagnostic_code::unknown_dimension_code, at,
                who + " names code " + quote_id(code) + " of dimension " + quote_id(dim) + ", which has no such code");
        }
    }
}

/// A byte string that identifies a breakdown (ids separated by NUL, which no id needs).
inline void append_breakdown_key(std::string& key, const breakdown& b, const std::string* skip) {
    for (const auto& [dim, code] : b) {
        if (skip != nullptr && dim == *skip) continue;
        key += dim;
        key += '\0';
        key += code;
        key += '\0';
    }
}

/// The key of a series point for the breakdown sums: entity, indicator, day and ranking.
inline std::string point_key(const observation& o) {
    std::string key = o.entity;
    key += '\0';
    key += o.indicator;
    key += '\0';
    key += std::to_string(o.date.days_since_epoch());
    key += '\0';
    // The ranking: -0 and 0 are one, as are all NaNs (duplicates.ipp keys them alike).
    if (o.out_of) key += std::isnan(*o.out_of) ? std::string("NaN") : number_text(*o.out_of + 0.0);
    key += '\0';
    return key;
}

/// For indicators whose unit is a count: the observations at which the parts of a breakdown
/// along one dimension ({"sex": "female"} and {"sex": "male"} of the headline, or
/// {"sex": "female", "area": …} of {"sex": "female"}) first add up to more than the total of
/// the same entity, date and ranking (relative tolerance 1e-9), in document order, with the
/// message to report there. One group of parts per (entity, indicator, date, ranking, parent
/// breakdown, dimension), in one hash table; nothing is built for a dataset without breakdowns.
inline std::unordered_map<std::size_t, std::vector<std::string>> breakdown_crossings(const context& cx) {
    std::unordered_map<std::size_t, std::vector<std::string>> out;
    const auto& obs = cx.ds.observations;
    const auto is_count = [&cx](const observation& o) {
        const tree_ref* r = cx.find_tree(o.indicator);
        return r != nullptr && !r->is_node && cx.fw.indicators[r->position].unit == unit::count;
    };
    const auto usable = [](const observation& o) {
        const auto v = effective_value(o, unit::count);
        return v && std::isfinite(*v) ? v : std::nullopt;
    };
    bool any_breakdown = false;  // read from the keys: nothing is built for a dataset without them
    for (std::size_t i = 0; i < obs.size() && !any_breakdown; ++i)
        any_breakdown = obs.breakdown_key(i) != 0;
    if (!any_breakdown) return out;
    // The totals: the first usable value of each (point, breakdown) (a conflict is reported apart).
    std::unordered_map<std::string, std::pair<std::size_t, double>> totals;
    for (std::size_t i = 0; i < obs.size(); ++i) {
        const observation& o = obs[i];
        if (cx.damaged.observations[i] || !is_count(o)) continue;  // a damaged value may be a placeholder
        const auto v = usable(o);
        if (!v) continue;
        std::string key = point_key(o);
        append_breakdown_key(key, o.breakdown, nullptr);
        totals.emplace(std::move(key), std::make_pair(i, *v));
    }
    struct group {
        double sum = 0;
        bool reported = false;
    };
    std::unordered_map<std::string, group> groups;
    for (std::size_t i = 0; i < obs.size(); ++i) {
        const observation& o = obs[i];
        if (o.breakdown.empty() || cx.damaged.observations[i] || !is_count(o)) continue;
        const auto v = usable(o);
        if (!v) continue;
        // A repeat of a part (a duplicate or a conflict, reported apart) is not added again.
        std::string own = point_key(o);
        append_breakdown_key(own, o.breakdown, nullptr);
        if (totals.at(own).first != i) continue;
        for (const auto& entry : o.breakdown) {
            const std::string& dim = entry.first;
            std::string parent = point_key(o);
            append_breakdown_key(parent, o.breakdown, &dim);
            const auto total = totals.find(parent);
            if (total == totals.end()) continue;
            group& g = groups[parent + '\1' + dim];
            g.sum += *v;
            const double whole = total->second.second;
            if (g.reported || !(g.sum > whole + 1e-9 * std::abs(whole))) continue;
            g.reported = true;
            breakdown parent_breakdown = o.breakdown;
            parent_breakdown.erase(dim);
            const std::string parent_name =
                parent_breakdown.empty() ? std::string("the headline") : "(" + breakdown_text(parent_breakdown) + ")";
            std::string message = "observation of " + quote_id(o.indicator) + " for " + quote_id(o.entity) + " at " +
                                  o.date.to_string() + " (" + breakdown_text(o.breakdown) +
                                  ") brings the parts along " + quote_id(dim) + " to " + number_text(g.sum) +
                                  ", more than the total " + number_text(whole) + " of " + parent_name + " at " +
                                  element_path("/observations", total->second.first);
            out[i].push_back(std::move(message));
        }
    }
    return out;
}

}  // namespace dxframe::detail::validation
