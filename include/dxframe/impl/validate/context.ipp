// SPDX-License-Identifier: MIT
// What every validation rule shares: the dataset, the id look-ups, the damaged records of a
// partial dataset and the list of diagnostics.
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
#include <dxframe/model/partial_dataset.hpp>
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

/// Which records of one list are damaged (a partial dataset): empty when none is, so that a
/// complete dataset pays one test of an empty vector per record.
class damage_marks {
public:
    damage_marks() = default;
    /// Marks `positions` (out-of-range ones are ignored) in a list of `size` records.
    damage_marks(const std::vector<std::size_t>& positions, std::size_t size) {
        if (positions.empty()) return;
        marked_.assign(size, false);
        for (const std::size_t i : positions) {
            if (i < size) marked_[i] = true;
        }
    }
    /// True when record `i` is damaged.
    bool operator[](std::size_t i) const noexcept { return i < marked_.size() && marked_[i]; }

private:
    std::vector<bool> marked_;
};

/// The lifetimes of `entities`, where a damaged entity counts by its id alone: its dates and
/// predecessors may be placeholders, and must not end or start anyone's life.
inline entity_lifetimes lifetimes_of(const std::vector<entity>& entities, const load_damage* damage) {
    if (damage == nullptr || damage->entities.empty()) return entity_lifetimes(entities);
    std::vector<entity> kept(entities);
    for (const std::size_t i : damage->entities) {
        if (i >= kept.size()) continue;
        kept[i].effective.reset();
        kept[i].successor_of.clear();
    }
    return entity_lifetimes(kept);
}

/// What the rules share while one dataset is checked. The id look-ups are built once up front,
/// so that each reference costs one hash look-up (validate runs in linear time); the rules append
/// to `diagnostics` as they walk the document, so its order is the document's order.
///
/// For a partial dataset (`damage` not null) the damaged records are marked: the rules skip
/// them, and their ids (when readable) stay in the look-ups, so references to them resolve.
struct context {
    context(const dataset& checked, const validate_options& chosen, const load_damage* damage)
        : ds(checked), fw(checked.framework), options(chosen), lifetimes(lifetimes_of(checked.entities, damage)) {
        if (damage != nullptr) mark(*damage);
        tree.reserve(fw.nodes.size() + fw.indicators.size());
        // Nodes first: they come first in the document, so a clash is reported at the indicator.
        for (std::size_t i = 0; i < fw.nodes.size(); ++i) {
            if (!damaged.nodes[i] || !fw.nodes[i].id.empty()) tree.emplace(fw.nodes[i].id, tree_ref{true, i});
        }
        for (std::size_t i = 0; i < fw.indicators.size(); ++i) {
            if (!damaged.indicators[i] || !fw.indicators[i].id.empty())
                tree.emplace(fw.indicators[i].id, tree_ref{false, i});
        }
        fill(targets, fw.targets, damaged.targets);
        fill(tasks, fw.tasks, damaged.tasks);
        fill(entities, ds.entities, damaged.entities);
        fill(dimensions, fw.dimensions, damaged.dimensions);
        dimension_codes.resize(fw.dimensions.size());
        for (std::size_t i = 0; i < fw.dimensions.size(); ++i)
            fill(dimension_codes[i], fw.dimensions[i].codes, damage_marks());
        usable_bounds.assign(fw.indicators.size(), true);
        // A damaged indicator's bounds may be placeholders: no value is compared with them.
        for (std::size_t i = 0; i < fw.indicators.size(); ++i) {
            if (damaged.indicators[i]) usable_bounds[i] = false;
        }
    }

    /// The damaged records of each list (all empty for a complete dataset).
    struct damaged_records {
        damage_marks pillars;       ///< Of /framework/pillars.
        damage_marks dimensions;    ///< Of /framework/dimensions.
        damage_marks nodes;         ///< Of /framework/nodes.
        damage_marks indicators;    ///< Of /framework/indicators.
        damage_marks targets;       ///< Of /framework/targets.
        damage_marks tasks;         ///< Of /framework/tasks.
        damage_marks entities;      ///< Of /entities.
        damage_marks observations;  ///< Of /observations.
    };

    /// The id spaces in which a reference that names nothing may have named a damaged record
    /// whose id could not be read: an unknown_reference into them would be a cascade.
    struct unreadable_ids {
        bool tree = false;      ///< Nodes and indicators.
        bool targets = false;   ///< Targets.
        bool entities = false;  ///< Entities.
    };

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
    damaged_records damaged;    ///< Records the rules skip (a partial dataset).
    unreadable_ids unreadable;  ///< Id spaces where an unknown reference is not reported.
    /// Damaged members that are not records (a partial dataset), e.g. "/framework/nation".
    std::vector<std::string> damaged_members;

    /// True when the member at JSON Pointer `path`, or a part that holds it, is damaged.
    bool member_damaged(std::string_view path) const {
        for (const auto& m : damaged_members) {
            if (path.substr(0, m.size()) == m && (path.size() == m.size() || path[m.size()] == '/')) return true;
        }
        return false;
    }

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
    // A damaged record keeps its id when it read cleanly; one without an id is left out.
    template <class T>
    static void fill(id_table& table, const std::vector<T>& items, const damage_marks& marks) {
        table.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!marks[i] || !items[i].id.empty()) table.emplace(items[i].id, i);
        }
    }

    // True when a damaged record among `items` has no readable id.
    template <class T>
    static bool any_without_id(const std::vector<T>& items, const std::vector<std::size_t>& positions) {
        for (const std::size_t i : positions) {
            if (i >= items.size() || items[i].id.empty()) return true;
        }
        return false;
    }

    void mark(const load_damage& damage) {
        damaged.pillars = damage_marks(damage.pillars, fw.pillars.size());
        damaged.dimensions = damage_marks(damage.dimensions, fw.dimensions.size());
        damaged.nodes = damage_marks(damage.nodes, fw.nodes.size());
        damaged.indicators = damage_marks(damage.indicators, fw.indicators.size());
        damaged.targets = damage_marks(damage.targets, fw.targets.size());
        damaged.tasks = damage_marks(damage.tasks, fw.tasks.size());
        damaged.entities = damage_marks(damage.entities, ds.entities.size());
        damaged.observations = damage_marks(damage.observations, ds.observations.size());
        damaged_members = damage.members;
        unreadable.tree = any_without_id(fw.nodes, damage.nodes) || any_without_id(fw.indicators, damage.indicators) ||
                          member_damaged("/framework/nodes") || member_damaged("/framework/indicators");
        unreadable.targets = any_without_id(fw.targets, damage.targets) || member_damaged("/framework/targets");
        unreadable.entities = any_without_id(ds.entities, damage.entities) || member_damaged("/entities");
    }
};

}  // namespace dxframe::detail::validation
