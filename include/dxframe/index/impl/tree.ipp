// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/tree.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/model/framework.hpp>

namespace dxframe {

DXFRAME_DECL std::optional<std::size_t> index_tree::find(const std::string& id) const {
    const auto it = ids_.find(id);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
}

DXFRAME_DECL std::optional<std::size_t> index_tree::find_indicator(const std::string& id) const {
    const auto e = find(id);
    if (!e || !is_indicator(*e)) return std::nullopt;
    return *e;
}

DXFRAME_DECL std::optional<std::size_t> index_tree::find_node(const std::string& id) const {
    const auto e = find(id);
    if (!e || is_indicator(*e)) return std::nullopt;
    return *e - indicators_.size();
}

DXFRAME_DECL std::vector<double> index_tree::weights() const {
    std::vector<double> w(element_count());
    for (std::size_t i = 0; i < indicators_.size(); ++i)
        w[i] = indicators_[i].weight;
    for (std::size_t j = 0; j < nodes_.size(); ++j)
        w[indicators_.size() + j] = nodes_[j].weight;
    return w;
}

DXFRAME_DECL std::vector<double> index_tree::effective_weights(const std::vector<double>& weights) const {
    if (weights.size() != element_count()) throw error("effective_weights: one weight per element expected");
    const std::size_t ni = indicators_.size();
    std::vector<double> share(element_count(), 0.0);
    for (std::size_t j = 0; j < nodes_.size(); ++j) {
        const auto [b, e] = children(j);
        double sum = 0.0;
        for (auto it = b; it != e; ++it)
            sum += weights[*it];
        for (auto it = b; it != e; ++it)
            share[*it] = sum > 0 ? weights[*it] / sum : 0.0;
    }
    std::vector<double> eff(element_count(), 0.0);
    // Nodes from the root down (reverse level order), then indicators.
    eff[ni + root()] = 1.0;
    for (std::size_t j = nodes_.size(); j-- > 0;) {
        if (j == root()) continue;
        eff[ni + j] = share[ni + j] * eff[ni + parent_[ni + j]];
    }
    for (std::size_t i = 0; i < ni; ++i)
        eff[i] = share[i] * eff[ni + parent_[i]];
    return eff;
}

namespace detail {

/// build_tree's access to index_tree's internals.
struct tree_access {
    static std::vector<tree_indicator>& indicators(index_tree& t) { return t.indicators_; }
    static std::vector<tree_node>& nodes(index_tree& t) { return t.nodes_; }
    static std::vector<int>& levels(index_tree& t) { return t.level_; }
    static std::vector<std::size_t>& parents(index_tree& t) { return t.parent_; }
    static std::vector<std::size_t>& offsets(index_tree& t) { return t.child_offset_; }
    static std::vector<std::size_t>& children(index_tree& t) { return t.children_; }
    static std::unordered_map<std::string, std::size_t>& ids(index_tree& t) { return t.ids_; }
};

}  // namespace detail

namespace detail {

inline diagnostic tree_diag(severity sev, diagnostic_code code, const std::string& path,
                            std::optional<std::size_t> line, std::string message) {
    diagnostic d;
    d.severity = sev;
    d.code = code;
    d.path = path;
    d.line = line;
    d.message = std::move(message);
    return d;
}

}  // namespace detail

DXFRAME_DECL tree_build_result build_tree(std::vector<tree_indicator> indicators, std::vector<tree_node> nodes,
                                          const tree_options& options) {
    tree_build_result result;
    auto& diags = result.diagnostics;
    auto err = [&](diagnostic_code code, const std::string& path, std::optional<std::size_t> line, std::string msg) {
        diags.push_back(detail::tree_diag(severity::error, code, path, line, std::move(msg)));
    };

    if (indicators.empty()) {
        err(diagnostic_code::empty_framework, "", std::nullopt, "the index has no indicators");
        return result;
    }
    // Ids: unique across indicators and nodes.
    std::unordered_map<std::string, std::size_t> where;  // id -> element ref in input numbering
    const std::size_t ni = indicators.size();
    auto check_id = [&](const std::string& id, std::size_t ref, const std::string& path,
                        std::optional<std::size_t> line) {
        if (id.empty()) {
            err(diagnostic_code::missing_required_field, path, line, "an element has an empty id");
            return;
        }
        if (!where.emplace(id, ref).second) err(diagnostic_code::duplicate_id, path, line, "duplicate id '" + id + "'");
    };
    for (std::size_t i = 0; i < ni; ++i)
        check_id(indicators[i].id, i, indicators[i].path, indicators[i].line);
    for (std::size_t j = 0; j < nodes.size(); ++j)
        check_id(nodes[j].id, ni + j, nodes[j].path, nodes[j].line);
    auto check_weight = [&](double w, const std::string& id, const std::string& path, std::optional<std::size_t> line) {
        if (!std::isfinite(w)) {
            err(diagnostic_code::non_finite_value, path, line, "weight of '" + id + "' is not a finite number");
        } else if (w < 0) {
            err(diagnostic_code::negative_weight, path, line,
                "weight of '" + id + "' is negative (" + detail::index_num(w) + ")");
        }
    };
    for (const auto& ind : indicators)
        check_weight(ind.weight, ind.id, ind.path, ind.line);
    for (const auto& nd : nodes)
        check_weight(nd.weight, nd.id, nd.path, nd.line);
    for (const auto& nd : nodes) {
        if (nd.method) {
            if (nd.method->method == aggregation::generalised_mean &&
                (!std::isfinite(nd.method->p) || nd.method->p == 0.0)) {
                err(diagnostic_code::invalid_input_for_method, nd.path, nd.line,
                    "node '" + nd.id + "': the generalised mean needs a finite p != 0");
            }
        }
    }
    if (has_errors(diags)) return result;

    // Parents (input numbering; npos = top level).
    const std::size_t none = index_tree::npos;
    std::vector<std::size_t> parent(ni + nodes.size(), none);
    auto resolve = [&](const std::optional<std::string>& p, const std::string& id, const std::string& path,
                       std::optional<std::size_t> line) -> std::size_t {
        if (!p) return none;
        const auto it = where.find(*p);
        if (it == where.end()) {
            err(diagnostic_code::unknown_reference, path, line, "parent '" + *p + "' of '" + id + "' does not exist");
            return none;
        }
        if (it->second < ni) {
            err(diagnostic_code::unknown_reference, path, line,
                "parent '" + *p + "' of '" + id + "' is an indicator, not a node");
            return none;
        }
        return it->second;
    };
    for (std::size_t i = 0; i < ni; ++i)
        parent[i] = resolve(indicators[i].parent, indicators[i].id, indicators[i].path, indicators[i].line);
    for (std::size_t j = 0; j < nodes.size(); ++j)
        parent[ni + j] = resolve(nodes[j].parent, nodes[j].id, nodes[j].path, nodes[j].line);
    if (has_errors(diags)) return result;

    // Cycles among nodes: follow parents; a chain longer than the node count loops.
    for (std::size_t j = 0; j < nodes.size(); ++j) {
        std::size_t at = ni + j;
        std::size_t steps = 0;
        while (at != none && steps <= nodes.size()) {
            at = parent[at];
            ++steps;
        }
        if (at != none) {
            err(diagnostic_code::hierarchy_cycle, nodes[j].path, nodes[j].line,
                "node '" + nodes[j].id + "' is its own ancestor");
        }
    }
    if (has_errors(diags)) return result;

    // Drop childless nodes (repeatedly: dropping one can leave its parent empty).
    std::vector<bool> alive(nodes.size(), true);
    for (bool changed = true; changed;) {
        changed = false;
        std::vector<std::size_t> kids(nodes.size(), 0);
        for (std::size_t e = 0; e < parent.size(); ++e) {
            if (e >= ni && !alive[e - ni]) continue;
            if (parent[e] != none) ++kids[parent[e] - ni];
        }
        for (std::size_t j = 0; j < nodes.size(); ++j) {
            if (alive[j] && kids[j] == 0) {
                alive[j] = false;
                changed = true;
                diags.push_back(detail::tree_diag(
                    severity::warning, diagnostic_code::empty_framework, nodes[j].path, nodes[j].line,
                    "node '" + nodes[j].id + "' has no indicators below it; it is left out of the index"));
            }
        }
    }

    // Roots.
    std::vector<std::size_t> tops;
    for (std::size_t e = 0; e < parent.size(); ++e) {
        if (e >= ni && !alive[e - ni]) continue;
        if (parent[e] == none) tops.push_back(e);
    }
    const bool single_node_root = tops.size() == 1 && tops[0] >= ni;
    if (!single_node_root) {
        if (!options.add_root_if_needed) {
            err(diagnostic_code::invalid_metadata, "", std::nullopt,
                "the index needs exactly one root node; found " + std::to_string(tops.size()) + " top-level elements");
            return result;
        }
        if (where.count(options.root_id)) {
            err(diagnostic_code::duplicate_id, "", std::nullopt,
                "cannot add a root node '" + options.root_id + "' over the " + std::to_string(tops.size()) +
                    " top-level elements: the id is taken");
            return result;
        }
        tree_node root;
        root.id = options.root_id;
        root.name = options.root_name;
        nodes.push_back(root);
        alive.push_back(true);
        const std::size_t r = ni + nodes.size() - 1;
        parent.push_back(none);
        for (std::size_t e : tops)
            parent[e] = r;
        diags.push_back(detail::tree_diag(severity::info, diagnostic_code::invalid_metadata, "", std::nullopt,
                                          "added a root node '" + options.root_id + "' over the " +
                                              std::to_string(tops.size()) + " top-level elements"));
    }

    // Levels: indicators 1; a node one above its highest child. Nodes are few, so iterate to a fixpoint.
    const std::size_t nn = nodes.size();
    std::vector<int> lev(nn, 0);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t e = 0; e < parent.size(); ++e) {
            if (e >= ni && !alive[e - ni]) continue;
            if (parent[e] == none) continue;
            const int child_level = e < ni ? 1 : lev[e - ni];
            if (e >= ni && child_level == 0) continue;
            int& pl = lev[parent[e] - ni];
            if (pl < child_level + 1) {
                pl = child_level + 1;
                changed = true;
            }
        }
    }
    // Order of the surviving nodes: by level, then input order.
    std::vector<std::size_t> order;
    for (std::size_t j = 0; j < nn; ++j) {
        if (alive[j]) order.push_back(j);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lev[a] < lev[b]; });
    std::vector<std::size_t> new_index(nn, none);
    for (std::size_t k = 0; k < order.size(); ++k)
        new_index[order[k]] = k;

    index_tree tree;
    auto& t_ind = detail::tree_access::indicators(tree);
    auto& t_nodes = detail::tree_access::nodes(tree);
    auto& t_lev = detail::tree_access::levels(tree);
    auto& t_par = detail::tree_access::parents(tree);
    auto& t_off = detail::tree_access::offsets(tree);
    auto& t_kids = detail::tree_access::children(tree);
    auto& t_ids = detail::tree_access::ids(tree);
    t_ind = std::move(indicators);
    t_nodes.reserve(order.size());
    for (std::size_t j : order) {
        t_nodes.push_back(std::move(nodes[j]));
        t_lev.push_back(lev[j]);
    }
    const std::size_t nk = t_nodes.size();
    auto remap = [&](std::size_t e) -> std::size_t {  // input numbering -> tree numbering
        if (e == none) return none;
        return e < ni ? e : ni + new_index[e - ni];
    };
    t_par.assign(ni + nk, none);
    for (std::size_t i = 0; i < ni; ++i)
        t_par[i] = remap(parent[i]) - ni;
    for (std::size_t j : order) {
        const std::size_t p = parent[ni + j];
        t_par[ni + new_index[j]] = p == none ? none : new_index[p - ni];
    }
    // Children lists, in definition order (indicators first, then nodes, each in input order).
    std::vector<std::vector<std::size_t>> kids(nk);
    for (std::size_t i = 0; i < ni; ++i)
        kids[t_par[i]].push_back(i);
    for (std::size_t j : order) {
        const std::size_t p = parent[ni + j];
        if (p != none) kids[new_index[p - ni]].push_back(ni + new_index[j]);
    }
    t_off.assign(nk + 1, 0);
    for (std::size_t k = 0; k < nk; ++k) {
        t_off[k + 1] = t_off[k] + kids[k].size();
        t_kids.insert(t_kids.end(), kids[k].begin(), kids[k].end());
    }
    for (std::size_t e = 0; e < ni + nk; ++e)
        t_ids.emplace(tree.id(e), e);

    // Weight sums.
    for (std::size_t k = 0; k < nk; ++k) {
        double sum = 0.0;
        for (std::size_t c : kids[k])
            sum += c < ni ? t_ind[c].weight : t_nodes[c - ni].weight;
        if (!(sum > 0)) {
            err(diagnostic_code::zero_weight_sum, t_nodes[k].path, t_nodes[k].line,
                "the weights of the children of node '" + t_nodes[k].id + "' add up to zero");
        }
    }
    if (has_errors(diags)) return result;
    result.tree = std::move(tree);
    return result;
}

