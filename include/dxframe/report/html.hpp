// SPDX-License-Identifier: MIT
/// @file
/// @brief The scorecard as one self-contained HTML page with inline SVG charts.
///
/// The page needs nothing outside itself: CSS is in a `<style>` element, charts are inline
/// `<svg>`, there are no scripts, web fonts, images or style sheets to fetch, so it opens the
/// same offline, from an e-mail attachment or a USB stick. Links to the cited sources are
/// ordinary `<a>` elements (http and https only). Every name from the data is escaped.
///
/// Sections (each a `<section>` with an id): `summary` (overall score, status mix),
/// `pillars` (chart and table, one `tr.pillar-row` per pillar), `off-track`, `next-deadlines`,
/// `targets` (one `tr.target-row` per target with its progress bar), `trajectories` (one
/// chart per indicator that has observations), `ranking` (when the scorecard has one),
/// `tasks`, and a footer with the sources' confidence.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/ranking.hpp>

namespace dxframe {

namespace detail {

// The style sheet every HTML report page starts from (page frame, header band, sections,
// tables, legends, figures, print rules), so that the reports look like one family.
DXFRAME_DECL std::string_view report_stylesheet();

}  // namespace detail

/// What the HTML page includes.
struct html_options {
    bool trajectories = true;  ///< One trajectory chart per indicator with observations.
    bool ranking = true;       ///< The scorecard's ranking, when it has one.
    /// A ranking to show instead of the scorecard's own (e.g. the result of an index
    /// computation, via ranking_from_index()).
    std::optional<dxframe::ranking> extra_ranking;
};
BOOST_DESCRIBE_STRUCT(html_options, (), (trajectories, ranking, extra_ranking))

/// The scorecard as a complete HTML document (UTF-8).
DXFRAME_DECL std::string render_html(const scorecard& sc, const html_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/html.ipp>
#endif
