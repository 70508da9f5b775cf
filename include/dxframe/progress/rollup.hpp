// SPDX-License-Identifier: MIT
/// @file
/// @brief Roll-up of target assessments to nodes, pillars and overall; per entity and across entities.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <dxframe/model/framework.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/status.hpp>

namespace dxframe {

/// Number of targets in each status.
struct status_counts {
    std::size_t achieved = 0;            ///< Met.
    std::size_t on_track = 0;            ///< On track.
    std::size_t needs_acceleration = 0;  ///< Needs acceleration.
    std::size_t limited_progress = 0;    ///< Limited progress.
    std::size_t deterioration = 0;       ///< Moving away.
    std::size_t overdue = 0;             ///< Deadline passed, not met.
    std::size_t insufficient_data = 0;   ///< Not assessable.

    /// Counts one more target in `s`.
    void add(target_status s) noexcept {
        switch (s) {
            case target_status::achieved: ++achieved; break;
            case target_status::on_track: ++on_track; break;
            case target_status::needs_acceleration: ++needs_acceleration; break;
            case target_status::limited_progress: ++limited_progress; break;
            case target_status::deterioration: ++deterioration; break;
            case target_status::overdue: ++overdue; break;
            case target_status::insufficient_data: ++insufficient_data; break;
        }
    }
    /// Every status with its count, from achieved to insufficient_data (report order).
    std::array<std::pair<std::size_t, target_status>, 7> by_status() const noexcept {
        return {{{achieved, target_status::achieved},
                 {on_track, target_status::on_track},
                 {needs_acceleration, target_status::needs_acceleration},
                 {limited_progress, target_status::limited_progress},
                 {deterioration, target_status::deterioration},
                 {overdue, target_status::overdue},
                 {insufficient_data, target_status::insufficient_data}}};
    }
    /// All targets counted.
    std::size_t total() const noexcept {
        return achieved + on_track + needs_acceleration + limited_progress + deterioration + overdue +
               insufficient_data;
    }
};
BOOST_DESCRIBE_STRUCT(status_counts, (),
                      (achieved, on_track, needs_acceleration, limited_progress, deterioration, overdue,
                       insufficient_data))

/// A group of target assessments summarised: a node, a pillar, everything, one target or
/// indicator across entities.
struct rollup_entry {
    std::string id;           ///< Node id, pillar name, "overall", target or indicator id.
    std::size_t targets = 0;  ///< Assessments in the group.
    status_counts counts;     ///< By status.
    /// Mean progress score in [0, 1] (P clipped to [0, 1], achieved = 1; see progress_score),
    /// weighted by the framework's weights down the tree; absent when no member has a score.
    std::optional<double> score;
    /// (achieved + on_track) / assessments with a status other than insufficient_data.
    std::optional<double> share_on_track;
    /// Worst status (overdue > deterioration > … > achieved); insufficient_data only when
    /// nothing in the group could be assessed.
    std::optional<target_status> worst;
    /// Mean of Open SDG scores (growth rules) of the members that have one.
    std::optional<double> opensdg_score;
    /// Open SDG's status of that mean: achieved only if every scored member is achieved, else
    /// ≥ 2.5 on_track, ≥ 0 needs_acceleration, ≥ −2.5 limited_progress, else deterioration.
    std::optional<target_status> opensdg_status;
};
BOOST_DESCRIBE_STRUCT(rollup_entry, (),
                      (id, targets, counts, score, share_on_track, worst, opensdg_score, opensdg_status))

/// Roll-up of one entity's (or any set of) assessments over a framework.
struct progress_rollup {
    std::string entity;                 ///< Entity the assessments are for ("" when mixed).
    std::vector<rollup_entry> nodes;    ///< One per framework node, in framework order.
    std::vector<rollup_entry> pillars;  ///< One per pillar that has indicators, in pillar order.
    rollup_entry overall;               ///< Everything; id "overall".
};
BOOST_DESCRIBE_STRUCT(progress_rollup, (), (entity, nodes, pillars, overall))

/// What rollup_across_entities() groups by.
enum class across_key {
    target,    ///< One entry per target id.
    indicator  ///< One entry per indicator id (all targets on it).
};
BOOST_DESCRIBE_ENUM(across_key, target, indicator)

/// Open SDG's status of a mean score (indicator-level aggregation in ProgressMeasure.py).
inline target_status opensdg_status_from_score(double score, bool all_achieved) noexcept {
    if (all_achieved) return target_status::achieved;
    if (score >= 2.5) return target_status::on_track;
    if (score >= 0) return target_status::needs_acceleration;
    if (score >= -2.5) return target_status::limited_progress;
    return target_status::deterioration;
}

namespace detail {

// Counts, worst, share and the Open SDG summary of a set of assessments; the score is left to
// the caller, which knows the weights.
inline void summarise_into(rollup_entry& e, const std::vector<const target_assessment*>& members) {
    e.targets = members.size();
    double opensdg_sum = 0;
    std::size_t opensdg_n = 0;
    bool all_achieved = true;
    for (const target_assessment* a : members) {
        e.counts.add(a->status);
        e.worst = e.worst ? worse(*e.worst, a->status) : a->status;
        if (a->opensdg_score) {
            opensdg_sum += *a->opensdg_score;
            ++opensdg_n;
            all_achieved = all_achieved && a->status == target_status::achieved;
        }
    }
    const std::size_t assessed = e.counts.total() - e.counts.insufficient_data;
    if (assessed > 0) {
        e.share_on_track = static_cast<double>(e.counts.achieved + e.counts.on_track) / static_cast<double>(assessed);
    }
    if (opensdg_n > 0) {
        e.opensdg_score = opensdg_sum / static_cast<double>(opensdg_n);
        e.opensdg_status = opensdg_status_from_score(*e.opensdg_score, all_achieved);
    }
}

inline std::optional<double> mean_score(const std::vector<const target_assessment*>& members) {
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

// Weighted mean of the children that have a score; weights below zero count as zero, and a
// group whose scored children weigh nothing has no score.
struct weighted_acc {
    double sum = 0, weight = 0;
    void add(const std::optional<double>& s, double w) {
        if (!s || !(w > 0)) return;
        sum += *s * w;
        weight += w;
    }
    std::optional<double> get() const {
        if (!(weight > 0)) return std::nullopt;
        return sum / weight;
    }
};

class framework_tree {
public:
    explicit framework_tree(const framework& fw) : fw_(fw) {
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

    std::optional<std::size_t> indicator(const std::string& id) const {
        const auto it = indicator_at_.find(id);
        if (it == indicator_at_.end()) return std::nullopt;
        return it->second;
    }

    // The node ancestors of an indicator, nearest first; stops at a cycle (invalid data).
    std::vector<std::size_t> ancestors(std::size_t indicator_index) const {
        std::vector<std::size_t> out;
        auto p = parent_node(fw_.indicators[indicator_index].parent);
        while (p && std::find(out.begin(), out.end(), *p) == out.end()) {
            out.push_back(*p);
            p = parent_node(fw_.nodes[*p].parent);
        }
        return out;
    }

    std::optional<pillar> pillar_of(std::size_t indicator_index) const {
        if (fw_.indicators[indicator_index].pillar) return fw_.indicators[indicator_index].pillar;
        for (std::size_t n : ancestors(indicator_index)) {
            if (fw_.nodes[n].pillar) return fw_.nodes[n].pillar;
        }
        return std::nullopt;
    }

    // Hierarchical weighted score of every node from indicator scores (cycle-safe).
    std::vector<std::optional<double>> node_scores(const std::vector<std::optional<double>>& indicator_scores) const {
        std::vector<std::optional<double>> out(fw_.nodes.size());
        std::vector<int> state(fw_.nodes.size(), 0);  // 0 new, 1 in progress, 2 done
        for (std::size_t i = 0; i < fw_.nodes.size(); ++i)
            visit(i, indicator_scores, out, state);
        return out;
    }

    std::optional<double> overall_score(const std::vector<std::optional<double>>& indicator_scores,
                                        const std::vector<std::optional<double>>& node_score) const {
        weighted_acc acc;
        for (std::size_t n : root_nodes_)
            acc.add(node_score[n], fw_.nodes[n].weight);
        for (std::size_t i : root_indicators_)
            acc.add(indicator_scores[i], fw_.indicators[i].weight);
        return acc.get();
    }

private:
    std::optional<std::size_t> parent_node(const std::optional<std::string>& id) const {
        if (!id) return std::nullopt;
        const auto it = node_at_.find(*id);
        if (it == node_at_.end()) return std::nullopt;
        return it->second;
    }

    void visit(std::size_t n, const std::vector<std::optional<double>>& indicator_scores,
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

    const framework& fw_;
    std::map<std::string, std::size_t> node_at_, indicator_at_;
    std::vector<std::vector<std::size_t>> node_children_, node_indicators_;
    std::vector<std::size_t> root_nodes_, root_indicators_;
};

}  // namespace detail

/// Rolls `assessments` up over `fw`: per node (its whole subtree), per pillar (an indicator's
/// own pillar, else its nearest ancestor node's) and overall. Scores are hierarchical weighted
/// means: an indicator's score is the mean of its targets' progress scores, a node's the
/// weighted mean of its children that have one (weights renormalised over them), overall the
/// weighted mean of the top-level nodes and indicators; a pillar's is the weighted mean of its
/// indicators. Counts, worst status and shares cover every assessment in the group (targets
/// on unknown indicators count only in `overall`). Pass one entity's assessments for a
/// per-entity view (see rollup_by_entity).
inline progress_rollup rollup(const framework& fw, const std::vector<target_assessment>& assessments) {
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

/// One roll-up per entity, in order of first appearance in `assessments`.
inline std::vector<progress_rollup> rollup_by_entity(const framework& fw,
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

/// Summaries across entities: one entry per target (or indicator), in order of first
/// appearance, with the unweighted mean progress score over entities (ESCAP's rule for
/// regional aggregates: every unit counts the same), counts, worst status and share on track.
inline std::vector<rollup_entry> rollup_across_entities(const std::vector<target_assessment>& assessments,
                                                        across_key key = across_key::target) {
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
