// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/compute.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/aggregate.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/impl/aggregate.ipp>
#include <dxframe/index/impl/kernels.ipp>
#include <dxframe/index/impl/normalise.ipp>
#include <dxframe/index/kernels.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/normalise.hpp>
#include <dxframe/index/rank.hpp>
#include <dxframe/index/tree.hpp>

namespace dxframe {

DXFRAME_DECL index_plan make_plan(const index_tree& tree, const index_spec& spec) {
    index_plan plan;
    check_normalisation(spec.normalise);
    check_aggregation(spec.aggregate);
    auto check_share = [](double s) {
        if (!(s >= 0.0 && s <= 1.0)) throw error("index_spec: min_share must be between 0 and 1");
    };
    check_share(spec.min_share);
    plan.normalisers.assign(tree.indicator_count(), spec.normalise);
    for (const auto& [id, n] : spec.indicator_normalise) {
        const auto i = tree.find_indicator(id);
        if (!i) throw error("index_spec: no indicator '" + id + "' in the tree");
        check_normalisation(n);
        plan.normalisers[*i] = n;
    }
    plan.aggregators.resize(tree.node_count());
    plan.min_share.assign(tree.node_count(), spec.min_share);
    for (std::size_t j = 0; j < tree.node_count(); ++j) {
        plan.aggregators[j] = tree.node(j).method ? *tree.node(j).method : spec.aggregate;
    }
    for (const auto& [id, m] : spec.node_aggregate) {
        const auto j = tree.find_node(id);
        if (!j) throw error("index_spec: no node '" + id + "' in the tree");
        check_aggregation(m);
        plan.aggregators[*j] = m;
    }
    for (const auto& [id, s] : spec.node_min_share) {
        const auto j = tree.find_node(id);
        if (!j) throw error("index_spec: no node '" + id + "' in the tree");
        check_share(s);
        plan.min_share[*j] = s;
    }
    for (const auto& m : plan.aggregators)
        check_aggregation(m);
    plan.weights = tree.weights();
    plan.rank = spec.rank;
    return plan;
}

DXFRAME_DECL std::vector<column_profile> profile_columns(const value_matrix& data, bool with_order) {
    std::vector<column_profile> out;
    out.reserve(data.cols());
    for (std::size_t c = 0; c < data.cols(); ++c)
        out.push_back(profile_column(data.column(c), data.rows(), with_order));
    return out;
}

DXFRAME_DECL index_engine::index_engine(const index_tree& tree)
    : tree_(&tree), next_leaf_(tree.indicator_count(), index_tree::npos) {
    // The order in which the indicators are normalised (children of node 0, then node 1, …):
    // while one is processed, the next one's extremes are read in the same pass.
    std::size_t prev = index_tree::npos;
    for (std::size_t j = 0; j < tree.node_count(); ++j) {
        const auto [b, e] = tree.children(j);
        for (auto it = b; it != e; ++it) {
            if (!tree.is_indicator(*it)) continue;
            if (prev != index_tree::npos) next_leaf_[prev] = *it;
            prev = *it;
        }
    }
}

DXFRAME_DECL void index_engine::run(const value_matrix& data, const index_plan& plan, index_result& out,
                                    const std::vector<std::string>* unit_ids,
                                    const std::vector<column_profile>* profiles) {
    const index_tree& t = *tree_;
    const std::size_t n = data.rows();
    const std::size_t ni = t.indicator_count();
    const std::size_t nn = t.node_count();
    if (data.cols() != ni) {
        throw error("index_engine: the data has " + std::to_string(data.cols()) + " columns; the tree has " +
                    std::to_string(ni) + " indicators");
    }
    if (plan.normalisers.size() != ni || plan.aggregators.size() != nn || plan.min_share.size() != nn ||
        plan.weights.size() != ni + nn) {
        throw error("index_engine: the plan does not match the tree");
    }
    if (unit_ids && unit_ids->size() != n) throw error("index_engine: one unit id per row expected");
    if (profiles && profiles->size() != ni) throw error("index_engine: one profile per column expected");
    for (double w : plan.weights) {
        if (!std::isfinite(w) || w < 0) throw error("index_engine: weights must be finite and >= 0");
    }
    units_ = unit_ids;
    pending_leaf_ = index_tree::npos;
    out.diagnostics.clear();
    out.normalised.reshape(n, ni);
    out.aggregates.reshape(n, nn);
    acc_.resize(n);
    wmiss_.resize(n);
    cmiss_.resize(n);
    bad_.resize(n);
    bad_child_.resize(n);
    node_present_.resize(nn);

    for (std::size_t j = 0; j < nn; ++j) {
        if (plan.aggregators[j].method == aggregation::median) {
            run_median_node(j, data, plan, out, profiles);
        } else {
            run_mean_node(j, data, plan, out, profiles);
        }
    }

    detail::stream_fence();  // the normalised columns were written with non-temporal stores

    // Ranks of the index.
    rank_out_.resize(n);
    detail::competition_rank(out.aggregates.column(nn - 1), n, plan.rank, rank_out_.data(), rank_key_, rank_order_);
    out.ranks.resize(n);
    for (std::size_t u = 0; u < n; ++u) {
        out.ranks[u] = rank_out_[u] ? std::optional<std::size_t>(rank_out_[u]) : std::nullopt;
    }
}

DXFRAME_DECL detail::normalise_step index_engine::prepare_leaf(std::size_t i, const value_matrix& data,
                                                               const index_plan& plan, index_result& out,
                                                               const std::vector<column_profile>* profiles) {
    const tree_indicator& ind = tree_->indicator(i);
    column_context ctx;
    ctx.indicator = ind.id;
    ctx.path = ind.path;
    ctx.line = ind.line;
    ctx.units = units_;
    const bool scanned = !profiles && pending_leaf_ == i;
    pending_leaf_ = index_tree::npos;
    return detail::normalise_prepare(data.column(i), out.normalised.column(i), data.rows(), ind.direction,
                                     plan.normalisers[i], ind.parameters, ctx, nws_, out.diagnostics,
                                     profiles ? &(*profiles)[i] : nullptr, scanned ? &pending_extremes_ : nullptr);
}

DXFRAME_DECL std::size_t index_engine::normalise_leaf(std::size_t i, const value_matrix& data, const index_plan& plan,
                                                      index_result& out, const std::vector<column_profile>* profiles) {
    const detail::normalise_step step = prepare_leaf(i, data, plan, out, profiles);
    if (step.affine) {
        double* y = out.normalised.column(i);
        const double* x = step.input;
        for (std::size_t u = 0; u < data.rows(); ++u) {
            double v = (x[u] - step.origin) * step.scale + step.offset;
            v = v < step.low ? step.low : v;  // NaN fails both tests and stays missing
            y[u] = v > step.high ? step.high : v;
        }
    }
    return step.present;
}

// A member template defined here, not in the header: only run_mean_node instantiates it, so no
// other unit needs its body (nor the kernels it calls).
// y is written by the kernels through accumulate_args::out; clang-tidy does not see that.
template <bool Count, bool Transform>
void index_engine::accumulate(bool first, bool full, const double* x,
                              double* y,  // NOLINT(readability-non-const-parameter)
                              std::size_t n, double origin, double scale, double offset, double low, double high,
                              double w, const double* next) {
    const detail::accumulate_args a{x,   y,    acc_.data(), wmiss_.data(), cmiss_.data(), n, origin, scale, offset,
                                    low, high, w,           next};
    if constexpr (Transform) {
        if (next) {
            detail::column_extremes* e = &pending_extremes_;
            if (first) {
                if (full) {
                    detail::accumulate_column<true, true, Count, true, true, true>(a, e);
                } else {
                    detail::accumulate_column<true, false, Count, true, true, true>(a, e);
                }
            } else {
                if (full) {
                    detail::accumulate_column<false, true, Count, true, true, true>(a, e);
                } else {
                    detail::accumulate_column<false, false, Count, true, true, true>(a, e);
                }
            }
            return;
        }
    }
    if (first) {
        if (full) {
            detail::accumulate_column<true, true, Count, Transform, Transform>(a);
        } else {
            detail::accumulate_column<true, false, Count, Transform, Transform>(a);
        }
    } else {
        if (full) {
            detail::accumulate_column<false, true, Count, Transform, Transform>(a);
        } else {
            detail::accumulate_column<false, false, Count, Transform, Transform>(a);
        }
    }
}

DXFRAME_DECL void index_engine::run_mean_node(std::size_t j, const value_matrix& data, const index_plan& plan,
                                              index_result& out, const std::vector<column_profile>* profiles) {
    const index_tree& t = *tree_;
    const std::size_t n = data.rows();
    const std::size_t ni = t.indicator_count();
    const aggregation_method m = plan.aggregators[j];
    const double share = plan.min_share[j];
    const bool count = share > 0;
    const auto [cb, ce] = t.children(j);
    const std::size_t k = static_cast<std::size_t>(ce - cb);
    double total_w = 0.0;
    double* y = out.aggregates.column(j);
    const double inf = std::numeric_limits<double>::infinity();

    if (m.method == aggregation::arithmetic) {
        bool first = true;
        for (const std::size_t* it = cb; it != ce; ++it) {
            const std::size_t c = *it;
            const double w = plan.weights[c];
            total_w += w;
            if (c < ni) {
                const detail::normalise_step step = prepare_leaf(c, data, plan, out, profiles);
                double* col = out.normalised.column(c);
                const bool full = step.present == n;
                if (step.affine) {
                    // Read the next indicator's extremes in the same pass (not needed when
                    // the profiles were precomputed).
                    const std::size_t nx = next_leaf_[c];
                    const double* next = !profiles && nx != index_tree::npos ? data.column(nx) : nullptr;
                    if (count) {
                        accumulate<true, true>(first, full, step.input, col, n, step.origin, step.scale, step.offset,
                                               step.low, step.high, w, next);
                    } else {
                        accumulate<false, true>(first, full, step.input, col, n, step.origin, step.scale, step.offset,
                                                step.low, step.high, w, next);
                    }
                    if (next) pending_leaf_ = nx;
                } else if (count) {
                    accumulate<true, false>(first, full, col, nullptr, n, 0.0, 1.0, 0.0, -inf, inf, w);
                } else {
                    accumulate<false, false>(first, full, col, nullptr, n, 0.0, 1.0, 0.0, -inf, inf, w);
                }
            } else {
                const bool full = node_present_[c - ni] == n;
                const double* col = out.aggregates.column(c - ni);
                if (count) {
                    accumulate<true, false>(first, full, col, nullptr, n, 0.0, 1.0, 0.0, -inf, inf, w);
                } else {
                    accumulate<false, false>(first, full, col, nullptr, n, 0.0, 1.0, 0.0, -inf, inf, w);
                }
            }
            first = false;
        }
        bool non_finite = false;
        const detail::finish_args fa{acc_.data(), wmiss_.data(), cmiss_.data(),          y,
                                     n,           total_w,       static_cast<double>(k), share};
        std::size_t present =
            count ? detail::finish_mean<true>(fa, non_finite) : detail::finish_mean<false>(fa, non_finite);
        if (non_finite) {
            // Overflow (values near the double range): report, then missing.
            std::fill(bad_.begin(), bad_.end(), static_cast<unsigned char>(0));
            for (std::size_t u = 0; u < n; ++u) {
                if (y[u] == y[u] && !((y[u] - y[u]) == 0.0)) {
                    y[u] = std::numeric_limits<double>::quiet_NaN();
                    bad_[u] = 2;
                    --present;
                }
            }
            report_problems(j, m, out);
        }
        node_present_[j] = present;
        return;
    }

    // Geometric, harmonic, generalised mean: per-value checks, so plain loops.
    double* acc = acc_.data();
    double* wmiss = wmiss_.data();
    double* cmiss = cmiss_.data();
    std::fill(acc, acc + n, 0.0);
    std::fill(wmiss, wmiss + n, 0.0);
    std::fill(cmiss, cmiss + n, 0.0);
    std::fill(bad_.begin(), bad_.end(), static_cast<unsigned char>(0));
    bool problems = false;
    const bool need_positive = m.method != aggregation::generalised_mean || m.p < 0;
    const bool integer_p = detail::is_integer(m.p);
    for (const std::size_t* it = cb; it != ce; ++it) {
        const std::size_t c = *it;
        const double w = plan.weights[c];
        total_w += w;
        const double* col;
        if (c < ni) {
            normalise_leaf(c, data, plan, out, profiles);
            col = out.normalised.column(c);
        } else {
            col = out.aggregates.column(c - ni);
        }
        for (std::size_t u = 0; u < n; ++u) {
            const double v = col[u];
            if (!(v == v)) {
                wmiss[u] += w;
                cmiss[u] += 1.0;
                continue;
            }
            if ((need_positive && !(v > 0)) || (!integer_p && v < 0)) {
                if (!bad_[u]) {
                    bad_[u] = 1;
                    bad_child_[u] = c;
                }
                problems = true;
                continue;
            }
            switch (m.method) {
                case aggregation::geometric: acc[u] += w * std::log(v); break;
                case aggregation::harmonic: acc[u] += w / v; break;
                default: acc[u] += w * std::pow(v, m.p); break;
            }
        }
    }
    const double kd = static_cast<double>(k);
    std::size_t present = 0;
    for (std::size_t u = 0; u < n; ++u) {
        if (bad_[u]) {
            y[u] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        const double have = kd - cmiss[u];
        const double wsum = total_w - wmiss[u];
        if (!(have > 0) || have / kd < share || !(wsum > 0)) {
            y[u] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        double v;
        switch (m.method) {
            case aggregation::geometric: v = std::exp(acc[u] / wsum); break;
            case aggregation::harmonic: v = wsum / acc[u]; break;
            default: v = std::pow(acc[u] / wsum, 1.0 / m.p); break;
        }
        if (!((v - v) == 0.0)) {  // overflow, or a root of a negative mean
            y[u] = std::numeric_limits<double>::quiet_NaN();
            bad_[u] = 2;
            problems = true;
            continue;
        }
        y[u] = v;
        ++present;
    }
    if (problems) report_problems(j, m, out);
    node_present_[j] = present;
}

DXFRAME_DECL void index_engine::run_median_node(std::size_t j, const value_matrix& data, const index_plan& plan,
                                                index_result& out, const std::vector<column_profile>* profiles) {
    const index_tree& t = *tree_;
    const std::size_t n = data.rows();
    const std::size_t ni = t.indicator_count();
    const auto [cb, ce] = t.children(j);
    const std::size_t k = static_cast<std::size_t>(ce - cb);
    for (const std::size_t* it = cb; it != ce; ++it) {
        if (*it < ni) normalise_leaf(*it, data, plan, out, profiles);
    }
    double* y = out.aggregates.column(j);
    const double share = plan.min_share[j];
    std::size_t present_total = 0;
    for (std::size_t u = 0; u < n; ++u) {
        pairs_.clear();
        std::size_t have = 0;
        for (const std::size_t* it = cb; it != ce; ++it) {
            const std::size_t c = *it;
            const double v = c < ni ? out.normalised.column(c)[u] : out.aggregates.column(c - ni)[u];
            if (!(v == v)) continue;
            ++have;
            if (plan.weights[c] > 0) pairs_.emplace_back(v, plan.weights[c]);
        }
        if (have == 0 || static_cast<double>(have) / static_cast<double>(k) < share || pairs_.empty()) {
            y[u] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        y[u] = detail::weighted_median(pairs_);
        ++present_total;
    }
    node_present_[j] = present_total;
}

DXFRAME_DECL void index_engine::report_problems(std::size_t j, const aggregation_method& m, index_result& out) {
    const index_tree& t = *tree_;
    const tree_node& nd = t.node(j);
    const std::size_t n = out.aggregates.rows();
    const std::size_t ni = t.indicator_count();
    std::size_t reported = 0;
    std::size_t extra = 0;
    const char* what = m.method == aggregation::geometric  ? "the geometric mean needs values > 0"
                       : m.method == aggregation::harmonic ? "the harmonic mean needs values > 0"
                       : m.p < 0                           ? "the generalised mean with p < 0 needs values > 0"
                                 : "the generalised mean with a non-integer p needs values >= 0";
    for (std::size_t u = 0; u < n; ++u) {
        if (!bad_[u]) continue;
        if (reported == max_entity_diagnostics) {
            ++extra;
            continue;
        }
        const std::string who =
            units_ && u < units_->size() ? "'" + (*units_)[u] + "'" : "row " + std::to_string(u + 1);
        std::string message;
        if (bad_[u] == 1) {
            const std::size_t c = bad_child_[u];
            const double v = c < ni ? out.normalised.column(c)[u] : out.aggregates.column(c - ni)[u];
            message = "node '" + nd.id + "': " + what + ", but entity " + who + " has " + detail::index_num(v) +
                      " for '" + t.id(c) + "'; its value is missing";
        } else {
            message = "node '" + nd.id + "': the " +
                      std::string(m.method == aggregation::arithmetic  ? "arithmetic mean"
                                  : m.method == aggregation::geometric ? "geometric mean"
                                  : m.method == aggregation::harmonic  ? "harmonic mean"
                                                                       : "generalised mean") +
                      " of entity " + who +
                      " is not a finite number (overflow, or a root of a negative mean); its value is missing";
        }
        diagnostic d;
        d.severity = severity::error;
        d.code = diagnostic_code::invalid_input_for_method;
        d.path = nd.path;
        d.line = nd.line;
        d.message = std::move(message);
        out.diagnostics.push_back(std::move(d));
        ++reported;
    }
    if (extra > 0) {
        diagnostic d;
        d.severity = severity::error;
        d.code = diagnostic_code::invalid_input_for_method;
        d.path = nd.path;
        d.line = nd.line;
        d.message = "node '" + nd.id + "': " + std::to_string(extra) + " more entities have the same problem";
        out.diagnostics.push_back(std::move(d));
    }
}

DXFRAME_DECL index_result compute_index(const index_tree& tree, const value_matrix& data,
                                        const std::vector<std::string>& units, const index_spec& spec) {
    const index_plan plan = make_plan(tree, spec);
    index_engine engine(tree);
    index_result result;
    engine.run(data, plan, result, &units);
    result.units = units;
    return result;
}

DXFRAME_DECL index_report make_report(const index_tree& tree, const index_result& result,
                                      const std::vector<std::string>* names) {
    index_report r;
    const std::size_t ni = tree.indicator_count();
    for (std::size_t i = 0; i < ni; ++i) {
        const auto& ind = tree.indicator(i);
        r.columns.push_back(index_column{ind.id, ind.name, 1, tree.node(tree.parent(i)).id});
    }
    for (std::size_t j = 0; j < tree.node_count(); ++j) {
        const auto& nd = tree.node(j);
        const std::size_t p = tree.parent(ni + j);
        r.columns.push_back(
            index_column{nd.id, nd.name, tree.level(j),
                         p == index_tree::npos ? std::nullopt : std::optional<std::string>(tree.node(p).id)});
    }
    r.index = tree.node(tree.root()).id;
    const std::size_t n = result.normalised.rows();
    for (std::size_t u = 0; u < n; ++u) {
        index_unit row;
        row.unit = u < result.units.size() ? result.units[u] : std::to_string(u + 1);
        if (names && u < names->size()) row.name = (*names)[u];
        row.values.reserve(r.columns.size());
        for (std::size_t i = 0; i < ni; ++i)
            row.values.push_back(result.normalised.get(u, i));
        for (std::size_t j = 0; j < tree.node_count(); ++j)
            row.values.push_back(result.aggregates.get(u, j));
        row.index = result.index(u);
        row.rank = u < result.ranks.size() ? result.ranks[u] : std::nullopt;
        r.units.push_back(std::move(row));
    }
    r.diagnostics = result.diagnostics;
    return r;
}

}  // namespace dxframe
