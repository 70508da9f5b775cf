// SPDX-License-Identifier: MIT
/// @file
/// @brief A dataset: a framework with the entities it covers and their observations.
#pragma once

#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/model/entity.hpp>
#include <dxframe/model/framework.hpp>
#include <dxframe/model/observation.hpp>
#include <dxframe/model/observation_table.hpp>

namespace dxframe {

/// Everything one document holds: `{"format": "dxframe/1", "framework": …, "entities": …,
/// "observations": …}` (the format tag is handled by the I/O layer).
struct dataset {
    dxframe::framework framework;    ///< Structure, targets and tasks.
    std::vector<entity> entities;    ///< Nation, ministries, provinces, …
    observation_table observations;  ///< Reported values (32 bytes each, read as observations).
};
BOOST_DESCRIBE_STRUCT(dataset, (), (framework, entities, observations))

}  // namespace dxframe
