// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/model.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/rank.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/uncertainty/data_alternatives.hpp>
#include <dxframe/uncertainty/model.hpp>
#include <dxframe/uncertainty/plan.hpp>
#include <dxframe/uncertainty/random.hpp>

namespace dxframe {

DXFRAME_DECL uncertainty_model::uncertainty_model(const index_tree& tree, const value_matrix& data,
                                                  std::vector<std::string> units, const index_spec& spec,
                                                  const uncertainty_plan& plan, const std::vector<coinr_group>* groups,
                                                  const std::string& source)
    : tree_(&tree), data_(&data), units_(std::move(units)) {
    check_uncertainty_plan(plan);
    const std::size_t n = data.rows();
    const std::size_t ni = tree.indicator_count();
    const std::size_t nn = tree.node_count();
    if (data.cols() != ni) {
        throw error("uncertainty_model: the data has " + std::to_string(data.cols()) + " columns; the tree has " +
                    std::to_string(ni) + " indicators");
    }
    if (units_.size() != n) throw error("uncertainty_model: one unit id per row expected");
    base_ = make_plan(tree, spec);
    variants_ =
        make_data_alternatives(tree, data, units_, plan.impute_alternatives, plan.treat_alternatives, groups, source);
    imputations_ = plan.impute_alternatives.empty() ? 1 : plan.impute_alternatives.size();
    treatments_ = plan.treat_alternatives.empty() ? 1 : plan.treat_alternatives.size();
    for (const auto& v : variants_)
        profiles_.push_back(profile_columns(v.values));

    // Uncertain inputs, in a fixed order: weight levels as listed, normaliser, aggregator,
    // imputation, treatment (appended last, so older plans keep their coordinates).
    std::vector<std::vector<detail::noisy_weight>> level_weights;
    for (const auto& ln : plan.weight_noise) {
        std::vector<detail::noisy_weight> ws;
        if (ln.level == 1) {
            for (std::size_t i = 0; i < ni; ++i)
                ws.push_back({i, ln.factor});
        } else {
            for (std::size_t j = 0; j < nn; ++j) {
                if (tree.level(j) == ln.level) ws.push_back({ni + j, ln.factor});
            }
        }
        if (ws.empty()) {
            throw error("uncertainty_plan: the index tree has no elements at level " + std::to_string(ln.level));
        }
        level_weights.push_back(std::move(ws));
    }
    auto add_input = [&](uncertain_input in, std::vector<detail::noisy_weight> ws) {
        offsets_.push_back(dimension_);
        dimension_ += in.dimension;
        inputs_.push_back(std::move(in));
        noisy_.push_back(std::move(ws));
    };
    if (plan.group_weight_levels && !level_weights.empty()) {
        uncertain_input in;
        in.name = "weights";
        in.kind = uncertain_input_kind::weights;
        std::vector<detail::noisy_weight> all;
        for (std::size_t k = 0; k < level_weights.size(); ++k) {
            in.levels.push_back(plan.weight_noise[k].level);
            all.insert(all.end(), level_weights[k].begin(), level_weights[k].end());
        }
        in.weights = all.size();
        in.dimension = all.size();
        add_input(std::move(in), std::move(all));
    } else {
        for (std::size_t k = 0; k < level_weights.size(); ++k) {
            uncertain_input in;
            in.name = "weights level " + std::to_string(plan.weight_noise[k].level);
            in.kind = uncertain_input_kind::weights;
            in.levels.push_back(plan.weight_noise[k].level);
            in.weights = level_weights[k].size();
            in.dimension = level_weights[k].size();
            add_input(std::move(in), std::move(level_weights[k]));
        }
    }
    normalisers_ =
        plan.normalise_alternatives.empty() ? std::vector<normalisation>{spec.normalise} : plan.normalise_alternatives;
    aggregators_ = plan.aggregate_alternatives.empty() ? std::vector<aggregation_method>{spec.aggregate}
                                                       : plan.aggregate_alternatives;
    // A discrete choice among `count` alternatives (`texts`: their spec text, for reports), an
    // input when there are two or more; `slot` remembers where it is.
    auto add_choice = [&](const char* name, uncertain_input_kind kind, std::size_t count,
                          std::vector<std::string> texts, std::size_t& slot) {
        if (count < 2) return;
        slot = inputs_.size();
        uncertain_input in;
        in.name = name;
        in.kind = kind;
        in.alternatives = count;
        in.dimension = 1;
        in.choices = std::move(texts);
        add_input(std::move(in), {});
    };
    add_choice("normaliser", uncertain_input_kind::normaliser, normalisers_.size(), {}, normaliser_input_);
    add_choice("aggregator", uncertain_input_kind::aggregator, aggregators_.size(), {}, aggregator_input_);
    std::vector<std::string> texts;
    for (const auto& a : plan.impute_alternatives)
        texts.push_back(imputation_spec_text(a));
    add_choice("imputation", uncertain_input_kind::imputation, imputations_, std::move(texts), imputation_input_);
    texts.clear();
    for (const auto& a : plan.treat_alternatives)
        texts.push_back(treat_spec_text(a));
    add_choice("treatment", uncertain_input_kind::treatment, treatments_, std::move(texts), treatment_input_);

    // Per-element methods of each alternative: the alternative replaces the spec's default
    // only where the spec's default applied.
    for (const auto& alt : normalisers_) {
        std::vector<normalisation> v = base_.normalisers;
        for (std::size_t i = 0; i < ni; ++i) {
            if (!spec.indicator_normalise.count(tree.indicator(i).id)) v[i] = alt;
        }
        normaliser_plans_.push_back(std::move(v));
    }
    for (const auto& alt : aggregators_) {
        std::vector<aggregation_method> v = base_.aggregators;
        for (std::size_t j = 0; j < nn; ++j) {
            if (!spec.node_aggregate.count(tree.node(j).id) && !tree.node(j).method) v[j] = alt;
        }
        aggregator_plans_.push_back(std::move(v));
    }

    // Normalised values of each (data, normaliser) alternative, from the index engine (with
    // every node arithmetic, which cannot fail on finite values, so only normalisation shows).
    index_engine engine(tree);
    for (std::size_t f = 0; f < variants_.size() * normalisers_.size(); ++f) {
        const std::size_t a = f % normalisers_.size();
        const value_matrix& values = variants_[f / normalisers_.size()].values;
        const std::vector<column_profile>& profiles = profiles_[f / normalisers_.size()];
        index_plan p = base_;
        p.normalisers = normaliser_plans_[a];
        for (auto& m : p.aggregators)
            m = aggregation_method{aggregation::arithmetic, 1.0};
        index_result r;
        engine.run(values, p, r, &units_, &profiles);
        // Whether the normalisation itself reports an error, asked of normalise_column
        // directly so that nothing from the aggregation can be mistaken for it.
        bool norm_error = false;
        std::vector<double> scratch(n);
        normalise_workspace nws;
        for (std::size_t i = 0; i < ni && !norm_error; ++i) {
            std::vector<diagnostic> diags;
            const tree_indicator& ind = tree.indicator(i);
            column_context ctx;
            ctx.indicator = ind.id;
            normalise_column(values.column(i), scratch.data(), n, ind.direction, p.normalisers[i], ind.parameters, ctx,
                             nws, diags, &profiles[i]);
            norm_error = has_errors(diags);
        }
        detail::normalised_leaves leaves;
        leaves.values = std::move(r.normalised);
        leaves.failed = norm_error;
        leaves.zeroed.assign(n * ni, 0.0);
        leaves.missing.assign(n * ni, 0.0);
        leaves.full.assign(ni, 1);
        for (std::size_t i = 0; i < ni; ++i) {
            const double* v = leaves.values.column(i);
            for (std::size_t u = 0; u < n; ++u) {
                if (v[u] == v[u]) {
                    leaves.zeroed[i * n + u] = v[u];
                } else {
                    leaves.missing[i * n + u] = 1.0;
                    leaves.full[i] = 0;
                }
            }
        }
        normalised_.push_back(std::move(leaves));
    }

    // Each (data, normaliser, aggregator) combination: what its leaves need and whether it can
    // succeed.
    for (std::size_t a = 0; a < normalised_.size(); ++a) {
        for (std::size_t b = 0; b < aggregators_.size(); ++b) {
            detail::combination c;
            c.always_fails = normalised_[a].failed;
            c.terms.assign(ni, nullptr);
            const std::vector<aggregation_method>& methods = aggregator_plans_[b];
            for (const auto& m : methods) {
                if (m.method == aggregation::median) c.reference_only = true;
            }
            const value_matrix& norm = normalised_[a].values;
            for (std::size_t i = 0; i < ni && !c.reference_only; ++i) {
                const aggregation_method& m = methods[tree.parent(i)];
                if (m.method == aggregation::arithmetic) {
                    c.terms[i] = normalised_[a].zeroed.data() + i * n;
                    continue;
                }
                const bool need_positive = m.method != aggregation::generalised_mean || m.p < 0;
                const bool integer_p = detail::is_integer(m.p);
                const double* col = norm.column(i);
                for (std::size_t u = 0; u < n; ++u) {
                    const double v = col[u];
                    if (!(v == v)) continue;
                    if ((need_positive && !(v > 0)) || (!integer_p && v < 0)) c.always_fails = true;
                }
                if (m.method == aggregation::geometric) {
                    c.terms[i] = transformed(a, 0, 0.0).data() + i * n;
                } else if (m.method == aggregation::generalised_mean) {
                    c.terms[i] = transformed(a, 1, m.p).data() + i * n;
                }
            }
            combinations_.push_back(std::move(c));
        }
    }

    // The nominal index: nominal weights, the first alternative of each list.
    index_plan p = base_;
    p.normalisers = normaliser_plans_[0];
    p.aggregators = aggregator_plans_[0];
    engine.run(variants_[0].values, p, nominal_, &units_, &profiles_[0]);
    nominal_.units = units_;
    const std::vector<diagnostic> found = alternative_diagnostics(variants_);
    nominal_.diagnostics.insert(nominal_.diagnostics.end(), found.begin(), found.end());
}

DXFRAME_DECL std::vector<std::size_t> uncertainty_model::input_dimensions() const {
    std::vector<std::size_t> d;
    for (const auto& in : inputs_)
        d.push_back(in.dimension);
    return d;
}

DXFRAME_DECL replication_choices uncertainty_model::choices(const double* x) const noexcept {
    replication_choices c;
    if (normaliser_input_ != npos) c.normaliser = discrete_index(x[offsets_[normaliser_input_]], normalisers_.size());
    if (aggregator_input_ != npos) c.aggregator = discrete_index(x[offsets_[aggregator_input_]], aggregators_.size());
    if (imputation_input_ != npos) c.imputation = discrete_index(x[offsets_[imputation_input_]], imputations_);
    if (treatment_input_ != npos) c.treatment = discrete_index(x[offsets_[treatment_input_]], treatments_);
    return c;
}

DXFRAME_DECL const value_matrix& uncertainty_model::replication_data(const double* x) const noexcept {
    return variants_[pair_of(choices(x))].values;
}

DXFRAME_DECL void uncertainty_model::weights(const double* x, std::vector<double>& out) const {
    out = base_.weights;  // same size every time: no allocation after the first
    for (std::size_t g = 0; g < inputs_.size(); ++g) {
        const std::vector<detail::noisy_weight>& ws = noisy_[g];
        const double* u = x + offsets_[g];
        for (std::size_t k = 0; k < ws.size(); ++k) {
            const double w = base_.weights[ws[k].element];
            out[ws[k].element] = w + ((u[k] * 2.0 - 1.0) * ws[k].factor) * w;
        }
    }
}

DXFRAME_DECL index_plan uncertainty_model::replication_plan(const double* x) const {
    const replication_choices c = choices(x);
    index_plan p = base_;
    p.normalisers = normaliser_plans_[c.normaliser];
    p.aggregators = aggregator_plans_[c.aggregator];
    weights(x, p.weights);
    return p;
}

DXFRAME_DECL const std::vector<double>& uncertainty_model::transformed(std::size_t a, int kind, double p) {
    const auto key = std::make_tuple(a, kind, kind == 0 ? 0.0 : p);
    const auto it = transform_index_.find(key);
    if (it != transform_index_.end()) return transforms_[it->second];
    const value_matrix& norm = normalised_[a].values;
    std::vector<double> t(norm.rows() * norm.cols(), 0.0);
    for (std::size_t i = 0; i < norm.cols(); ++i) {
        const double* v = norm.column(i);
        double* out = t.data() + i * norm.rows();
        for (std::size_t u = 0; u < norm.rows(); ++u) {
            if (!(v[u] == v[u])) continue;
            if (kind == 0) {
                if (v[u] > 0) out[u] = std::log(v[u]);
            } else {
                const double x = std::pow(v[u], p);
                if (x == x) out[u] = x;
            }
        }
    }
    transforms_.push_back(std::move(t));
    transform_index_.emplace(key, transforms_.size() - 1);
    return transforms_.back();
}

namespace detail {

/// Evaluates replications of one model: one per thread, reused for every replication the thread
/// runs (its buffers are sized once). Not thread-safe.
class replicator {
public:
    /// An evaluator for `model` (which must outlive it).
    explicit replicator(const uncertainty_model& model)
        : model_(&model), engine_(model.tree()), n_(model.units().size()) {
        const std::size_t nn = model.tree().node_count();
        agg_.assign(n_ * nn, 0.0);
        acc_.assign(n_, 0.0);
        wmiss_.assign(n_, 0.0);
        cmiss_.assign(n_, 0.0);
        ranks_.assign(n_, 0);
        node_full_.assign(nn, 0);
        plan_ = model.base_;
        weights_ = model.base_.weights;
    }

