// SPDX-License-Identifier: MIT
/// @file
/// @brief The index pipeline: normalise → aggregate → rank, keeping every level.
///
/// Two layers. `compute_index` is the one-call convenience: a tree, a unit × indicator matrix and
/// an index_spec in, an index_result out. Underneath, `index_engine` runs a precompiled
/// `index_plan` (methods and weights resolved to vectors) with reusable buffers, so that
/// repeated runs over the same data — uncertainty analysis reruns the pipeline tens of thousands
/// of times — do not allocate; column profiles (statistics and sorted orders) can be computed once
/// and passed in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/kernels.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/rank.hpp>
#include <dxframe/index/tree.hpp>

namespace dxframe {

/// The methods of an index computation, by id. Defaults are COINr's: min-max onto [0, 100] and
/// the weighted arithmetic mean, no availability threshold.
struct index_spec {
    normalisation normalise;                                   ///< For every indicator not listed below.
    std::map<std::string, normalisation> indicator_normalise;  ///< Per indicator id.
    aggregation_method aggregate;                              ///< For every node with no method of its own.
    std::map<std::string, aggregation_method> node_aggregate;  ///< Per node id (wins over the node's own).
    /// A node is missing for a unit when the share of its children present is below this
    /// (COINr `dat_thresh`; 0 = missing only when no child is present).
    double min_share = 0.0;
    std::map<std::string, double> node_min_share;  ///< Per node id.
    rank_options rank;                             ///< How the index is ranked.
};
BOOST_DESCRIBE_STRUCT(index_spec, (),
                      (normalise, indicator_normalise, aggregate, node_aggregate, min_share, node_min_share, rank))

/// An index_spec resolved against a tree: one entry per indicator, node or element, so a run does
/// no look-ups. The uncertainty engine edits these vectors directly between runs.
struct index_plan {
    std::vector<normalisation> normalisers;       ///< By indicator.
    std::vector<aggregation_method> aggregators;  ///< By node.
    std::vector<double> weights;                  ///< By element reference (indicators, then nodes).
    std::vector<double> min_share;                ///< By node.
    rank_options rank;                            ///< How the index is ranked.
};
BOOST_DESCRIBE_STRUCT(index_plan, (), (normalisers, aggregators, weights, min_share, rank))

/// Resolves `spec` against `tree`. A node's method is, in order of precedence: the spec's
/// per-node entry, the node's own method, the spec's default. Throws dxframe::error for ids the
/// tree does not have, unusable method parameters, or a share outside [0, 1].
DXFRAME_DECL index_plan make_plan(const index_tree& tree, const index_spec& spec);

/// Every level of an index computation. Values are read through accessors that report missing
/// cells as nullopt; no NaN ever leaves the engine.
struct index_result {
    std::vector<std::string> units;                 ///< Unit ids by row (filled by compute_index).
    value_matrix normalised;                        ///< Units × indicators, tree indicator order.
    value_matrix aggregates;                        ///< Units × nodes, tree node order; the index is the last column.
    std::vector<std::optional<std::size_t>> ranks;  ///< Competition rank of each unit on the index.
    std::vector<diagnostic> diagnostics;            ///< Problems found in this run.

    /// The index value of a unit, if any.
    std::optional<double> index(std::size_t unit) const {
        if (aggregates.cols() == 0) return std::nullopt;
        return aggregates.get(unit, aggregates.cols() - 1);
    }
    /// The index values of all units.
    std::vector<std::optional<double>> index_values() const {
        if (aggregates.cols() == 0) return {};
        return aggregates.column_values(aggregates.cols() - 1);
    }
    /// True when no diagnostic is an error.
    bool ok() const noexcept { return !has_errors(diagnostics); }
};

/// Statistics and sorted orders of every column of `data`, for index_engine::run when the
/// same data is run many times.
DXFRAME_DECL std::vector<column_profile> profile_columns(const value_matrix& data, bool with_order = true);

/// Runs index plans over data for one tree, reusing its buffers: after the first run, runs of
/// the same shape allocate nothing unless they report problems. Not thread-safe: use one engine
/// per thread. The tree must outlive the engine.
class index_engine {
public:
    /// An engine for `tree`.
    explicit index_engine(const index_tree& tree);

    /// At most this many per-entity diagnostics are reported for one node and problem; the rest
    /// are summarised in one more diagnostic.
    static constexpr std::size_t max_entity_diagnostics = 10;

    /// Runs `plan` over `data` (units × the tree's indicators, NaN or unset = missing) into `out`
    /// (its matrices and ranks are overwritten; `out.units` is left alone). `unit_ids` names the
    /// entities in diagnostics; `profiles`, when given, must be profile_columns(data).
    /// Throws dxframe::error when shapes or plan sizes do not fit the tree, or a weight is
    /// negative or not finite.
    void run(const value_matrix& data, const index_plan& plan, index_result& out,
             const std::vector<std::string>* unit_ids = nullptr, const std::vector<column_profile>* profiles = nullptr);

private:
    // Normalises indicator i as far as normalise_prepare goes (an affine method's output is left
    // to the caller, who may fuse it with the aggregation).
    detail::normalise_step prepare_leaf(std::size_t i, const value_matrix& data, const index_plan& plan,
                                        index_result& out, const std::vector<column_profile>* profiles);

