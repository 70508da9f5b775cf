// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/uncertainty.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/uncertainty/model.hpp>
#include <dxframe/uncertainty/parallel.hpp>
#include <dxframe/uncertainty/random.hpp>
#include <dxframe/uncertainty/statistics.hpp>
#include <dxframe/uncertainty/uncertainty.hpp>
// detail::replicator and detail::run_chunked are defined only there.
#include <dxframe/uncertainty/impl/model.ipp>
#include <dxframe/uncertainty/impl/parallel.ipp>

namespace dxframe {

namespace detail {

/// One failed replication.
struct replication_failure {
    std::size_t replication = 0;
    replication_choices choices;
    diagnostic error;
};

/// What run_replications gathered.
struct replication_batch {
    std::vector<std::uint64_t> rank_counts;     // units × (units + 1): counts[u·(n+1) + r]
    std::vector<replication_failure> failures;  // by replication number
    std::size_t counted = 0;                    // replications that went into rank_counts
    bool cancelled = false;
};

/// Runs replications 0..total−1 of `model` on `threads` workers. `coordinates(k, x, scratch)`
/// writes replication k's model.dimension() coordinates into x (scratch: as many doubles, free
/// to use). Successful replications for which `counted(k)` holds add their ranks to the counts;
/// `record(k, rep, ok)` is called for every replication from its worker (it may write only
/// what belongs to replication k).
template <class Coordinates, class Counted, class Record>
replication_batch run_replications(const uncertainty_model& model, std::size_t total, unsigned threads, bool reference,
                                   const progress_callback& progress, Coordinates&& coordinates, Counted&& counted,
                                   Record&& record) {
    const std::size_t n = model.units().size();
    const std::size_t dim = model.dimension();
    const unsigned workers = resolve_thread_count(threads);
    // One per worker, each on its own cache lines: workers write their state on every
    // replication, and sharing a line would make two threads wait for each other.
    struct alignas(64) worker_state {
        replicator rep;
        std::vector<double> x, scratch;
        std::vector<std::uint64_t> counts;
        std::vector<replication_failure> failures;
        std::size_t counted = 0;
        explicit worker_state(const uncertainty_model& m, std::size_t d, std::size_t units)
            : rep(m), x(d), scratch(d), counts(units * (units + 1), 0) {}
    };
    std::vector<std::unique_ptr<worker_state>> states;
    states.reserve(workers);
    for (unsigned w = 0; w < workers; ++w)
        states.push_back(std::make_unique<worker_state>(model, dim, n));

    auto body = [&](unsigned worker, std::size_t begin, std::size_t end) {
        worker_state& s = *states[worker];
        for (std::size_t k = begin; k < end; ++k) {
            coordinates(k, s.x.data(), s.scratch.data());
            const bool ok = s.rep.run(s.x.data(), reference);
            if (ok) {
                if (counted(k)) {
                    const std::size_t* r = s.rep.ranks();
                    for (std::size_t u = 0; u < n; ++u) {
                        if (r[u] != 0) ++s.counts[u * (n + 1) + r[u]];
                    }
                    ++s.counted;
                }
            } else {
                s.failures.push_back(replication_failure{k, s.rep.choices(), s.rep.first_error()});
            }
            record(k, s.rep, ok);
        }
    };
    // Chunks of 32: small enough to balance two threads on a few hundred replications, large
    // enough that taking one is free next to running it.
    replication_batch out;
    out.cancelled = !run_chunked(total, 32, workers, body, progress);
    out.rank_counts.assign(n * (n + 1), 0);
    for (auto& sp : states) {
        worker_state& s = *sp;
        for (std::size_t i = 0; i < out.rank_counts.size(); ++i)
            out.rank_counts[i] += s.counts[i];
        out.counted += s.counted;
        for (auto& f : s.failures)
            out.failures.push_back(std::move(f));
    }
    std::sort(out.failures.begin(), out.failures.end(),
              [](const replication_failure& a, const replication_failure& b) { return a.replication < b.replication; });
    return out;
}

/// Groups failures (sorted by replication) by alternatives and first error; groups in order of
/// first occurrence.
inline std::vector<failure_group> group_failures(const std::vector<replication_failure>& failures) {
    using key_t = std::tuple<std::size_t, std::size_t, std::size_t, std::size_t, int, std::string, std::size_t, bool>;
    std::map<key_t, std::size_t> where;
    std::vector<failure_group> groups;
    for (const auto& f : failures) {
        const key_t key{f.choices.normaliser,     f.choices.aggregator,           f.choices.imputation,
                        f.choices.treatment,      static_cast<int>(f.error.code), f.error.path,
                        f.error.line.value_or(0), f.error.line.has_value()};
        const auto it = where.find(key);
        if (it != where.end()) {
            ++groups[it->second].count;
            continue;
        }
        failure_group g;
        g.count = 1;
        g.first_replication = f.replication;
        g.normaliser = f.choices.normaliser;
        g.aggregator = f.choices.aggregator;
        g.imputation = f.choices.imputation;
        g.treatment = f.choices.treatment;
        g.first_error = f.error;
        where.emplace(key, groups.size());
        groups.push_back(std::move(g));
    }
    return groups;
}

/// Rank summaries of every unit from the counts.
inline std::vector<rank_summary> summarise_ranks(const uncertainty_model& model,
                                                 const std::vector<std::uint64_t>& counts) {
    const std::size_t n = model.units().size();
    std::vector<rank_summary> out(n);
    for (std::size_t u = 0; u < n; ++u) {
        rank_summary& s = out[u];
        s.unit = model.units()[u];
        s.nominal = model.nominal().ranks[u];
        const rank_counts_summary c = summarise_rank_counts(counts.data() + u * (n + 1), n + 1);
        s.mean = c.mean;
        s.median = c.median;
        s.q5 = c.q5;
        s.q95 = c.q95;
        s.ranked = c.total;
    }
    return out;
}

/// The nominal index's diagnostics, plus an error when it could not be computed.
inline std::vector<diagnostic> nominal_diagnostics(const uncertainty_model& model) {
    std::vector<diagnostic> out = model.nominal().diagnostics;
    if (!model.nominal_ok()) {
        diagnostic d;
        d.severity = severity::error;
        d.code = diagnostic_code::invalid_input_for_method;
        d.message =
            "the nominal index (nominal weights, first alternative of each method) has errors, so there is "
            "no reference to compare replications with; no analysis was run";
        out.push_back(std::move(d));
    }
    return out;
}

/// A warning that says how many replications failed (never silently).
inline void report_failures(std::vector<diagnostic>& diags, std::size_t failed, std::size_t runs, std::size_t groups) {
    if (failed == 0) return;
    diagnostic d;
    d.severity = severity::warning;
    d.code = diagnostic_code::invalid_input_for_method;
    d.message = std::to_string(failed) + " of " + std::to_string(runs) +
                " replications failed and are left out of the statistics (" + std::to_string(groups) +
                (groups == 1 ? " cause" : " causes") + "; see failures)";
    diags.push_back(std::move(d));
}

}  // namespace detail

DXFRAME_DECL uncertainty_result run_uncertainty(const uncertainty_model& model, const uncertainty_options& options) {
    if (options.runs == 0) throw error("run_uncertainty: runs must be at least 1");
    if (model.inputs().empty())
        throw error(
            "run_uncertainty: nothing is uncertain (no weight noise and at most one alternative of each method)");
    uncertainty_result result;
    result.inputs = model.inputs();
    result.normalisers = model.normaliser_alternatives();
    result.aggregators = model.aggregator_alternatives();
    result.seed = options.seed;
    result.diagnostics = detail::nominal_diagnostics(model);
    if (!model.nominal_ok()) return result;

    const std::size_t n = model.units().size();
    const std::size_t dim = model.dimension();
    std::vector<double> scores;
    if (options.scores) scores.assign(options.runs * n, value_matrix::missing_value());
    const std::uint64_t seed = options.seed;
    auto coordinates = [seed, dim](std::size_t k, double* x, double*) {
        xoshiro256ss g = stream_generator(seed, random_stream::uncertainty, k);
        for (std::size_t c = 0; c < dim; ++c)
            x[c] = uniform01(g.next());
    };
    auto counted = [](std::size_t) { return true; };
    auto record = [&scores, n](std::size_t k, const detail::replicator& rep, bool ok) {
        if (!ok || scores.empty()) return;
        const double* s = rep.scores();
        std::copy(s, s + n, scores.begin() + static_cast<std::ptrdiff_t>(k * n));
    };
    detail::replication_batch batch = detail::run_replications(
        model, options.runs, options.threads, options.reference_engine, options.progress, coordinates, counted, record);
    if (batch.cancelled) {
        result.cancelled = true;
        return result;
    }
    result.runs = options.runs;
    result.failed = batch.failures.size();
    result.succeeded = result.runs - result.failed;
    result.failures = detail::group_failures(batch.failures);
    detail::report_failures(result.diagnostics, result.failed, result.runs, result.failures.size());
    result.ranks = detail::summarise_ranks(model, batch.rank_counts);

    if (options.scores) {
        std::vector<double> values;
        values.reserve(options.runs);
        for (std::size_t u = 0; u < n; ++u) {
            score_summary s;
            s.unit = model.units()[u];
            s.nominal = model.nominal().index(u);
            values.clear();
            for (std::size_t k = 0; k < options.runs; ++k) {
                const double v = scores[k * n + u];
                if (v == v) values.push_back(v);
            }
            s.scored = values.size();
            s.mean = mean_compensated(values);
            std::sort(values.begin(), values.end());
            s.median = median_sorted(values);
            s.q5 = quantile_type7(values, 0.05);
            s.q95 = quantile_type7(values, 0.95);
            result.scores.push_back(std::move(s));
        }
    }
    return result;
}

DXFRAME_DECL uncertainty_result run_uncertainty(const index_tree& tree, const value_matrix& data,
                                                const std::vector<std::string>& units, const index_spec& spec,
                                                const uncertainty_plan& plan, const uncertainty_options& options) {
    const uncertainty_model model(tree, data, units, spec, plan);
    return run_uncertainty(model, options);
}

}  // namespace dxframe
