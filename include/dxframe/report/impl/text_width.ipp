// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/text_width.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/io/detail/utf8.hpp>
#include <dxframe/report/text_width.hpp>

namespace dxframe {

DXFRAME_DECL std::size_t code_point_count(std::string_view s) noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        detail::decode_utf8(s, i, len);
        i += len;
        ++n;
    }
    return n;
}

DXFRAME_DECL std::size_t display_width(std::string_view s) noexcept {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        const char32_t cp = detail::decode_utf8(s, i, len);
        w += static_cast<std::size_t>(code_point_width(cp));
        i += len;
    }
    return w;
}

DXFRAME_DECL std::string truncate_to_width(std::string_view s, std::size_t width) {
    if (display_width(s) <= width) return std::string(s);
    if (width == 0) return {};
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        const char32_t cp = detail::decode_utf8(s, i, len);
        const auto w = static_cast<std::size_t>(code_point_width(cp));
        if (used + w > width - 1) break;  // keep one column for the ellipsis
        out.append(s.substr(i, len));
        used += w;
        i += len;
    }
    // Do not leave a space before the ellipsis.
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    out += "\u2026";
    return out;
}

DXFRAME_DECL std::string pad_right(std::string_view s, std::size_t width) {
    std::string out = truncate_to_width(s, width);
    const std::size_t w = display_width(out);
    if (w < width) out.append(width - w, ' ');
    return out;
}

DXFRAME_DECL std::string pad_left(std::string_view s, std::size_t width) {
    std::string out = truncate_to_width(s, width);
    const std::size_t w = display_width(out);
    if (w < width) out.insert(0, width - w, ' ');
    return out;
}

DXFRAME_DECL std::vector<std::string> wrap_to_width(std::string_view s, std::size_t width) {
    std::vector<std::string> lines;
    if (width == 0) return lines;
    std::string line;
    std::size_t line_w = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
            ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t')
            ++j;
        if (j == i) break;
        std::string word = truncate_to_width(s.substr(i, j - i), width);
        const std::size_t w = display_width(word);
        if (line_w > 0 && line_w + 1 + w > width) {
            lines.push_back(line);
            line.clear();
            line_w = 0;
        }
        if (line_w > 0) {
            line += ' ';
            ++line_w;
        }
        line += word;
        line_w += w;
        i = j;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

}  // namespace dxframe
