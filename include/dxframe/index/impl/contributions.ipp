// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/contributions.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/contributions.hpp>

namespace dxframe {

DXFRAME_DECL index_contributions compute_contributions(const index_tree& tree, const index_result& result,
                                                       const index_spec& spec) {
    const std::size_t ni = tree.indicator_count();
    if (result.normalised.cols() != ni || result.aggregates.cols() != tree.node_count() ||
        result.aggregates.rows() != result.normalised.rows()) {
        throw error("compute_contributions: the result does not fit the tree");
    }
    const index_plan plan = make_plan(tree, spec);
    const std::vector<double> effective = tree.effective_weights(plan.weights);
    index_contributions c;
    const auto children = tree.children(tree.root());
    for (const std::size_t* e = children.first; e != children.second; ++e) {
        c.components.push_back(*e);
        c.weights.push_back(effective.at(*e));
    }
    c.root_method = plan.aggregators.at(tree.root());
    c.additive = c.root_method.method == aggregation::arithmetic;
    const auto score = [&](std::size_t u, std::size_t e) {
        return tree.is_indicator(e) ? result.normalised.get(u, e) : result.aggregates.get(u, e - ni);
    };
    const std::size_t units = result.aggregates.rows();
    c.values.assign(units, std::vector<std::optional<double>>(c.components.size()));
    for (std::size_t u = 0; u < units; ++u) {
        if (!result.index(u)) continue;
        double present = 0;  // the weight of the components the unit has
        for (std::size_t k = 0; k < c.components.size(); ++k) {
            if (score(u, c.components[k])) present += plan.weights.at(c.components[k]);
        }
        if (!(present > 0)) continue;
        for (std::size_t k = 0; k < c.components.size(); ++k) {
            if (const auto s = score(u, c.components[k]))
                c.values[u][k] = *s * plan.weights.at(c.components[k]) / present;
        }
    }
    return c;
}

}  // namespace dxframe
