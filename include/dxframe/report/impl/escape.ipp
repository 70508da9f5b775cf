// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/escape.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <dxframe/io/detail/utf8.hpp>
#include <dxframe/report/escape.hpp>

namespace dxframe {

DXFRAME_DECL std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        const char32_t cp = detail::decode_utf8(s, i, len);
        if (cp == 0xFFFD && !(len == 3 && s.substr(i, 3) == "\xEF\xBF\xBD")) {
            out += "\xEF\xBF\xBD";
            i += len;
            continue;
        }
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F) break;
                out.append(s.substr(i, len));
        }
        i += len;
    }
    return out;
}

DXFRAME_DECL std::string markdown_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
            case '|':
            case '\\':
            case '*':
            case '_':
            case '`':
            case '[':
            case ']':
            case '#':
            case '~':
                out += '\\';
                out += c;
                break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '\r': break;
            case '\n':
            case '\t': out += ' '; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace dxframe
