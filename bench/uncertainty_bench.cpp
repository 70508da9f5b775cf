// SPDX-License-Identifier: MIT
// Uncertainty analysis benchmarks (issue 6 §6): time per replication, single-threaded and on
// two threads, measured in the same run.
//
// ASEM: COINr's example index (51 countries × 49 indicators → 8 → 2 → 1, 63 values missing)
// with three uncertain inputs, the set-up of COINr's sensitivity vignette without the
// winsorisation step: the weights of levels 2 and 3 with ±25% noise (one input), the normaliser
// (min-max onto [1, 100] or z-score with mean 10 and sd 2) and the aggregator (arithmetic or
// geometric mean). Goal: at most 25 µs per replication on one thread (COINr takes about 25 ms
// to regenerate this index: ≥ 1000× faster), and ≥ 1.8× the throughput on two threads.
//
// ASEM + imputation, ASEM + imputation + treatment (issue 13 item 8): the same three inputs and
// a fourth, the imputation of the 63 missing values (column mean or column median), and a fifth,
// the outlier treatment (none, or COINr's default winsorise:5:2:3.5). Their data is imputed and
// treated once per pair when the model is built, so a replication costs what it costs with three
// inputs: the goal is the same time per replication (ratio ~1.0 to ASEM's three inputs, same run).
// BM_ModelBuildASEM* time building the model (the one-off precomputation) with 3, 4 and 5 inputs.
//
// Provinces: 34 units × 100 indicators (→ 10 sub-pillars → 3 pillars → index, 2% missing,
// every fifth indicator lower-is-better) with the same three inputs.
//
// Each benchmark iteration is a whole run_uncertainty call of 16384 replications (thread start,
// per-thread set-up and the final statistics included); "per_rep" is wall time per replication,
// "cpu_per_rep" the CPU time of all threads per replication. The wall-time speedup on two threads
// needs two otherwise idle cores (Linux shares CPU between sessions, not threads, when busy);
// the CPU ratio shows whether the threads slow each other down, whatever the machine is doing.
// BM_*Reference runs every replication through index_engine instead of the shared-work path, for
// comparison. At the end the fastest time per replication of each benchmark and the 1→2 thread
// speedups are printed; on a shared machine run with --benchmark_repetitions=5 or more.
#include <benchmark/benchmark.h>

#include <dxframe/index.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/uncertainty.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr std::size_t replications = 16384;

struct problem {
    dxframe::index_tree tree;
    dxframe::value_matrix data;
    std::vector<std::string> units;
    std::unique_ptr<dxframe::uncertainty_model> model;
    std::unique_ptr<dxframe::uncertainty_model> imputed;  // + imputation (4 inputs)
    std::unique_ptr<dxframe::uncertainty_model> treated;  // + imputation + treatment (5 inputs)
};

dxframe::uncertainty_plan three_inputs() {
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{2, 0.25}, {3, 0.25}};
    plan.group_weight_levels = true;  // one input, as COINr's vignette varies them
    dxframe::normalisation mm;
    mm.method = dxframe::normaliser::minmax;
    mm.lower = 1;
    mm.upper = 100;
    dxframe::normalisation z;
    z.method = dxframe::normaliser::zscore;
    z.mean = 10;
    z.sd = 2;
    plan.normalise_alternatives = {mm, z};
    plan.aggregate_alternatives = {{dxframe::aggregation::arithmetic, 1.0}, {dxframe::aggregation::geometric, 1.0}};
    return plan;
}

// The three inputs and the imputation (mean or median), and with `treatment` the outlier
// treatment too (none or COINr's default winsorisation).
dxframe::uncertainty_plan pipeline_inputs(bool treatment) {
    dxframe::uncertainty_plan plan = three_inputs();
    plan.impute_alternatives = dxframe::parse_imputation_alternatives("mean,median");
    if (treatment) plan.treat_alternatives = dxframe::parse_treat_alternatives("none,winsorise:5:2:3.5");
    return plan;
}

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        std::fprintf(stderr, "uncertainty_bench: cannot read %s\n", path.c_str());
        std::abort();
    }
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

problem& asem() {
    static problem p = [] {
        const std::string dir = std::string(DXFRAME_TEST_DATA_DIR) + "/asem/";
        auto imp = dxframe::import_coinr(slurp(dir + "iData.csv"), slurp(dir + "iMeta.csv"));
        if (!imp.ok()) {
            std::fprintf(stderr, "uncertainty_bench: ASEM import failed\n");
            std::abort();
        }
        problem q{std::move(imp.data->tree),
                  std::move(imp.data->values),
                  std::move(imp.data->units),
                  nullptr,
                  nullptr,
                  nullptr};
        return q;
    }();
    if (!p.model) {
        p.model = std::make_unique<dxframe::uncertainty_model>(p.tree, p.data, p.units, dxframe::index_spec{},
                                                               three_inputs());
        p.imputed = std::make_unique<dxframe::uncertainty_model>(p.tree, p.data, p.units, dxframe::index_spec{},
                                                                 pipeline_inputs(false));
        p.treated = std::make_unique<dxframe::uncertainty_model>(p.tree, p.data, p.units, dxframe::index_spec{},
                                                                 pipeline_inputs(true));
    }
    return p;
}

