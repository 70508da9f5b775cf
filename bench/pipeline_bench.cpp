// SPDX-License-Identifier: MIT
// The data-preparation steps of a composite indicator (issue 13's bench goal): imputation
// (index/impute.hpp, column mean) then outlier treatment (index/treat.hpp, COINr's default) on
// 10,000 units × 1,000 indicators, against one streaming pass over the same matrix timed back to
// back in every iteration, so both see the same machine load. Normalise → aggregate → rank, the
// rest of the pipeline, has its own benchmark (index_bench.cpp: about 2× a streaming pass).
//
// Data: every column normal(0, 1), except every K-th column log-normal(0, 1) (it fails COINr's
// outlier test, is winsorised five points and still fails, so it is log transformed — the most
// work a column can take); 2% of the cells missing, at random (so every column is imputed).
// K = 20 (5% of the columns, a realistic mix) and K = 2 (half of them, the worst case).
//
// The matrix is column-major (value_matrix), and so is the streaming pass: both read each column
// as one contiguous block, like with like.
//
// BM_PipelineInPlaceOverStream: impute_in_place + treat_outliers_in_place on a working matrix the
// caller owns (refilled from the input outside the timed region), as a pipeline that keeps its
// buffers calls them. BM_PipelineOneCallOverStream: impute (which returns the imputed values as a
// new 80 MB matrix, allocated and first touched every time) + treat_outliers_in_place on it.
// BM_PipelineFusedOverStream: impute_and_treat_in_place (index/prepare.hpp), the two steps column
// by column.
#include <dxframe/index/impute.hpp>
#include <dxframe/index/prepare.hpp>
#include <dxframe/index/treat.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <ctime>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace {

struct problem {
    dxframe::value_matrix data;
    std::vector<std::string> indicators;
    std::vector<std::string> units;
};

problem make_problem(std::size_t rows, std::size_t cols, std::size_t skewed_every) {
    problem p;
    p.data = dxframe::value_matrix(rows, cols);
    std::mt19937_64 gen(20261207);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::lognormal_distribution<double> lognormal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (std::size_t c = 0; c < cols; ++c) {
        double* x = p.data.column(c);
        const bool skewed = c % skewed_every == 0;
        for (std::size_t r = 0; r < rows; ++r) {
            x[r] = skewed ? lognormal(gen) : normal(gen);
            if (uniform(gen) < 0.02) x[r] = std::numeric_limits<double>::quiet_NaN();
        }
        p.indicators.push_back("i" + std::to_string(c + 1));
    }
    for (std::size_t r = 0; r < rows; ++r)
        p.units.push_back("u" + std::to_string(r + 1));
    return p;
}

const problem& large(std::size_t skewed_every) {
    static const problem realistic = make_problem(10000, 1000, 20);
    static const problem worst = make_problem(10000, 1000, 2);
    return skewed_every == 20 ? realistic : worst;
}

dxframe::imputation_spec column_mean() {
    dxframe::imputation_spec spec;
    spec.all.method = dxframe::imputation_method::mean;
    return spec;
}

// Every value read once, four independent sums (as treat_bench.cpp).
double stream(const dxframe::value_matrix& m) {
    const double* x = m.column(0);
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    const std::size_t n = m.size() / 4 * 4;
    for (std::size_t i = 0; i < n; i += 4) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
    }
    return s0 + s1 + s2 + s3;
}

// Per-iteration times of the streaming pass and of the steps, turned into the counters: wall
// time (steady_clock) and CPU time of the process (std::clock; the program is single-threaded),
// which other programs sharing the machine inflate less.
struct side_by_side {
    std::vector<double> stream_s;
    std::vector<double> steps_s;
    std::vector<double> ratios;
    std::vector<double> stream_cpu_s;
    std::vector<double> steps_cpu_s;

    void add(double stream_seconds, double steps_seconds, double stream_cpu, double steps_cpu) {
        stream_s.push_back(stream_seconds);
        steps_s.push_back(steps_seconds);
        ratios.push_back(steps_seconds / stream_seconds);
        stream_cpu_s.push_back(stream_cpu);
        steps_cpu_s.push_back(steps_cpu);
    }
    void report(benchmark::State& state) {
        if (ratios.empty()) return;
        std::sort(ratios.begin(), ratios.end());
        const auto fastest = [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); };
        state.counters["stream_ms"] = fastest(stream_s) * 1e3;
        state.counters["steps_ms"] = fastest(steps_s) * 1e3;
        state.counters["ratio_of_fastest"] = state.counters["steps_ms"] / state.counters["stream_ms"];
        state.counters["median_ratio"] = ratios[ratios.size() / 2];
        state.counters["cpu_ratio_of_fastest"] = fastest(steps_cpu_s) / fastest(stream_cpu_s);
    }
};

