// SPDX-License-Identifier: MIT
// Outlier treatment (index/treat.hpp) and column statistics (index/column_statistics.hpp) against
// COINr 1.1.14's Treat, skew, kurt and get_stats. The ASEM expectations come from
// tests/data/coinr-expected/coinr_expected.R (an independent base-R port of COINr's code), the
// small cases are worked by hand in the comments.
#include <dxframe/index/column_statistics.hpp>
#include <dxframe/index/impl/vector_log.ipp>  // detail::log_portable
#include <dxframe/index/treat.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "catch_compat.hpp"
#include "coinr_expected_support.hpp"

using coinr_expected::close;
using coinr_expected::number;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

std::optional<bool> truth(const std::string& cell) {
    if (cell == "TRUE") return true;
    if (cell == "FALSE") return false;
    return std::nullopt;
}

}  // namespace

TEST_CASE("skewness and kurtosis: type-2 estimators, worked by hand", "[treat]") {
    // x = 1, 2, 3, 10: mean 4, d = -3 -2 -1 6; Σd² = 50, Σd³ = -27-8-1+216 = 180, Σd⁴ = 81+16+1+1296 = 1394.
    // skew = √4·180/50^1.5 · √(4·3)/2 = 360/353.5534 · 1.7320508 = 1.7636507...
    // r = 4·1394/2500 = 2.2304; kurt = (5·(2.2304−3)+6)·3/(2·1) = (−3.848+6)·1.5 = 3.228.
    const std::vector<double> x = {1, 2, 3, 10};
    REQUIRE(dxframe::sample_skewness(x));
    CHECK(close(*dxframe::sample_skewness(x), 360.0 / std::pow(50.0, 1.5) * std::sqrt(12.0) / 2.0));
    CHECK(close(*dxframe::sample_kurtosis(x), 3.228));
    // Symmetric data has zero skewness.
    CHECK(std::fabs(*dxframe::sample_skewness({1, 2, 3})) < 1e-15);
    // Too few values, and a constant column: absent, never NaN.
    CHECK_FALSE(dxframe::sample_skewness({1, 2}));
    CHECK(dxframe::sample_skewness({1, 2, 4}));
    CHECK_FALSE(dxframe::sample_kurtosis({1, 2, 4}));
    CHECK_FALSE(dxframe::sample_skewness({5, 5, 5, 5}));
    CHECK_FALSE(dxframe::sample_kurtosis({5, 5, 5, 5}));
}

TEST_CASE("describe_column: statistics and the diagnostics for what is absent", "[treat]") {
    const std::vector<double> cells = {3, NaN, 1, 0, 3};
    std::vector<dxframe::diagnostic> d;
    const auto s = dxframe::describe_column(cells.data(), cells.size(), "x", &d);
    CHECK(s.n == 4);
    CHECK(s.missing == 1);
    CHECK(s.nonzero == 3);
    CHECK(s.unique == 3);
    CHECK(*s.min == 0);
    CHECK(*s.max == 3);
    CHECK(*s.mean == 1.75);
    CHECK(*s.median == 2);
    CHECK(close(*s.sd, std::sqrt((1.5625 * 2 + 0.5625 + 3.0625) / 3.0)));
    CHECK(s.skewness);
    CHECK(s.kurtosis);
    CHECK(d.empty());

    const std::vector<double> two = {1, NaN, 2};
    const auto s2 = dxframe::describe_column(two.data(), two.size(), "two", &d);
    CHECK(s2.sd);
    CHECK_FALSE(s2.skewness);
    CHECK_FALSE(s2.kurtosis);
    REQUIRE(d.size() == 1);
    CHECK(d[0].path == "two");
    CHECK(d[0].code == dxframe::diagnostic_code::insufficient_data);
    CHECK(d[0].message.find("skewness needs 3 values") != std::string::npos);

    d.clear();
    const std::vector<double> flat = {2, 2, 2, 2, 2};
    const auto s3 = dxframe::describe_column(flat.data(), flat.size(), "flat", &d);
    CHECK(*s3.sd == 0.0);
    CHECK_FALSE(s3.skewness);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("equal") != std::string::npos);

    d.clear();
    const std::vector<double> none = {NaN, NaN};
    const auto s4 = dxframe::describe_column(none.data(), none.size(), "none", &d);
    CHECK(s4.n == 0);
    CHECK_FALSE(s4.mean);
    CHECK(d.size() == 1);
}