problem& provinces() {
    static problem p = [] {
        const std::size_t n = 34;
        const std::size_t ni = 100;
        std::vector<dxframe::tree_indicator> inds;
        std::vector<dxframe::tree_node> nodes;
        for (std::size_t j = 0; j < 10; ++j) {
            dxframe::tree_node nd;
            nd.id = "s" + std::to_string(j);
            nd.parent = "p" + std::to_string(j < 4 ? 0 : j < 7 ? 1 : 2);
            nd.weight = 1.0 + static_cast<double>(j % 3);
            nodes.push_back(nd);
        }
        for (std::size_t k = 0; k < 3; ++k) {
            dxframe::tree_node nd;
            nd.id = "p" + std::to_string(k);
            nd.parent = "index";
            nodes.push_back(nd);
        }
        dxframe::tree_node root;
        root.id = "index";
        nodes.push_back(root);
        for (std::size_t i = 0; i < ni; ++i) {
            dxframe::tree_indicator t;
            t.id = "i" + std::to_string(i);
            t.parent = "s" + std::to_string(i / 10);
            t.weight = 0.5 + static_cast<double>(i % 4) * 0.5;
            t.direction = i % 5 == 4 ? dxframe::direction::lower_is_better : dxframe::direction::higher_is_better;
            inds.push_back(t);
        }
        auto built = dxframe::build_tree(inds, nodes);
        if (!built.ok()) std::abort();
        problem q{std::move(*built.tree), dxframe::value_matrix(n, ni), {}, nullptr, nullptr, nullptr};
        dxframe::xoshiro256ss g(20250101);
        for (std::size_t c = 0; c < ni; ++c) {
            const double scale = 1.0 + static_cast<double>(c % 7) * 10.0;
            for (std::size_t u = 0; u < n; ++u) {
                const double v = 1.0 + dxframe::uniform01(g.next()) * scale;
                q.data.set(u, c, dxframe::uniform01(g.next()) < 0.02 ? dxframe::value_matrix::missing_value() : v);
            }
        }
        for (std::size_t u = 0; u < n; ++u)
            q.units.push_back("province" + std::to_string(u + 1));
        return q;
    }();
    if (!p.model)
        p.model = std::make_unique<dxframe::uncertainty_model>(p.tree, p.data, p.units, dxframe::index_spec{},
                                                               three_inputs());
    return p;
}

void run_analysis(benchmark::State& state, problem& p, bool reference,
                  const dxframe::uncertainty_model* model = nullptr) {
    const dxframe::uncertainty_model& m = model ? *model : *p.model;
    dxframe::uncertainty_options opt;
    opt.runs = replications;
    opt.seed = 42;
    opt.threads = static_cast<unsigned>(state.range(0));
    opt.reference_engine = reference;
    std::size_t failed = 0;
    const std::clock_t cpu0 = std::clock();  // process CPU time: every thread's
    for (auto _ : state) {
        const auto r = dxframe::run_uncertainty(m, opt);
        failed = r.failed;
        benchmark::DoNotOptimize(r.ranks.data());
    }
    const double cpu_seconds = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    const double reps = static_cast<double>(state.iterations()) * static_cast<double>(replications);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(replications));
    state.counters["per_rep"] = benchmark::Counter(reps, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    // CPU time of all threads per replication: equal for 1 and 2 threads when the threads do not
    // slow each other down, whatever else the machine is running.
    state.counters["cpu_per_rep"] = cpu_seconds / reps;
    state.SetLabel(std::to_string(m.inputs().size()) + " inputs, " + std::to_string(failed) + " of " +
                   std::to_string(replications) + " failed; items = replications");
}

void BM_UncertaintyASEM(benchmark::State& state) {
    run_analysis(state, asem(), false);
}
BENCHMARK(BM_UncertaintyASEM)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_UncertaintyASEMImpute(benchmark::State& state) {
    problem& p = asem();
    run_analysis(state, p, false, p.imputed.get());
}
BENCHMARK(BM_UncertaintyASEMImpute)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_UncertaintyASEMImputeTreat(benchmark::State& state) {
    problem& p = asem();
    run_analysis(state, p, false, p.treated.get());
}
BENCHMARK(BM_UncertaintyASEMImputeTreat)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

// Building the model once: imputation, treatment, normalisation of every combination, the nominal
// index. range(0) = the number of uncertain inputs (3, 4 or 5).
void BM_ModelBuildASEM(benchmark::State& state) {
    problem& p = asem();
    const dxframe::uncertainty_plan plan = state.range(0) == 3   ? three_inputs()
                                           : state.range(0) == 4 ? pipeline_inputs(false)
                                                                 : pipeline_inputs(true);
    for (auto _ : state) {
        const dxframe::uncertainty_model m(p.tree, p.data, p.units, dxframe::index_spec{}, plan);
        benchmark::DoNotOptimize(m.nominal().ranks.data());
    }
}
BENCHMARK(BM_ModelBuildASEM)->Arg(3)->Arg(4)->Arg(5)->Unit(benchmark::kMicrosecond);

