// SPDX-License-Identifier: MIT
/// @file
/// @brief A dataset: a framework with the entities it covers and their observations.
#pragma once

#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/model/entity.hpp>
#include <dxframe/model/framework.hpp>
#include <dxframe/model/observation.hpp>

namespace dxframe {

/// Everything one document holds: `{"format": "dxframe/1", "framework": …, "entities": …,
/// "observations": …}` (the format tag is handled by the I/O layer).
struct dataset {
    dxframe::framework framework;           ///< Structure, targets and tasks.
    std::vector<entity> entities;           ///< Nation, ministries, provinces, …
    std::vector<observation> observations;  ///< Reported values.
};
BOOST_DESCRIBE_STRUCT(dataset, (), (framework, entities, observations))

}  // namespace dxframe
