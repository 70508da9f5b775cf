// SPDX-License-Identifier: MIT
/// @file
/// @brief Roll-up of target assessments to nodes, pillars and overall; per entity and across entities.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/framework.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/framework_tree.hpp>
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
    std::size_t unreported = 0;          ///< Deadline passed, no result within the result window.
    std::size_t insufficient_data = 0;   ///< Too little data for the method, or an invalid target.
    std::size_t no_data = 0;             ///< Deadline ahead, no observation at all.

    /// Counts one more target in `s`.
    void add(target_status s) noexcept {
        switch (s) {
            case target_status::achieved: ++achieved; break;
            case target_status::on_track: ++on_track; break;
            case target_status::needs_acceleration: ++needs_acceleration; break;
            case target_status::limited_progress: ++limited_progress; break;
            case target_status::deterioration: ++deterioration; break;
            case target_status::overdue: ++overdue; break;
            case target_status::unreported: ++unreported; break;
            case target_status::insufficient_data: ++insufficient_data; break;
            case target_status::no_data: ++no_data; break;
        }
    }
    /// The count of one status.
    std::size_t of(target_status s) const noexcept {
        switch (s) {
            case target_status::achieved: return achieved;
            case target_status::on_track: return on_track;
            case target_status::needs_acceleration: return needs_acceleration;
            case target_status::limited_progress: return limited_progress;
            case target_status::deterioration: return deterioration;
            case target_status::overdue: return overdue;
            case target_status::unreported: return unreported;
            case target_status::insufficient_data: return insufficient_data;
            case target_status::no_data: return no_data;
        }
        return 0;
    }
    /// Every status with its count, from achieved to no_data (report order).
    std::array<std::pair<std::size_t, target_status>, target_status_count> by_status() const noexcept {
        return {{{achieved, target_status::achieved},
                 {on_track, target_status::on_track},
                 {needs_acceleration, target_status::needs_acceleration},
                 {limited_progress, target_status::limited_progress},
                 {deterioration, target_status::deterioration},
                 {overdue, target_status::overdue},
                 {unreported, target_status::unreported},
                 {insufficient_data, target_status::insufficient_data},
                 {no_data, target_status::no_data}}};
    }
    /// All targets counted.
    std::size_t total() const noexcept { return judged() + not_judged(); }
    /// Targets with a judgement (achieved … overdue; see is_judgement).
    std::size_t judged() const noexcept {
        return achieved + on_track + needs_acceleration + limited_progress + deterioration + overdue;
    }
    /// Targets without one: unreported + insufficient_data + no_data.
    std::size_t not_judged() const noexcept { return unreported + insufficient_data + no_data; }
};
BOOST_DESCRIBE_STRUCT(status_counts, (),
                      (achieved, on_track, needs_acceleration, limited_progress, deterioration, overdue, unreported,
                       insufficient_data, no_data))

/// A group of target assessments summarised: a node, a pillar, everything, one target or
/// indicator across entities.
struct rollup_entry {
    std::string id;  ///< Node id, pillar name, "overall", "none", target or indicator id.
    /// The pillar, for an entry of progress_rollup::pillars; absent for every other entry.
    std::optional<dxframe::pillar> pillar;
    std::size_t targets = 0;  ///< Assessments in the group.
    status_counts counts;     ///< By status.
    /// Mean progress score in [0, 1] (P clipped to [0, 1], achieved = 1; see progress_score),
    /// weighted by the framework's weights down the tree; absent when no member has a score.
    std::optional<double> score;
    /// (achieved + on_track) / assessments with a judgement (is_judgement: not unreported,
    /// insufficient_data or no_data); absent when there is none.
    std::optional<double> share_on_track;
    /// Worst status by severity_rank (overdue > deterioration > … > achieved); unreported, then
    /// insufficient_data, then no_data only when nothing in the group could be judged.
    std::optional<target_status> worst;
    /// Mean of Open SDG scores (growth rules) of the judged members that have one.
    std::optional<double> opensdg_score;
    /// Open SDG's status of that mean: achieved only if every scored member is achieved, else
    /// ≥ 2.5 on_track, ≥ 0 needs_acceleration, ≥ −2.5 limited_progress, else deterioration.
    std::optional<target_status> opensdg_status;
    /// Assessments without a judgement (unreported + insufficient_data + no_data), left out of
    /// score, share_on_track and the Open SDG summary and counted here apart.
    std::size_t not_judged = 0;
    /// Assessments whose status was set by hand (status_origin::manual), by that status. They
    /// count in `targets` only: `counts`, score, share_on_track, worst and the Open SDG summary
    /// are the computed picture, so a manual judgement is never silently mixed into it.
    status_counts manual_counts;
    std::size_t manual = 0;  ///< Manual statuses in the group (the sum of manual_counts).
};
BOOST_DESCRIBE_STRUCT(rollup_entry, (),
                      (id, pillar, targets, counts, score, share_on_track, worst, opensdg_score, opensdg_status,
                       not_judged, manual_counts, manual))

