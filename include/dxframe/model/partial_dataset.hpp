// SPDX-License-Identifier: MIT
/// @file
/// @brief What a load with errors in some records gives: every record read, and which ones are damaged.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/model/dataset.hpp>

namespace dxframe {

/// The records of a document that had an error while they were read, by their position in the
/// document (so `targets` holding 3 means `/framework/targets/3`). A damaged record stays in
/// its place in the dataset with whatever of it read cleanly (its `id` when the `id` member
/// itself was fine, "" otherwise), so that every later JSON Pointer is still the document's.
/// Each list is sorted and holds a position once.
struct load_damage {
    std::vector<std::size_t> pillars;       ///< Damaged elements of /framework/pillars.
    std::vector<std::size_t> dimensions;    ///< Damaged elements of /framework/dimensions.
    std::vector<std::size_t> nodes;         ///< Damaged elements of /framework/nodes.
    std::vector<std::size_t> indicators;    ///< Damaged elements of /framework/indicators.
    std::vector<std::size_t> targets;       ///< Damaged elements of /framework/targets.
    std::vector<std::size_t> tasks;         ///< Damaged elements of /framework/tasks.
    std::vector<std::size_t> entities;      ///< Damaged elements of /entities.
    std::vector<std::size_t> observations;  ///< Damaged elements of /observations.
    /// JSON Pointers of damaged members that are not records: a scalar ("/framework/nation"),
    /// a list that was not an array ("/framework/indicators"), or a whole part ("/framework").
    /// A damaged list counts as holding a damaged record without a readable id.
    std::vector<std::string> members;
};
BOOST_DESCRIBE_STRUCT(load_damage, (),
                      (pillars, dimensions, nodes, indicators, targets, tasks, entities, observations, members))

/// A document that was read to the end but had errors in some records: the records as read,
/// damaged ones included as placeholders, and which they are. It is deliberately not a
/// `dataset`: nothing converts one to the other, so a partial dataset can be validated
/// (dxframe::validate has an overload for it, which skips the damaged records) but never
/// assessed, scored or saved as if it were whole. The member is named `incomplete` so that
/// reaching into it shows in review.
struct partial_dataset {
    dataset incomplete;  ///< Every record read, damaged ones as placeholders, in document order.
    load_damage damage;  ///< Which records (and members) are damaged.
};
BOOST_DESCRIBE_STRUCT(partial_dataset, (), (incomplete, damage))

}  // namespace dxframe
