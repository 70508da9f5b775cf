// SPDX-License-Identifier: MIT
/// @file
/// @brief Entities: the nation, ministries, provinces (and their 2025 mergers), communes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/model/date.hpp>
#include <dxframe/model/source.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// Administrative level of an entity.
enum class entity_level {
    nation,    ///< The country.
    ministry,  ///< A ministry or ministry-level agency.
    province,  ///< A province or centrally-run city.
    commune,   ///< A commune, ward or special zone.
    other      ///< Anything else (an enterprise group, a sector).
};
BOOST_DESCRIBE_ENUM(entity_level, nation, ministry, province, commune, other)

/// A unit that is assessed, ranked, or owns targets and tasks.
struct entity {
    std::string id;                             ///< Unique among entities.
    text name;                                  ///< Display name.
    entity_level level = entity_level::other;   ///< Administrative level.
    std::optional<std::string> parent;          ///< Id of the entity it belongs to (a province's nation).
    std::vector<std::string> successor_of;      ///< Ids of the entities it was formed from (a merger).
    std::optional<date> effective;              ///< When it came into being (required with successor_of).
    std::map<std::string, std::string> groups;  ///< Grouping columns: region, ministry type, …
    std::optional<dxframe::source> source;      ///< Where its existence or composition is documented.
};
BOOST_DESCRIBE_STRUCT(entity, (), (id, name, level, parent, successor_of, effective, groups, source))

}  // namespace dxframe
