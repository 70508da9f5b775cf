// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/sensitivity.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/uncertainty/model.hpp>
#include <dxframe/uncertainty/random.hpp>
#include <dxframe/uncertainty/sensitivity.hpp>
#include <dxframe/uncertainty/statistics.hpp>
#include <dxframe/uncertainty/uncertainty.hpp>
// detail::replicator, detail::run_replications and the other detail helpers of the analyses are
// defined only there.
#include <dxframe/uncertainty/impl/uncertainty.ipp>

namespace dxframe {

DXFRAME_DECL saltelli_design::saltelli_design(std::size_t base_runs, std::vector<std::size_t> input_dimensions,
                                              std::uint64_t seed)
    : n_(base_runs), dims_(std::move(input_dimensions)), seed_(seed) {
    if (n_ < 2) throw error("saltelli_design: at least 2 base runs are needed");
    if (dims_.empty()) throw error("saltelli_design: at least one input is needed");
    for (std::size_t d : dims_) {
        if (d == 0) throw error("saltelli_design: every input needs at least one coordinate");
        offsets_.push_back(dim_);
        dim_ += d;
    }
}

DXFRAME_DECL void saltelli_design::point(std::size_t run, double* x, double* scratch) const {
    if (run >= runs()) throw error("saltelli_design: run out of range");
    const std::size_t blk = run / n_;
    const std::size_t row = run % n_;
    if (blk == 1) {
        draw(random_stream::saltelli_b, row, x);
        return;
    }
    draw(random_stream::saltelli_a, row, x);
    if (blk >= 2) {
        const std::size_t i = blk - 2;
        draw(random_stream::saltelli_b, row, scratch);
        std::copy(scratch + offsets_[i], scratch + offsets_[i] + dims_[i], x + offsets_[i]);
    }
}

DXFRAME_DECL void saltelli_design::draw(random_stream stream, std::size_t row, double* x) const {
    xoshiro256ss g = stream_generator(seed_, stream, row);
    for (std::size_t c = 0; c < dim_; ++c)
        x[c] = uniform01(g.next());
}

namespace detail {

// The estimators over rows rows[0..m) (with repeats, for the bootstrap). y is in design order.
struct sobol_point {
    double variance = 0.0;
    double mean = 0.0;
    std::vector<double> first, total;
};

inline void sobol_on_rows(const std::vector<double>& y, std::size_t n, std::size_t d, const std::size_t* rows,
                          std::size_t m, sobol_point& out) {
    double sum = 0.0;
    for (std::size_t k = 0; k < m; ++k)
        sum += y[rows[k]];
    for (std::size_t k = 0; k < m; ++k)
        sum += y[n + rows[k]];
    const double mean = sum / static_cast<double>(2 * m);
    double ss = 0.0;
    for (std::size_t k = 0; k < m; ++k)
        ss += (y[rows[k]] - mean) * (y[rows[k]] - mean);
    for (std::size_t k = 0; k < m; ++k)
        ss += (y[n + rows[k]] - mean) * (y[n + rows[k]] - mean);
    out.mean = mean;
    out.variance = ss / static_cast<double>(2 * m - 1);
    out.first.assign(d, 0.0);
    out.total.assign(d, 0.0);
    for (std::size_t i = 0; i < d; ++i) {
        const double* yab = y.data() + (2 + i) * n;
        double f = 0.0;
        double t = 0.0;
        for (std::size_t k = 0; k < m; ++k) {
            const std::size_t r = rows[k];
            f += y[n + r] * (yab[r] - y[r]);
            t += (y[r] - yab[r]) * (y[r] - yab[r]);
        }
        out.first[i] = (f / static_cast<double>(m)) / out.variance;
        out.total[i] = t / (2.0 * static_cast<double>(m) * out.variance);
    }
}

}  // namespace detail

DXFRAME_DECL sobol_estimate estimate_sobol(const std::vector<std::optional<double>>& y, std::size_t base_runs,
                                           std::size_t inputs, std::size_t bootstrap, std::uint64_t seed,
                                           const std::vector<std::string>& names) {
    const std::size_t n = base_runs;
    const std::size_t d = inputs;
    if (n == 0 || d == 0 || y.size() != n * (d + 2)) {
        throw error("estimate_sobol: expected N·(d + 2) = " + std::to_string(n * (d + 2)) + " outputs, got " +
                    std::to_string(y.size()));
    }
    if (!names.empty() && names.size() != d) throw error("estimate_sobol: one name per input expected");
    sobol_estimate out;
    out.base_runs = n;
    out.indices.resize(d);
    for (std::size_t i = 0; i < d; ++i)
        out.indices[i].input = names.empty() ? "V" + std::to_string(i + 1) : names[i];

    std::vector<double> v(y.size(), 0.0);
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < n; ++r) {
        bool all = true;
        for (std::size_t blk = 0; blk < d + 2; ++blk)
            all = all && y[blk * n + r].has_value();
        if (!all) continue;
        rows.push_back(r);
        for (std::size_t blk = 0; blk < d + 2; ++blk)
            v[blk * n + r] = *y[blk * n + r];
    }
    const std::size_t m = rows.size();
    out.rows_used = m;
    if (m < 2) return out;

