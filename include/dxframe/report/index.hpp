// SPDX-License-Identifier: MIT
/// @file
/// @brief An index computation's results as CSV, JSON and Markdown (the HTML page is in
/// report/index_html.hpp), and the orderings the renderings share.
///
/// The machine renderings keep every digit: CSV writes one row per unit in input order, every
/// number with 17 significant digits (full_precision_number), a missing value as an empty cell;
/// JSON is the index_spec followed by make_report()'s members. The Markdown table is for
/// people: units by rank, fixed decimals per column, missing as "—". Every renderer of an
/// index result (here and in report/index_html.hpp) throws dxframe::error when the result does
/// not fit the tree it is given (a result computed over another tree).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// What the human renderings of an index (Markdown, HTML) show besides the results.
struct index_report_options {
    language lang = language::en;  ///< Language of the fixed words and of numbers (HTML).
    /// One line saying how the index was computed, in the caller's notation (the CLI's spec
    /// syntax: "normalise minmax:0:100; aggregate arithmetic"); nothing when empty.
    std::string methods;
    /// Each unit's rank in a previous edition (or year), by unit id: when not empty, a column of
    /// rank changes (▲ up, ▼ down, by so many places).
    std::map<std::string, std::size_t> previous_ranks;
    std::string previous_label;  ///< The previous edition's name ("2023"), for the legend.
};
BOOST_DESCRIBE_STRUCT(index_report_options, (), (lang, methods, previous_ranks, previous_label))

namespace detail {

// Shared by the Markdown and HTML renderings of an index.
// A number of a column for people: `decimals` fixed, in the language's digits; "—" when missing.
DXFRAME_DECL std::string index_cell_number(const std::optional<double>& v, int decimals, language lang);
// A rank for people; "—" when unranked.
DXFRAME_DECL std::string index_rank_text(const std::optional<std::size_t>& r);
// "▲ 3", "▼ 2", "=", "new"; "" when there is no current rank.
DXFRAME_DECL std::string index_rank_change_text(const std::optional<std::size_t>& current,
                                                const std::optional<std::size_t>& previous, language lang);
// The previous rank of row u of `result`, when the options have one.
DXFRAME_DECL std::optional<std::size_t> index_previous_rank(const index_result& result, std::size_t u,
                                                            const index_report_options& options);
// The id of row u of `result` (its number from 1 when the result has no unit ids).
DXFRAME_DECL std::string index_unit_id(const index_result& result, std::size_t u);
// The index's name (its id when it has none).
DXFRAME_DECL std::string index_title(const index_tree& tree);

}  // namespace detail

/// The change of a unit's rank since a previous edition: previous rank − current rank
/// (positive = moved up so many places). None when either rank is absent.
DXFRAME_DECL std::optional<long long> rank_change(const std::optional<std::size_t>& current,
                                                  const std::optional<std::size_t>& previous);

/// The rows of `result` by rank: ranked units first (ties in input order), then the unranked
/// in input order.
DXFRAME_DECL std::vector<std::size_t> units_by_rank(const index_result& result);

/// The nodes of `tree` other than the index, highest level first and in definition order
/// within a level (the order of the aggregate columns in a table for people).
DXFRAME_DECL std::vector<std::size_t> aggregates_top_down(const index_tree& tree);

/// The number of decimals of a column of like numbers for people, from its largest magnitude:
/// none from 1000, one from 10, two from 1, three below.
DXFRAME_DECL int column_decimals(const std::vector<std::optional<double>>& column);

/// `result` as CSV: a header (uCode, every indicator id in tree order, every node id in tree
/// order — the index last —, Rank), then one row per unit in input order; numbers with 17
/// significant digits, missing values and unranked units empty; "\n" line ends.
DXFRAME_DECL std::string render_index_csv(const index_tree& tree, const index_result& result);

/// `result` as JSON (two-space indent, final newline): {"spec": `spec`, then the members of
/// make_report(tree, result, names)}. Absent optionals are left out, as in the data format.
DXFRAME_DECL std::string render_index_json(const index_tree& tree, const index_result& result,
                                           const std::vector<std::string>& names, const index_spec& spec);

/// `result` as Markdown: a title (the index's name), the methods line, and a table of the
/// units by rank with the index and the aggregates (highest level first), a rank-change
/// column when `options.previous_ranks` is not empty; fixed decimals per column, "—" for a
/// missing value. `names` has one display name per unit (may be empty).
DXFRAME_DECL std::string render_index_markdown(const index_tree& tree, const index_result& result,
                                               const std::vector<std::string>& names,
                                               const index_report_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/index.ipp>
#endif
