// SPDX-License-Identifier: MIT
/// @file
/// @brief Aggregation nodes: groups of indicators (and of other nodes) forming a tree of any depth.
#pragma once

#include <optional>
#include <string>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/model/fields.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// How a node combines its children's values.
enum class aggregation {
    arithmetic,        ///< Weighted arithmetic mean.
    geometric,         ///< Weighted geometric mean (children must be > 0).
    harmonic,          ///< Weighted harmonic mean (children must be > 0).
    generalised_mean,  ///< Weighted power mean with exponent `aggregation_parameter` (p ≠ 0).
    median             ///< Weighted median.
};
BOOST_DESCRIBE_ENUM(aggregation, arithmetic, geometric, harmonic, generalised_mean, median)

/// An aggregation group: a DTI main indicator, a COINr aggregate, a pillar sub-index.
/// Nodes without a parent are roots; a framework usually has exactly one (the index).
struct node {
    std::string id;                                   ///< Unique among nodes and indicators.
    text name;                                        ///< Display name.
    std::optional<std::string> parent;                ///< Id of the parent node; none for a root.
    double weight = 1.0;                              ///< Relative weight within its parent (DTI: max points).
    std::optional<dxframe::pillar> pillar;            ///< The pillar it represents, if any.
    std::optional<dxframe::aggregation> aggregation;  ///< Method for this node; absent = the analysis default.
    std::optional<double> aggregation_parameter;      ///< p for generalised_mean.
};
BOOST_DESCRIBE_STRUCT(node, (), (id, name, parent, weight, pillar, aggregation, aggregation_parameter))

/// `weight` may be omitted (it is then 1).
template <>
struct defaulted_fields<node> {
    /// The member names.
    static constexpr std::array<std::string_view, 1> names{"weight"};
};

}  // namespace dxframe
