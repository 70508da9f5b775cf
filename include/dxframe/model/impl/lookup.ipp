// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/lookup.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/lookup.hpp>

namespace dxframe {

template <class T>
void dataset_index::fill(map& m, const std::vector<T>& items) {
    m.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        m.emplace(items[i].id, i);
}

DXFRAME_DECL dataset_index::dataset_index(const dataset& ds) {
    fill(indicators_, ds.framework.indicators);
    fill(nodes_, ds.framework.nodes);
    fill(targets_, ds.framework.targets);
    fill(tasks_, ds.framework.tasks);
    fill(entities_, ds.entities);
}

DXFRAME_DECL std::size_t dataset_index::at(const map& m, const std::string& id) {
    const auto it = m.find(id);
    return it == m.end() ? npos : it->second;
}

}  // namespace dxframe
