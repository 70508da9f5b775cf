// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/assess.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/observation_table.hpp>
#include <dxframe/model/target.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/growth.hpp>
// The measures the methods share (goal, path, projections, P and E, status bands).
#include <dxframe/progress/derived.hpp>
#include <dxframe/progress/impl/assess_measures.ipp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/series.hpp>
// detail::ranking_points, add_point(), settle_rankings(), chosen_series(): assess_across()
// groups the observations as observed_rankings() does, in one pass for all its entities.
#include <dxframe/progress/impl/series.ipp>
#include <dxframe/progress/status.hpp>
#include <dxframe/report/format.hpp>

namespace dxframe {

DXFRAME_DECL std::optional<double> progress_score(const target_assessment& a) {
    if (a.status_source == status_origin::manual) return std::nullopt;
    if (a.status == target_status::achieved) return 1.0;
    if (!is_judgement(a.status) || !a.progress) return std::nullopt;
    return std::clamp(*a.progress, 0.0, 1.0);
}

namespace detail {

// The assessment by the method alone, with options already resolved for the target.
inline target_assessment computed_assessment(const target& t, const indicator* ind,
                                             const std::vector<dated_value>& series, const std::string& entity_id,
                                             bool use_target_baseline, const date& as_of,
                                             const progress_options& options) {
    target_assessment a;
    a.target = t.id;
    a.indicator = t.indicator;
    a.entity = entity_id;
    a.breakdown = t.breakdown;
    a.kind = t.kind;
    a.method = options.method;
    a.deadline = t.deadline;
    a.as_of = as_of;
    a.days_to_deadline = days_between(as_of, t.deadline);
    a.result_window_start = months_before(t.deadline, options.result_window_months);
    if (has_numeric_target(t.kind)) a.target_value = detail::finite_or_none(t.value);
    const bool past_deadline = as_of > t.deadline;

    if (ind == nullptr) {
        detail::set_insufficient(a, insufficiency_reason::unknown_indicator,
                                 "target '" + t.id + "': indicator '" + t.indicator + "' is not in the framework");
        return a;
    }
    const std::vector<dated_value> points = up_to(series, as_of);

    // Baseline: the target's own, else Open SDG's rule (first point on or after the base date).
    std::optional<dated_value> base;
    std::string no_base_message = detail::reason_text(insufficiency_reason::no_baseline);
    if (use_target_baseline && t.baseline) {
        if (!std::isfinite(t.baseline->value)) {
            no_base_message = "the target's baseline value is not a finite number";
        } else if (t.baseline->date <= as_of) {
            base = dated_value{t.baseline->date, t.baseline->value};
        } else {
            no_base_message = "the target's baseline (" + t.baseline->date.to_string() + ") is after the as-of date";
        }
    } else {
        if (t.baseline) {
            a.notes.push_back(
                "the target's explicit baseline belongs to the entity it binds; this entity's own "
                "first value on or after the base date is used instead");
        }
        base = first_on_or_after(points, options.base_date);
    }
    a.baseline = base;

    const detail::goal_or_problem made = detail::make_goal(t, *ind, base);
    if (!made.value) {
        if (made.reason == insufficiency_reason::invalid_target) {
            detail::set_insufficient(a, made.reason, made.message);
            return a;
        }
        // maintain with neither a value nor a baseline: nothing to compare with, but whether a
        // result is missing after the deadline still shows.
        if (const auto last = latest_on_or_before(series, as_of))
            detail::set_latest(a, *last, options.stale_after_months);
        if (past_deadline) {
            detail::set_after_deadline(a);
        } else if (points.empty()) {
            detail::set_no_data(a, detail::reason_text(insufficiency_reason::no_observations));
        } else {
            detail::set_insufficient(a, made.reason, made.message);
        }
        return a;
    }
    const detail::goal& g = *made.value;
    if (t.kind == target_kind::maintain && !t.value) a.target_value = g.point;

    if (points.empty()) {
        if (past_deadline) {
            detail::set_after_deadline(a);
        } else {
            detail::set_no_data(a, detail::reason_text(insufficiency_reason::no_observations));
        }
        return a;
    }
    const dated_value latest = *latest_on_or_before(series, as_of);
    detail::set_latest(a, latest, options.stale_after_months);

    // Boolean indicators jump from 0 to 1: growth rates mean nothing there (Open SDG assesses
    // binary indicators as achieved / not achieved), so every method uses the linear measures.
    progress_method method = options.method;
    if (ind->unit == unit::boolean && method != progress_method::linear) {
        method = progress_method::linear;
        a.method = method;
        a.notes.push_back("boolean indicator: assessed with the linear method");
    }

    if (!has_numeric_target(t.kind)) {
        // increase / decrease: the growth in the good direction against fixed rates (Open SDG's
        // methodology 1), whatever the method; at the deadline, any move the right way achieves it.
        // After the deadline, a move that cannot be shown is not achieved.
        if (!base) {
            if (past_deadline) {
                detail::set_after_deadline(a);
            } else {
                detail::set_insufficient(a, insufficiency_reason::no_baseline, no_base_message);
            }
            return a;
        }
        if (!(base->date < latest.date)) {
            if (past_deadline) {
                detail::set_after_deadline(a);
            } else {
                detail::set_insufficient(a, insufficiency_reason::single_point,
                                         detail::reason_text(insufficiency_reason::single_point));
            }
            return a;
        }
        opensdg_inputs in;
        in.base_value = g.assessed(base->value);
        in.current_value = g.assessed(latest.value);
        in.years_observed = years_between(base->date, latest.date);
        in.direction = g.direction;
        in.no_target_thresholds = options.no_target_thresholds;
        in.zero_substitute = options.zero_substitute;
        if (options.limit_from_bounds) {
            const auto b = effective_bounds(*ind);
            in.limit = g.direction > 0 ? b.maximum : b.minimum;
        }
        const opensdg_outcome r = opensdg_progress(in);
        if (r.base_substituted)
            a.notes.push_back("baseline 0 replaced by " + detail::num(*options.zero_substitute) +
                              " for growth rates (Open SDG rule)");
        if (in.limit && r.coefficient != 1.0) {
            a.notes.push_back("growth thresholds scaled by " + detail::num(r.coefficient) + " near the limit " +
                              detail::num(*in.limit) + " (Open SDG rule)");
        }
        a.observed_growth = detail::finite_or_none(r.observed_growth);
        if (r.progress_value) a.ratio = detail::finite_or_none(*r.progress_value);
        a.opensdg_score = r.score;
        a.projected = method == progress_method::linear
                          ? detail::linear_projection(*base, latest, t.deadline, *ind)
                          : detail::finite_or_none(detail::geometric_projection(*base, latest, t.deadline, *ind));
        if (past_deadline) {
            if (g.direction * (latest.value - base->value) > 0) {
                a.status = target_status::achieved;
            } else {
                detail::set_after_deadline(a);
            }
        } else if (r.reason) {
            detail::set_insufficient(a, *r.reason, detail::reason_text(*r.reason));
        } else {
            a.status = r.status;
        }
        return a;
    }

    // Numeric targets: achieved and overdue come first, from the latest value alone.
    const bool met = g.met(latest.value);
    std::optional<insufficiency_reason> problem;
    std::string problem_message;
    if (!base) {
        problem = insufficiency_reason::no_baseline;
        problem_message = no_base_message;
    } else {
        const detail::shared_measures s = detail::fill_shared(a, t, g, *base, latest);
        if (s.reason) {
            problem = s.reason;
            problem_message = detail::reason_text(*s.reason);
        }
    }

    if (!problem) {
        switch (method) {
            case progress_method::linear:
                a.projected = detail::linear_projection(*base, latest, t.deadline, *ind);
                detail::linear_status(a, g, *base, options);
                break;
            case progress_method::growth_ratio: {
                opensdg_inputs in;
                in.base_value = g.assessed(base->value);
                in.current_value = g.assessed(latest.value);
                in.years_observed = years_between(base->date, latest.date);
                in.target = *g.target;
                in.years_to_target = years_between(base->date, t.deadline);
                in.direction = g.direction;
                in.target_achieved = met;
                in.thresholds = options.thresholds;
                in.zero_substitute = options.zero_substitute;
                const opensdg_outcome r = opensdg_progress(in);
                if (r.base_substituted) {
                    a.notes.push_back("baseline 0 replaced by " + detail::num(*options.zero_substitute) +
                                      " for growth rates (Open SDG rule)");
                }
                if (r.target_substituted) {
                    a.notes.push_back("target 0 replaced by " + detail::num(*options.zero_substitute) +
                                      " for growth rates (Open SDG rule)");
                }
                a.observed_growth = detail::finite_or_none(r.observed_growth);
                a.required_growth = detail::finite_or_none(r.required_growth);
                if (r.progress_value) a.ratio = detail::finite_or_none(*r.progress_value);
                a.opensdg_score = r.score;
                a.projected = detail::finite_or_none(detail::geometric_projection(*base, latest, t.deadline, *ind));
                if (r.reason && !met) {
                    problem = r.reason;
                    problem_message = detail::reason_text(*r.reason);
                } else {
                    a.status = r.status;
                }
                break;
            }
            case progress_method::projection: {
                if (base->value == 0) {
                    problem = insufficiency_reason::zero_baseline;
                } else if ((base->value > 0 && latest.value < 0) || (base->value < 0 && latest.value > 0)) {
                    problem = insufficiency_reason::sign_change;
                }
                if (problem) {
                    problem_message = detail::reason_text(*problem);
                    break;
                }
                // Past the deadline the status is achieved or overdue whatever the trend says.
                const auto x_hat = detail::geometric_projection(*base, latest, t.deadline, *ind);
                if (!x_hat) break;
                a.projected = detail::finite_or_none(*x_hat);
                const double y0 = g.assessed(base->value);
                if (*g.target == y0) {
                    a.status = target_status::deterioration;
                    break;
                }
                const double rho = g.direction * (g.assessed(*x_hat) - y0) / std::fabs(*g.target - y0);
                if (std::isnan(rho)) {
                    problem = insufficiency_reason::not_computable;
                    problem_message = detail::reason_text(*problem);
                    break;
                }
                detail::apply_band(a, rho, options.thresholds);
                break;
            }
        }
    }

    if (met) {
        a.status = target_status::achieved;
        a.reason.reset();
        a.message.reset();
        if (a.method == progress_method::growth_ratio) a.opensdg_score = 5.0;
    } else if (past_deadline) {
        detail::set_after_deadline(a);
    } else if (problem) {
        detail::set_insufficient(a, *problem, problem_message);
    }
    return a;
}

}  // namespace detail

DXFRAME_DECL target_assessment assess_series(const target& t, const indicator* ind,
                                             const std::vector<dated_value>& series, const std::string& entity_id,
                                             bool use_target_baseline, const date& as_of,
                                             const progress_options& options) {
    check_options(options);
    const progress_options effective = effective_options(options, t);
    const bool own =
        options.target_overrides == target_settings::honour && (t.method || t.thresholds || t.no_target_thresholds);
    target_assessment a;
    if (const auto problem = own ? options_problem(effective) : std::nullopt) {
        // The target's own settings are data: bad ones make the target unassessable, never an
        // exception (validation reports them as invalid_target).
        a = detail::computed_assessment(t, nullptr, {}, entity_id, use_target_baseline, as_of, effective);
        detail::set_insufficient(a, insufficiency_reason::invalid_target, "target '" + t.id + "': its own " + *problem);
    } else {
        a = detail::computed_assessment(t, ind, series, entity_id, use_target_baseline, as_of, effective);
    }
    if (own) a.method_source = method_origin::target;

    // A status set by hand wins over the computed one: the latest for this entity on or before as_of
    // (of two with one date, the later in the list).
    const manual_status* in_force = nullptr;
    for (const manual_status& m : t.manual_statuses) {
        const bool for_this_entity = m.entity ? *m.entity == entity_id : use_target_baseline;
        if (!for_this_entity || m.date > as_of || !is_judgement(m.status)) continue;
        if (in_force == nullptr || !(m.date < in_force->date)) in_force = &m;
    }
    if (in_force != nullptr) {
        a.computed_status = a.status;
        a.status = in_force->status;
        a.status_source = status_origin::manual;
        a.manual = *in_force;
    }
    return a;
}

DXFRAME_DECL target_assessment assess_ranking(const target& t, const indicator* ind, const ranked_series& series,
                                              const std::string& entity_id, bool use_target_baseline, const date& as_of,
                                              const progress_options& options) {
    target_assessment a = assess_series(t, ind, series.points, entity_id, use_target_baseline, as_of, options);
    if (a.latest) a.latest_out_of = series.out_of;
    return a;
}

namespace detail {

// The latest point of a derived series on or before `as_of`, or nullopt.
inline std::optional<derived_point> latest_point(const std::vector<derived_point>& points, const date& as_of) {
    const auto end = std::upper_bound(points.begin(), points.end(), as_of,
                                      [](const date& d, const derived_point& p) { return d < p.date; });
    if (end == points.begin()) return std::nullopt;
    return *(end - 1);
}

// Assesses `t` for `entity_id`: on a derived indicator's derive_series() for the entity it is
// derived for (with the latest point's counts in `derived`; derived series are headline ones),
// else on the observed series of the target's breakdown.
inline target_assessment assess_one(const dataset& ds, const target& t, const indicator* ind,
                                    const std::string& entity_id, bool use_target_baseline, const date& as_of,
                                    const progress_options& options) {
    if (ind != nullptr && ind->derived && t.breakdown.empty() &&
        entity_id == derived_entity(ds.framework, *ind->derived)) {
        const std::vector<derived_point> points = derive_series(ds, *ind);
        ranked_series series;
        for (const derived_point& p : points)
            series.points.push_back(dated_value{p.date, p.value});
        target_assessment a = assess_ranking(t, ind, series, entity_id, use_target_baseline, as_of, options);
        a.derived = latest_point(points, as_of);
        return a;
    }
    const ranked_series series =
        observed_series(ds.observations, entity_id, t.indicator, ind ? ind->unit : unit::other, as_of, t.breakdown);
    return assess_ranking(t, ind, series, entity_id, use_target_baseline, as_of, options);
}

}  // namespace detail

DXFRAME_DECL target_assessment assess(const dataset& ds, const target& t, const std::string& entity_id,
                                      const date& as_of, const progress_options& options) {
    const indicator* ind = find_by_id(ds.framework.indicators, t.indicator);
    return detail::assess_one(ds, t, ind, entity_id, entity_id == bound_entity(ds.framework, t), as_of, options);
}

DXFRAME_DECL target_assessment assess(const dataset& ds, const target& t, const date& as_of,
                                      const progress_options& options) {
    return assess(ds, t, bound_entity(ds.framework, t), as_of, options);
}

namespace detail {

// The ids of the derived indicators whose derived entity (derived_entity()) has an observation
// of them in `ds`: one pass over the observations, none when nothing is derived.
inline std::unordered_set<std::string_view> derived_entity_reports(const dataset& ds) {
    std::unordered_map<std::string_view, std::string> derived_for;  // indicator id -> its entity
    for (const indicator& ind : ds.framework.indicators) {
        if (ind.derived) derived_for.emplace(ind.id, derived_entity(ds.framework, *ind.derived));
    }
    std::unordered_set<std::string_view> out;
    if (derived_for.empty()) return out;
    // Read through the table's key view: per indicator key, the entity key it is derived for.
    const observation_table& rows = ds.observations;
    std::unordered_map<std::uint64_t, std::string_view> wanted;  // (indicator, entity) keys -> indicator id
    for (const auto& [indicator_id, entity_id] : derived_for) {
        const auto i = rows.indicators().find(indicator_id);
        const auto e = rows.entities().find(entity_id);
        if (i && e) wanted.emplace((std::uint64_t{*i} << 32U) | *e, indicator_id);
    }
    if (wanted.empty()) return out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto it = wanted.find((std::uint64_t{rows.indicator_key(i)} << 32U) | rows.entity_key(i));
        if (it != wanted.end()) out.insert(it->second);
    }
    return out;
}

// The series of `entity_ids` of `indicator_id` in breakdown `b`, in one pass over the
// observations (observed_rankings() for each entity, without a pass per entity).
inline std::unordered_map<std::string_view, ranking_points> rankings_of_entities(
    const observation_table& rows, const std::vector<std::string>& entity_ids, const std::string& indicator_id, unit u,
    const breakdown& b) {
    std::unordered_map<std::string_view, ranking_points> out;
    out.reserve(entity_ids.size());
    for (const std::string& e : entity_ids)
        out.try_emplace(e);
    // Read through the table's key view: rows are matched by their interned keys.
    const auto indicator = rows.indicators().find(indicator_id);
    const auto& parts = rows.breakdowns();
    const auto part = std::find(parts.begin(), parts.end(), b);
    if (!indicator || part == parts.end()) return out;
    const auto part_key = static_cast<std::uint32_t>(part - parts.begin());
    // By entity key: the points of an entity asked for (map values do not move), else null.
    std::vector<ranking_points*> by_key(rows.entities().size(), nullptr);
    for (auto& [e, points] : out) {
        if (const auto k = rows.entities().find(e)) by_key[*k] = &points;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows.indicator_key(i) != *indicator || rows.breakdown_key(i) != part_key) continue;
        if (ranking_points* points = by_key[rows.entity_key(i)]) add_point(*points, rows, u, i);
    }
    return out;
}

}  // namespace detail

