// SPDX-License-Identifier: MIT
// Definitions for <dxframe/io/json.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/io/json.hpp>

namespace dxframe {

namespace detail {

DXFRAME_DECL std::string json_path::str() const {
    std::vector<const json_path*> chain;
    for (const json_path* p = this; p != nullptr; p = p->parent)
        chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const json_path& f = **it;
        if (f.parent == nullptr) {
            if (f.prefix != nullptr) out = *f.prefix;
        } else if (f.is_index) {
            out += '/';
            out += std::to_string(f.index);
        } else {
            out += '/';
            pointer_escape_append(out, f.key);
        }
    }
    return out;
}

DXFRAME_DECL void report(json_read_context& ctx, severity sev, diagnostic_code code, const json_path& path,
                         std::string message) {
    diagnostic d;
    d.severity = sev;
    d.code = code;
    d.path = path.str();
    d.message = std::move(message);
    ctx.diagnostics.push_back(std::move(d));
    if (sev == severity::error) ++ctx.error_count;
}

DXFRAME_DECL void report_error(json_read_context& ctx, diagnostic_code code, const json_path& path,
                               std::string message) {
    report(ctx, severity::error, code, path, std::move(message));
}

DXFRAME_DECL bool names_non_finite(std::string_view s) noexcept {
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
    std::string lower;
    for (char c : s.substr(0, 9))
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (s.size() > 3 && lower.compare(0, 4, "nan(") == 0) return true;
    return s.size() <= 8 && (lower == "nan" || lower == "inf" || lower == "infinity");
}

}  // namespace detail

}  // namespace dxframe
