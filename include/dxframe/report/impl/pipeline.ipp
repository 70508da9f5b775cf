// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/pipeline.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/error.hpp>
#include <dxframe/index/pipeline.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/index.hpp>
#include <dxframe/report/pipeline.hpp>

namespace dxframe {

namespace detail {

// The header of a stage's table after uCode (and Time).
inline std::vector<std::string> pipeline_table_header(const index_tree& tree, pipeline_stage stage) {
    std::vector<std::string> h;
    for (std::size_t i = 0; i < tree.indicator_count(); ++i)
        h.push_back(tree.indicator(i).id);
    if (stage == pipeline_stage::aggregated) {
        for (std::size_t j = 0; j < tree.node_count(); ++j)
            h.push_back(tree.node(j).id);
    }
    return h;
}

// Appends one row per unit of `result`'s `stage` table to `rows`, each after `time` when given.
inline void pipeline_table_rows(const index_tree& tree, const pipeline_result& result, pipeline_stage stage,
                                const std::optional<double>& time, std::vector<std::vector<std::string>>& rows) {
    const bool aggregated = stage == pipeline_stage::aggregated;
    const value_matrix& first = aggregated ? result.index.normalised : pipeline_table(result, stage);
    const std::size_t n = result.units.size();
    if (first.rows() != n || first.cols() != tree.indicator_count() ||
        (aggregated && (result.index.aggregates.rows() != n || result.index.aggregates.cols() != tree.node_count()))) {
        throw error("render_pipeline_table_csv: the table does not fit the tree (was the step reached?)");
    }
    for (std::size_t u = 0; u < n; ++u) {
        std::vector<std::string> row{result.units[u]};
        if (time) row.push_back(shortest_number(*time));
        for (std::size_t i = 0; i < first.cols(); ++i)
            row.push_back(full_precision_number(first.get(u, i)));
        if (aggregated) {
            for (std::size_t j = 0; j < tree.node_count(); ++j)
                row.push_back(full_precision_number(result.index.aggregates.get(u, j)));
        }
        rows.push_back(std::move(row));
    }
}

}  // namespace detail

DXFRAME_DECL std::string render_pipeline_table_csv(const index_tree& tree, const pipeline_result& result,
                                                   pipeline_stage stage) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"uCode"};
    for (auto& h : detail::pipeline_table_header(tree, stage))
        header.push_back(std::move(h));
    rows.push_back(std::move(header));
    detail::pipeline_table_rows(tree, result, stage, std::nullopt, rows);
    return write_csv(rows, "\n");
}

DXFRAME_DECL std::string render_panel_table_csv(const index_tree& tree, const panel_pipeline_result& result,
                                                pipeline_stage stage) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"uCode", "Time"};
    for (auto& h : detail::pipeline_table_header(tree, stage))
        header.push_back(std::move(h));
    rows.push_back(std::move(header));
    for (std::size_t p = 0; p < result.periods.size(); ++p)
        detail::pipeline_table_rows(tree, result.periods[p], stage, result.times.at(p), rows);
    return write_csv(rows, "\n");
}

DXFRAME_DECL std::string render_panel_csv(const panel_pipeline_result& result) {
    std::map<std::string, const panel_change*> change_of;
    for (const auto& c : result.changes)
        change_of.emplace(c.unit, &c);
    const std::optional<double> last = result.times.empty() ? std::nullopt : std::optional<double>(result.times.back());
    std::vector<std::vector<std::string>> rows{{"uCode", "Time", "Index", "Rank", "RankChange", "IndexChange"}};
    for (const auto& s : result.scores) {
        std::vector<std::string> row{s.unit, shortest_number(s.time), full_precision_number(s.index),
                                     s.rank ? std::to_string(*s.rank) : std::string()};
        const auto it = change_of.find(s.unit);
        const panel_change* c = (last && s.time == *last && it != change_of.end()) ? it->second : nullptr;
        row.push_back(c && c->rank_change ? std::to_string(*c->rank_change) : std::string());
        row.push_back(c ? full_precision_number(c->score_change) : std::string());
        rows.push_back(std::move(row));
    }
    return write_csv(rows, "\n");
}

DXFRAME_DECL std::string render_panel_json(const panel_pipeline_result& result, const panel_pipeline_options& options) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    out["spec"] = options;
    out["times"] = result.times;
    out["scores"] = result.scores;
    out["changes"] = result.changes;
    out["imputation"] = result.imputed_by_indicator;
    nlohmann::ordered_json treatment = nlohmann::ordered_json::array();
    for (std::size_t p = 0; p < result.periods.size(); ++p) {
        if (result.periods[p].treatment.empty()) continue;
        nlohmann::ordered_json period = nlohmann::ordered_json::object();
        period["time"] = result.times.at(p);
        period["indicators"] = result.periods[p].treatment;
        treatment.push_back(std::move(period));
    }
    out["treatment"] = std::move(treatment);
    out["diagnostics"] = result.diagnostics;
    return out.dump(2) + "\n";
}

DXFRAME_DECL index_report_options panel_report_options(const panel_pipeline_result& result, index_report_options base) {
    if (result.periods.size() < 2) return base;
    const index_result& first = result.periods.front().index;
    base.previous_ranks.clear();
    for (std::size_t u = 0; u < first.units.size() && u < first.ranks.size(); ++u) {
        if (first.ranks[u]) base.previous_ranks[first.units[u]] = *first.ranks[u];
    }
    base.previous_label = shortest_number(result.times.front());
    return base;
}

}  // namespace dxframe
