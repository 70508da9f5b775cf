// SPDX-License-Identifier: MIT
// Definitions for <dxframe/validate.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <locale>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/validate.hpp>

namespace dxframe {

namespace detail::validation {

/// Shortest decimal text that reads back as the same double ("0.1", "95.238095238095241"),
/// independent of the global locale; "NaN", "inf", "-inf" for non-finite values.
inline std::string number_text(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    std::string text(buffer, result.ptr);
    // The shortest form of 1e16 is "1e+16"; below 1e17 people write whole numbers out.
    if (const auto e = text.find("e+"); e != std::string::npos && std::stoi(text.substr(e + 2)) < 17) {
        result = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
        text.assign(buffer, result.ptr);
    }
    return text;
#else
    // Without floating-point to_chars: the fewest significant digits that read back as `v`.
    auto format = [v](int precision) {
        std::ostringstream out;
        out.imbue(std::locale::classic());
        out.precision(precision);
        out << v;
        return out.str();
    };
    std::string text;
    for (int precision = 1; precision <= 17; ++precision) {
        text = format(precision);
        std::istringstream in(text);
        in.imbue(std::locale::classic());
        double back = 0;
        in >> back;
        if (back == v) break;
    }
    // The shortest form of 90 here is "9e+01"; below 1e17 use as many digits as the integer
    // part needs (more digits read back the same).
    if (const auto e = text.find("e+"); e != std::string::npos) {
        const int exponent = std::stoi(text.substr(e + 2));
        if (exponent < 17) text = format(exponent + 1);
    }
    return text;
#endif
}

/// `'id'`, the way messages quote ids (not named `quoted`: ADL would find std::quoted).
inline std::string quote_id(std::string_view id) {
    std::string s;
    s.reserve(id.size() + 2);
    s += '\'';
    s += id;
    s += '\'';
    return s;
}

/// The position value for "no such element".
inline constexpr std::size_t none = static_cast<std::size_t>(-1);

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

/// Where an id of the indicator tree points: a node or an indicator (they share one id space).
struct tree_ref {
    bool is_node = false;         ///< True for a node, false for an indicator.
    std::size_t position = none;  ///< Index in framework.nodes or framework.indicators.
};

/// Key of an observation for duplicate detection: interned entity and indicator, the day, and
/// the ranking (`out_of`; two rankings of one date are two series, not a conflict).
struct observation_key {
    std::uint32_t entity = 0;
    std::uint32_t indicator = 0;
    std::int64_t day = 0;
    bool has_out_of = false;
    double out_of = 0;
    friend bool operator==(const observation_key& a, const observation_key& b) noexcept {
        return a.entity == b.entity && a.indicator == b.indicator && a.day == b.day && a.has_out_of == b.has_out_of &&
               (!a.has_out_of || a.out_of == b.out_of || (std::isnan(a.out_of) && std::isnan(b.out_of)));
    }
};

/// Hash of an observation_key (splitmix64 finaliser over the packed fields).
struct observation_key_hash {
    std::size_t operator()(const observation_key& k) const noexcept {
        std::uint64_t x = (static_cast<std::uint64_t>(k.entity) << 32) ^ k.indicator;
        x ^= static_cast<std::uint64_t>(k.day) * 0x9E3779B97F4A7C15ULL;
        if (k.has_out_of) {
            // Equal keys must hash alike: -0.0 == 0.0, and every NaN is one ranking here.
            const double size = k.out_of == 0 ? 0.0 : std::isnan(k.out_of) ? 1.5 : k.out_of;
            std::uint64_t bits = 0;
            std::memcpy(&bits, &size, sizeof bits);
            x ^= (bits + 1) * 0xD6E8FEB86659FD93ULL;
        }
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9ULL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBULL;
        x ^= x >> 31;
        return static_cast<std::size_t>(x);
    }
};

/// Runs every rule over one dataset, emitting diagnostics element by element in document order.
class validator {
public:
    validator(const dataset& ds, const validate_options& options) : ds_(ds), fw_(ds.framework), options_(options) {}

    std::vector<diagnostic> run() {
        index_ids();
        check_framework_header();
        check_pillars();
        check_nodes();
        check_indicators();
        check_targets();
        check_tasks();
        check_entities();
        check_observations();
        return std::move(out_);
    }

private:
    // ---- output -------------------------------------------------------------------------------

    void report(severity s, diagnostic_code code, std::string path, std::string message) {
        diagnostic d;
        d.severity = s;
        d.code = code;
        d.path = std::move(path);
        d.message = std::move(message);
        out_.push_back(std::move(d));
    }
    void error(diagnostic_code code, std::string path, std::string message) {
        report(severity::error, code, std::move(path), std::move(message));
    }

    /// Reports a non-finite member; returns true when the member is present and finite.
    bool finite(const std::optional<double>& v, const std::string& path, const std::string& what) {
        if (!v) return false;
        if (std::isfinite(*v)) return true;
        error(diagnostic_code::non_finite_value, path, what + " is " + number_text(*v) + ", not a finite number");
        return false;
    }

    static std::string at(const std::string& base, std::size_t i) { return base + '/' + std::to_string(i); }

    // ---- id tables ----------------------------------------------------------------------------

