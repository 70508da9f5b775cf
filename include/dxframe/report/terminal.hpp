// SPDX-License-Identifier: MIT
/// @file
/// @brief The scorecard as plain text for a terminal: 80 columns, ANSI colour only when asked.
///
/// Layout (every line at most `width` columns, counted in characters, not bytes): a header;
/// the overall score and status counts; one row per pillar with a score bar and the counts by
/// status; every target grouped by pillar (worst first) with its status, latest value against
/// the target, and deadline; the next deadlines; overdue and due-soon tasks; the confidence of
/// the sources. Long names are cut with "…" at a character boundary. Colour codes are added
/// after the layout is measured, so they never shift a column.
#pragma once

#include <cstddef>
#include <string>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/progress/scorecard.hpp>

namespace dxframe {

/// How the terminal rendering looks.
struct terminal_options {
    bool color = false;          ///< Add ANSI colour codes (only for a terminal that shows them).
    std::size_t width = 80;      ///< Line width in columns (at least 60).
    bool list_targets = true;    ///< List every target under its pillar.
    std::size_t max_tasks = 10;  ///< At most this many overdue and due-soon tasks each.
};
BOOST_DESCRIBE_STRUCT(terminal_options, (), (color, width, list_targets, max_tasks))

/// The scorecard as terminal text (UTF-8, lines ended by '\n', none wider than
/// options.width columns). Throws dxframe::error when options.width is below 60.
DXFRAME_DECL std::string render_terminal(const scorecard& sc, const terminal_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/terminal.ipp>
#endif
