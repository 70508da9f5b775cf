// SPDX-License-Identifier: MIT
// treat_column's winsorising steps from the listed ends of a column (detail::collect_column_ends,
// one pass) against the same steps each searching the column (detail::winsorise_extreme, the form
// COINr's winsorise takes): the same cells bit for bit, rows, points and statistics.
#include <dxframe/index/treat.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "catch_compat.hpp"

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// treat_column's loop with a search of the column at every step: the state after winsorising.
struct searched_winsorising {
    std::vector<double> cells;
    std::size_t points = 0;
    std::vector<std::string> high;
    std::vector<std::string> low;
    dxframe::treat_check last;
};

searched_winsorising winsorise_by_search(std::vector<double> cells, const dxframe::treat_rule& rule) {
    namespace d = dxframe::detail;
    searched_winsorising out;
    const d::first_test_pass first = d::first_test_sums(cells.data(), cells.size());
    d::finite_sums sums = first.sums;
    dxframe::treat_check current = d::check_shape(d::shape_of(first.central), rule);
    std::vector<d::changed_cell> undo;
    std::vector<std::size_t> imax;
    std::vector<std::size_t> imin;
    while (current.passes && !*current.passes && (!rule.max_points || out.points < *rule.max_points)) {
        const bool high = *current.skewness >= 0.0;
        std::vector<std::size_t> at = d::winsorise_extreme(cells.data(), cells.size(), high, sums, undo);
        if (at.empty()) break;
        (high ? imax : imin) = at;
        out.points = imax.size() + imin.size();
        current = d::check_skew_kurtosis(cells.data(), cells.size(), sums, rule);
    }
    for (const std::size_t r : imax)
        out.high.push_back("row " + std::to_string(r + 1));
    for (const std::size_t r : imin)
        out.low.push_back("row " + std::to_string(r + 1));
    out.cells = std::move(cells);
    out.last = current;
    return out;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

TEST_CASE("the listed ends of a column: the most extreme values, ties together, and when there are none", "[treat]") {
    // High end (3 kept): 9 (rows 1, 4), 8 (row 6), 7 (row 0); low end, stored negated: 1, 2, 3.
    const std::vector<double> x = {7, 9, 3, 1, 9, NaN, 8, 2, 5, 4, 6};
    const auto ends = dxframe::detail::collect_column_ends(x.data(), x.size(), 3);
    REQUIRE(ends);
    using cell = std::pair<double, std::size_t>;
    CHECK(ends->high.cells == std::vector<cell>{{9, 1}, {9, 4}, {8, 6}, {7, 0}});
    CHECK(ends->high.starts == std::vector<std::size_t>{0, 2, 3});
    CHECK(ends->low.cells == std::vector<cell>{{-1, 3}, {-2, 7}, {-3, 2}});
    // The ends meet (fewer than 2 × kept distinct values), a listed zero, too many ties: no list.
    CHECK_FALSE(dxframe::detail::collect_column_ends(x.data(), x.size(), 5));
    const std::vector<double> zero = {0, 1, 2, 3, 4, 5, 6, 7};
    CHECK_FALSE(dxframe::detail::collect_column_ends(zero.data(), zero.size(), 2));
    std::vector<double> tied(1000, 1.0);
    for (std::size_t r = 0; r < 10; ++r)
        tied[r] = 2.0 + static_cast<double>(r);
    CHECK_FALSE(dxframe::detail::collect_column_ends(tied.data(), tied.size(), 2));
}

TEST_CASE("winsorising from the listed ends gives the searched steps' cells, rows and statistics", "[treat]") {
    std::mt19937_64 random(20261208);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_int_distribution<int> pick(0, 99);
    std::size_t both_ends = 0;
    std::size_t winsorised = 0;
    std::size_t listed = 0;
    for (int column = 0; column < 400; ++column) {
        const std::size_t n = column % 5 == 0 ? 30 : 600;
        std::vector<double> x(n);
        for (double& v : x) {
            v = normal(random);
            if (column % 4 == 1) v = std::exp(v);          // log-normal: the high end
            if (column % 4 == 2) v = -std::exp(v);         // the low end
            if (column % 4 == 3) v = std::round(v * 2.0);  // ties at both ends (and zeros)
            if (pick(random) < 2) v = NaN;
        }
        // Outliers on both sides, so the skew can change sign between steps.
        for (int k = 0, m = pick(random) % 4; k < m; ++k)
            x[static_cast<std::size_t>(pick(random)) % n] = 8.0 + 4.0 * normal(random);
        for (int k = 0, m = pick(random) % 4; k < m; ++k)
            x[static_cast<std::size_t>(pick(random)) % n] = -6.0 - 4.0 * normal(random);
        if (column % 10 == 9) {  // one far high outlier, then four low ones: both ends treated
            x[0] = 30.0 + 10.0 * std::fabs(normal(random));
            for (std::size_t k = 1; k <= 4; ++k)
                x[k] = -10.0 - 2.0 * static_cast<double>(k) - std::fabs(normal(random));
        }
        dxframe::treat_rule rule;
        rule.max_points = static_cast<std::size_t>(1 + column % 8);
        listed += dxframe::detail::collect_column_ends(x.data(), n, *rule.max_points + 1) ? 1 : 0;
        const searched_winsorising expected = winsorise_by_search(x, rule);
        std::vector<dxframe::diagnostic> found;
        std::vector<double> cells = x;
        const auto t = dxframe::treat_column(cells.data(), cells.size(), rule, "x", nullptr, found);
        CAPTURE(column);
        if (t.applied == dxframe::treatment::winsorised) {
            ++winsorised;
            both_ends += !expected.high.empty() && !expected.low.empty() ? 1 : 0;
            CHECK(same_bits(cells, expected.cells));
        }
        if (t.winsorised) {
            CHECK(t.points == expected.points);
            CHECK(t.winsorised_high == expected.high);
            CHECK(t.winsorised_low == expected.low);
            CHECK(t.winsorised->skewness == expected.last.skewness);
            CHECK(t.winsorised->kurtosis == expected.last.kurtosis);
            CHECK(t.winsorised->passes == expected.last.passes);
        }
    }
    CHECK(winsorised > 50);
    CHECK(both_ends > 0);
    CHECK(listed > 200);
}

TEST_CASE(
    "the central sums carried through a winsorising step: close to a fresh pass, trusted only clear of the "
    "thresholds",
    "[treat]") {
    namespace d = dxframe::detail;
    std::mt19937_64 random(8);
    std::lognormal_distribution<double> value(0.0, 1.0);
    std::vector<double> x(2000);
    for (double& v : x)
        v = value(random);
    const d::first_test_pass first = d::first_test_sums(x.data(), x.size());
    d::central_estimate e = d::start_estimate(first.sums, first.central);
    std::vector<double> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    const double top = sorted.back();
    const double next = sorted[sorted.size() - 2];
    *std::max_element(x.begin(), x.end()) = next;
    d::move_cells(e, 1.0, top, next);
    d::finite_sums sums = first.sums;
    sums.sum += next - top;
    sums.hi = next;
    const dxframe::treat_check exact =
        d::check_shape(d::shape_of(d::central_sums_about_mean(x.data(), x.size(), sums)), {});
    REQUIRE(exact.skewness);
    REQUIRE(exact.kurtosis);
    const auto clear = d::clear_failure(e, {});
    REQUIRE(clear);  // log-normal: skewness about 4, kurtosis about 30 after one point
    CHECK(std::fabs(*clear->skewness - *exact.skewness) <= 1e-12 * std::fabs(*exact.skewness));
    CHECK(std::fabs(*clear->kurtosis - *exact.kurtosis) <= 1e-12 * std::fabs(*exact.kurtosis));
    CHECK_FALSE(*clear->passes);
    // A threshold at the exact statistic (or just below it) is too close to trust the estimate.
    dxframe::treat_rule at_skew;
    at_skew.skew_threshold = *exact.skewness * (1.0 - 1e-13);
    CHECK_FALSE(d::clear_failure(e, at_skew));
    dxframe::treat_rule at_kurtosis;
    at_kurtosis.kurtosis_threshold = *exact.kurtosis * (1.0 - 1e-13);
    CHECK_FALSE(d::clear_failure(e, at_kurtosis));
    dxframe::treat_rule passes;
    passes.skew_threshold = *exact.skewness * 1.5;
    CHECK_FALSE(d::clear_failure(e, passes));
}
