// SPDX-License-Identifier: MIT
/// @file
/// @brief The data an uncertainty analysis starts from under each pair of imputation and
/// treatment alternatives, worked out once per pair rather than once per replication.
///
/// COINr's `get_sensitivity` re-runs the whole pipeline (`Regen`) from the step an uncertain
/// input changes. Imputation and treatment have a few alternatives each, and their results do
/// not depend on the weights, normaliser or aggregator, so every (imputation, treatment) pair
/// is computed here once — impute, then treat_outliers_in_place, as the pipeline orders them —
/// and a replication only picks the matrix of its pair.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>

namespace dxframe {

/// The data of one (imputation, treatment) pair of alternatives.
struct data_alternative {
    std::size_t imputation = 0;           ///< Index into the imputation alternatives (0 when none).
    std::size_t treatment = 0;            ///< Index into the treatment alternatives (0 when none).
    value_matrix values;                  ///< Units × the tree's indicators, imputed then treated.
    std::vector<diagnostic> diagnostics;  ///< Warnings of its imputation and treatment.
};

/// The data of every pair, imputation-major (pair k = imputation · treatments + treatment). An
/// empty list counts as one alternative that leaves the data as it is. `groups` (may be null)
/// holds the group columns a group imputation reads, one value per unit. Throws dxframe::error
/// when an alternative cannot be applied to this data whatever the replication — an indicator
/// id or a group column the data does not have, or an indicator a treatment alternative asks
/// to treat with too few values (untreatable_indicators, the pipeline's rule) — naming the
/// alternative. Each pair's diagnostics (path `source`, the input's name) start with the
/// alternative they belong to ("treatment alternative 2 'winsorise:5:2:3.5': ...", after the
/// imputation alternative when there are several: "imputation alternative 1 'mean', treatment
/// alternative 2 ...").
DXFRAME_DECL std::vector<data_alternative> make_data_alternatives(const index_tree& tree, const value_matrix& data,
                                                                  const std::vector<std::string>& units,
                                                                  const std::vector<imputation_spec>& imputations,
                                                                  const std::vector<treat_spec>& treatments,
                                                                  const std::vector<coinr_group>* groups = nullptr,
                                                                  const std::string& source = "data");

/// The diagnostics of every pair, each once (an imputation alternative's are in each of its
/// pairs), in pair order: what an analysis reports besides the nominal index's own.
DXFRAME_DECL std::vector<diagnostic> alternative_diagnostics(const std::vector<data_alternative>& pairs);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/uncertainty/impl/data_alternatives.ipp>
#endif
