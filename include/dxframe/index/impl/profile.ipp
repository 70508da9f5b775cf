// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/profile.hpp> (see <dxframe/config.hpp>: included by that header in
// header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/error.hpp>
#include <dxframe/index/profile.hpp>
#include <dxframe/index/rank.hpp>

namespace dxframe {

DXFRAME_DECL unit_profile profile_unit(const index_tree& tree, const value_matrix& data,
                                       const std::vector<std::string>& units, const std::string& unit,
                                       const profile_options& options) {
    const std::size_t ni = tree.indicator_count();
    if (data.cols() != ni || units.size() != data.rows() ||
        (!options.groups.empty() && options.groups.size() != data.rows()))
        throw error("profile_unit: the data must be units x the tree's indicators, with one id (and group) per unit");
    unit_profile out;
    out.unit = unit;
    const auto found = std::find(units.begin(), units.end(), unit);
    if (found == units.end()) {
        out.diagnostics.push_back(
            {severity::error, diagnostic_code::unknown_reference, unit, "no unit '" + unit + "' in the data", {}, {}});
        return out;
    }
    const auto row = static_cast<std::size_t>(found - units.begin());
    const std::size_t rows = data.rows();

    std::vector<std::size_t> kept;
    std::vector<std::size_t> rank_of(ni, 0);
    std::vector<std::size_t> ranked(ni, 0);
    std::vector<std::optional<double>> values(rows);
    for (std::size_t i = 0; i < ni; ++i) {
        const double* x = data.column(i);
        const double sign =
            options.apply_direction && tree.indicator(i).direction == direction::lower_is_better ? -1.0 : 1.0;
        for (std::size_t r = 0; r < rows; ++r)
            values[r] = std::isnan(x[r]) ? std::nullopt : std::optional<double>(sign * x[r]);
        const auto ranks = options.groups.empty() ? competition_rank(values) : group_rank(values, options.groups);
        if (options.min_unique_share) {
            std::vector<double> present;
            bool any_missing = false;
            for (std::size_t r = 0; r < rows; ++r) {
                if (std::isnan(x[r]))
                    any_missing = true;
                else
                    present.push_back(x[r]);
            }
            std::sort(present.begin(), present.end());
            const auto distinct =
                static_cast<std::size_t>(std::unique(present.begin(), present.end()) - present.begin()) +
                (any_missing ? 1u : 0u);
            if (!(static_cast<double>(distinct) / static_cast<double>(rows) > *options.min_unique_share)) continue;
        }
        if (!ranks[row]) continue;
        std::size_t worst = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            if (!ranks[r]) continue;
            worst = std::max(worst, *ranks[r]);
            if (options.groups.empty() || options.groups[r] == options.groups[row]) ++ranked[i];
        }
        if (options.discard_worst && *ranks[row] == worst) continue;
        rank_of[i] = *ranks[row];
        kept.push_back(i);
    }
    std::stable_sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) { return rank_of[a] < rank_of[b]; });
    out.considered = kept.size();

    const auto entry = [&](std::size_t i) {
        profile_entry e;
        e.indicator = tree.indicator(i).id;
        e.name = tree.indicator(i).name;
        for (std::size_t p = tree.parent(i); p != index_tree::npos; p = tree.parent(ni + p)) {
            if (tree.level(p) == options.report_level) {
                e.ancestor = tree.node(p).id;
                break;
            }
        }
        e.rank = rank_of[i];
        e.ranked = ranked[i];
        e.value = data.column(i)[row];
        return e;
    };
    const std::size_t ns = std::min(options.strengths, kept.size());
    const std::size_t nw = std::min(options.weaknesses, kept.size());
    for (std::size_t k = 0; k < ns; ++k)
        out.strengths.push_back(entry(kept[k]));
    for (std::size_t k = kept.size() - nw; k < kept.size(); ++k)
        out.weaknesses.push_back(entry(kept[k]));
    if (ns < options.strengths || nw < options.weaknesses)
        out.diagnostics.push_back({severity::warning,
                                   diagnostic_code::insufficient_data,
                                   unit,
                                   "only " + std::to_string(kept.size()) +
                                       " indicators have a value for this unit and are not at their worst rank: "
                                       "shorter lists of strengths and weaknesses",
                                   {},
                                   {}});
    return out;
}

}  // namespace dxframe
