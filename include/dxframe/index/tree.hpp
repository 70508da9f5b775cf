// SPDX-License-Identifier: MIT
/// @file
/// @brief The index tree: indicators → nodes → … → index, of any depth, with effective weights.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/model/framework.hpp>

namespace dxframe {

/// A leaf of the index tree: an indicator, one column of the data.
struct tree_indicator {
    std::string id;                     ///< Unique among indicators and nodes.
    std::string name;                   ///< Display name (may be empty).
    std::optional<std::string> parent;  ///< Id of its node; none = directly under the root.
    double weight = 1.0;                ///< Relative weight within the parent (≥ 0).
    dxframe::direction direction = dxframe::direction::higher_is_better;  ///< Which way is better.
    indicator_parameters parameters;  ///< Target and goalposts for the methods that use them.
    std::string path;                 ///< Where it was defined, for diagnostics.
    std::optional<std::size_t> line;  ///< Source line, when it came from a table.
};
BOOST_DESCRIBE_STRUCT(tree_indicator, (), (id, name, parent, weight, direction, parameters, path, line))

/// An inner node of the index tree (a COINr aggregate, a DTI main indicator group, the index).
struct tree_node {
    std::string id;                            ///< Unique among indicators and nodes.
    std::string name;                          ///< Display name (may be empty).
    std::optional<std::string> parent;         ///< Id of its parent node; none = a root.
    double weight = 1.0;                       ///< Relative weight within the parent (≥ 0).
    std::optional<aggregation_method> method;  ///< Its own method; none = the analysis default.
    std::string path;                          ///< Where it was defined, for diagnostics.
    std::optional<std::size_t> line;           ///< Source line, when it came from a table.
};
BOOST_DESCRIBE_STRUCT(tree_node, (), (id, name, parent, weight, method, path, line))

/// How build_tree handles a forest.
struct tree_options {
    /// With several top-level elements (or a lone indicator at the top), add a root node over
    /// them (an info diagnostic says so); otherwise that is an error.
    bool add_root_if_needed = true;
    std::string root_id = "index";    ///< Id of the added root.
    std::string root_name = "Index";  ///< Name of the added root.
};
BOOST_DESCRIBE_STRUCT(tree_options, (), (add_root_if_needed, root_id, root_name))

namespace detail {
struct tree_access;
}  // namespace detail

/// A validated tree. Indicators keep their input order (it is the column order of the data);
/// nodes are ordered by level — indicators are level 1, a node is one above its highest child —
/// and by input order within a level, so children always come before their parent and the root
/// (the index) is the last node. Element references number the indicators 0..I−1 and the nodes
/// I..I+N−1.
class index_tree {
public:
    /// Value for "no parent".
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    /// Number of indicators (data columns).
    std::size_t indicator_count() const noexcept { return indicators_.size(); }
    /// Number of nodes (aggregates, the index included).
    std::size_t node_count() const noexcept { return nodes_.size(); }
    /// indicator_count() + node_count().
    std::size_t element_count() const noexcept { return indicators_.size() + nodes_.size(); }

    /// Indicator i (0-based, input order).
    const tree_indicator& indicator(std::size_t i) const { return indicators_.at(i); }
    /// Node j (0-based, level order; the root is last).
    const tree_node& node(std::size_t j) const { return nodes_.at(j); }
    /// All indicators.
    const std::vector<tree_indicator>& indicators() const noexcept { return indicators_; }
    /// All nodes.
    const std::vector<tree_node>& nodes() const noexcept { return nodes_; }

