// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/framework_tree.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/model/framework.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/progress/framework_tree.hpp>

namespace dxframe {

DXFRAME_DECL framework_tree::framework_tree(const framework& fw) : fw_(fw) {
    for (std::size_t i = 0; i < fw.nodes.size(); ++i)
        node_at_.emplace(fw.nodes[i].id, i);
    for (std::size_t i = 0; i < fw.indicators.size(); ++i)
        indicator_at_.emplace(fw.indicators[i].id, i);
    node_children_.resize(fw.nodes.size());
    node_indicators_.resize(fw.nodes.size());
    for (std::size_t i = 0; i < fw.nodes.size(); ++i) {
        const auto p = parent_node(fw.nodes[i].parent);
        if (p) {
            node_children_[*p].push_back(i);
        } else {
            root_nodes_.push_back(i);
        }
    }
    for (std::size_t i = 0; i < fw.indicators.size(); ++i) {
        const auto p = parent_node(fw.indicators[i].parent);
        if (p) {
            node_indicators_[*p].push_back(i);
        } else {
            root_indicators_.push_back(i);
        }
    }
}

DXFRAME_DECL std::optional<std::size_t> framework_tree::indicator(const std::string& id) const {
    const auto it = indicator_at_.find(id);
    if (it == indicator_at_.end()) return std::nullopt;
    return it->second;
}

DXFRAME_DECL std::vector<std::size_t> framework_tree::ancestors(std::size_t indicator_index) const {
    std::vector<std::size_t> out;
    auto p = parent_node(fw_.indicators[indicator_index].parent);
    while (p && std::find(out.begin(), out.end(), *p) == out.end()) {
        out.push_back(*p);
        p = parent_node(fw_.nodes[*p].parent);
    }
    return out;
}

DXFRAME_DECL std::optional<pillar> framework_tree::pillar_of(std::size_t indicator_index) const {
    if (fw_.indicators[indicator_index].pillar) return fw_.indicators[indicator_index].pillar;
    for (std::size_t n : ancestors(indicator_index)) {
        if (fw_.nodes[n].pillar) return fw_.nodes[n].pillar;
    }
    return std::nullopt;
}

DXFRAME_DECL std::vector<std::optional<double>> framework_tree::node_scores(
    const std::vector<std::optional<double>>& indicator_scores) const {
    std::vector<std::optional<double>> out(fw_.nodes.size());
    std::vector<int> state(fw_.nodes.size(), 0);  // 0 new, 1 in progress, 2 done
    for (std::size_t i = 0; i < fw_.nodes.size(); ++i)
        visit(i, indicator_scores, out, state);
    return out;
}

DXFRAME_DECL std::optional<double> framework_tree::overall_score(
    const std::vector<std::optional<double>>& indicator_scores,
    const std::vector<std::optional<double>>& node_score) const {
    detail::weighted_acc acc;
    for (std::size_t n : root_nodes_)
        acc.add(node_score[n], fw_.nodes[n].weight);
    for (std::size_t i : root_indicators_)
        acc.add(indicator_scores[i], fw_.indicators[i].weight);
    return acc.get();
}

DXFRAME_DECL std::optional<std::size_t> framework_tree::parent_node(const std::optional<std::string>& id) const {
    if (!id) return std::nullopt;
    const auto it = node_at_.find(*id);
    if (it == node_at_.end()) return std::nullopt;
    return it->second;
}

DXFRAME_DECL void framework_tree::visit(std::size_t n, const std::vector<std::optional<double>>& indicator_scores,
                                        std::vector<std::optional<double>>& out, std::vector<int>& state) const {
    if (state[n] != 0) return;  // done, or a cycle: a node on a cycle gets no score from itself
    state[n] = 1;
    detail::weighted_acc acc;
    for (std::size_t c : node_children_[n]) {
        visit(c, indicator_scores, out, state);
        if (state[c] == 2) acc.add(out[c], fw_.nodes[c].weight);
    }
    for (std::size_t i : node_indicators_[n])
        acc.add(indicator_scores[i], fw_.indicators[i].weight);
    out[n] = acc.get();
    state[n] = 2;
}

}  // namespace dxframe
