// SPDX-License-Identifier: MIT
// Index pipeline benchmarks (issue 4 §8).
//
// Large: 10,000 units × 1,000 indicators in a 4-level tree (1,000 indicators → 100 sub-pillars of
// 10 → 10 pillars of 10 → the index), 2% of the values missing, every fifth indicator
// lower-is-better, unequal weights; the full normalise (minmax:0:100) → aggregate (arithmetic)
// → rank, with every level kept in the result. Measured against one streaming pass over the
// same matrix (reading every value once: the memory-bandwidth floor) in the same run; the
// ratio is printed at the end. Goal: at most 3×, single-threaded.
//
// Small: the ASEM shape (51 units × 49 indicators → 8 → 2 → 1), the size the uncertainty
// analysis reruns tens of thousands of times: runs per second, with and without precomputed
// column profiles.
#include <benchmark/benchmark.h>

#include <dxframe/index.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace {

struct problem {
    dxframe::index_tree tree;
    dxframe::value_matrix data;
    std::vector<std::string> units;
};

// Deterministic data (xorshift64*), independent of the standard library's distributions.
struct rng {
    std::uint64_t s;
    double next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return static_cast<double>((s * 2685821657736338717ULL) >> 11) * (1.0 / 9007199254740992.0);
    }
};

problem make_problem(std::size_t units, std::size_t per_leaf_node, std::size_t leaf_nodes, std::size_t pillars,
                     double missing_share) {
    const std::size_t indicators = per_leaf_node * leaf_nodes;
    std::vector<dxframe::tree_indicator> inds;
    std::vector<dxframe::tree_node> nodes;
    rng r{0x9E3779B97F4A7C15ULL};
    for (std::size_t j = 0; j < leaf_nodes; ++j) {
        dxframe::tree_node nd;
        nd.id = "s" + std::to_string(j);
        nd.parent = "p" + std::to_string(j * pillars / leaf_nodes);
        nd.weight = 1.0 + static_cast<double>(j % 3);
        nodes.push_back(nd);
    }
    for (std::size_t p = 0; p < pillars; ++p) {
        dxframe::tree_node nd;
        nd.id = "p" + std::to_string(p);
        nd.parent = "index";
        nd.weight = 1.0 + static_cast<double>(p % 2);
        nodes.push_back(nd);
    }
    dxframe::tree_node root;
    root.id = "index";
    nodes.push_back(root);
    for (std::size_t i = 0; i < indicators; ++i) {
        dxframe::tree_indicator t;
        t.id = "i" + std::to_string(i);
        t.parent = "s" + std::to_string(i / per_leaf_node);
        t.weight = 0.5 + static_cast<double>(i % 4) * 0.5;
        t.direction = i % 5 == 4 ? dxframe::direction::lower_is_better : dxframe::direction::higher_is_better;
        inds.push_back(t);
    }
    auto built = dxframe::build_tree(inds, nodes);
    if (!built.ok()) {
        std::fprintf(stderr, "bench: tree failed: %s\n", built.diagnostics.front().message.c_str());
        std::abort();
    }
    problem pr{std::move(*built.tree), dxframe::value_matrix(units, indicators), {}};
    for (std::size_t c = 0; c < indicators; ++c) {
        double* col = pr.data.column(c);
        const double scale = 1.0 + static_cast<double>(c % 7) * 10.0;
        for (std::size_t u = 0; u < units; ++u) {
            const double v = r.next() * scale;
            col[u] = r.next() < missing_share ? dxframe::value_matrix::missing_value() : v;
        }
    }
    for (std::size_t u = 0; u < units; ++u)
        pr.units.push_back("u" + std::to_string(u));
    return pr;
}

const problem& large() {
    static const problem p = make_problem(10000, 10, 100, 10, 0.02);
    return p;
}

const problem& small() {
    // ASEM shape: 49 indicators in 8 sub-pillars (6 or 7 each) → 2 pillars → index; we use 7 × 7 = 49.
    static const problem p = make_problem(51, 7, 7, 2, 0.025);
    return p;
}

