// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/index.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/index/compute.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/impl/format.ipp>  // detail::localise_digits
#include <dxframe/report/index.hpp>
#include <dxframe/report/index_labels.hpp>

namespace dxframe {

namespace detail {

// A number of a column for people: `decimals` fixed, in the language's digits; "—" when missing.
DXFRAME_DECL std::string index_cell_number(const std::optional<double>& v, int decimals, language lang) {
    if (!v || !std::isfinite(*v)) return std::string(missing_mark);
    return localise_digits(fixed_number(*v, decimals), lang);
}

// A rank for people; "—" when unranked.
DXFRAME_DECL std::string index_rank_text(const std::optional<std::size_t>& r) {
    return r ? std::to_string(*r) : std::string(missing_mark);
}

// "▲ 3", "▼ 2", "=", "new"; "" when there is nothing to compare (no current rank).
DXFRAME_DECL std::string index_rank_change_text(const std::optional<std::size_t>& current,
                                                const std::optional<std::size_t>& previous, language lang) {
    if (!current) return {};
    if (!previous) return std::string(label(index_label::new_entry, lang));
    const auto d = rank_change(current, previous);
    if (*d == 0) return "=";
    return (*d > 0 ? "\u25b2 " : "\u25bc ") + std::to_string(*d > 0 ? *d : -*d);
}

// The previous rank of unit u, when the options have one.
DXFRAME_DECL std::optional<std::size_t> index_previous_rank(const index_result& result, std::size_t u,
                                                            const index_report_options& options) {
    if (u >= result.units.size()) return std::nullopt;
    const auto it = options.previous_ranks.find(result.units[u]);
    if (it == options.previous_ranks.end()) return std::nullopt;
    return it->second;
}

DXFRAME_DECL std::string index_unit_id(const index_result& result, std::size_t u) {
    return u < result.units.size() ? result.units[u] : std::to_string(u + 1);
}

DXFRAME_DECL std::string index_title(const index_tree& tree) {
    const auto& root = tree.node(tree.root());
    return root.name.empty() ? root.id : root.name;
}

}  // namespace detail

DXFRAME_DECL std::optional<long long> rank_change(const std::optional<std::size_t>& current,
                                                  const std::optional<std::size_t>& previous) {
    if (!current || !previous) return std::nullopt;
    return static_cast<long long>(*previous) - static_cast<long long>(*current);
}

DXFRAME_DECL std::vector<std::size_t> units_by_rank(const index_result& result) {
    std::vector<std::size_t> order(result.ranks.size());
    for (std::size_t u = 0; u < order.size(); ++u)
        order[u] = u;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto ra = result.ranks[a].value_or(static_cast<std::size_t>(-1));
        const auto rb = result.ranks[b].value_or(static_cast<std::size_t>(-1));
        return ra < rb;
    });
    return order;
}

DXFRAME_DECL std::vector<std::size_t> aggregates_top_down(const index_tree& tree) {
    std::vector<std::size_t> order;
    for (std::size_t j = 0; j + 1 < tree.node_count(); ++j)
        order.push_back(j);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return tree.level(a) > tree.level(b); });
    return order;
}

DXFRAME_DECL int column_decimals(const std::vector<std::optional<double>>& column) {
    double largest = 0;
    for (const auto& v : column) {
        if (v && std::isfinite(*v)) largest = std::max(largest, std::fabs(*v));
    }
    return largest >= 1000 ? 0 : largest >= 10 ? 1 : largest >= 1 ? 2 : 3;
}

DXFRAME_DECL std::string render_index_csv(const index_tree& tree, const index_result& result) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"uCode"};
    for (std::size_t i = 0; i < tree.indicator_count(); ++i)
        header.push_back(tree.indicator(i).id);
    for (std::size_t j = 0; j < tree.node_count(); ++j)
        header.push_back(tree.node(j).id);
    header.emplace_back("Rank");
    rows.push_back(std::move(header));
    for (std::size_t u = 0; u < result.normalised.rows(); ++u) {
        std::vector<std::string> row{detail::index_unit_id(result, u)};
        for (std::size_t i = 0; i < tree.indicator_count(); ++i)
            row.push_back(full_precision_number(result.normalised.get(u, i)));
        for (std::size_t j = 0; j < tree.node_count(); ++j)
            row.push_back(full_precision_number(result.aggregates.get(u, j)));
        row.push_back(u < result.ranks.size() && result.ranks[u] ? std::to_string(*result.ranks[u]) : std::string());
        rows.push_back(std::move(row));
    }
    return write_csv(rows, "\n");
}

DXFRAME_DECL std::string render_index_json(const index_tree& tree, const index_result& result,
                                           const std::vector<std::string>& names, const index_spec& spec) {
    const index_report report = make_report(tree, result, names.empty() ? nullptr : &names);
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    out["spec"] = spec;
    const nlohmann::ordered_json body = report;
    for (auto it = body.begin(); it != body.end(); ++it)
        out[it.key()] = it.value();
    return out.dump(2) + "\n";
}

DXFRAME_DECL std::string render_index_markdown(const index_tree& tree, const index_result& result,
                                               const std::vector<std::string>& names,
                                               const index_report_options& options) {
    const language lang = options.lang;
    const auto L = [&](auto key) { return std::string(label(key, lang)); };
    std::string s = "# " + markdown_escape(detail::index_title(tree)) + "\n\n";
    if (!options.methods.empty()) s += L(index_label::methods) + ": " + markdown_escape(options.methods) + ". ";
    s += std::to_string(result.normalised.rows()) + " " + L(index_label::units) + ", " +
         std::to_string(tree.indicator_count()) + " " + L(index_label::indicators) + "; " + L(index_label::ties_note) +
         ".\n\n";
    const auto aggs = aggregates_top_down(tree);
    const bool changes = !options.previous_ranks.empty();
    // Columns after Rank, Unit and Name: the index, then the aggregates, each with its decimals.
    std::vector<std::size_t> nodes{tree.root()};
    nodes.insert(nodes.end(), aggs.begin(), aggs.end());
    std::vector<int> decimals;
    decimals.reserve(nodes.size());
    for (std::size_t j : nodes)
        decimals.push_back(column_decimals(result.aggregates.column_values(j)));
    s += "| " + L(report_label::rank) + " | " + L(index_label::unit) + " | " + L(index_label::name);
    for (std::size_t j : nodes)
        s += " | " + markdown_escape(tree.node(j).id);
    if (changes) s += " | " + L(index_label::change);
    s += " |\n|---:|---|---";
    for (std::size_t k = 0; k < nodes.size(); ++k)
        s += "|---:";
    if (changes) s += "|---:";
    s += "|\n";
    for (std::size_t u : units_by_rank(result)) {
        const std::string unit = detail::index_unit_id(result, u);
        s += "| " + detail::index_rank_text(result.ranks[u]) + " | " + markdown_escape(unit) + " | " +
             markdown_escape(u < names.size() ? names[u] : std::string());
        for (std::size_t k = 0; k < nodes.size(); ++k)
            s += " | " + detail::index_cell_number(result.aggregates.get(u, nodes[k]), decimals[k], lang);
        if (changes) {
            s += " | " +
                 detail::index_rank_change_text(result.ranks[u], detail::index_previous_rank(result, u, options), lang);
        }
        s += " |\n";
    }
    if (changes && !options.previous_label.empty()) {
        s += "\n" + L(index_label::change_note) + " " + markdown_escape(options.previous_label) + ".\n";
    }
    return s;
}

}  // namespace dxframe
