// SPDX-License-Identifier: MIT
/// @file
/// @brief Display width of UTF-8 text, and cutting, padding and wrapping it to columns.
///
/// A terminal shows one column per character, not per byte: "Hạ tầng số" is 10 columns but 14
/// bytes. These helpers count code points, give combining marks (a decomposed "ạ" is "a" plus
/// U+0323) no width and East Asian wide characters two, and never cut inside a character.
/// Ill-formed bytes count one column each and are kept as they are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dxframe {

namespace detail {

// Decodes the code point at s[i]; sets `len` to its byte length (1 for an ill-formed byte,
// which then decodes as U+FFFD).
inline char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    len = 1;
    if (b0 < 0x80) return b0;
    std::size_t n = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        n = 2;
        cp = b0 & 0x1Fu;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 3;
        cp = b0 & 0x0Fu;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 4;
        cp = b0 & 0x07u;
    } else {
        return 0xFFFD;
    }
    if (i + n > s.size()) return 0xFFFD;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    // Refuse overlong forms, surrogates and values past U+10FFFF, as a decoder must.
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0xFFFD;
    }
    len = n;
    return cp;
}

}  // namespace detail

/// Columns a code point takes in a terminal: 0 for combining marks and zero-width
/// characters, 2 for East Asian wide and fullwidth characters, 1 otherwise.
constexpr int code_point_width(char32_t cp) noexcept {
    if (cp == 0) return 0;
    // Combining diacritical marks (Vietnamese in decomposed form uses U+0300–U+0323), their
    // extensions and supplements, zero-width space/joiners and the variation selectors.
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
        (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0xFE00 && cp <= 0xFE0F)) {
        return 0;
    }
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
        return 2;
    }
    return 1;
}

/// Number of code points in UTF-8 text (each ill-formed byte counts as one).
inline std::size_t code_point_count(std::string_view s) noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        detail::decode_utf8(s, i, len);
        i += len;
        ++n;
    }
    return n;
}

/// Columns UTF-8 text takes in a terminal (see code_point_width).
inline std::size_t display_width(std::string_view s) noexcept {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        const char32_t cp = detail::decode_utf8(s, i, len);
        w += static_cast<std::size_t>(code_point_width(cp));
        i += len;
    }
    return w;
}

/// `s` cut to at most `width` columns; when it is cut, the last column is "…". Never cuts
/// inside a character, and keeps combining marks with their base letter.
inline std::string truncate_to_width(std::string_view s, std::size_t width) {
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

/// `s` padded with spaces on the right to `width` columns (cut first when wider).
inline std::string pad_right(std::string_view s, std::size_t width) {
    std::string out = truncate_to_width(s, width);
    const std::size_t w = display_width(out);
    if (w < width) out.append(width - w, ' ');
    return out;
}

/// `s` padded with spaces on the left to `width` columns (cut first when wider).
inline std::string pad_left(std::string_view s, std::size_t width) {
    std::string out = truncate_to_width(s, width);
    const std::size_t w = display_width(out);
    if (w < width) out.insert(0, width - w, ' ');
    return out;
}

/// `s` broken into lines of at most `width` columns at spaces; a word longer than a line is
/// cut with "…". Runs of spaces collapse; an empty text gives no lines.
inline std::vector<std::string> wrap_to_width(std::string_view s, std::size_t width) {
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
