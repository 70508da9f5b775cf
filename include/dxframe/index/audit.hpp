// SPDX-License-Identifier: MIT
/// @file
/// @brief The statistical audit of an index: statistics, correlations, flags, alpha and PCA.
///
/// What COINr's analysis functions report (bluefoxr/COINr: R/stats.R `get_stats`,
/// R/correlations.R `get_corr`, `get_pvals`, `get_corr_flags`, `get_cronbach`, R/PCA.R
/// `get_PCA`), over one data set in COINr's sense. Pass the normalised indicators and the
/// aggregates of an index_result to audit COINr's "Aggregated" data set (the usual choice: the
/// indicators are then on their aggregation scale and direction, so an indicator's correlation
/// with its parents is the one the index sees); pass raw or treated values without aggregates to
/// audit the indicators alone.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/audit_correlation.hpp>
#include <dxframe/index/audit_pca.hpp>
#include <dxframe/index/column_statistics.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/tree.hpp>

namespace dxframe {

/// Thresholds of the audit. Defaults are COINr's.
struct audit_options {
    /// get_corr's `pval`: correlations with p above this are not significant (COINr shows them as
    /// NA; here they keep their value and renderers mark them).
    double significance = 0.05;
    /// get_corr_flags (`thresh_type = "high"`, `cor_thresh` 0.9): flag pairs of indicators of one
    /// group correlated above this (possible double counting). None = no high flags.
    std::optional<double> flag_above = 0.9;
    /// get_corr_flags (`thresh_type = "low"`): flag pairs correlated below this (indicators that
    /// pull against each other). None (the default) = no low flags.
    std::optional<double> flag_below;
    /// get_corr_flags `grouplev`: indicators are in one group when they share their ancestor at
    /// this level (2 = the same parent in a COINr tree).
    int flag_group_level = 2;
    double skew_threshold = 2.0;      ///< get_stats `t_skew` (flag when |skew| > it ...).
    double kurtosis_threshold = 3.5;  ///< get_stats `t_kurt` (... and kurtosis > it).
};
BOOST_DESCRIBE_STRUCT(audit_options, (),
                      (significance, flag_above, flag_below, flag_group_level, skew_threshold, kurtosis_threshold))

/// Statistics of one column of the audited data set.
struct audit_column {
    std::string id;                     ///< Indicator or node id.
    std::string name;                   ///< Display name.
    int level = 1;                      ///< 1 for indicators.
    std::optional<std::string> parent;  ///< Parent node id.
    column_statistics statistics;       ///< get_stats.
    bool outlier_flag = false;          ///< get_stats Flag.SkewKurt = "OUT".
};
BOOST_DESCRIBE_STRUCT(audit_column, (), (id, name, level, parent, statistics, outlier_flag))

/// Correlations between every pair of a set of columns.
struct correlation_matrix {
    std::vector<std::string> ids;    ///< The columns, in order.
    std::vector<correlation> cells;  ///< Row-major, ids.size()²; the diagonal has r = 1, p = 0 (get_pvals).
    /// The correlation of columns i and j.
    const correlation& at(std::size_t i, std::size_t j) const { return cells.at(i * ids.size() + j); }
};
BOOST_DESCRIBE_STRUCT(correlation_matrix, (), (ids, cells))

/// An element correlated with one of its ancestors (get_corr, `withparent = "family"`).
struct family_correlation {
    std::string element;         ///< Indicator or node id.
    std::string ancestor;        ///< Parent, grandparent, … id.
    int ancestor_level = 2;      ///< Level of the ancestor.
    dxframe::correlation value;  ///< r, p, n.
};
BOOST_DESCRIBE_STRUCT(family_correlation, (), (element, ancestor, ancestor_level, value))

/// A pair of indicators of one group flagged by get_corr_flags.
struct correlation_flag {
    std::string group;   ///< The shared ancestor at audit_options::flag_group_level.
    std::string first;   ///< First indicator (tree order).
    std::string second;  ///< Second indicator.
    double r = 0.0;      ///< Their correlation.
    bool high = true;    ///< True: above flag_above; false: below flag_below.
};
BOOST_DESCRIBE_STRUCT(correlation_flag, (), (group, first, second, r, high))

/// Reliability and principal components of one node's children.
struct group_audit {
    std::string group;                 ///< Node id.
    std::vector<std::string> members;  ///< Its children, in tree order.
    std::optional<double> alpha;       ///< Cronbach's alpha (get_cronbach).
    std::optional<pca_result> pca;     ///< get_PCA; absent when it cannot be computed (diagnostic).
};
BOOST_DESCRIBE_STRUCT(group_audit, (), (group, members, alpha, pca))

/// The whole audit.
struct audit_result {
    std::vector<audit_column> columns;       ///< Indicators (tree order), then nodes when aggregates were given.
    correlation_matrix indicators;           ///< Every pair of indicators.
    std::vector<family_correlation> family;  ///< Each column with each ancestor (needs the aggregates).
    std::vector<correlation_flag> flags;     ///< get_corr_flags.
    std::vector<group_audit> groups;         ///< One per node (with aggregates) or per node over indicators.
    audit_options options;                   ///< The thresholds used.
    std::vector<diagnostic> diagnostics;     ///< Columns too short or constant, groups without a PCA.
};
BOOST_DESCRIBE_STRUCT(audit_result, (), (columns, indicators, family, flags, groups, options, diagnostics))

/// Audits a data set of `tree`: `indicators` is units × the tree's indicators; `aggregates`, when
/// given, units × the tree's nodes (an index_result's `aggregates`), enabling the correlations
/// with parents and the groups whose members are nodes. A constant column or one with too few
/// values gives a warning (and absent statistics and correlations), never NaN. Throws
/// dxframe::error when a matrix does not fit the tree or the rows differ.
DXFRAME_DECL audit_result run_audit(const index_tree& tree, const value_matrix& indicators,
                                    const value_matrix* aggregates = nullptr, const audit_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/audit.ipp>
#endif
