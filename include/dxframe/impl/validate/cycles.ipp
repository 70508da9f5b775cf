// SPDX-License-Identifier: MIT
// Cycles in the dataset's links: parent links (the indicator tree, the entities' tree) and the
// succession graph of mergers. Finding them, and the diagnostics that name them. Part of the
// definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/text.ipp>

namespace dxframe::detail::validation {

/// A cycle found in a graph of parent links: its members in link order, starting with the member
/// that comes first in the document.
using cycle = std::vector<std::size_t>;

/// Cycles of a functional graph (each element has at most one parent; `parent[i] == none` for a
/// root). Linear time: every element is walked once.
inline std::vector<cycle> parent_cycles(const std::vector<std::size_t>& parent) {
    enum : unsigned char { unvisited, on_path, finished };
    std::vector<unsigned char> state(parent.size(), unvisited);
    std::vector<cycle> cycles;
    std::vector<std::size_t> path;
    for (std::size_t start = 0; start < parent.size(); ++start) {
        if (state[start] != unvisited) continue;
        path.clear();
        std::size_t at = start;
        while (at != none && state[at] == unvisited) {
            state[at] = on_path;
            path.push_back(at);
            at = parent[at];
        }
        if (at != none && state[at] == on_path) {
            // The walk came back to itself: the cycle is the part of the path from `at` on.
            std::size_t first = 0;
            while (path[first] != at)
                ++first;
            cycle c(path.begin() + static_cast<std::ptrdiff_t>(first), path.end());
            std::size_t lowest = 0;
            for (std::size_t k = 1; k < c.size(); ++k) {
                if (c[k] < c[lowest]) lowest = k;
            }
            cycle rotated;
            rotated.reserve(c.size());
            for (std::size_t k = 0; k < c.size(); ++k)
                rotated.push_back(c[(lowest + k) % c.size()]);
            cycles.push_back(std::move(rotated));
        }
        for (std::size_t p : path)
            state[p] = finished;
    }
    return cycles;
}

/// The cycles of parent links by their first member: a cycle is reported once, at the member
/// that comes first in the document.
inline std::unordered_map<std::size_t, cycle> parent_cycles_by_first_member(const std::vector<std::size_t>& parent) {
    std::unordered_map<std::size_t, cycle> cycle_at;
    for (auto& c : parent_cycles(parent)) {
        const std::size_t first = c.front();
        cycle_at.emplace(first, std::move(c));
    }
    return cycle_at;
}

/// Strongly connected components of a directed graph with at least two members (Tarjan's
/// algorithm, iterative so that long merger chains cannot overflow the stack). Each component
/// is listed in ascending position order; components are ordered by their first member.
inline std::vector<std::vector<std::size_t>> cyclic_components(const std::vector<std::vector<std::size_t>>& edges) {
    const std::size_t n = edges.size();
    std::vector<std::size_t> index(n, none), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<std::size_t> stack;
    std::vector<std::vector<std::size_t>> components;
    std::size_t counter = 0;
    struct frame {
        std::size_t node;
        std::size_t next_edge;
    };
    std::vector<frame> calls;
    for (std::size_t root = 0; root < n; ++root) {
        if (index[root] != none) continue;
        calls.push_back({root, 0});
        index[root] = low[root] = counter++;
        stack.push_back(root);
        on_stack[root] = true;
        while (!calls.empty()) {
            frame& f = calls.back();
            const std::size_t v = f.node;
            if (f.next_edge < edges[v].size()) {
                const std::size_t w = edges[v][f.next_edge++];
                if (index[w] == none) {
                    index[w] = low[w] = counter++;
                    stack.push_back(w);
                    on_stack[w] = true;
                    calls.push_back({w, 0});  // invalidates f; not used again this round
                } else if (on_stack[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            if (low[v] == index[v]) {
                std::vector<std::size_t> component;
                std::size_t w = none;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    component.push_back(w);
                } while (w != v);
                if (component.size() > 1) {
                    std::sort(component.begin(), component.end());
                    components.push_back(std::move(component));
                }
            }
            calls.pop_back();
            if (!calls.empty()) {
                const std::size_t parent = calls.back().node;
                if (low[v] < low[parent]) low[parent] = low[v];
            }
        }
    }
    std::sort(components.begin(), components.end(),
              [](const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) { return a[0] < b[0]; });
    return components;
}

/// Reports a cycle of parent links at `path`: "node 'a' is its own ancestor: 'a' -> 'b' -> 'a'".
/// `kind` names what the members are ("node", "entity"); `id_of(k)` gives member k's id.
template <class IdOf>
void report_parent_cycle(context& cx, const char* kind, const cycle& c, IdOf id_of, const std::string& path) {
    std::string chain;
    for (std::size_t k : c)
        chain += quote_id(id_of(k)) + " -> ";
    chain += quote_id(id_of(c.front()));
    const std::string& first = id_of(c.front());
    if (c.size() == 1) {
        cx.error(diagnostic_code::hierarchy_cycle, path,
                 std::string(kind) + " " + quote_id(first) + " is its own parent");
    } else {
        cx.error(diagnostic_code::hierarchy_cycle, path,
                 std::string(kind) + " " + quote_id(first) + " is its own ancestor: " + chain);
    }
}

/// Reports the succession cycle through entity `first` (the component's first member), found by
/// a breadth-first search inside the component from the edge first -> next back to first.
/// `edges[i]` lists the predecessors of entity i.
inline void report_succession_cycle(context& cx, std::size_t first, std::size_t next,
                                    const std::vector<std::size_t>& component,
                                    const std::vector<std::vector<std::size_t>>& edges, const std::string& path) {
    const auto& es = cx.ds.entities;
    std::unordered_map<std::size_t, std::size_t> came_from;
    for (std::size_t m : component)
        came_from.emplace(m, none);
    std::vector<std::size_t> queue{next};
    came_from[next] = first;
    bool found = next == first;
    for (std::size_t q = 0; q < queue.size() && !found; ++q) {
        for (std::size_t w : edges[queue[q]]) {
            auto it = came_from.find(w);
            if (it == came_from.end()) continue;  // outside the component
            if (w == first) {
                came_from[first] = queue[q];
                found = true;
                break;
            }
            if (it->second == none) {
                it->second = queue[q];
                queue.push_back(w);
            }
        }
    }
    std::vector<std::size_t> chain{first};
    for (std::size_t at = came_from[first]; at != first && at != none; at = came_from[at])
        chain.push_back(at);
    // chain = first, then back-pointers: reverse all but the first to get the forward order.
    std::reverse(chain.begin() + 1, chain.end());
    std::string text;
    for (std::size_t m : chain)
        text += quote_id(es[m].id) + " succeeds ";
    text += quote_id(es[first].id);
    cx.error(diagnostic_code::successor_cycle, path,
             "entity " + quote_id(es[first].id) + " succeeds itself through mergers: " + text);
}

}  // namespace dxframe::detail::validation
