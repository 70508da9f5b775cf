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

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/target.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/report/text_width.hpp>

namespace dxframe {

/// What a report shows for a value that is missing or cannot be computed.
inline constexpr std::string_view missing_mark = "\u2014";

/// The shortest decimal text (at most 17 significant digits) that reads back to exactly `v`,
/// e.g. "0.1", "71.79", "1e+300"; "" when `v` is NaN or infinite (a cell left empty).
inline std::string round_trip_number(double v) {
    if (!std::isfinite(v)) return {};
    if (v == 0) return std::signbit(v) ? "-0" : "0";
    char buf[40];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

/// round_trip_number of an optional value; "" when absent.
inline std::string round_trip_number(const std::optional<double>& v) {
    return v ? round_trip_number(*v) : std::string();
}

namespace detail {

// Inserts the language's digit grouping and decimal mark into plain "-1234567.25".
inline std::string localise_digits(const std::string& plain, language lang) {
    const char group = lang == language::vi ? '.' : ',';
    const char decimal = lang == language::vi ? ',' : '.';
    std::size_t start = plain[0] == '-' ? 1 : 0;
    const std::size_t dot = plain.find('.');
    const std::size_t int_end = dot == std::string::npos ? plain.size() : dot;
    std::string out = plain.substr(0, start);
    const std::size_t digits = int_end - start;
    for (std::size_t i = start; i < int_end; ++i) {
        out += plain[i];
        const std::size_t left = int_end - i - 1;
        // Four-digit numbers (years, 4543 procedures) stay ungrouped, as both languages do.
        if (left > 0 && left % 3 == 0 && digits > 4) out += group;
    }
    if (dot != std::string::npos) {
        out += decimal;
        out += plain.substr(dot + 1);
    }
    return out;
}

}  // namespace detail

/// `v` for a reader in `lang`: whole numbers in full with digit grouping; otherwise about four
/// significant digits (two decimals below 100, one below 1000, none above), trailing zeros
/// dropped. "—" when `v` is NaN or infinite.
inline std::string human_number(double v, language lang) {
    if (!std::isfinite(v)) return std::string(missing_mark);
    const double a = std::fabs(v);
    int decimals = 0;
    if (a < 1) {
        decimals = 3;
    } else if (a < 100) {
        decimals = 2;
    } else if (a < 1000) {
        decimals = 1;
    }
    char buf[64];
    if (a >= 1e15) {
        std::snprintf(buf, sizeof buf, "%.4g", v);  // beyond any count a framework has: keep it short
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string plain = buf;
    if (plain.find('.') != std::string::npos) {
        while (plain.back() == '0')
            plain.pop_back();
        if (plain.back() == '.') plain.pop_back();
    }
    if (plain == "-0") plain = "0";
    return detail::localise_digits(plain, lang);
}

/// human_number of an optional value; "—" when absent.
inline std::string human_number(const std::optional<double>& v, language lang) {
    return v ? human_number(*v, lang) : std::string(missing_mark);
}

/// A share in [0, 1] as a whole percentage ("62%"); "—" when absent or not finite.
inline std::string percent(const std::optional<double>& share) {
    if (!share || !std::isfinite(*share)) return std::string(missing_mark);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", *share * 100.0);
    return std::string(buf) == "-0%" ? "0%" : buf;
}

/// A date for a reader: "31/12/2025" in Vietnamese, ISO "2025-12-31" in English.
inline std::string human_date(const date& d, language lang) {
    if (lang == language::en) return d.to_string();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
    return buf;
}

/// human_date of an optional date; "—" when absent.
inline std::string human_date(const std::optional<date>& d, language lang) {
    return d ? human_date(*d, lang) : std::string(missing_mark);
}

/// What to write after a value of `u` in a compact table: "%" for percent, " Mbps" for mbps,
/// otherwise the indicator's own label when it is a short symbol of at most four characters ("Tbps"), else nothing (long
/// labels such as "% of households" belong in a tooltip or a column of their own).
inline std::string unit_suffix(unit u, const std::optional<std::string>& unit_label) {
    switch (u) {
        case unit::percent: return "%";
        case unit::mbps: return " Mbps";
        case unit::boolean: return {};
        default: break;
    }
    if (!unit_label || unit_label->empty() || display_width(*unit_label) > 4) return {};
    if (unit_label->find(' ') != std::string::npos) return {};
    return " " + *unit_label;
}

/// A value in its unit for a reader: "yes"/"có" and "no"/"không" for boolean indicators, else
/// human_number followed by `suffix`; "—" when not finite.
inline std::string human_value(double v, unit u, const std::string& suffix, language lang) {
    if (!std::isfinite(v)) return std::string(missing_mark);
    if (u == unit::boolean) {
        const bool yes = v >= 0.5;
        return lang == language::vi ? (yes ? "có" : "không") : (yes ? "yes" : "no");
    }
    return human_number(v, lang) + suffix;
}

/// human_value of an optional value; "—" when absent.
inline std::string human_value(const std::optional<double>& v, unit u, const std::string& suffix, language lang) {
    return v ? human_value(*v, u, suffix, lang) : std::string(missing_mark);
}

/// What "meeting the target" means, in a few characters: "≥ 80%", "≤ 50", "1–3", "= 100%",
/// "↑" (any increase), "↓" (any decrease), "yes" (a boolean target); "—" when the kind needs a
/// value it does not have.
inline std::string target_expression(target_kind kind, const std::optional<double>& value,
                                     const std::optional<double>& upper, direction dir, unit u,
                                     const std::string& suffix, language lang) {
    const auto v = [&](const std::optional<double>& x) { return human_value(x, u, suffix, lang); };
    if (u == unit::boolean && value &&
        (kind == target_kind::at_least || kind == target_kind::exactly || kind == target_kind::maintain ||
         kind == target_kind::at_most)) {
        return v(value);
    }
    switch (kind) {
        case target_kind::at_least: return value ? "\u2265 " + v(value) : std::string(missing_mark);
        case target_kind::at_most: return value ? "\u2264 " + v(value) : std::string(missing_mark);
        case target_kind::exactly: return value ? "= " + v(value) : std::string(missing_mark);
        case target_kind::within:
            return value && upper ? human_number(*value, lang) + "\u2013" + v(upper) : std::string(missing_mark);
        case target_kind::increase: return "\u2191";
        case target_kind::decrease: return "\u2193";
        case target_kind::maintain:
            if (!value) return std::string(missing_mark);
            return (dir == direction::higher_is_better ? "\u2265 " : "\u2264 ") + v(value);
    }
    return std::string(missing_mark);
}

}  // namespace dxframe
