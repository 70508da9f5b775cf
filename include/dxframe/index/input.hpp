// SPDX-License-Identifier: MIT
/// @file
/// @brief The input of an index computation, whatever it was read from: the tree, the units ×
/// indicators matrix, the units' ids and names and their group columns, built from COINr's
/// tables or from a dxframe/1 dataset.
///
/// One shape for both sources, so that a program (the `dxframe` tool's index, uncertainty and
/// sensitivity commands) reads an input the same way whichever the user gives. Reading the
/// files is left to the caller (I/O at the edges); each builder returns every problem found as
/// a diagnostic, never throws on data, and has no input when one of them is an error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/model/dataset.hpp>

namespace dxframe {

/// What an index is computed on.
struct index_input {
    index_tree tree;                 ///< Indicators and nodes.
    value_matrix values;             ///< Units × the tree's indicators; missing = no value.
    std::vector<std::string> units;  ///< Unit ids, in input order.
    /// Unit names, as `units`: COINr's uName (uCode when absent), or the entity's name in the
    /// chosen language (its id when it has none).
    std::vector<std::string> names;
    /// Group columns, for group imputation (`mean_group:COLUMN`): iData's Group columns, or the
    /// entities' `groups` attributes (one column per attribute name, as dataset_coinr_data).
    std::vector<coinr_group> groups;
};

/// An index input and the problems found building it.
struct index_input_result {
    std::optional<index_input> input;     ///< Nullopt when any diagnostic is an error.
    std::vector<diagnostic> diagnostics;  ///< Every problem, notes included (e.g. which Time is used).
    /// True when there is an input.
    bool ok() const noexcept { return input.has_value(); }
};

/// The index input of COINr tables given as CSV text (import_coinr: validated with COINr's
/// rules, panel data by `options.time`); diagnostics name their table (`options`' sources).
DXFRAME_DECL index_input_result coinr_index_input(std::string_view idata_csv, std::string_view imeta_csv,
                                                  const coinr_options& options = {});

/// The index input of a dataset (make_dataset_input: each entity's latest value of each tree
/// indicator by the library's one latest-value rule); diagnostics are JSON Pointers into it.
DXFRAME_DECL index_input_result dataset_index_input(const dataset& ds, const dataset_input_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/input.ipp>
#endif
