// SPDX-License-Identifier: MIT
// Definitions for <dxframe/diagnostic.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/diagnostic.hpp>

namespace dxframe {

DXFRAME_DECL bool has_errors(const std::vector<diagnostic>& diagnostics) noexcept {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const diagnostic& d) { return d.severity == severity::error; });
}

DXFRAME_DECL std::size_t count(const std::vector<diagnostic>& diagnostics, severity s) noexcept {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(), [s](const diagnostic& d) { return d.severity == s; }));
}

DXFRAME_DECL void pointer_escape_append(std::string& out, std::string_view token) {
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
}

DXFRAME_DECL std::string pointer_append(const std::string& path, const std::string& token) {
    std::string out = path;
    out.reserve(path.size() + token.size() + 1);
    out += '/';
    pointer_escape_append(out, token);
    return out;
}

DXFRAME_DECL std::string pointer_append(const std::string& path, std::size_t index) {
    return path + '/' + std::to_string(index);
}

}  // namespace dxframe
