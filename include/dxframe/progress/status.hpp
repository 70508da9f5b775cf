// SPDX-License-Identifier: MIT
/// @file
/// @brief The status scale shared by every progress method, and why a status could not be given.
#pragma once

#include <cstddef>
#include <string_view>

#include <boost/describe/enum.hpp>

namespace dxframe {

/// Where a target stands at an as-of date. One scale for all methods (linear, growth_ratio,
/// projection), so results of different methods can be rolled up and compared.
enum class target_status {
    achieved,            ///< The latest value meets the target.
    on_track,            ///< Moving fast enough to meet it by the deadline (Open SDG: substantial progress).
    needs_acceleration,  ///< Moving the right way, but too slowly (Open SDG: moderate progress).
    limited_progress,    ///< Hardly moving the right way (Open SDG: limited progress).
    deterioration,       ///< Moving away from the target.
    overdue,             ///< The deadline has passed and the target is not met.
    insufficient_data    ///< No status can be given; the assessment says why (insufficiency_reason).
};
BOOST_DESCRIBE_ENUM(target_status, achieved, on_track, needs_acceleration, limited_progress, deterioration, overdue,
                    insufficient_data)

/// Why an assessment ended in target_status::insufficient_data.
enum class insufficiency_reason {
    unknown_indicator,            ///< The target names an indicator the framework does not have.
    invalid_target,               ///< Kind and values do not fit (at_least without a value, within with lo > hi…).
    no_observations,              ///< No usable observation on or before the as-of date.
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

/// Number of statuses (for counting arrays).
inline constexpr std::size_t target_status_count = 7;

/// How bad a status is, for "worst status" roll-ups: achieved 0 … overdue 5. insufficient_data
/// is not a judgement about the target, so it ranks below achieved (−1): a group reports it as
/// its worst status only when nothing in it could be assessed.
constexpr int severity_rank(target_status s) noexcept {
    switch (s) {
        case target_status::achieved: return 0;
        case target_status::on_track: return 1;
        case target_status::needs_acceleration: return 2;
        case target_status::limited_progress: return 3;
        case target_status::deterioration: return 4;
        case target_status::overdue: return 5;
        case target_status::insufficient_data: return -1;
    }
    return -1;
}

/// The worse of two statuses by severity_rank.
constexpr target_status worse(target_status a, target_status b) noexcept {
    return severity_rank(b) > severity_rank(a) ? b : a;
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
        case target_status::insufficient_data: return "insufficient_data";
    }
    return "insufficient_data";
}

}  // namespace dxframe
