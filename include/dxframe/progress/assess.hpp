// SPDX-License-Identifier: MIT
/// @file
/// @brief Assessment of one target for one entity at an as-of date, by one of three methods.
///
/// Pure functions over the model. The formulas, their sources and worked examples are in
/// docs/progress.md (Open SDG, Eurostat and the UNSD Progress Chart, with their sources).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/framework.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/manual_status.hpp>
#include <dxframe/model/target.hpp>
#include <dxframe/progress/derived.hpp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/series.hpp>
#include <dxframe/progress/status.hpp>

namespace dxframe {

/// Where one target stands for one entity at an as-of date. Optional members are absent when
/// they do not apply or cannot be computed (never NaN or infinity).
struct target_assessment {
    std::string target;     ///< Target id.
    std::string indicator;  ///< Indicator id.
    std::string entity;     ///< Entity assessed.
    /// The breakdown assessed: the target's (target::breakdown); empty for the headline series.
    dxframe::breakdown breakdown;
    target_kind kind = target_kind::at_least;                 ///< The target's kind.
    progress_method method = progress_method::linear;         ///< Method that produced `ratio` and the status.
    target_status status = target_status::insufficient_data;  ///< The verdict.
    std::optional<insufficiency_reason> reason;               ///< Why, when status is insufficient_data or no_data.
    /// The reason in words (insufficient_data, no_data), or what is missing (unreported).
    std::optional<std::string> message;
    /// P: share of the distance from baseline to target covered by the latest value
    /// (d·(y_t − y_0)/|y* − y_0|; for exactly / within, y is the distance to the target). Any method.
    std::optional<double> progress;
    /// E: share of the way the path from baseline to target (through the milestones; a straight
    /// line without them) should have covered by the latest observation's date, in [0, 1].
    std::optional<double> expected;
    /// The number the thresholds were applied to: P/E (linear), growth ratio R (growth_ratio),
    /// projected share of the distance ρ (projection); for increase / decrease targets the
    /// direction-adjusted compound annual growth g (every method).
    std::optional<double> ratio;
    std::optional<dated_value> latest;    ///< Latest usable value on or before as_of.
    std::optional<dated_value> baseline;  ///< Starting point used.
    std::optional<double> target_value;   ///< The value to reach (lower bound for within).
    std::optional<double> projected;      ///< Value expected at the deadline if the observed trend goes on.
    dxframe::date deadline;               ///< The target's deadline.
    dxframe::date as_of;                  ///< Date of the assessment.
    std::int64_t days_to_deadline = 0;    ///< Deadline − as_of in days; negative once it has passed.
    /// Start of the result window: deadline − options.result_window_months. After the deadline
    /// a target not met is overdue with an observation dated on or after it, else unreported.
    dxframe::date result_window_start;
    std::optional<std::int64_t> latest_age_days;  ///< as_of − latest.date in days; absent without `latest`.
    /// The latest observation is dated before as_of − options.stale_after_months (false without one).
    bool stale = false;
    std::optional<double> observed_growth;  ///< CAGR from baseline to latest (growth rules only).
    std::optional<double> required_growth;  ///< CAGR needed from baseline to target (growth_ratio only).
    /// Open SDG's score in [−5, 5] when the status came from its rules (growth_ratio, or an
    /// increase / decrease target): 5 = achieved.
    std::optional<double> opensdg_score;
    std::optional<double> path_value;  ///< Value on the path (baseline → milestones → target) at the latest date.
    std::optional<double> path_gap;    ///< Latest − path value, signed so that positive = ahead of the path.
    std::vector<std::string> notes;    ///< Substitutions and other facts a reader should know.
    /// For a rank observed with out_of: the size of the ranking `latest` is a place in (4 of 63).
    /// The series assessed is that ranking's alone (choose_ranking()). Absent otherwise.
    std::optional<double> latest_out_of;
    /// Whether `method` and the thresholds are the run's or the target's own.
    method_origin method_source = method_origin::run;
    /// Whether `status` was computed or set by hand (manual: see `manual`, `computed_status`).
    status_origin status_source = status_origin::computed;
    /// With a manual status: what the method said (the measures above are the method's).
    std::optional<target_status> computed_status;
    /// The manual status in force: the latest dated on or before as_of for this entity.
    std::optional<manual_status> manual;
    /// A target on a derived indicator assessed for the entity it is derived for: the latest
    /// point of the derived series on or before as_of (numerator, denominator, members, missing,
    /// computed or reported; derived_members() says who is missing).
    std::optional<derived_point> derived;
};
BOOST_DESCRIBE_STRUCT(target_assessment, (),
                      (target, indicator, entity, breakdown, kind, method, status, reason, message, progress, expected,
                       ratio, latest, baseline, target_value, projected, deadline, as_of, days_to_deadline,
                       result_window_start, latest_age_days, stale, observed_growth, required_growth, opensdg_score,
                       path_value, path_gap, notes, latest_out_of, method_source, status_source, computed_status,
                       manual, derived))

/// Which entities assess_all() assesses each target for.
enum class entity_scope {
    bound,        ///< The entity the target binds (its `entity`, else the framework's nation).
    all_observed  ///< That entity and every other entity with observations of the indicator by the as-of date.
};
BOOST_DESCRIBE_ENUM(entity_scope, bound, all_observed)

/// The entity a target binds: its own `entity`, or else the framework's nation.
inline std::string bound_entity(const framework& fw, const target& t) {
    return t.entity.value_or(fw.nation);
}

/// The score a target contributes to roll-ups: 1 when achieved, else P clipped to [0, 1];
/// absent when there is no P (increase / decrease targets not yet decided), for the statuses
/// that are not judgements (unreported, insufficient_data, no_data; see is_judgement) and for
/// a manual status (roll-ups count those apart).
DXFRAME_DECL std::optional<double> progress_score(const target_assessment& a);

/// Assesses target `t` for `entity_id` from that entity's full date-ordered series of the
/// target's indicator (observed_series() or series_index::get(); points after `as_of` are
/// ignored here). `ind` is the target's indicator, nullptr if the framework lacks it.
/// The target's explicit baseline is used only when `use_target_baseline` (it describes the
/// entity the target binds; for any other entity the baseline comes from its own series).
/// The method and thresholds are effective_options(options, t): a target's own win unless the
/// run ignores them; a target whose own thresholds are unusable gets insufficient_data
/// (invalid_target). The latest manual status of `t` dated on or before `as_of` for this entity
/// (`manual_status::entity`, or, when absent, the entity the target binds, i.e. when
/// `use_target_baseline`) replaces the computed status, which is kept in `computed_status`.
/// Throws dxframe::error for unusable options; bad data gives insufficient_data with a reason,
/// missing data no_data (before the deadline) or unreported (after it).
DXFRAME_DECL target_assessment assess_series(const target& t, const indicator* ind,
                                             const std::vector<dated_value>& series, const std::string& entity_id,
                                             bool use_target_baseline, const date& as_of,
                                             const progress_options& options = {});

/// assess_series() on one ranking's series (series_index::get() or observed_series() with the
/// as-of date); also sets latest_out_of.
DXFRAME_DECL target_assessment assess_ranking(const target& t, const indicator* ind, const ranked_series& series,
                                              const std::string& entity_id, bool use_target_baseline, const date& as_of,
                                              const progress_options& options = {});

/// Assesses target `t` for entity `entity_id` in `ds` at `as_of`. Observations after `as_of`
/// are ignored; the target's explicit baseline applies only to the entity it binds.
DXFRAME_DECL target_assessment assess(const dataset& ds, const target& t, const std::string& entity_id,
                                      const date& as_of, const progress_options& options = {});

/// Assesses target `t` for the entity it binds.
DXFRAME_DECL target_assessment assess(const dataset& ds, const target& t, const date& as_of,
                                      const progress_options& options = {});

/// Assesses every target of the framework, in framework order; with entity_scope::all_observed,
/// each target is followed by its assessments for the other entities that report its
/// indicator on or before `as_of` (sorted by id), e.g. a national target applied to every province.
DXFRAME_DECL std::vector<target_assessment> assess_all(const dataset& ds, const date& as_of,
                                                       const progress_options& options = {},
                                                       entity_scope scope = entity_scope::bound);

/// Assesses one target for each of `entities` (e.g. all provinces on a national target).
DXFRAME_DECL std::vector<target_assessment> assess_across(const dataset& ds, const target& t,
                                                          const std::vector<std::string>& entities, const date& as_of,
                                                          const progress_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/assess.ipp>
#endif