// The floor: read every value of the matrix once (eight independent sums so the loop is limited by
// memory, not by floating-point add latency).
double streaming_pass(const dxframe::value_matrix& m) {
    const double* base = m.column(0);
    const std::size_t n = m.size();
    double s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int k = 0; k < 8; ++k) {
            const double v = base[i + static_cast<std::size_t>(k)];
            s[k] += v == v ? v : 0.0;
        }
    }
    double total = s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7];
    for (; i < n; ++i)
        total += base[i] == base[i] ? base[i] : 0.0;
    return total;
}

void BM_StreamingPass(benchmark::State& state) {
    const problem& p = large();
    const std::size_t n = p.data.size();
    for (auto _ : state)
        benchmark::DoNotOptimize(streaming_pass(p.data));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(n * sizeof(double)));
}
BENCHMARK(BM_StreamingPass)->Unit(benchmark::kMillisecond);

// For reference: a copy of the matrix (read + write), what writing the normalised level costs.
void BM_CopyPass(benchmark::State& state) {
    const problem& p = large();
    dxframe::value_matrix out(p.data.rows(), p.data.cols());
    for (auto _ : state) {
        std::memcpy(out.column(0), p.data.column(0), p.data.size() * sizeof(double));
        benchmark::DoNotOptimize(out.column(0));
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(p.data.size()));
}
BENCHMARK(BM_CopyPass)->Unit(benchmark::kMillisecond);

// The full pipeline, steady state: one engine and one result reused, as the uncertainty analysis does.
void BM_IndexPipeline(benchmark::State& state) {
    const problem& p = large();
    const dxframe::index_plan plan = dxframe::make_plan(p.tree, dxframe::index_spec{});
    dxframe::index_engine engine(p.tree);
    dxframe::index_result result;
    engine.run(p.data, plan, result, &p.units);  // warm-up: sizes the buffers
    for (auto _ : state) {
        engine.run(p.data, plan, result, &p.units);
        benchmark::DoNotOptimize(result.ranks.data());
    }
    if (!result.ok()) state.SkipWithError("the pipeline reported errors");
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(p.data.size()));
}
BENCHMARK(BM_IndexPipeline)->Unit(benchmark::kMillisecond);

// The ratio measured as tightly as possible on a shared machine: every iteration times one
// streaming pass and then one pipeline run back to back, so both see the same load. Counters:
// the fastest of each (ms, wall clock) and the median of the per-iteration ratios.
void BM_PipelineOverStream(benchmark::State& state) {
    const problem& p = large();
    const dxframe::index_plan plan = dxframe::make_plan(p.tree, dxframe::index_spec{});
    dxframe::index_engine engine(p.tree);
    dxframe::index_result result;
    engine.run(p.data, plan, result, &p.units);
    std::vector<double> stream_s, pipe_s, ratios;
    using clock = std::chrono::steady_clock;
    for (auto _ : state) {
        const auto t0 = clock::now();
        benchmark::DoNotOptimize(streaming_pass(p.data));
        const auto t1 = clock::now();
        engine.run(p.data, plan, result, &p.units);
        benchmark::DoNotOptimize(result.ranks.data());
        const auto t2 = clock::now();
        stream_s.push_back(std::chrono::duration<double>(t1 - t0).count());
        pipe_s.push_back(std::chrono::duration<double>(t2 - t1).count());
        ratios.push_back(pipe_s.back() / stream_s.back());
    }
    std::sort(ratios.begin(), ratios.end());
    state.counters["stream_ms"] = *std::min_element(stream_s.begin(), stream_s.end()) * 1e3;
    state.counters["pipeline_ms"] = *std::min_element(pipe_s.begin(), pipe_s.end()) * 1e3;
    state.counters["ratio_of_fastest"] = state.counters["pipeline_ms"] / state.counters["stream_ms"];
    state.counters["median_ratio"] = ratios[ratios.size() / 2];
}
BENCHMARK(BM_PipelineOverStream)->Unit(benchmark::kMillisecond)->Iterations(40);

