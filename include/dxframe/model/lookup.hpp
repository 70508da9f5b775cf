// SPDX-License-Identifier: MIT
/// @file
/// @brief Finding model elements by id.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
    explicit dataset_index(const dataset& ds) {
        fill(indicators_, ds.framework.indicators);
        fill(nodes_, ds.framework.nodes);
        fill(targets_, ds.framework.targets);
        fill(tasks_, ds.framework.tasks);
        fill(entities_, ds.entities);
    }

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
    static void fill(map& m, const std::vector<T>& items) {
        m.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            m.emplace(items[i].id, i);
    }
    static std::size_t at(const map& m, const std::string& id) {
        const auto it = m.find(id);
        return it == m.end() ? npos : it->second;
    }

    map indicators_, nodes_, targets_, tasks_, entities_;
};

}  // namespace dxframe
