// SPDX-License-Identifier: MIT
/// @file
/// @brief When each entity exists: from its `effective` date until a successor formed from it
/// takes over (Viet Nam's 63 provinces became 34 on 1 July 2025).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/entity.hpp>

namespace dxframe {

/// The lifetime of every entity of a list, built once in linear time. An entity is alive from
/// its `effective` date (or forever back when it has none) until the day before the earliest
/// `effective` date of an entity that lists it in `successor_of` (or forever on when none does).
class entity_lifetimes {
public:
    /// The lifetimes of `entities`, which need not outlive this object.
    explicit entity_lifetimes(const std::vector<entity>& entities);

    /// The first day `id` is alive; nullopt when it has always existed (or is unknown).
    std::optional<date> first_day(const std::string& id) const;
    /// The first day `id` is no longer alive (its successor's effective date); nullopt when it
    /// lives on (or is unknown).
    std::optional<date> end(const std::string& id) const;
    /// The entity that takes over from `id` on end(id), the earliest effective one; nullopt when none.
    std::optional<std::string> successor(const std::string& id) const;
    /// True when `id` is alive on `d`: on or after first_day and before end. Unknown ids are
    /// alive (references are checked elsewhere).
    bool alive(const std::string& id, const date& d) const;

private:
    struct span {
        std::optional<date> first, end;
        std::optional<std::string> successor;
    };
    std::map<std::string, span> spans_;
};

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/lifetime.ipp>
#endif
