// SPDX-License-Identifier: MIT
/// @file
/// @brief The scorecard as Markdown (GitHub-flavoured tables), for issues, wikis and e-mail.
///
/// Every name from the data goes through markdown_escape(), so a `|` or `<script>` in a title
/// shows as written and never breaks a table or injects HTML. Links are written only for
/// http(s) URLs.
#pragma once

#include <string>

#include <dxframe/config.hpp>
#include <dxframe/progress/scorecard.hpp>

namespace dxframe {

/// The scorecard as a Markdown document (UTF-8, '\n' line ends).
DXFRAME_DECL std::string render_markdown(const scorecard& sc);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/markdown.ipp>
#endif
