// SPDX-License-Identifier: MIT
// Definitions for <dxframe/io/detail/utf8.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/io/detail/utf8.hpp>

namespace dxframe::detail {

DXFRAME_DECL std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;  // overlong
        if (b0 == 0xED) hi = 0x9F;  // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;  // overlong
        if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    }
    return len;
}

DXFRAME_DECL char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) noexcept {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
        len = 1;
        return 0xFFFD;
    }
    len = n;
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (n == 1) return b0;
    char32_t cp = b0 & (n == 2 ? 0x1Fu : n == 3 ? 0x0Fu : 0x07u);
    for (std::size_t k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    return cp;
}

DXFRAME_DECL bool is_valid_utf8(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

DXFRAME_DECL std::string printable(std::string_view s, std::size_t max_chars) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() < max_chars ? s.size() : max_chars);
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (chars == max_chars) {
            out += "\xE2\x80\xA6";  // …
            break;
        }
        const std::size_t n = utf8_sequence_length(s, i);
        const auto b = static_cast<unsigned char>(s[i]);
        if (n == 0) {
            out += "\\x";
            out += hex[b >> 4];
            out += hex[b & 0xF];
            i += 1;
        } else if (n == 1 && (b < 0x20 || b == 0x7F)) {
            out += "\\u00";
            out += hex[b >> 4];
            out += hex[b & 0xF];
            i += 1;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
        ++chars;
    }
    return out;
}

DXFRAME_DECL std::string quote_text(std::string_view s, std::size_t max_chars) {
    return '"' + printable(s, max_chars) + '"';
}

DXFRAME_DECL std::size_t utf8_sequence_start(std::string_view text, std::size_t offset) noexcept {
    if (offset > text.size()) return offset;
    std::size_t i = offset;
    for (std::size_t back = 0; back < 3 && i > 0; ++back) {
        const auto byte = static_cast<unsigned char>(text[i - 1]);
        if ((byte & 0xC0U) == 0xC0U) {
            const std::size_t expected = byte >= 0xF0U ? 4 : byte >= 0xE0U ? 3 : 2;
            return offset - (i - 1) < expected ? i - 1 : offset;  // open, or complete before offset
        }
        if ((byte & 0xC0U) != 0x80U) break;  // ASCII: no sequence is open
        --i;
    }
    return offset;
}

DXFRAME_DECL text_position position_of(std::string_view text, std::size_t offset) noexcept {
    if (offset > text.size()) offset = text.size();
    text_position pos;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            line_start = i + 1;
        }
    }
    for (std::size_t i = line_start; i < offset;) {
        const std::size_t n = utf8_sequence_length(text, i);
        i += n == 0 ? 1 : n;
        ++pos.column;
    }
    return pos;
}

DXFRAME_DECL std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1, 0);
    std::vector<std::size_t> cur(b.size() + 1, 0);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            const std::size_t deletion = prev[j] + 1;
            const std::size_t insertion = cur[j - 1] + 1;
            const std::size_t best = substitution < deletion ? substitution : deletion;
            cur[j] = best < insertion ? best : insertion;
        }
        prev.swap(cur);
    }
    return prev[b.size()];
}

}  // namespace dxframe::detail