    /// Evaluates the replication at coordinates `x` (model.dimension() values in [0, 1)).
    /// `reference`: compute it with index_engine even when the fast path could. Returns true
    /// when the index was computed without errors; otherwise first_error() says why.
    bool run(const double* x, bool reference = false) {
        const uncertainty_model& m = *model_;
        choices_ = m.choices(x);
        m.weights(x, weights_);
        set_ = m.pair_of(choices_) * m.normalisers_.size() + choices_.normaliser;
        const combination& c = m.combinations_[set_ * m.aggregators_.size() + choices_.aggregator];
        if (!reference && !c.reference_only && !c.always_fails && run_fast(c)) return true;
        return run_reference();
    }

    /// The alternatives of the last replication.
    const replication_choices& choices() const noexcept { return choices_; }
    /// The weights of the last replication, by element reference.
    const std::vector<double>& weights() const noexcept { return weights_; }
    /// Ranks of the last replication by unit (0 = no rank).
    const std::size_t* ranks() const noexcept { return ranks_.data(); }
    /// Index values of the last replication by unit (NaN = missing; internal to the module).
    const double* scores() const noexcept { return scores_; }
    /// The first error of the last replication, when run() returned false.
    const diagnostic& first_error() const noexcept { return error_; }

private:
    // Re-aggregates the tree from the precomputed normalised values, doing what index_engine
    // does value by value (run_mean_node and the kernels of index/kernels.hpp): the same IEEE
    // operations on the same values in the same order. Returns false, leaving the replication
    // to the engine, when a value is invalid for its method or a result is not finite: the
    // engine then reports it in its own words.
    bool run_fast(const combination& combo) {
        const uncertainty_model& m = *model_;
        const index_tree& t = *m.tree_;
        const std::size_t n = n_;
        const std::size_t ni = t.indicator_count();
        const std::size_t nn = t.node_count();
        const normalised_leaves& leaves = m.normalised_[set_];
        const std::vector<aggregation_method>& methods = m.aggregator_plans_[choices_.aggregator];
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double* w = weights_.data();
        double* acc = acc_.data();
        double* wmiss = wmiss_.data();
        double* cmiss = cmiss_.data();

        for (std::size_t j = 0; j < nn; ++j) {
            const aggregation_method& am = methods[j];
            const double share = m.base_.min_share[j];
            const bool count = share > 0;
            const auto [cb, ce] = t.children(j);
            const double kd = static_cast<double>(ce - cb);
            double* y = agg_.data() + j * n;
            double total_w = 0.0;

            if (am.method == aggregation::arithmetic) {
                bool first = true;
                for (const std::size_t* it = cb; it != ce; ++it) {
                    const std::size_t ch = *it;
                    const double wc = w[ch];
                    total_w += wc;
                    if (ch < ni) {
                        add_leaf(first, count, leaves.full[ch] != 0, combo.terms[ch], leaves.missing.data() + ch * n,
                                 wc);
                    } else {
                        add_node(first, count, agg_.data() + (ch - ni) * n, node_full_[ch - ni] != 0, wc);
                    }
                    first = false;
                }
                std::size_t present = 0;
                for (std::size_t u = 0; u < n; ++u) {
                    const double ws = total_w - wmiss[u];
                    bool ok = ws > 0;
                    if (count) {
                        const double have = kd - cmiss[u];
                        ok = ok && have > 0 && !(have / kd < share);
                    }
                    const double v = acc[u] / ws;
                    if (ok && !((v - v) == 0.0)) return false;  // overflow: the engine reports it
                    y[u] = ok ? v : nan;
                    present += ok ? 1u : 0u;
                }
                node_full_[j] = present == n ? 1 : 0;
                continue;
            }

            // Geometric, harmonic, generalised mean (index_engine's per-value loop).
            if (am.method == aggregation::median) return false;
            const bool need_positive = am.method != aggregation::generalised_mean || am.p < 0;
            const bool integer_p = is_integer(am.p);
            for (std::size_t u = 0; u < n; ++u) {
                acc[u] = 0.0;
                wmiss[u] = 0.0;
                cmiss[u] = 0.0;
            }
            for (const std::size_t* it = cb; it != ce; ++it) {
                const std::size_t ch = *it;
                const double wc = w[ch];
                total_w += wc;
                if (ch < ni && combo.terms[ch]) {
                    // log v or v^p, 0 where missing; the values were checked when the model
                    // was built (else the pair always fails and never gets here).
                    const double* term = combo.terms[ch];
                    const double* miss = leaves.missing.data() + ch * n;
                    for (std::size_t u = 0; u < n; ++u)
                        acc[u] += wc * term[u];
                    if (!leaves.full[ch]) {
                        for (std::size_t u = 0; u < n; ++u) {
                            wmiss[u] += wc * miss[u];
                            cmiss[u] += miss[u];
                        }
                    }
                    continue;
                }
                const double* col = ch < ni ? leaves.values.column(ch) : agg_.data() + (ch - ni) * n;
                for (std::size_t u = 0; u < n; ++u) {
                    const double v = col[u];
                    if (!(v == v)) {
                        wmiss[u] += wc;
                        cmiss[u] += 1.0;
                        continue;
                    }
                    if ((need_positive && !(v > 0)) || (!integer_p && v < 0)) return false;
                    switch (am.method) {
                        case aggregation::geometric: acc[u] += wc * std::log(v); break;
                        case aggregation::harmonic: acc[u] += wc / v; break;
                        default: acc[u] += wc * std::pow(v, am.p); break;
                    }
                }
            }
            std::size_t present = 0;
            for (std::size_t u = 0; u < n; ++u) {
                const double have = kd - cmiss[u];
                const double wsum = total_w - wmiss[u];
                if (!(have > 0) || have / kd < share || !(wsum > 0)) {
                    y[u] = nan;
                    continue;
                }
                double v;
                switch (am.method) {
                    case aggregation::geometric: v = std::exp(acc[u] / wsum); break;
                    case aggregation::harmonic: v = wsum / acc[u]; break;
                    default: v = std::pow(acc[u] / wsum, 1.0 / am.p); break;
                }
                if (!((v - v) == 0.0)) return false;
                y[u] = v;
                ++present;
            }
            node_full_[j] = present == n ? 1 : 0;
        }
        scores_ = agg_.data() + (nn - 1) * n;
        competition_rank(scores_, n, m.base_.rank, ranks_.data(), rank_key_, rank_order_);
        return true;
    }

