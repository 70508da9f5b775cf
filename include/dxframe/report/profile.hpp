// SPDX-License-Identifier: MIT
/// @file
/// @brief A unit's strengths and weaknesses (index/profile.hpp) as CSV, JSON, Markdown and HTML.
///
/// CSV: one row per entry, strengths first (kind, position, indicator, name, ancestor, rank,
/// ranked, value; the value in 17 significant digits), "\n" line ends. JSON: the unit_profile,
/// members in declaration order. Markdown and HTML are for people: two tables (strengths,
/// weaknesses) with the rank "3 of 51" and the value in the language's digits; the HTML page is
/// self-contained (no script, font or link to fetch), with one `tr.strength` or `tr.weakness`
/// row per entry (`data-indicator`, `data-rank`) and a small rank bar (`svg.rank-pos`, the
/// marker's position = the rank among the units ranked).
#pragma once

#include <string>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/index/profile.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// Options of the human renderings of a profile.
struct profile_report_options {
    language lang = language::en;  ///< Language of the fixed words and of numbers.
    std::string unit_name;         ///< The unit's display name (its id when empty).
};
BOOST_DESCRIBE_STRUCT(profile_report_options, (), (lang, unit_name))

/// `profile` as CSV (see the file comment).
DXFRAME_DECL std::string render_profile_csv(const unit_profile& profile);

/// `profile` as JSON text (two-space indent, final newline).
DXFRAME_DECL std::string render_profile_json(const unit_profile& profile);

/// `profile` as Markdown: a title with the unit, a note on how entries are chosen, and the
/// strengths and weaknesses tables.
DXFRAME_DECL std::string render_profile_markdown(const unit_profile& profile,
                                                 const profile_report_options& options = {});

/// `profile` as a complete HTML document (UTF-8).
DXFRAME_DECL std::string render_profile_html(const unit_profile& profile, const profile_report_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/profile.ipp>
#endif
