// SPDX-License-Identifier: MIT
/// @file
/// @brief Imputation and outlier treatment fused column by column: the matrix read from memory once.
///
/// impute_in_place then treat_outliers_in_place read every column from memory twice (a column of
/// 10,000 values is 80 KB: it stays in L2 between the steps of one column, not between the two
/// passes over a 80 MB matrix). For column-wise imputation (column mean or median, or none) and the
/// per-column treatment, impute_and_treat_in_place imputes a column and treats it while it is in
/// cache, with the same cells, bit for bit, and the same decisions as the two calls. The first
/// outlier test's sums come from the imputation's pass (the observed values' centred sums plus
/// the filled cells'), so a column that clearly passes is not read again; its logged skewness and
/// kurtosis may differ from the two calls' in the last bits (within 1e-12 relative). A column
/// that fails, or whose statistic lies within 1e-10 (relative) of a threshold, is tested again
/// exactly as treat_column does, so the verdict never differs. Group imputation needs other
/// rows' groups, not the column alone, and a spec with an error (an unknown id, a missing group
/// column, a panel method) must keep the two calls' exact outcome: both take the two calls.
#pragma once

#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/io/coinr.hpp>

namespace dxframe {

/// What impute_in_place and treat_outliers_in_place return, side by side.
struct preparation_result {
    imputation_result imputation;  ///< As impute_in_place (its `values` left empty).
    treat_result treatment;        ///< Log and diagnostics as treat_outliers_in_place (`values` left empty).
    bool fused = false;            ///< True when the columns were imputed and treated in one pass.
};

/// True when impute_and_treat_in_place can work column by column: every indicator's imputation
/// (after `treat.per_indicator` and `impute.indicator` overrides) is none, mean or median, and
/// neither spec names an id that is no indicator.
DXFRAME_DECL bool can_fuse_preparation(const std::vector<std::string>& indicator_ids, const imputation_spec& impute,
                                       const treat_spec& treat);

/// impute_in_place(values, indicator_ids, units, groups, impute, source) followed by
/// treat_outliers_in_place(values, indicator_ids, units, treat, ...), with the same values,
/// counts, logs and diagnostics (but the last bits of a passing column's `before` statistics,
/// see above); column by column (each column imputed then treated while it is in
/// cache) when can_fuse_preparation holds, else the two calls. When `imputed` is not null it
/// receives a copy of the imputed values (before treatment), for a pipeline that keeps that table;
/// it is resized to the shape of `values`. Throws dxframe::error when the shapes disagree.
DXFRAME_DECL preparation_result impute_and_treat_in_place(
    value_matrix& values, const std::vector<std::string>& indicator_ids, const std::vector<std::string>& units,
    const std::vector<coinr_group>* groups, const imputation_spec& impute, const treat_spec& treat,
    const std::string& source = "iData.csv", value_matrix* imputed = nullptr);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/prepare.ipp>
#endif
