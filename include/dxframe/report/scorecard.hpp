// SPDX-License-Identifier: MIT
/// @file
/// @brief The scorecard: where a framework stands at a date, per pillar and overall — the
/// numbers every report rendering shows.
///
/// make_scorecard() is pure: a dataset, an as-of date and options in, a plain described struct
/// out (it serialises to JSON as is). It assesses every target (progress module), rolls the
/// assessments up to pillars and overall, picks the targets that are off track or overdue and
/// the next deadlines, and checks the assigned tasks. Names are resolved in the chosen
/// language, so a rendering needs nothing but the scorecard.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/model/source.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/series.hpp>
#include <dxframe/progress/status.hpp>
#include <dxframe/progress/tasks.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/ranking.hpp>

namespace dxframe {

/// How a scorecard is built.
struct scorecard_options {
    progress_options progress{};   ///< Method, thresholds and base date of the target assessments.
    task_options tasks{};          ///< Due-soon window of the task check.
    language lang = language::vi;  ///< Language of the names the scorecard carries.
    /// Assess every target for this entity (a province against the national targets) and keep
    /// only the tasks it owns. Absent: each target for the entity it binds, and every task.
    std::optional<std::string> entity;
    std::size_t next_deadlines_per_pillar = 3;  ///< Length of each pillar's next-deadline list.
    std::size_t next_deadlines_overall = 10;    ///< Length of the overall next-deadline list.
    /// Indicator whose reported values rank the entities (e.g. the provincial DTI). Absent:
    /// default_ranking_indicator() when `auto_ranking`, else no ranking.
    std::optional<std::string> ranking_indicator;
    bool auto_ranking = true;  ///< Pick a ranking indicator when none is given.
};
BOOST_DESCRIBE_STRUCT(scorecard_options, (),
                      (progress, tasks, lang, entity, next_deadlines_per_pillar, next_deadlines_overall,
                       ranking_indicator, auto_ranking))

/// One target as the scorecard shows it: the assessment plus what a reader needs to read it
/// (names, unit, series, path, source). Optional members are absent when unknown; never NaN.
struct scorecard_target {
    std::string id;                            ///< Target id.
    std::string title;                         ///< The target's title, else its indicator's name.
    std::string indicator;                     ///< Indicator id.
    std::string indicator_name;                ///< Indicator name (the id when it is not in the framework).
    std::optional<dxframe::pillar> pillar;     ///< Pillar of the indicator (or of its nearest node).
    std::string entity;                        ///< Entity assessed.
    target_kind kind = target_kind::at_least;  ///< What "met" means.
    dxframe::direction direction = dxframe::direction::higher_is_better;  ///< Which way is better.
    dxframe::unit unit = dxframe::unit::other;                            ///< The indicator's unit.
    std::optional<std::string> unit_label;                    ///< The indicator's unit label ("% of households").
    std::string unit_suffix;                                  ///< Short text written after a value ("%", " Mbps").
    target_status status = target_status::insufficient_data;  ///< The verdict.
    std::optional<insufficiency_reason> reason;               ///< Why there is no verdict.
    std::optional<std::string> message;                       ///< The reason in words.
    std::optional<double> score;                              ///< Progress score in [0, 1] (achieved = 1).
    std::optional<double> progress;                           ///< P: share of the distance covered (may leave [0, 1]).
    std::optional<double> expected;         ///< E: share the path should have covered by the latest date.
    std::optional<double> ratio;            ///< The number the status thresholds were applied to.
    std::optional<dated_value> latest;      ///< Latest usable value on or before the as-of date.
    std::optional<dated_value> baseline;    ///< Starting point used.
    std::optional<double> target_value;     ///< The value to reach (lower bound for within).
    std::optional<double> upper;            ///< Upper bound, for within.
    std::optional<double> projected;        ///< Value expected at the deadline if the trend goes on.
    dxframe::date deadline;                 ///< Deadline.
    std::int64_t days_to_deadline = 0;      ///< Deadline − as-of in days; negative once passed.
    std::vector<dated_value> series;        ///< The entity's usable values up to the as-of date.
    std::vector<dated_value> path;          ///< Baseline, milestones and target at the deadline.
    std::optional<dxframe::source> source;  ///< The document that sets the target.
};
BOOST_DESCRIBE_STRUCT(scorecard_target, (),
                      (id, title, indicator, indicator_name, pillar, entity, kind, direction, unit, unit_label,
                       unit_suffix, status, reason, message, score, progress, expected, ratio, latest, baseline,
                       target_value, upper, projected, deadline, days_to_deadline, series, path, source))

/// A group of targets summarised: one pillar, the targets with no pillar, or everything.
struct scorecard_group {
    std::string id;                         ///< Pillar name ("digital_government"), "none" or "overall".
    std::optional<dxframe::pillar> pillar;  ///< The pillar, for pillar groups.
    std::string name;                       ///< Display name.
    bool foundation = false;                ///< A foundation of Decision 749 (not one of the three pillars).
    std::size_t targets = 0;                ///< Targets in the group.
    status_counts counts;                   ///< By status.
    std::optional<double> score;            ///< Weighted mean progress score in [0, 1]; absent when none has one.
    std::optional<double> share_on_track;   ///< (achieved + on track) / targets with a status.
    std::optional<target_status> worst;     ///< Worst status; absent for an empty group.
    /// Ids of the targets off track (needs acceleration, limited progress, deterioration) or
    /// overdue: overdue first, then by severity, then by deadline.
    std::vector<std::string> off_track;
    /// Ids of the targets not yet achieved whose deadline is still ahead, soonest first.
    std::vector<std::string> next_deadlines;
};
BOOST_DESCRIBE_STRUCT(scorecard_group, (),
                      (id, pillar, name, foundation, targets, counts, score, share_on_track, worst, off_track,
                       next_deadlines))

/// One assigned task as the scorecard shows it.
struct scorecard_task {
    std::string id;                              ///< Task id.
    std::string title;                           ///< What must be done.
    std::string owner;                           ///< Responsible entity id.
    std::string owner_name;                      ///< Its name (the id when unknown).
    dxframe::date deadline;                      ///< Due date.
    task_state state = task_state::pending;      ///< Verdict at the as-of date.
    std::optional<std::int64_t> days_late;       ///< Days past due (overdue, done late).
    std::optional<std::int64_t> days_until_due;  ///< Days left (pending, due soon).
    std::optional<dxframe::source> source;       ///< The decision or conclusion that assigns it.
};
BOOST_DESCRIBE_STRUCT(scorecard_task, (),
                      (id, title, owner, owner_name, deadline, state, days_late, days_until_due, source))

/// How many items cite a source of each confidence.
struct confidence_counts {
    std::size_t verified = 0;    ///< Read in the primary source.
    std::size_t secondary = 0;   ///< From a secondary source.
    std::size_t unverified = 0;  ///< Not confirmed.
    std::size_t not_stated = 0;  ///< A source without a confidence.
    std::size_t no_source = 0;   ///< No source at all.

