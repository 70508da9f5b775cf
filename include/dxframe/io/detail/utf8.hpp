// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal UTF-8 helpers: validation and decoding (used by the I/O layer and the
/// renderings), safe quoting of values in messages and text positions (line, column) from byte
/// offsets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <dxframe/config.hpp>

namespace dxframe::detail {

/// Length of the well-formed UTF-8 sequence starting at `s[i]`, or 0 when the bytes there are
/// not well-formed (overlong forms, surrogates and code points above U+10FFFF are refused).
DXFRAME_DECL std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept;

/// The code point of the UTF-8 sequence starting at `s[i]` (`i < s.size()`), with `len` set to
/// its byte length; an ill-formed byte (see utf8_sequence_length) decodes as U+FFFD with `len`
/// 1, so that a loop `i += len` resumes at the next byte. The one UTF-8 decoder of the library.
DXFRAME_DECL char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) noexcept;

/// True when `s` is entirely well-formed UTF-8.
DXFRAME_DECL bool is_valid_utf8(std::string_view s) noexcept;

/// `s` made safe to embed in a diagnostic message: ill-formed bytes become `\xNN` and control
/// characters `\uNNNN`, so that the message itself is valid UTF-8 (diagnostics are written as
/// JSON, and nlohmann refuses to dump invalid UTF-8). Cut after `max_chars` code points with
/// "…" appended, so that a huge value cannot flood a report.
DXFRAME_DECL std::string printable(std::string_view s, std::size_t max_chars = 60);

/// `s` in double quotes, made printable (see printable()).
DXFRAME_DECL std::string quote_text(std::string_view s, std::size_t max_chars = 60);

/// A 1-based line and column in a text.
struct text_position {
    std::size_t line = 1;    ///< 1-based line.
    std::size_t column = 1;  ///< 1-based column, counted in characters (UTF-8 code points).
};

/// Where the UTF-8 sequence that the byte at `offset` interrupts begins: the lead byte
/// (11xxxxxx) of a sequence still open at `offset`, found by stepping back over at most three
/// continuation bytes (10xxxxxx); `offset` itself when no sequence is open there.
DXFRAME_DECL std::size_t utf8_sequence_start(std::string_view text, std::size_t offset) noexcept;

/// The line and column of byte `offset` in `text` (an offset at or past the end gives the
/// position just after the last character). Lines end at '\n'; columns count code points, not
/// bytes, so that a column matches what an editor shows for Vietnamese text. Each ill-formed
/// byte counts as one column.
DXFRAME_DECL text_position position_of(std::string_view text, std::size_t offset) noexcept;

/// Levenshtein distance between two short names (used for "did you mean" hints).
DXFRAME_DECL std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace dxframe::detail

#if DXFRAME_HEADER_ONLY
#include <dxframe/io/detail/impl/utf8.ipp>
#endif
