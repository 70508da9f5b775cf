// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/dataset_input.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/index/dti.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/progress/series.hpp>

namespace dxframe {

namespace detail {

inline diagnostic dataset_input_diag(severity s, diagnostic_code code, std::string path, std::string message) {
    diagnostic d;
    d.severity = s;
    d.code = code;
    d.path = std::move(path);
    d.message = std::move(message);
    return d;
}

// The last day observations may have: `as_of`, or the end of `year`, whichever is earlier.
inline std::optional<date> dataset_input_cutoff(const dataset_input_options& o) {
    std::optional<date> cut = o.as_of;
    if (o.year) {
        const auto end = date::try_from_ymd(*o.year, 12, 31);
        if (end && (!cut || *end < *cut)) cut = end;
    }
    return cut;
}

// Warnings for observations naming an entity or an indicator the dataset does not define.
inline void unknown_observation_ids(const dataset& ds, const dataset_index& ids, std::vector<diagnostic>& out) {
    // Each distinct id is looked up once, through the table's pools; rows compare keys.
    const observation_table& rows = ds.observations;
    std::vector<bool> entity_known(rows.entities().size());
    for (std::uint32_t k = 0; k < entity_known.size(); ++k)
        entity_known[k] = ids.entity(std::string(rows.entities().name(k))) != dataset_index::npos;
    std::vector<bool> indicator_known(rows.indicators().size());
    for (std::uint32_t k = 0; k < indicator_known.size(); ++k)
        indicator_known[k] = ids.indicator(std::string(rows.indicators().name(k))) != dataset_index::npos;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool entity_ok = entity_known[rows.entity_key(i)];
        const bool indicator_ok = indicator_known[rows.indicator_key(i)];
        if (entity_ok && indicator_ok) continue;
        const std::string at = "/observations/" + std::to_string(i);
        if (!entity_ok) {
            out.push_back(
                dataset_input_diag(severity::warning, diagnostic_code::unknown_reference, at + "/entity",
                                   "no entity '" + std::string(rows.entity(i)) + "': the observation is not used"));
        }
        if (!indicator_ok) {
            out.push_back(dataset_input_diag(
                severity::warning, diagnostic_code::unknown_reference, at + "/indicator",
                "no indicator '" + std::string(rows.indicator(i)) + "': the observation is not used"));
        }
    }
}

}  // namespace detail

DXFRAME_DECL dataset_input make_dataset_input(const dataset& ds, const dataset_input_options& options) {
    dataset_input in;
    framework_tree_options to;
    to.name_language = options.name_language;
    to.root = options.root;
    tree_build_result built = build_tree(ds.framework, to);
    for (auto& d : built.diagnostics) {
        if (options.tree_notes || d.severity != severity::info) in.diagnostics.push_back(std::move(d));
    }
    if (!built.ok()) return in;
    in.tree = std::move(*built.tree);
    const index_tree& tree = *in.tree;
    const dataset_index ids(ds);
    detail::unknown_observation_ids(ds, ids, in.diagnostics);

    // One latest value per cell, by the rule progress uses (series_index::latest()), looked up
    // only where a series exists (the entities with each indicator): a cost per series, not per
    // entity × indicator, which made small files the slowest per observation.
    const series_index series(ds);
    const std::optional<date> cutoff = detail::dataset_input_cutoff(options);
    const std::size_t ni = tree.indicator_count();
    std::unordered_map<std::string_view, std::vector<std::size_t>> positions;  // a repeated id: each
    for (std::size_t e = 0; e < ds.entities.size(); ++e)
        positions[ds.entities[e].id].push_back(e);
    std::vector<std::optional<double>> cells(ds.entities.size() * ni);
    std::vector<bool> any(ds.entities.size(), false);
    for (std::size_t i = 0; i < ni; ++i) {
        const std::string& indicator_id = tree.indicator(i).id;
        for (const std::string& entity_id : series.entities_with(indicator_id)) {
            const auto at = positions.find(entity_id);
            if (at == positions.end()) continue;
            const auto v = series.latest(entity_id, indicator_id, cutoff);
            if (!v || (options.year && v->date.year() != *options.year)) continue;
            for (const std::size_t e : at->second) {
                cells[e * ni + i] = v->value;
                any[e] = true;
            }
        }
    }
    std::vector<std::size_t> rows;
    for (std::size_t e = 0; e < ds.entities.size(); ++e) {
        if (any[e]) rows.push_back(e);
    }
    in.values.resize(rows.size(), ni);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        in.units.push_back(ds.entities[rows[k]].id);
        for (std::size_t i = 0; i < ni; ++i) {
            if (const auto& c = cells[rows[k] * ni + i]) in.values.set(k, i, *c);
        }
    }
    if (options.merge_successors) {
        merge_result merged = merge_successors(in.units, in.values, ds.entities, options.as_of);
        for (auto& d : merged.diagnostics)
            in.diagnostics.push_back(std::move(d));
        in.units = std::move(merged.units);
        in.values = std::move(merged.values);
    }
    if (in.units.empty()) {
        const std::string when = options.as_of  ? " up to " + options.as_of->to_string()
                                 : options.year ? " in " + std::to_string(*options.year)
                                                : "";
        in.diagnostics.push_back(
            detail::dataset_input_diag(severity::error, diagnostic_code::insufficient_data, "/observations",
                                       "no entity has an observation of the index's indicators" + when));
        return in;
    }
    for (const auto& id : in.units) {
        const std::size_t at = ids.entity(id);
        in.names.push_back(at == dataset_index::npos ? id : ds.entities[at].name.in(options.name_language));
    }
    return in;
}

}  // namespace dxframe