TEST_CASE("get_stats on the raw ASEM indicators", "[treat][coinr]") {
    const auto& asem = coinr_expected::asem();
    const auto t = coinr_expected::table("audit_stats_raw.csv");
    REQUIRE(t.rows.size() == 49);
    for (std::size_t i = 0; i < 49; ++i) {
        const auto& row = t.rows[i];
        INFO(row[0]);
        REQUIRE(asem.tree.indicator(i).id == row[0]);
        const auto s = dxframe::describe_column(asem.values.column(i), asem.values.rows());
        CHECK(close(s.min, number(row[1])));
        CHECK(close(s.max, number(row[2])));
        CHECK(close(s.mean, number(row[3])));
        CHECK(close(s.median, number(row[4])));
        CHECK(close(s.sd, number(row[5])));
        CHECK(close(s.skewness, number(row[6]), 1e-6));
        CHECK(close(s.kurtosis, number(row[7]), 1e-6));
        CHECK(s.n == std::stoul(row[8]));
        CHECK(s.nonzero == std::stoul(row[9]));
        CHECK(s.unique == std::stoul(row[10]));
    }
}

TEST_CASE("winsorising by hand: one point, ties together, the side the skew points to", "[treat]") {
    std::vector<dxframe::diagnostic> d;
    std::vector<std::string> units;
    for (int i = 1; i <= 25; ++i)
        units.push_back("u" + std::to_string(i));
    // Twenty 1s, then 10, 20, 40, 80, 160 (skew 3.57, kurt 13.5: fails). Step 1: the 160 (u25)
    // becomes 80 — still fails; step 2: both 80s (u24, u25, tied) become 40: skew 2.14, kurt
    // 3.16 < 3.5 passes. COINr's nwin counts the rows at the last maximum: 2 (u23, already 40,
    // is not among them).
    std::vector<double> base(20, 1.0);
    for (const double v : {10.0, 20.0, 40.0, 80.0, 160.0})
        base.push_back(v);
    std::vector<double> x = base;
    const auto t = dxframe::treat_column(x.data(), x.size(), {}, "x", &units, d);
    CHECK(t.applied == dxframe::treatment::winsorised);
    CHECK(t.points == 2);
    CHECK(t.winsorised_high == std::vector<std::string>{"u24", "u25"});
    CHECK(t.winsorised_low.empty());
    CHECK(x[22] == 40);
    CHECK(x[23] == 40);
    CHECK(x[24] == 40);
    CHECK(x[0] == 1);
    REQUIRE(t.before.passes);
    CHECK_FALSE(*t.before.passes);
    CHECK(*t.after().passes);
    CHECK(std::fabs(*t.after().kurtosis - 3.160156) < 5e-7);
    CHECK(d.empty());

    // Mirrored: the skew is negative, the low side is treated.
    std::vector<double> y = base;
    for (double& v : y)
        v = -v;
    const auto u = dxframe::treat_column(y.data(), y.size(), {}, "y", &units, d);
    CHECK(u.points == 2);
    CHECK(u.winsorised_low == std::vector<std::string>{"u24", "u25"});
    CHECK(y[24] == -40);

    // With at most one point, winsorising does not help: the ORIGINAL values are log transformed,
    // ln(x − 1 + 0.01·159), and pass (R: skew 1.967492, kurt 2.589751).
    std::vector<double> z = base;
    dxframe::treat_rule one;
    one.max_points = 1;
    const auto v = dxframe::treat_column(z.data(), z.size(), one, "z", &units, d);
    CHECK(v.applied == dxframe::treatment::log);
    CHECK(v.points == 1);
    CHECK(close(z[0], std::log(1.59)));
    CHECK(close(z[24], std::log(160.59)));
    REQUIRE(v.log);
    CHECK(*v.log->passes);
    CHECK(std::fabs(*v.log->skewness - 1.967492) < 5e-7);
    CHECK(std::fabs(*v.log->kurtosis - 2.589751) < 5e-7);

    // A column that passes is left alone.
    std::vector<double> w = {1, 2, 3, 4, 5};
    const auto p = dxframe::treat_column(w.data(), w.size(), {}, "w", &units, d);
    CHECK(p.applied == dxframe::treatment::none);
    CHECK(*p.before.passes);
    CHECK(w[4] == 5);
}