void BM_UncertaintyProvinces(benchmark::State& state) {
    run_analysis(state, provinces(), false);
}
BENCHMARK(BM_UncertaintyProvinces)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_UncertaintyASEMReference(benchmark::State& state) {
    run_analysis(state, asem(), true);
}
BENCHMARK(BM_UncertaintyASEMReference)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);

// A sensitivity analysis on ASEM: N = 512, so 512·(3 + 2) = 2560 replications plus 1000
// bootstrap resamples.
void BM_SensitivityASEM(benchmark::State& state) {
    problem& p = asem();
    dxframe::sensitivity_options opt;
    opt.base_runs = 512;
    opt.seed = 42;
    opt.threads = static_cast<unsigned>(state.range(0));
    const std::clock_t cpu0 = std::clock();
    for (auto _ : state) {
        const auto r = dxframe::run_sensitivity(*p.model, opt);
        benchmark::DoNotOptimize(r.sobol.indices.data());
    }
    const double cpu_seconds = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    const double runs = static_cast<double>(state.iterations()) * 512.0 * 5.0;
    state.counters["per_rep"] = benchmark::Counter(runs, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["cpu_per_rep"] = cpu_seconds / runs;
}
BENCHMARK(BM_SensitivityASEM)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

// Prints the usual table and keeps the fastest time per iteration of each benchmark over its
// repetitions (on a shared machine the minimum is the least disturbed estimate); at the end,
// per-replication times and the 1 → 2 thread speedups of the same run.
class summary_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& run : runs) {
            if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
            const double mult = benchmark::GetTimeUnitMultiplier(run.time_unit);
            const double real = run.GetAdjustedRealTime() / mult;
            const double cpu = run.GetAdjustedCPUTime() / mult;
            auto& b = best_[run.run_name.function_name + "/" + run.run_name.args];
            if (b.real == 0 || real < b.real) b.real = real;
            if (b.cpu == 0 || cpu < b.cpu) b.cpu = cpu;
            const auto it = run.counters.find("cpu_per_rep");
            if (it != run.counters.end() && (b.process_cpu == 0 || it->second.value < b.process_cpu)) {
                b.process_cpu = it->second.value;
            }
        }
        ConsoleReporter::ReportRuns(runs);
    }

    void print_summary() const {
        std::printf("\nfastest time per replication (%zu replications per iteration; wall, and CPU of all threads):\n",
                    replications);
        for (const auto& [name, b] : best_) {
            if (name.rfind("BM_ModelBuild", 0) == 0) {
                std::printf("  %-34s %8.1f us per model\n", name.c_str(), b.real * 1e6);
                continue;
            }
            const double reps = name.rfind("BM_Sensitivity", 0) == 0 ? 2560.0 : static_cast<double>(replications);
            std::printf("  %-34s wall %8.2f us   cpu %8.2f us\n", name.c_str(), b.real / reps * 1e6,
                        b.process_cpu * 1e6);
        }
        for (const char* bench : {"BM_UncertaintyASEMImpute", "BM_UncertaintyASEMImputeTreat"}) {
            for (const char* threads : {"/1", "/2"}) {
                const auto base = best_.find(std::string("BM_UncertaintyASEM") + threads);
                const auto more = best_.find(std::string(bench) + threads);
                if (base == best_.end() || more == best_.end()) continue;
                std::printf("  %-34s per replication vs ASEM's 3 inputs (%s thread%s): wall %.2fx, CPU %.2fx\n", bench,
                            threads + 1, threads[1] == '1' ? "" : "s", more->second.real / base->second.real,
                            more->second.process_cpu / base->second.process_cpu);
            }
        }
        for (const char* bench : {"BM_UncertaintyASEM", "BM_UncertaintyASEMImpute", "BM_UncertaintyASEMImputeTreat",
                                  "BM_UncertaintyProvinces", "BM_SensitivityASEM"}) {
            const auto one = best_.find(std::string(bench) + "/1");
            const auto two = best_.find(std::string(bench) + "/2");
            if (one == best_.end() || two == best_.end()) continue;
            std::printf("  %-34s speedup 1 -> 2 threads: %.2fx (wall); CPU per replication 2 vs 1 threads: %.2f\n",
                        bench, one->second.real / two->second.real, two->second.process_cpu / one->second.process_cpu);
        }
        const auto fast = best_.find("BM_UncertaintyASEM/1");
        const auto ref = best_.find("BM_UncertaintyASEMReference/1");
        if (fast != best_.end() && ref != best_.end()) {
            std::printf("  shared-work path vs index_engine per replication (ASEM, 1 thread): %.2fx faster\n",
                        ref->second.real / fast->second.real);
        }
    }

private:
    struct best {
        double real = 0;
        double cpu = 0;
        double process_cpu = 0;  // seconds per replication, all threads
    };
    std::map<std::string, best> best_;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    summary_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.print_summary();
    benchmark::Shutdown();
    return 0;
}
