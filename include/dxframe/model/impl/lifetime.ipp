// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/lifetime.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <dxframe/model/date.hpp>
#include <dxframe/model/entity.hpp>
#include <dxframe/model/lifetime.hpp>

namespace dxframe {

DXFRAME_DECL entity_lifetimes::entity_lifetimes(const std::vector<entity>& entities) {
    for (const entity& e : entities) {
        span& s = spans_[e.id];
        s.first = e.effective;
    }
    for (const entity& e : entities) {
        if (!e.effective) continue;  // a successor without a date (invalid_succession) ends nothing
        for (const std::string& from : e.successor_of) {
            span& s = spans_[from];
            if (!s.end || *e.effective < *s.end) {
                s.end = e.effective;
                s.successor = e.id;
            }
        }
    }
}

DXFRAME_DECL std::optional<date> entity_lifetimes::first_day(const std::string& id) const {
    const auto it = spans_.find(id);
    return it == spans_.end() ? std::nullopt : it->second.first;
}

DXFRAME_DECL std::optional<date> entity_lifetimes::end(const std::string& id) const {
    const auto it = spans_.find(id);
    return it == spans_.end() ? std::nullopt : it->second.end;
}

DXFRAME_DECL std::optional<std::string> entity_lifetimes::successor(const std::string& id) const {
    const auto it = spans_.find(id);
    return it == spans_.end() ? std::nullopt : it->second.successor;
}

DXFRAME_DECL bool entity_lifetimes::alive(const std::string& id, const date& d) const {
    const auto it = spans_.find(id);
    if (it == spans_.end()) return true;
    const span& s = it->second;
    return (!s.first || !(d < *s.first)) && (!s.end || d < *s.end);
}

}  // namespace dxframe
