// SPDX-License-Identifier: MIT
// Monte Carlo uncertainty analysis and sensitivity analysis of index rankings: rank statistics
// on a small case worked by hand, failure accounting, bit-identical results for any thread count,
// the shared-work fast path against index_engine, weight noise, misuse, progress and
// cancellation.
#include <dxframe/index.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/uncertainty.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "catch_compat.hpp"

namespace {

struct small_index {
    dxframe::index_tree tree;
    dxframe::value_matrix data;
    std::vector<std::string> units;
};

// Units × two indicators (weight 1 each, higher is better) under one root.
small_index two_indicators(const std::vector<std::string>& units,
                           const std::vector<std::pair<double, double>>& values) {
    std::vector<dxframe::tree_indicator> inds(2);
    inds[0].id = "i1";
    inds[0].parent = "index";
    inds[1].id = "i2";
    inds[1].parent = "index";
    std::vector<dxframe::tree_node> nodes(1);
    nodes[0].id = "index";
    auto built = dxframe::build_tree(inds, nodes);
    REQUIRE(built.ok());
    small_index s{std::move(*built.tree), dxframe::value_matrix(units.size(), 2), units};
    for (std::size_t u = 0; u < units.size(); ++u) {
        s.data.set(u, 0, values[u].first);
        s.data.set(u, 1, values[u].second);
    }
    return s;
}

dxframe::normalisation method(dxframe::normaliser m, double a = 0.0, double b = 0.0) {
    dxframe::normalisation n;
    n.method = m;
    if (m == dxframe::normaliser::minmax) {
        n.lower = a;
        n.upper = b;
    } else if (m == dxframe::normaliser::zscore) {
        n.mean = a;
        n.sd = b;
    }
    return n;
}

dxframe::aggregation_method agg(dxframe::aggregation a, double p = 1.0) {
    return dxframe::aggregation_method{a, p};
}

// The alternative replication k of an analysis with a single discrete input picks: its one
// coordinate is the first uniform of stream (seed, uncertainty, k), cut into equal bins.
std::size_t choice_of(std::uint64_t seed, std::size_t k, std::size_t alternatives) {
    auto g = dxframe::stream_generator(seed, dxframe::random_stream::uncertainty, k);
    return dxframe::discrete_index(dxframe::uniform01(g.next()), alternatives);
}

// R's quantile(x, p) type 7 and median, written out again here on the expanded list.
double r_quantile(std::vector<double> x, double p) {
    std::sort(x.begin(), x.end());
    const double h = 1 + static_cast<double>(x.size() - 1) * p;
    const std::size_t lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = static_cast<std::size_t>(std::ceil(h));
    if (x[hi - 1] == x[lo - 1]) return x[lo - 1];
    return (1 - (h - static_cast<double>(lo))) * x[lo - 1] + (h - static_cast<double>(lo)) * x[hi - 1];
}
double r_median(std::vector<double> x) {
    std::sort(x.begin(), x.end());
    const std::size_t n = x.size();
    return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}
double r_mean(const std::vector<double>& x) {
    double s = 0;
    for (double v : x)
        s += v;
    return s / static_cast<double>(x.size());
}

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    REQUIRE(f.good());
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

dxframe::coinr_data load_coinr(const std::string& data, const std::string& meta) {
    auto imp = dxframe::import_coinr(slurp(data), slurp(meta));
    REQUIRE(imp.ok());
    return std::move(*imp.data);
}

dxframe::coinr_data asem() {
    const std::string dir = std::string(DXFRAME_TEST_DATA_DIR) + "/asem/";
    return load_coinr(dir + "iData.csv", dir + "iMeta.csv");
}

// The three-input set-up of COINr's sensitivity vignette, on ASEM: weight noise ±25% at levels
// 2 and 3, min-max [1, 100] or z-score (10, 2), arithmetic or geometric mean.
dxframe::uncertainty_plan vignette_plan() {
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{2, 0.25}, {3, 0.25}};
    plan.normalise_alternatives = {method(dxframe::normaliser::minmax, 1, 100),
                                   method(dxframe::normaliser::zscore, 10, 2)};
    plan.aggregate_alternatives = {agg(dxframe::aggregation::arithmetic), agg(dxframe::aggregation::geometric)};
    return plan;
}

