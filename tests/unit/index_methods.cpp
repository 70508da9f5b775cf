// SPDX-License-Identifier: MIT
// Normalisers and aggregators on small hand-computed examples: every method, both directions,
// ties, missing values, and every refusal (a diagnostic, never a NaN).
#include <dxframe/index.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "catch_compat.hpp"

using dxframe::aggregation;
using dxframe::aggregation_method;
using dxframe::direction;
using dxframe::normalisation;
using dxframe::normaliser;

namespace {

constexpr std::nullopt_t NA = std::nullopt;
using values = std::vector<std::optional<double>>;

// x = {2, 4, missing, 10, 4}: min 2, max 10, four values, a tie at 4.
const values x{2.0, 4.0, NA, 10.0, 4.0};

normalisation method(normaliser m) {
    normalisation n;
    n.method = m;
    return n;
}

void check_values(const values& got, const values& expected) {
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("element " << i);
        if (!expected[i]) {
            CHECK_FALSE(got[i]);
        } else {
            REQUIRE(got[i]);
            CHECK(*got[i] == Catch::Approx(*expected[i]).epsilon(1e-12).margin(1e-12));
        }
    }
}

dxframe::normalise_result norm(const values& v, direction d, const normalisation& n,
                               const dxframe::indicator_parameters& p = {}) {
    return dxframe::normalise_values(v, d, n, p, "x");
}

}  // namespace

TEST_CASE("minmax scales onto [l, u], reversed for lower-is-better", "[index][normalise]") {
    auto r = norm(x, direction::higher_is_better, method(normaliser::minmax));
    CHECK(r.diagnostics.empty());
    check_values(r.values, {0.0, 25.0, NA, 100.0, 25.0});  // (x - 2)/8 * 100
    // Lower is better: x' = -x, so (max - x)/8 * 100.
    check_values(norm(x, direction::lower_is_better, method(normaliser::minmax)).values, {100.0, 75.0, NA, 0.0, 75.0});
    normalisation n = method(normaliser::minmax);
    n.lower = 1;
    n.upper = 10;
    check_values(norm(x, direction::higher_is_better, n).values, {1.0, 3.25, NA, 10.0, 3.25});
    check_values(norm(x, direction::higher_is_better, method(normaliser::distance_to_max)).values,
                 {0.0, 0.25, NA, 1.0, 0.25});
    check_values(norm(x, direction::lower_is_better, method(normaliser::distance_to_max)).values,
                 {1.0, 0.75, NA, 0.0, 0.75});
}

TEST_CASE("zscore uses the sample standard deviation", "[index][normalise]") {
    // mean 5; deviations -3, -1, 5, -1; sum of squares 36; sd = sqrt(36/3) = sqrt(12).
    const double s = std::sqrt(12.0);
    check_values(norm(x, direction::higher_is_better, method(normaliser::zscore)).values,
                 {-3 / s, -1 / s, NA, 5 / s, -1 / s});
    check_values(norm(x, direction::lower_is_better, method(normaliser::zscore)).values,
                 {3 / s, 1 / s, NA, -5 / s, 1 / s});
    normalisation n = method(normaliser::zscore);
    n.mean = 100;
    n.sd = 15;
    check_values(norm(x, direction::higher_is_better, n).values,
                 {100 - 45 / s, 100 - 15 / s, NA, 100 + 75 / s, 100 - 15 / s});
}

