// SPDX-License-Identifier: MIT
/// @file
/// @brief Escaping text for HTML/SVG and Markdown.
///
/// Names, titles and notes come from data files, so every rendering treats them as untrusted:
/// an indicator called `<script>` or `a | b` must show as written and break nothing. (CSV
/// quoting is dxframe::csv_field in <dxframe/io/csv.hpp>.)
#pragma once

#include <string>
#include <string_view>

#include <dxframe/report/text_width.hpp>

namespace dxframe {

/// `s` safe as HTML or XML (SVG) text or as a double- or single-quoted attribute value:
/// `& < > " '` become character references, control characters other than tab and line break
/// are dropped (XML forbids them), and ill-formed UTF-8 bytes become U+FFFD.
inline std::string html_escape(std::string_view s) {
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

/// `s` safe inside a Markdown table cell: characters Markdown gives a meaning to are
/// backslash-escaped (`| \ * _ ` [ ] # ~`), `<` and `>` become character references (so that no
/// HTML passes through) and line breaks become spaces (a cell is one line).
inline std::string markdown_escape(std::string_view s) {
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