bool same_double(double a, double b) {
    if (std::isnan(a) && std::isnan(b)) return true;
    return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

TEST_CASE("rank statistics of a small case worked by hand", "[uncertainty][analysis]") {
    // Values (normaliser none, weights 1):       arithmetic   geometric        harmonic
    //   U1 (1, 9)                                 5            3                2/(1 + 1/9) = 1.8
    //   U2 (4, 4)                                 4            4                4
    //   U3 (2, 7)                                 4.5          sqrt(14) = 3.74  2/(1/2 + 1/7) = 3.11
    // Ranks:                                      U1 1, U3 2,  U2 1, U3 2,      U2 1, U3 2,
    //                                             U2 3         U1 3             U1 3
    // So U3 is always 2nd; U1 is 1st with the arithmetic mean and 3rd otherwise; U2 the reverse.
    // Nominal (first alternative: arithmetic): U1 1, U2 3, U3 2.
    const small_index s = two_indicators({"U1", "U2", "U3"}, {{1, 9}, {4, 4}, {2, 7}});
    dxframe::index_spec spec;
    spec.normalise.method = dxframe::normaliser::none;
    dxframe::uncertainty_plan plan;
    plan.aggregate_alternatives = {agg(dxframe::aggregation::arithmetic), agg(dxframe::aggregation::geometric),
                                   agg(dxframe::aggregation::harmonic)};
    dxframe::uncertainty_options opt;
    opt.runs = 30;
    opt.seed = 5;
    opt.scores = true;
    const auto r = dxframe::run_uncertainty(s.tree, s.data, s.units, spec, plan, opt);
    REQUIRE(r.ok());
    REQUIRE(r.inputs.size() == 1);
    CHECK(r.inputs[0].name == "aggregator");
    CHECK(r.inputs[0].alternatives == 3);
    CHECK(r.runs == 30);
    CHECK(r.succeeded == 30);
    CHECK(r.failed == 0);
    CHECK(r.failures.empty());

    // Which replications used which mean, from the documented random streams.
    std::vector<double> u1, u2, u3, score3;
    std::size_t arithmetic = 0;
    for (std::size_t k = 0; k < 30; ++k) {
        const std::size_t c = choice_of(5, k, 3);
        arithmetic += c == 0 ? 1 : 0;
        u1.push_back(c == 0 ? 1 : 3);
        u2.push_back(c == 0 ? 3 : 1);
        u3.push_back(2);
        score3.push_back(c == 0 ? 4.5 : c == 1 ? std::sqrt(14.0) : 28.0 / 9.0);
    }
    INFO("replications with the arithmetic mean: " << arithmetic);
    REQUIRE(arithmetic > 0);  // both outcomes occur with this seed, so the statistics are not trivial
    REQUIRE(arithmetic < 30);

    const auto& k1 = r.ranks[0];
    const auto& k2 = r.ranks[1];
    const auto& k3 = r.ranks[2];
    CHECK(k1.unit == "U1");
    CHECK(*k1.nominal == 1);
    CHECK(*k2.nominal == 3);
    CHECK(*k3.nominal == 2);
    CHECK(*k1.mean == Catch::Approx(r_mean(u1)).epsilon(1e-15));
    const double a_share = static_cast<double>(arithmetic);
    CHECK(*k1.mean == Catch::Approx((a_share * 1.0 + (30 - a_share) * 3.0) / 30).epsilon(1e-15));
    CHECK(*k1.median == r_median(u1));
    CHECK(*k1.q5 == r_quantile(u1, 0.05));
    CHECK(*k1.q95 == r_quantile(u1, 0.95));
    CHECK(*k2.mean == Catch::Approx(r_mean(u2)).epsilon(1e-15));
    CHECK(*k2.median == r_median(u2));
    CHECK(*k2.q5 == r_quantile(u2, 0.05));
    CHECK(*k2.q95 == r_quantile(u2, 0.95));
    CHECK(*k3.mean == 2.0);
    CHECK(*k3.median == 2.0);
    CHECK(*k3.q5 == 2.0);
    CHECK(*k3.q95 == 2.0);
    CHECK(k1.ranked == 30);

    REQUIRE(r.scores.size() == 3);
    CHECK(*r.scores[2].nominal == 4.5);
    CHECK(*r.scores[2].mean == Catch::Approx(r_mean(score3)).epsilon(1e-12));
    CHECK(*r.scores[2].median == Catch::Approx(r_median(score3)).epsilon(1e-12));
    CHECK(*r.scores[2].q95 == Catch::Approx(r_quantile(score3, 0.95)).epsilon(1e-12));
    CHECK(*r.scores[1].q5 == Catch::Approx(4.0).epsilon(1e-12));  // U2 scores 4 whatever the mean
}

TEST_CASE("failed replications are counted, grouped and left out, never dropped silently", "[uncertainty][analysis]") {
    // U1 has a 0: the geometric mean cannot take it, so every geometric replication fails.
    // Arithmetic: U1 2.5, U2 3.5, U3 2 -> ranks U2 1, U1 2, U3 3.
    const small_index s = two_indicators({"U1", "U2", "U3"}, {{0, 5}, {3, 4}, {2, 2}});
    dxframe::index_spec spec;
    spec.normalise.method = dxframe::normaliser::none;
    dxframe::uncertainty_plan plan;
    plan.aggregate_alternatives = {agg(dxframe::aggregation::arithmetic), agg(dxframe::aggregation::geometric)};
    dxframe::uncertainty_options opt;
    opt.runs = 40;
    opt.seed = 3;
    const auto r = dxframe::run_uncertainty(s.tree, s.data, s.units, spec, plan, opt);
    REQUIRE(r.ok());

    std::size_t geometric = 0;
    std::size_t first = 40;
    for (std::size_t k = 0; k < 40; ++k) {
        if (choice_of(3, k, 2) == 1) {
            ++geometric;
            if (first == 40) first = k;
        }
    }
    REQUIRE(geometric > 0);
    REQUIRE(geometric < 40);
    CHECK(r.runs == 40);
    CHECK(r.failed == geometric);
    CHECK(r.succeeded == 40 - geometric);
    REQUIRE(r.failures.size() == 1);
    const auto& g = r.failures[0];
    CHECK(g.count == geometric);
    CHECK(g.first_replication == first);
    CHECK(g.normaliser == 0);
    CHECK(g.aggregator == 1);
    CHECK(g.first_error.severity == dxframe::severity::error);
    CHECK(g.first_error.code == dxframe::diagnostic_code::invalid_input_for_method);
    CHECK(g.first_error.message.find("U1") != std::string::npos);
    CHECK(g.first_error.message.find("geometric") != std::string::npos);
    // A warning says so.
    bool warned = false;
    for (const auto& d : r.diagnostics) {
        warned =
            warned || (d.severity == dxframe::severity::warning &&
                       d.message.find(std::to_string(geometric) + " of 40 replications failed") != std::string::npos);
    }
    CHECK(warned);
    // Statistics over the arithmetic replications only.
    CHECK(r.ranks[0].ranked == 40 - geometric);
    CHECK(*r.ranks[0].mean == 2.0);
    CHECK(*r.ranks[1].mean == 1.0);
    CHECK(*r.ranks[2].q95 == 3.0);

    // The same through index_engine for every replication: identical.
    dxframe::uncertainty_options ref = opt;
    ref.reference_engine = true;
    CHECK(dxframe::to_json_text(dxframe::run_uncertainty(s.tree, s.data, s.units, spec, plan, ref)) ==
          dxframe::to_json_text(r));

    // If the nominal index itself fails there is nothing to compare with: an error, no statistics.
    dxframe::uncertainty_plan bad = plan;
    bad.aggregate_alternatives = {agg(dxframe::aggregation::geometric), agg(dxframe::aggregation::arithmetic)};
    const auto nr = dxframe::run_uncertainty(s.tree, s.data, s.units, spec, bad, opt);
    CHECK_FALSE(nr.ok());
    CHECK(nr.ranks.empty());
    CHECK(nr.runs == 0);
    CHECK(dxframe::has_errors(nr.diagnostics));
}

TEST_CASE("weight noise follows COINr's get_noisy_weights", "[uncertainty][analysis]") {
    // i1 (w 2) and i2 (w 1) under P (w 1) under the index; noise f = 0.5 on level 1.
    std::vector<dxframe::tree_indicator> inds(2);
    inds[0].id = "i1";
    inds[0].parent = "P";
    inds[0].weight = 2;
    inds[1].id = "i2";
    inds[1].parent = "P";
    std::vector<dxframe::tree_node> nodes(2);
    nodes[0].id = "P";
    nodes[0].parent = "index";
    nodes[1].id = "index";
    auto built = dxframe::build_tree(inds, nodes);
    REQUIRE(built.ok());
    dxframe::value_matrix data(2, 2);
    data.set(0, 0, 1.0);
    data.set(0, 1, 2.0);
    data.set(1, 0, 3.0);
    data.set(1, 1, 1.0);
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{1, 0.5}};
    const dxframe::uncertainty_model model(*built.tree, data, {"a", "b"}, {}, plan);
    REQUIRE(model.inputs().size() == 1);
    CHECK(model.inputs()[0].name == "weights level 1");
    CHECK(model.inputs()[0].weights == 2);
    CHECK(model.dimension() == 2);
    std::vector<double> w;
    const double x1[2] = {0.0, 0.5};  // i1: 2 + ((0·2 − 1)·0.5)·2 = 1; i2: 1 + 0 = 1
    model.weights(x1, w);
    REQUIRE(w.size() == 4);  // i1, i2, P, index
    CHECK(w[0] == 1.0);
    CHECK(w[1] == 1.0);
    CHECK(w[2] == 1.0);                 // P is level 2: untouched
    const double x2[2] = {0.75, 0.25};  // i1: 2 + (0.5·0.5)·2 = 2.5; i2: 1 + (−0.5·0.5)·1 = 0.75
    model.weights(x2, w);
    CHECK(w[0] == 2.5);
    CHECK(w[1] == 0.75);
    // The replication's plan carries them.
    const dxframe::index_plan p = model.replication_plan(x2);
    CHECK(p.weights[0] == 2.5);
    CHECK(p.weights[1] == 0.75);

    // Grouped levels are one input spanning all their weights.
    dxframe::uncertainty_plan grouped;
    grouped.weight_noise = {{1, 0.2}, {2, 0.2}};
    grouped.group_weight_levels = true;
    const dxframe::uncertainty_model gm(*built.tree, data, {"a", "b"}, {}, grouped);
    REQUIRE(gm.inputs().size() == 1);
    CHECK(gm.inputs()[0].name == "weights");
    CHECK(gm.inputs()[0].levels == std::vector<int>{1, 2});
    CHECK(gm.inputs()[0].dimension == 3);
    dxframe::uncertainty_plan separate = grouped;
    separate.group_weight_levels = false;
    const dxframe::uncertainty_model sm(*built.tree, data, {"a", "b"}, {}, separate);
    CHECK(sm.inputs().size() == 2);
    CHECK(sm.input_dimensions() == std::vector<std::size_t>{2, 1});
    CHECK(sm.input_offset(1) == 2);
}

