// SPDX-License-Identifier: MIT
/// @file
/// @brief The status scale shared by every progress method, and why a status could not be given.
#pragma once

#include <cstddef>
#include <string_view>

#include <boost/describe/enum.hpp>

#include <dxframe/model/target_status.hpp>

namespace dxframe {

/// Why an assessment ended in target_status::insufficient_data (no_observations also for no_data).
enum class insufficiency_reason {
    unknown_indicator,            ///< The target names an indicator the framework does not have.
    invalid_target,               ///< Kind and values do not fit (at_least without a value, within with lo > hi…).
    no_observations,              ///< No usable observation on or before the as-of date (status no_data).
    no_baseline,                  ///< No explicit baseline and no observation on or after the base date.
    single_point,                 ///< Only one usable point: nothing after the baseline date.
    deadline_not_after_baseline,  ///< The deadline is on or before the baseline date.
    zero_baseline,                ///< A growth rate from a baseline of zero (and no substitute allowed).
    zero_target,                  ///< A required growth rate to a target of zero (and no substitute allowed).
    sign_change,                  ///< Baseline and latest value differ in sign: no growth rate exists.
    target_sign_differs,          ///< Baseline and target differ in sign: no required growth rate exists.
    not_computable                ///< The growth rates overflow or are undefined (0/0).
};
BOOST_DESCRIBE_ENUM(insufficiency_reason, unknown_indicator, invalid_target, no_observations, no_baseline, single_point,
                    deadline_not_after_baseline, zero_baseline, zero_target, sign_change, target_sign_differs,
                    not_computable)

/// Where the method and thresholds of an assessment come from.
enum class method_origin {
    run,    ///< The run's options (progress_options).
    target  ///< The target's own method or thresholds (target::method, target::thresholds).
};
BOOST_DESCRIBE_ENUM(method_origin, run, target)

/// Where the status of an assessment comes from.
enum class status_origin {
    computed,  ///< The method, from the series.
    manual     ///< A manual status of the target (target::manual_statuses).
};
BOOST_DESCRIBE_ENUM(status_origin, computed, manual)

/// Number of statuses (for counting arrays).
inline constexpr std::size_t target_status_count = 9;

/// True for the statuses that judge the target (achieved … overdue). unreported,
/// insufficient_data and no_data are not judgements: roll-ups leave them out of scores and
/// shares and count them apart.
constexpr bool is_judgement(target_status s) noexcept {
    return s != target_status::unreported && s != target_status::insufficient_data && s != target_status::no_data;
}

/// How bad a status is, for "worst status" roll-ups: achieved 0 … overdue 5. The statuses that
/// are not judgements rank below achieved — unreported −1, insufficient_data −2, no_data −3 —
/// so a group reports one of them as its worst status only when none of its targets could be
/// judged (and then the one that most needs chasing).
constexpr int severity_rank(target_status s) noexcept {
    switch (s) {
        case target_status::achieved: return 0;
        case target_status::on_track: return 1;
        case target_status::needs_acceleration: return 2;
        case target_status::limited_progress: return 3;
        case target_status::deterioration: return 4;
        case target_status::overdue: return 5;
        case target_status::unreported: return -1;
        case target_status::insufficient_data: return -2;
        case target_status::no_data: return -3;
    }
    return -3;
}

/// The worse of two statuses by severity_rank.
constexpr target_status worse(target_status a, target_status b) noexcept {
    return severity_rank(b) > severity_rank(a) ? b : a;
}

/// How urgently a status asks a DX office to act, for ordering target lists: overdue 8,
/// unreported 7 (a deadline passed and its result is missing), deterioration 6, limited
/// progress 5, needs acceleration 4, on track 3, achieved 2, insufficient data 1, no data 0.
constexpr int attention_rank(target_status s) noexcept {
    switch (s) {
        case target_status::overdue: return 8;
        case target_status::unreported: return 7;
        case target_status::deterioration: return 6;
        case target_status::limited_progress: return 5;
        case target_status::needs_acceleration: return 4;
        case target_status::on_track: return 3;
        case target_status::achieved: return 2;
        case target_status::insufficient_data: return 1;
        case target_status::no_data: return 0;
    }
    return 0;
}

/// True for the statuses a DX office must act on: off track (needs acceleration, limited
/// progress, deterioration), overdue, and unreported.
constexpr bool needs_action(target_status s) noexcept {
    return s == target_status::needs_acceleration || s == target_status::limited_progress ||
           s == target_status::deterioration || s == target_status::overdue || s == target_status::unreported;
}

/// True for achieved and on_track: the statuses that need no intervention.
constexpr bool is_on_track_or_achieved(target_status s) noexcept {
    return s == target_status::achieved || s == target_status::on_track;
}

/// The status name as written in JSON and CSV ("needs_acceleration").
constexpr std::string_view to_string(target_status s) noexcept {
    switch (s) {
        case target_status::achieved: return "achieved";
        case target_status::on_track: return "on_track";
        case target_status::needs_acceleration: return "needs_acceleration";
        case target_status::limited_progress: return "limited_progress";
        case target_status::deterioration: return "deterioration";
        case target_status::overdue: return "overdue";
        case target_status::unreported: return "unreported";
        case target_status::insufficient_data: return "insufficient_data";
        case target_status::no_data: return "no_data";
    }
    return "insufficient_data";
}

}  // namespace dxframe
