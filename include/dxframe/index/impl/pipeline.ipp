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

// The denominator of each tree indicator: the spec's per-indicator choices when it has any
// (they replace the input's own, as COINr's Denominate with `denomby` ignores iMeta's column),
// else the input's own (iMeta's Denominator) with the spec's scale; ids that are no indicator
// are errors.
inline std::vector<denominator_choice> pipeline_denominators(const coinr_data& data, const pipeline_denomination& d,
                                                             const std::string& source,
                                                             std::vector<diagnostic>& diags) {
    if (d.indicator.empty()) return denominators_from_meta(data, d.scale);
    std::vector<denominator_choice> choices(data.tree.indicator_count());
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

// Runs the treatment step in place on `values` under the rule untreatable_indicators states
// (as the uncertainty analysis does): an indicator with too few values to test is an error and
// nothing is treated; one whose test is NA (all equal, an infinite value) keeps its warning.
inline std::vector<indicator_treatment> pipeline_treat(value_matrix& values, const std::vector<std::string>& ids,
                                                       const std::vector<std::string>& units, const treat_spec& spec,
                                                       const std::string& source, const std::string& prefix,
                                                       std::vector<diagnostic>& diags) {
    std::vector<diagnostic> found = untreatable_indicators(values, ids, spec, source);
    std::vector<indicator_treatment> log;
    if (found.empty()) log = treat_outliers_in_place(values, ids, units, spec, found);
    pipeline_append(diags, std::move(found), prefix);
    return log;
}

// Imputation and treatment fused column by column (index/prepare.hpp) on a copy of `values` into
// `work`, when that gives what the two steps give in the pipeline: methods the fused path takes,
// no imputation error (after which the pipeline treats nothing) and no indicator too short to
// treat (after which it treats nothing either; treatment keeps which cells are missing, so the
// imputation's counts tell). Nullopt otherwise: the caller takes the two steps, and `work` and
// `imputed` are theirs to overwrite.
inline std::optional<preparation_result> pipeline_prepare_fused(
    const value_matrix& values, const std::vector<std::string>& ids, const std::vector<std::string>& units,
    const std::vector<coinr_group>& groups, const imputation_spec& impute, const treat_spec& treat,
    const std::string& source, value_matrix& work, value_matrix* imputed) {
    if (!can_fuse_preparation(ids, impute, treat)) return std::nullopt;
    work = values;
    preparation_result r = impute_and_treat_in_place(work, ids, units, &groups, impute, treat, source, imputed);
    if (!r.fused || has_errors(r.imputation.diagnostics) || has_errors(r.treatment.diagnostics)) return std::nullopt;
    std::vector<std::size_t> present(ids.size(), values.rows());
    for (std::size_t c = 0; c < ids.size() && c < r.imputation.indicators.size(); ++c)
        present[c] -= r.imputation.indicators[c].missing - r.imputation.indicators[c].filled;
    if (!untreatable_indicators_by_count(present, ids, treat, source).empty()) return std::nullopt;
    return r;
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

DXFRAME_DECL pipeline_tables keep_only(pipeline_stage stage) {
    pipeline_tables keep{false, false, false, false};
    switch (stage) {
        case pipeline_stage::raw: keep.raw = true; break;
        case pipeline_stage::denominated: keep.denominated = true; break;
        case pipeline_stage::imputed: keep.imputed = true; break;
        case pipeline_stage::treated: keep.treated = true; break;
        case pipeline_stage::normalised:
        case pipeline_stage::aggregated: break;
    }
    return keep;
}

DXFRAME_DECL pipeline_result run_pipeline(const coinr_data& data, const pipeline_spec& spec, const std::string& source,
                                          const pipeline_tables& keep) {
    pipeline_result out;
    out.units = data.units;
    if (keep.raw) out.raw = data.values;
    const std::vector<std::string> ids = detail::pipeline_indicator_ids(data.tree);

    // 1. Denominate. Without the step the denominated table is the input itself (not copied).
    value_matrix denominated_values;
    const value_matrix* denominated = &data.values;
    if (spec.denominate.enabled) {
        const auto choices = detail::pipeline_denominators(data, spec.denominate, source, out.diagnostics);
        if (!out.ok()) return out;
        denomination_result d = denominate(data, choices, source);
        denominated_values = std::move(d.values);
        denominated = &denominated_values;
        out.denomination = std::move(d.counts);
        detail::pipeline_append(out.diagnostics, std::move(d.diagnostics), "");
    }
    const auto keep_denominated = [&] {
        if (!keep.denominated) return;
        if (spec.denominate.enabled) {
            out.denominated = std::move(denominated_values);
        } else {
            out.denominated = data.values;
        }
    };
    if (!out.ok()) {
        keep_denominated();
        return out;
    }

    // 2–3. Impute and treat, column by column in one pass when the methods allow.
    value_matrix work;
    std::optional<preparation_result> fused;
    if (spec.treat)
        fused = detail::pipeline_prepare_fused(*denominated, ids, out.units, data.groups, spec.impute, *spec.treat,
                                               source, work, keep.imputed ? &out.imputed : nullptr);
    if (fused) {
        keep_denominated();
        denominated_values = value_matrix{};
        out.imputed_by_indicator = std::move(fused->imputation.indicators);
        out.imputed_by_unit = std::move(fused->imputation.units);
        out.still_missing = std::move(fused->imputation.still_missing);
        detail::pipeline_append(out.diagnostics, std::move(fused->imputation.diagnostics), "");
        out.treatment = std::move(fused->treatment.log);
        detail::pipeline_append(out.diagnostics, std::move(fused->treatment.diagnostics), "");
    } else {
        // 2. Impute.
        imputation_input imp;
        imp.values = denominated;
        imp.indicator_ids = &ids;
        imp.units = &out.units;
        imp.groups = &data.groups;
        imputation_result ir = impute(imp, spec.impute, source);
        keep_denominated();
        denominated_values = value_matrix{};  // not needed any more: free it before the next copy
        work = std::move(ir.values);
        if (keep.imputed) out.imputed = work;
        out.imputed_by_indicator = std::move(ir.indicators);
        out.imputed_by_unit = std::move(ir.units);
        out.still_missing = std::move(ir.still_missing);
        detail::pipeline_append(out.diagnostics, std::move(ir.diagnostics), "");
        if (!out.ok()) return out;

        // 3. Treat, in place on the imputed values (a copy only when the imputed table is kept).
        if (spec.treat) {
            out.treatment = detail::pipeline_treat(work, ids, out.units, *spec.treat, source, "", out.diagnostics);
            if (!out.ok()) {
                if (keep.treated) out.treated = std::move(work);
                return out;
            }
        }
    }

    // 4–6. Normalise, aggregate, rank.
    out.index = compute_index(data.tree, work, out.units, spec.index);
    detail::pipeline_append(out.diagnostics, std::vector<diagnostic>(out.index.diagnostics), "");
    if (keep.treated) out.treated = std::move(work);
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
