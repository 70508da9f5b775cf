// SPDX-License-Identifier: MIT
/// @file
/// @brief The input of an index built from a dxframe/1 dataset: the tree of its framework, the
/// units × indicators matrix of each entity's latest values, and the units' ids and names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// Which part of a dataset an index is computed on, and as of when.
struct dataset_input_options {
    std::optional<std::string> root;  ///< Only the index under this node (a framework may hold several).
    std::optional<date> as_of;        ///< Only observations dated on or before this day.
    std::optional<int> year;          ///< Only observations dated in this calendar year.
    bool merge_successors = false;    ///< Merged entities get the mean of their predecessors (merge_successors()).
    language name_language = language::en;  ///< The language of the tree's and the units' names.
    bool tree_notes = true;                 ///< Keep the tree builder's notes (info) in the diagnostics.
};
BOOST_DESCRIBE_STRUCT(dataset_input_options, (), (root, as_of, year, merge_successors, name_language, tree_notes))

/// An index's input built from a dataset.
struct dataset_input {
    std::optional<index_tree> tree;       ///< The framework's tree (under `root`); nullopt on an error.
    value_matrix values;                  ///< Units × the tree's indicators; missing = no usable value.
    std::vector<std::string> units;       ///< Entity ids, in dataset order (successors after a merger).
    std::vector<std::string> names;       ///< Their names in the chosen language (the id when unknown).
    std::vector<diagnostic> diagnostics;  ///< Problems, each with a JSON Pointer into the dataset.
    /// True when there is a tree and at least one unit.
    bool ok() const noexcept { return tree.has_value() && !units.empty(); }
};

/// Builds the input of an index from `ds`: the tree of its framework (build_tree()); as units,
/// the entities with at least one usable value of a tree indicator in the period (dataset
/// order); as each cell, the entity's latest value of the indicator by the library's one rule,
/// the one progress assessments use (series_index::latest()): the latest date on or before
/// `as_of` (in `year` when given); at that date, of several rankings (out_of) the larger, then
/// a final figure before a provisional one, then the later in the document. Values are in the
/// indicator's unit (60 of 63 is 95.24 for a percent indicator); a cell without a usable value
/// stays missing, never NaN. Observations naming an entity or indicator the dataset does not
/// define are skipped with a warning. An error diagnostic (and !ok()) when the tree cannot be
/// built or no entity has a value. Never throws on data.
DXFRAME_DECL dataset_input make_dataset_input(const dataset& ds, const dataset_input_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/dataset_input.ipp>
#endif
