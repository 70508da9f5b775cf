// SPDX-License-Identifier: MIT
/// @file
/// @brief Interned strings: each distinct text gets a small stable number.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <dxframe/config.hpp>

namespace dxframe {

/// A set of strings, each with a stable `std::uint32_t` id (0, 1, 2, … in order of first
/// interning). A large dataset names a few thousand entities and a hundred indicators millions
/// of times: rows that hold the id instead of the text are 4 bytes instead of 32, and comparing
/// two ids is one instruction.
class id_pool {
public:
    /// An empty pool.
    id_pool() = default;
    /// A copy with the same ids.
    DXFRAME_DECL id_pool(const id_pool& other);
    /// Takes over `other`'s strings (their addresses do not change, so the look-up stays valid).
    id_pool(id_pool&& other) noexcept = default;
    /// Becomes a copy of `other`, with the same ids.
    DXFRAME_DECL id_pool& operator=(const id_pool& other);
    /// Takes over `other`'s strings.
    id_pool& operator=(id_pool&& other) noexcept = default;
    /// Frees the strings.
    ~id_pool() = default;

    /// The id of `text`, adding it when it is new.
    DXFRAME_DECL std::uint32_t intern(std::string_view text);
    /// The id of `text`; nullopt when it was never interned.
    DXFRAME_DECL std::optional<std::uint32_t> find(std::string_view text) const noexcept;
    /// The text of `id` (which must be below size()).
    std::string_view name(std::uint32_t id) const noexcept { return names_[id]; }
    /// The number of distinct strings.
    std::size_t size() const noexcept { return names_.size(); }
    /// True when nothing was interned.
    bool empty() const noexcept { return names_.empty(); }
    /// Forgets every string (ids start again at 0).
    DXFRAME_DECL void clear() noexcept;
    /// Makes room for `n` strings in the look-up without rehashing.
    DXFRAME_DECL void reserve(std::size_t n);

private:
    // A deque never moves its elements when it grows, so the views the map keys are stay valid.
    std::deque<std::string> names_;
    std::unordered_map<std::string_view, std::uint32_t> ids_;
};

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/id_pool.ipp>
#endif
