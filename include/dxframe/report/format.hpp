// SPDX-License-Identifier: MIT
/// @file
/// @brief Numbers and dates as a reader sees them (by language) and as a machine reads them back.
///
/// Two kinds of output, never mixed: the human renderings (terminal, Markdown, HTML) write
/// numbers the way the language does — Vietnamese "16.400.000" and "71,79", English
/// "16,400,000" and "71.79" — and dates as "31/12/2025" or "2025-12-31"; the machine renderings
/// (CSV, JSON) write numbers so that they read back to the same double, with at most 17
/// significant digits. A missing number is "—" for people and empty (CSV) or null (JSON) for
/// machines; NaN and infinity are never written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <dxframe/config.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/target.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// What a report shows for a value that is missing or cannot be computed.
inline constexpr std::string_view missing_mark = "\u2014";

/// The shortest decimal text (at most 17 significant digits) that reads back to exactly `v`,
/// e.g. "0.1", "71.79", "1e+300"; "" when `v` is NaN or infinite (a cell left empty).
DXFRAME_DECL std::string round_trip_number(double v);

/// round_trip_number of an optional value; "" when absent.
inline std::string round_trip_number(const std::optional<double>& v) {
    return v ? round_trip_number(*v) : std::string();
}

/// `v` for a reader in `lang`: whole numbers in full with digit grouping; otherwise about four
/// significant digits (two decimals below 100, one below 1000, none above), trailing zeros
/// dropped. "—" when `v` is NaN or infinite.
DXFRAME_DECL std::string human_number(double v, language lang);

/// human_number of an optional value; "—" when absent.
inline std::string human_number(const std::optional<double>& v, language lang) {
    return v ? human_number(*v, lang) : std::string(missing_mark);
}

/// A share in [0, 1] as a whole percentage ("62%"); "—" when absent or not finite.
DXFRAME_DECL std::string percent(const std::optional<double>& share);

/// A date for a reader: "31/12/2025" in Vietnamese, ISO "2025-12-31" in English.
DXFRAME_DECL std::string human_date(const date& d, language lang);

/// human_date of an optional date; "—" when absent.
inline std::string human_date(const std::optional<date>& d, language lang) {
    return d ? human_date(*d, lang) : std::string(missing_mark);
}

/// What to write after a value of `u` in a compact table: "%" for percent, " Mbps" for mbps,
/// otherwise the indicator's own label when it is a short symbol of at most four characters ("Tbps"), else nothing (long
/// labels such as "% of households" belong in a tooltip or a column of their own).
DXFRAME_DECL std::string unit_suffix(unit u, const std::optional<std::string>& unit_label);

/// A value in its unit for a reader: "yes"/"có" and "no"/"không" for boolean indicators, else
/// human_number followed by `suffix`; "—" when not finite.
DXFRAME_DECL std::string human_value(double v, unit u, const std::string& suffix, language lang);

/// human_value of an optional value; "—" when absent.
inline std::string human_value(const std::optional<double>& v, unit u, const std::string& suffix, language lang) {
    return v ? human_value(*v, u, suffix, lang) : std::string(missing_mark);
}

/// human_value of a value that may be a place in a ranking: for a rank with the ranking's size
/// (observation::out_of) it is followed by " / " and the size ("4 / 63"); otherwise human_value.
DXFRAME_DECL std::string human_value_in_ranking(double v, const std::optional<double>& out_of, unit u,
                                                const std::string& suffix, language lang);

/// What "meeting the target" means, in a few characters: "≥ 80%", "≤ 50", "1–3", "= 100%",
/// "↑" (any increase), "↓" (any decrease), "yes" (a boolean target); "—" when the kind needs a
/// value it does not have.
DXFRAME_DECL std::string target_expression(target_kind kind, const std::optional<double>& value,
                                           const std::optional<double>& upper, direction dir, unit u,
                                           const std::string& suffix, language lang);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/format.ipp>
#endif