    template <class T>
    static void fill(std::unordered_map<std::string_view, std::size_t>& map, const std::vector<T>& items) {
        map.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            map.emplace(items[i].id, i);
    }

    void index_ids() {
        tree_.reserve(fw_.nodes.size() + fw_.indicators.size());
        // Nodes first: they come first in the document, so a clash is reported at the indicator.
        for (std::size_t i = 0; i < fw_.nodes.size(); ++i)
            tree_.emplace(fw_.nodes[i].id, tree_ref{true, i});
        for (std::size_t i = 0; i < fw_.indicators.size(); ++i) {
            tree_.emplace(fw_.indicators[i].id, tree_ref{false, i});
        }
        fill(targets_, fw_.targets);
        fill(tasks_, fw_.tasks);
        fill(entities_, ds_.entities);
    }

    const tree_ref* find_tree(std::string_view id) const {
        const auto it = tree_.find(id);
        return it == tree_.end() ? nullptr : &it->second;
    }
    static std::size_t find(const std::unordered_map<std::string_view, std::size_t>& map, std::string_view id) {
        const auto it = map.find(id);
        return it == map.end() ? none : it->second;
    }
    static std::string tree_path(const tree_ref& r) {
        return (r.is_node ? "/framework/nodes/" : "/framework/indicators/") + std::to_string(r.position);
    }

    /// The indicator an id names, or nullptr; reports unknown_reference at `path` otherwise.
    const indicator* resolve_indicator(const std::string& id, const std::string& path, const std::string& who) {
        const tree_ref* r = find_tree(id);
        if (r == nullptr) {
            error(diagnostic_code::unknown_reference, path,
                  who + " names indicator " + quote_id(id) + ", which does not exist");
            return nullptr;
        }
        if (r->is_node) {
            error(diagnostic_code::unknown_reference, path,
                  who + " names " + quote_id(id) + ", which is a node (" + tree_path(*r) + "), not an indicator");
            return nullptr;
        }
        return &fw_.indicators[r->position];
    }

    bool resolve_entity(const std::string& id, const std::string& path, const std::string& who) {
        if (find(entities_, id) != none) return true;
        error(diagnostic_code::unknown_reference, path,
              who + " names entity " + quote_id(id) + ", which does not exist");
        return false;
    }

    // ---- framework ----------------------------------------------------------------------------

    void check_framework_header() {
        if (find(entities_, fw_.nation) == none) {
            error(diagnostic_code::unknown_reference, "/framework/nation",
                  "framework nation " + quote_id(fw_.nation) +
                      " names no entity; add an entity with that id (level nation)");
        }
    }

    void check_pillars() {
        std::unordered_map<int, std::size_t> seen;
        for (std::size_t i = 0; i < fw_.pillars.size(); ++i) {
            const auto [it, fresh] = seen.emplace(static_cast<int>(fw_.pillars[i].id), i);
            if (!fresh) {
                const auto name = boost::describe::enum_to_string(fw_.pillars[i].id, "?");
                error(diagnostic_code::duplicate_id, at("/framework/pillars", i) + "/id",
                      std::string("pillar ") + quote_id(name) + " is described twice (first at /framework/pillars/" +
                          std::to_string(it->second) + ")");
            }
        }
    }

    void check_nodes() {
        const std::size_t n = fw_.nodes.size();
        // Parent links between nodes; everything that is not a valid link to another node is
        // reported per node below.
        std::vector<std::size_t> parent(n, none);
        for (std::size_t i = 0; i < n; ++i) {
            if (!fw_.nodes[i].parent) continue;
            if (const tree_ref* r = find_tree(*fw_.nodes[i].parent); r != nullptr && r->is_node)
                parent[i] = r->position;
        }
        // A node reported as the first member of a cycle: index -> cycle.
        std::unordered_map<std::size_t, cycle> cycle_at;
        for (auto& c : parent_cycles(parent)) {
            const std::size_t first = c.front();
            cycle_at.emplace(first, std::move(c));
        }

        // Children of each node: indicators and nodes whose parent it is.
        std::vector<std::size_t> child_count(n, 0);
        std::vector<double> weight_sum(n, 0.0);
        std::vector<bool> positive_child(n, false);
        auto add_child = [&](std::size_t p, double w) {
            ++child_count[p];
            if (std::isfinite(w)) weight_sum[p] += w;
            if (std::isfinite(w) && w > 0) positive_child[p] = true;
        };
        for (std::size_t i = 0; i < n; ++i) {
            if (parent[i] != none && parent[i] != i) add_child(parent[i], fw_.nodes[i].weight);
        }
        for (const auto& ind : fw_.indicators) {
            if (!ind.parent) continue;
            if (const tree_ref* r = find_tree(*ind.parent); r != nullptr && r->is_node)
                add_child(r->position, ind.weight);
        }

        for (std::size_t i = 0; i < n; ++i) {
            const node& nd = fw_.nodes[i];
            const std::string base = at("/framework/nodes", i);
            if (child_count[i] > 0 && !positive_child[i]) {
                error(diagnostic_code::zero_weight_sum, base,
                      "node " + quote_id(nd.id) + " has " + std::to_string(child_count[i]) +
                          (child_count[i] == 1 ? " child" : " children") + ", none with a positive weight (sum " +
                          number_text(weight_sum[i]) + "), so its value cannot be aggregated");
            }
            check_tree_id(nd.id, tree_ref{true, i}, base + "/id");
            if (nd.parent) {
                const std::string path = base + "/parent";
                const tree_ref* r = find_tree(*nd.parent);
                if (r == nullptr) {
                    error(diagnostic_code::unknown_reference, path,
                          "node " + quote_id(nd.id) + " has parent " + quote_id(*nd.parent) + ", which does not exist");
                } else if (!r->is_node) {
                    error(diagnostic_code::hierarchy_cycle, path,
                          "node " + quote_id(nd.id) + " has parent " + quote_id(*nd.parent) +
                              ", which is an indicator (" + tree_path(*r) + "); only nodes can have children");
                } else if (const auto c = cycle_at.find(i); c != cycle_at.end()) {
                    report_cycle(
                        "node", c->second, [&](std::size_t k) -> const std::string& { return fw_.nodes[k].id; }, path);
                }
            }
            if (finite(nd.weight, base + "/weight", "weight of node " + quote_id(nd.id)) && nd.weight < 0) {
                error(diagnostic_code::negative_weight, base + "/weight",
                      "node " + quote_id(nd.id) + " has weight " + number_text(nd.weight) +
                          "; weights must be 0 or more");
            }
            finite(nd.aggregation_parameter, base + "/aggregation_parameter",
                   "aggregation_parameter of node " + quote_id(nd.id));
        }
    }

