// SPDX-License-Identifier: MIT
/// @file
/// @brief Interned strings: each distinct id stored once and named by a small stable number.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/config.hpp>

namespace dxframe {

/// A pool of interned strings (entity ids, indicator ids): each distinct string is stored once
/// and gets the next `std::uint32_t`, 0, 1, 2 …, in order of first interning. Ids never change
/// while the pool lives, so a table of millions of rows can hold 4-byte keys instead of strings
/// and compare them as numbers. Look-up by `std::string_view` allocates nothing. The pool holds
/// no pointers into itself: copies and moves are plain and keep every id.
class id_pool {
public:
    /// What find() returns for a string that is not in the pool.
    static constexpr std::uint32_t npos = UINT32_MAX;

    /// The id of `s`, adding it when new. Throws std::length_error once the pool holds
    /// npos strings (ids are 32-bit).
    DXFRAME_DECL std::uint32_t intern(std::string_view s);

    /// The id of `s`, or npos when it has not been interned.
    DXFRAME_DECL std::uint32_t find(std::string_view s) const noexcept;

    /// The string of `id` (an id this pool gave out).
    const std::string& str(std::uint32_t id) const noexcept { return strings_[id]; }

    /// The number of distinct strings; ids run from 0 to size() − 1.
    std::size_t size() const noexcept { return strings_.size(); }

    /// Makes room for `n` strings without rehashing.
    DXFRAME_DECL void reserve(std::size_t n);

private:
    std::vector<std::string> strings_;  ///< By id.
    /// Open addressing, linear probing: id + 1 per used slot, 0 when free; a power of two
    /// in size, at most half full.
    std::vector<std::uint32_t> slots_;
    /// The slot holding `s`, or the free slot where it would go.
    DXFRAME_DECL std::size_t slot_of(std::string_view s) const noexcept;
    /// Grows the table to hold at least `n` strings at most half full.
    DXFRAME_DECL void rehash_for(std::size_t n);
};

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/id_pool.ipp>
#endif
