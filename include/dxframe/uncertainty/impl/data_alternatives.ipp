// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/data_alternatives.hpp> (see <dxframe/config.hpp>: included
// by that header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/uncertainty/data_alternatives.hpp>

namespace dxframe {

namespace detail {

// The first error of `diags`, as a dxframe::error naming the alternative; nothing when none.
inline void throw_alternative_error(const std::vector<diagnostic>& diags, const std::string& what) {
    for (const auto& d : diags) {
        if (d.severity == severity::error) throw error("uncertainty_plan: " + what + ": " + d.message);
    }
}

inline std::string treat_rule_text(const treat_rule& r) {
    if (!r.enabled) return "none";
    return "winsorise:" + (r.max_points ? std::to_string(*r.max_points) : std::string("all")) + ":" +
           shortest_number(r.skew_threshold) + ":" + shortest_number(r.kurtosis_threshold);
}

}  // namespace detail

DXFRAME_DECL std::string imputation_spec_text(const imputation_spec& spec) {
    std::string text = to_spec(spec.all);
    for (const auto& [id, m] : spec.indicator)
        text += ";" + id + "=" + to_spec(m);
    return text;
}

DXFRAME_DECL std::string treat_spec_text(const treat_spec& spec) {
    std::string text = detail::treat_rule_text(spec.global);
    for (const auto& [id, r] : spec.per_indicator)
        text += ";" + id + "=" + detail::treat_rule_text(r);
    return text;
}

DXFRAME_DECL std::vector<data_alternative> make_data_alternatives(const index_tree& tree, const value_matrix& data,
                                                                  const std::vector<std::string>& units,
                                                                  const std::vector<imputation_spec>& imputations,
                                                                  const std::vector<treat_spec>& treatments,
                                                                  const std::vector<coinr_group>* groups) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < tree.indicator_count(); ++i)
        ids.push_back(tree.indicator(i).id);
    const std::size_t ni = imputations.empty() ? 1 : imputations.size();
    const std::size_t nt = treatments.empty() ? 1 : treatments.size();
    std::vector<data_alternative> out;
    out.reserve(ni * nt);
    for (std::size_t a = 0; a < ni; ++a) {
        data_alternative imputed;
        imputed.imputation = a;
        if (imputations.empty()) {
            imputed.values = data;
        } else {
            imputation_input in;
            in.values = &data;
            in.indicator_ids = &ids;
            in.units = &units;
            in.groups = groups;
            imputation_result r = impute(in, imputations[a], "data");
            detail::throw_alternative_error(r.diagnostics, "imputation alternative " + std::to_string(a + 1) + " '" +
                                                               imputation_spec_text(imputations[a]) + "'");
            imputed.values = std::move(r.values);
            imputed.diagnostics = std::move(r.diagnostics);
        }
        for (std::size_t b = 0; b < nt; ++b) {
            data_alternative d;
            d.imputation = a;
            d.treatment = b;
            d.values = b + 1 == nt ? std::move(imputed.values) : imputed.values;
            d.diagnostics = imputed.diagnostics;
            if (!treatments.empty()) {
                std::vector<diagnostic> diags;
                treat_outliers_in_place(d.values, ids, units, treatments[b], diags);
                detail::throw_alternative_error(diags, "treatment alternative " + std::to_string(b + 1) + " '" +
                                                           treat_spec_text(treatments[b]) + "'");
                d.diagnostics.insert(d.diagnostics.end(), diags.begin(), diags.end());
            }
            out.push_back(std::move(d));
        }
    }
    return out;
}

}  // namespace dxframe