    // acc (+)= w·term; wmiss (+)= w·missing; cmiss (+)= missing — exactly the engine's
    // acc += (present ? w·v : 0), wmiss += (present ? 0 : w), cmiss += (present ? 0 : 1), as
    // argued at normalised_leaves, in loops without branches.
    void add_leaf(bool first, bool count, bool full, const double* term, const double* miss, double wc) {
        const std::size_t n = n_;
        double* acc = acc_.data();
        double* wmiss = wmiss_.data();
        double* cmiss = cmiss_.data();
        if (first) {
            for (std::size_t u = 0; u < n; ++u)
                acc[u] = wc * term[u];
            for (std::size_t u = 0; u < n; ++u)
                wmiss[u] = wc * miss[u];
            if (count) {
                for (std::size_t u = 0; u < n; ++u)
                    cmiss[u] = miss[u];
            }
            return;
        }
        for (std::size_t u = 0; u < n; ++u)
            acc[u] += wc * term[u];
        if (full) return;  // adding zeros changes nothing
        for (std::size_t u = 0; u < n; ++u)
            wmiss[u] += wc * miss[u];
        if (count) {
            for (std::size_t u = 0; u < n; ++u)
                cmiss[u] += miss[u];
        }
    }

    // The same for a child node's column (NaN = missing), branch-free only when it is full.
    void add_node(bool first, bool count, const double* col, bool full, double wc) {
        const std::size_t n = n_;
        double* acc = acc_.data();
        double* wmiss = wmiss_.data();
        double* cmiss = cmiss_.data();
        if (full) {
            if (first) {
                for (std::size_t u = 0; u < n; ++u)
                    acc[u] = wc * col[u];
                for (std::size_t u = 0; u < n; ++u)
                    wmiss[u] = 0.0;
                if (count) {
                    for (std::size_t u = 0; u < n; ++u)
                        cmiss[u] = 0.0;
                }
            } else {
                for (std::size_t u = 0; u < n; ++u)
                    acc[u] += wc * col[u];
            }
            return;
        }
        for (std::size_t u = 0; u < n; ++u) {
            const double v = col[u];
            const bool p = v == v;
            const double add = p ? wc * v : 0.0;
            const double miss = p ? 0.0 : wc;
            const double cm = p ? 0.0 : 1.0;
            if (first) {
                acc[u] = add;
                wmiss[u] = miss;
                if (count) cmiss[u] = cm;
            } else {
                acc[u] += add;
                wmiss[u] += miss;
                if (count) cmiss[u] += cm;
            }
        }
    }

