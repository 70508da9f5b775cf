// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/id_pool.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <dxframe/model/id_pool.hpp>

namespace dxframe {

DXFRAME_DECL id_pool::id_pool(const id_pool& other) {
    for (const std::string& s : other.names_)
        intern(s);
}

DXFRAME_DECL id_pool& id_pool::operator=(const id_pool& other) {
    if (this != &other) {
        clear();
        for (const std::string& s : other.names_)
            intern(s);
    }
    return *this;
}

DXFRAME_DECL std::uint32_t id_pool::intern(std::string_view text) {
    const auto found = ids_.find(text);
    if (found != ids_.end()) return found->second;
    const auto id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(text);
    ids_.emplace(std::string_view(names_.back()), id);
    return id;
}

DXFRAME_DECL std::optional<std::uint32_t> id_pool::find(std::string_view text) const noexcept {
    const auto found = ids_.find(text);
    if (found == ids_.end()) return std::nullopt;
    return found->second;
}

DXFRAME_DECL void id_pool::reserve(std::size_t n) {
    ids_.reserve(n);
}

DXFRAME_DECL void id_pool::clear() noexcept {
    ids_.clear();
    names_.clear();
}

}  // namespace dxframe
