// SPDX-License-Identifier: MIT
/// @file
/// @brief Observations: one value of one indicator for one entity at one date.
#pragma once

#include <optional>
#include <string>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/source.hpp>

namespace dxframe {

/// Whether a figure may still be revised.
enum class observation_status {
    final,       ///< Published and final.
    provisional  ///< Preliminary; may be revised.
};
BOOST_DESCRIBE_ENUM(observation_status, final, provisional)

/// A reported value. Give either `value`, or `numerator` and `denominator` (e.g. 60 of 63
/// provinces), not both; a rank may say which ranking it belongs to with `out_of`.
struct observation {
    std::string entity;                 ///< Id of the entity observed.
    std::string indicator;              ///< Id of the indicator.
    dxframe::date date;                 ///< End of the reference period.
    std::optional<double> value;        ///< The value.
    std::optional<double> numerator;    ///< Count achieved, for ratio observations.
    std::optional<double> denominator;  ///< Count required or total (> 0).
    /// For a rank (unit `rank`): the number of units in the ranking the value is a place in
    /// (Hà Nội 4th of 63 provinces: value 4, out_of 63). A positive whole number. Two
    /// observations of one entity, indicator and date with different out_of belong to two
    /// rankings (the DTI 2024 of 63 provinces and its re-cut for the 34 after the 2025 merger);
    /// progress assesses one ranking at a time (docs/progress.md).
    std::optional<double> out_of;
    std::optional<dxframe::source> source;                  ///< Where the figure was reported.
    observation_status status = observation_status::final;  ///< Final or provisional.
    std::optional<std::string> note;                        ///< Anything a reader needs to know.
    /// True: a figure recomputed for the entity's present boundaries and dated before the entity
    /// came into being (a merged province's DTI of the year before the merger). Validation then
    /// does not warn that the entity did not exist at that date (entity_not_alive).
    std::optional<bool> backcast;
    /// The part of the population the value is about, one code per dimension of the indicator
    /// (sex = female); empty (and omitted in the document) for the headline series.
    dxframe::breakdown breakdown;
};
BOOST_DESCRIBE_STRUCT(observation, (),
                      (entity, indicator, date, value, numerator, denominator, out_of, source, status, note, backcast,
                       breakdown))

/// `status` may be omitted (it is then final).
template <>
struct defaulted_fields<observation> {
    /// The member names.
    static constexpr std::array<std::string_view, 1> names{"status"};
};

/// The value an observation stands for in the indicator's unit: `value` when given, otherwise
/// numerator / denominator — times 100 when the unit is percent. Nullopt when neither is usable
/// (no value and a missing or non-positive denominator).
DXFRAME_DECL std::optional<double> effective_value(const observation& obs, unit u) noexcept;

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/observation.ipp>
#endif
