// SPDX-License-Identifier: MIT
/// @file
/// @brief Dimensions of disaggregation (sex, area, age group, …) and their codes.
#pragma once

#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/model/text.hpp>

namespace dxframe {

/// One value a dimension takes ("female" of "sex", "rural" of "area").
struct dimension_code {
    std::string id;  ///< Unique within its dimension; what observations and targets name.
    text name;       ///< Display name.
};
BOOST_DESCRIBE_STRUCT(dimension_code, (), (id, name))

/// A dimension along which indicators are broken down, declared once on the framework so that
/// every indicator split by sex shares one code list (as SDMX and Open SDG do).
struct dimension {
    std::string id;                     ///< Unique among dimensions, e.g. "sex".
    text name;                          ///< Display name.
    std::vector<dimension_code> codes;  ///< The values it takes.
};
BOOST_DESCRIBE_STRUCT(dimension, (), (id, name, codes))

}  // namespace dxframe