/// Roll-up of one entity's (or any set of) assessments over a framework.
struct progress_rollup {
    std::string entity;                 ///< Entity the assessments are for ("" when mixed).
    std::vector<rollup_entry> nodes;    ///< One per framework node, in framework order.
    std::vector<rollup_entry> pillars;  ///< One per pillar that has indicators, in pillar order.
    /// The assessments outside every pillar (their indicator has no pillar, or is not in the
    /// framework), id "none"; absent when there are none.
    std::optional<rollup_entry> unassigned;
    rollup_entry overall;  ///< Everything; id "overall".
};
BOOST_DESCRIBE_STRUCT(progress_rollup, (), (entity, nodes, pillars, unassigned, overall))

/// What rollup_across_entities() groups by.
enum class across_key {
    target,    ///< One entry per target id.
    indicator  ///< One entry per indicator id (all targets on it).
};
BOOST_DESCRIBE_ENUM(across_key, target, indicator)

/// Open SDG's status of a mean score (indicator-level aggregation in ProgressMeasure.py).
DXFRAME_DECL target_status opensdg_status_from_score(double score, bool all_achieved) noexcept;

/// Rolls `assessments` up over `fw`: per node (its whole subtree), per pillar (an indicator's
/// own pillar, else its nearest ancestor node's) and overall. Scores are hierarchical weighted
/// means: an indicator's score is the mean of its targets' progress scores, a node's the
/// weighted mean of its children that have one (weights renormalised over them), overall the
/// weighted mean of the top-level nodes and indicators; a pillar's is the weighted mean of its
/// indicators. Counts, worst status and shares cover every assessment in the group. Assessments
/// outside every pillar are summarised in `unassigned`, scored like a pillar (an indicator not in
/// the framework weighs 1). Pass one entity's assessments for a
/// per-entity view (see rollup_by_entity).
DXFRAME_DECL progress_rollup rollup(const framework& fw, const std::vector<target_assessment>& assessments);

/// One roll-up per entity, in order of first appearance in `assessments`.
DXFRAME_DECL std::vector<progress_rollup> rollup_by_entity(const framework& fw,
                                                           const std::vector<target_assessment>& assessments);

/// The weight of each entity in a roll-up across entities (its population, its enterprises).
using entity_weights = std::map<std::string, double>;

/// Each entity's latest usable value of `weight_indicator` on or before `as_of` (the library's
/// latest-value rule, latest_on_or_before()), for rollup_across_entities(). Entities without one
/// are absent.
DXFRAME_DECL entity_weights weights_at(const dataset& ds, const std::string& weight_indicator, const date& as_of);

/// Summaries across entities: one entry per target (or indicator), in order of first
/// appearance, with the mean progress score over entities, counts, worst status and share on
/// track. Without `weights` the mean is unweighted (ESCAP's rule for regional aggregates: every
/// unit counts the same); with them it is the mean weighted by each entity's weight (the Digital
/// Decade's EU values from Member States), and an entry whose scored members do not all have a
/// finite weight ≥ 0 (summing to more than 0) has no score rather than a silently partial one.
DXFRAME_DECL std::vector<rollup_entry> rollup_across_entities(const std::vector<target_assessment>& assessments,
                                                              across_key key = across_key::target,
                                                              const entity_weights* weights = nullptr);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/rollup.ipp>
#endif
