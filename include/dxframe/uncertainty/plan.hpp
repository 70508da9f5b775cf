// SPDX-License-Identifier: MIT
/// @file
/// @brief What is uncertain in an analysis: weight noise per tree level, imputation, outlier
/// treatment, normaliser and aggregator alternatives (COINr's `get_sensitivity` inputs,
/// `get_noisy_weights`).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/treat.hpp>

namespace dxframe {

/// Multiplicative noise on the weights of every element at one tree level: each weight w
/// becomes w · (1 + f · U(−1, 1)), a fresh draw per element and replication (COINr's
/// `get_noisy_weights` with its `NoiseFactor`).
struct level_noise {
    /// Tree level whose elements' weights are perturbed: 1 = the indicators' weights within
    /// their parents, 2 = the weights of the nodes just above them, and so on (COINr's Level).
    int level = 2;
    /// The noise factor f, in [0, 1]: 0.25 lets each weight move by up to ±25%. Above 1 a weight
    /// could turn negative, which no index can use.
    double factor = 0.25;

    /// Equality of both members.
    friend bool operator==(const level_noise& a, const level_noise& b) {
        return a.level == b.level && a.factor == b.factor;
    }
    /// Negation of ==.
    friend bool operator!=(const level_noise& a, const level_noise& b) { return !(a == b); }
};
BOOST_DESCRIBE_STRUCT(level_noise, (), (level, factor))

/// The uncertain inputs of an uncertainty or sensitivity analysis. The nominal index uses the
/// nominal weights and the *first* alternative of each list (the base index_spec's method when
/// a list is empty).
struct uncertainty_plan {
    /// Weight noise, at most one entry per level. Each entry is one uncertain input of the
    /// sensitivity analysis, unless `group_weight_levels` is set.
    std::vector<level_noise> weight_noise;
    /// Treat all the weight noise as a single uncertain input (COINr's vignette varies the
    /// weights of several levels as one input); otherwise each level is its own input.
    bool group_weight_levels = false;
    /// Normalisers to choose from, each equally likely. They replace the index_spec's default
    /// normaliser (indicators with their own normaliser in the spec keep it). Two or more make
    /// the normaliser an uncertain input; exactly one just replaces the default.
    std::vector<normalisation> normalise_alternatives;
    /// Aggregators to choose from, each equally likely. They replace the index_spec's default
    /// aggregator (nodes with their own method, in the tree or the spec, keep it). Two or more
    /// make the aggregator an uncertain input; exactly one just replaces the default.
    std::vector<aggregation_method> aggregate_alternatives;
    /// Imputations of the missing values to choose from, each equally likely (cross-section
    /// methods only). The data as given (missing cells included) is imputed with the chosen one
    /// before treatment and normalisation, as COINr's Regen re-runs `Impute` and every later
    /// step. Two or more make the imputation an uncertain input; exactly one is simply applied;
    /// none leaves the data as given.
    std::vector<imputation_spec> impute_alternatives;
    /// Outlier treatments to choose from, each equally likely (e.g. none, winsorise:5:2:3.5),
    /// applied to the imputed data. Two or more make the treatment an uncertain input; exactly
    /// one is simply applied; none leaves the data untreated.
    std::vector<treat_spec> treat_alternatives;
};
BOOST_DESCRIBE_STRUCT(uncertainty_plan, (),
                      (weight_noise, group_weight_levels, normalise_alternatives, aggregate_alternatives,
                       impute_alternatives, treat_alternatives))

/// The kind of an uncertain input.
enum class uncertain_input_kind {
    weights,     ///< Weight noise at one or more levels.
    normaliser,  ///< A choice among normalisers.
    aggregator,  ///< A choice among aggregators.
    imputation,  ///< A choice among imputations of the missing values.
    treatment    ///< A choice among outlier treatments.
};
BOOST_DESCRIBE_ENUM(uncertain_input_kind, weights, normaliser, aggregator, imputation, treatment)

/// One uncertain input as an analysis sees it: a group of coordinates of the unit hypercube
/// (one per noisy weight, or one for a discrete choice). Sobol indices are per input.
struct uncertain_input {
    /// "weights level 2", "weights", "imputation", "treatment", "normaliser", "aggregator".
    std::string name;
    uncertain_input_kind kind = uncertain_input_kind::weights;  ///< What it varies.
    std::vector<int> levels;                                    ///< Weights: the tree levels it perturbs.
    std::size_t weights = 0;                                    ///< Weights: how many weights it perturbs.
    std::size_t alternatives = 0;                               ///< A choice: how many alternatives.
    std::size_t dimension = 0;                                  ///< Coordinates it uses (weights perturbed, or 1).
    /// Imputation or treatment: each alternative in the CLI's spec syntax (`mean`,
    /// `winsorise:5:2:3.5`; per-indicator parts after `;`), for reports.
    std::vector<std::string> choices;
};
BOOST_DESCRIBE_STRUCT(uncertain_input, (), (name, kind, levels, weights, alternatives, dimension, choices))

/// Throws dxframe::error when `plan` cannot be used whatever the data: a level below 1, a level
/// listed twice, a noise factor outside [0, 1], unusable method parameters, a panel imputation
/// method (an analysis is of one cross-section), a treatment threshold that is not a finite
/// number (or a skewness threshold ≤ 0).
DXFRAME_DECL void check_uncertainty_plan(const uncertainty_plan& plan);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/uncertainty/impl/plan.ipp>
#endif