DXFRAME_DECL std::vector<target_assessment> assess_all(const dataset& ds, const date& as_of,
                                                       const progress_options& options, entity_scope scope) {
    check_options(options);
    const series_index index(ds);
    const dataset_index ids(ds);
    // all_observed lists the entities that report an indicator: the index's entities with a
    // series of it (a look-up), except the entity a derived indicator is computed for, which
    // counts only when it reports the indicator itself (a computed series is not a report).
    const std::unordered_set<std::string_view> derived_reported = scope == entity_scope::all_observed
                                                                      ? detail::derived_entity_reports(ds)
                                                                      : std::unordered_set<std::string_view>{};
    // Per target, the other entities' series (all_observed), listed first so that the result
    // is allocated once: at commune scale it holds 330 k assessments.
    std::vector<std::vector<series_index::entity_series>> others(
        scope == entity_scope::all_observed ? ds.framework.targets.size() : 0);
    std::size_t count = ds.framework.targets.size();
    for (std::size_t i = 0; i < others.size(); ++i) {
        const target& t = ds.framework.targets[i];
        others[i] = index.series_of(t.indicator, as_of, t.breakdown);
        count += others[i].size();
    }
    std::vector<target_assessment> out;
    out.reserve(count);
    for (std::size_t i = 0; i < ds.framework.targets.size(); ++i) {
        const target& t = ds.framework.targets[i];
        const std::size_t at = ids.indicator(t.indicator);
        const indicator* ind = at == dataset_index::npos ? nullptr : &ds.framework.indicators[at];
        const std::string bound = bound_entity(ds.framework, t);
        out.push_back(
            assess_ranking(t, ind, index.get(bound, t.indicator, as_of, t.breakdown), bound, true, as_of, options));
        if (const auto* points = t.breakdown.empty() ? index.derived(bound, t.indicator) : nullptr)
            out.back().derived = detail::latest_point(*points, as_of);
        if (others.empty()) continue;
        std::optional<std::string> derived_for;
        if (ind != nullptr && ind->derived && t.breakdown.empty() && derived_reported.count(t.indicator) == 0)
            derived_for = derived_entity(ds.framework, *ind->derived);
        std::string entity;
        for (const series_index::entity_series& e : others[i]) {
            if (e.entity == bound || (derived_for && e.entity == *derived_for)) continue;
            // An entity that first reports after the as-of date is not in the picture at that
            // date: listing it would make a past assessment change when later data arrive.
            const ranked_series& series = *e.series;
            if (series.points.empty() || as_of < series.points.front().date) continue;
            entity.assign(e.entity);
            out.push_back(assess_ranking(t, ind, series, entity, false, as_of, options));
        }
    }
    return out;
}