TEST_CASE("treatment of an untestable indicator: warning, untreated, no NaN", "[treat]") {
    std::vector<dxframe::diagnostic> d;
    std::vector<double> x = {1, NaN, 100};
    const auto t = dxframe::treat_column(x.data(), x.size(), {}, "few", nullptr, d);
    CHECK(t.applied == dxframe::treatment::none);
    CHECK_FALSE(t.before.passes);
    REQUIRE(d.size() == 1);
    CHECK(d[0].path == "few");
    CHECK(d[0].severity == dxframe::severity::warning);
    CHECK(d[0].message.find("2 values") != std::string::npos);
    CHECK(x[2] == 100);
    std::vector<double> c = {4, 4, 4, 4, 4};
    d.clear();
    dxframe::treat_column(c.data(), c.size(), {}, "flat", nullptr, d);
    CHECK(d.size() == 1);
    // Rule "none": not even tested.
    dxframe::treat_rule none;
    none.enabled = false;
    std::vector<double> o = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
    d.clear();
    const auto n = dxframe::treat_column(o.data(), o.size(), none, "o", nullptr, d);
    CHECK(n.applied == dxframe::treatment::none);
    CHECK_FALSE(n.before.skewness);
    CHECK(o[11] == 100);
    CHECK(d.empty());
}

TEST_CASE("Treat on the ASEM raw data reproduces COINr (winmax 5 and 1)", "[treat][coinr]") {
    const auto& asem = coinr_expected::asem();
    std::vector<std::string> ids;
    for (const auto& i : asem.tree.indicators())
        ids.push_back(i.id);
    for (const int winmax : {5, 1}) {
        INFO("winmax " << winmax);
        dxframe::treat_spec spec;
        spec.global.max_points = static_cast<std::size_t>(winmax);
        const auto r = dxframe::treat_outliers(asem.values, ids, asem.units, spec);
        REQUIRE(r.ok());
        const auto log = coinr_expected::table("treat_log_winmax" + std::to_string(winmax) + ".csv");
        const auto values = coinr_expected::table("treat_values_winmax" + std::to_string(winmax) + ".csv");
        REQUIRE(log.rows.size() == 49);
        std::size_t treated = 0;
        for (std::size_t i = 0; i < 49; ++i) {
            const auto& row = log.rows[i];
            const auto& got = r.log[i];
            INFO(row[0]);
            REQUIRE(got.indicator == row[0]);
            const std::string applied = row[1];
            CHECK(std::string(applied) == (got.applied == dxframe::treatment::none         ? "none"
                                           : got.applied == dxframe::treatment::winsorised ? "winsorised"
                                                                                           : "log"));
            CHECK(got.points == std::stoul(row[2]));
            CHECK(got.before.passes == truth(row[3]));
            CHECK(close(got.before.skewness, number(row[4]), 1e-6));
            CHECK(close(got.before.kurtosis, number(row[5]), 1e-6));
            if (applied != "none") {
                REQUIRE(got.winsorised);
                CHECK(got.winsorised->passes == truth(row[6]));
                CHECK(close(got.winsorised->skewness, number(row[7]), 1e-6));
                CHECK(close(got.winsorised->kurtosis, number(row[8]), 1e-6));
                ++treated;
            }
            if (applied == "log") {
                REQUIRE(got.log);
                CHECK(got.log->passes == truth(row[9]));
                CHECK(close(got.log->skewness, number(row[10]), 1e-6));
                CHECK(close(got.log->kurtosis, number(row[11]), 1e-6));
            }
            CHECK(got.winsorised_high == words(row.size() > 12 ? row[12] : ""));
            CHECK(got.winsorised_low == words(row.size() > 13 ? row[13] : ""));
            for (std::size_t u = 0; u < 51; ++u) {
                INFO(values.rows[u][0]);
                CHECK(close(r.values.get(u, i), number(values.rows[u][i + 1])));
            }
        }
        CHECK(treated == 18u);
    }
}