    /// Counts one item with source `s`.
    void add(const std::optional<source>& s) noexcept {
        if (!s) {
            ++no_source;
        } else if (!s->confidence) {
            ++not_stated;
        } else {
            switch (*s->confidence) {
                case confidence_level::verified: ++verified; break;
                case confidence_level::secondary: ++secondary; break;
                case confidence_level::unverified: ++unverified; break;
            }
        }
    }
    /// Items counted.
    std::size_t total() const noexcept { return verified + secondary + unverified + not_stated + no_source; }
};
BOOST_DESCRIBE_STRUCT(confidence_counts, (), (verified, secondary, unverified, not_stated, no_source))

/// The scorecard of a framework at a date.
struct scorecard {
    std::string framework;                             ///< Framework id.
    std::string framework_name;                        ///< Framework name.
    std::string entity;                                ///< Entity assessed ("" when targets bind different entities).
    std::string entity_name;                           ///< Its name.
    dxframe::date as_of;                               ///< Date of the assessment.
    progress_method method = progress_method::linear;  ///< Method of the assessments.
    language lang = language::vi;                      ///< Language of the names.
    scorecard_group overall;                           ///< Every target.
    std::vector<scorecard_group> pillars;        ///< The framework's pillars, in its order (then any others used).
    std::optional<scorecard_group> unassigned;   ///< Targets whose indicator has no pillar, when there are any.
    std::vector<scorecard_target> targets;       ///< Every target, in framework order.
    task_counts task_totals;                     ///< Tasks by state.
    std::vector<scorecard_task> overdue_tasks;   ///< Open tasks past due, most days late first.
    std::vector<scorecard_task> due_soon_tasks;  ///< Open tasks due within the window, soonest first.
    confidence_counts target_sources;            ///< Confidence of the targets' sources.
    confidence_counts observation_sources;  ///< Confidence of the sources of the observations dated on or before as_of.
    std::optional<dxframe::ranking> ranking;  ///< Entities ranked on one indicator, when there is one.
};
BOOST_DESCRIBE_STRUCT(scorecard, (),
                      (framework, framework_name, entity, entity_name, as_of, method, lang, overall, pillars,
                       unassigned, targets, task_totals, overdue_tasks, due_soon_tasks, target_sources,
                       observation_sources, ranking))

/// True for the statuses a scorecard lists as off track: needs acceleration, limited progress,
/// deterioration and overdue.
constexpr bool is_off_track(target_status s) noexcept {
    return s == target_status::needs_acceleration || s == target_status::limited_progress ||
           s == target_status::deterioration || s == target_status::overdue;
}

/// The scorecard target with id `id`, or nullptr.
inline const scorecard_target* find_target(const scorecard& sc, const std::string& id) noexcept {
    for (const auto& t : sc.targets) {
        if (t.id == id) return &t;
    }
    return nullptr;
}

namespace detail {

inline std::string entity_display_name(const dataset& ds, const dataset_index& ids, const std::string& id,
                                       language lang) {
    const std::size_t at = ids.entity(id);
    if (at == dataset_index::npos) return id;
    const std::string& n = ds.entities[at].name.in(lang);
    return n.empty() ? id : n;
}

// The points the target asks the indicator to pass through: baseline, the milestones strictly
// between baseline and deadline, and the target at the deadline (for `within`, the bound
// nearer the baseline; none when the baseline is already inside).
inline std::vector<dated_value> target_path(const target& t, const std::optional<dated_value>& base,
                                            const std::optional<double>& target_value) {
    std::vector<dated_value> out;
    if (!base || !has_numeric_target(t.kind) || !target_value) return out;
    std::optional<double> end = target_value;
    if (t.kind == target_kind::within) {
        if (!t.upper || !std::isfinite(*t.upper)) return out;
        if (base->value < *t.value) {
            end = *t.value;
        } else if (base->value > *t.upper) {
            end = *t.upper;
        } else {
            return out;
        }
    }
    if (!(base->date < t.deadline)) return out;
    out.push_back(*base);
    std::vector<dated_value> ms;
    for (const auto& m : t.milestones) {
        if (m.date > base->date && m.date < t.deadline && std::isfinite(m.value)) ms.push_back({m.date, m.value});
    }
    std::stable_sort(ms.begin(), ms.end(), [](const dated_value& a, const dated_value& b) { return a.date < b.date; });
    out.insert(out.end(), ms.begin(), ms.end());
    out.push_back({t.deadline, *end});
    return out;
}

inline scorecard_task make_task(const task_assessment& a, const task& t, const dataset& ds, const dataset_index& ids,
                                language lang) {
    scorecard_task s;
    s.id = a.task;
    s.title = a.title.in(lang);
    s.owner = a.owner;
    s.owner_name = entity_display_name(ds, ids, a.owner, lang);
    s.deadline = a.deadline;
    s.state = a.state;
    s.days_late = a.days_late;
    s.days_until_due = a.days_until_due;
    s.source = t.source;
    return s;
}

// Fills the id lists of a group from its member targets.
inline void list_targets(scorecard_group& g, const std::vector<const scorecard_target*>& members, std::size_t next_n) {
    std::vector<const scorecard_target*> off, next;
    for (const scorecard_target* t : members) {
        if (is_off_track(t->status)) off.push_back(t);
        if (t->status != target_status::achieved && t->days_to_deadline >= 0) next.push_back(t);
    }
    std::stable_sort(off.begin(), off.end(), [](const scorecard_target* a, const scorecard_target* b) {
        if (severity_rank(a->status) != severity_rank(b->status)) {
            return severity_rank(a->status) > severity_rank(b->status);
        }
        return a->deadline < b->deadline;
    });
    std::stable_sort(next.begin(), next.end(),
                     [](const scorecard_target* a, const scorecard_target* b) { return a->deadline < b->deadline; });
    for (const scorecard_target* t : off)
        g.off_track.push_back(t->id);
    for (std::size_t i = 0; i < next.size() && i < next_n; ++i)
        g.next_deadlines.push_back(next[i]->id);
}

inline void copy_rollup(scorecard_group& g, const rollup_entry& e) {
    g.targets = e.targets;
    g.counts = e.counts;
    g.score = e.score;
    g.share_on_track = e.share_on_track;
    g.worst = e.targets > 0 ? e.worst : std::nullopt;
}

}  // namespace detail

/// Builds the scorecard of `ds` at `as_of`. Pure: reads the dataset, returns values. Throws
/// dxframe::error only for unusable options (thresholds out of order, a negative due-soon
/// window); bad data shows as insufficient_data with a reason.
inline scorecard make_scorecard(const dataset& ds, const date& as_of, const scorecard_options& options = {}) {
    check_options(options.progress);
    const framework& fw = ds.framework;
    const language lang = options.lang;
    const dataset_index ids(ds);
    const series_index series(ds);
    const detail::framework_tree tree(fw);

    scorecard sc;
    sc.framework = fw.id;
    sc.framework_name = fw.name.in(lang);
    sc.as_of = as_of;
    sc.method = options.progress.method;
    sc.lang = lang;

    // Assess every target, for the entity asked for or the one it binds.
    std::vector<target_assessment> assessments;
    assessments.reserve(fw.targets.size());
    for (const target& t : fw.targets) {
        const std::size_t at = ids.indicator(t.indicator);
        const indicator* ind = at == dataset_index::npos ? nullptr : &fw.indicators[at];
        const std::string bound = bound_entity(fw, t);
        const std::string who = options.entity ? *options.entity : bound;
        assessments.push_back(
            assess_series(t, ind, series.get(who, t.indicator), who, who == bound, as_of, options.progress));
    }
    const progress_rollup roll = rollup(fw, assessments);
    sc.entity = roll.entity;
    if (assessments.empty()) sc.entity = options.entity ? *options.entity : fw.nation;
    sc.entity_name = sc.entity.empty() ? std::string() : detail::entity_display_name(ds, ids, sc.entity, lang);

    // One row per target.
    sc.targets.reserve(assessments.size());
    for (std::size_t k = 0; k < assessments.size(); ++k) {
        const target& t = fw.targets[k];
        const target_assessment& a = assessments[k];
        scorecard_target row;
        row.id = t.id;
        row.indicator = t.indicator;
        row.entity = a.entity;
        row.kind = t.kind;
        const auto ind_at = tree.indicator(t.indicator);
        if (ind_at) {
            const indicator& ind = fw.indicators[*ind_at];
            row.indicator_name = ind.name.in(lang).empty() ? ind.id : ind.name.in(lang);
            row.pillar = tree.pillar_of(*ind_at);
            row.direction = ind.direction;
            row.unit = ind.unit;
            row.unit_label = ind.unit_label;
            row.unit_suffix = unit_suffix(ind.unit, ind.unit_label);
        } else {
            row.indicator_name = t.indicator;
        }
        row.title = t.title && !t.title->in(lang).empty() ? t.title->in(lang) : row.indicator_name;
        row.status = a.status;
        row.reason = a.reason;
        row.message = a.message;
        row.score = progress_score(a);
        row.progress = a.progress;
        row.expected = a.expected;
        row.ratio = a.ratio;
        row.latest = a.latest;
        row.baseline = a.baseline;
        row.target_value = a.target_value;
        if (t.kind == target_kind::within && t.upper && std::isfinite(*t.upper)) row.upper = t.upper;
        row.projected = a.projected;
        row.deadline = t.deadline;
        row.days_to_deadline = a.days_to_deadline;
        row.series = up_to(series.get(a.entity, t.indicator), as_of);
        row.path = detail::target_path(t, a.baseline, a.target_value);
        row.source = t.source;
        sc.targets.push_back(std::move(row));
    }

    // Pillars: the framework's, in its order, then any other pillar its indicators use.
    std::vector<pillar> order;
    for (const auto& p : fw.pillars) {
        if (std::find(order.begin(), order.end(), p.id) == order.end()) order.push_back(p.id);
    }
    for (const auto& e : roll.pillars) {
        for (pillar p : all_pillars) {
            if (e.id == boost::describe::enum_to_string(p, "") &&
                std::find(order.begin(), order.end(), p) == order.end()) {
                order.push_back(p);
            }
        }
    }
    for (pillar p : order) {
        scorecard_group g;
        g.id = boost::describe::enum_to_string(p, "unknown");
        g.pillar = p;
        const pillar_info* info = nullptr;
        for (const auto& pi : fw.pillars) {
            if (pi.id == p) {
                info = &pi;
                break;
            }
        }
        g.name = info && !info->name.in(lang).empty() ? info->name.in(lang) : pillar_name(p).in(lang);
        g.foundation = is_foundation(p);
        for (const auto& e : roll.pillars) {
            if (e.id == g.id) detail::copy_rollup(g, e);
        }
        std::vector<const scorecard_target*> members;
        for (const auto& t : sc.targets) {
            if (t.pillar == p) members.push_back(&t);
        }
        detail::list_targets(g, members, options.next_deadlines_per_pillar);
        sc.pillars.push_back(std::move(g));
    }

    // Targets outside every pillar (their indicator has none, or is not in the framework).
    {
        std::vector<const scorecard_target*> members;
        std::vector<const target_assessment*> group;
        for (std::size_t k = 0; k < sc.targets.size(); ++k) {
            if (!sc.targets[k].pillar) {
                members.push_back(&sc.targets[k]);
                group.push_back(&assessments[k]);
            }
        }
        if (!members.empty()) {
            scorecard_group g;
            g.id = "none";
            g.name = std::string(label(report_label::no_pillar, lang));
            rollup_entry e;
            detail::summarise_into(e, group);
            // As for a pillar: the weighted mean over indicators of their targets' mean score.
            std::map<std::string, std::vector<const target_assessment*>> by_indicator;
            for (const target_assessment* a : group)
                by_indicator[a->indicator].push_back(a);
            detail::weighted_acc acc;
            for (const auto& [id, list] : by_indicator) {
                const auto i = tree.indicator(id);
                acc.add(detail::mean_score(list), i ? fw.indicators[*i].weight : 1.0);
            }
            e.score = acc.get();
            detail::copy_rollup(g, e);
            detail::list_targets(g, members, options.next_deadlines_per_pillar);
            sc.unassigned = std::move(g);
        }
    }

    // Overall.
    sc.overall.id = "overall";
    sc.overall.name = std::string(label(report_label::overall, lang));
    detail::copy_rollup(sc.overall, roll.overall);
    {
        std::vector<const scorecard_target*> all;
        for (const auto& t : sc.targets)
            all.push_back(&t);
        detail::list_targets(sc.overall, all, options.next_deadlines_overall);
    }

    // Tasks.
    const task_report tasks = assess_tasks(fw, as_of, options.tasks);
    for (std::size_t k = 0; k < tasks.tasks.size(); ++k) {
        const task_assessment& a = tasks.tasks[k];
        if (options.entity && a.owner != *options.entity) continue;
        sc.task_totals.add(a.state);
        if (a.state == task_state::overdue) {
            sc.overdue_tasks.push_back(detail::make_task(a, fw.tasks[k], ds, ids, lang));
        } else if (a.state == task_state::due_soon) {
            sc.due_soon_tasks.push_back(detail::make_task(a, fw.tasks[k], ds, ids, lang));
        }
    }
    std::stable_sort(sc.overdue_tasks.begin(), sc.overdue_tasks.end(),
                     [](const scorecard_task& a, const scorecard_task& b) {
                         return a.days_late.value_or(0) > b.days_late.value_or(0);
                     });
    std::stable_sort(sc.due_soon_tasks.begin(), sc.due_soon_tasks.end(),
                     [](const scorecard_task& a, const scorecard_task& b) { return a.deadline < b.deadline; });

    // Sources.
    for (const target& t : fw.targets)
        sc.target_sources.add(t.source);
    for (const observation& o : ds.observations) {
        if (options.entity && o.entity != *options.entity) continue;
        if (o.date > as_of) continue;  // not part of the picture at the as-of date
        sc.observation_sources.add(o.source);
    }

    // Ranking.
    std::optional<std::string> rank_on = options.ranking_indicator;
    if (!rank_on && options.auto_ranking) rank_on = default_ranking_indicator(ds, 3, as_of);
    if (rank_on) sc.ranking = ranking_from_observations(ds, *rank_on, as_of, lang);
    return sc;
}

}  // namespace dxframe
