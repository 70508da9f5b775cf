// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/format.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include <dxframe/report/format.hpp>
#include <dxframe/report/text_width.hpp>

namespace dxframe {

DXFRAME_DECL std::string round_trip_number(double v) {
    if (!std::isfinite(v)) return {};
    if (v == 0) return std::signbit(v) ? "-0" : "0";
    std::string text;
    for (int precision = 15; precision <= 17; ++precision) {
        text = general_number(v, precision);
        if (std::strtod(text.c_str(), nullptr) == v) break;
    }
    return text;
}

DXFRAME_DECL std::string general_number(double v, int digits) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits < 1 ? 1 : digits > 17 ? 17 : digits, v);
    return buf;
}

DXFRAME_DECL std::string full_precision_number(double v) {
    return general_number(v, 17);
}

DXFRAME_DECL std::string shortest_number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    std::string fallback;
    for (int digits = 1; digits <= 17; ++digits) {
        std::string text = general_number(v, digits);
        if (std::strtod(text.c_str(), nullptr) != v) continue;
        if (text.find('e') == std::string::npos) return text;
        if (fallback.empty()) fallback = text;
    }
    return fallback.empty() ? full_precision_number(v) : fallback;
}

DXFRAME_DECL std::string fixed_number(double v, int decimals) {
    if (!std::isfinite(v)) return std::string(missing_mark);
    decimals = decimals < 0 ? 0 : decimals > 17 ? 17 : decimals;
    char buf[400];  // DBL_MAX has 309 digits before the point
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string text = buf;
    if (text[0] == '-' && text.find_first_not_of("0.", 1) == std::string::npos) text.erase(0, 1);
    return text;
}

DXFRAME_DECL std::string trimmed_number(double v, int decimals) {
    std::string text = fixed_number(v, decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text;
}

DXFRAME_DECL std::string significant_number(double v, int digits) {
    if (!std::isfinite(v)) return std::string(missing_mark);
    const double a = std::fabs(v);
    int decimals = digits - 1;
    if (a > 0) decimals = digits - 1 - static_cast<int>(std::floor(std::log10(a)));
    return trimmed_number(v, decimals < 0 ? 0 : decimals > 12 ? 12 : decimals);
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

DXFRAME_DECL std::string human_number(double v, language lang) {
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
    if (a >= 1e15) return general_number(v, 4);  // beyond any count a framework has: keep it short
    return detail::localise_digits(trimmed_number(v, decimals), lang);
}

DXFRAME_DECL std::string percent(const std::optional<double>& share) {
    if (!share || !std::isfinite(*share)) return std::string(missing_mark);
    return fixed_number(*share * 100.0, 0) + "%";
}

DXFRAME_DECL std::string human_date(const date& d, language lang) {
    if (lang == language::en) return d.to_string();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
    return buf;
}

DXFRAME_DECL std::string unit_suffix(unit u, const std::optional<std::string>& unit_label) {
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

DXFRAME_DECL std::string human_value(double v, unit u, const std::string& suffix, language lang) {
    if (!std::isfinite(v)) return std::string(missing_mark);
    if (u == unit::boolean) {
        const bool yes = v >= 0.5;
        return lang == language::vi ? (yes ? "có" : "không") : (yes ? "yes" : "no");
    }
    return human_number(v, lang) + suffix;
}

DXFRAME_DECL std::string human_value_in_ranking(double v, const std::optional<double>& out_of, unit u,
                                                const std::string& suffix, language lang) {
    std::string text = human_value(v, u, suffix, lang);
    if (u == unit::rank && out_of && std::isfinite(*out_of) && std::isfinite(v)) {
        text += " / " + human_number(*out_of, lang);
    }
    return text;
}

DXFRAME_DECL std::string target_expression(target_kind kind, const std::optional<double>& value,
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
