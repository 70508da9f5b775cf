// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/plan.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>
#include <cstddef>
#include <set>
#include <string>

#include <dxframe/error.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/treat.hpp>
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
    for (std::size_t k = 0; k < plan.impute_alternatives.size(); ++k) {
        const imputation_spec& spec = plan.impute_alternatives[k];
        bool panel = is_panel_method(spec.all.method);
        for (const auto& [id, m] : spec.indicator)
            panel = panel || is_panel_method(m.method);
        if (panel) {
            throw error("uncertainty_plan: imputation alternative " + std::to_string(k + 1) +
                        " uses a panel method (latest, interpolate); an analysis is of one cross-section");
        }
    }
    auto check_rule = [](const treat_rule& r, std::size_t k) {
        if (!(std::isfinite(r.skew_threshold) && r.skew_threshold > 0 && std::isfinite(r.kurtosis_threshold))) {
            throw error("uncertainty_plan: treatment alternative " + std::to_string(k + 1) +
                        " needs a skewness threshold > 0 and a finite kurtosis threshold");
        }
    };
    for (std::size_t k = 0; k < plan.treat_alternatives.size(); ++k) {
        check_rule(plan.treat_alternatives[k].global, k);
        for (const auto& [id, r] : plan.treat_alternatives[k].per_indicator)
            check_rule(r, k);
    }
}

}  // namespace dxframe