TEST_CASE("misuse throws dxframe::error", "[uncertainty][analysis]") {
    const small_index s = two_indicators({"U1", "U2"}, {{1, 2}, {3, 4}});
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{5, 0.25}};  // the tree has levels 1 and 2
    CHECK_THROWS_AS(dxframe::uncertainty_model(s.tree, s.data, s.units, {}, plan), dxframe::error);
    plan.weight_noise = {{1, 1.5}};
    CHECK_THROWS_AS(dxframe::uncertainty_model(s.tree, s.data, s.units, {}, plan), dxframe::error);
    plan.weight_noise = {{1, 0.1}, {1, 0.2}};
    CHECK_THROWS_AS(dxframe::uncertainty_model(s.tree, s.data, s.units, {}, plan), dxframe::error);
    plan.weight_noise = {{0, 0.1}};
    CHECK_THROWS_AS(dxframe::uncertainty_model(s.tree, s.data, s.units, {}, plan), dxframe::error);
    plan.weight_noise = {{1, 0.1}};
    CHECK_THROWS_AS(dxframe::uncertainty_model(s.tree, s.data, {"only one"}, {}, plan), dxframe::error);
    const dxframe::uncertainty_model ok(s.tree, s.data, s.units, {}, plan);
    dxframe::uncertainty_options none;
    none.runs = 0;
    CHECK_THROWS_AS(dxframe::run_uncertainty(ok, none), dxframe::error);
    dxframe::sensitivity_options so;
    so.target = dxframe::sensitivity_target::unit_rank;
    so.unit = "nobody";
    CHECK_THROWS_AS(dxframe::run_sensitivity(ok, so), dxframe::error);
    so.target = dxframe::sensitivity_target::mean_rank_shift;
    so.base_runs = 1;
    CHECK_THROWS_AS(dxframe::run_sensitivity(ok, so), dxframe::error);
    const dxframe::uncertainty_model nothing(s.tree, s.data, s.units, {}, dxframe::uncertainty_plan{});
    CHECK(nothing.inputs().empty());
    CHECK_THROWS_AS(dxframe::run_uncertainty(nothing), dxframe::error);
    CHECK_THROWS_AS(dxframe::run_sensitivity(nothing), dxframe::error);
}

