// SPDX-License-Identifier: MIT
/// @file
/// @brief Variance-based sensitivity analysis: the Saltelli design, first-order and total Sobol
/// indices with bootstrap intervals (COINr's `SA_sample`, `SA_estimate` and
/// `get_sensitivity(SA_type = "SA")`).
///
/// Design (Saltelli 2002; Saltelli et al. 2010, "Variance based sensitivity analysis of model
/// output"): two independent N × D matrices A and B of uniform coordinates and, for each input i,
/// A_B^(i) = A with input i's coordinates taken from B — N·(d + 2) runs in the order
/// [A; B; A_B^(1); …; A_B^(d)]. With y the output of a run:
///
///     V    = sample variance of y over A and B together (2N − 1 in the denominator)
///     S_i  = mean_r( y_B[r] · (y_ABi[r] − y_A[r]) ) / V                (Saltelli 2010)
///     ST_i = Σ_r ( y_A[r] − y_ABi[r] )² / (2N · V)                       (Jansen 1999)
///
/// An input may span several coordinates (all the weights of one level): A_B^(i) then takes
/// all of them from B, which gives the group's indices. Rows where any run failed are left out
/// (and counted). Intervals: the 5th and 95th percentiles (type 7) of the indices recomputed on
/// bootstrap resamples of the rows, the variance included.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

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
#include <dxframe/uncertainty/random.hpp>
#include <dxframe/uncertainty/uncertainty.hpp>

namespace dxframe {

/// The Saltelli sample: N base rows, inputs of given dimensions, N·(d + 2) runs. Row r of A
/// draws its coordinates in order from stream_generator(seed, saltelli_a, r), row r of B from
/// stream_generator(seed, saltelli_b, r), so any run can be produced on its own, in any order.
class saltelli_design {
public:
    /// A design of `base_runs` (N ≥ 2) rows for inputs of the given dimensions (each ≥ 1; at
    /// least one input). Throws dxframe::error otherwise.
    saltelli_design(std::size_t base_runs, std::vector<std::size_t> input_dimensions, std::uint64_t seed);

    /// N, the rows of A (and of B, and of each A_B^(i)).
    std::size_t base_runs() const noexcept { return n_; }
    /// d, the number of inputs.
    std::size_t inputs() const noexcept { return dims_.size(); }
    /// D, the coordinates of one run (the sum of the inputs' dimensions).
    std::size_t dimension() const noexcept { return dim_; }
    /// N·(d + 2), the runs of the design.
    std::size_t runs() const noexcept { return n_ * (dims_.size() + 2); }
    /// The block of run k: 0 = A, 1 = B, 2 + i = A_B^(i).
    std::size_t block(std::size_t run) const noexcept { return run / n_; }

    /// Writes the dimension() coordinates of run `run` (< runs()) into `x`; `scratch` must hold
    /// dimension() doubles too.
    void point(std::size_t run, double* x, double* scratch) const;

private:
    void draw(random_stream stream, std::size_t row, double* x) const;

