// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/scorecard.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
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

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/model/source.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/framework_tree.hpp>
#include <dxframe/progress/freshness.hpp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/ranking.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/progress/series.hpp>
#include <dxframe/progress/status.hpp>
#include <dxframe/progress/tasks.hpp>
#include <dxframe/report/format.hpp>

namespace dxframe {

DXFRAME_DECL void confidence_counts::add(const std::optional<source>& s) noexcept {
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

DXFRAME_DECL const scorecard_target* find_target(const scorecard& sc, const std::string& id) noexcept {
    for (const auto& t : sc.targets) {
        if (t.id == id) return &t;
    }
    return nullptr;
}

namespace detail {

// The two group names the scorecard carries besides the pillars' (the report labels of the same
// words are for headings; these are data, resolved in the scorecard's language like every name).
inline std::string overall_name(language lang) {
    return lang == language::vi ? "Tổng thể" : "Overall";
}
inline std::string no_pillar_name(language lang) {
    return lang == language::vi ? "Chưa gắn trụ cột" : "No pillar";
}

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
        if (needs_action(t->status)) off.push_back(t);
        if (t->stale) ++g.stale;
        if (t->status != target_status::achieved && t->days_to_deadline >= 0) next.push_back(t);
    }
    std::stable_sort(off.begin(), off.end(), [](const scorecard_target* a, const scorecard_target* b) {
        if (attention_rank(a->status) != attention_rank(b->status)) {
            return attention_rank(a->status) > attention_rank(b->status);
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
    g.not_judged = e.not_judged;
    g.manual_counts = e.manual_counts;
    g.manual = e.manual;
}

}  // namespace detail

DXFRAME_DECL scorecard make_scorecard(const dataset& ds, const date& as_of, const scorecard_options& options) {
    check_options(options.progress);
    const framework& fw = ds.framework;
    const language lang = options.lang;
    const dataset_index ids(ds);
    const series_index series(ds);
    const framework_tree tree(fw);

    scorecard sc;
    sc.framework = fw.id;
    sc.framework_name = fw.name.in(lang);
    sc.as_of = as_of;
    sc.method = options.progress.method;
    sc.lang = lang;
    sc.stale_after_months = options.progress.stale_after_months;
    sc.result_window_months = options.progress.result_window_months;

    // Assess every target, for the entity asked for or the one it binds.
    std::vector<target_assessment> assessments;
    assessments.reserve(fw.targets.size());
    for (const target& t : fw.targets) {
        const std::size_t at = ids.indicator(t.indicator);
        const indicator* ind = at == dataset_index::npos ? nullptr : &fw.indicators[at];
        const std::string bound = bound_entity(fw, t);
        const std::string who = options.entity ? *options.entity : bound;
        assessments.push_back(assess_ranking(t, ind, series.get(who, t.indicator, as_of, t.breakdown), who,
                                             who == bound, as_of, options.progress));
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
        row.latest_age_days = a.latest_age_days;
        row.stale = a.stale;
        row.baseline = a.baseline;
        row.target_value = a.target_value;
        if (t.kind == target_kind::within && t.upper && std::isfinite(*t.upper)) row.upper = t.upper;
        row.projected = a.projected;
        row.deadline = t.deadline;
        row.days_to_deadline = a.days_to_deadline;
        row.series = up_to(series.get(a.entity, t.indicator, as_of, t.breakdown).points, as_of);
        row.breakdown = t.breakdown;
        row.breakdown_label = breakdown_label(t.breakdown, fw.dimensions, lang);
        for (const breakdown& b : series.breakdowns(a.entity, t.indicator)) {
            if (const auto latest = series.latest(a.entity, t.indicator, as_of, b))
                row.breakdowns.push_back({b, breakdown_label(b, fw.dimensions, lang), *latest});
        }
        row.latest_out_of = a.latest_out_of;
        row.path = detail::target_path(t, a.baseline, a.target_value);
        row.source = t.source;
        row.method = a.method;
        row.method_source = a.method_source;
        row.status_source = a.status_source;
        row.computed_status = a.computed_status;
        if (a.manual) {
            row.manual_reason = a.manual->reason.in(lang);
            row.manual_date = a.manual->date;
            row.manual_source = a.manual->source;
        }
        sc.targets.push_back(std::move(row));
    }

    // Pillars: the framework's, in its order, then any other pillar its indicators use.
    std::vector<pillar> order;
    for (const auto& p : fw.pillars) {
        if (std::find(order.begin(), order.end(), p.id) == order.end()) order.push_back(p.id);
    }
    for (const auto& e : roll.pillars) {
        if (e.pillar && std::find(order.begin(), order.end(), *e.pillar) == order.end()) order.push_back(*e.pillar);
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
            if (e.pillar == p) detail::copy_rollup(g, e);
        }
        std::vector<const scorecard_target*> members;
        for (const auto& t : sc.targets) {
            if (t.pillar == p) members.push_back(&t);
        }
        detail::list_targets(g, members, options.next_deadlines_per_pillar);
        sc.pillars.push_back(std::move(g));
    }

    // Targets outside every pillar (their indicator has none, or is not in the framework).
    if (roll.unassigned) {
        std::vector<const scorecard_target*> members;
        for (const auto& t : sc.targets) {
            if (!t.pillar) members.push_back(&t);
        }
        scorecard_group g;
        g.id = roll.unassigned->id;
        g.name = detail::no_pillar_name(lang);
        detail::copy_rollup(g, *roll.unassigned);
        detail::list_targets(g, members, options.next_deadlines_per_pillar);
        sc.unassigned = std::move(g);
    }

    // Overall.
    sc.overall.id = "overall";
    sc.overall.name = detail::overall_name(lang);
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

    // Sources, and how recent the data are.
    for (const target& t : fw.targets)
        sc.target_sources.add(t.source);
    const observation_table& rows = ds.observations;
    const std::int64_t last_day = as_of.days_since_epoch();
    const std::optional<source> no_source;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (options.entity && rows.entity(i) != *options.entity) continue;
        if (rows.day(i) > last_day) continue;  // not part of the picture at the as-of date
        const source* s = rows.source_of(i);
        sc.observation_sources.add(s != nullptr ? std::optional<source>(*s) : no_source);
    }
    const data_freshness fresh = newest_dates(ds, as_of, options.entity);
    sc.newest_observation = fresh.newest_observation;
    sc.newest_source = fresh.newest_source;

    // Ranking.
    std::optional<std::string> rank_on = options.ranking_indicator;
    if (!rank_on && options.auto_ranking) rank_on = default_ranking_indicator(ds, 3, as_of);
    if (rank_on) sc.ranking = ranking_from_observations(ds, *rank_on, as_of, lang);
    return sc;
}

}  // namespace dxframe
