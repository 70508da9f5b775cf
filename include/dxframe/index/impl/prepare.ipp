// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/prepare.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/impl/column_scan.ipp>  // detail::scan_for_imputation_and_moments
#include <dxframe/index/impl/impute.ipp>       // detail::resolve_imputation, imputation_tally, ...
#include <dxframe/index/impl/treat.ipp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/prepare.hpp>
#include <dxframe/index/treat.hpp>

namespace dxframe {

namespace detail {

// The imputation of each column when every one is column-wise and the spec has no error; empty
// otherwise (the caller takes the two separate calls).
inline std::vector<imputation> column_wise_imputation(const std::vector<std::string>& ids,
                                                      const imputation_spec& impute, const treat_spec& treat) {
    for (const auto& entry : treat.per_indicator)
        if (std::find(ids.begin(), ids.end(), entry.first) == ids.end()) return {};
    std::vector<diagnostic> found;
    std::vector<imputation> methods = resolve_imputation(impute, ids, "", found);
    if (!found.empty()) return {};
    for (const imputation& m : methods) {
        const bool column_wise = m.method == imputation_method::none || m.method == imputation_method::mean ||
                                 m.method == imputation_method::median;
        if (!column_wise) return {};
    }
    return methods;
}

}  // namespace detail

DXFRAME_DECL bool can_fuse_preparation(const std::vector<std::string>& indicator_ids, const imputation_spec& impute,
                                       const treat_spec& treat) {
    return indicator_ids.empty() || !detail::column_wise_imputation(indicator_ids, impute, treat).empty();
}

DXFRAME_DECL preparation_result impute_and_treat_in_place(value_matrix& values,
                                                          const std::vector<std::string>& indicator_ids,
                                                          const std::vector<std::string>& units,
                                                          const std::vector<coinr_group>* groups,
                                                          const imputation_spec& impute, const treat_spec& treat,
                                                          const std::string& source, value_matrix* imputed) {
    imputation_input in;
    in.values = &values;
    in.indicator_ids = &indicator_ids;
    in.units = &units;
    in.groups = groups;
    detail::check_input(in);
    preparation_result out;
    const std::size_t rows = values.rows();
    const std::vector<imputation> methods = detail::column_wise_imputation(indicator_ids, impute, treat);
    if (methods.size() != indicator_ids.size()) {
        out.imputation = impute_in_place(values, indicator_ids, units, groups, impute, source);
        if (imputed != nullptr) *imputed = values;
        out.treatment.log = treat_outliers_in_place(values, indicator_ids, units, treat, out.treatment.diagnostics);
        return out;
    }
    out.fused = true;
    if (imputed != nullptr) imputed->reshape(rows, values.cols());
    detail::imputation_tally tally(indicator_ids);
    const std::vector<std::size_t> row_to_unit = tally.unit_rows(units);
    std::vector<std::size_t> missing_rows;
    out.treatment.log.reserve(indicator_ids.size());
    for (std::size_t i = 0; i < indicator_ids.size(); ++i) {
        // One read from memory: finding the missing cells. Imputing, counting, copying and
        // treating then read the column from cache.
        double* x = values.column(i);
        // The first test's central sums come from this pass too (first_test_after_filling).
        const detail::imputation_scan scan = detail::scan_for_imputation_and_moments(x, rows, missing_rows);
        const detail::finite_sums& sums = scan.sums;
        if (!missing_rows.empty()) {
            if (methods[i].method != imputation_method::none)
                detail::impute_cross_section_column(in, i, methods[i], std::nullopt, values, source,
                                                    out.imputation.diagnostics, &missing_rows, &sums);
            tally.add_column(i, missing_rows, x, units);
        }
        if (imputed != nullptr) std::copy(x, x + rows, imputed->column(i));
        const auto own = treat.per_indicator.find(indicator_ids[i]);
        const treat_rule& rule = own == treat.per_indicator.end() ? treat.global : own->second;
        const std::optional<detail::first_test_pass> estimate = detail::first_test_after_filling(scan, x, missing_rows);
        out.treatment.log.push_back(
            estimate ? detail::treat_column_estimated(x, rows, rule, indicator_ids[i], &units,
                                                      out.treatment.diagnostics, *estimate)
                     : treat_column(x, rows, rule, indicator_ids[i], &units, out.treatment.diagnostics));
    }
    tally.flush_columns(row_to_unit);
    out.imputation.indicators = std::move(tally.indicators);
    out.imputation.units = std::move(tally.units);
    out.imputation.still_missing = std::move(tally.still_missing);
    return out;
}

}  // namespace dxframe
