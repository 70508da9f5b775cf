// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/data_alternatives.hpp> (see <dxframe/config.hpp>: included
// by that header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
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

// Appends `from` to `to`, each message prefixed with the alternative it belongs to.
inline void append_alternative_diagnostics(std::vector<diagnostic>& to, std::vector<diagnostic>&& from,
                                           const std::string& what) {
    for (auto& d : from) {
        d.message = what + ": " + d.message;
        to.push_back(std::move(d));
    }
}

}  // namespace detail

DXFRAME_DECL std::vector<data_alternative> make_data_alternatives(const index_tree& tree, const value_matrix& data,
                                                                  const std::vector<std::string>& units,
                                                                  const std::vector<imputation_spec>& imputations,
                                                                  const std::vector<treat_spec>& treatments,
                                                                  const std::vector<coinr_group>* groups,
                                                                  const std::string& source) {
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
        std::string imputation_what;
        if (imputations.empty()) {
            imputed.values = data;
        } else {
            imputation_input in;
            in.values = &data;
            in.indicator_ids = &ids;
            in.units = &units;
            in.groups = groups;
            imputation_result r = impute(in, imputations[a], source);
            imputation_what =
                "imputation alternative " + std::to_string(a + 1) + " '" + imputation_spec_text(imputations[a]) + "'";
            detail::throw_alternative_error(r.diagnostics, imputation_what);
            imputed.values = std::move(r.values);
            detail::append_alternative_diagnostics(imputed.diagnostics, std::move(r.diagnostics), imputation_what);
        }
        for (std::size_t b = 0; b < nt; ++b) {
            data_alternative d;
            d.imputation = a;
            d.treatment = b;
            d.values = b + 1 == nt ? std::move(imputed.values) : imputed.values;
            d.diagnostics = imputed.diagnostics;
            if (!treatments.empty()) {
                // The pair when there are imputation alternatives: its data depends on both.
                const std::string what = (imputation_what.empty() ? "" : imputation_what + ", ") +
                                         "treatment alternative " + std::to_string(b + 1) + " '" +
                                         treat_spec_text(treatments[b]) + "'";
                // The pipeline's rule (untreatable_indicators): too few values stops, as
                // COINr's Treat does; all equal or infinite is a warning, left untreated.
                std::vector<diagnostic> diags = untreatable_indicators(d.values, ids, treatments[b], source);
                if (diags.empty()) treat_outliers_in_place(d.values, ids, units, treatments[b], diags);
                detail::throw_alternative_error(diags, what);
                detail::append_alternative_diagnostics(d.diagnostics, std::move(diags), what);
            }
            out.push_back(std::move(d));
        }
    }
    return out;
}

DXFRAME_DECL std::vector<diagnostic> alternative_diagnostics(const std::vector<data_alternative>& pairs) {
    std::vector<diagnostic> out;
    for (const auto& pair : pairs) {
        for (const auto& d : pair.diagnostics) {
            const bool seen = std::any_of(out.begin(), out.end(), [&d](const diagnostic& e) {
                return e.severity == d.severity && e.path == d.path && e.message == d.message;
            });
            if (!seen) out.push_back(d);
        }
    }
    return out;
}

}  // namespace dxframe