    // Normalises indicator i into its result column; returns the number of values present.
    std::size_t normalise_leaf(std::size_t i, const value_matrix& data, const index_plan& plan, index_result& out,
                               const std::vector<column_profile>* profiles);

    // Dispatches to the kernel variant for (first child?, column without gaps?). A transformed
    // column is written with non-temporal stores (nothing in this run reads it again), and may
    // carry the scan of the next column to normalise (`next`, its extremes kept as pending).
    template <bool Count, bool Transform>
    // y is written by the kernels through accumulate_args::out; clang-tidy does not see that.
    void accumulate(bool first, bool full, const double* x, double* y,  // NOLINT(readability-non-const-parameter)
                    std::size_t n, double origin, double scale, double offset, double low, double high, double w,
                    const double* next = nullptr);

    // Weighted arithmetic / geometric / harmonic / generalised mean of node j, streaming its
    // children's columns one at a time into per-unit accumulators: acc = Σ w·f(y) over the
    // children present, with the weight (and, under an availability threshold, the count) of the
    // missing ones kept aside. For the arithmetic mean an affine normaliser is fused with the
    // accumulation (one pass per indicator over a column still in cache after its statistics
    // pass), and a column without gaps costs one multiply-add per value.
    void run_mean_node(std::size_t j, const value_matrix& data, const index_plan& plan, index_result& out,
                       const std::vector<column_profile>* profiles);

    // Weighted median of node j, unit by unit (needs all children at once).
    void run_median_node(std::size_t j, const value_matrix& data, const index_plan& plan, index_result& out,
                         const std::vector<column_profile>* profiles);

    // Diagnostics for the units flagged in bad_: 1 = a child value the method cannot take
    // (bad_child_ says which), 2 = the result is not finite.
    void report_problems(std::size_t j, const aggregation_method& m, index_result& out);

    const index_tree* tree_;
    std::vector<std::size_t> next_leaf_;           // by indicator: the one normalised after it
    std::size_t pending_leaf_ = index_tree::npos;  // whose extremes are in pending_extremes_
    detail::column_extremes pending_extremes_;
    const std::vector<std::string>* units_ = nullptr;
    normalise_workspace nws_;
    std::vector<double> acc_, wmiss_, cmiss_;
    std::vector<unsigned char> bad_;
    std::vector<std::size_t> bad_child_;
    std::vector<std::size_t> node_present_;
    std::vector<std::pair<double, double>> pairs_;
    std::vector<double> rank_key_;
    std::vector<std::uint32_t> rank_order_;
    std::vector<std::size_t> rank_out_;
};

/// Computes an index in one call: resolves `spec`, runs the pipeline, ranks the index.
/// `data` is units × the tree's indicators (tree indicator order); `units` names the rows.
/// Throws dxframe::error on misuse (shapes that do not fit, ids the tree does not have);
/// problems with the data are in the result's diagnostics.
DXFRAME_DECL index_result compute_index(const index_tree& tree, const value_matrix& data,
                                        const std::vector<std::string>& units, const index_spec& spec = {});

/// One column of an index_report.
struct index_column {
    std::string id;                     ///< Indicator or node id.
    std::string name;                   ///< Display name.
    int level = 1;                      ///< 1 for indicators; nodes one above their highest child.
    std::optional<std::string> parent;  ///< Id of the parent node; none for the index.
};
BOOST_DESCRIBE_STRUCT(index_column, (), (id, name, level, parent))

/// One unit's results in an index_report.
struct index_unit {
    std::string unit;                           ///< Unit id.
    std::string name;                           ///< Display name (empty when not given).
    std::vector<std::optional<double>> values;  ///< One per column: normalised indicators, then aggregates.
    std::optional<double> index;                ///< The index value (also the last of `values`).
    std::optional<std::size_t> rank;            ///< Rank on the index.
};
BOOST_DESCRIBE_STRUCT(index_unit, (), (unit, name, values, index, rank))

/// Every level of a result as plain described structs (serialises to JSON as is): columns are
/// the indicators in tree order, then the nodes by level, the index last (COINr's results order).
struct index_report {
    std::vector<index_column> columns;    ///< Column descriptions.
    std::string index;                    ///< Id of the index column.
    std::vector<index_unit> units;        ///< One per unit, in input order.
    std::vector<diagnostic> diagnostics;  ///< Problems found.
};
BOOST_DESCRIBE_STRUCT(index_report, (), (columns, index, units, diagnostics))

/// Builds the report of `result` (computed over `tree`); `names`, when given, has one display
/// name per unit.
DXFRAME_DECL index_report make_report(const index_tree& tree, const index_result& result,
                                      const std::vector<std::string>* names = nullptr);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/compute.ipp>
#endif