    // The replication through index_engine: for weighted medians, and for every replication
    // that fails (so that the failure is described by the engine's own diagnostic).
    bool run_reference() {
        const uncertainty_model& m = *model_;
        plan_.normalisers = m.normaliser_plans_[choices_.normaliser];
        plan_.aggregators = m.aggregator_plans_[choices_.aggregator];
        plan_.weights = weights_;
        const std::size_t pair = m.pair_of(choices_);
        engine_.run(m.variants_[pair].values, plan_, result_, &m.units_, &m.profiles_[pair]);
        for (const auto& d : result_.diagnostics) {
            if (d.severity == severity::error) {
                error_ = d;
                return false;
            }
        }
        for (std::size_t u = 0; u < n_; ++u)
            ranks_[u] = result_.ranks[u] ? *result_.ranks[u] : 0;
        scores_ = result_.aggregates.column(result_.aggregates.cols() - 1);
        return true;
    }

    const uncertainty_model* model_;
    index_engine engine_;
    std::size_t n_;
    index_plan plan_;
    index_result result_;
    replication_choices choices_;
    std::size_t set_ = 0;  // the normalised set of the last replication: pair-major, then normaliser
    std::vector<double> weights_;
    std::vector<double> agg_;  // units × nodes, column-major, as index_result::aggregates
    std::vector<double> acc_, wmiss_, cmiss_;
    std::vector<unsigned char> node_full_;  // by node: no unit missing in this replication
    std::vector<std::size_t> ranks_;
    std::vector<double> rank_key_;
    std::vector<std::uint32_t> rank_order_;
    const double* scores_ = nullptr;
    diagnostic error_;
};

}  // namespace detail

}  // namespace dxframe