TEST_CASE("treat spec: none, winsorise[:MAX[:SKEW:KURT]], ID=SPEC, and what does not parse", "[treat]") {
    const auto ok =
        dxframe::parse_treat_spec({"winsorise:3", "Goods=none", "Tariff=winsorise:2:1.5:3", "LPI=winsorise"});
    REQUIRE(ok.spec);
    CHECK(ok.diagnostics.empty());
    CHECK(ok.spec->global.max_points == 3u);
    CHECK(ok.spec->global.skew_threshold == 2.0);
    CHECK_FALSE(ok.spec->per_indicator.at("Goods").enabled);
    CHECK(ok.spec->per_indicator.at("Tariff").max_points == 2u);
    CHECK(ok.spec->per_indicator.at("Tariff").skew_threshold == 1.5);
    CHECK(ok.spec->per_indicator.at("Tariff").kurtosis_threshold == 3.0);
    CHECK(ok.spec->per_indicator.at("LPI").max_points == 5u);

    for (const char* bad : {"winsor", "winsorise:x", "winsorise:2:1", "winsorise:-1", "winsorise:1.5", "none:3",
                            "=none", "winsorise:2:0:3", "winsorise:1:2:3:4", "X=trim"}) {
        INFO(bad);
        const auto r = dxframe::parse_treat_spec({"none", bad});
        CHECK_FALSE(r.spec);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].path == "--treat/1");
        CHECK(r.diagnostics[0].severity == dxframe::severity::error);
        CHECK(r.diagnostics[0].message.find(bad[0] == '=' ? "no indicator id" : "'") != std::string::npos);
    }
    // An id that names no indicator: an error, nothing treated.
    dxframe::value_matrix m(4, 1);
    for (std::size_t r = 0; r < 4; ++r)
        m.set(r, 0, static_cast<double>(r));
    dxframe::treat_spec spec;
    spec.per_indicator["nope"] = {};
    const auto r = dxframe::treat_outliers(m, {"a"}, {"u1", "u2", "u3", "u4"}, spec);
    CHECK_FALSE(r.ok());
    CHECK(r.diagnostics.at(0).code == dxframe::diagnostic_code::unknown_reference);
    CHECK(r.log.empty());
    CHECK_THROWS(dxframe::treat_outliers(m, {"a", "b"}, {"u1", "u2", "u3", "u4"}));
    std::vector<dxframe::diagnostic> d;
    CHECK(dxframe::treat_outliers_in_place(m, {"a"}, {"u1", "u2", "u3", "u4"}, spec, d).empty());
    CHECK(d.size() == 1);
    CHECK(m.get(3, 0) == 3.0);
}

TEST_CASE("treating in place gives what treat_outliers returns", "[treat][coinr]") {
    const auto& asem = coinr_expected::asem();
    std::vector<std::string> ids;
    for (const auto& i : asem.tree.indicators())
        ids.push_back(i.id);
    const auto copied = dxframe::treat_outliers(asem.values, ids, asem.units);
    dxframe::value_matrix m = asem.values;
    std::vector<dxframe::diagnostic> d;
    const auto log = dxframe::treat_outliers_in_place(m, ids, asem.units, {}, d);
    CHECK(m == copied.values);
    REQUIRE(log.size() == copied.log.size());
    for (std::size_t i = 0; i < log.size(); ++i) {
        CHECK(log[i].applied == copied.log[i].applied);
        CHECK(log[i].points == copied.log[i].points);
    }
    CHECK(d.size() == copied.diagnostics.size());
}

