// SPDX-License-Identifier: MIT
/// @file
/// @brief The compiled form of an uncertainty analysis: everything replications share, worked
/// out once, and the per-thread evaluator of one replication.
///
/// A replication differs from the nominal index only in its imputation, treatment, weights,
/// normaliser and aggregator. The imputed and treated data depend on the (imputation, treatment)
/// pair alone and the normalised values on that pair and the normaliser, so both are computed
/// once per combination (by impute, treat_outliers_in_place and the index engine themselves:
/// data_alternatives.hpp) and every replication starts from the ones it picks; the logarithms (or powers) a geometric (or generalised) mean takes of them are computed
/// once too. A replication then only re-aggregates the tree with its weights and re-ranks, in
/// buffers owned by its thread, allocating nothing.
///
/// The re-aggregation does, value by value, exactly the IEEE operations index_engine does, in the
/// same order, so it gives the same doubles (tests/unit/uncertainty_model.cpp checks this on
/// ASEM). Whatever it does not handle itself — a replication where a value is invalid for the
/// method (it then fails, with the engine's own diagnostics), a weighted median — is handed to
/// an index_engine run, so every replication's result is the one compute_index would give.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/uncertainty/data_alternatives.hpp>
#include <dxframe/uncertainty/plan.hpp>

namespace dxframe {

/// The alternatives one replication used (0-based, into the model's lists).
struct replication_choices {
    std::size_t normaliser = 0;  ///< Index into uncertainty_model::normaliser_alternatives().
    std::size_t aggregator = 0;  ///< Index into uncertainty_model::aggregator_alternatives().
    std::size_t imputation = 0;  ///< Index into the plan's impute_alternatives (0 when none).
    std::size_t treatment = 0;   ///< Index into the plan's treat_alternatives (0 when none).
};
BOOST_DESCRIBE_STRUCT(replication_choices, (), (normaliser, aggregator, imputation, treatment))

namespace detail {
class replicator;

/// One perturbed weight: its element reference and noise factor.
struct noisy_weight {
    std::size_t element = 0;
    double factor = 0.0;
};

/// The normalised values of one (data, normaliser) alternative, in the forms the fast path reads.
/// Missing cells are 0 in `zeroed` and flagged 1 in `missing` (else 0): then w·zeroed[u] adds
/// exactly what the engine adds (w·v, or nothing: acc + 0 = acc), and w·missing[u] is exactly
/// the weight it sets aside, with no comparison in the loop, so the compiler can vectorise it.
struct normalised_leaves {
    value_matrix values;              // as index_engine computed them (NaN = missing)
    std::vector<double> zeroed;       // units × indicators, column-major
    std::vector<double> missing;      // units × indicators, column-major: 1 = missing
    std::vector<unsigned char> full;  // by indicator: no missing value
    bool failed = false;              // the normalisation reported an error
};

/// What a (data, normaliser, aggregator) combination needs at run time.
struct combination {
    bool reference_only = false;  // a weighted median: every replication goes through index_engine
    bool always_fails = false;    // a normalisation error or a leaf value the method cannot take
    /// By indicator: the values its parent's method adds up, 0 where missing — the normalised
    /// value (arithmetic mean), its log (geometric) or its p-th power (generalised mean);
    /// null for a harmonic parent (which divides, w / v, per replication as the engine does).
    std::vector<const double*> terms;
};
}  // namespace detail

/// Everything the replications of one analysis share: the tree, the data and its column
/// profiles, the resolved alternatives, the normalised values of each normaliser alternative,
/// the nominal result, and the layout of the uncertain inputs in the unit hypercube.
///
/// The tree and the data must outlive the model (it keeps references, as index_engine does).
/// Thread-safe to read: any number of replications may use one model at once.
class uncertainty_model {
public:
    /// Compiles an analysis of the index `spec` over `tree` and `data` (units × the tree's
    /// indicators, missing cells as they are, before imputation and treatment; `units` names
    /// the rows). `groups` (may be null; read here only) holds the group columns a group
    /// imputation alternative reads. Throws dxframe::error on misuse: shapes that do not fit,
    /// ids the tree does not have, an unusable plan (check_uncertainty_plan), weight noise at a
    /// level the tree does not have, an imputation or treatment alternative the data cannot
    /// take (make_data_alternatives). Problems with the data are not errors here: they are in
    /// nominal().diagnostics (with the warnings of every imputation and treatment alternative,
    /// each naming its alternative; path `source`, the input's name), and nominal_ok() tells
    /// whether the nominal index could be computed.
    uncertainty_model(const index_tree& tree, const value_matrix& data, std::vector<std::string> units,
                      const index_spec& spec, const uncertainty_plan& plan,
                      const std::vector<coinr_group>* groups = nullptr, const std::string& source = "data");

    uncertainty_model(const uncertainty_model&) = delete;             ///< Not copyable (it points into itself).
    uncertainty_model& operator=(const uncertainty_model&) = delete;  ///< Not copyable.
    uncertainty_model(uncertainty_model&&) = default;                 ///< Movable (buffers move with it).
    uncertainty_model& operator=(uncertainty_model&&) = default;      ///< Movable.

