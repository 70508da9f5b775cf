// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/pipeline.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
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
#include <dxframe/index/denominate.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/panel.hpp>
#include <dxframe/index/pipeline.hpp>
#include <dxframe/index/prepare.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/coinr_panel.hpp>
#include <dxframe/report/format.hpp>

namespace dxframe {

namespace detail {

inline std::vector<std::string> pipeline_indicator_ids(const index_tree& tree) {
    std::vector<std::string> ids;
    ids.reserve(tree.indicator_count());
    for (const auto& ind : tree.indicators())
        ids.push_back(ind.id);
    return ids;
}

// Appends `from` to `to`, each message prefixed with `prefix` (a period: "Time 2019: ").
inline void pipeline_append(std::vector<diagnostic>& to, std::vector<diagnostic>&& from, const std::string& prefix) {
    for (auto& d : from) {
        if (!prefix.empty()) d.message = prefix + d.message;
        to.push_back(std::move(d));
    }
}

// The denominator of each tree indicator: the input's own (iMeta's Denominator) with the spec's
// scale, replaced by the spec's per-indicator choice; ids that are no indicator are errors.
inline std::vector<denominator_choice> pipeline_denominators(const coinr_data& data, const pipeline_denomination& d,
                                                             const std::string& source,
                                                             std::vector<diagnostic>& diags) {
    std::vector<denominator_choice> choices = denominators_from_meta(data, d.scale);
    for (const auto& [id, choice] : d.indicator) {
        const std::optional<std::size_t> i = data.tree.find_indicator(id);
        if (!i) {
            diags.push_back({severity::error,
                             diagnostic_code::unknown_reference,
                             source,
                             "denomination of '" + id + "': '" + id + "' is not an indicator of the index",
                             {},
                             {}});
            continue;
        }
        choices[*i] = choice;
    }
    return choices;
}

// The treatment's diagnostics into `diags`: the warnings of an indicator that was asked to be
// treated and could not be tested become errors naming it (COINr's Treat stops there).
inline void pipeline_treat_diagnostics(std::vector<diagnostic> found, const std::string& source,
                                       const std::string& prefix, std::vector<diagnostic>& diags) {
    for (auto& d : found) {
        if (d.severity == severity::warning) {
            d.severity = severity::error;
            d.message = "outlier treatment of '" + d.path + "' cannot be done: " + d.message;
            d.path = source;
        }
        if (!prefix.empty()) d.message = prefix + d.message;
        diags.push_back(std::move(d));
    }
}

// Runs the treatment step in place on `values`, its diagnostics as pipeline_treat_diagnostics.
inline std::vector<indicator_treatment> pipeline_treat(value_matrix& values, const std::vector<std::string>& ids,
                                                       const std::vector<std::string>& units, const treat_spec& spec,
                                                       const std::string& source, const std::string& prefix,
                                                       std::vector<diagnostic>& diags) {
    std::vector<diagnostic> found;
    std::vector<indicator_treatment> log = treat_outliers_in_place(values, ids, units, spec, found);
    pipeline_treat_diagnostics(std::move(found), source, prefix, diags);
    return log;
}

inline std::string pipeline_period_prefix(double time) {
    return "Time " + shortest_number(time) + ": ";
}

}  // namespace detail

DXFRAME_DECL std::optional<pipeline_stage> parse_pipeline_stage(const std::string& text) {
    static const std::pair<const char*, pipeline_stage> names[] = {{"raw", pipeline_stage::raw},
                                                                   {"denominated", pipeline_stage::denominated},
                                                                   {"imputed", pipeline_stage::imputed},
                                                                   {"treated", pipeline_stage::treated},
                                                                   {"normalised", pipeline_stage::normalised},
                                                                   {"aggregated", pipeline_stage::aggregated}};
    for (const auto& [name, stage] : names) {
        if (text == name) return stage;
    }
    return std::nullopt;
}

DXFRAME_DECL const value_matrix& pipeline_table(const pipeline_result& result, pipeline_stage stage) {
    switch (stage) {
        case pipeline_stage::raw: return result.raw;
        case pipeline_stage::denominated: return result.denominated;
        case pipeline_stage::imputed: return result.imputed;
        case pipeline_stage::treated: return result.treated;
        case pipeline_stage::normalised: return result.index.normalised;
        case pipeline_stage::aggregated: break;
    }
    return result.index.aggregates;
}

DXFRAME_DECL pipeline_result run_pipeline(const coinr_data& data, const pipeline_spec& spec,
                                          const std::string& source) {
    pipeline_result out;
    out.units = data.units;
    out.raw = data.values;
    const std::vector<std::string> ids = detail::pipeline_indicator_ids(data.tree);

    // 1. Denominate.
    if (spec.denominate.enabled) {
        const auto choices = detail::pipeline_denominators(data, spec.denominate, source, out.diagnostics);
        if (!out.ok()) return out;
        denomination_result d = denominate(data, choices, source);
        out.denominated = std::move(d.values);
        out.denomination = std::move(d.counts);
        detail::pipeline_append(out.diagnostics, std::move(d.diagnostics), "");
    } else {
        out.denominated = out.raw;
    }
    if (!out.ok()) return out;

    // 2–3. Impute and treat, column by column while each column is in cache, when the methods
    // allow it (prepare.hpp); the imputed table is kept as a copy made column by column.
    if (spec.treat && can_fuse_preparation(ids, spec.impute, *spec.treat)) {
        out.treated = out.denominated;
        preparation_result pr = impute_and_treat_in_place(out.treated, ids, out.units, &data.groups, spec.impute,
                                                          *spec.treat, source, &out.imputed);
        out.imputed_by_indicator = std::move(pr.imputation.indicators);
        out.imputed_by_unit = std::move(pr.imputation.units);
        out.still_missing = std::move(pr.imputation.still_missing);
        detail::pipeline_append(out.diagnostics, std::move(pr.imputation.diagnostics), "");
        if (!out.ok()) {
            out.treated = value_matrix();
            return out;
        }
        out.treatment = std::move(pr.treatment.log);
        detail::pipeline_treat_diagnostics(std::move(pr.treatment.diagnostics), source, "", out.diagnostics);
        if (!out.ok()) return out;
    } else {
        // 2. Impute.
        imputation_input imp;
        imp.values = &out.denominated;
        imp.indicator_ids = &ids;
        imp.units = &out.units;
        imp.groups = &data.groups;
        imputation_result ir = impute(imp, spec.impute, source);
        out.imputed = std::move(ir.values);
        out.imputed_by_indicator = std::move(ir.indicators);
        out.imputed_by_unit = std::move(ir.units);
        out.still_missing = std::move(ir.still_missing);
        detail::pipeline_append(out.diagnostics, std::move(ir.diagnostics), "");
        if (!out.ok()) return out;

        // 3. Treat.
        out.treated = out.imputed;
        if (spec.treat) {
            out.treatment =
                detail::pipeline_treat(out.treated, ids, out.units, *spec.treat, source, "", out.diagnostics);
            if (!out.ok()) return out;
        }
    }

    // 4–6. Normalise, aggregate, rank.
    out.index = compute_index(data.tree, out.treated, out.units, spec.index);
    detail::pipeline_append(out.diagnostics, std::vector<diagnostic>(out.index.diagnostics), "");
    return out;
}

DXFRAME_DECL panel_pipeline_result run_panel_pipeline(const coinr_panel& panel, const panel_pipeline_options& options,
                                                      const std::string& source) {
    if (panel.periods.empty() || panel.periods.size() != panel.times.size()) {
        throw error("run_panel_pipeline: the panel has no period, or not one time per period");
    }
    const pipeline_spec& spec = options.spec;
    panel_pipeline_result out;
    out.times = panel.times;
    const index_tree& tree = panel.periods.front().tree;
    const std::vector<std::string> ids = detail::pipeline_indicator_ids(tree);
    const std::size_t np = panel.periods.size();
    out.periods.resize(np);

    // 1. Denominate each period.
    for (std::size_t p = 0; p < np; ++p) {
        const coinr_data& data = panel.periods[p];
        pipeline_result& r = out.periods[p];
        r.units = data.units;
        r.raw = data.values;
        if (!spec.denominate.enabled) {
            r.denominated = r.raw;
            continue;
        }
        const std::string prefix = detail::pipeline_period_prefix(panel.times[p]);
        std::vector<diagnostic> found;
        const auto choices = detail::pipeline_denominators(data, spec.denominate, source, found);
        if (!has_errors(found)) {
            denomination_result d = denominate(data, choices, source);
            r.denominated = std::move(d.values);
            r.denomination = std::move(d.counts);
            detail::pipeline_append(found, std::move(d.diagnostics), "");
        }
        detail::pipeline_append(out.diagnostics, std::move(found), prefix);
    }
    if (!out.ok()) return out;

    // 2. Impute all periods together (each unit's series for latest / interpolate).
    std::vector<imputation_input> inputs(np);
    for (std::size_t p = 0; p < np; ++p) {
        inputs[p].values = &out.periods[p].denominated;
        inputs[p].indicator_ids = &ids;
        inputs[p].units = &out.periods[p].units;
        inputs[p].groups = &panel.periods[p].groups;
    }
    panel_imputation_result ir = impute_panel(panel.times, inputs, spec.impute, options.impute, source);
    for (std::size_t p = 0; p < np; ++p)
        out.periods[p].imputed = std::move(ir.values[p]);
    out.imputed_by_indicator = std::move(ir.indicators);
    out.imputed_by_unit = std::move(ir.units);
    out.still_missing = std::move(ir.still_missing);
    detail::pipeline_append(out.diagnostics, std::move(ir.diagnostics), "");
    if (!out.ok()) return out;

    // 3. Treat each period on its own.
    std::vector<value_matrix> treated(np);
    std::vector<std::vector<std::string>> units(np);
    for (std::size_t p = 0; p < np; ++p) {
        pipeline_result& r = out.periods[p];
        r.treated = r.imputed;
        if (spec.treat) {
            r.treatment = detail::pipeline_treat(r.treated, ids, r.units, *spec.treat, source,
                                                 detail::pipeline_period_prefix(panel.times[p]), out.diagnostics);
        }
        treated[p] = r.treated;
        units[p] = r.units;
    }
    if (!out.ok()) return out;

    // 4–6. Normalise (pooled or per period), aggregate, rank within each period.
    panel_options po;
    po.spec = spec.index;
    po.normalise = options.normalise;
    panel_index_result index = compute_panel_index(tree, panel.times, units, treated, po);
    detail::pipeline_append(out.diagnostics, std::move(index.diagnostics), "");
    index.diagnostics.clear();
    out.scores = panel_scores(index);
    if (np > 1) out.changes = panel_changes(index, panel.times.front(), panel.times.back());
    for (std::size_t p = 0; p < np; ++p) {
        out.periods[p].index = std::move(index.periods[p]);
        out.periods[p].index.units = out.periods[p].units;
    }
    return out;
}

}  // namespace dxframe