TEST_CASE("rank, percentile_rank and borda: ascending, ties share the lowest rank, missing stays missing",
          "[index][normalise]") {
    check_values(norm(x, direction::higher_is_better, method(normaliser::rank)).values, {1.0, 2.0, NA, 4.0, 2.0});
    // Lower is better: x' = {-2, -4, -10, -4} -> -10 is 1st, the two -4 share 2nd, -2 is 4th.
    check_values(norm(x, direction::lower_is_better, method(normaliser::rank)).values, {4.0, 2.0, NA, 1.0, 2.0});
    check_values(norm(x, direction::higher_is_better, method(normaliser::percentile_rank)).values,
                 {0.0, 1.0 / 3, NA, 1.0, 1.0 / 3});
    check_values(norm(x, direction::higher_is_better, method(normaliser::borda)).values, {0.0, 1.0, NA, 3.0, 1.0});
    check_values(norm(x, direction::lower_is_better, method(normaliser::borda)).values, {3.0, 1.0, NA, 0.0, 1.0});
}

TEST_CASE("goalposts: fixed bounds, capped, scaled, reversed for lower-is-better", "[index][normalise]") {
    dxframe::indicator_parameters p;
    p.goalpost_lower = 0;
    p.goalpost_upper = 8;
    check_values(norm(x, direction::higher_is_better, method(normaliser::goalposts), p).values,
                 {0.25, 0.5, NA, 1.0, 0.5});  // 10/8 capped at 1
    check_values(norm(x, direction::lower_is_better, method(normaliser::goalposts), p).values,
                 {0.75, 0.5, NA, 0.0, 0.5});  // (8 - x)/8, -0.25 capped at 0
    p.goalpost_truncate = false;
    check_values(norm(x, direction::higher_is_better, method(normaliser::goalposts), p).values,
                 {0.25, 0.5, NA, 1.25, 0.5});
    check_values(norm(x, direction::lower_is_better, method(normaliser::goalposts), p).values,
                 {0.75, 0.5, NA, -0.25, 0.5});
    p.goalpost_truncate = true;
    p.goalpost_scale = 10;
    check_values(norm(x, direction::higher_is_better, method(normaliser::goalposts), p).values,
                 {2.5, 5.0, NA, 10.0, 5.0});
    normalisation n = method(normaliser::goalposts);
    n.scale = 100;  // the global scale wins over the indicator's
    check_values(norm(x, direction::higher_is_better, n, p).values, {25.0, 50.0, NA, 100.0, 50.0});
}

TEST_CASE("distance_to_target and fraction_of_max", "[index][normalise]") {
    dxframe::indicator_parameters p;
    p.target = 8;
    // (x - min)/(T - min) = (x - 2)/6
    check_values(norm(x, direction::higher_is_better, method(normaliser::distance_to_target), p).values,
                 {0.0, 1.0 / 3, NA, 4.0 / 3, 1.0 / 3});
    p.cap_at_target = true;
    check_values(norm(x, direction::higher_is_better, method(normaliser::distance_to_target), p).values,
                 {0.0, 1.0 / 3, NA, 1.0, 1.0 / 3});
    // Lower is better, target 3: (max - x)/(max - T) = (10 - x)/7.
    p.target = 3;
    p.cap_at_target = false;
    check_values(norm(x, direction::lower_is_better, method(normaliser::distance_to_target), p).values,
                 {8.0 / 7, 6.0 / 7, NA, 0.0, 6.0 / 7});

    check_values(norm(x, direction::higher_is_better, method(normaliser::fraction_of_max)).values,
                 {0.2, 0.4, NA, 1.0, 0.4});
    // A lower-is-better indicator with negative values has a positive max(x') = 5.
    check_values(norm({-5.0, -2.0, NA}, direction::lower_is_better, method(normaliser::fraction_of_max)).values,
                 {1.0, 0.4, NA});
    check_values(norm(x, direction::higher_is_better, method(normaliser::none)).values, x);
    check_values(norm(x, direction::lower_is_better, method(normaliser::none)).values, {-2.0, -4.0, NA, -10.0, -4.0});
}

