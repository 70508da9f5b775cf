// SPDX-License-Identifier: MIT
/// @file
/// @brief How an indicator's values are computed from other entities' observations: counts of
/// entities meeting a condition ("60/63 provinces") and totals or means across entities
/// (a population-weighted national value).
#pragma once

#include <optional>
#include <string>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/entity.hpp>

namespace dxframe {

/// What a derived indicator computes from its members' latest values.
enum class derivation_kind {
    count,         ///< Members meeting `condition`, as a ratio of the members alive (60 of 63).
    sum,           ///< Sum of the members' values (a national total of provinces' counts).
    mean,          ///< Unweighted mean of the members' values (every member counts the same).
    weighted_mean  ///< Mean weighted by another indicator (population, enterprises).
};
BOOST_DESCRIBE_ENUM(derivation_kind, count, sum, mean, weighted_mean)

/// How a member's value is compared with a count condition's threshold.
enum class comparison {
    at_least,  ///< value ≥ threshold (a boolean indicator: at_least 1).
    at_most,   ///< value ≤ threshold.
    equals     ///< value = threshold.
};
BOOST_DESCRIBE_ENUM(comparison, at_least, at_most, equals)

/// When a member counts as meeting a `count` derivation.
struct count_condition {
    dxframe::comparison comparison = dxframe::comparison::at_least;  ///< How the value is compared.
    double value = 1;                                                ///< The threshold.
};
BOOST_DESCRIBE_STRUCT(count_condition, (), (comparison, value))

/// How an indicator's values are derived from the observations of the entities of one level
/// (see docs/progress.md, "Derived indicators"). The members at a date are the entities of
/// `level` (under `within`) alive at that date: 63 provinces before 1 July 2025, 34 from then.
struct derivation {
    derivation_kind kind = derivation_kind::count;  ///< What is computed.
    entity_level level = entity_level::province;    ///< Level of the members (province, ministry, commune, …).
    /// Only members whose parent chain contains this entity (a province's communes); absent = all.
    std::optional<std::string> within;
    std::string indicator;                     ///< The members' indicator (headline series).
    std::optional<count_condition> condition;  ///< `count` only: when a member counts as meeting.
    std::optional<std::string> weight;         ///< `weighted_mean` only: the indicator of the weights.
    /// Share of members without a value above which there is no point (0–1). Absent: the default
    /// of the kind (default_max_missing(): 0.2, SDSN's 20% rule; 0 for `sum`, where a missing
    /// member would silently lower the total).
    std::optional<double> max_missing;
    /// How many days old a member's latest value may be at a date; absent = any age (a resolution
    /// once issued stays issued); 0 = the same date only.
    std::optional<int> max_age_days;
    /// The entity the derived series is for; absent = the framework's nation.
    std::optional<std::string> entity;
};
BOOST_DESCRIBE_STRUCT(derivation, (),
                      (kind, level, within, indicator, condition, weight, max_missing, max_age_days, entity))

/// The share of missing members a derivation of `kind` tolerates when it sets no max_missing:
/// 0 for sum (a total without a member is not the total), 0.2 otherwise (SDSN SDG Index: no
/// aggregate when more than 20% of the inputs are missing).
constexpr double default_max_missing(derivation_kind kind) noexcept {
    return kind == derivation_kind::sum ? 0.0 : 0.2;
}

/// The derivation's max_missing, or the default of its kind.
constexpr double effective_max_missing(const derivation& d) noexcept {
    return d.max_missing.value_or(default_max_missing(d.kind));
}

/// True when `value` meets `condition` (equals: exact comparison; NaN never meets).
constexpr bool meets(const count_condition& condition, double value) noexcept {
    switch (condition.comparison) {
        case comparison::at_least: return value >= condition.value;
        case comparison::at_most: return value <= condition.value;
        case comparison::equals: return value == condition.value;
    }
    return false;
}

}  // namespace dxframe
