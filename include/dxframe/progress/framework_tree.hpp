// SPDX-License-Identifier: MIT
/// @file
/// @brief The node tree of a framework, indexed for look-ups and hierarchical weighted scores.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/model/framework.hpp>
#include <dxframe/model/pillar.hpp>

namespace dxframe {

namespace detail {

/// Weighted mean of the children that have a score; weights below zero count as zero, and a
/// group whose scored children weigh nothing has no score.
struct weighted_acc {
    double sum = 0, weight = 0;
    void add(const std::optional<double>& s, double w) {
        if (!s || !(w > 0)) return;
        sum += *s * w;
        weight += w;
    }
    std::optional<double> get() const {
        if (!(weight > 0)) return std::nullopt;
        return sum / weight;
    }
};

}  // namespace detail

/// The node tree of a framework, indexed once: where an indicator is, its ancestor nodes, its
/// pillar (its own, else its nearest ancestor node's), and the hierarchical weighted scores the
/// roll-ups compute over the tree. Cycle-safe: a cycle (invalid data, see validate) stops a walk.
class framework_tree {
public:
    /// Indexes `fw`, which must outlive the tree.
    explicit framework_tree(const framework& fw);

    /// Position of an indicator in the framework, if it exists.
    std::optional<std::size_t> indicator(const std::string& id) const;

    /// The node ancestors of an indicator, nearest first; stops at a cycle (invalid data).
    std::vector<std::size_t> ancestors(std::size_t indicator_index) const;

    /// The indicator's own pillar, else its nearest ancestor node's.
    std::optional<pillar> pillar_of(std::size_t indicator_index) const;

    /// Hierarchical weighted score of every node from indicator scores (cycle-safe).
    std::vector<std::optional<double>> node_scores(const std::vector<std::optional<double>>& indicator_scores) const;

    /// Weighted mean of the top-level nodes' and indicators' scores.
    std::optional<double> overall_score(const std::vector<std::optional<double>>& indicator_scores,
                                        const std::vector<std::optional<double>>& node_score) const;

private:
    std::optional<std::size_t> parent_node(const std::optional<std::string>& id) const;

    void visit(std::size_t n, const std::vector<std::optional<double>>& indicator_scores,
               std::vector<std::optional<double>>& out, std::vector<int>& state) const;

    const framework& fw_;
    std::map<std::string, std::size_t> node_at_, indicator_at_;
    std::vector<std::vector<std::size_t>> node_children_, node_indicators_;
    std::vector<std::size_t> root_nodes_, root_indicators_;
};

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/framework_tree.ipp>
#endif