double cpu_seconds() {
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

using clock_type = std::chrono::steady_clock;

double seconds(clock_type::time_point a, clock_type::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

// Times one streaming pass over `data`, then `steps()`, back to back (so both see the same
// machine load), into `times`.
template <class Steps>
void time_against_stream(side_by_side& times, const dxframe::value_matrix& data, Steps&& steps) {
    const double c0 = cpu_seconds();
    const auto t0 = clock_type::now();
    benchmark::DoNotOptimize(stream(data));
    const auto t1 = clock_type::now();
    const double c1 = cpu_seconds();
    steps();
    const auto t2 = clock_type::now();
    const double c2 = cpu_seconds();
    times.add(seconds(t0, t1), seconds(t1, t2), c1 - c0, c2 - c1);
}

// How much the steps did (reported, so that a case doing less work shows it).
struct step_counts {
    std::size_t filled = 0;
    std::size_t treated = 0;
};

step_counts count_steps(const std::vector<dxframe::imputation_count>& imputed,
                        const std::vector<dxframe::indicator_treatment>& log) {
    step_counts c;
    for (const auto& i : imputed)
        c.filled += i.filled;
    for (const auto& l : log)
        c.treated += l.applied != dxframe::treatment::none ? 1u : 0u;
    return c;
}

// Times `steps(p, work)` on a working matrix refilled from the input outside the timed region, as
// a pipeline that keeps its buffers runs them, against a streaming pass.
template <class Steps>
void time_in_place(benchmark::State& state, Steps steps) {
    const problem& p = large(static_cast<std::size_t>(state.range(0)));
    dxframe::value_matrix work = p.data;
    side_by_side times;
    step_counts counts;
    for (auto _ : state) {
        state.PauseTiming();
        std::copy(p.data.column(0), p.data.column(0) + p.data.size(), work.column(0));
        state.ResumeTiming();
        time_against_stream(times, p.data, [&] { counts = steps(p, work); });
    }
    times.report(state);
    state.counters["filled_cells"] = static_cast<double>(counts.filled);
    state.counters["treated_columns"] = static_cast<double>(counts.treated);
}

void BM_PipelineInPlaceOverStream(benchmark::State& state) {
    time_in_place(state, [](const problem& p, dxframe::value_matrix& work) {
        const auto imputed = dxframe::impute_in_place(work, p.indicators, p.units, nullptr, column_mean());
        std::vector<dxframe::diagnostic> diagnostics;
        const auto log = dxframe::treat_outliers_in_place(work, p.indicators, p.units, {}, diagnostics);
        benchmark::DoNotOptimize(log.data());
        return count_steps(imputed.indicators, log);
    });
}
BENCHMARK(BM_PipelineInPlaceOverStream)->Arg(20)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(10);

// The same two steps column by column (index/prepare.hpp): each column imputed, then treated while
// it is in cache, so the matrix is read from memory once.
void BM_PipelineFusedOverStream(benchmark::State& state) {
    time_in_place(state, [](const problem& p, dxframe::value_matrix& work) {
        const auto prepared =
            dxframe::impute_and_treat_in_place(work, p.indicators, p.units, nullptr, column_mean(), {});
        benchmark::DoNotOptimize(prepared.treatment.log.data());
        return count_steps(prepared.imputation.indicators, prepared.treatment.log);
    });
}
BENCHMARK(BM_PipelineFusedOverStream)->Arg(20)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_PipelineOneCallOverStream(benchmark::State& state) {
    const problem& p = large(static_cast<std::size_t>(state.range(0)));
    const dxframe::imputation_spec spec = column_mean();
    dxframe::imputation_input in;
    in.values = &p.data;
    in.indicator_ids = &p.indicators;
    in.units = &p.units;
    side_by_side times;
    for (auto _ : state) {
        time_against_stream(times, p.data, [&] {
            auto imputed = dxframe::impute(in, spec);
            std::vector<dxframe::diagnostic> diagnostics;
            const auto log = dxframe::treat_outliers_in_place(imputed.values, p.indicators, p.units, {}, diagnostics);
            benchmark::DoNotOptimize(log.data());
        });
    }
    times.report(state);
}
BENCHMARK(BM_PipelineOneCallOverStream)->Arg(20)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(10);

// The steps one at a time (in place), each against its own streaming pass, to see where the time goes.
void BM_ImputeInPlaceOverStream(benchmark::State& state) {
    const problem& p = large(20);
    const dxframe::imputation_spec spec = column_mean();
    dxframe::value_matrix work = p.data;
    side_by_side times;
    for (auto _ : state) {
        state.PauseTiming();
        std::copy(p.data.column(0), p.data.column(0) + p.data.size(), work.column(0));
        state.ResumeTiming();
        time_against_stream(times, p.data, [&] {
            const auto imputed = dxframe::impute_in_place(work, p.indicators, p.units, nullptr, spec);
            benchmark::DoNotOptimize(imputed.indicators.data());
        });
    }
    times.report(state);
}
BENCHMARK(BM_ImputeInPlaceOverStream)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
