// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/panel.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/panel.hpp>
#include <dxframe/index/rank.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr_panel.hpp>

namespace dxframe {

namespace detail {

/// Rows [first, first + rows) of `m`.
inline value_matrix row_slice(const value_matrix& m, std::size_t first, std::size_t rows) {
    value_matrix out;
    out.reshape(rows, m.cols());
    for (std::size_t c = 0; c < m.cols(); ++c) {
        const double* from = m.column(c) + first;
        double* to = out.column(c);
        for (std::size_t r = 0; r < rows; ++r)
            to[r] = from[r];
    }
    return out;
}

inline std::size_t period_of(const panel_index_result& result, double time) {
    for (std::size_t p = 0; p < result.times.size(); ++p) {
        if (result.times[p] == time) return p;
    }
    throw error("panel: " + index_num(time) + " is not a period of the panel");
}

}  // namespace detail

DXFRAME_DECL panel_index_result compute_panel_index(const index_tree& tree, const std::vector<double>& times,
                                                    const std::vector<std::vector<std::string>>& units,
                                                    const std::vector<value_matrix>& values,
                                                    const panel_options& options) {
    if (times.size() != units.size() || times.size() != values.size()) {
        throw error("compute_panel_index: " + std::to_string(times.size()) + " times, " + std::to_string(units.size()) +
                    " unit lists and " + std::to_string(values.size()) + " matrices");
    }
    for (std::size_t p = 0; p < times.size(); ++p) {
        if (values[p].rows() != units[p].size() || values[p].cols() != tree.indicator_count()) {
            throw error("compute_panel_index: period " + detail::index_num(times[p]) + " has " +
                        std::to_string(values[p].rows()) + " x " + std::to_string(values[p].cols()) + " values for " +
                        std::to_string(units[p].size()) + " units and " + std::to_string(tree.indicator_count()) +
                        " indicators");
        }
    }
    panel_index_result out;
    out.times = times;
    if (options.normalise == panel_normalisation::per_period) {
        for (std::size_t p = 0; p < times.size(); ++p) {
            index_result r = compute_index(tree, values[p], units[p], options.spec);
            for (auto d : r.diagnostics) {
                d.message = detail::index_num(times[p]) + ": " + d.message;
                out.diagnostics.push_back(std::move(d));
            }
            out.periods.push_back(std::move(r));
        }
        return out;
    }
    // Pooled: the periods stacked into one table, normalised and aggregated in one run.
    std::size_t total = 0;
    for (const auto& m : values)
        total += m.rows();
    value_matrix stacked;
    stacked.reshape(total, tree.indicator_count());
    std::vector<std::string> stacked_units;
    stacked_units.reserve(total);
    std::size_t at = 0;
    for (std::size_t p = 0; p < times.size(); ++p) {
        for (std::size_t c = 0; c < stacked.cols(); ++c) {
            const double* from = values[p].column(c);
            double* to = stacked.column(c) + at;
            for (std::size_t r = 0; r < values[p].rows(); ++r)
                to[r] = from[r];
        }
        for (const auto& u : units[p])
            stacked_units.push_back(u + " (" + detail::index_num(times[p]) + ")");
        at += values[p].rows();
    }
    index_result all = compute_index(tree, stacked, stacked_units, options.spec);
    out.diagnostics = std::move(all.diagnostics);
    at = 0;
    for (std::size_t p = 0; p < times.size(); ++p) {
        const std::size_t n = values[p].rows();
        index_result r;
        r.units = units[p];
        r.normalised = detail::row_slice(all.normalised, at, n);
        r.aggregates = detail::row_slice(all.aggregates, at, n);
        r.ranks = competition_rank(r.index_values(), options.spec.rank);
        out.periods.push_back(std::move(r));
        at += n;
    }
    return out;
}

DXFRAME_DECL panel_index_result compute_panel_index(const coinr_panel& panel, const panel_options& options) {
    if (panel.periods.empty()) throw error("compute_panel_index: the panel has no period");
    std::vector<std::vector<std::string>> units;
    std::vector<value_matrix> values;
    for (const auto& p : panel.periods) {
        units.push_back(p.units);
        values.push_back(p.values);
    }
    return compute_panel_index(panel.periods.front().tree, panel.times, units, values, options);
}

DXFRAME_DECL std::vector<panel_score> panel_scores(const panel_index_result& result) {
    std::vector<panel_score> out;
    for (std::size_t p = 0; p < result.periods.size(); ++p) {
        const index_result& r = result.periods[p];
        for (std::size_t u = 0; u < r.units.size(); ++u)
            out.push_back(panel_score{r.units[u], result.times[p], r.index(u), r.ranks[u]});
    }
    return out;
}

DXFRAME_DECL std::vector<panel_change> panel_changes(const panel_index_result& result, double from, double to) {
    const index_result& a = result.periods[detail::period_of(result, from)];
    const index_result& b = result.periods[detail::period_of(result, to)];
    const auto ranks = rank_change(b.units, b.ranks, a.units, a.ranks);
    std::unordered_map<std::string, std::size_t> row_from;
    for (std::size_t u = 0; u < a.units.size(); ++u)
        row_from.emplace(a.units[u], u);
    std::vector<panel_change> out;
    for (std::size_t u = 0; u < b.units.size(); ++u) {
        panel_change c;
        c.unit = b.units[u];
        c.score_to = b.index(u);
        const auto it = row_from.find(c.unit);
        if (it != row_from.end()) c.score_from = a.index(it->second);
        if (c.score_from && c.score_to) c.score_change = *c.score_to - *c.score_from;
        c.rank_from = ranks[u].previous;
        c.rank_to = ranks[u].current;
        c.rank_change = ranks[u].change;
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace dxframe
