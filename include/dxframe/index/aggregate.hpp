// SPDX-License-Identifier: MIT
/// @file
/// @brief Aggregators: combine a node's children into one value (COINr's `a_*` functions).
///
/// Weights are relative: only their ratios matter. Missing children are left out and the weights
/// renormalised over the children present (COINr's `a_amean` and friends); a node whose share of
/// children present is below a threshold is missing (COINr's `dat_thresh`). Methods that need
/// positive inputs report a non-positive child instead of producing NaN.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/node.hpp>

namespace dxframe {

/// An aggregation method with its parameter.
struct aggregation_method {
    dxframe::aggregation method = aggregation::arithmetic;  ///< The method.
    double p = 1.0;  ///< Exponent of the generalised mean (p ≠ 0); ignored by the other methods.

    /// Equality (p only matters for the generalised mean).
    friend bool operator==(const aggregation_method& a, const aggregation_method& b) {
        return a.method == b.method && (a.method != aggregation::generalised_mean || a.p == b.p);
    }
    /// Negation of ==.
    friend bool operator!=(const aggregation_method& a, const aggregation_method& b) { return !(a == b); }
};
BOOST_DESCRIBE_STRUCT(aggregation_method, (), (method, p))

/// Throws dxframe::error for parameters no data could make valid (a generalised mean with p = 0
/// or a non-finite p: COINr refuses p = 0 too and points to the geometric mean).
DXFRAME_DECL void check_aggregation(const aggregation_method& m);

/// Why an aggregate could not be computed.
enum class aggregate_problem {
    none,                ///< Computed (or missing by the availability rule, which is not a problem).
    non_positive,        ///< Geometric/harmonic mean (or generalised mean with p < 0) met a value ≤ 0.
    negative_for_power,  ///< Generalised mean with a non-integer p met a negative value.
    not_finite           ///< The result overflowed or is undefined (e.g. an odd root of a negative mean).
};

/// The outcome of aggregating one unit's children.
struct aggregate_outcome {
    std::optional<double> value;  ///< The aggregate; missing when too few children or a problem.
    aggregate_problem problem = aggregate_problem::none;  ///< Why it is missing, if it is a problem.
    std::optional<std::size_t> offending_child;           ///< The child whose value caused the problem.
};

namespace detail {

/// True when p is a whole number (a generalised mean with such a p can take negative values).
/// Declared here because the uncertainty engine's re-aggregation asks the same question.
DXFRAME_DECL bool is_integer(double p);

}  // namespace detail

/// Aggregates one unit's children. `values[i]` is child i (nullopt = missing), `weights[i]` its
/// relative weight (≥ 0). The result is missing when no child is present, when the share of
/// children present is below `min_share`, when the present children's weights sum to zero, or
/// when a value is invalid for the method (then `problem` and `offending_child` say why).
/// Throws dxframe::error when the two vectors differ in length or the method is invalid.
DXFRAME_DECL aggregate_outcome aggregate_values(const std::vector<std::optional<double>>& values,
                                                const std::vector<double>& weights, const aggregation_method& m,
                                                double min_share = 0.0);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/aggregate.ipp>
#endif