TEST_CASE("column statistics: the four-lane passes agree with a plain two-pass sum at every length", "[treat]") {
    // Lengths 3 to 17 exercise the vectorised loops and their tails; a missing cell in every
    // position, and an infinite one (left out, through the portable loop), change nothing else.
    for (std::size_t n = 3; n <= 17; ++n) {
        std::vector<double> x(n);
        for (std::size_t r = 0; r < n; ++r)
            x[r] = std::pow(1.7, static_cast<double>(r % 7)) + 0.25 * static_cast<double>(r);
        long double mean = 0.0L;
        for (const double v : x)
            mean += v;
        mean /= static_cast<long double>(n);
        long double s2 = 0.0L;
        long double s3 = 0.0L;
        long double s4 = 0.0L;
        for (const double v : x) {
            const long double d = static_cast<long double>(v) - mean;
            s2 += d * d;
            s3 += d * d * d;
            s4 += d * d * d * d;
        }
        const auto m = static_cast<double>(n);
        const double skew = static_cast<double>(std::sqrt(static_cast<long double>(m)) * s3 / std::pow(s2, 1.5L)) *
                            std::sqrt(m * (m - 1.0)) / (m - 2.0);
        INFO(n << " values");
        const auto shape = dxframe::column_shape(x.data(), x.size());
        REQUIRE(shape.skewness);
        CHECK(*shape.skewness == Catch::Approx(skew).epsilon(1e-12));
        if (n >= 4) {
            const double ratio = static_cast<double>(static_cast<long double>(m) * s4 / (s2 * s2));
            const double kurt = ((m + 1.0) * (ratio - 3.0) + 6.0) * (m - 1.0) / ((m - 2.0) * (m - 3.0));
            REQUIRE(shape.kurtosis);
            CHECK(*shape.kurtosis == Catch::Approx(kurt).epsilon(1e-12));
        }
        for (const double odd : {NaN, std::numeric_limits<double>::infinity()}) {
            for (std::size_t at = 0; at <= n; ++at) {
                std::vector<double> y = x;
                y.insert(y.begin() + static_cast<std::ptrdiff_t>(at), odd);
                const auto with = dxframe::column_shape(y.data(), y.size());
                REQUIRE(with.skewness);
                CHECK(*with.skewness == Catch::Approx(*shape.skewness).epsilon(1e-12));
                CHECK(with.kurtosis.has_value() == shape.kurtosis.has_value());
            }
        }
    }
}

TEST_CASE("winsorising in place, then the log transform: the cells are the log of the original values", "[treat]") {
    // Nine equal-ish values and three huge ones, tied: winsorising one point at a time (the three
    // tied maxima together, then the next...) cannot reach the test with max 1 point, so the
    // original values are log transformed; none of the winsorised values may survive.
    std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 1000, 5000};
    const std::vector<double> original = x;
    dxframe::treat_rule rule;
    rule.max_points = 1;
    std::vector<dxframe::diagnostic> d;
    const auto t = dxframe::treat_column(x.data(), x.size(), rule, "x", nullptr, d);
    REQUIRE(t.applied == dxframe::treatment::log);
    const double shift = 0.01 * (5000.0 - 1.0);
    // The transform takes the vectorised log (index/vector_log.hpp): exactly its value, which is
    // within 1 ulp of std::log (tests/unit/index_vector_log.cpp).
    for (std::size_t r = 0; r < x.size(); ++r) {
        const double expected = std::log(original[r] - 1.0 + shift);
        CHECK(x[r] == dxframe::detail::log_portable(original[r] - 1.0 + shift));
        CHECK(x[r] >= std::nextafter(expected, -1e300));
        CHECK(x[r] <= std::nextafter(expected, 1e300));
    }
    CHECK(t.winsorised_high == std::vector<std::string>{"row 22"});
}