TEST_CASE("columns that cannot be normalised become missing with a diagnostic, never NaN", "[index][normalise]") {
    using dxframe::diagnostic_code;
    using dxframe::severity;
    auto expect_refusal = [](const dxframe::normalise_result& r, diagnostic_code code, severity sev,
                             const std::string& text) {
        for (const auto& v : r.values)
            CHECK_FALSE(v);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].code == code);
        CHECK(r.diagnostics[0].severity == sev);
        CHECK(r.diagnostics[0].message.find(text) != std::string::npos);
        CHECK(r.diagnostics[0].message.rfind("indicator 'x': ", 0) == 0);
    };
    expect_refusal(norm({3.0, 3.0, NA}, direction::higher_is_better, method(normaliser::minmax)),
                   diagnostic_code::insufficient_data, severity::warning, "zero range");
    expect_refusal(norm({3.0, NA}, direction::higher_is_better, method(normaliser::distance_to_max)),
                   diagnostic_code::insufficient_data, severity::warning, "only one value");
    expect_refusal(norm({NA, NA}, direction::higher_is_better, method(normaliser::minmax)),
                   diagnostic_code::insufficient_data, severity::warning, "no values");
    expect_refusal(norm({7.0, NA}, direction::higher_is_better, method(normaliser::zscore)),
                   diagnostic_code::insufficient_data, severity::warning, "only one value");
    expect_refusal(norm({7.0, 7.0}, direction::higher_is_better, method(normaliser::zscore)),
                   diagnostic_code::insufficient_data, severity::warning, "zero standard deviation");
    expect_refusal(norm({7.0}, direction::higher_is_better, method(normaliser::percentile_rank)),
                   diagnostic_code::insufficient_data, severity::warning, "at least two values");
    expect_refusal(norm(x, direction::lower_is_better, method(normaliser::fraction_of_max)),
                   diagnostic_code::invalid_input_for_method, severity::error, "positive maximum");
    expect_refusal(norm({0.0, -1.0}, direction::higher_is_better, method(normaliser::fraction_of_max)),
                   diagnostic_code::invalid_input_for_method, severity::error, "positive maximum");
    expect_refusal(norm(x, direction::higher_is_better, method(normaliser::distance_to_target)),
                   diagnostic_code::missing_required_field, severity::error, "needs a target");
    dxframe::indicator_parameters p;
    p.target = 2;  // equals the minimum: division by zero
    expect_refusal(norm(x, direction::higher_is_better, method(normaliser::distance_to_target), p),
                   diagnostic_code::invalid_input_for_method, severity::error, "equals the minimum");
    expect_refusal(norm(x, direction::higher_is_better, method(normaliser::goalposts)),
                   diagnostic_code::missing_required_field, severity::error, "goalpost");
    p.goalpost_lower = 5;
    p.goalpost_upper = 5;
    expect_refusal(norm(x, direction::higher_is_better, method(normaliser::goalposts), p),
                   diagnostic_code::invalid_input_for_method, severity::error, "goalposts are equal");

    // A target below the data: computed (negative scores) with a warning, as COINr warns.
    p.target = 0;
    const auto below = norm(x, direction::higher_is_better, method(normaliser::distance_to_target), p);
    REQUIRE(below.diagnostics.size() == 1);
    CHECK(below.diagnostics[0].severity == severity::warning);
    check_values(below.values, {0.0, -1.0, NA, -4.0, -1.0});  // (x - 2)/(0 - 2)
}

TEST_CASE("infinite inputs are reported per entity and treated as missing", "[index][normalise]") {
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> in{1.0, inf, 3.0, -inf, 5.0};
    std::vector<double> out(in.size());
    std::vector<std::string> units{"A", "B", "C", "D", "E"};
    dxframe::column_context ctx;
    ctx.indicator = "speed";
    ctx.path = "/framework/indicators/4";
    ctx.units = &units;
    dxframe::normalise_workspace ws;
    std::vector<dxframe::diagnostic> diags;
    const auto present = dxframe::normalise_column(in.data(), out.data(), in.size(), direction::higher_is_better,
                                                   normalisation{}, {}, ctx, ws, diags);
    CHECK(present == 3);
    REQUIRE(diags.size() == 2);
    CHECK(diags[0].code == dxframe::diagnostic_code::non_finite_value);
    CHECK(diags[0].severity == dxframe::severity::error);
    CHECK(diags[0].path == "/framework/indicators/4");
    CHECK(diags[0].message == "indicator 'speed': value of 'B' is +inf; treated as missing");
    CHECK(diags[1].message == "indicator 'speed': value of 'D' is -inf; treated as missing");
    CHECK(out[0] == 0.0);
    CHECK(std::isnan(out[1]));
    CHECK(out[2] == 50.0);
    CHECK(std::isnan(out[3]));
    CHECK(out[4] == 100.0);
}