TEST_CASE("the nominal index is compute_index's", "[uncertainty][analysis]") {
    const dxframe::coinr_data a = asem();
    const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, vignette_plan());
    REQUIRE(model.nominal_ok());
    dxframe::index_spec spec;
    spec.normalise = method(dxframe::normaliser::minmax, 1, 100);
    const dxframe::index_result direct = dxframe::compute_index(a.tree, a.values, a.units, spec);
    CHECK(model.nominal().ranks == direct.ranks);
    CHECK(model.nominal().aggregates == direct.aggregates);
    CHECK(model.nominal().units == a.units);
}

TEST_CASE("the shared-work fast path gives index_engine's doubles", "[uncertainty][analysis]") {
    // Every replication computed twice — through the fast path and through index_engine — must
    // agree bit for bit: index values (missing included), ranks, and failures with their message.
    auto compare = [](const dxframe::uncertainty_model& model, std::uint64_t seed, std::size_t count) {
        dxframe::detail::replicator fast(model);
        dxframe::detail::replicator ref(model);
        const std::size_t n = model.units().size();
        std::vector<double> x(model.dimension());
        std::size_t ok_runs = 0;
        std::size_t failed_runs = 0;
        for (std::size_t k = 0; k < count; ++k) {
            auto g = dxframe::stream_generator(seed, dxframe::random_stream::uncertainty, k);
            for (double& v : x)
                v = dxframe::uniform01(g.next());
            const bool a = fast.run(x.data(), false);
            const bool b = ref.run(x.data(), true);
            REQUIRE(a == b);
            if (!a) {
                ++failed_runs;
                CHECK(fast.first_error().message == ref.first_error().message);
                continue;
            }
            ++ok_runs;
            for (std::size_t u = 0; u < n; ++u) {
                INFO("replication " << k << ", unit " << model.units()[u]);
                REQUIRE(same_double(fast.scores()[u], ref.scores()[u]));
                REQUIRE(fast.ranks()[u] == ref.ranks()[u]);
            }
        }
        return std::make_pair(ok_runs, failed_runs);
    };

    SECTION("ASEM, the vignette's inputs") {
        const dxframe::coinr_data a = asem();
        const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, vignette_plan());
        const auto [ok_runs, failed_runs] = compare(model, 17, 300);
        CHECK(ok_runs > 0);
        (void)failed_runs;
    }
    SECTION("a table with gaps, an availability threshold and every mean") {
        const std::string dir = std::string(DXFRAME_TEST_DATA_DIR) + "/index/";
        const dxframe::coinr_data t = load_coinr(dir + "small_iData.csv", dir + "small_iMeta.csv");
        dxframe::index_spec spec;
        spec.min_share = 0.5;
        dxframe::uncertainty_plan plan;
        plan.weight_noise = {{1, 0.5}, {2, 0.3}, {3, 1.0}};
        plan.normalise_alternatives = {method(dxframe::normaliser::minmax, 1, 100),
                                       method(dxframe::normaliser::zscore, 10, 2),
                                       method(dxframe::normaliser::percentile_rank),  // has zeros: fails geometric
                                       method(dxframe::normaliser::rank)};
        plan.aggregate_alternatives = {agg(dxframe::aggregation::arithmetic),
                                       agg(dxframe::aggregation::geometric),
                                       agg(dxframe::aggregation::harmonic),
                                       agg(dxframe::aggregation::generalised_mean, 2.0),
                                       agg(dxframe::aggregation::generalised_mean, -1.5),
                                       agg(dxframe::aggregation::median)};
        const dxframe::uncertainty_model model(t.tree, t.values, t.units, spec, plan);
        REQUIRE(model.nominal_ok());
        const auto [ok_runs, failed_runs] = compare(model, 23, 600);
        CHECK(ok_runs > 100);
        CHECK(failed_runs > 10);  // the failure path was exercised too
    }
}