    template <class IdOf>
    void report_cycle(const char* kind, const cycle& c, IdOf id_of, const std::string& path) {
        std::string chain;
        for (std::size_t k : c)
            chain += quote_id(id_of(k)) + " -> ";
        chain += quote_id(id_of(c.front()));
        const std::string& first = id_of(c.front());
        if (c.size() == 1) {
            error(diagnostic_code::hierarchy_cycle, path,
                  std::string(kind) + " " + quote_id(first) + " is its own parent");
        } else {
            error(diagnostic_code::hierarchy_cycle, path,
                  std::string(kind) + " " + quote_id(first) + " is its own ancestor: " + chain);
        }
    }

    /// Reports a node or indicator whose id was already used by an earlier node or indicator.
    void check_tree_id(const std::string& id, tree_ref self, const std::string& path) {
        const tree_ref* first = find_tree(id);
        if (first == nullptr || (first->is_node == self.is_node && first->position == self.position)) return;
        error(diagnostic_code::duplicate_id, path,
              std::string(self.is_node ? "node" : "indicator") + " id " + quote_id(id) + " is already used by the " +
                  (first->is_node ? "node" : "indicator") + " at " + tree_path(*first) +
                  " (nodes and indicators share one id space)");
    }

    template <class T>
    void check_plain_id(const std::unordered_map<std::string_view, std::size_t>& map, const std::vector<T>& items,
                        std::size_t i, const std::string& section, const char* kind) {
        const std::size_t first = find(map, items[i].id);
        if (first == i || first == none) return;
        error(diagnostic_code::duplicate_id, at(section, i) + "/id",
              std::string(kind) + " id " + quote_id(items[i].id) + " is already used by the " + kind + " at " +
                  at(section, first));
    }

    void check_indicators() {
        if (fw_.indicators.empty()) {
            error(diagnostic_code::empty_framework, "/framework/indicators",
                  "framework " + quote_id(fw_.id) + " has no indicators, so nothing can be measured or assessed");
        }
        usable_bounds_.assign(fw_.indicators.size(), true);
        for (std::size_t i = 0; i < fw_.indicators.size(); ++i) {
            const indicator& ind = fw_.indicators[i];
            const std::string base = at("/framework/indicators", i);
            check_tree_id(ind.id, tree_ref{false, i}, base + "/id");
            if (ind.parent) {
                const std::string path = base + "/parent";
                const tree_ref* r = find_tree(*ind.parent);
                if (r == nullptr) {
                    error(diagnostic_code::unknown_reference, path,
                          "indicator " + quote_id(ind.id) + " has parent " + quote_id(*ind.parent) +
                              ", which does not exist");
                } else if (!r->is_node) {
                    const bool self = r->position == i;
                    error(diagnostic_code::hierarchy_cycle, path,
                          self ? "indicator " + quote_id(ind.id) + " is its own parent"
                               : "indicator " + quote_id(ind.id) + " has parent " + quote_id(*ind.parent) +
                                     ", which is an indicator (" + tree_path(*r) + "); only nodes can have children");
                }
            }
            const bool min_ok = finite(ind.minimum, base + "/minimum", "minimum of indicator " + quote_id(ind.id));
            const bool max_ok = finite(ind.maximum, base + "/maximum", "maximum of indicator " + quote_id(ind.id));
            if ((ind.minimum && !min_ok) || (ind.maximum && !max_ok)) usable_bounds_[i] = false;
            if (min_ok && max_ok && *ind.minimum > *ind.maximum) {
                error(diagnostic_code::invalid_bounds, base + "/minimum",
                      "indicator " + quote_id(ind.id) + " has minimum " + number_text(*ind.minimum) +
                          " above its maximum " + number_text(*ind.maximum));
                usable_bounds_[i] = false;
            } else if (usable_bounds_[i]) {
                // One explicit bound can still clash with the one the unit implies (a percent
                // indicator with maximum -5).
                const value_bounds b = effective_bounds(ind);
                if (b.minimum && b.maximum && *b.minimum > *b.maximum) {
                    const auto unit_name = std::string(boost::describe::enum_to_string(ind.unit, "?"));
                    if (ind.maximum) {
                        error(diagnostic_code::invalid_bounds, base + "/maximum",
                              "indicator " + quote_id(ind.id) + " has maximum " + number_text(*ind.maximum) +
                                  " below the minimum " + number_text(*b.minimum) + " implied by unit " + unit_name);
                    } else {
                        error(diagnostic_code::invalid_bounds, base + "/minimum",
                              "indicator " + quote_id(ind.id) + " has minimum " + number_text(*b.minimum) +
                                  " above the maximum " + number_text(*b.maximum) + " implied by unit " + unit_name);
                    }
                    usable_bounds_[i] = false;
                }
            }
            if (finite(ind.weight, base + "/weight", "weight of indicator " + quote_id(ind.id)) && ind.weight < 0) {
                error(diagnostic_code::negative_weight, base + "/weight",
                      "indicator " + quote_id(ind.id) + " has weight " + number_text(ind.weight) +
                          "; weights must be 0 or more");
            }
        }
    }

