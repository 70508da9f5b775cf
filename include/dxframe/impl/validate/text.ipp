// SPDX-License-Identifier: MIT
// How validation messages write numbers and ids. Part of the definitions for
// <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <charconv>
#include <cmath>
#include <locale>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace dxframe::detail::validation {

/// Shortest decimal text that reads back as the same double ("0.1", "95.238095238095241"),
/// independent of the global locale; "NaN", "inf", "-inf" for non-finite values.
inline std::string number_text(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    std::string text(buffer, result.ptr);
    // The shortest form of 1e16 is "1e+16"; below 1e17 people write whole numbers out.
    if (const auto e = text.find("e+"); e != std::string::npos && std::stoi(text.substr(e + 2)) < 17) {
        result = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
        text.assign(buffer, result.ptr);
    }
    return text;
#else
    // Without floating-point to_chars: the fewest significant digits that read back as `v`.
    auto format = [v](int precision) {
        std::ostringstream out;
        out.imbue(std::locale::classic());
        out.precision(precision);
        out << v;
        return out.str();
    };
    std::string text;
    for (int precision = 1; precision <= 17; ++precision) {
        text = format(precision);
        std::istringstream in(text);
        in.imbue(std::locale::classic());
        double back = 0;
        in >> back;
        if (back == v) break;
    }
    // The shortest form of 90 here is "9e+01"; below 1e17 use as many digits as the integer
    // part needs (more digits read back the same).
    if (const auto e = text.find("e+"); e != std::string::npos) {
        const int exponent = std::stoi(text.substr(e + 2));
        if (exponent < 17) text = format(exponent + 1);
    }
    return text;
#endif
}

/// `'id'`, the way messages quote ids (not named `quoted`: ADL would find std::quoted).
inline std::string quote_id(std::string_view id) {
    std::string s;
    s.reserve(id.size() + 2);
    s += '\'';
    s += id;
    s += '\'';
    return s;
}

/// `'a', 'b', 'c'`: ids quoted and separated by commas.
inline std::string list_ids(const std::vector<std::string>& ids) {
    std::string s;
    for (const auto& id : ids)
        s += (s.empty() ? "" : ", ") + quote_id(id);
    return s;
}

}  // namespace dxframe::detail::validation
