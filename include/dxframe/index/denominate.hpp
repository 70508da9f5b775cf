// SPDX-License-Identifier: MIT
/// @file
/// @brief Denomination: divide indicators by a denominator (population, GDP, area) with a scale factor.
///
/// COINr's `Denominate` (bluefoxr/COINr, R/denominate.R, `Denominate.data.frame`) scales each
/// named indicator column x by a denominator column d of the same unit: `x / (d / s)` with the
/// scale factor s (`ScaleFactor`, default 1), evaluated in exactly that order. By default the
/// denominator of an indicator is the one iMeta's `Denominator` column names (`Denominate.coin`).
/// COINr lets a zero denominator through as an infinity and a negative one as a sign flip; here
/// both give a missing value and an error diagnostic naming the unit and the indicator, and a
/// missing denominator gives a missing value (as R's NA arithmetic does).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/io/coinr.hpp>

namespace dxframe {

/// How one indicator is denominated (a row of COINr's `denomby`).
struct denominator_choice {
    std::optional<std::string> denominator;  ///< Id of the denominator column; none = left as it is.
    double scale = 1.0;                      ///< COINr `ScaleFactor`: the result is x / (d / scale).
};
BOOST_DESCRIBE_STRUCT(denominator_choice, (), (denominator, scale))

/// What denomination did to one indicator.
struct denomination_count {
    std::string indicator;                   ///< Indicator id.
    std::optional<std::string> denominator;  ///< The denominator used, if any.
    std::size_t changed = 0;                 ///< Cells divided (a value in, a value out).
    std::size_t made_missing =
        0;  ///< Cells that had a value and became missing (denominator missing, zero or negative).
};
BOOST_DESCRIBE_STRUCT(denomination_count, (), (indicator, denominator, changed, made_missing))

/// The outcome of denominate.
struct denomination_result {
    value_matrix values;                     ///< Units × indicators, denominated (same shape as the input).
    std::vector<denomination_count> counts;  ///< One per indicator, input order.
    std::vector<diagnostic> diagnostics;     ///< Problems found.
    /// True when no diagnostic is an error.
    bool ok() const noexcept { return !has_errors(diagnostics); }
};

/// The tables denominate works on, all by reference (nothing is copied until the result).
struct denomination_input {
    const value_matrix* values = nullptr;                       ///< Units × indicators.
    const std::vector<std::string>* indicator_ids = nullptr;    ///< One per column of `values`.
    const std::vector<std::string>* units = nullptr;            ///< One per row (names units in diagnostics).
    const value_matrix* denominators = nullptr;                 ///< Units × denominator columns, same rows.
    const std::vector<std::string>* denominator_ids = nullptr;  ///< One per column of `denominators`.
};

/// Denominates `in.values` column by column: indicator i is divided as `choices[i]` says.
/// Diagnostics (path `source`): a denominator id that is not a denominator column (error
/// unknown_reference; that indicator is left as it is), a zero or negative denominator of a unit
/// whose indicator has a value (error non_positive_denominator naming unit and indicator; the
/// cell becomes missing; at most 10 per indicator, then a summary). A missing denominator makes
/// the cell missing silently (counted in made_missing), as in COINr. Throws dxframe::error when
/// the shapes disagree (`choices` and ids of the wrong length, rows that differ) or a scale is
/// not a finite positive number — API misuse, not bad data.
DXFRAME_DECL denomination_result denominate(const denomination_input& in,
                                            const std::vector<denominator_choice>& choices,
                                            const std::string& source = "iData.csv");

/// COINr's default `denomby`: each tree indicator's iMeta Denominator (none where empty), with
/// the same `scale` for all, except an indicator whose own scale the input gives
/// (coinr_data::indicator_denominator_scales, from a dxframe/1 dataset).
DXFRAME_DECL std::vector<denominator_choice> denominators_from_meta(const coinr_data& data, double scale = 1.0);

/// Denominates an imported COINr table by `choices` (one per tree indicator; by default
/// denominators_from_meta(data)). See denominate(const denomination_input&, ...).
DXFRAME_DECL denomination_result denominate(const coinr_data& data, const std::vector<denominator_choice>& choices,
                                            const std::string& source = "iData.csv");

/// denominate(data, denominators_from_meta(data), source).
DXFRAME_DECL denomination_result denominate(const coinr_data& data, const std::string& source = "iData.csv");

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/denominate.ipp>
#endif
