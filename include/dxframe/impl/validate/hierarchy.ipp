// SPDX-License-Identifier: MIT
// The indicator tree: /framework/nodes and /framework/indicators. Ids shared by nodes and
// indicators, parent links (to a node that exists, without cycles), weights, and nodes whose
// children cannot be aggregated. Part of the definitions for <dxframe/validate.hpp> (included
// through <dxframe/impl/validate.ipp>).
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/cycles.ipp>
#include <dxframe/impl/validate/dimensions.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/impl/validate/values.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// Position of the node that `parent` names, or `none` when there is no parent or it is not a
/// node (check_parent_is_node reports that).
inline std::size_t parent_node(const context& cx, const std::optional<std::string>& parent) {
    if (!parent) return none;
    const tree_ref* r = cx.find_tree(*parent);
    return r != nullptr && r->is_node ? r->position : none;
}

/// The children of each node (the nodes and indicators whose parent it is), with their weights.
struct children_tally {
    std::vector<std::size_t> count;  ///< Children per node.
    std::vector<double> weight_sum;  ///< Sum of their finite weights.
    std::vector<bool> any_positive;  ///< Some child has a positive weight.
};

/// Counts the children of each node; `node_parent[i]` is the parent position of node i.
inline children_tally tally_children(const context& cx, const std::vector<std::size_t>& node_parent) {
    const std::size_t n = cx.fw.nodes.size();
    children_tally tally{std::vector<std::size_t>(n, 0), std::vector<double>(n, 0.0), std::vector<bool>(n, false)};
    auto add_child = [&](std::size_t p, double w) {
        ++tally.count[p];
        if (std::isfinite(w)) tally.weight_sum[p] += w;
        if (std::isfinite(w) && w > 0) tally.any_positive[p] = true;
    };
    for (std::size_t i = 0; i < n; ++i) {
        // A node that is its own parent is a cycle, reported as such, not a child.
        if (node_parent[i] != none && node_parent[i] != i) add_child(node_parent[i], cx.fw.nodes[i].weight);
    }
    for (std::size_t i = 0; i < cx.fw.indicators.size(); ++i) {
        const indicator& ind = cx.fw.indicators[i];
        // A damaged indicator's weight may be a placeholder: counted as usable, not as a zero.
        if (const std::size_t p = parent_node(cx, ind.parent); p != none)
            add_child(p, cx.damaged.indicators[i] ? 1.0 : ind.weight);
    }
    return tally;
}

/// Checks the parent link of the node or indicator `self` (`kind` "node" or "indicator"): the
/// parent must exist and be a node. Returns true when it is a node, the link then being part of
/// the tree.
inline bool check_parent_is_node(context& cx, const char* kind, const std::string& id, const std::string& parent,
                                 tree_ref self, const std::string& path) {
    const std::string who = std::string(kind) + " " + quote_id(id);
    const tree_ref* r = cx.find_tree(parent);
    if (r == nullptr && cx.unreadable.tree) return false;  // it may be a damaged node
    if (r == nullptr) {
        cx.error(diagnostic_code::unknown_reference, path,
                 who + " has parent " + quote_id(parent) + ", which does not exist");
        return false;
    }
    if (!r->is_node) {
        const bool own_parent = !self.is_node && r->position == self.position;
        cx.error(diagnostic_code::hierarchy_cycle, path,
                 own_parent ? who + " is its own parent"
                            : who + " has parent " + quote_id(parent) + ", which is an indicator (" + tree_path(*r) +
                                  "); only nodes can have children");
        return false;
    }
    return true;
}

/// The weight at `base/weight` of a node or indicator: finite, and 0 or more.
inline void check_weight(context& cx, const char* kind, const std::string& id, double weight, const std::string& base) {
    const std::string who = std::string(kind) + " " + quote_id(id);
    if (present_and_finite(cx, weight, base + "/weight", "weight of " + who) && weight < 0) {
        cx.error(diagnostic_code::negative_weight, base + "/weight",
                 who + " has weight " + number_text(weight) + "; weights must be 0 or more");
    }
}

