// SPDX-License-Identifier: MIT
/// @file
/// @brief A framework: pillars, the indicator tree, targets and tasks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/model/dimension.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/node.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/model/source.hpp>
#include <dxframe/model/target.hpp>
#include <dxframe/model/task.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// The structure a programme is measured against: what is measured (indicators in a tree of
/// nodes), what must be reached (targets) and what must be done (tasks).
struct framework {
    std::string id;                         ///< Identifier, e.g. "vn-national-dx".
    text name;                              ///< Display name.
    std::string nation;                     ///< Id of the entity that targets without an entity bind.
    std::vector<pillar_info> pillars;       ///< The pillars used, with the framework's own names.
    std::vector<dimension> dimensions;      ///< Dimensions indicators are broken down by, with their codes.
    std::vector<node> nodes;                ///< Aggregation groups.
    std::vector<indicator> indicators;      ///< Measured quantities.
    std::vector<target> targets;            ///< Targets with deadlines.
    std::vector<task> tasks;                ///< Assigned duties.
    std::optional<dxframe::source> source;  ///< The document that defines the framework.
};
BOOST_DESCRIBE_STRUCT(framework, (), (id, name, nation, pillars, dimensions, nodes, indicators, targets, tasks, source))

}  // namespace dxframe
