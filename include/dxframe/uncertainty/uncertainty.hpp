// SPDX-License-Identifier: MIT
/// @file
/// @brief Monte Carlo uncertainty analysis of an index's ranks (COINr's `get_sensitivity` with
/// `SA_type = "UA"`).
///
/// N replications each draw weight noise, a normaliser, an aggregator and (when they vary) an
/// imputation and an outlier treatment, rebuild the index and rank it. Per unit the result holds the nominal rank and the mean, median and 5th/95th
/// percentiles of its ranks over the replications (R's type-7 quantiles), and optionally the same
/// for its index value. A replication that fails (an error from the index engine, e.g. a
/// geometric mean meeting a value ≤ 0) is counted, grouped by cause and reported — never
/// dropped silently; the statistics are over the replications that succeeded, and for each unit
/// over those that ranked it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/uncertainty/model.hpp>
#include <dxframe/uncertainty/parallel.hpp>
#include <dxframe/uncertainty/plan.hpp>

namespace dxframe {

/// How to run an uncertainty analysis.
struct uncertainty_options {
    std::size_t runs = 1000;  ///< Number of replications N (> 0).
    std::uint64_t seed = 1;   ///< Seed: the same seed gives the same result, bit for bit.
    unsigned threads = 0;     ///< Worker threads; 0 = all hardware threads. Never changes the result.
    bool scores = false;      ///< Also summarise the index values (keeps N × units doubles).
    /// Compute every replication with index_engine instead of the shared-work fast path. Same
    /// result, several times slower; for checking.
    bool reference_engine = false;
    progress_callback progress;  ///< Optional progress report and cancellation.
};

/// One unit's ranks over the replications.
struct rank_summary {
    std::string unit;                    ///< Unit id.
    std::optional<std::size_t> nominal;  ///< Rank in the nominal index.
    std::optional<double> mean;          ///< Mean rank.
    std::optional<double> median;        ///< Median rank.
    std::optional<double> q5;            ///< 5th percentile of the rank (type 7).
    std::optional<double> q95;           ///< 95th percentile of the rank (type 7).
    std::size_t ranked = 0;              ///< Replications (among those that succeeded) that ranked it.
};
BOOST_DESCRIBE_STRUCT(rank_summary, (), (unit, nominal, mean, median, q5, q95, ranked))

/// One unit's index values over the replications.
struct score_summary {
    std::string unit;               ///< Unit id.
    std::optional<double> nominal;  ///< Value in the nominal index.
    std::optional<double> mean;     ///< Mean value.
    std::optional<double> median;   ///< Median value.
    std::optional<double> q5;       ///< 5th percentile (type 7).
    std::optional<double> q95;      ///< 95th percentile (type 7).
    std::size_t scored = 0;         ///< Replications that gave it a value.
};
BOOST_DESCRIBE_STRUCT(score_summary, (), (unit, nominal, mean, median, q5, q95, scored))

/// Failed replications with one cause: the same alternatives and the same first error (same
/// code, at the same place of the index).
struct failure_group {
    std::size_t count = 0;              ///< Replications that failed this way.
    std::size_t first_replication = 0;  ///< The first of them (0-based).
    std::size_t normaliser = 0;         ///< Their normaliser alternative (index into `normalisers`).
    std::size_t aggregator = 0;         ///< Their aggregator alternative (index into `aggregators`).
    diagnostic first_error;             ///< The first error of the first of them.
    std::size_t imputation = 0;         ///< Their imputation alternative (index into the plan's list).
    std::size_t treatment = 0;          ///< Their treatment alternative (index into the plan's list).
};
BOOST_DESCRIBE_STRUCT(failure_group, (),
                      (count, first_replication, normaliser, aggregator, first_error, imputation, treatment))

/// The outcome of run_uncertainty.
struct uncertainty_result {
    std::vector<uncertain_input> inputs;          ///< The uncertain inputs.
    std::vector<normalisation> normalisers;       ///< Normaliser alternatives (the first is nominal).
    std::vector<aggregation_method> aggregators;  ///< Aggregator alternatives (the first is nominal).
    std::uint64_t seed = 0;                       ///< The seed used.
    std::size_t runs = 0;                         ///< Replications run.
    std::size_t succeeded = 0;                    ///< Replications that gave an index.
    std::size_t failed = 0;                       ///< Replications that failed (see `failures`).
    std::vector<rank_summary> ranks;              ///< One per unit, in input order.
    std::vector<score_summary> scores;            ///< One per unit when asked for, else empty.
    std::vector<failure_group> failures;          ///< Failed replications by cause, by first occurrence.
    std::vector<diagnostic> diagnostics;          ///< The nominal index's diagnostics, then the analysis'.
    bool cancelled = false;                       ///< The progress callback cancelled the run (no statistics).
    /// True when there are statistics: not cancelled and no error diagnostic.
    bool ok() const noexcept { return !cancelled && !has_errors(diagnostics); }
};
BOOST_DESCRIBE_STRUCT(uncertainty_result, (),
                      (inputs, normalisers, aggregators, seed, runs, succeeded, failed, ranks, scores, failures,
                       diagnostics, cancelled))

/// Runs a Monte Carlo uncertainty analysis of `model`. Replication k draws its coordinates from
/// stream_generator(seed, random_stream::uncertainty, k), in input order. Throws dxframe::error
/// when runs is 0 or the model has no uncertain input. When the nominal index has errors, the
/// result holds them and no statistics (ok() is false).
DXFRAME_DECL uncertainty_result run_uncertainty(const uncertainty_model& model,
                                                const uncertainty_options& options = {});

/// Compiles the model and runs the analysis in one call (see uncertainty_model and the overload
/// above).
DXFRAME_DECL uncertainty_result run_uncertainty(const index_tree& tree, const value_matrix& data,
                                                const std::vector<std::string>& units, const index_spec& spec,
                                                const uncertainty_plan& plan, const uncertainty_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/uncertainty/impl/uncertainty.ipp>
#endif