TEST_CASE("a given seed gives byte-identical results with 1, 2 and 4 threads", "[uncertainty][analysis]") {
    const dxframe::coinr_data a = asem();
    const dxframe::uncertainty_model model(a.tree, a.values, a.units, {}, vignette_plan());
    CHECK(model.inputs().size() == 4);
    CHECK(model.dimension() == 8 + 2 + 1 + 1);  // 8 pillar weights, 2 sub-index weights, 2 choices

    dxframe::uncertainty_options opt;
    opt.runs = 257;  // not a multiple of the chunk size
    opt.seed = 2024;
    opt.scores = true;
    std::string first;
    for (unsigned threads : {1u, 2u, 4u}) {
        opt.threads = threads;
        const std::string text = dxframe::to_json_text(dxframe::run_uncertainty(model, opt));
        if (first.empty()) {
            first = text;
        } else {
            CHECK(text == first);
        }
    }
    // Every replication through index_engine instead: the same bytes.
    opt.reference_engine = true;
    opt.threads = 2;
    CHECK(dxframe::to_json_text(dxframe::run_uncertainty(model, opt)) == first);
    // Another seed: different statistics.
    opt.reference_engine = false;
    opt.seed = 2025;
    CHECK(dxframe::to_json_text(dxframe::run_uncertainty(model, opt)) != first);

    dxframe::sensitivity_options so;
    so.base_runs = 40;
    so.seed = 8;
    so.bootstrap = 200;
    std::string sfirst;
    for (unsigned threads : {1u, 2u, 4u}) {
        so.threads = threads;
        const std::string text = dxframe::to_json_text(dxframe::run_sensitivity(model, so));
        if (sfirst.empty()) {
            sfirst = text;
        } else {
            CHECK(text == sfirst);
        }
    }
}