DXFRAME_DECL std::vector<target_assessment> assess_across(const dataset& ds, const target& t,
                                                          const std::vector<std::string>& entities, const date& as_of,
                                                          const progress_options& options) {
    check_options(options);
    const indicator* ind = find_by_id(ds.framework.indicators, t.indicator);
    const std::string bound = bound_entity(ds.framework, t);
    const unit u = ind != nullptr ? ind->unit : unit::other;
    std::optional<std::string> derived_for;  // assessed on its derived series (assess_one())
    if (ind != nullptr && ind->derived && t.breakdown.empty())
        derived_for = derived_entity(ds.framework, *ind->derived);
    auto grouped = detail::rankings_of_entities(ds.observations, entities, t.indicator, u, t.breakdown);
    std::vector<target_assessment> out;
    out.reserve(entities.size());
    for (const std::string& e : entities) {
        if (e == derived_for) {
            out.push_back(detail::assess_one(ds, t, ind, e, e == bound, as_of, options));
            continue;
        }
        // A copy: an entity listed twice gets the same series twice.
        const ranked_series series =
            detail::chosen_series(detail::settle_rankings(detail::ranking_points(grouped[e])), as_of);
        out.push_back(assess_ranking(t, ind, series, e, e == bound, as_of, options));
    }
    return out;
}

}  // namespace dxframe
