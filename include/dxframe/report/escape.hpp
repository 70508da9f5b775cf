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

#include <dxframe/config.hpp>

namespace dxframe {

/// `s` safe as HTML or XML (SVG) text or as a double- or single-quoted attribute value:
/// `& < > " '` become character references, control characters other than tab and line break
/// are dropped (XML forbids them), and ill-formed UTF-8 bytes become U+FFFD.
DXFRAME_DECL std::string html_escape(std::string_view s);

/// `s` safe inside a Markdown table cell: characters Markdown gives a meaning to are
/// backslash-escaped (`| \ * _ ` [ ] # ~`), `<` and `>` become character references (so that no
/// HTML passes through) and line breaks become spaces (a cell is one line).
DXFRAME_DECL std::string markdown_escape(std::string_view s);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/escape.ipp>
#endif