DXFRAME_DECL tree_build_result build_tree(const framework& fw, const framework_tree_options& options) {
    // Subtree selection: an element is kept when the root is on its chain of parents.
    std::unordered_map<std::string, const std::optional<std::string>*> node_parent;
    for (const auto& n : fw.nodes)
        node_parent.emplace(n.id, &n.parent);
    auto under_root = [&](const std::string& id, const std::optional<std::string>& parent) {
        if (!options.root) return true;
        if (id == *options.root) return true;
        const std::optional<std::string>* p = &parent;
        for (std::size_t steps = 0; *p && steps <= fw.nodes.size(); ++steps) {
            if (**p == *options.root) return true;
            const auto it = node_parent.find(**p);
            if (it == node_parent.end()) return false;
            p = it->second;
        }
        return false;
    };
    if (options.root && !node_parent.count(*options.root)) {
        tree_build_result r;
        r.diagnostics.push_back(detail::tree_diag(severity::error, diagnostic_code::unknown_reference,
                                                  "/framework/nodes", std::nullopt,
                                                  "no node '" + *options.root + "' to use as the root"));
        return r;
    }
    std::vector<tree_indicator> inds;
    inds.reserve(fw.indicators.size());
    for (std::size_t i = 0; i < fw.indicators.size(); ++i) {
        const indicator& src = fw.indicators[i];
        if (!under_root(src.id, src.parent)) continue;
        tree_indicator t;
        t.id = src.id;
        t.name = src.name.in(options.name_language);
        t.parent = src.parent;
        t.weight = src.weight;
        t.direction = src.direction;
        t.path = pointer_append("/framework/indicators", i);
        const value_bounds b = effective_bounds(src);
        t.parameters.goalpost_lower = b.minimum;
        t.parameters.goalpost_upper = b.maximum;
        std::optional<date> best;
        for (const auto& tg : fw.targets) {
            if (tg.indicator != src.id || !tg.value) continue;
            if (tg.entity && *tg.entity != fw.nation) continue;
            if (tg.kind != target_kind::at_least && tg.kind != target_kind::at_most &&
                tg.kind != target_kind::exactly) {
                continue;
            }
            if (!best || *best < tg.deadline) {
                best = tg.deadline;
                t.parameters.target = tg.value;
            }
        }
        inds.push_back(std::move(t));
    }
    std::vector<tree_node> nds;
    nds.reserve(fw.nodes.size());
    for (std::size_t j = 0; j < fw.nodes.size(); ++j) {
        const node& src = fw.nodes[j];
        if (!under_root(src.id, src.parent)) continue;
        tree_node t;
        t.id = src.id;
        t.name = src.name.in(options.name_language);
        t.parent = options.root && src.id == *options.root ? std::nullopt : src.parent;
        t.weight = src.weight;
        if (src.aggregation) t.method = aggregation_method{*src.aggregation, src.aggregation_parameter.value_or(1.0)};
        t.path = pointer_append("/framework/nodes", j);
        nds.push_back(std::move(t));
    }
    return build_tree(std::move(inds), std::move(nds), options.tree);
}

}  // namespace dxframe