    detail::sobol_point p;
    detail::sobol_on_rows(v, n, d, rows.data(), m, p);
    out.mean = p.mean;
    out.variance = p.variance;
    if (!(p.variance > 0) || !std::isfinite(p.variance)) return out;
    for (std::size_t i = 0; i < d; ++i) {
        out.indices[i].first_order = p.first[i];
        out.indices[i].total = p.total[i];
    }
    if (bootstrap == 0) return out;

    out.bootstrap = bootstrap;
    std::vector<std::vector<double>> first(d), total(d);
    std::vector<std::size_t> sample(m);
    for (std::size_t b = 0; b < bootstrap; ++b) {
        xoshiro256ss g = stream_generator(seed, random_stream::bootstrap, b);
        for (std::size_t k = 0; k < m; ++k)
            sample[k] = rows[discrete_index(uniform01(g.next()), m)];
        detail::sobol_on_rows(v, n, d, sample.data(), m, p);
        if (!(p.variance > 0) || !std::isfinite(p.variance)) continue;  // a degenerate resample: no index
        for (std::size_t i = 0; i < d; ++i) {
            first[i].push_back(p.first[i]);
            total[i].push_back(p.total[i]);
        }
    }
    for (std::size_t i = 0; i < d; ++i) {
        std::sort(first[i].begin(), first[i].end());
        std::sort(total[i].begin(), total[i].end());
        out.indices[i].first_order_q5 = quantile_type7(first[i], 0.05);
        out.indices[i].first_order_q95 = quantile_type7(first[i], 0.95);
        out.indices[i].total_q5 = quantile_type7(total[i], 0.05);
        out.indices[i].total_q95 = quantile_type7(total[i], 0.95);
    }
    return out;
}