    /// Checks `v` against the bounds of `ind` (when they are usable); reports at `path`.
    void check_bounds(const indicator* ind, double v, const std::string& path, const std::string& what) {
        if (ind == nullptr || !usable_bounds_[static_cast<std::size_t>(ind - fw_.indicators.data())]) return;
        const value_bounds b = effective_bounds(*ind);
        if (b.minimum && v < *b.minimum) {
            error(diagnostic_code::value_out_of_bounds, path,
                  what + " is below the minimum " + number_text(*b.minimum) + " of indicator " + quote_id(ind->id) +
                      bound_origin(*ind, ind->minimum.has_value()));
        } else if (b.maximum && v > *b.maximum) {
            error(diagnostic_code::value_out_of_bounds, path,
                  what + " is above the maximum " + number_text(*b.maximum) + " of indicator " + quote_id(ind->id) +
                      bound_origin(*ind, ind->maximum.has_value()));
        }
    }
    static std::string bound_origin(const indicator& ind, bool explicit_bound) {
        if (explicit_bound) return "";
        return " (implied by unit " + std::string(boost::describe::enum_to_string(ind.unit, "?")) + ")";
    }

    // ---- targets ------------------------------------------------------------------------------

    void check_targets() {
        for (std::size_t i = 0; i < fw_.targets.size(); ++i)
            check_target(i);
    }