    /// The index tree.
    const index_tree& tree() const noexcept { return *tree_; }
    /// The data as given (units × indicators), before imputation and treatment.
    const value_matrix& data() const noexcept { return *data_; }
    /// The imputed and treated data of every (imputation, treatment) pair, imputation-major;
    /// one element, the data as given, when the plan has neither.
    const std::vector<data_alternative>& data_alternatives() const noexcept { return variants_; }
    /// The data the replication at coordinates `x` is computed on (imputed and treated by its
    /// alternatives): with replication_plan(x), compute_index's input for that replication.
    const value_matrix& replication_data(const double* x) const noexcept;
    /// Unit ids by row.
    const std::vector<std::string>& units() const noexcept { return units_; }
    /// The uncertain inputs, in coordinate order: weight levels (as listed in the plan), then the
    /// normaliser, the aggregator, the imputation, the treatment (each only when it varies).
    const std::vector<uncertain_input>& inputs() const noexcept { return inputs_; }
    /// Coordinates of the unit hypercube one replication takes (the sum of the inputs' dimensions).
    std::size_t dimension() const noexcept { return dimension_; }
    /// The first coordinate of input `i`.
    std::size_t input_offset(std::size_t i) const { return offsets_.at(i); }
    /// The dimensions of the inputs, in order (the groups of a Saltelli design).
    std::vector<std::size_t> input_dimensions() const;
    /// The normaliser alternatives (one, the default, when the normaliser does not vary).
    const std::vector<normalisation>& normaliser_alternatives() const noexcept { return normalisers_; }
    /// The aggregator alternatives (one, the default, when the aggregator does not vary).
    const std::vector<aggregation_method>& aggregator_alternatives() const noexcept { return aggregators_; }
    /// The nominal index: nominal weights and the first alternative of each list.
    const index_result& nominal() const noexcept { return nominal_; }
    /// True when the nominal index was computed without errors (an analysis needs it).
    bool nominal_ok() const noexcept { return nominal_.ok(); }

    /// The alternatives the coordinates `x` (dimension() values in [0, 1)) select: the
    /// alternative whose equal-width bin of [0, 1) holds the input's coordinate.
    replication_choices choices(const double* x) const noexcept;

    /// Writes the weights the coordinates `x` give into `out` (one per element reference): each
    /// perturbed weight w becomes w + ((2u − 1)·f)·w, computed as COINr's get_noisy_weights does.
    void weights(const double* x, std::vector<double>& out) const;

    /// The complete index plan of the replication at coordinates `x`: running it with
    /// index_engine (or compute_index's pipeline) gives that replication's result.
    index_plan replication_plan(const double* x) const;

    /// The column profiles of the nominal data (data_alternatives()[0]), shared by every
    /// index_engine run on it.
    const std::vector<column_profile>& profiles() const noexcept { return profiles_[0]; }

private:
    friend class detail::replicator;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // The (imputation, treatment) pair of `c`: its index into variants_.
    std::size_t pair_of(const replication_choices& c) const noexcept {
        return c.imputation * treatments_ + c.treatment;
    }

    // log(v) (kind 0) or pow(v, p) (kind 1) of normalised set a's values (units ×
    // indicators, column-major), 0 where missing, computed on first use. Values the method
    // cannot take give 0 too; they are never read, because a combination holding one always fails.
    const std::vector<double>& transformed(std::size_t a, int kind, double p);

    const index_tree* tree_;
    const value_matrix* data_;
    std::vector<std::string> units_;
    index_plan base_;
    std::vector<data_alternative> variants_;             // by (imputation, treatment) pair
    std::vector<std::vector<column_profile>> profiles_;  // by pair
    std::vector<uncertain_input> inputs_;
    std::vector<std::size_t> offsets_;
    std::vector<std::vector<detail::noisy_weight>> noisy_;  // by input (empty for discrete inputs)
    std::size_t dimension_ = 0;
    std::size_t normaliser_input_ = npos;
    std::size_t aggregator_input_ = npos;
    std::size_t imputation_input_ = npos;
    std::size_t treatment_input_ = npos;
    std::size_t imputations_ = 1;  // alternatives (1 when the plan has none)
    std::size_t treatments_ = 1;
    std::vector<normalisation> normalisers_;
    std::vector<aggregation_method> aggregators_;
    std::vector<std::vector<normalisation>> normaliser_plans_;       // by alternative: per indicator
    std::vector<std::vector<aggregation_method>> aggregator_plans_;  // by alternative: per node
    std::vector<detail::normalised_leaves> normalised_;              // pair-major, then normaliser
    // Moving a vector keeps its buffer, so the pointers in combinations_ stay valid when this
    // vector grows (and when the model is moved).
    std::vector<std::vector<double>> transforms_;
    std::map<std::tuple<std::size_t, int, double>, std::size_t> transform_index_;
    std::vector<detail::combination> combinations_;  // by pair, then normaliser, then aggregator
    index_result nominal_;
};

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/uncertainty/impl/model.ipp>
#endif
