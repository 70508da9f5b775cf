// SPDX-License-Identifier: MIT
/// @file
/// @brief How much each top-level component (pillar, sub-index) of an index adds to each unit's
/// index value: the component's score times its weight in the index.
///
/// For a weighted arithmetic mean at the root the contributions add up to the index exactly
/// (COINr's mean is Σ w·x / Σ w over the children present, so a unit missing a component has
/// the weights of the others scaled up, and its contributions still add up). For the other
/// means (geometric, harmonic, generalised, median) no such split exists: `additive` is false,
/// and a chart must not stack them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/tree.hpp>

namespace dxframe {

/// The contributions of the index's top-level components, unit by unit.
struct index_contributions {
    /// Element references (index_tree numbering) of the root's children, in definition order.
    std::vector<std::size_t> components;
    /// Effective weight of each component in the index (they add up to 1).
    std::vector<double> weights;
    /// The root's aggregation method (the spec's, the node's own or the default, as make_plan
    /// resolves it).
    aggregation_method root_method;
    /// True when the root is a weighted arithmetic mean: a unit's contributions add up to its
    /// index value.
    bool additive = false;
    /// By unit (result row), by component: the component's score × its weight among the
    /// components the unit has (the effective weight when it has them all). Missing when the
    /// component is missing for the unit or the unit has no index value.
    std::vector<std::vector<std::optional<double>>> values;
};
BOOST_DESCRIBE_STRUCT(index_contributions, (), (components, weights, root_method, additive, values))

/// The contributions of the root's children to the index of `result`, computed over `tree`
/// with `spec` (the same spec the result was computed with: it decides the weights and the
/// root's method). Throws dxframe::error when `result` does not fit `tree` or `spec` names ids
/// the tree does not have (as make_plan).
DXFRAME_DECL index_contributions compute_contributions(const index_tree& tree, const index_result& result,
                                                       const index_spec& spec = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/contributions.ipp>
#endif