/// /framework/nodes, node by node.
inline void check_nodes(context& cx) {
    const auto& nodes = cx.fw.nodes;
    const std::size_t n = nodes.size();
    // Parent links between nodes; a link to anything else is reported node by node below.
    // A damaged node keeps its place in the tree (as a child, its weight counted as usable),
    // but its own parent link may be a placeholder: it is left out of the cycle search.
    std::vector<std::size_t> parent(n, none);
    std::vector<std::size_t> linked(n, none);
    for (std::size_t i = 0; i < n; ++i) {
        parent[i] = parent_node(cx, nodes[i].parent);
        if (!cx.damaged.nodes[i]) linked[i] = parent[i];
    }
    const auto cycle_at = parent_cycles_by_first_member(linked);
    children_tally children = tally_children(cx, linked);
    for (std::size_t i = 0; i < n; ++i) {
        if (cx.damaged.nodes[i] && parent[i] != none && parent[i] != i) {
            ++children.count[parent[i]];
            children.any_positive[parent[i]] = true;
        }
    }

    for (std::size_t i = 0; i < n; ++i) {
        if (cx.damaged.nodes[i]) continue;  // reported by the loader
        const node& nd = nodes[i];
        const std::string base = element_path("/framework/nodes", i);
        if (children.count[i] > 0 && !children.any_positive[i]) {
            cx.error(diagnostic_code::zero_weight_sum, base,
                     "node " + quote_id(nd.id) + " has " + std::to_string(children.count[i]) +
                         (children.count[i] == 1 ? " child" : " children") + ", none with a positive weight (sum " +
                         number_text(children.weight_sum[i]) + "), so its value cannot be aggregated");
        }
        check_tree_id(cx, nd.id, tree_ref{true, i}, base + "/id");
        if (nd.parent && check_parent_is_node(cx, "node", nd.id, *nd.parent, tree_ref{true, i}, base + "/parent")) {
            if (const auto c = cycle_at.find(i); c != cycle_at.end()) {
                report_parent_cycle(
                    cx, "node", c->second, [&](std::size_t k) -> const std::string& { return nodes[k].id; },
                    base + "/parent");
            }
        }
        check_weight(cx, "node", nd.id, nd.weight, base);
        present_and_finite(cx, nd.aggregation_parameter, base + "/aggregation_parameter",
                           "aggregation_parameter of node " + quote_id(nd.id));
    }
}

/// The denominator of indicator `ind` at `base`: another indicator, with a finite scale above 0
/// (a scale of 0 or less would divide by a zero or negative denominator).
inline void check_denominator(context& cx, const indicator& ind, const std::string& base) {
    const std::string who = "indicator " + quote_id(ind.id);
    if (ind.denominator) {
        const std::string path = base + "/denominator";
        if (*ind.denominator == ind.id) {
            cx.error(diagnostic_code::unknown_reference, path,
                     who + " names itself as its denominator; a denominator must be another indicator");
        } else {
            resolve_indicator(cx, *ind.denominator, path, "the denominator of " + who);
        }
    }
    const std::string scale_path = base + "/denominator_scale";
    if (present_and_finite(cx, ind.denominator_scale, scale_path, "denominator_scale of " + who) &&
        *ind.denominator_scale <= 0) {
        cx.error(diagnostic_code::non_positive_denominator, scale_path,
                 who + " has denominator_scale " + number_text(*ind.denominator_scale) + "; it must be greater than 0");
    }
}

/// /framework/indicators, indicator by indicator; marks the indicators whose bounds are unusable.
inline void check_indicators(context& cx) {
    const auto& indicators = cx.fw.indicators;
    if (indicators.empty() && !cx.member_damaged("/framework/indicators")) {
        cx.error(diagnostic_code::empty_framework, "/framework/indicators",
                 "framework " + quote_id(cx.fw.id) + " has no indicators, so nothing can be measured or assessed");
    }
    for (std::size_t i = 0; i < indicators.size(); ++i) {
        if (cx.damaged.indicators[i]) continue;  // reported by the loader
        const indicator& ind = indicators[i];
        const std::string base = element_path("/framework/indicators", i);
        check_tree_id(cx, ind.id, tree_ref{false, i}, base + "/id");
        if (ind.parent)
            check_parent_is_node(cx, "indicator", ind.id, *ind.parent, tree_ref{false, i}, base + "/parent");
        check_indicator_bounds(cx, i, base);
        check_weight(cx, "indicator", ind.id, ind.weight, base);
        check_indicator_dimensions(cx, i, base);
        check_denominator(cx, ind, base);
    }
}

}  // namespace dxframe::detail::validation
