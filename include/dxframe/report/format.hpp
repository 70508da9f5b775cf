// SPDX-License-Identifier: MIT
/// @file
/// @brief Numbers and dates as a reader sees them (by language) and as a machine reads them back.
///
/// Two kinds of output, never mixed: the human renderings (terminal, Markdown, HTML) write
/// numbers the way the language does — Vietnamese "16.400.000" and "71,79", English
/// "16,400,000" and "71.79" — and dates as "31/12/2025" or "2025-12-31"; the machine renderings
/// (CSV, JSON) write numbers so that they read back to the same double, with at most 17
/// significant digits. A missing number is "—" for people and empty (CSV) or null (JSON) for
/// machines; NaN and infinity are never written as a result (only messages spell them).
///
/// This header is the one place of the library (and of the `dxframe` tool) where a number
/// becomes text. The policy, for every function below:
/// - Missing: a function that takes `std::optional<double>` writes an absent value as
///   missing_mark ("—") when its text is for people and as "" when it is for machines (an empty
///   CSV cell; JSON writes null itself). For people a NaN or an infinity is missing as well.
/// - Decimals: for people never an exponent below 1e15, and a value that rounds to zero is "0"
///   (no "-0", "-0.00"): fixed_number (exactly N decimals, for a column of like numbers),
///   trimmed_number (at most N decimals), significant_number (about N significant digits),
///   human_number (by language, with digit grouping). For machines: round_trip_number (shortest
///   that reads back; the library's CSV), full_precision_number (always 17 significant digits;
///   the tool's CSV and messages about index values) and shortest_number (shortest that reads
///   back, written out in full below 1e17; specs and validation messages); general_number (a
///   few significant digits, for notes). Negative zero stays "-0" for machines: it reads back
///   as the same double.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/target.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// What a report shows for a value that is missing or cannot be computed.
inline constexpr std::string_view missing_mark = "\u2014";

/// The name of a described enum value as machines read it ("on_track"); "" for a value with no
/// name (never produced by the library).
template <class E>
std::string enum_text(E e) {
    return boost::describe::enum_to_string(e, "");
}

/// enum_text of an optional value; "" when absent (an empty CSV cell).
template <class E>
std::string enum_text(const std::optional<E>& e) {
    return e ? enum_text(*e) : std::string();
}

/// The shortest decimal text (at most 17 significant digits) that reads back to exactly `v`,
/// e.g. "0.1", "71.79", "1e+300"; "" when `v` is NaN or infinite (a cell left empty).
DXFRAME_DECL std::string round_trip_number(double v);

/// round_trip_number of an optional value; "" when absent.
inline std::string round_trip_number(const std::optional<double>& v) {
    return v ? round_trip_number(*v) : std::string();
}

/// `v` with at most `digits` significant digits (1 to 17), with an exponent when C's `%g` uses
/// one (e.g. 6 digits: "0.001", "100", "1.23457e+06"), trailing zeros dropped; for numbers in
/// notes and messages, where a short text matters more than reading back. Not finite: "nan",
/// "inf", "-inf".
DXFRAME_DECL std::string general_number(double v, int digits);

/// `v` with 17 significant digits (`%.17g`, e.g. "0.10000000000000001"): the same double when
/// read back, whatever the reader's rounding. A value that is not finite is written as C writes
/// it ("nan", "inf", "-inf"); callers that must not write one check first.
DXFRAME_DECL std::string full_precision_number(double v);

/// full_precision_number of an optional value; "" when absent.
inline std::string full_precision_number(const std::optional<double>& v) {
    return v ? full_precision_number(*v) : std::string();
}

/// The fewest significant digits that read back as `v` ("0.1", "95.238095238095241"), in full
/// below 1e17 ("100", "10000000000", not "1e+02") and with an exponent beyond ("1e+20",
/// "1e-05"); independent of the global locale. "NaN", "inf" and "-inf" when not finite.
DXFRAME_DECL std::string shortest_number(double v);

/// `v` with exactly `decimals` digits after the point (0 to 17), never an exponent ("1234.50",
/// "0.0000"); a value that rounds to zero has no sign. "—" when `v` is NaN or infinite.
DXFRAME_DECL std::string fixed_number(double v, int decimals);

/// fixed_number of an optional value; "—" when absent.
inline std::string fixed_number(const std::optional<double>& v, int decimals) {
    return v ? fixed_number(*v, decimals) : std::string(missing_mark);
}

/// fixed_number without the zeros that end its decimals, nor the point when none is left
/// ("0.25", "3", "12846"). "—" when `v` is NaN or infinite.
DXFRAME_DECL std::string trimmed_number(double v, int decimals);

/// trimmed_number of an optional value; "—" when absent.
inline std::string trimmed_number(const std::optional<double>& v, int decimals) {
    return v ? trimmed_number(*v, decimals) : std::string(missing_mark);
}

/// `v` rounded to `digits` significant digits but never in exponent notation and with at most
/// 12 decimals (12846 for 12845.9, not 1.285e+04; 0.0001235), trailing zeros dropped. "—" when
/// `v` is NaN or infinite.
DXFRAME_DECL std::string significant_number(double v, int digits);

/// significant_number of an optional value; "—" when absent.
inline std::string significant_number(const std::optional<double>& v, int digits) {
    return v ? significant_number(*v, digits) : std::string(missing_mark);
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
