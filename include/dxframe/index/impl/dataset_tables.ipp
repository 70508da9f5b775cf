// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/dataset_tables.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/index/dataset_tables.hpp>
#include <dxframe/index/impl/dataset_input.ipp>  // detail::dataset_input_cutoff
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/coinr_panel.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/progress/series.hpp>

namespace dxframe {

namespace detail {

// The entities' group attributes as COINr group columns, one per attribute name (sorted).
inline std::vector<coinr_group> dataset_group_columns(const dataset& ds, const std::vector<std::string>& units) {
    std::unordered_map<std::string, const entity*> by_id;
    for (const auto& e : ds.entities)
        by_id.emplace(e.id, &e);
    std::set<std::string> names;
    for (const auto& u : units) {
        const auto it = by_id.find(u);
        if (it == by_id.end()) continue;
        for (const auto& g : it->second->groups)
            names.insert(g.first);
    }
    std::vector<coinr_group> out;
    for (const auto& name : names) {
        coinr_group g;
        g.id = name;
        g.name = name;
        for (const auto& u : units) {
            const auto it = by_id.find(u);
            std::optional<std::string> v;
            if (it != by_id.end()) {
                const auto at = it->second->groups.find(name);
                if (at != it->second->groups.end() && !at->second.empty()) v = at->second;
            }
            g.values.push_back(std::move(v));
        }
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace detail

DXFRAME_DECL dataset_tables_result dataset_coinr_data(const dataset& ds, const dataset_input_options& options) {
    dataset_tables_result out;
    dataset_input in = make_dataset_input(ds, options);
    out.diagnostics = std::move(in.diagnostics);
    if (!in.ok() || has_errors(out.diagnostics)) return out;
    coinr_data data;
    data.tree = std::move(*in.tree);
    data.units = std::move(in.units);
    data.unit_names = std::move(in.names);
    data.values = std::move(in.values);
    data.groups = detail::dataset_group_columns(ds, data.units);
    if (options.year) data.time = static_cast<double>(*options.year);
    // Each tree indicator's own denominator and scale (dxframe/1 `denominator`,
    // `denominator_scale`), COINr's iMeta Denominator column.
    std::unordered_map<std::string, const indicator*> declared;
    for (const auto& ind : ds.framework.indicators)
        declared.emplace(ind.id, &ind);
    data.indicator_denominators.assign(data.tree.indicator_count(), std::nullopt);
    data.indicator_denominator_scales.assign(data.tree.indicator_count(), std::nullopt);
    for (std::size_t i = 0; i < data.tree.indicator_count(); ++i) {
        const auto it = declared.find(data.tree.indicators()[i].id);
        if (it == declared.end()) continue;
        data.indicator_denominators[i] = it->second->denominator;
        data.indicator_denominator_scales[i] = it->second->denominator_scale;
    }

    // Denominator columns: the framework's indicators outside the tree, latest values.
    const series_index series(ds);
    const std::optional<date> cutoff = detail::dataset_input_cutoff(options);
    for (const auto& ind : ds.framework.indicators) {
        if (!data.tree.find_indicator(ind.id)) data.denominator_ids.push_back(ind.id);
    }
    data.denominators.resize(data.units.size(), data.denominator_ids.size());
    // Without --year each value is the latest at any date: a denominator from another year than
    // the unit's latest indicator values is used, with a warning naming both dates.
    std::vector<std::optional<date>> unit_latest(data.units.size());
    if (!options.year) {
        for (std::size_t u = 0; u < data.units.size(); ++u) {
            for (const auto& ind : data.tree.indicators()) {
                const auto v = series.latest(data.units[u], ind.id, cutoff);
                if (v && (!unit_latest[u] || *unit_latest[u] < v->date)) unit_latest[u] = v->date;
            }
        }
    }
    for (std::size_t c = 0; c < data.denominator_ids.size(); ++c) {
        std::size_t other_year = 0;
        std::string first;
        for (std::size_t u = 0; u < data.units.size(); ++u) {
            const auto v = series.latest(data.units[u], data.denominator_ids[c], cutoff);
            if (!v || (options.year && v->date.year() != *options.year)) continue;
            data.denominators.set(u, c, v->value);
            if (!unit_latest[u] || unit_latest[u]->year() == v->date.year()) continue;
            if (other_year++ == 0) {
                first = "'" + data.units[u] + "': " + v->date.to_string() + ", its indicators " +
                        unit_latest[u]->to_string();
            }
        }
        if (other_year == 0) continue;
        out.diagnostics.push_back({severity::warning,
                                   diagnostic_code::insufficient_data,
                                   "",
                                   "the latest value of the denominator '" + data.denominator_ids[c] +
                                       "' is of another year than the unit's latest indicator values for " +
                                       std::to_string(other_year) + " unit(s) (first " + first +
                                       "); give --year to take both from one year",
                                   {},
                                   {}});
    }
    out.data = std::move(data);
    return out;
}

DXFRAME_DECL std::vector<int> dataset_years(const dataset& ds, const std::optional<std::string>& root) {
    framework_tree_options to;
    to.root = root;
    const tree_build_result built = build_tree(ds.framework, to);
    std::set<int> years;
    // Each indicator is looked up once, each distinct day turned into a year once.
    const observation_table& rows = ds.observations;
    std::vector<bool> in_tree(rows.indicators().size(), true);
    if (built.ok()) {
        for (std::uint32_t k = 0; k < in_tree.size(); ++k)
            in_tree[k] = built.tree->find_indicator(std::string(rows.indicators().name(k))).has_value();
    }
    std::set<std::int32_t> days;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (in_tree[rows.indicator_key(i)]) days.insert(rows.day(i));
    }
    for (const std::int32_t day : days)
        years.insert(date::from_days(day).year());
    return {years.begin(), years.end()};
}

DXFRAME_DECL dataset_panel_result dataset_coinr_panel(const dataset& ds, const dataset_input_options& options,
                                                      const std::vector<int>& years) {
    dataset_panel_result out;
    const std::vector<int> chosen = years.empty() ? dataset_years(ds, options.root) : years;
    for (std::size_t k = 1; k < chosen.size(); ++k) {
        if (chosen[k] <= chosen[k - 1]) {
            out.diagnostics.push_back({severity::error,
                                       diagnostic_code::invalid_input_for_method,
                                       "",
                                       "years must be distinct and ascending (" + std::to_string(chosen[k - 1]) +
                                           " then " + std::to_string(chosen[k]) + ")",
                                       {},
                                       {}});
            return out;
        }
    }
    if (chosen.empty()) {
        out.diagnostics.push_back({severity::error,
                                   diagnostic_code::insufficient_data,
                                   "/observations",
                                   "no observation of the index's indicators: no year to compute",
                                   {},
                                   {}});
        return out;
    }
    coinr_panel panel;
    for (const int y : chosen) {
        dataset_input_options o = options;
        o.year = y;
        if (y != chosen.front()) o.tree_notes = false;
        dataset_tables_result r = dataset_coinr_data(ds, o);
        for (auto& d : r.diagnostics) {
            d.message = "year " + std::to_string(y) + ": " + d.message;
            out.diagnostics.push_back(std::move(d));
        }
        if (!r.ok()) continue;
        panel.times.push_back(static_cast<double>(y));
        panel.periods.push_back(std::move(*r.data));
    }
    if (!has_errors(out.diagnostics)) out.panel = std::move(panel);
    return out;
}

}  // namespace dxframe
