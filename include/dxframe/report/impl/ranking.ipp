// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/ranking.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <map>
#include <string>

#include <dxframe/index/compute.hpp>
#include <dxframe/progress/ranking.hpp>
#include <dxframe/report/ranking.hpp>

namespace dxframe {

DXFRAME_DECL ranking ranking_from_index(const index_report& report, const std::map<std::string, std::string>& names,
                                        const std::string& title) {
    ranking r;
    r.indicator = report.index;
    r.title = title.empty() ? report.index : title;
    for (const auto& c : report.columns) {
        if (c.id == report.index && title.empty() && !c.name.empty()) r.title = c.name;
    }
    for (const auto& u : report.units) {
        const auto it = names.find(u.unit);
        r.entries.push_back({u.unit, it == names.end() ? u.unit : it->second, u.index, u.rank});
    }
    std::stable_sort(r.entries.begin(), r.entries.end(), [](const ranking_entry& a, const ranking_entry& b) {
        if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
        if (a.rank && b.rank && *a.rank != *b.rank) return *a.rank < *b.rank;
        return false;
    });
    return r;
}

}  // namespace dxframe
