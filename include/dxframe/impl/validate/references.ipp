// SPDX-License-Identifier: MIT
// Ids and references: each id names one element of its kind, and each reference names an
// element that exists and is of the kind expected. Part of the definitions for
// <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// /framework/nation must name an entity: the nation's own observations and targets hang on it.
inline void check_nation(context& cx) {
    if (cx.member_damaged("/framework/nation")) return;  // reported by the loader
    if (find_position(cx.entities, cx.fw.nation) == none && !cx.unreadable.entities) {
        cx.error(diagnostic_code::unknown_reference, "/framework/nation",
                 "framework nation " + quote_id(cx.fw.nation) +
                     " names no entity; add an entity with that id (level nation)");
    }
}

/// Each pillar is described once; the second description is the one reported.
inline void check_pillar_ids(context& cx) {
    const auto& pillars = cx.fw.pillars;
    std::unordered_map<int, std::size_t> seen;
    for (std::size_t i = 0; i < pillars.size(); ++i) {
        if (cx.damaged.pillars[i]) continue;
        const auto [it, fresh] = seen.emplace(static_cast<int>(pillars[i].id), i);
        if (!fresh) {
            const auto name = boost::describe::enum_to_string(pillars[i].id, "?");
            cx.error(diagnostic_code::duplicate_id, element_path("/framework/pillars", i) + "/id",
                     std::string("pillar ") + quote_id(name) + " is described twice (first at /framework/pillars/" +
                         std::to_string(it->second) + ")");
        }
    }
}

/// Reports a node or indicator whose id was already used by an earlier node or indicator.
inline void check_tree_id(context& cx, const std::string& id, tree_ref self, const std::string& path) {
    const tree_ref* first = cx.find_tree(id);
    if (first == nullptr || (first->is_node == self.is_node && first->position == self.position)) return;
    cx.error(diagnostic_code::duplicate_id, path,
             std::string(self.is_node ? "node" : "indicator") + " id " + quote_id(id) + " is already used by the " +
                 (first->is_node ? "node" : "indicator") + " at " + tree_path(*first) +
                 " (nodes and indicators share one id space)");
}

/// Reports element `i` of `items` (at `section`) when an earlier element has its id. `table` is
/// the id table of `items`; `kind` names an element ("target").
template <class T>
void check_plain_id(context& cx, const id_table& table, const std::vector<T>& items, std::size_t i,
                    const std::string& section, const char* kind) {
    const std::size_t first = find_position(table, items[i].id);
    if (first == i || first == none) return;
    cx.error(diagnostic_code::duplicate_id, element_path(section, i) + "/id",
             std::string(kind) + " id " + quote_id(items[i].id) + " is already used by the " + kind + " at " +
                 element_path(section, first));
}

/// The indicator an id names, or nullptr; reports unknown_reference at `path` otherwise (also
/// when the id names a node). `who` says whose reference it is, for the message. A damaged
/// indicator (partial dataset) gives nullptr without a report: it exists, but what it says
/// cannot be used; so does an unknown id when a damaged node or indicator has no readable id.
inline const indicator* resolve_indicator(context& cx, const std::string& id, const std::string& path,
                                          const std::string& who) {
    const tree_ref* r = cx.find_tree(id);
    if (r == nullptr && cx.unreadable.tree) return nullptr;
    if (r != nullptr && !r->is_node && cx.damaged.indicators[r->position]) return nullptr;
    if (r == nullptr) {
        cx.error(diagnostic_code::unknown_reference, path,
                 who + " names indicator " + quote_id(id) + ", which does not exist");
        return nullptr;
    }
    if (r->is_node) {
        cx.error(diagnostic_code::unknown_reference, path,
                 who + " names " + quote_id(id) + ", which is a node (" + tree_path(*r) + "), not an indicator");
        return nullptr;
    }
    return &cx.fw.indicators[r->position];
}

/// True when an entity has this id; reports unknown_reference at `path` otherwise (unless a
/// damaged entity has no readable id: it may be the one named).
inline bool resolve_entity(context& cx, const std::string& id, const std::string& path, const std::string& who) {
    if (find_position(cx.entities, id) != none) return true;
    if (cx.unreadable.entities) return false;
    cx.error(diagnostic_code::unknown_reference, path,
             who + " names entity " + quote_id(id) + ", which does not exist");
    return false;
}

}  // namespace dxframe::detail::validation
