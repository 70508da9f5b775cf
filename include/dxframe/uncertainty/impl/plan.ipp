// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/plan.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <set>
#include <string>

#include <dxframe/error.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/uncertainty/plan.hpp>

namespace dxframe {

DXFRAME_DECL void check_uncertainty_plan(const uncertainty_plan& plan) {
    std::set<int> seen;
    for (const auto& n : plan.weight_noise) {
        if (n.level < 1) throw error("uncertainty_plan: weight noise level " + std::to_string(n.level) + " is below 1");
        if (!seen.insert(n.level).second) {
            throw error("uncertainty_plan: weight noise is given twice for level " + std::to_string(n.level));
        }
        if (!(n.factor >= 0.0 && n.factor <= 1.0)) {
            throw error("uncertainty_plan: the weight noise factor of level " + std::to_string(n.level) +
                        " must be between 0 and 1");
        }
    }
    for (const auto& n : plan.normalise_alternatives)
        check_normalisation(n);
    for (const auto& m : plan.aggregate_alternatives)
        check_aggregation(m);
}

}  // namespace dxframe