TEST_CASE("precomputed column profiles give the same results as computing them on the fly", "[index][normalise]") {
    const std::vector<double> in{3.5, 1.0, std::nan(""), 7.25, 1.0, 9.0, 2.0};
    std::vector<std::string> units(in.size(), "u");
    const auto profile = dxframe::profile_column(in.data(), in.size());
    CHECK(profile.present == 6);
    CHECK(profile.min == 1.0);
    CHECK(profile.max == 9.0);
    CHECK(profile.mean == Catch::Approx((3.5 + 1 + 7.25 + 1 + 9 + 2) / 6));
    CHECK(profile.ascending == std::vector<std::uint32_t>{1, 4, 6, 0, 3, 5});
    for (auto m :
         {normaliser::none, normaliser::minmax, normaliser::zscore, normaliser::rank, normaliser::percentile_rank,
          normaliser::borda, normaliser::distance_to_max, normaliser::fraction_of_max}) {
        for (auto d : {direction::higher_is_better, direction::lower_is_better}) {
            if (m == normaliser::fraction_of_max && d == direction::lower_is_better) continue;
            std::vector<double> a(in.size()), b(in.size());
            dxframe::normalise_workspace ws;
            std::vector<dxframe::diagnostic> diags;
            dxframe::column_context ctx;
            dxframe::normalise_column(in.data(), a.data(), in.size(), d, method(m), {}, ctx, ws, diags);
            dxframe::normalise_column(in.data(), b.data(), in.size(), d, method(m), {}, ctx, ws, diags, &profile);
            CHECK(diags.empty());
            for (std::size_t i = 0; i < in.size(); ++i) {
                CHECK(std::isnan(a[i]) == std::isnan(b[i]));
                if (!std::isnan(a[i])) CHECK(a[i] == Catch::Approx(b[i]).epsilon(1e-14));
            }
        }
    }
}

TEST_CASE("misusing a normaliser throws", "[index][normalise]") {
    normalisation n = method(normaliser::zscore);
    n.sd = 0;
    CHECK_THROWS_AS(dxframe::check_normalisation(n), dxframe::error);
    n = method(normaliser::minmax);
    n.upper = std::numeric_limits<double>::infinity();
    CHECK_THROWS_AS(dxframe::normalise_values(x, direction::higher_is_better, n), dxframe::error);
}

