// SPDX-License-Identifier: MIT
// How validation messages write numbers and ids. Part of the definitions for
// <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <dxframe/report/format.hpp>

namespace dxframe::detail::validation {

/// Shortest decimal text that reads back as the same double ("0.1", "95.238095238095241"),
/// independent of the global locale; "NaN", "inf", "-inf" for non-finite values.
inline std::string number_text(double v) {
    return dxframe::shortest_number(v);
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