    void check_target(std::size_t i) {
        const target& t = fw_.targets[i];
        const std::string base = at("/framework/targets", i);
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

        check_plain_id(targets_, fw_.targets, i, "/framework/targets", "target");
        const indicator* ind = resolve_indicator(t.indicator, base + "/indicator", who);
        if (t.entity) resolve_entity(*t.entity, base + "/entity", who);

        // /kind: the kinds that are a direction themselves, against the indicator's direction.
        if (ind != nullptr && ((t.kind == target_kind::increase && ind->direction == direction::lower_is_better) ||
                               (t.kind == target_kind::decrease && ind->direction == direction::higher_is_better))) {
            error(diagnostic_code::target_on_wrong_side_of_baseline, base + "/kind",
                  who + " asks indicator " + quote_id(ind->id) + " to " + kind_name + ", but it is " +
                      boost::describe::enum_to_string(ind->direction, "?") +
                      ": meeting the target means getting worse");
        }
        std::optional<diagnostic> side;
        if (ind != nullptr && baseline_ok && shape_ok && needs_value) side = compare_with_baseline(t, *ind, base, who);
        const bool side_at_upper = side && side->path == base + "/upper";

        // /value
        const std::string vpath = base + "/value";
        finite(t.value, vpath, "value of " + who);
        if (!t.value && needs_value) {
            error(diagnostic_code::invalid_target, vpath, who + " of kind " + kind_name + " has no value");
        } else if (t.value && !numeric) {
            error(diagnostic_code::invalid_target, vpath,
                  who + " of kind " + kind_name + " takes no value (any " +
                      (t.kind == target_kind::increase ? "rise above" : "fall below") +
                      " the baseline meets it), but has " + number_text(*t.value));
        }
        if (value_ok && numeric) {
            check_bounds(ind, *t.value, vpath, "target value " + number_text(*t.value) + " of " + who);
        }
        if (side && !side_at_upper) out_.push_back(std::move(*side));

        // /upper
        const std::string upath = base + "/upper";
        finite(t.upper, upath, "upper of " + who);
        if (t.kind == target_kind::within) {
            if (!t.upper) {
                error(diagnostic_code::invalid_target, upath, who + " of kind within has no upper bound");
            } else if (upper_ok && value_ok && *t.value > *t.upper) {
                error(diagnostic_code::invalid_target, upath,
                      who + " has lower bound " + number_text(*t.value) + " above its upper bound " +
                          number_text(*t.upper));
            }
            if (upper_ok) check_bounds(ind, *t.upper, upath, "upper bound " + number_text(*t.upper) + " of " + who);
        } else if (t.upper) {
            error(diagnostic_code::invalid_target, upath,
                  who + " of kind " + kind_name + " has an upper bound (" + number_text(*t.upper) +
                      "); only kind within takes one");
        }
        if (side && side_at_upper) out_.push_back(std::move(*side));

        // /tolerance
        const std::string tpath = base + "/tolerance";
        finite(t.tolerance, tpath, "tolerance of " + who);
        if (t.tolerance && t.kind != target_kind::exactly) {
            error(diagnostic_code::invalid_target, tpath,
                  who + " of kind " + kind_name + " has a tolerance (" + number_text(*t.tolerance) +
                      "); only kind exactly takes one");
        } else if (tolerance_ok && *t.tolerance < 0) {
            error(diagnostic_code::invalid_target, tpath,
                  who + " has tolerance " + number_text(*t.tolerance) + "; a tolerance must be 0 or more");
        }

        // /deadline
        if (t.baseline && t.deadline <= t.baseline->date) {
            error(diagnostic_code::deadline_before_baseline, base + "/deadline",
                  who + " has deadline " + t.deadline.to_string() + ", not after its baseline date " +
                      t.baseline->date.to_string());
        }
        // /baseline/value
        if (t.baseline) {
            const std::string bpath = base + "/baseline/value";
            finite(t.baseline->value, bpath, "baseline value of " + who);
            if (baseline_ok) {
                check_bounds(ind, t.baseline->value, bpath,
                             "baseline value " + number_text(t.baseline->value) + " of " + who);
            }
        }
        // /milestones
        for (std::size_t k = 0; k < t.milestones.size(); ++k) {
            const milestone& m = t.milestones[k];
            const std::string mpath = at(base + "/milestones", k);
            const std::string mdate = m.date.to_string();
            const std::string name = "milestone " + std::to_string(k) + " of " + who;
            if (k > 0 && m.date <= t.milestones[k - 1].date) {
                error(diagnostic_code::milestone_out_of_order, mpath + "/date",
                      name + " is dated " + mdate + ", not after milestone " + std::to_string(k - 1) + " (" +
                          t.milestones[k - 1].date.to_string() + ")");
            } else if (t.baseline && m.date < t.baseline->date) {
                error(diagnostic_code::milestone_out_of_order, mpath + "/date",
                      name + " is dated " + mdate + ", before the baseline date " + t.baseline->date.to_string());
            } else if (m.date > t.deadline) {
                error(diagnostic_code::milestone_out_of_order, mpath + "/date",
                      name + " is dated " + mdate + ", after the deadline " + t.deadline.to_string());
            }
            if (finite(m.value, mpath + "/value", "value of " + name)) {
                check_bounds(ind, m.value, mpath + "/value", "value " + number_text(m.value) + " of " + name);
            }
        }
        // /source
        check_source(t.source, base + "/source", who);
    }

    static bool is_finite(const std::optional<double>& v) noexcept { return v && std::isfinite(*v); }