TEST_CASE("aggregators: weighted, over the children present, as COINr's a_* functions", "[index][aggregate]") {
    // Children 40, missing, 70, 10 with weights 1, 2, 1, 2: the missing child's weight drops out.
    const values v{40.0, NA, 70.0, 10.0};
    const std::vector<double> w{1, 2, 1, 2};
    auto agg = [&](aggregation a, double p = 1.0, double share = 0.0) {
        return dxframe::aggregate_values(v, w, aggregation_method{a, p}, share);
    };
    CHECK(*agg(aggregation::arithmetic).value == Catch::Approx(32.5));  // (40 + 70 + 2*10)/4
    // (40 * 70 * 10^2)^(1/4)
    CHECK(*agg(aggregation::geometric).value == Catch::Approx(23.003266337912066).epsilon(1e-14));
    // 4/(1/40 + 1/70 + 2/10)
    CHECK(*agg(aggregation::harmonic).value == Catch::Approx(16.71641791044776).epsilon(1e-14));
    // sqrt((40^2 + 70^2 + 2*10^2)/4)
    CHECK(*agg(aggregation::generalised_mean, 2).value == Catch::Approx(40.92676385936225).epsilon(1e-14));
    CHECK(*agg(aggregation::generalised_mean, -1.5).value == Catch::Approx(14.992331682555502).epsilon(1e-14));
    // Weighted median: sorted 10 (w 2), 40 (w 1), 70 (w 1); total 4; the cumulative weight is
    // exactly half at 10, so the median is halfway between 10 and 40.
    CHECK(*agg(aggregation::median).value == 25.0);
    // Availability: 3 of 4 children present = 0.75.
    CHECK(agg(aggregation::arithmetic, 1, 0.75).value);
    CHECK_FALSE(agg(aggregation::arithmetic, 1, 0.8).value);
    CHECK(agg(aggregation::arithmetic, 1, 0.8).problem == dxframe::aggregate_problem::none);
}

TEST_CASE("weighted median: ordinary median for equal weights, weights shift it", "[index][aggregate]") {
    auto med = [](const values& v, const std::vector<double>& w) {
        return *dxframe::aggregate_values(v, w, aggregation_method{aggregation::median, 1}).value;
    };
    CHECK(med({3.0, 1.0, 2.0}, {1, 1, 1}) == 2.0);
    CHECK(med({4.0, 1.0, 3.0, 2.0}, {1, 1, 1, 1}) == 2.5);
    CHECK(med({4.0, 1.0, 3.0, 2.0}, {5, 1, 1, 1}) == 4.0);  // 4 carries more than half the weight
    CHECK(med({1.0, 2.0, 3.0}, {0, 1, 1}) == 2.5);          // a zero weight does not vote
}

TEST_CASE("aggregators refuse values they cannot take, naming the child", "[index][aggregate]") {
    const std::vector<double> w{1, 1, 1};
    auto agg = [&](const values& v, aggregation a, double p = 1.0) {
        return dxframe::aggregate_values(v, w, aggregation_method{a, p});
    };
    auto r = agg({5.0, 0.0, 2.0}, aggregation::geometric);
    CHECK_FALSE(r.value);
    CHECK(r.problem == dxframe::aggregate_problem::non_positive);
    CHECK(r.offending_child == 1u);
    CHECK(agg({5.0, NA, -2.0}, aggregation::harmonic).offending_child == 2u);
    CHECK(agg({5.0, -1.0, 2.0}, aggregation::generalised_mean, -2).problem == dxframe::aggregate_problem::non_positive);
    CHECK(agg({5.0, -1.0, 2.0}, aggregation::generalised_mean, 0.5).problem ==
          dxframe::aggregate_problem::negative_for_power);
    // p = 3 with a negative mean: the cube root of a negative number is undefined for pow.
    CHECK(agg({-5.0, -1.0, 2.0}, aggregation::generalised_mean, 3).problem == dxframe::aggregate_problem::not_finite);
    // Allowed: negative values in the arithmetic mean and in a generalised mean with integer p > 0.
    CHECK(*agg({-3.0, 1.0, 2.0}, aggregation::arithmetic).value == 0.0);
    CHECK(*agg({-3.0, 1.0, 2.0}, aggregation::generalised_mean, 2).value == Catch::Approx(std::sqrt(14.0 / 3)));
    // Nothing present, or only zero weights present: missing, not a problem.
    CHECK_FALSE(agg({NA, NA, NA}, aggregation::arithmetic).value);
    CHECK_FALSE(dxframe::aggregate_values({1.0, NA}, {0, 1}, aggregation_method{}).value);
    CHECK_THROWS_AS(agg({1.0, 2.0, 3.0}, aggregation::generalised_mean, 0), dxframe::error);
    CHECK_THROWS_AS(dxframe::aggregate_values({1.0}, {1, 2}, aggregation_method{}), dxframe::error);
}

