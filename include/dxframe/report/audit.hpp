// SPDX-License-Identifier: MIT
/// @file
/// @brief The statistical audit as CSV, JSON and Markdown (the HTML page is in
/// report/audit_html.hpp).
///
/// The machine renderings keep every digit: CSV writes one table (chosen by audit_table) with
/// every number in 17 significant digits (full_precision_number), a missing value as an empty
/// cell and "\n" line ends; JSON is the whole audit_result, members in declaration order, absent
/// values as null. The Markdown is for people: numbers in the language's digits
/// (human_number), "—" for a missing value, every name escaped.
#pragma once

#include <string>

#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/index/audit.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// Which table of the audit render_audit_csv writes.
enum class audit_table {
    statistics,  ///< One row per column: id, name, level, parent, n, missing, nonzero, unique, min, max, mean, median, sd, skewness, kurtosis, outlier_flag.
    correlations,  ///< One row per pair of indicators (tree order, each pair once): first, second, r, p, n.
    family,        ///< One row per element and ancestor: element, ancestor, ancestor_level, r, p, n.
    flags,         ///< One row per flagged pair: group, first, second, type (high or low), r.
    groups  ///< One row per group and component: group, component, members, alpha, rows, variance, share, loadings.
};
BOOST_DESCRIBE_ENUM(audit_table, statistics, correlations, family, flags, groups)

/// Options of the human renderings of an audit.
struct audit_report_options {
    language lang = language::en;  ///< Language of the fixed words and of numbers.
    /// What was audited, in the caller's words ("ASEM, normalised and aggregated"); nothing when empty.
    std::string dataset;
};
BOOST_DESCRIBE_STRUCT(audit_report_options, (), (lang, dataset))

/// One table of `audit` as CSV: a header row, then the rows described at audit_table. In the
/// `members` and `loadings` cells of the groups table the values are separated by spaces.
DXFRAME_DECL std::string render_audit_csv(const audit_result& audit, audit_table table = audit_table::statistics);

/// `audit` as JSON text (two-space indent, final newline): every member of audit_result.
DXFRAME_DECL std::string render_audit_json(const audit_result& audit);

/// `audit` as Markdown: a title, the statistics table, the flagged pairs, the correlations of
/// each element with its parent and higher aggregates, the groups (alpha, first component's
/// share, complete units) and the diagnostics. The full indicator × indicator matrix is left to
/// the CSV and the HTML heat map: it is too wide for a Markdown table.
DXFRAME_DECL std::string render_audit_markdown(const audit_result& audit, const audit_report_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/audit.ipp>
#endif
