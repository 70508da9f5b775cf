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

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/model/source.hpp>
#include <dxframe/model/target.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/ranking.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/series.hpp>
#include <dxframe/progress/status.hpp>
#include <dxframe/progress/tasks.hpp>

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

/// The latest value of one breakdown of a target's indicator and entity, for the small
/// multiples next to a target (women and men beside the headline).
struct breakdown_value {
    dxframe::breakdown breakdown;  ///< Which breakdown.
    std::string label;             ///< Its codes' names in the scorecard's language (breakdown_label()).
    dated_value latest;            ///< Its latest usable value on or before the as-of date.
};
BOOST_DESCRIBE_STRUCT(breakdown_value, (), (breakdown, label, latest))

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
    std::optional<double> expected;               ///< E: share the path should have covered by the latest date.
    std::optional<double> ratio;                  ///< The number the status thresholds were applied to.
    std::optional<dated_value> latest;            ///< Latest usable value on or before the as-of date.
    std::optional<std::int64_t> latest_age_days;  ///< Age of `latest` at the as-of date, in days.
    /// `latest` is older than progress_options::stale_after_months before the as-of date.
    bool stale = false;
    std::optional<dated_value> baseline;    ///< Starting point used.
    std::optional<double> target_value;     ///< The value to reach (lower bound for within).
    std::optional<double> upper;            ///< Upper bound, for within.
    std::optional<double> projected;        ///< Value expected at the deadline if the trend goes on.
    dxframe::date deadline;                 ///< Deadline.
    std::int64_t days_to_deadline = 0;      ///< Deadline − as-of in days; negative once passed.
    std::vector<dated_value> series;        ///< The entity's usable values up to the as-of date.
    std::vector<dated_value> path;          ///< Baseline, milestones and target at the deadline.
    std::optional<dxframe::source> source;  ///< The document that sets the target.
    /// For a rank observed with out_of: the size of the ranking `latest` and `series` belong to
    /// (shown "4 / 63"); absent otherwise.
    std::optional<double> latest_out_of;
    /// The method of the assessment (the run's, or the target's own: `method_source`).
    progress_method method = progress_method::linear;
    /// Whether the method and thresholds are the run's or the target's own.
    method_origin method_source = method_origin::run;
    /// Whether `status` was computed or set by hand.
    status_origin status_source = status_origin::computed;
    std::optional<target_status> computed_status;  ///< With a manual status: the method's verdict.
    std::optional<std::string> manual_reason;      ///< With a manual status: its reason, in the scorecard's language.
    std::optional<dxframe::date> manual_date;      ///< With a manual status: when it was set.
    std::optional<dxframe::source> manual_source;  ///< With a manual status: what it rests on.
    /// The breakdown the target is about (target::breakdown); empty for the headline.
    dxframe::breakdown breakdown;
    std::string breakdown_label;  ///< Its codes' names in the scorecard's language; "" for the headline.
    /// The latest value of each breakdown (other than the headline) of the indicator for the
    /// entity, on or before the as-of date, in breakdown order; empty when there is none.
    std::vector<breakdown_value> breakdowns;
};
BOOST_DESCRIBE_STRUCT(scorecard_target, (),
                      (id, title, indicator, indicator_name, pillar, entity, kind, direction, unit, unit_label,
                       unit_suffix, status, reason, message, score, progress, expected, ratio, latest, latest_age_days,
                       stale, baseline, target_value, upper, projected, deadline, days_to_deadline, series, path,
                       source, latest_out_of, method, method_source, status_source, computed_status, manual_reason,
                       manual_date, manual_source, breakdown, breakdown_label, breakdowns))

/// A group of targets summarised: one pillar, the targets with no pillar, or everything.
struct scorecard_group {
    std::string id;                         ///< Pillar name ("digital_government"), "none" or "overall".
    std::optional<dxframe::pillar> pillar;  ///< The pillar, for pillar groups.
    std::string name;                       ///< Display name.
    bool foundation = false;                ///< A foundation of Decision 749 (not one of the three pillars).
    std::size_t targets = 0;                ///< Targets in the group (0: no target set in the sources).
    status_counts counts;                   ///< By status.
    std::optional<double> score;            ///< Weighted mean progress score in [0, 1]; absent when none has one.
    std::optional<double> share_on_track;   ///< (achieved + on track) / targets with a judgement.
    std::optional<target_status> worst;     ///< Worst status (severity_rank); absent for an empty group.
    /// Ids of the targets that need action (needs_action: off track, overdue or unreported),
    /// most urgent first (attention_rank: overdue, unreported, deterioration, …), then by deadline.
    std::vector<std::string> off_track;
    /// Ids of the targets not yet achieved whose deadline is still ahead, soonest first.
    std::vector<std::string> next_deadlines;
    /// Targets without a judgement (unreported + insufficient_data + no_data): left out of
    /// score and share_on_track, counted here apart.
    std::size_t not_judged = 0;
    std::size_t stale = 0;  ///< Targets whose latest observation is stale.
    /// Targets whose status was set by hand, by that status: in `targets` but not in `counts`,
    /// score or share_on_track (see rollup_entry::manual_counts).
    status_counts manual_counts;
    std::size_t manual = 0;  ///< Targets with a manual status.
};
BOOST_DESCRIBE_STRUCT(scorecard_group, (),
                      (id, pillar, name, foundation, targets, counts, score, share_on_track, worst, off_track,
                       next_deadlines, not_judged, stale, manual_counts, manual))

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
    DXFRAME_DECL void add(const std::optional<source>& s) noexcept;
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
    /// Date of the newest observation on or before as_of (of the entity assessed, with --entity).
    std::optional<dxframe::date> newest_observation;
    /// Newest publication date (`source.published`) among the sources of those observations and
    /// of the targets, on or before as_of: how recent the newest source document is.
    std::optional<dxframe::date> newest_source;
    int stale_after_months = 12;   ///< The staleness age used (progress_options::stale_after_months).
    int result_window_months = 6;  ///< The result window used (progress_options::result_window_months).
};
BOOST_DESCRIBE_STRUCT(scorecard, (),
                      (framework, framework_name, entity, entity_name, as_of, method, lang, overall, pillars,
                       unassigned, targets, task_totals, overdue_tasks, due_soon_tasks, target_sources,
                       observation_sources, ranking, newest_observation, newest_source, stale_after_months,
                       result_window_months))

/// True for off track (needs acceleration, limited progress, deterioration) and overdue. The
/// scorecard's lists of targets needing action also take unreported (see needs_action).
constexpr bool is_off_track(target_status s) noexcept {
    return s == target_status::needs_acceleration || s == target_status::limited_progress ||
           s == target_status::deterioration || s == target_status::overdue;
}

/// The scorecard target with id `id`, or nullptr.
DXFRAME_DECL const scorecard_target* find_target(const scorecard& sc, const std::string& id) noexcept;

/// Builds the scorecard of `ds` at `as_of`. Pure: reads the dataset, returns values. Throws
/// dxframe::error only for unusable options (thresholds out of order, a negative due-soon
/// window); bad data shows as insufficient_data with a reason.
DXFRAME_DECL scorecard make_scorecard(const dataset& ds, const date& as_of, const scorecard_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/scorecard.ipp>
#endif