DXFRAME_DECL sensitivity_result run_sensitivity(const uncertainty_model& model, const sensitivity_options& options) {
    if (model.inputs().empty())
        throw error(
            "run_sensitivity: nothing is uncertain (no weight noise and at most one alternative of each method)");
    const saltelli_design design(options.base_runs, model.input_dimensions(), options.seed);
    const std::size_t n = model.units().size();
    std::size_t target_unit = 0;
    if (options.target != sensitivity_target::mean_rank_shift) {
        const auto it = std::find(model.units().begin(), model.units().end(), options.unit);
        if (it == model.units().end()) throw error("run_sensitivity: no unit '" + options.unit + "'");
        target_unit = static_cast<std::size_t>(it - model.units().begin());
    }
    sensitivity_result result;
    result.inputs = model.inputs();
    result.normalisers = model.normaliser_alternatives();
    result.aggregators = model.aggregator_alternatives();
    result.target = options.target;
    result.unit = options.target == sensitivity_target::mean_rank_shift ? std::string() : options.unit;
    result.seed = options.seed;
    result.diagnostics = detail::nominal_diagnostics(model);
    if (!model.nominal_ok()) return result;

    const std::vector<std::optional<std::size_t>>& nominal = model.nominal().ranks;
    std::vector<std::optional<double>> y(design.runs());
    auto coordinates = [&design](std::size_t k, double* x, double* scratch) { design.point(k, x, scratch); };
    const std::size_t two_n = 2 * design.base_runs();
    auto counted = [two_n](std::size_t k) { return k < two_n; };
    auto record = [&](std::size_t k, const detail::replicator& rep, bool ok) {
        if (!ok) return;
        const std::size_t* r = rep.ranks();
        switch (options.target) {
            case sensitivity_target::mean_rank_shift: {
                std::size_t total = 0;  // exact integer sum, then one division
                std::size_t count = 0;
                for (std::size_t u = 0; u < n; ++u) {
                    if (r[u] == 0 || !nominal[u]) continue;
                    total += r[u] > *nominal[u] ? r[u] - *nominal[u] : *nominal[u] - r[u];
                    ++count;
                }
                if (count > 0) y[k] = static_cast<double>(total) / static_cast<double>(count);
                break;
            }
            case sensitivity_target::unit_rank:
                if (r[target_unit] != 0) y[k] = static_cast<double>(r[target_unit]);
                break;
            case sensitivity_target::unit_score: {
                const double s = rep.scores()[target_unit];
                if (s == s) y[k] = s;
                break;
            }
        }
    };
    detail::replication_batch batch =
        detail::run_replications(model, design.runs(), options.threads, options.reference_engine, options.progress,
                                 coordinates, counted, record);
    if (batch.cancelled) {
        result.cancelled = true;
        return result;
    }
    result.runs = design.runs();
    result.failed = batch.failures.size();
    for (const auto& v : y)
        result.no_output += v ? 0u : 1u;
    result.no_output -= result.failed;
    result.failures = detail::group_failures(batch.failures);
    detail::report_failures(result.diagnostics, result.failed, result.runs, result.failures.size());
    result.ranks = detail::summarise_ranks(model, batch.rank_counts);

    std::vector<std::string> names;
    for (const auto& in : model.inputs())
        names.push_back(in.name);
    result.sobol = estimate_sobol(y, design.base_runs(), design.inputs(), options.bootstrap, options.seed, names);
    auto problem = [&](severity sev, std::string message) {
        diagnostic d;
        d.severity = sev;
        d.code = diagnostic_code::insufficient_data;
        d.message = std::move(message);
        result.diagnostics.push_back(std::move(d));
    };
    if (result.sobol.rows_used < design.base_runs()) {
        problem(severity::warning, std::to_string(design.base_runs() - result.sobol.rows_used) + " of " +
                                       std::to_string(design.base_runs()) +
                                       " design rows had a failed or undefined run and were left out of the indices");
    }
    if (result.sobol.rows_used < 2) {
        problem(severity::error, "fewer than 2 design rows are usable, so no sensitivity index can be estimated");
    } else if (!(result.sobol.variance && *result.sobol.variance > 0)) {
        problem(severity::warning,
                "the target does not vary over the design, so the sensitivity indices are undefined");
    }
    return result;
}

DXFRAME_DECL sensitivity_result run_sensitivity(const index_tree& tree, const value_matrix& data,
                                                const std::vector<std::string>& units, const index_spec& spec,
                                                const uncertainty_plan& plan, const sensitivity_options& options) {
    const uncertainty_model model(tree, data, units, spec, plan);
    return run_sensitivity(model, options);
}

}  // namespace dxframe