    /// Index of the root node (always node_count() − 1).
    std::size_t root() const noexcept { return nodes_.size() - 1; }
    /// True when element reference `e` is an indicator.
    bool is_indicator(std::size_t e) const noexcept { return e < indicators_.size(); }
    /// Level of node j: 2 for a node over indicators only, one above its highest child otherwise.
    int level(std::size_t j) const { return level_.at(j); }
    /// Node index of the parent of element `e`, or npos for the root.
    std::size_t parent(std::size_t e) const { return parent_.at(e); }
    /// Element references of node j's children, in definition order.
    std::pair<const std::size_t*, const std::size_t*> children(std::size_t j) const {
        const std::size_t* base = children_.data();
        return {base + child_offset_.at(j), base + child_offset_.at(j + 1)};
    }
    /// Number of children of node j.
    std::size_t child_count(std::size_t j) const { return child_offset_.at(j + 1) - child_offset_.at(j); }

    /// Id of element `e`.
    const std::string& id(std::size_t e) const {
        return is_indicator(e) ? indicators_.at(e).id : nodes_.at(e - indicators_.size()).id;
    }
    /// Element reference of the element with this id, if any.
    std::optional<std::size_t> find(const std::string& id) const;
    /// Index of the indicator with this id, if any.
    std::optional<std::size_t> find_indicator(const std::string& id) const;
    /// Index of the node with this id, if any.
    std::optional<std::size_t> find_node(const std::string& id) const;

    /// The weights the tree was built with, by element reference.
    std::vector<double> weights() const;

    /// Effective weights (COINr `get_eff_wts`): each element's weight divided by the sum of its
    /// siblings' weights, multiplied down from the root (whose effective weight is 1). The
    /// effective weights of the indicators add up to 1. `weights` is by element reference
    /// (as from weights()); a sibling group whose weights sum to zero gives zeros.
    std::vector<double> effective_weights(const std::vector<double>& weights) const;

    /// Effective weights of the weights the tree was built with.
    std::vector<double> effective_weights() const { return effective_weights(weights()); }

private:
    friend struct detail::tree_access;
    std::vector<tree_indicator> indicators_;
    std::vector<tree_node> nodes_;
    std::vector<int> level_;
    std::vector<std::size_t> parent_;        // by element reference
    std::vector<std::size_t> child_offset_;  // node j's children: [offset[j], offset[j+1])
    std::vector<std::size_t> children_;
    std::unordered_map<std::string, std::size_t> ids_;
};

/// The outcome of build_tree.
struct tree_build_result {
    std::optional<index_tree> tree;       ///< Nullopt when any error.
    std::vector<diagnostic> diagnostics;  ///< Every problem found.
    /// True when a tree was built.
    bool ok() const noexcept { return tree.has_value(); }
};

/// Builds and validates a tree. Errors (each reported, never thrown): empty or duplicate ids, no
/// indicators, a parent that is unknown or is an indicator, a cycle, a negative or non-finite
/// weight, a node whose children's weights sum to zero, several roots when
/// `options.add_root_if_needed` is off. A node without children is dropped with a warning (it
/// could never have a value).
DXFRAME_DECL tree_build_result build_tree(std::vector<tree_indicator> indicators, std::vector<tree_node> nodes,
                                          const tree_options& options = {});

/// Options for building a tree from a framework.
struct framework_tree_options {
    tree_options tree;                      ///< Root handling.
    language name_language = language::en;  ///< Which name to keep.
    /// Only the subtree under this node (a framework may hold several indices: the national
    /// framework and the DTI, say). None = every node and indicator.
    std::optional<std::string> root;
};
BOOST_DESCRIBE_STRUCT(framework_tree_options, (), (tree, name_language, root))

/// Builds the index tree of a framework: its indicators are the leaves, its nodes the inner
/// nodes (with their own aggregation method, if any), parentless elements hang under an added
/// root. Per-indicator parameters: goalposts from the indicator's bounds (explicit or implied
/// by its unit); the target for distance_to_target from the framework's targets on the
/// indicator that bind the nation (the one with the latest deadline, of kind at_least, at_most
/// or exactly). Diagnostic paths are JSON Pointers into the dataset (`/framework/nodes/3`).
/// With `options.root`, only that node's subtree is used (an unknown node is an error).
DXFRAME_DECL tree_build_result build_tree(const framework& fw, const framework_tree_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/tree.ipp>
#endif
