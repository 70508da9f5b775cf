// SPDX-License-Identifier: MIT
// Summary statistics of replications against R's definitions: quantile(x, p) with the default
// type 7, median(x), and the rank-count form the analysis uses. Expected values are R's printed
// results for the same inputs (worked by hand in the comments).
#include <dxframe/uncertainty/statistics.hpp>

#include <cfloat>
#include <cstdint>
#include <vector>

#include "catch_compat.hpp"

using dxframe::quantile_type7;

TEST_CASE("type-7 quantiles interpolate between order statistics as R does", "[uncertainty][statistics]") {
    const std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // quantile(1:10, c(0, .05, .25, .5, .95, 1)) = 1, 1.45, 3.25, 5.5, 9.55, 10:
    // h = 1 + 9p; p = .05 -> h = 1.45 -> 0.55*1 + 0.45*2.
    CHECK(*quantile_type7(x, 0.0) == 1.0);
    CHECK(*quantile_type7(x, 0.05) == Catch::Approx(1.45).epsilon(1e-15));
    CHECK(*quantile_type7(x, 0.25) == Catch::Approx(3.25).epsilon(1e-15));
    CHECK(*quantile_type7(x, 0.5) == 5.5);
    CHECK(*quantile_type7(x, 0.95) == Catch::Approx(9.55).epsilon(1e-15));
    CHECK(*quantile_type7(x, 1.0) == 10.0);
    // Equal neighbours: no interpolation, the value itself (R skips the formula when x[hi] == x[lo]).
    CHECK(*quantile_type7({3, 3, 3, 7}, 0.5) == 3.0);
    CHECK(*quantile_type7({0.1, 0.1}, 0.37) == 0.1);
    // One value; none.
    CHECK(*quantile_type7({42.0}, 0.95) == 42.0);
    CHECK_FALSE(quantile_type7({}, 0.5).has_value());
    // quantile(c(2, 4, 8, 16), .95): h = 1 + 3*.95 = 3.85 -> 0.15*8 + 0.85*16 = 14.8.
    CHECK(*quantile_type7({2, 4, 8, 16}, 0.95) == Catch::Approx(14.8).epsilon(1e-15));
    CHECK_THROWS_AS(quantile_type7(x, 1.5), dxframe::error);
    CHECK_THROWS_AS(quantile_type7(x, -0.1), dxframe::error);
}

TEST_CASE("median and compensated mean", "[uncertainty][statistics]") {
    CHECK(*dxframe::median_sorted({1, 3, 5}) == 3.0);
    CHECK(*dxframe::median_sorted({1, 2, 3, 4}) == 2.5);
    CHECK(*dxframe::median_sorted({DBL_MAX, DBL_MAX}) == DBL_MAX);  // halves first: no overflow
    CHECK_FALSE(dxframe::median_sorted({}).has_value());
    // 1e16 + 1 - 1e16 loses the 1 in plain summation; the compensated sum keeps it.
    CHECK(*dxframe::mean_compensated({1e16, 1.0, -1e16}) == Catch::Approx(1.0 / 3.0).epsilon(1e-15));
    CHECK(*dxframe::mean_compensated({2.0, 4.0}) == 3.0);
    CHECK_FALSE(dxframe::mean_compensated({}).has_value());
}

TEST_CASE("rank statistics from counts equal those of the expanded ranks", "[uncertainty][statistics]") {
    // Ranks 1, 1, 2, 3, 3, 3, 10 (7 replications): mean 23/7; median 3 (the 4th);
    // Q5: h = 1 + 6*.05 = 1.3 -> x1 = x2 = 1 -> 1; Q95: h = 6.7 -> 0.3*3 + 0.7*10 = 7.9.
    std::vector<std::uint64_t> counts(11, 0);
    counts[1] = 2;
    counts[2] = 1;
    counts[3] = 3;
    counts[10] = 1;
    const auto s = dxframe::summarise_rank_counts(counts.data(), counts.size());
    CHECK(s.total == 7);
    CHECK(*s.mean == 23.0 / 7.0);
    CHECK(*s.median == 3.0);
    CHECK(*s.q5 == 1.0);
    CHECK(*s.q95 == Catch::Approx(7.9).epsilon(1e-15));
    const std::vector<double> expanded{1, 1, 2, 3, 3, 3, 10};
    CHECK(*s.q95 == *quantile_type7(expanded, 0.95));  // the very same double
    CHECK(*s.q5 == *quantile_type7(expanded, 0.05));

    // An even count: ranks 4, 4, 5, 6 -> median (4 + 5)/2 = 4.5; Q5: h = 1.15 -> 4; Q95: h = 3.85
    // -> 0.15*5 + 0.85*6 = 5.85.
    std::vector<std::uint64_t> even(8, 0);
    even[4] = 2;
    even[5] = 1;
    even[6] = 1;
    const auto e = dxframe::summarise_rank_counts(even.data(), even.size());
    CHECK(*e.median == 4.5);
    CHECK(*e.q5 == 4.0);
    CHECK(*e.q95 == Catch::Approx(5.85).epsilon(1e-15));
    CHECK(*e.q95 == *quantile_type7({4, 4, 5, 6}, 0.95));

    // Nothing counted: no statistics.
    std::vector<std::uint64_t> none(5, 0);
    const auto z = dxframe::summarise_rank_counts(none.data(), none.size());
    CHECK(z.total == 0);
    CHECK_FALSE(z.mean.has_value());
    CHECK_FALSE(z.q95.has_value());
}
