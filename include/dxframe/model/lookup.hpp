// SPDX-License-Identifier: MIT
/// @file
/// @brief Finding model elements by id.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/model/dataset.hpp>

namespace dxframe {

/// The first element of `items` whose `id` equals `id`, or nullptr. Linear; for repeated
/// look-ups build a dataset_index.
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) noexcept {
    for (const auto& item : items) {
        if (item.id == id) return &item;
    }
    return nullptr;
}

/// Constant-time look-up of a dataset's elements by id. Holds positions, not pointers, so it
/// stays valid while the dataset is copied; rebuild it when elements are added or removed.
/// Where ids repeat (an invalid dataset) the first occurrence wins.
class dataset_index {
public:
    /// Indexes `ds`.
    DXFRAME_DECL explicit dataset_index(const dataset& ds);

    /// Position of the indicator with this id, or npos.
    std::size_t indicator(const std::string& id) const { return at(indicators_, id); }
    /// Position of the node with this id, or npos.
    std::size_t node(const std::string& id) const { return at(nodes_, id); }
    /// Position of the target with this id, or npos.
    std::size_t target(const std::string& id) const { return at(targets_, id); }
    /// Position of the task with this id, or npos.
    std::size_t task(const std::string& id) const { return at(tasks_, id); }
    /// Position of the entity with this id, or npos.
    std::size_t entity(const std::string& id) const { return at(entities_, id); }

    /// The value returned for an id that is not present.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    using map = std::unordered_map<std::string, std::size_t>;
    template <class T>
    static void fill(map& m, const std::vector<T>& items);
    DXFRAME_DECL static std::size_t at(const map& m, const std::string& id);

    map indicators_, nodes_, targets_, tasks_, entities_;
};

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/lookup.ipp>
#endif
