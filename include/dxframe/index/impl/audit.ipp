// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/audit.hpp> (see <dxframe/config.hpp>: included by that header in
// header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/error.hpp>
#include <dxframe/index/audit.hpp>

namespace dxframe {

DXFRAME_DECL audit_result run_audit(const index_tree& tree, const value_matrix& indicators,
                                    const value_matrix* aggregates, const audit_options& options) {
    const std::size_t ni = tree.indicator_count();
    const std::size_t rows = indicators.rows();
    if (indicators.cols() != ni)
        throw error("run_audit: " + std::to_string(indicators.cols()) + " indicator columns for a tree of " +
                    std::to_string(ni) + " indicators");
    if (aggregates != nullptr && (aggregates->cols() != tree.node_count() || aggregates->rows() != rows))
        throw error("run_audit: the aggregates must be " + std::to_string(rows) + " x " +
                    std::to_string(tree.node_count()) + " (units x nodes)");
    audit_result out;
    out.options = options;
    const std::size_t elements = aggregates != nullptr ? tree.element_count() : ni;
    const auto column = [&](std::size_t e) {
        return tree.is_indicator(e) ? indicators.column(e) : aggregates->column(e - ni);
    };
    const auto level = [&](std::size_t e) { return tree.is_indicator(e) ? 1 : tree.level(e - ni); };

    // get_stats, and one warning per column on which correlations are undefined.
    std::vector<bool> constant(elements, false);
    for (std::size_t e = 0; e < elements; ++e) {
        audit_column c;
        c.id = tree.id(e);
        c.name = tree.is_indicator(e) ? tree.indicator(e).name : tree.node(e - ni).name;
        c.level = level(e);
        const std::size_t p = tree.parent(e);
        if (p != index_tree::npos) c.parent = tree.node(p).id;
        c.statistics = describe_column(column(e), rows, c.id, &out.diagnostics);
        c.outlier_flag = flagged_as_outlier_prone(c.statistics, options.skew_threshold, options.kurtosis_threshold);
        if (c.statistics.sd && *c.statistics.sd == 0.0) {
            constant[e] = true;
            out.diagnostics.push_back({severity::warning,
                                       diagnostic_code::insufficient_data,
                                       c.id,
                                       "all values are equal (standard deviation 0): its correlations are undefined "
                                       "and left empty",
                                       {},
                                       {}});
        }
        out.columns.push_back(std::move(c));
    }

    // Indicator × indicator (get_corr, Levels = 1, with get_pvals).
    out.indicators.ids.reserve(ni);
    for (std::size_t i = 0; i < ni; ++i)
        out.indicators.ids.push_back(tree.id(i));
    out.indicators.cells.assign(ni * ni, correlation{});
    for (std::size_t i = 0; i < ni; ++i) {
        for (std::size_t j = i; j < ni; ++j) {
            correlation c;
            if (i == j) {
                c.n = out.columns[i].statistics.n;
                if (out.columns[i].statistics.sd && !constant[i]) {
                    c.r = 1.0;
                    c.p = 0.0;
                }
            } else {
                c = pearson_correlation(indicators.column(i), indicators.column(j), rows);
            }
            out.indicators.cells[i * ni + j] = c;
            out.indicators.cells[j * ni + i] = c;
        }
    }

    // Each column with its parent, grandparent, ... (get_corr, withparent = "family").
    if (aggregates != nullptr) {
        for (std::size_t e = 0; e < elements; ++e) {
            for (std::size_t p = tree.parent(e); p != index_tree::npos; p = tree.parent(ni + p)) {
                family_correlation f;
                f.element = tree.id(e);
                f.ancestor = tree.node(p).id;
                f.ancestor_level = tree.level(p);
                f.value = pearson_correlation(column(e), aggregates->column(p), rows);
                out.family.push_back(std::move(f));
            }
        }
    }

    // get_corr_flags: pairs in the same group at flag_group_level, in group order of first appearance.
    std::vector<std::size_t> group_of(ni, index_tree::npos);
    std::vector<std::size_t> group_order;
    for (std::size_t i = 0; i < ni; ++i) {
        for (std::size_t p = tree.parent(i); p != index_tree::npos; p = tree.parent(ni + p)) {
            if (tree.level(p) == options.flag_group_level) {
                group_of[i] = p;
                break;
            }
        }
        if (group_of[i] != index_tree::npos &&
            std::find(group_order.begin(), group_order.end(), group_of[i]) == group_order.end())
            group_order.push_back(group_of[i]);
    }
    for (const std::size_t g : group_order) {
        for (std::size_t i = 0; i < ni; ++i) {
            if (group_of[i] != g) continue;
            for (std::size_t j = i + 1; j < ni; ++j) {
                if (group_of[j] != g) continue;
                const auto& r = out.indicators.at(i, j).r;
                if (!r) continue;
                if (options.flag_above && *r > *options.flag_above)
                    out.flags.push_back({tree.node(g).id, tree.id(i), tree.id(j), *r, true});
                if (options.flag_below && *r < *options.flag_below)
                    out.flags.push_back({tree.node(g).id, tree.id(i), tree.id(j), *r, false});
            }
        }
    }

    // get_cronbach and get_PCA over each node's children.
    bool skipped = false;
    for (std::size_t j = 0; j < tree.node_count(); ++j) {
        const auto kids = tree.children(j);
        std::vector<const double*> cols;
        group_audit g;
        g.group = tree.node(j).id;
        for (const std::size_t* k = kids.first; k != kids.second; ++k) {
            if (*k >= elements) break;
            cols.push_back(column(*k));
            g.members.push_back(tree.id(*k));
        }
        if (cols.size() != tree.child_count(j)) {
            skipped = true;
            continue;
        }
        g.alpha = cronbach_alpha(cols, rows);
        g.pca = pca_of_columns(cols, rows, g.group, out.diagnostics);
        out.groups.push_back(std::move(g));
    }
    if (skipped)
        out.diagnostics.push_back({severity::info,
                                   diagnostic_code::insufficient_data,
                                   {},
                                   "no aggregates given: alpha and PCA only for the groups of indicators",
                                   {},
                                   {}});
    return out;
}

}  // namespace dxframe