TEST_CASE("sensitivity analysis of the small case", "[uncertainty][analysis]") {
    // One input (the aggregator) explains everything: S = ST = 1 for U1's rank. With d = 1,
    // A_B^(1) = B, so ST = Σ(yA − yB)²/(2N·V) ≈ 1 and S = mean(yB·(yB − yA))/V ≈ 1 up to sampling
    // error (about 0.05 at N = 400).
    const small_index s = two_indicators({"U1", "U2", "U3"}, {{1, 9}, {4, 4}, {2, 7}});
    dxframe::index_spec spec;
    spec.normalise.method = dxframe::normaliser::none;
    dxframe::uncertainty_plan plan;
    plan.aggregate_alternatives = {agg(dxframe::aggregation::arithmetic), agg(dxframe::aggregation::geometric)};
    const dxframe::uncertainty_model model(s.tree, s.data, s.units, spec, plan);
    dxframe::sensitivity_options so;
    so.base_runs = 400;
    so.seed = 3;
    so.target = dxframe::sensitivity_target::unit_rank;
    so.unit = "U1";
    const auto r = dxframe::run_sensitivity(model, so);
    REQUIRE(r.ok());
    CHECK(r.runs == 400 * 3);
    CHECK(r.failed == 0);
    CHECK(r.no_output == 0);
    CHECK(r.sobol.rows_used == 400);
    REQUIRE(r.sobol.indices.size() == 1);
    CHECK(r.sobol.indices[0].input == "aggregator");
    CHECK(*r.sobol.indices[0].first_order == Catch::Approx(1.0).margin(0.15));
    CHECK(*r.sobol.indices[0].total == Catch::Approx(1.0).margin(0.15));
    // U1's rank is 1 or 3 with equal chance: mean 2, variance 4·(1/2)(1/2)·(2N/(2N−1)) ≈ 1.
    CHECK(*r.sobol.mean == Catch::Approx(2.0).margin(0.2));
    CHECK(*r.sobol.variance == Catch::Approx(1.0).margin(0.1));
    // Rank statistics over the 2N runs of A and B.
    CHECK(r.ranks[2].ranked == 800);
    CHECK(*r.ranks[2].mean == 2.0);

    // The default target, mean |rank − nominal|: U3 never moves; U1 and U2 move by 2 when the
    // geometric mean is drawn, so y is 0 or 4/3.
    so.target = dxframe::sensitivity_target::mean_rank_shift;
    const auto m = dxframe::run_sensitivity(model, so);
    REQUIRE(m.ok());
    CHECK(*m.sobol.mean == Catch::Approx(2.0 / 3.0).margin(0.1));
    CHECK(*m.sobol.indices[0].total == Catch::Approx(1.0).margin(0.15));

    // The score of U2 is 4 whichever mean: no variance, no indices, a warning.
    so.target = dxframe::sensitivity_target::unit_score;
    so.unit = "U2";
    const auto flat = dxframe::run_sensitivity(model, so);
    CHECK(flat.ok());
    CHECK_FALSE(flat.sobol.indices[0].first_order.has_value());
    CHECK(dxframe::count(flat.diagnostics, dxframe::severity::warning) >= 1);
}

