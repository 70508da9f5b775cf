// SPDX-License-Identifier: MIT
// Derived indicators at commune scale (issue 14, items 3 and 4): the commune-shaped dataset of
// bench/commune_gen.cpp built in memory (the Viet Nam entities, 3,321 communes under the 34
// provinces, 100 commune indicators with a target each, 12 monthly observations of 2025 of every
// (commune, indicator): 3,985,200 observations), plus one population figure per commune. Side by
// side in one run:
//   AssessAll/bound        assess_all as `dxframe progress` runs it (the yardstick)
//   AssessAll/all_observed assess_all as `dxframe progress --all-entities` runs it
//   DeriveCount            derive_series of "communes with cm_dx_000 ≥ 50" (a count, 12 points)
//   DeriveWeighted         derive_series of the population-weighted national cm_dx_001
//   DeriveBoth             both derivations, as series_index evaluates them
// bench/README.md gives the ratios DeriveBoth / AssessAll. Run in Release:
//   derived_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/derived.hpp>

#include "commune_shape.hpp"

namespace {

using commune_shape::commune_id;
using commune_shape::communes;
using commune_shape::indicator_id;
using commune_shape::indicators;
using commune_shape::months;
using commune_shape::value_of;

struct fixture {
    dxframe::dataset ds;
    dxframe::indicator count;
    dxframe::indicator weighted;
};

const fixture& commune_dataset() {
    static const fixture f = [] {
        fixture out;
        dxframe::dataset& ds = out.ds;
        ds = commune_shape::framework_and_entities();
        dxframe::indicator population;
        population.id = "cm_population";
        population.name = {"population", "population"};
        population.unit = dxframe::unit::count;
        ds.framework.indicators.push_back(population);
        std::vector<dxframe::date> dates;
        for (const char* m : commune_shape::month_ends)
            dates.push_back(*dxframe::date::parse(std::string("2025-") + m));
        ds.observations.reserve(std::size_t{communes} * indicators * months + communes);
        for (int c = 0; c < communes; ++c) {
            dxframe::observation o;
            o.entity = commune_id(c);
            o.indicator = population.id;
            o.date = *dxframe::date::parse("2024-12-31");
            o.value = 1000.0 + static_cast<double>((c * 7919) % 20000);
            ds.observations.push_back(o);
        }
        for (std::uint64_t k = 0; k < std::uint64_t{communes} * indicators * months; ++k) {
            const std::uint64_t series = k / months;
            const std::uint64_t m = k % months;
            const std::uint64_t c = series % communes;
            const std::uint64_t i = series / communes;
            dxframe::observation o;
            o.entity = commune_id(static_cast<int>(c));
            o.indicator = indicator_id(static_cast<int>(i));
            o.date = dates[m];
            o.value = value_of(c, i, m);
            ds.observations.push_back(o);
        }
        out.count.id = "cm_share_000_at_least_50";
        out.count.unit = dxframe::unit::percent;
        dxframe::derivation count;
        count.kind = dxframe::derivation_kind::count;
        count.level = dxframe::entity_level::commune;
        count.indicator = indicator_id(0);
        count.condition = dxframe::count_condition{dxframe::comparison::at_least, 50};
        out.count.derived = count;
        out.weighted.id = "cm_001_national";
        out.weighted.unit = dxframe::unit::percent;
        dxframe::derivation weighted;
        weighted.kind = dxframe::derivation_kind::weighted_mean;
        weighted.level = dxframe::entity_level::commune;
        weighted.indicator = indicator_id(1);
        weighted.weight = population.id;
        out.weighted.derived = weighted;
        return out;
    }();
    return f;
}

const dxframe::date as_of = *dxframe::date::parse("2025-12-31");

void BM_AssessAll(benchmark::State& state) {
    const fixture& f = commune_dataset();
    const auto scope = state.range(0) == 0 ? dxframe::entity_scope::bound : dxframe::entity_scope::all_observed;
    for (auto _ : state)
        benchmark::DoNotOptimize(dxframe::assess_all(f.ds, as_of, {}, scope));
    state.counters["observations"] = static_cast<double>(f.ds.observations.size());
}
BENCHMARK(BM_AssessAll)->Arg(0)->Arg(1)->ArgNames({"all_observed"})->Unit(benchmark::kMillisecond);

void BM_DeriveCount(benchmark::State& state) {
    const fixture& f = commune_dataset();
    const dxframe::entity_lifetimes lifetimes(f.ds.entities);
    for (auto _ : state)
        benchmark::DoNotOptimize(dxframe::derive_series(f.ds, f.count, lifetimes));
}
BENCHMARK(BM_DeriveCount)->Unit(benchmark::kMillisecond);

void BM_DeriveWeighted(benchmark::State& state) {
    const fixture& f = commune_dataset();
    const dxframe::entity_lifetimes lifetimes(f.ds.entities);
    for (auto _ : state)
        benchmark::DoNotOptimize(dxframe::derive_series(f.ds, f.weighted, lifetimes));
}
BENCHMARK(BM_DeriveWeighted)->Unit(benchmark::kMillisecond);

void BM_DeriveBoth(benchmark::State& state) {
    const fixture& f = commune_dataset();
    for (auto _ : state) {
        const dxframe::entity_lifetimes lifetimes(f.ds.entities);
        benchmark::DoNotOptimize(dxframe::derive_series(f.ds, f.count, lifetimes));
        benchmark::DoNotOptimize(dxframe::derive_series(f.ds, f.weighted, lifetimes));
    }
}
BENCHMARK(BM_DeriveBoth)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