    std::size_t n_;
    std::vector<std::size_t> dims_;
    std::vector<std::size_t> offsets_;
    std::size_t dim_ = 0;
    std::uint64_t seed_;
};

/// First-order and total Sobol indices of one input, with bootstrap 5–95% intervals.
struct sobol_index {
    std::string input;                      ///< Input name.
    std::optional<double> first_order;      ///< S_i.
    std::optional<double> first_order_q5;   ///< 5th percentile of S_i over bootstrap resamples.
    std::optional<double> first_order_q95;  ///< 95th percentile of S_i over bootstrap resamples.
    std::optional<double> total;            ///< ST_i.
    std::optional<double> total_q5;         ///< 5th percentile of ST_i over bootstrap resamples.
    std::optional<double> total_q95;        ///< 95th percentile of ST_i over bootstrap resamples.
};
BOOST_DESCRIBE_STRUCT(sobol_index, (),
                      (input, first_order, first_order_q5, first_order_q95, total, total_q5, total_q95))

/// The outcome of estimate_sobol.
struct sobol_estimate {
    std::size_t base_runs = 0;         ///< N.
    std::size_t rows_used = 0;         ///< Rows with every run present.
    std::size_t bootstrap = 0;         ///< Bootstrap resamples drawn.
    std::optional<double> mean;        ///< Mean of the output over A and B (rows used).
    std::optional<double> variance;    ///< Its sample variance (none with fewer than 2 rows).
    std::vector<sobol_index> indices;  ///< One per input (values none when the variance is not positive).
};
BOOST_DESCRIBE_STRUCT(sobol_estimate, (), (base_runs, rows_used, bootstrap, mean, variance, indices))

/// Estimates Sobol indices from the outputs `y` of a Saltelli design of N = `base_runs` rows and
/// `inputs` inputs (y.size() = N·(inputs + 2), in design order; nullopt = the run failed).
/// `bootstrap` resamples (0 = no intervals) are drawn from stream_generator(seed, bootstrap, b).
/// `names` names the inputs (default V1, V2, …, as COINr). Throws dxframe::error when the sizes
/// do not fit.
DXFRAME_DECL sobol_estimate estimate_sobol(const std::vector<std::optional<double>>& y, std::size_t base_runs,
                                           std::size_t inputs, std::size_t bootstrap = 1000, std::uint64_t seed = 1,
                                           const std::vector<std::string>& names = {});

/// The scalar a sensitivity analysis explains.
enum class sensitivity_target {
    mean_rank_shift,  ///< Mean over units of |rank − nominal rank| (COINr's default).
    unit_rank,        ///< One unit's rank.
    unit_score        ///< One unit's index value.
};
BOOST_DESCRIBE_ENUM(sensitivity_target, mean_rank_shift, unit_rank, unit_score)

/// How to run a sensitivity analysis.
struct sensitivity_options {
    std::size_t base_runs = 500;  ///< N (≥ 2): the analysis runs N·(d + 2) replications.
    std::uint64_t seed = 1;       ///< Seed: the same seed gives the same result, bit for bit.
    unsigned threads = 0;         ///< Worker threads; 0 = all hardware threads. Never changes the result.
    sensitivity_target target = sensitivity_target::mean_rank_shift;  ///< What to explain.
    std::string unit;                                                 ///< The unit, for unit_rank and unit_score.
    std::size_t bootstrap = 1000;   ///< Bootstrap resamples for the intervals (0 = none).
    bool reference_engine = false;  ///< Every replication through index_engine (for checking).
    progress_callback progress;     ///< Optional progress report and cancellation.
};

/// The outcome of run_sensitivity.
struct sensitivity_result {
    std::vector<uncertain_input> inputs;          ///< The uncertain inputs (d of them).
    std::vector<normalisation> normalisers;       ///< Normaliser alternatives (the first is nominal).
    std::vector<aggregation_method> aggregators;  ///< Aggregator alternatives (the first is nominal).
    sensitivity_target target = sensitivity_target::mean_rank_shift;  ///< What was explained.
    std::string unit;                                                 ///< Its unit, for unit_rank and unit_score.
    std::uint64_t seed = 0;                                           ///< The seed used.
    std::size_t runs = 0;                                             ///< N·(d + 2) replications run.
    std::size_t failed = 0;                                           ///< Replications that failed (see `failures`).
    std::size_t no_output = 0;            ///< Replications that succeeded but left the target undefined.
    sobol_estimate sobol;                 ///< The indices, with N, rows used, mean and variance.
    std::vector<rank_summary> ranks;      ///< Rank statistics over the 2N runs of A and B (as COINr).
    std::vector<failure_group> failures;  ///< Failed replications by cause.
    std::vector<diagnostic> diagnostics;  ///< The nominal index's diagnostics, then the analysis'.
    bool cancelled = false;               ///< The progress callback cancelled the run.
    /// True when there are indices: not cancelled and no error diagnostic.
    bool ok() const noexcept { return !cancelled && !has_errors(diagnostics); }
};
BOOST_DESCRIBE_STRUCT(sensitivity_result, (),
                      (inputs, normalisers, aggregators, target, unit, seed, runs, failed, no_output, sobol, ranks,
                       failures, diagnostics, cancelled))

/// Runs a sensitivity analysis of `model`: the Saltelli design over its inputs, the index for
/// every run, the chosen target per run, then estimate_sobol. Throws dxframe::error when the
/// model has no uncertain input, base_runs < 2, or the target's unit is not one of the model's.
DXFRAME_DECL sensitivity_result run_sensitivity(const uncertainty_model& model,
                                                const sensitivity_options& options = {});

/// Compiles the model and runs the sensitivity analysis in one call.
DXFRAME_DECL sensitivity_result run_sensitivity(const index_tree& tree, const value_matrix& data,
                                                const std::vector<std::string>& units, const index_spec& spec,
                                                const uncertainty_plan& plan, const sensitivity_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/uncertainty/impl/sensitivity.ipp>
#endif