    /// Target value vs baseline, by kind and direction. A baseline that already meets the target
    /// is a warning (the target is achieved the day it is set); a target that can only be met by
    /// moving the indicator in its worse direction is an error. Nothing for a target that asks
    /// for movement in the indicator's better direction.
    std::optional<diagnostic> compare_with_baseline(const target& t, const indicator& ind, const std::string& base,
                                                    const std::string& who) const {
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

    static bool blank(const std::string& text) noexcept {
        return text.find_first_not_of(" \t\r\n") == std::string::npos;
    }

    void check_source(const std::optional<source>& s, const std::string& path, const std::string& who) {
        if (!options_.report_missing_sources) return;
        if (!s) {
            report(severity::info, diagnostic_code::missing_source, path, who + " cites no source");
        } else if (blank(s->reference)) {
            report(severity::info, diagnostic_code::missing_source, path + "/reference",
                   who + " has a source with an empty reference");
        }
    }

    // ---- tasks --------------------------------------------------------------------------------

    void check_tasks() {
        for (std::size_t i = 0; i < fw_.tasks.size(); ++i) {
            const task& tk = fw_.tasks[i];
            const std::string base = at("/framework/tasks", i);
            const std::string who = "task " + quote_id(tk.id);
            check_plain_id(tasks_, fw_.tasks, i, "/framework/tasks", "task");
            resolve_entity(tk.owner, base + "/owner", who + " owner");
            if (tk.completed && tk.status != task_status::done) {
                error(diagnostic_code::invalid_task, base + "/status",
                      who + " has status " + boost::describe::enum_to_string(tk.status, "?") +
                          " but a completed date (" + tk.completed->to_string() +
                          "); set status done or remove the date");
            } else if (!tk.completed && tk.status == task_status::done) {
                error(diagnostic_code::invalid_task, base + "/completed",
                      who + " has status done but no completed date");
            }
            for (std::size_t k = 0; k < tk.targets.size(); ++k) {
                if (find(targets_, tk.targets[k]) == none) {
                    error(diagnostic_code::unknown_reference, at(base + "/targets", k),
                          who + " names target " + quote_id(tk.targets[k]) + ", which does not exist");
                }
            }
            for (std::size_t k = 0; k < tk.indicators.size(); ++k) {
                resolve_indicator(tk.indicators[k], at(base + "/indicators", k), who);
            }
        }
    }

    // ---- entities -----------------------------------------------------------------------------

    void check_entities() {
        const auto& es = ds_.entities;
        const std::size_t n = es.size();
        std::vector<std::size_t> parent(n, none);
        for (std::size_t i = 0; i < n; ++i) {
            if (es[i].parent) parent[i] = find(entities_, *es[i].parent);
        }
        std::unordered_map<std::size_t, cycle> parent_cycle_at;
        for (auto& c : parent_cycles(parent)) {
            const std::size_t first = c.front();
            parent_cycle_at.emplace(first, std::move(c));
        }
        // Succession edges: successor -> each predecessor (self links are reported on their own).
        std::vector<std::vector<std::size_t>> edges(n);
        for (std::size_t i = 0; i < n; ++i) {
            for (const auto& p : es[i].successor_of) {
                const std::size_t j = find(entities_, p);
                if (j != none && j != i) edges[i].push_back(j);
            }
        }
        const auto components = cyclic_components(edges);
        std::vector<std::size_t> component_of(n, none);
        for (std::size_t c = 0; c < components.size(); ++c) {
            for (std::size_t m : components[c])
                component_of[m] = c;
        }

        for (std::size_t i = 0; i < n; ++i) {
            const entity& e = es[i];
            const std::string base = at("/entities", i);
            const std::string who = "entity " + quote_id(e.id);
            check_plain_id(entities_, es, i, "/entities", "entity");
            if (e.parent) {
                if (parent[i] == none) {
                    error(diagnostic_code::unknown_reference, base + "/parent",
                          who + " has parent " + quote_id(*e.parent) + ", which does not exist");
                } else if (const auto c = parent_cycle_at.find(i); c != parent_cycle_at.end()) {
                    report_cycle(
                        "entity", c->second, [&](std::size_t k) -> const std::string& { return es[k].id; },
                        base + "/parent");
                }
            }
            bool cycle_reported = false;
            for (std::size_t k = 0; k < e.successor_of.size(); ++k) {
                const std::string& pid = e.successor_of[k];
                const std::string path = at(base + "/successor_of", k);
                const std::size_t j = find(entities_, pid);
                if (j == none) {
                    error(diagnostic_code::unknown_reference, path,
                          who + " is successor of " + quote_id(pid) + ", which does not exist");
                    continue;
                }
                if (j == i || pid == e.id) {
                    error(diagnostic_code::invalid_succession, path, who + " is listed as its own predecessor");
                    continue;
                }
                bool repeated = false;
                for (std::size_t q = 0; q < k; ++q)
                    repeated = repeated || e.successor_of[q] == pid;
                if (repeated) {
                    error(diagnostic_code::invalid_succession, path,
                          who + " lists predecessor " + quote_id(pid) + " more than once");
                    continue;
                }
                const std::size_t c = component_of[i];
                if (c != none && component_of[j] == c) {
                    if (!cycle_reported && components[c].front() == i) {
                        cycle_reported = true;
                        report_succession_cycle(i, j, components[c], edges, path);
                    }
                    continue;  // dates along a cycle cannot all be in order; the cycle says it all
                }
                if (e.effective && es[j].effective && !(*es[j].effective < *e.effective)) {
                    error(diagnostic_code::invalid_succession, path,
                          who + " (effective " + e.effective->to_string() + ") succeeds " + quote_id(pid) +
                              ", which only came into being on " + es[j].effective->to_string());
                }
            }
            if (!e.successor_of.empty() && !e.effective) {
                error(diagnostic_code::invalid_succession, base + "/effective",
                      who + " is successor of " + list_ids(e.successor_of) + " but has no effective date");
            }
        }
    }

    static std::string list_ids(const std::vector<std::string>& ids) {
        std::string s;
        for (const auto& id : ids)
            s += (s.empty() ? "" : ", ") + quote_id(id);
        return s;
    }

    /// Reports the succession cycle through `first` (the component's first member), found by a
    /// breadth-first search inside the component from the edge first -> next back to first.
    void report_succession_cycle(std::size_t first, std::size_t next, const std::vector<std::size_t>& component,
                                 const std::vector<std::vector<std::size_t>>& edges, const std::string& path) {
        const auto& es = ds_.entities;
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
        for (std::size_t at_ = came_from[first]; at_ != first && at_ != none; at_ = came_from[at_])
            chain.push_back(at_);
        // chain = first, then back-pointers: reverse all but the first to get the forward order.
        std::reverse(chain.begin() + 1, chain.end());
        std::string text;
        for (std::size_t m : chain)
            text += quote_id(es[m].id) + " succeeds ";
        text += quote_id(es[first].id);
        error(diagnostic_code::successor_cycle, path,
              "entity " + quote_id(es[first].id) + " succeeds itself through mergers: " + text);
    }

    // ---- observations -------------------------------------------------------------------------

    std::uint32_t intern(std::unordered_map<std::string_view, std::uint32_t>& table, std::string_view id) {
        if (const auto it = table.find(id); it != table.end()) return it->second;
        const auto n = static_cast<std::uint32_t>(table.size());
        table.emplace(id, n);
        return n;
    }

    void check_observations() {
        const auto& obs = ds_.observations;
        std::unordered_map<std::string_view, std::uint32_t> entity_ids, indicator_ids;
        std::unordered_map<observation_key, std::size_t, observation_key_hash> first_seen;
        first_seen.reserve(obs.size());
        std::vector<std::optional<double>> values;  // effective values, for comparing duplicates
        values.reserve(obs.size());
        for (std::size_t i = 0; i < obs.size(); ++i) {
            const observation& o = obs[i];
            // Strings are built only when something is reported: a clean observation costs a few
            // hash look-ups and no allocation beyond the duplicate table.
            const auto path = [i](const char* member) {
                std::string p = "/observations/" + std::to_string(i);
                if (*member != '\0') (p += '/') += member;
                return p;
            };
            const auto who = [&o] {
                return "observation of " + quote_id(o.indicator) + " for " + quote_id(o.entity) + " at " +
                       o.date.to_string();
            };
            const auto non_finite = [&](const std::optional<double>& v, const char* member) {
                if (v && !std::isfinite(*v)) {
                    error(diagnostic_code::non_finite_value, path(member),
                          std::string(member) + " of " + who() + " is " + number_text(*v) + ", not a finite number");
                }
            };

            const observation_key key{intern(entity_ids, o.entity), intern(indicator_ids, o.indicator),
                                      o.date.days_since_epoch(), o.out_of.has_value(), o.out_of.value_or(0.0)};
            const auto inserted = first_seen.emplace(key, i);
            const bool fresh = inserted.second;
            const std::size_t first = inserted.first->second;  // i itself when fresh
            const tree_ref* tr = find_tree(o.indicator);
            const indicator* ind = tr != nullptr && !tr->is_node ? &fw_.indicators[tr->position] : nullptr;

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
            values.push_back(effective);
            // Duplicate or conflict: decided now, reported in the slot of the member it concerns.
            // A plain bool + double rather than an optional copy: GCC 12 at -O2 reports a false
            // -Wmaybe-uninitialized on copies of std::optional<double>.
            const bool has_earlier = !fresh && values[first].has_value();
            const double earlier = has_earlier ? *values[first] : 0.0;
            const bool duplicate = effective && has_earlier && earlier == *effective;
            const bool conflict = effective && has_earlier && !duplicate;
            const auto first_path = [first] { return "/observations/" + std::to_string(first); };

            if (duplicate) {
                report(severity::warning, diagnostic_code::duplicate_observation, path(""),
                       who() + " repeats " + first_path() + " (same value " + number_text(*effective) + ")");
            }
            if (find(entities_, o.entity) == none) {
                error(diagnostic_code::unknown_reference, path("entity"),
                      "observation names entity " + quote_id(o.entity) + ", which does not exist");
            }
            if (ind == nullptr) resolve_indicator(o.indicator, path("indicator"), "observation");

            // /value
            non_finite(o.value, "value");
            if (o.value && has_ratio) {
                error(diagnostic_code::ambiguous_value, path("value"),
                      who() + " gives both a value (" + number_text(*o.value) +
                          ") and a numerator/denominator; give one");
            } else if (!o.value && !has_ratio) {
                error(diagnostic_code::ambiguous_value, path("value"),
                      who() + " gives neither a value nor a numerator and denominator");
            }
            if (value_ok && out_of_bounds(ind, *o.value)) {
                check_bounds(ind, *o.value, path("value"), "value " + number_text(*o.value) + " of " + who());
            } else if (value_ok && !has_ratio) {
                check_rank(o, ind, *o.value, path("value"), who);
            }
            if (conflict && o.value) report_conflict(path("value"), who(), *effective, first_path(), earlier, o.out_of);

            if (o.value) {
                // A ratio next to a value was reported as ambiguous; only its finiteness is left.
                non_finite(o.numerator, "numerator");
                non_finite(o.denominator, "denominator");
                check_out_of(o, ind, path, who);
                check_source(o.source, i, who);
                continue;
            }

            // /numerator
            non_finite(o.numerator, "numerator");
            if (!o.numerator && o.denominator) {
                error(diagnostic_code::ambiguous_value, path("numerator"),
                      who() + " has a denominator (" + number_text(*o.denominator) + ") but no numerator");
            }
            const bool share = ind == nullptr || ind->unit == unit::percent || ind->unit == unit::boolean;
            const auto ratio_text = [&] { return number_text(*o.numerator) + "/" + number_text(*o.denominator); };
            if (num_ok && den_ok && *o.denominator > 0) {
                if (share && *o.numerator > *o.denominator) {
                    error(diagnostic_code::numerator_exceeds_denominator, path("numerator"),
                          who() + " reports " + ratio_text() + ": the numerator " + number_text(*o.numerator) +
                              " exceeds the denominator " + number_text(*o.denominator));
                } else if (ratio_overflows) {
                    error(diagnostic_code::non_finite_value, path("numerator"),
                          who() + " reports " + ratio_text() + ", which is beyond the range of a double");
                } else if (effective && out_of_bounds(ind, *effective)) {
                    check_bounds(ind, *effective, path("numerator"),
                                 "value " + ratio_text() + " = " + number_text(*effective) + " of " + who());
                } else if (effective) {
                    check_rank(o, ind, *effective, path("numerator"), who);
                }
            }
            if (conflict) report_conflict(path("numerator"), who(), *effective, first_path(), earlier, o.out_of);

            // /denominator
            non_finite(o.denominator, "denominator");
            if (o.numerator && !o.denominator) {
                error(diagnostic_code::ambiguous_value, path("denominator"),
                      who() + " has a numerator (" + number_text(*o.numerator) + ") but no denominator");
            }
            if (den_ok && !(*o.denominator > 0)) {
                error(diagnostic_code::non_positive_denominator, path("denominator"),
                      who() + " has denominator " + number_text(*o.denominator) + "; it must be greater than 0");
            }
            check_out_of(o, ind, path, who);
            check_source(o.source, i, who);
        }
    }

    /// True when `out_of` is present and usable as a ranking's size: a whole number of 1 or more.
    static bool usable_out_of(const std::optional<double>& out_of) noexcept {
        return out_of && std::isfinite(*out_of) && *out_of >= 1 && std::floor(*out_of) == *out_of;
    }

    /// /out_of: a whole number of 1 or more, on a rank indicator.
    template <class Path, class Who>
    void check_out_of(const observation& o, const indicator* ind, const Path& path, const Who& who) {
        if (!o.out_of) return;
        const double n = *o.out_of;
        if (!std::isfinite(n)) {
            error(diagnostic_code::non_finite_value, path("out_of"),
                  "out_of of " + who() + " is " + number_text(n) + ", not a finite number");
        } else if (!usable_out_of(o.out_of)) {
            error(diagnostic_code::invalid_out_of, path("out_of"),
                  who() + " has out_of " + number_text(n) +
                      "; the size of a ranking must be a whole number of 1 or more");
        }
        if (ind != nullptr && ind->unit != unit::rank) {
            error(diagnostic_code::out_of_on_non_rank, path("out_of"),
                  who() + " has out_of " + number_text(n) + ", but indicator " + quote_id(ind->id) + " has unit " +
                      boost::describe::enum_to_string(ind->unit, "?") +
                      ", not rank; out_of says which ranking a rank belongs to (a count of a total is a "
                      "numerator and denominator)");
        }
    }

    /// A rank with a usable `out_of` must be a place in that ranking: 1 to out_of, whole.
    /// Called when the value is within the indicator's bounds (those were reported otherwise).
    template <class Who>
    void check_rank(const observation& o, const indicator* ind, double rank, const std::string& path, const Who& who) {
        if (ind == nullptr || ind->unit != unit::rank || !usable_out_of(o.out_of)) return;
        const double n = *o.out_of;
        if (rank < 1) {
            error(diagnostic_code::rank_outside_ranking, path,
                  "rank " + number_text(rank) + " of " + who() + " is below 1, the first place of its ranking of " +
                      number_text(n));
        } else if (rank > n) {
            error(
                diagnostic_code::rank_outside_ranking, path,
                "rank " + number_text(rank) + " of " + who() + " is larger than its ranking's size " + number_text(n));
        } else if (std::floor(rank) != rank) {
            report(severity::warning, diagnostic_code::rank_outside_ranking, path,
                   "rank " + number_text(rank) + " of " + who() + " is not a whole number (a place in a ranking of " +
                       number_text(n) + " is 1, 2, 3, ...)");
        }
    }

    /// True when `v` lies outside the usable bounds of `ind` (cheap test before building messages).
    bool out_of_bounds(const indicator* ind, double v) const {
        if (ind == nullptr || !usable_bounds_[static_cast<std::size_t>(ind - fw_.indicators.data())]) return false;
        const value_bounds b = effective_bounds(*ind);
        return (b.minimum && v < *b.minimum) || (b.maximum && v > *b.maximum);
    }

    template <class Who>
    void check_source(const std::optional<source>& s, std::size_t i, const Who& who) {
        if (!options_.report_missing_sources || (s && !blank(s->reference))) return;
        check_source(s, "/observations/" + std::to_string(i) + "/source", who());
    }

    void report_conflict(const std::string& path, const std::string& who, double value, const std::string& first_path,
                         double first_value, const std::optional<double>& out_of) {
        error(diagnostic_code::conflicting_observations, path,
              who + " has value " + number_text(value) + ", but " + first_path + " reports " +
                  number_text(first_value) + " for the same entity, indicator and date" +
                  (out_of ? " in the same ranking (out_of " + number_text(*out_of) + ")" : std::string()));
    }

    const dataset& ds_;
    const framework& fw_;
    validate_options options_;
    std::vector<diagnostic> out_;
    std::unordered_map<std::string_view, tree_ref> tree_;
    std::unordered_map<std::string_view, std::size_t> targets_, tasks_, entities_;
    std::vector<bool> usable_bounds_;  // per indicator: bounds are finite and consistent
};

}  // namespace detail::validation

DXFRAME_DECL std::vector<diagnostic> validate(const dataset& ds, const validate_options& options) {
    return detail::validation::validator(ds, options).run();
}

}  // namespace dxframe