TEST_CASE("engine: per-node methods, thresholds, and capped per-entity diagnostics", "[index][aggregate]") {
    // Two nodes over three indicators each, 15 units; node A geometric, node B arithmetic, root median.
    std::vector<dxframe::tree_indicator> inds;
    for (int i = 0; i < 6; ++i) {
        dxframe::tree_indicator t;
        t.id = "x" + std::to_string(i);
        t.parent = i < 3 ? "A" : "B";
        inds.push_back(t);
    }
    dxframe::tree_node a{"A",        "", std::string("root"), 1.0, aggregation_method{aggregation::geometric, 1},
                         "/nodes/0", {}};
    dxframe::tree_node b{"B", "", std::string("root"), 3.0, std::nullopt, "/nodes/1", {}};
    dxframe::tree_node root{"root", "", std::nullopt, 1.0, aggregation_method{aggregation::median, 1}, "/nodes/2", {}};
    auto built = dxframe::build_tree(inds, {a, b, root});
    REQUIRE(built.ok());
    const auto& tree = *built.tree;
    const std::size_t n = 15;
    dxframe::value_matrix data(n, 6);
    std::vector<std::string> units;
    for (std::size_t u = 0; u < n; ++u) {
        units.push_back("u" + std::to_string(u));
        for (std::size_t c = 0; c < 6; ++c)
            data.set(u, c, static_cast<double>(u + c));
    }
    dxframe::index_spec spec;
    spec.normalise.method = dxframe::normaliser::none;
    const auto res = dxframe::compute_index(tree, data, units, spec);
    // u0 has x0 = 0: node A (geometric) is refused for u0 only.
    REQUIRE(res.diagnostics.size() == 1);
    CHECK(res.diagnostics[0].path == "/nodes/0");
    CHECK(res.diagnostics[0].message ==
          "node 'A': the geometric mean needs values > 0, but entity 'u0' has 0 for 'x0'; its value is missing");
    CHECK_FALSE(res.aggregates.get(0, *tree.find_node("A")));
    // u1: A = (1*2*3)^(1/3); B = (4+5+6)/3 = 5; root = weighted median of {A (w 1), B (w 3)} = B.
    CHECK(*res.aggregates.get(1, *tree.find_node("A")) == Catch::Approx(std::cbrt(6.0)));
    CHECK(*res.aggregates.get(1, *tree.find_node("B")) == 5.0);
    CHECK(*res.index(1) == 5.0);
    // u0: A missing -> median over B alone.
    CHECK(*res.index(0) == 4.0);

    // Make every unit's x0 negative: 15 refusals, 10 reported one by one, then a summary.
    dxframe::value_matrix bad = data;
    for (std::size_t u = 0; u < n; ++u)
        bad.set(u, 0, -1.0);
    const auto res2 = dxframe::compute_index(tree, bad, units, spec);
    REQUIRE(res2.diagnostics.size() == 11);
    CHECK(res2.diagnostics[10].message == "node 'A': 5 more entities have the same problem");

    // Availability threshold on node B: drop two of its three children for u3 -> share 1/3.
    dxframe::value_matrix gaps = data;
    gaps.set_missing(3, 3);
    gaps.set_missing(3, 4);
    spec.node_min_share["B"] = 0.5;
    const auto res3 = dxframe::compute_index(tree, gaps, units, spec);
    CHECK_FALSE(res3.aggregates.get(3, *tree.find_node("B")));
    CHECK(*res3.index(3) == Catch::Approx(std::cbrt(3.0 * 4 * 5)));  // only A is left for the median
    spec.node_min_share["B"] = 0.3;
    const auto res4 = dxframe::compute_index(tree, gaps, units, spec);
    CHECK(*res4.aggregates.get(3, *tree.find_node("B")) == 8.0);  // x5 alone
}
