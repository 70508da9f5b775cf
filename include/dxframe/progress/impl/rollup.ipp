// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/rollup.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/model/framework.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/status.hpp>

namespace dxframe {

DXFRAME_DECL target_status opensdg_status_from_score(double score, bool all_achieved) noexcept {
    if (all_achieved) return target_status::achieved;
    if (score >= 2.5) return target_status::on_track;
    if (score >= 0) return target_status::needs_acceleration;
    if (score >= -2.5) return target_status::limited_progress;
    return target_status::deterioration;
}

namespace detail {

DXFRAME_DECL void summarise_into(rollup_entry& e, const std::vector<const target_assessment*>& members) {
    e.targets = members.size();
    double opensdg_sum = 0;
    std::size_t opensdg_n = 0;
    bool all_achieved = true;
    for (const target_assessment* a : members) {
        e.counts.add(a->status);
        e.worst = e.worst ? worse(*e.worst, a->status) : a->status;
        if (a->opensdg_score && is_judgement(a->status)) {
            opensdg_sum += *a->opensdg_score;
            ++opensdg_n;
            all_achieved = all_achieved && a->status == target_status::achieved;
        }
    }
    e.not_judged = e.counts.not_judged();
    const std::size_t assessed = e.counts.judged();
    if (assessed > 0) {
        e.share_on_track = static_cast<double>(e.counts.achieved + e.counts.on_track) / static_cast<double>(assessed);
    }
    if (opensdg_n > 0) {
        e.opensdg_score = opensdg_sum / static_cast<double>(opensdg_n);
        e.opensdg_status = opensdg_status_from_score(*e.opensdg_score, all_achieved);
    }
}

DXFRAME_DECL std::optional<double> mean_score(const std::vector<const target_assessment*>& members) {
    double sum = 0;
    std::size_t n = 0;
    for (const target_assessment* a : members) {
        if (const auto s = progress_score(*a)) {
            sum += *s;
            ++n;
        }
    }
    if (n == 0) return std::nullopt;
    return sum / static_cast<double>(n);
}

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
    weighted_acc acc;
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
    weighted_acc acc;
    for (std::size_t c : node_children_[n]) {
        visit(c, indicator_scores, out, state);
        if (state[c] == 2) acc.add(out[c], fw_.nodes[c].weight);
    }
    for (std::size_t i : node_indicators_[n])
        acc.add(indicator_scores[i], fw_.indicators[i].weight);
    out[n] = acc.get();
    state[n] = 2;
}

}  // namespace detail

DXFRAME_DECL progress_rollup rollup(const framework& fw, const std::vector<target_assessment>& assessments) {
    const detail::framework_tree tree(fw);
    progress_rollup r;
    std::vector<std::vector<const target_assessment*>> per_node(fw.nodes.size()), per_indicator(fw.indicators.size());
    std::map<pillar, std::vector<const target_assessment*>> per_pillar;
    std::vector<const target_assessment*> all;
    for (const auto& a : assessments) {
        all.push_back(&a);
        const auto i = tree.indicator(a.indicator);
        if (!i) continue;
        per_indicator[*i].push_back(&a);
        for (std::size_t n : tree.ancestors(*i))
            per_node[n].push_back(&a);
        if (const auto p = tree.pillar_of(*i)) per_pillar[*p].push_back(&a);
    }
    if (!assessments.empty()) {
        r.entity = assessments.front().entity;
        for (const auto& a : assessments) {
            if (a.entity != r.entity) {
                r.entity.clear();
                break;
            }
        }
    }
    std::vector<std::optional<double>> indicator_scores(fw.indicators.size());
    for (std::size_t i = 0; i < fw.indicators.size(); ++i)
        indicator_scores[i] = detail::mean_score(per_indicator[i]);
    const auto node_scores = tree.node_scores(indicator_scores);

    r.nodes.reserve(fw.nodes.size());
    for (std::size_t n = 0; n < fw.nodes.size(); ++n) {
        rollup_entry e;
        e.id = fw.nodes[n].id;
        detail::summarise_into(e, per_node[n]);
        e.score = node_scores[n];
        r.nodes.push_back(std::move(e));
    }
    for (pillar p : all_pillars) {
        bool has_indicator = false;
        detail::weighted_acc acc;
        for (std::size_t i = 0; i < fw.indicators.size(); ++i) {
            if (tree.pillar_of(i) != p) continue;
            has_indicator = true;
            acc.add(indicator_scores[i], fw.indicators[i].weight);
        }
        if (!has_indicator) continue;
        rollup_entry e;
        e.id = std::string(boost::describe::enum_to_string(p, "unknown"));
        detail::summarise_into(e, per_pillar[p]);
        e.score = acc.get();
        r.pillars.push_back(std::move(e));
    }
    r.overall.id = "overall";
    detail::summarise_into(r.overall, all);
    r.overall.score = tree.overall_score(indicator_scores, node_scores);
    return r;
}

DXFRAME_DECL std::vector<progress_rollup> rollup_by_entity(const framework& fw,
                                                           const std::vector<target_assessment>& assessments) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<target_assessment>> groups;
    for (const auto& a : assessments) {
        auto& g = groups[a.entity];
        if (g.empty()) order.push_back(a.entity);
        g.push_back(a);
    }
    std::vector<progress_rollup> out;
    out.reserve(order.size());
    for (const auto& e : order) {
        out.push_back(rollup(fw, groups[e]));
        out.back().entity = e;
    }
    return out;
}

DXFRAME_DECL std::vector<rollup_entry> rollup_across_entities(const std::vector<target_assessment>& assessments,
                                                              across_key key) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const target_assessment*>> groups;
    for (const auto& a : assessments) {
        const std::string& k = key == across_key::target ? a.target : a.indicator;
        auto& g = groups[k];
        if (g.empty()) order.push_back(k);
        g.push_back(&a);
    }
    std::vector<rollup_entry> out;
    out.reserve(order.size());
    for (const auto& k : order) {
        rollup_entry e;
        e.id = k;
        detail::summarise_into(e, groups[k]);
        e.score = detail::mean_score(groups[k]);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace dxframe
