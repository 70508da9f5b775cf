// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/id_pool.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/model/id_pool.hpp>

namespace dxframe {

DXFRAME_DECL std::size_t id_pool::slot_of(std::string_view s) const noexcept {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = std::hash<std::string_view>{}(s)&mask;
    while (slots_[at] != 0 && strings_[slots_[at] - 1] != s)
        at = (at + 1) & mask;
    return at;
}

DXFRAME_DECL void id_pool::rehash_for(std::size_t n) {
    std::size_t capacity = 16;
    while (capacity < 2 * n)
        capacity *= 2;
    if (capacity <= slots_.size()) return;
    slots_.assign(capacity, 0);
    for (std::size_t id = 0; id < strings_.size(); ++id)
        slots_[slot_of(strings_[id])] = static_cast<std::uint32_t>(id + 1);
}

DXFRAME_DECL void id_pool::reserve(std::size_t n) {
    strings_.reserve(n);
    rehash_for(n);
}

DXFRAME_DECL std::uint32_t id_pool::intern(std::string_view s) {
    if (slots_.empty()) rehash_for(1);
    std::size_t at = slot_of(s);
    if (slots_[at] != 0) return slots_[at] - 1;
    if (strings_.size() >= npos - 1) throw std::length_error("id_pool: more than 2^32 - 2 distinct strings");
    const auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.emplace_back(s);
    if (2 * strings_.size() > slots_.size()) {
        rehash_for(strings_.size());
    } else {
        slots_[at] = id + 1;
    }
    return id;
}

DXFRAME_DECL std::uint32_t id_pool::find(std::string_view s) const noexcept {
    if (slots_.empty()) return npos;
    const std::size_t at = slot_of(s);
    return slots_[at] == 0 ? npos : slots_[at] - 1;
}

}  // namespace dxframe
