// SPDX-License-Identifier: MIT
// Entities: /entities. Parent links (to an entity that exists, without cycles) and successions
// (a merged province succeeds its predecessors: they exist, are listed once, came into being
// before it, and do not succeed it in turn). Part of the definitions for <dxframe/validate.hpp>
// (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/cycles.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// The succession graph of the entities and its cycles.
struct succession_graph {
    /// `edges[i]`: the positions of entity i's predecessors. Links to unknown entities and to
    /// itself are left out (reported on their own).
    std::vector<std::vector<std::size_t>> edges;
    std::vector<std::vector<std::size_t>> components;  ///< Its cycles (see cyclic_components).
    std::vector<std::size_t> component_of;             ///< Per entity: its component, or none.
};

/// The succession graph of `cx`'s entities, with its cycles found.
inline succession_graph build_succession_graph(const context& cx) {
    const auto& es = cx.ds.entities;
    succession_graph g;
    g.edges.resize(es.size());
    for (std::size_t i = 0; i < es.size(); ++i) {
        if (cx.damaged.entities[i]) continue;  // its predecessors may be placeholders
        for (const auto& p : es[i].successor_of) {
            const std::size_t j = find_position(cx.entities, p);
            if (j != none && j != i) g.edges[i].push_back(j);
        }
    }
    g.components = cyclic_components(g.edges);
    g.component_of.assign(es.size(), none);
    for (std::size_t c = 0; c < g.components.size(); ++c) {
        for (std::size_t m : g.components[c])
            g.component_of[m] = c;
    }
    return g;
}

/// /entities/i/successor_of, predecessor by predecessor, then /entities/i/effective.
inline void check_successions(context& cx, std::size_t i, const succession_graph& g) {
    const auto& es = cx.ds.entities;
    const entity& e = es[i];
    const std::string base = element_path("/entities", i);
    const std::string who = "entity " + quote_id(e.id);
    bool cycle_reported = false;
    for (std::size_t k = 0; k < e.successor_of.size(); ++k) {
        const std::string& pid = e.successor_of[k];
        const std::string path = element_path(base + "/successor_of", k);
        const std::size_t j = find_position(cx.entities, pid);
        if (j == none) {
            if (cx.unreadable.entities) continue;  // it may be a damaged entity
            cx.error(diagnostic_code::unknown_reference, path,
                     who + " is successor of " + quote_id(pid) + ", which does not exist");
            continue;
        }
        if (j == i || pid == e.id) {
            cx.error(diagnostic_code::invalid_succession, path, who + " is listed as its own predecessor");
            continue;
        }
        bool repeated = false;
        for (std::size_t q = 0; q < k; ++q)
            repeated = repeated || e.successor_of[q] == pid;
        if (repeated) {
            cx.error(diagnostic_code::invalid_succession, path,
                     who + " lists predecessor " + quote_id(pid) + " more than once");
            continue;
        }
        const std::size_t c = g.component_of[i];
        if (c != none && g.component_of[j] == c) {
            // The cycle is reported once, at the first link of its first member.
            if (!cycle_reported && g.components[c].front() == i) {
                cycle_reported = true;
                report_succession_cycle(cx, i, j, g.components[c], g.edges, path);
            }
            continue;  // dates along a cycle cannot all be in order; the cycle says it all
        }
        if (e.effective && es[j].effective && !cx.damaged.entities[j] && !(*es[j].effective < *e.effective)) {
            cx.error(diagnostic_code::invalid_succession, path,
                     who + " (effective " + e.effective->to_string() + ") succeeds " + quote_id(pid) +
                         ", which only came into being on " + es[j].effective->to_string());
        }
    }
    if (!e.successor_of.empty() && !e.effective) {
        cx.error(diagnostic_code::invalid_succession, base + "/effective",
                 who + " is successor of " + list_ids(e.successor_of) + " but has no effective date");
    }
}

/// /entities, entity by entity.
inline void check_entities(context& cx) {
    const auto& es = cx.ds.entities;
    const std::size_t n = es.size();
    std::vector<std::size_t> parent(n, none);
    for (std::size_t i = 0; i < n; ++i) {
        if (es[i].parent && !cx.damaged.entities[i]) parent[i] = find_position(cx.entities, *es[i].parent);
    }
    const auto parent_cycle_at = parent_cycles_by_first_member(parent);
    const succession_graph successions = build_succession_graph(cx);

    for (std::size_t i = 0; i < n; ++i) {
        if (cx.damaged.entities[i]) continue;  // reported by the loader
        const entity& e = es[i];
        const std::string base = element_path("/entities", i);
        check_plain_id(cx, cx.entities, es, i, "/entities", "entity");
        if (e.parent) {
            if (parent[i] == none) {
                if (!cx.unreadable.entities) {  // else it may be a damaged entity
                    cx.error(
                        diagnostic_code::unknown_reference, base + "/parent",
                        "entity " + quote_id(e.id) + " has parent " + quote_id(*e.parent) + ", which does not exist");
                }
            } else if (const auto c = parent_cycle_at.find(i); c != parent_cycle_at.end()) {
                report_parent_cycle(
                    cx, "entity", c->second, [&](std::size_t k) -> const std::string& { return es[k].id; },
                    base + "/parent");
            }
        }
        check_successions(cx, i, successions);
    }
}

}  // namespace dxframe::detail::validation
