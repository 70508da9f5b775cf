// SPDX-License-Identifier: MIT
// What every validation rule shares: the dataset, the id look-ups and the list of diagnostics.
// Part of the definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/lifetime.hpp>
#include <dxframe/validate.hpp>

namespace dxframe::detail::validation {

/// The position value for "no such element".
inline constexpr std::size_t none = static_cast<std::size_t>(-1);

/// Where an id of the indicator tree points: a node or an indicator (they share one id space).
struct tree_ref {
    bool is_node = false;         ///< True for a node, false for an indicator.
    std::size_t position = none;  ///< Index in framework.nodes or framework.indicators.
};

/// Position of each id in one list of the document (targets, tasks or entities). The first
/// element with an id keeps it: a later one with the same id is a duplicate_id.
using id_table = std::unordered_map<std::string_view, std::size_t>;

/// Position of `id` in `table`, or `none`.
inline std::size_t find_position(const id_table& table, std::string_view id) {
    const auto it = table.find(id);
    return it == table.end() ? none : it->second;
}

/// `base/i`: the JSON Pointer to element `i` of the array at `base`.
inline std::string element_path(const std::string& base, std::size_t i) {
    return base + '/' + std::to_string(i);
}

/// JSON Pointer to the node or indicator `r` points at.
inline std::string tree_path(const tree_ref& r) {
    return (r.is_node ? "/framework/nodes/" : "/framework/indicators/") + std::to_string(r.position);
}

/// What the rules share while one dataset is checked. The id look-ups are built once up front,
/// so that each reference costs one hash look-up (validate runs in linear time); the rules append
/// to `diagnostics` as they walk the document, so its order is the document's order.
struct context {
    context(const dataset& checked, const validate_options& chosen)
        : ds(checked), fw(checked.framework), options(chosen), lifetimes(checked.entities) {
        tree.reserve(fw.nodes.size() + fw.indicators.size());
        // Nodes first: they come first in the document, so a clash is reported at the indicator.
        for (std::size_t i = 0; i < fw.nodes.size(); ++i)
            tree.emplace(fw.nodes[i].id, tree_ref{true, i});
        for (std::size_t i = 0; i < fw.indicators.size(); ++i)
            tree.emplace(fw.indicators[i].id, tree_ref{false, i});
        fill(targets, fw.targets);
        fill(tasks, fw.tasks);
        fill(entities, ds.entities);
        fill(dimensions, fw.dimensions);
        dimension_codes.resize(fw.dimensions.size());
        for (std::size_t i = 0; i < fw.dimensions.size(); ++i)
            fill(dimension_codes[i], fw.dimensions[i].codes);
        usable_bounds.assign(fw.indicators.size(), true);
    }

    const dataset& ds;                    ///< The dataset being checked.
    const framework& fw;                  ///< Its framework.
    validate_options options;             ///< What to report.
    entity_lifetimes lifetimes;           ///< When each entity exists (mergers end predecessors).
    std::vector<diagnostic> diagnostics;  ///< What was found so far, in document order.

    std::unordered_map<std::string_view, tree_ref> tree;  ///< Node and indicator ids (one id space).
    id_table targets;                                     ///< Target ids.
    id_table tasks;                                       ///< Task ids.
    id_table entities;                                    ///< Entity ids.
    id_table dimensions;                                  ///< Dimension ids.
    std::vector<id_table> dimension_codes;                ///< Per dimension: its code ids.
    /// Per indicator: its bounds are finite and consistent. Cleared by the indicator checks, which
    /// run before those of targets and observations (indicators come first in the document); values
    /// are compared only with usable bounds, so a bad bound is reported once, not at every value.
    std::vector<bool> usable_bounds;

    /// The node or indicator with this id, or nullptr.
    const tree_ref* find_tree(std::string_view id) const {
        const auto it = tree.find(id);
        return it == tree.end() ? nullptr : &it->second;
    }

    /// Appends one diagnostic.
    void report(severity s, diagnostic_code code, std::string path, std::string message) {
        diagnostic d;
        d.severity = s;
        d.code = code;
        d.path = std::move(path);
        d.message = std::move(message);
        diagnostics.push_back(std::move(d));
    }
    /// Appends one diagnostic of severity error.
    void error(diagnostic_code code, std::string path, std::string message) {
        report(severity::error, code, std::move(path), std::move(message));
    }

private:
    template <class T>
    static void fill(id_table& table, const std::vector<T>& items) {
        table.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            table.emplace(items[i].id, i);
    }
};

}  // namespace dxframe::detail::validation
