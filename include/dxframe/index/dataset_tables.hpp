// SPDX-License-Identifier: MIT
/// @file
/// @brief A dxframe/1 dataset as COINr's tables (coinr_data, coinr_panel), so that the whole
/// pipeline (index/pipeline.hpp) runs on provinces as it does on COINr's iData and iMeta.
///
/// The tree, the units and the raw values are make_dataset_input's (each entity's latest value
/// of each tree indicator, by the library's one rule). What COINr keeps in other iData columns
/// comes from the dataset's other parts:
/// - group columns (for `mean_group` / `median_group` imputation): the entities' `groups`
///   attributes (region, …), one column per attribute name; a unit without the attribute has no
///   group;
/// - denominator columns (for denomination): every indicator of the framework that is not in the
///   tree (population, GDP, area), each entity's latest value by the same rule and cut-off. Each
///   tree indicator's `denominator` and `denominator_scale` become iMeta's Denominator
///   (coinr_data::indicator_denominators, coinr_data::indicator_denominator_scales), so the pipeline
///   denominates by them unless its spec names another (pipeline_denomination::indicator).
#pragma once

#include <optional>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/coinr_panel.hpp>
#include <dxframe/model/dataset.hpp>

namespace dxframe {

/// The outcome of dataset_coinr_data.
struct dataset_tables_result {
    std::optional<coinr_data> data;       ///< Nullopt when any diagnostic is an error.
    std::vector<diagnostic> diagnostics;  ///< make_dataset_input's, JSON Pointers into the dataset.
    /// True when there are tables.
    bool ok() const noexcept { return data.has_value(); }
};

/// `ds` as one cross-section of COINr tables (see the file comment); `options` as for
/// make_dataset_input (`year` also sets the tables' `time`). Never throws on data.
DXFRAME_DECL dataset_tables_result dataset_coinr_data(const dataset& ds, const dataset_input_options& options = {});

/// The outcome of dataset_coinr_panel.
struct dataset_panel_result {
    std::optional<coinr_panel> panel;     ///< Nullopt when any diagnostic is an error.
    std::vector<diagnostic> diagnostics;  ///< Problems, each message naming its year.
    /// True when there is a panel.
    bool ok() const noexcept { return panel.has_value(); }
};

/// The calendar years in which `ds` has an observation of an indicator of the tree under
/// `root` (every indicator when the framework's tree cannot be built), ascending.
DXFRAME_DECL std::vector<int> dataset_years(const dataset& ds, const std::optional<std::string>& root = std::nullopt);

/// `ds` as a panel: one period per year of `years` (ascending, distinct; empty = every year of
/// dataset_years), each dataset_coinr_data with `options.year` set to it (`as_of` still
/// applies). Units may differ between years: a unit is in the years it has a value in. An
/// error when a year has no value at all or `years` is not strictly increasing.
DXFRAME_DECL dataset_panel_result dataset_coinr_panel(const dataset& ds, const dataset_input_options& options = {},
                                                      const std::vector<int>& years = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/dataset_tables.ipp>
#endif
