// SPDX-License-Identifier: MIT
/// @file
/// @brief Indicators: what is measured, in which unit, and which way is better.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/derivation.hpp>
#include <dxframe/model/fields.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// The unit an indicator is measured in.
enum class unit {
    percent,   ///< 0–100 (ratio observations are turned into percentages).
    count,     ///< A number of things (procedures, incidents, accounts).
    ratio,     ///< A plain ratio, e.g. 0–1.
    rank,      ///< A position in a ranking (1 = best); usually lower_is_better.
    mbps,      ///< Megabits per second.
    currency,  ///< Money; the label says which currency and scale.
    index,     ///< A composite index value or score.
    boolean,   ///< 0 = no, 1 = yes (e.g. "5G commercialised").
    years,     ///< A duration in years.
    other      ///< Anything else; see unit_label.
};
BOOST_DESCRIBE_ENUM(unit, percent, count, ratio, rank, mbps, currency, index, boolean, years, other)

/// Which way an indicator improves.
enum class direction {
    higher_is_better,  ///< More is better (coverage, speed, share).
    lower_is_better    ///< Less is better (incidents, rank positions, processing days).
};
BOOST_DESCRIBE_ENUM(direction, higher_is_better, lower_is_better)

/// +1 for higher_is_better, −1 for lower_is_better (COINr's Direction column).
constexpr int sign(direction d) noexcept {
    return d == direction::higher_is_better ? 1 : -1;
}

/// A measured quantity of the framework.
struct indicator {
    std::string id;                                                       ///< Unique among indicators and nodes.
    text name;                                                            ///< Display name.
    std::optional<dxframe::pillar> pillar;                                ///< The pillar it belongs to, if any.
    std::optional<std::string> parent;                                    ///< Id of the node it is aggregated into.
    dxframe::unit unit = dxframe::unit::other;                            ///< Unit of measurement.
    std::optional<std::string> unit_label;                                ///< Free text for the unit ("VND trillion").
    dxframe::direction direction = dxframe::direction::higher_is_better;  ///< Which way is better.
    std::optional<double> minimum;                                        ///< Smallest valid value (inclusive).
    std::optional<double> maximum;                                        ///< Largest valid value (inclusive).
    double weight = 1.0;                     ///< Relative weight within its parent node (≥ 0).
    std::optional<std::string> description;  ///< Definition, method of calculation.
    /// Ids of the framework's dimensions (framework::dimensions) its observations may be broken
    /// down by; empty: only the headline series.
    std::vector<std::string> dimensions;
    /// How its values are computed from other entities' observations (a count of provinces, a
    /// population-weighted national value); absent for an indicator that is only reported.
    std::optional<derivation> derived;
    /// Id of the indicator it is divided by before scoring (population, GDP, area: COINr's iMeta
    /// `Denominator`), used when the index is denominated; absent = not denominated.
    std::optional<std::string> denominator;
    /// COINr's `ScaleFactor` for `denominator`: the value is divided by (denominator / scale),
    /// e.g. 1000 for "per thousand people"; absent = 1. Finite and > 0.
    std::optional<double> denominator_scale;
};
BOOST_DESCRIBE_STRUCT(indicator, (),
                      (id, name, pillar, parent, unit, unit_label, direction, minimum, maximum, weight, description,
                       dimensions, derived, denominator, denominator_scale))

/// `weight` may be omitted (it is then 1).
template <>
struct defaulted_fields<indicator> {
    /// The member names.
    static constexpr std::array<std::string_view, 1> names{"weight"};
};

/// The valid range implied by the unit when an indicator gives no explicit bounds
/// (percent: 0–100; boolean: 0–1; count, mbps, rank, years: ≥ 0).
struct value_bounds {
    std::optional<double> minimum;  ///< Inclusive lower bound.
    std::optional<double> maximum;  ///< Inclusive upper bound.
};

/// Explicit bounds of the indicator, else the bounds its unit implies.
DXFRAME_DECL value_bounds effective_bounds(const indicator& ind);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/indicator.ipp>
#endif
