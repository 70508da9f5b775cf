// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/rank.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/rank.hpp>

namespace dxframe {

namespace detail {

inline double round_to(double v, int decimals) {
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

DXFRAME_DECL void competition_rank(const double* values, std::size_t n, const rank_options& options, std::size_t* out,
                                   std::vector<double>& key, std::vector<std::uint32_t>& order) {
    key.resize(n);
    order.clear();
    for (std::size_t i = 0; i < n; ++i) {
        double v = values[i];
        if (std::isnan(v) || !std::isfinite(v)) {
            out[i] = 0;
            continue;
        }
        if (options.decimals) v = round_to(v, *options.decimals);
        key[i] = options.order == rank_order::descending ? -v : v;
        order.push_back(static_cast<std::uint32_t>(i));
    }
    std::sort(order.begin(), order.end(),
              [&key](std::uint32_t a, std::uint32_t b) { return key[a] < key[b] || (key[a] == key[b] && a < b); });
    std::size_t prev_rank = 0;
    for (std::size_t p = 0; p < order.size(); ++p) {
        const std::uint32_t i = order[p];
        const std::size_t r = (p > 0 && key[i] == key[order[p - 1]]) ? prev_rank : p + 1;
        out[i] = r;
        prev_rank = r;
    }
}

}  // namespace detail

DXFRAME_DECL std::vector<std::optional<std::size_t>> competition_rank(const std::vector<std::optional<double>>& values,
                                                                      const rank_options& options) {
    const std::size_t n = values.size();
    std::vector<double> v(n, std::nan(""));
    for (std::size_t i = 0; i < n; ++i) {
        if (values[i]) v[i] = *values[i];
    }
    std::vector<std::size_t> r(n);
    std::vector<double> key;
    std::vector<std::uint32_t> order;
    detail::competition_rank(v.data(), n, options, r.data(), key, order);
    std::vector<std::optional<std::size_t>> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (r[i] != 0) out[i] = r[i];
    }
    return out;
}

DXFRAME_DECL std::vector<std::optional<std::size_t>> group_rank(const std::vector<std::optional<double>>& values,
                                                                const std::vector<std::optional<std::string>>& groups,
                                                                const rank_options& options) {
    if (values.size() != groups.size()) throw error("group_rank: values and groups differ in length");
    std::map<std::string, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (groups[i]) members[*groups[i]].push_back(i);
    }
    std::vector<std::optional<std::size_t>> out(values.size());
    for (const auto& [name, rows] : members) {
        std::vector<std::optional<double>> sub;
        sub.reserve(rows.size());
        for (std::size_t r : rows)
            sub.push_back(values[r]);
        const auto ranks = competition_rank(sub, options);
        for (std::size_t k = 0; k < rows.size(); ++k)
            out[rows[k]] = ranks[k];
    }
    return out;
}

DXFRAME_DECL std::vector<rank_change_entry> rank_change(const std::vector<std::string>& current_units,
                                                        const std::vector<std::optional<std::size_t>>& current_ranks,
                                                        const std::vector<std::string>& previous_units,
                                                        const std::vector<std::optional<std::size_t>>& previous_ranks) {
    if (current_units.size() != current_ranks.size() || previous_units.size() != previous_ranks.size()) {
        throw error("rank_change: unit ids and ranks differ in length");
    }
    std::unordered_map<std::string, std::size_t> prev;
    for (std::size_t i = 0; i < previous_units.size(); ++i)
        prev.emplace(previous_units[i], i);
    std::vector<rank_change_entry> out;
    out.reserve(current_units.size());
    for (std::size_t i = 0; i < current_units.size(); ++i) {
        rank_change_entry e;
        e.unit = current_units[i];
        e.current = current_ranks[i];
        const auto it = prev.find(current_units[i]);
        if (it != prev.end()) e.previous = previous_ranks[it->second];
        if (e.previous && e.current) {
            e.change = static_cast<std::int64_t>(*e.previous) - static_cast<std::int64_t>(*e.current);
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace dxframe
