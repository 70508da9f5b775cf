// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/rollup.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/framework.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/observation.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/framework_tree.hpp>
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

// Counts, worst, share and the Open SDG summary of a set of assessments; the score is left to
// the caller, which knows the weights.
inline void summarise_into(rollup_entry& e, const std::vector<const target_assessment*>& members) {
    e.targets = members.size();
    double opensdg_sum = 0;
    std::size_t opensdg_n = 0;
    bool all_achieved = true;
    for (const target_assessment* a : members) {
        if (a->status_source == status_origin::manual) {
            e.manual_counts.add(a->status);
            ++e.manual;
            continue;
        }
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

// Unweighted mean of the members' progress scores (see progress_score); absent when none has one.
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

}  // namespace detail

namespace detail {

// rollup() of the assessments `all` points to, over `fw` and its tree (built once by the caller
// for many roll-ups).
inline progress_rollup rollup_of(const framework& fw, const framework_tree& tree,
                                 const std::vector<const target_assessment*>& all) {
    progress_rollup r;
    std::vector<std::vector<const target_assessment*>> per_node(fw.nodes.size()), per_indicator(fw.indicators.size());
    std::map<pillar, std::vector<const target_assessment*>> per_pillar;
    std::vector<const target_assessment*> unassigned;
    for (const target_assessment* a : all) {
        const auto i = tree.indicator(a->indicator);
        if (!i) {
            unassigned.push_back(a);
            continue;
        }
        per_indicator[*i].push_back(a);
        for (std::size_t n : tree.ancestors(*i))
            per_node[n].push_back(a);
        if (const auto p = tree.pillar_of(*i)) {
            per_pillar[*p].push_back(a);
        } else {
            unassigned.push_back(a);
        }
    }
    if (!all.empty()) {
        r.entity = all.front()->entity;
        for (const target_assessment* a : all) {
            if (a->entity != r.entity) {
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
        e.pillar = p;
        detail::summarise_into(e, per_pillar[p]);
        e.score = acc.get();
        r.pillars.push_back(std::move(e));
    }
    if (!unassigned.empty()) {
        // Scored like a pillar: the weighted mean over indicators of their targets' mean score.
        std::map<std::string, std::vector<const target_assessment*>> by_indicator;
        for (const target_assessment* a : unassigned)
            by_indicator[a->indicator].push_back(a);
        detail::weighted_acc acc;
        for (const auto& [id, list] : by_indicator) {
            const auto i = tree.indicator(id);
            acc.add(detail::mean_score(list), i ? fw.indicators[*i].weight : 1.0);
        }
        rollup_entry e;
        e.id = "none";
        detail::summarise_into(e, unassigned);
        e.score = acc.get();
        r.unassigned = std::move(e);
    }
    r.overall.id = "overall";
    detail::summarise_into(r.overall, all);
    r.overall.score = tree.overall_score(indicator_scores, node_scores);
    return r;
}

}  // namespace detail

DXFRAME_DECL progress_rollup rollup(const framework& fw, const std::vector<target_assessment>& assessments) {
    std::vector<const target_assessment*> all;
    all.reserve(assessments.size());
    for (const auto& a : assessments)
        all.push_back(&a);
    return detail::rollup_of(fw, framework_tree(fw), all);
}

DXFRAME_DECL std::vector<progress_rollup> rollup_by_entity(const framework& fw,
                                                           const std::vector<target_assessment>& assessments) {
    // Grouped by pointer through a hash table, in order of first appearance: no copies of the
    // assessments, one framework tree for every entity.
    std::unordered_map<std::string_view, std::size_t> group_of;
    std::vector<std::vector<const target_assessment*>> groups;
    for (const auto& a : assessments) {
        const auto [it, added] = group_of.try_emplace(a.entity, groups.size());
        if (added) groups.emplace_back();
        groups[it->second].push_back(&a);
    }
    const framework_tree tree(fw);
    std::vector<progress_rollup> out;
    out.reserve(groups.size());
    for (const auto& g : groups) {
        out.push_back(detail::rollup_of(fw, tree, g));
        out.back().entity = g.front()->entity;
    }
    return out;
}

namespace detail {

// The mean of the members' progress scores weighted by their entities' weights; nullopt when a
// scored member has no usable weight or the weights sum to zero.
inline std::optional<double> weighted_mean_score(const std::vector<const target_assessment*>& members,
                                                 const entity_weights& weights) {
    double sum = 0;
    double total = 0;
    for (const target_assessment* a : members) {
        const auto s = progress_score(*a);
        if (!s) continue;
        const auto w = weights.find(a->entity);
        if (w == weights.end() || !std::isfinite(w->second) || w->second < 0) return std::nullopt;
        sum += w->second * *s;
        total += w->second;
    }
    if (!(total > 0)) return std::nullopt;
    return sum / total;
}

}  // namespace detail

DXFRAME_DECL entity_weights weights_at(const dataset& ds, const std::string& weight_indicator, const date& as_of) {
    const indicator* ind = find_by_id(ds.framework.indicators, weight_indicator);
    const unit u = ind != nullptr ? ind->unit : unit::other;
    // One pass: per entity the latest usable value on or before as_of; at one date a final figure
    // beats a provisional one, then the later in the document (the series rule of series.hpp).
    struct best {
        date when;
        bool provisional = false;
        double value = 0;
    };
    std::map<std::string, best> latest;
    const observation_table& rows = ds.observations;
    const auto wanted = rows.indicators().find(weight_indicator);
    const std::int64_t last_day = as_of.days_since_epoch();
    for (std::size_t i = 0; wanted && i < rows.size(); ++i) {
        if (rows.indicator_key(i) != *wanted || last_day < rows.day(i)) continue;
        const auto v = rows.value_of(i, u);
        if (!v || !std::isfinite(*v)) continue;
        const bool provisional = rows.is_provisional(i);
        const date when = rows.date_of(i);
        const auto [it, inserted] = latest.try_emplace(std::string(rows.entity(i)), best{when, provisional, *v});
        if (inserted) continue;
        best& b = it->second;
        if (b.when < when || (b.when == when && (b.provisional || !provisional))) b = best{when, provisional, *v};
    }
    entity_weights out;
    for (const auto& [entity_id, b] : latest)
        out.emplace_hint(out.end(), entity_id, b.value);
    return out;
}

DXFRAME_DECL std::vector<rollup_entry> rollup_across_entities(const std::vector<target_assessment>& assessments,
                                                              across_key key, const entity_weights* weights) {
    // Grouped by pointer through a hash table, in order of first appearance.
    std::unordered_map<std::string_view, std::size_t> group_of;
    std::vector<std::vector<const target_assessment*>> groups;
    for (const auto& a : assessments) {
        const std::string& k = key == across_key::target ? a.target : a.indicator;
        const auto [it, added] = group_of.try_emplace(k, groups.size());
        if (added) groups.emplace_back();
        groups[it->second].push_back(&a);
    }
    std::vector<rollup_entry> out;
    out.reserve(groups.size());
    for (const auto& g : groups) {
        rollup_entry e;
        e.id = key == across_key::target ? g.front()->target : g.front()->indicator;
        detail::summarise_into(e, g);
        e.score = weights != nullptr ? detail::weighted_mean_score(g, *weights) : detail::mean_score(g);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace dxframe
