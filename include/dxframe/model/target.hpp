// SPDX-License-Identifier: MIT
/// @file
/// @brief Targets: a value an indicator should reach by a deadline, from a baseline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/manual_status.hpp>
#include <dxframe/model/method.hpp>
#include <dxframe/model/source.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// What it means for a target to be met.
enum class target_kind {
    at_least,  ///< value ≥ `value` (whatever the indicator's direction).
    at_most,   ///< value ≤ `value`.
    exactly,   ///< |value − `value`| ≤ `tolerance` (0 when absent).
    within,    ///< `value` ≤ value ≤ `upper`.
    increase,  ///< any rise above the baseline (no numeric target).
    decrease,  ///< any fall below the baseline (no numeric target).
    maintain   ///< stay at or better than `value` (or the baseline when `value` is absent).
};
BOOST_DESCRIBE_ENUM(target_kind, at_least, at_most, exactly, within, increase, decrease, maintain)

/// A dated reference value (the starting point of a target).
struct baseline {
    dxframe::date date;  ///< When the value was observed.
    double value = 0;    ///< The value.
};
BOOST_DESCRIBE_STRUCT(baseline, (), (date, value))

/// An intermediate value the indicator should have reached by a date.
struct milestone {
    dxframe::date date;  ///< By when.
    double value = 0;    ///< The value to have reached.
};
BOOST_DESCRIBE_STRUCT(milestone, (), (date, value))

/// A quantitative target of the framework, e.g. "80% of public services online by 2025".
struct target {
    std::string id;                     ///< Unique among targets.
    std::optional<text> title;          ///< Short statement of the target.
    std::string indicator;              ///< Id of the indicator it is about.
    std::optional<std::string> entity;  ///< Id of the entity it binds; absent = the nation.
    /// The breakdown of the indicator the target is about ("women ≥ 50%": sex = female); empty
    /// (and omitted in the document) for the headline series.
    dxframe::breakdown breakdown;
    target_kind kind = target_kind::at_least;   ///< What "met" means.
    std::optional<double> value;                ///< Target value (lower bound for `within`).
    std::optional<double> upper;                ///< Upper bound, for `within` only.
    std::optional<double> tolerance;            ///< Allowed deviation, for `exactly`.
    dxframe::date deadline;                     ///< When it must be met (year-only deadlines: 31 December).
    std::optional<dxframe::baseline> baseline;  ///< Starting point; absent = first observation.
    std::vector<milestone> milestones;          ///< Intermediate values, in date order.
    std::optional<dxframe::source> source;      ///< The decision or document that sets it.
    std::optional<std::string> note;            ///< Anything a reader needs to know.
    /// The method this target is assessed with, overriding the run's (progress_options::method)
    /// unless the run ignores target methods (progress_options::target_overrides).
    std::optional<progress_method> method;
    /// Cut-offs on the method's ratio for this target; a target that sets them must set
    /// `method` (they are on that method's scale).
    std::optional<status_thresholds> thresholds;
    /// Cut-offs on the annual growth, for an increase or decrease target.
    std::optional<growth_thresholds> no_target_thresholds;
    /// Statuses set by hand, each with its date and reason (see manual_status).
    std::vector<manual_status> manual_statuses;
};
BOOST_DESCRIBE_STRUCT(target, (),
                      (id, title, indicator, entity, breakdown, kind, value, upper, tolerance, deadline, baseline,
                       milestones, source, note, method, thresholds, no_target_thresholds, manual_statuses))

/// True when `kind` compares against a numeric target value.
constexpr bool has_numeric_target(target_kind kind) noexcept {
    return kind != target_kind::increase && kind != target_kind::decrease;
}

}  // namespace dxframe