// The one-call API (builds the plan, engine and result every time).
void BM_ComputeIndex(benchmark::State& state) {
    const problem& p = large();
    for (auto _ : state) {
        auto result = dxframe::compute_index(p.tree, p.data, p.units);
        benchmark::DoNotOptimize(result.ranks.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(p.data.size()));
}
BENCHMARK(BM_ComputeIndex)->Unit(benchmark::kMillisecond);

// ASEM-sized runs, as the uncertainty analysis will make them.
void BM_SmallRun(benchmark::State& state) {
    const problem& p = small();
    const bool with_profiles = state.range(0) != 0;
    const dxframe::index_plan plan = dxframe::make_plan(p.tree, dxframe::index_spec{});
    const auto profiles = dxframe::profile_columns(p.data);
    dxframe::index_engine engine(p.tree);
    dxframe::index_result result;
    engine.run(p.data, plan, result, &p.units, with_profiles ? &profiles : nullptr);
    for (auto _ : state) {
        engine.run(p.data, plan, result, &p.units, with_profiles ? &profiles : nullptr);
        benchmark::DoNotOptimize(result.ranks.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.SetLabel(with_profiles ? "profiles precomputed; items = runs" : "items = runs");
}
BENCHMARK(BM_SmallRun)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Rank-based normaliser on the small problem (exercises the cached sorted orders).
void BM_SmallRunRank(benchmark::State& state) {
    const problem& p = small();
    const bool with_profiles = state.range(0) != 0;
    dxframe::index_spec spec;
    spec.aggregate.method = dxframe::aggregation::geometric;
    spec.normalise.method = dxframe::normaliser::rank;
    const dxframe::index_plan plan = dxframe::make_plan(p.tree, spec);
    const auto profiles = dxframe::profile_columns(p.data);
    dxframe::index_engine engine(p.tree);
    dxframe::index_result result;
    engine.run(p.data, plan, result, &p.units, with_profiles ? &profiles : nullptr);
    for (auto _ : state) {
        engine.run(p.data, plan, result, &p.units, with_profiles ? &profiles : nullptr);
        benchmark::DoNotOptimize(result.ranks.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.SetLabel(with_profiles ? "rank + geometric, profiles precomputed" : "rank + geometric");
}
BENCHMARK(BM_SmallRunRank)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Prints the usual table and remembers, for each benchmark, the fastest time per iteration seen
// over its repetitions (real and CPU): on a shared machine the minimum is the least disturbed
// estimate. The ratios to the streaming pass are printed at the end.
class ratio_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& run : runs) {
            if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
            const double mult = benchmark::GetTimeUnitMultiplier(run.time_unit);
            const double real = run.GetAdjustedRealTime() / mult;
            const double cpu = run.GetAdjustedCPUTime() / mult;
            auto& t = times_[run.run_name.function_name];
            if (t.real == 0 || real < t.real) t.real = real;
            if (t.cpu == 0 || cpu < t.cpu) t.cpu = cpu;
        }
        ConsoleReporter::ReportRuns(runs);
    }
    void print_ratios() const {
        const auto floor = times_.find("BM_StreamingPass");
        if (floor == times_.end()) return;
        std::printf("\nfastest time per iteration, and ratio to one streaming pass over the same matrix:\n");
        for (const char* name : {"BM_StreamingPass", "BM_CopyPass", "BM_IndexPipeline", "BM_ComputeIndex"}) {
            const auto it = times_.find(name);
            if (it == times_.end()) continue;
            std::printf("  %-17s real %8.3f ms  cpu %8.3f ms   ratio real %.2f  cpu %.2f\n", name,
                        it->second.real * 1e3, it->second.cpu * 1e3, it->second.real / floor->second.real,
                        it->second.cpu / floor->second.cpu);
        }
    }

private:
    struct best {
        double real = 0;
        double cpu = 0;
    };
    std::map<std::string, best> times_;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.print_ratios();
    benchmark::Shutdown();
    return 0;
}
