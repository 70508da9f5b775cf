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
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/config.hpp>

namespace dxframe {

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
DXFRAME_DECL std::size_t code_point_count(std::string_view s) noexcept;

/// Columns UTF-8 text takes in a terminal (see code_point_width).
DXFRAME_DECL std::size_t display_width(std::string_view s) noexcept;

/// `s` cut to at most `width` columns; when it is cut, the last column is "…". Never cuts
/// inside a character, and keeps combining marks with their base letter.
DXFRAME_DECL std::string truncate_to_width(std::string_view s, std::size_t width);

/// `s` padded with spaces on the right to `width` columns (cut first when wider).
DXFRAME_DECL std::string pad_right(std::string_view s, std::size_t width);

/// `s` padded with spaces on the left to `width` columns (cut first when wider).
DXFRAME_DECL std::string pad_left(std::string_view s, std::size_t width);

/// `s` broken into lines of at most `width` columns at spaces; a word longer than a line is
/// cut with "…". Runs of spaces collapse; an empty text gives no lines.
DXFRAME_DECL std::vector<std::string> wrap_to_width(std::string_view s, std::size_t width);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/text_width.ipp>
#endif