TEST_CASE("the chunked runner covers every replication once and reports progress", "[uncertainty][parallel]") {
    for (unsigned workers : {1u, 2u, 4u}) {
        std::vector<std::atomic<int>> seen(103);
        for (auto& s : seen)
            s = 0;
        auto body = [&](unsigned, std::size_t b, std::size_t e) {
            for (std::size_t k = b; k < e; ++k)
                ++seen[k];
        };
        std::size_t last_done = 0;
        std::size_t calls = 0;
        const auto caller = std::this_thread::get_id();
        bool same_thread = true;
        dxframe::progress_callback progress = [&](std::size_t done, std::size_t total) {
            same_thread = same_thread && std::this_thread::get_id() == caller;
            CHECK(total == 103);
            CHECK(done >= last_done);
            last_done = done;
            ++calls;
            return true;
        };
        CHECK(dxframe::detail::run_chunked(103, 7, workers, body, progress));
        for (auto& s : seen)
            CHECK(s == 1);
        CHECK(last_done == 103);  // the final call
        CHECK(calls >= 2);        // and the first, before any replication
        CHECK(same_thread);
    }
}

TEST_CASE("a progress callback can cancel: a worker's exception reaches the caller", "[uncertainty][parallel]") {
    for (unsigned workers : {1u, 2u}) {
        std::atomic<std::size_t> ran{0};
        auto slow = [&](unsigned, std::size_t b, std::size_t e) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            ran += e - b;
        };
        dxframe::progress_callback stop = [](std::size_t, std::size_t) { return false; };
        CHECK_FALSE(dxframe::detail::run_chunked(1000, 1, workers, slow, stop, std::chrono::milliseconds(10)));
        CHECK(ran < 1000);

        auto failing = [](unsigned, std::size_t b, std::size_t) {
            if (b == 50) throw std::runtime_error("replication 50 broke");
        };
        CHECK_THROWS_WITH(dxframe::detail::run_chunked(100, 10, workers, failing, {}), "replication 50 broke");
    }
    // Cancelling later, after some replications ran.
    std::atomic<std::size_t> ran{0};
    auto slow = [&](unsigned, std::size_t b, std::size_t e) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ran += e - b;
    };
    dxframe::progress_callback later = [](std::size_t done, std::size_t) { return done == 0; };
    CHECK_FALSE(dxframe::detail::run_chunked(100000, 1, 2, slow, later, std::chrono::milliseconds(20)));
    CHECK(ran > 0);
    CHECK(ran < 100000);
    // Through run_uncertainty: cancelled, no statistics.
    const small_index s = two_indicators({"U1", "U2"}, {{1, 2}, {3, 4}});
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{1, 0.1}};
    dxframe::uncertainty_options opt;
    opt.runs = 100000;
    opt.threads = 2;
    opt.progress = [](std::size_t, std::size_t) { return false; };
    const auto r = dxframe::run_uncertainty(s.tree, s.data, s.units, {}, plan, opt);
    CHECK(r.cancelled);
    CHECK_FALSE(r.ok());
    CHECK(r.ranks.empty());
}
