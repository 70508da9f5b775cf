// SPDX-License-Identifier: MIT
// Assessment of one target: hand-computed cases for each method, status and target kind.
// Dates are year ends, so the year fractions are whole numbers and every expected value below
// can be checked with a pocket calculator (the formula is in the comment next to it).
#include <dxframe/progress.hpp>

#include "catch_compat.hpp"
#include "progress_support.hpp"

using namespace dxframe;
using progress_test::d;
using progress_test::ye;

namespace {

struct scenario {
    indicator ind = progress_test::make_indicator();
    target t;
    std::vector<std::pair<date, double>> points;
    date as_of = ye(2022);
    progress_options options{};

    target_assessment run() const {
        const dataset ds = progress_test::make_dataset(ind, t, points);
        return assess(ds, ds.framework.targets.front(), as_of, options);
    }
};

// at_least 80 by 2025 from 20 in 2020 (the shape of "80% of services online at level 4 by 2025").
scenario at_least_80(double latest_2022, progress_method m = progress_method::linear) {
    scenario s;
    s.t = progress_test::make_target(target_kind::at_least, 80.0, ye(2025), baseline{ye(2020), 20.0});
    s.points = {{ye(2020), 20.0}, {ye(2021), 30.0}, {ye(2022), latest_2022}};
    s.options.method = m;
    return s;
}

}  // namespace

TEST_CASE("linear: P, E and ratio give each status", "[progress][linear]") {
    // P = (x_t − 20)/60, E = 2/5 = 0.4, ratio = P/E.
    {
        const auto a = at_least_80(44).run();  // P = 24/60 = 0.4, ratio 1
        CHECK(a.status == target_status::on_track);
        REQUIRE(a.progress);
        CHECK(*a.progress == Catch::Approx(0.4));
        CHECK(*a.expected == Catch::Approx(0.4));
        CHECK(*a.ratio == Catch::Approx(1.0));
        REQUIRE(a.projected);
        CHECK(*a.projected == Catch::Approx(80.0));  // 20 + 24·5/2
        CHECK(a.latest->date == ye(2022));
        CHECK(a.latest->value == 44.0);
        CHECK(a.baseline->value == 20.0);
        CHECK(a.target_value == 80.0);
        CHECK(a.days_to_deadline == 1096);  // 2022-12-31 → 2025-12-31 (2024 is a leap year)
        CHECK_FALSE(a.reason);
    }
    {
        const auto a = at_least_80(38).run();  // P = 0.3, ratio 0.75
        CHECK(a.status == target_status::needs_acceleration);
        CHECK(*a.ratio == Catch::Approx(0.75));
    }
    {
        const auto a = at_least_80(26).run();  // P = 0.1, ratio 0.25
        CHECK(a.status == target_status::limited_progress);
        CHECK(*a.ratio == Catch::Approx(0.25));
    }
    {
        const auto a = at_least_80(14).run();  // P = −0.1, ratio −0.25
        CHECK(a.status == target_status::deterioration);
        CHECK(*a.progress == Catch::Approx(-0.1));
        CHECK(*a.ratio == Catch::Approx(-0.25));
    }
    {
        const auto a = at_least_80(80).run();  // meets the target
        CHECK(a.status == target_status::achieved);
        CHECK(*a.progress == Catch::Approx(1.0));
    }
}

TEST_CASE("thresholds are options", "[progress][linear]") {
    auto s = at_least_80(38);  // ratio 0.75
    s.options.thresholds = {0.7, 0.5, 0.0};
    CHECK(s.run().status == target_status::on_track);
    s.options.thresholds = {0.9, 0.8, 0.1};
    CHECK(s.run().status == target_status::limited_progress);
    s.options.thresholds = {0.5, 0.9, 0.0};  // not in decreasing order: misuse
    CHECK_THROWS_AS(s.run(), dxframe::error);
    s.options = {};
    s.options.zero_substitute = 0.0;
    CHECK_THROWS_AS(s.run(), dxframe::error);
}

TEST_CASE("overdue: deadline passed and not met, achieved wins over overdue", "[progress]") {
    auto s = at_least_80(44);
    s.points.push_back({ye(2025), 70.0});
    s.as_of = d("2026-03-01");
    auto a = s.run();
    CHECK(a.status == target_status::overdue);
    CHECK(a.days_to_deadline == -60);  // 2025-12-31 → 2026-03-01
    CHECK(*a.progress == Catch::Approx(50.0 / 60.0));
    CHECK_FALSE(a.reason);

    s.points.back().second = 81.0;
    a = s.run();
    CHECK(a.status == target_status::achieved);

    // On the deadline day itself the target is not yet overdue.
    s.points.back().second = 70.0;
    s.as_of = ye(2025);
    CHECK(s.run().status != target_status::overdue);
}

TEST_CASE("observations after the as-of date are ignored", "[progress]") {
    auto s = at_least_80(44);
    s.points.push_back({ye(2024), 90.0});  // would be achieved
    s.as_of = d("2024-06-30");
    const auto a = s.run();
    CHECK(a.latest->date == ye(2022));
    CHECK(a.status == target_status::on_track);
    s.as_of = ye(2024);
    CHECK(s.run().status == target_status::achieved);
}

TEST_CASE("insufficient data says why", "[progress]") {
    SECTION("no observations: no_data before the deadline") {
        auto s = at_least_80(44);
        s.points.clear();
        const auto a = s.run();
        CHECK(a.status == target_status::no_data);
        CHECK(a.reason == insufficiency_reason::no_observations);
        REQUIRE(a.message);
        CHECK_FALSE(a.latest);
    }
    SECTION("a single observation and no explicit baseline") {
        auto s = at_least_80(44);
        s.t.baseline.reset();
        s.points = {{ye(2022), 44.0}};
        const auto a = s.run();
        CHECK(a.status == target_status::insufficient_data);
        CHECK(a.reason == insufficiency_reason::single_point);
        CHECK(a.baseline->date == ye(2022));
    }
    SECTION("a single observation that meets the target is achieved") {
        auto s = at_least_80(44);
        s.t.baseline.reset();
        s.points = {{ye(2022), 85.0}};
        CHECK(s.run().status == target_status::achieved);
    }
    SECTION("an explicit baseline plus one later observation is enough") {
        auto s = at_least_80(44);
        s.points = {{ye(2022), 44.0}};
        CHECK(s.run().status == target_status::on_track);
    }
    SECTION("no observation on or after the base date") {
        auto s = at_least_80(44);
        s.t.baseline.reset();
        s.options.base_date = ye(2023);
        const auto a = s.run();
        CHECK(a.reason == insufficiency_reason::no_baseline);
    }
    SECTION("a baseline dated after the as-of date") {
        auto s = at_least_80(44);
        s.t.baseline = baseline{ye(2023), 20.0};
        const auto a = s.run();
        CHECK(a.reason == insufficiency_reason::no_baseline);
        CHECK(a.message->find("after the as-of date") != std::string::npos);
    }
    SECTION("a deadline before the baseline is overdue once passed") {
        // Validation flags such a target; assessed anyway, only the latest value can speak.
        auto s = at_least_80(44);
        s.t.deadline = ye(2019);
        s.points = {{ye(2022), 25.0}};
        const auto a = s.run();
        CHECK(a.status == target_status::overdue);
        CHECK_FALSE(a.expected);  // no time window to share
    }
    SECTION("unknown indicator and invalid targets") {
        auto s = at_least_80(44);
        s.t.indicator = "nope";
        CHECK(s.run().reason == insufficiency_reason::unknown_indicator);
        s = at_least_80(44);
        s.t.value.reset();
        CHECK(s.run().reason == insufficiency_reason::invalid_target);
        s = at_least_80(44);
        s.t.kind = target_kind::within;
        s.t.upper = 10.0;  // below value 80
        CHECK(s.run().reason == insufficiency_reason::invalid_target);
        s.t.kind = target_kind::exactly;
        s.t.tolerance = -1.0;
        CHECK(s.run().reason == insufficiency_reason::invalid_target);
    }
}

TEST_CASE("ratio observations become percentages", "[progress]") {
    scenario s;
    s.ind = progress_test::make_indicator(unit::percent);
    s.t = progress_test::make_target(target_kind::at_least, 80.0, ye(2025), baseline{ye(2020), 20.0});
    dataset ds = progress_test::make_dataset(s.ind, s.t, {});
    observation o = progress_test::obs("vn", ye(2022), 0);
    o.value.reset();
    o.numerator = 27;  // 27 of 60 = 45%
    o.denominator = 60;
    ds.observations.push_back(o);
    const auto a = assess(ds, ds.framework.targets.front(), ye(2022));
    REQUIRE(a.latest);
    CHECK(a.latest->value == Catch::Approx(45.0));
    CHECK(*a.progress == Catch::Approx(25.0 / 60.0));
    o.numerator = 48;  // 80%
    ds.observations = {o};
    CHECK(assess(ds, ds.framework.targets.front(), ye(2022)).status == target_status::achieved);
}

TEST_CASE("at_most on a lower-is-better indicator (rank: top 50)", "[progress][direction]") {
    scenario s;
    s.ind = progress_test::make_indicator(unit::rank, direction::lower_is_better);
    s.t = progress_test::make_target(target_kind::at_most, 50.0, ye(2025), baseline{ye(2020), 100.0});
    s.points = {{ye(2022), 80.0}};
    auto a = s.run();  // P = −(80 − 100)/50 = 0.4, E = 0.4
    CHECK(a.status == target_status::on_track);
    CHECK(*a.progress == Catch::Approx(0.4));
    CHECK(*a.ratio == Catch::Approx(1.0));
    s.points = {{ye(2022), 110.0}};  // P = −0.2
    a = s.run();
    CHECK(a.status == target_status::deterioration);
    CHECK(*a.progress == Catch::Approx(-0.2));
    s.points = {{ye(2022), 50.0}};
    CHECK(s.run().status == target_status::achieved);
    s.points = {{ye(2022), 51.0}};
    CHECK(s.run().status == target_status::on_track);  // P = 49/50, ratio 2.45

    // The same numbers with growth rates: base 100 → 50 in 5 years, observed 100 → 80 in 2.
    s.points = {{ye(2022), 80.0}};
    s.options.method = progress_method::growth_ratio;
    a = s.run();
    const double required = std::pow(0.5, 1.0 / 5) - 1;       // −0.12945
    const double observed = std::pow(0.8, 1.0 / 2) - 1;       // −0.10557
    CHECK(*a.ratio == Catch::Approx(-observed / -required));  // s·d·obs/|req| = 0.8155
    CHECK(a.status == target_status::needs_acceleration);
}

TEST_CASE("growth_ratio: hand-computed ratios and Open SDG scores", "[progress][growth_ratio]") {
    scenario s;
    s.t = progress_test::make_target(target_kind::at_least, 40.0, ye(2024), baseline{ye(2020), 10.0});
    s.options.method = progress_method::growth_ratio;
    // CAGR_req = 4^(1/4) − 1 = √2 − 1; CAGR_obs = (x/10)^(1/2) − 1.
    const double req = std::sqrt(2.0) - 1;
    struct row {
        double latest;
        target_status status;
        double ratio;
        double score;
    };
    const row rows[] = {
        {20.0, target_status::on_track, 1.0, 2.8572},  // 7.1429·1 − 4.2857
        {17.7255, target_status::needs_acceleration, (std::sqrt(1.77255) - 1) / req, 1.4286307507763283},
        {15.0, target_status::limited_progress, (std::sqrt(1.5) - 1) / req, -0.23922309481540216},  // 4.1667R − 2.5
        {9.0, target_status::deterioration, (std::sqrt(0.9) - 1) / req, -3.016210287243875},
    };
    for (const auto& r : rows) {
        s.points = {{ye(2022), r.latest}};
        const auto a = s.run();
        CAPTURE(r.latest);
        CHECK(a.status == r.status);
        REQUIRE(a.ratio);
        CHECK(*a.ratio == Catch::Approx(r.ratio));
        CHECK(*a.opensdg_score == Catch::Approx(r.score));
        CHECK(*a.required_growth == Catch::Approx(req));
        CHECK(*a.observed_growth == Catch::Approx(std::sqrt(r.latest / 10) - 1));
        // P and E are reported whatever the method.
        CHECK(*a.progress == Catch::Approx((r.latest - 10) / 30));
        CHECK(*a.expected == Catch::Approx(0.5));
        // Projected with the observed growth: x_t·(x_t/x_0)^(2/2).
        CHECK(*a.projected == Catch::Approx(r.latest * r.latest / 10));
    }
    s.points = {{ye(2022), 40.0}};
    const auto a = s.run();
    CHECK(a.status == target_status::achieved);
    CHECK(*a.opensdg_score == 5.0);
}

TEST_CASE("growth_ratio: negative values, zero and sign change", "[progress][growth_ratio]") {
    scenario s;
    s.options.method = progress_method::growth_ratio;
    SECTION("all-negative series: s = −1 keeps the sign right") {
        s.t = progress_test::make_target(target_kind::at_least, -5.0, ye(2024), baseline{ye(2020), -20.0});
        s.points = {{ye(2022), -10.0}};
        const auto a = s.run();  // obs = 0.5^(1/2) − 1, req = 0.25^(1/4) − 1: equal, R = −1·1·obs/|req| = 1
        CHECK(*a.ratio == Catch::Approx(1.0));
        CHECK(a.status == target_status::on_track);
    }
    SECTION("zero baseline: replaced by 0.001 (Open SDG) or refused") {
        s.t = progress_test::make_target(target_kind::at_least, 40.0, ye(2024), baseline{ye(2020), 0.0});
        s.points = {{ye(2022), 4.0}};
        auto a = s.run();
        // R = ((4/0.001)^(1/2) − 1)/((40/0.001)^(1/4) − 1) = 62.2456/13.1421
        CHECK(*a.ratio == Catch::Approx(4.7363347164801635));
        CHECK(a.status == target_status::on_track);
        REQUIRE(a.notes.size() == 1);
        CHECK(a.notes[0].find("baseline 0 replaced by 0.001") != std::string::npos);
        s.options.zero_substitute.reset();
        a = s.run();
        CHECK(a.status == target_status::insufficient_data);
        CHECK(a.reason == insufficiency_reason::zero_baseline);
        // The linear method has no trouble with a zero baseline: P = 4/40, E = 0.5.
        s.options.method = progress_method::linear;
        a = s.run();
        CHECK(*a.ratio == Catch::Approx(0.2));
        CHECK(a.status == target_status::limited_progress);
        // Projection cannot extrapolate growth from zero and says so.
        s.options.method = progress_method::projection;
        CHECK(s.run().reason == insufficiency_reason::zero_baseline);
    }
    SECTION("zero target: replaced by 0.001 (Open SDG) or refused") {
        s.t = progress_test::make_target(target_kind::at_most, 0.0, ye(2024), baseline{ye(2020), 16.0});
        s.points = {{ye(2022), 4.0}};
        auto a = s.run();
        // obs = (4/16)^(1/2) − 1 = −0.5; req = (0.001/16)^(1/4) − 1; R = −1·(−0.5)/|req|
        const double req = std::pow(0.001 / 16, 0.25) - 1;
        CHECK(*a.ratio == Catch::Approx(0.5 / std::fabs(req)));  // 0.5/0.9111 = 0.549
        CHECK(*a.ratio == Catch::Approx(0.5488).epsilon(1e-3));
        CHECK(a.status == target_status::limited_progress);
        s.options.zero_substitute.reset();
        CHECK(s.run().reason == insufficiency_reason::zero_target);
        s.points = {{ye(2022), 0.0}};  // reaching zero meets it, substitute or not
        CHECK(s.run().status == target_status::achieved);
    }
    SECTION("sign change between baseline and latest") {
        s.t = progress_test::make_target(target_kind::at_least, 10.0, ye(2024), baseline{ye(2020), 5.0});
        s.points = {{ye(2022), -2.0}};
        auto a = s.run();
        CHECK(a.status == target_status::insufficient_data);
        CHECK(a.reason == insufficiency_reason::sign_change);
        s.options.method = progress_method::linear;  // P = −7/5
        a = s.run();
        CHECK(*a.progress == Catch::Approx(-1.4));
        CHECK(a.status == target_status::deterioration);
        s.options.method = progress_method::projection;
        CHECK(s.run().reason == insufficiency_reason::sign_change);
    }
    SECTION("target of the other sign than the baseline") {
        s.t = progress_test::make_target(target_kind::at_least, 5.0, ye(2024), baseline{ye(2020), -5.0});
        s.points = {{ye(2022), -3.0}};
        CHECK(s.run().reason == insufficiency_reason::target_sign_differs);
        // Projection extrapolates the value, not a growth to the target: −3·(0.6)^(2/2) = −1.8,
        // ρ = (−1.8 + 5)/10 = 0.32.
        s.options.method = progress_method::projection;
        const auto a = s.run();
        CHECK(*a.projected == Catch::Approx(-1.8));
        CHECK(*a.ratio == Catch::Approx(0.32));
        CHECK(a.status == target_status::limited_progress);
    }
    SECTION("target equal to the baseline, not met: moving away in every method") {
        s.t = progress_test::make_target(target_kind::at_least, 50.0, ye(2024), baseline{ye(2020), 50.0});
        s.points = {{ye(2022), 48.0}};
        auto a = s.run();
        CHECK(a.status == target_status::deterioration);
        CHECK(*a.opensdg_score == -5.0);  // Open SDG: R = −∞, score max(−∞, −5)
        CHECK_FALSE(a.ratio);             // never an infinity in a result
        s.options.method = progress_method::linear;
        CHECK(s.run().status == target_status::deterioration);
        s.options.method = progress_method::projection;
        CHECK(s.run().status == target_status::deterioration);
        s.points = {{ye(2022), 50.0}};
        CHECK(s.run().status == target_status::achieved);
    }
}

TEST_CASE("projection: extrapolated value against the target", "[progress][projection]") {
    scenario s;
    s.t = progress_test::make_target(target_kind::at_least, 80.0, ye(2026), baseline{ye(2020), 10.0});
    s.options.method = progress_method::projection;
    // x̂ = x_t·(x_t/10)^((2026 − 2022)/(2022 − 2020)) = x_t³/100; ρ = (x̂ − 10)/70.
    struct row {
        double latest;
        double projected;
        target_status status;
    };
    const row rows[] = {{20.0, 80.0, target_status::on_track},
                        {18.0, 58.32, target_status::needs_acceleration},
                        {15.0, 33.75, target_status::limited_progress},
                        {9.0, 7.29, target_status::deterioration}};
    for (const auto& r : rows) {
        s.points = {{ye(2022), r.latest}};
        const auto a = s.run();
        CAPTURE(r.latest);
        CHECK(*a.projected == Catch::Approx(r.projected));
        CHECK(*a.ratio == Catch::Approx((r.projected - 10) / 70));
        CHECK(a.status == r.status);
    }
    // A percentage cannot be projected past 100: 40·4² = 640 is kept at 100.
    s.ind = progress_test::make_indicator(unit::percent);
    s.points = {{ye(2022), 40.0}};
    const auto a = s.run();
    CHECK(*a.projected == 100.0);
    CHECK(*a.ratio == Catch::Approx(90.0 / 70.0));
    CHECK(a.status == target_status::on_track);
}

TEST_CASE("exactly and within: distance to the target", "[progress][kinds]") {
    scenario s;
    s.t = progress_test::make_target(target_kind::exactly, 50.0, ye(2025), baseline{ye(2020), 30.0});
    s.t.tolerance = 1.0;
    // y = |x − 50|, y0 = 20, y* = 1: P = (20 − y)/19. Path 30 → 50, E = 0.4.
    s.points = {{ye(2022), 40.5}};
    auto a = s.run();
    CHECK(*a.progress == Catch::Approx(10.5 / 19));
    CHECK(*a.ratio == Catch::Approx(10.5 / 19 / 0.4));
    CHECK(a.status == target_status::on_track);
    s.points = {{ye(2022), 65.0}};  // overshoot: y = 15
    a = s.run();
    CHECK(*a.progress == Catch::Approx(5.0 / 19));
    CHECK(a.status == target_status::needs_acceleration);
    s.points = {{ye(2022), 50.5}};
    CHECK(s.run().status == target_status::achieved);
    s.options.method = progress_method::growth_ratio;  // on the distance: 20 → 9.5, target 1
    s.points = {{ye(2022), 40.5}};
    a = s.run();
    const double obs = std::sqrt(9.5 / 20) - 1, req = std::pow(1.0 / 20, 0.2) - 1;
    CHECK(*a.ratio == Catch::Approx(-obs / std::fabs(req)));

    scenario w;
    w.t = progress_test::make_target(target_kind::within, 40.0, ye(2025), baseline{ye(2020), 10.0});
    w.t.upper = 60.0;
    // Distance to [40, 60]: 30 → 18, P = 12/30 = 0.4; path 10 → 40, E = 0.4.
    w.points = {{ye(2022), 22.0}};
    a = w.run();
    CHECK(*a.progress == Catch::Approx(0.4));
    CHECK(*a.expected == Catch::Approx(0.4));
    CHECK(a.status == target_status::on_track);
    CHECK(a.target_value == 40.0);
    w.points = {{ye(2022), 45.0}};
    CHECK(w.run().status == target_status::achieved);
    w.t.baseline = baseline{ye(2020), 70.0};  // from above: distance 10 → 5 towards 60
    w.points = {{ye(2022), 65.0}};
    a = w.run();
    CHECK(*a.progress == Catch::Approx(0.5));
    CHECK(*a.path_value == Catch::Approx(66.0));  // 70 − 10·2/5
    CHECK(*a.path_gap == Catch::Approx(1.0));     // ahead: lower than the path on the way down
    w.t.baseline = baseline{ye(2020), 50.0};      // inside, then left it
    w.points = {{ye(2022), 65.0}};
    CHECK(w.run().status == target_status::deterioration);
}

TEST_CASE("maintain: stay at or better than a level", "[progress][kinds]") {
    scenario s;
    s.t = progress_test::make_target(target_kind::maintain, 90.0, ye(2025), baseline{ye(2020), 95.0});
    s.points = {{ye(2022), 92.0}};
    CHECK(s.run().status == target_status::achieved);
    s.points = {{ye(2022), 85.0}};
    auto a = s.run();  // P = (85 − 95)/|90 − 95| = −2
    CHECK(*a.progress == Catch::Approx(-2.0));
    CHECK(a.status == target_status::deterioration);
    s.t.value.reset();  // hold the baseline
    s.points = {{ye(2022), 96.0}};
    a = s.run();
    CHECK(a.status == target_status::achieved);
    CHECK(a.target_value == 95.0);
    s.points = {{ye(2022), 94.0}};
    CHECK(s.run().status == target_status::deterioration);
    s.ind = progress_test::make_indicator(unit::count, direction::lower_is_better);  // hold at most 95
    CHECK(s.run().status == target_status::achieved);
    s.t.baseline.reset();
    s.points = {};  // nothing to hold and nothing reported: no data (before the deadline)
    CHECK(s.run().status == target_status::no_data);
    CHECK(s.run().reason == insufficiency_reason::no_observations);
}

TEST_CASE("increase and decrease: growth against fixed rates, decided at the deadline", "[progress][kinds]") {
    scenario s;
    s.t = progress_test::make_target(target_kind::increase, std::nullopt, ye(2025), baseline{ye(2020), 100.0});
    struct row {
        double latest;
        target_status status;
    };
    // CAGR over two years: √(x/100) − 1 against 1.5% / 0.5% / 0.
    const row up[] = {{104.04, target_status::on_track},           // 2.0%
                      {101.5, target_status::needs_acceleration},  // 0.747%
                      {100.5, target_status::limited_progress},    // 0.250%
                      {99.0, target_status::deterioration}};       // −0.501%
    for (const auto m : {progress_method::linear, progress_method::growth_ratio, progress_method::projection}) {
        s.options.method = m;
        for (const auto& r : up) {
            s.points = {{ye(2022), r.latest}};
            const auto a = s.run();
            CAPTURE(r.latest);
            CHECK(a.status == r.status);
            CHECK(*a.ratio == Catch::Approx(std::sqrt(r.latest / 100) - 1));
            CHECK_FALSE(a.progress);  // no distance without a numeric target
        }
    }
    s.options.method = progress_method::linear;
    s.t.kind = target_kind::decrease;
    s.points = {{ye(2022), 96.04}};  // −2%: g = +2%
    CHECK(s.run().status == target_status::on_track);
    s.points = {{ye(2022), 101.0}};
    CHECK(s.run().status == target_status::deterioration);
    // At the deadline any move the right way achieves it.
    s.as_of = d("2026-01-01");
    s.points = {{ye(2025), 99.0}};
    CHECK(s.run().status == target_status::achieved);
    s.points = {{ye(2025), 100.0}};
    CHECK(s.run().status == target_status::overdue);
    // A single point cannot show a direction.
    s.t.baseline.reset();
    s.as_of = ye(2022);
    s.points = {{ye(2022), 100.0}};
    CHECK(s.run().reason == insufficiency_reason::single_point);
}

TEST_CASE("limit from bounds scales the no-target thresholds (Open SDG limit)", "[progress][growth_ratio]") {
    scenario s;
    s.ind = progress_test::make_indicator(unit::percent);
    s.t = progress_test::make_target(target_kind::increase, std::nullopt, ye(2025), baseline{ye(2020), 95.0});
    s.points = {{ye(2022), 96.0}};  // g = √(96/95) − 1 = 0.525%
    s.options.method = progress_method::growth_ratio;
    CHECK(s.run().status == target_status::needs_acceleration);
    s.options.limit_from_bounds = true;  // limit 100: C = 1 − 0.95^4.44 = 0.2037, on_track from 0.31%
    const auto a = s.run();
    CHECK(a.status == target_status::on_track);
    CHECK(*a.opensdg_score == 5.0);  // min(500·g/C − 5, 5)
    REQUIRE(a.notes.size() == 1);
    CHECK(a.notes[0].find("0.20367") != std::string::npos);
}

TEST_CASE("milestones bend the expected path and give a gap", "[progress][milestones]") {
    auto s = at_least_80(44);
    s.t.milestones = {{ye(2022), 50.0}};  // front-loaded: 50 by 2022, then 80 by 2025
    auto a = s.run();
    CHECK(*a.path_value == Catch::Approx(50.0));
    CHECK(*a.path_gap == Catch::Approx(-6.0));
    CHECK(*a.expected == Catch::Approx(0.5));  // (50 − 20)/(80 − 20)
    CHECK(*a.ratio == Catch::Approx(0.8));
    CHECK(a.status == target_status::needs_acceleration);  // on_track without the milestone

    s.points.push_back({ye(2023), 60.0});
    s.as_of = ye(2023);
    a = s.run();
    CHECK(*a.path_value == Catch::Approx(60.0));  // 50 + 30·1/3
    CHECK(*a.path_gap == Catch::Approx(0.0));
    CHECK(*a.ratio == Catch::Approx(1.0));

    // Without milestones the path is the straight line: E is the share of time.
    s.t.milestones.clear();
    a = s.run();
    CHECK(*a.path_value == Catch::Approx(56.0));  // 20 + 60·3/5
    CHECK(*a.expected == Catch::Approx(0.6));
    CHECK(*a.path_gap == Catch::Approx(4.0));
}

TEST_CASE("boolean indicators are assessed linearly by every method", "[progress]") {
    scenario s;
    s.ind = progress_test::make_indicator(unit::boolean);
    s.t = progress_test::make_target(target_kind::at_least, 1.0, ye(2024), baseline{ye(2020), 0.0});
    s.points = {{ye(2022), 0.0}};
    s.options.method = progress_method::growth_ratio;
    auto a = s.run();
    CHECK(a.method == progress_method::linear);
    CHECK(a.status == target_status::limited_progress);  // P = 0, E = 0.5
    CHECK(*a.ratio == 0.0);
    s.points = {{ye(2022), 1.0}};
    CHECK(s.run().status == target_status::achieved);
}

TEST_CASE("a target's explicit baseline binds only its own entity", "[progress][entities]") {
    scenario s = at_least_80(44);
    dataset ds = progress_test::make_dataset(s.ind, s.t, s.points);
    ds.observations.push_back(progress_test::obs("hn", ye(2021), 40.0));
    ds.observations.push_back(progress_test::obs("hn", ye(2022), 46.0));
    const target& t = ds.framework.targets.front();
    const auto hn = assess(ds, t, "hn", ye(2022));
    CHECK(hn.entity == "hn");
    CHECK(hn.baseline->value == 40.0);  // its own first value, not the nation's 20
    CHECK(*hn.progress == Catch::Approx(6.0 / 40.0));
    CHECK(*hn.expected == Catch::Approx(0.25));  // 1 of 4 years from 2021
    REQUIRE_FALSE(hn.notes.empty());

    const auto all = assess_all(ds, ye(2022), {}, entity_scope::all_observed);
    REQUIRE(all.size() == 2);
    CHECK(all[0].entity == "vn");
    CHECK(all[1].entity == "hn");
    CHECK(assess_all(ds, ye(2022)).size() == 1);
    const auto across = assess_across(ds, t, {"vn", "hn", "dn"}, ye(2022));
    REQUIRE(across.size() == 3);
    CHECK(across[0].status == target_status::on_track);
    CHECK(across[2].reason == insufficiency_reason::no_observations);
}

TEST_CASE("observations of one date: final beats provisional, later beats earlier", "[progress][series]") {
    std::vector<observation> o = {progress_test::obs("vn", ye(2022), 10.0), progress_test::obs("vn", ye(2022), 11.0),
                                  progress_test::obs("vn", ye(2021), 5.0), progress_test::obs("vn", ye(2023), 7.0)};
    o[1].status = observation_status::provisional;
    auto s = observed_series(o, "vn", "ind", unit::other);
    REQUIRE(s.size() == 3);
    CHECK(s[0].value == 5.0);
    CHECK(s[1].value == 10.0);  // final wins although listed first
    o[1].status = observation_status::final;
    s = observed_series(o, "vn", "ind", unit::other);
    CHECK(s[1].value == 11.0);  // equals: the later one
    CHECK(up_to(s, ye(2022)).size() == 2);
    CHECK(first_on_or_after(s, d("2022-01-01"))->value == 11.0);
    CHECK_FALSE(first_on_or_after(s, d("2024-01-01")));
}

TEST_CASE("progress score for roll-ups clips P and counts achieved as 1", "[progress]") {
    target_assessment a;
    a.status = target_status::on_track;
    a.progress = 1.4;
    CHECK(progress_score(a) == 1.0);
    a.progress = -0.3;
    a.status = target_status::deterioration;
    CHECK(progress_score(a) == 0.0);
    a.status = target_status::achieved;
    a.progress.reset();
    CHECK(progress_score(a) == 1.0);
    a.status = target_status::insufficient_data;
    a.progress = 0.5;
    CHECK_FALSE(progress_score(a));
}

TEST_CASE("the worked examples of docs/progress.md", "[progress][docs]") {
    // Decision 749: 80% of public services online at level 4 by 2025; 10.76% (2019) → 30.1% (2020).
    scenario l4;
    l4.ind = progress_test::make_indicator(unit::percent);
    l4.t = progress_test::make_target(target_kind::at_least, 80.0, ye(2025), baseline{ye(2019), 10.76});
    l4.points = {{ye(2020), 30.1}};
    l4.as_of = ye(2020);
    auto a = l4.run();
    CHECK(*a.progress == Catch::Approx(0.2793).epsilon(1e-3));
    CHECK(*a.expected == Catch::Approx(1.0 / 6));
    CHECK(*a.ratio == Catch::Approx(1.676).epsilon(1e-3));
    CHECK(a.status == target_status::on_track);
    CHECK(*a.projected == 100.0);  // 126.8 kept at 100
    l4.options.method = progress_method::growth_ratio;
    a = l4.run();
    CHECK(*a.observed_growth == Catch::Approx(1.797).epsilon(1e-3));
    CHECK(*a.required_growth == Catch::Approx(0.397).epsilon(1e-3));
    CHECK(*a.ratio == Catch::Approx(4.53).epsilon(1e-3));

    // Digital economy 20% of GDP by 2025 from 12.66% (2020): MIC 18.3% and GSO 13.17% in 2024.
    scenario de;
    de.ind = progress_test::make_indicator(unit::percent);
    de.t = progress_test::make_target(target_kind::at_least, 20.0, ye(2025), baseline{ye(2020), 12.66});
    de.as_of = d("2025-06-30");
    struct row {
        double latest;
        progress_method method;
        double ratio;
        target_status status;
    };
    const row rows[] = {{18.3, progress_method::linear, 0.960, target_status::on_track},
                        {13.17, progress_method::linear, 0.0869, target_status::limited_progress},
                        {18.3, progress_method::growth_ratio, 1.0075, target_status::on_track},
                        {13.17, progress_method::growth_ratio, 0.1036, target_status::limited_progress},
                        {18.3, progress_method::projection, 1.009, target_status::on_track},
                        {13.17, progress_method::projection, 0.0873, target_status::limited_progress}};
    for (const auto& r : rows) {
        de.points = {{ye(2024), r.latest}};
        de.options.method = r.method;
        a = de.run();
        CAPTURE(r.latest, r.method);
        CHECK(*a.ratio == Catch::Approx(r.ratio).epsilon(2e-3));
        CHECK(a.status == r.status);
    }
    de.points = {{ye(2024), 18.3}};
    de.options.method = progress_method::growth_ratio;
    CHECK(*de.run().opensdg_score == Catch::Approx(2.91).epsilon(1e-3));
    de.options.method = progress_method::projection;
    CHECK(*de.run().projected == Catch::Approx(20.07).epsilon(1e-3));

    // Decision 942: top 30 in e-government by 2030; EGDI rank 86 (2020) → 71 (2024).
    scenario egdi;
    egdi.ind = progress_test::make_indicator(unit::rank, direction::lower_is_better);
    egdi.t = progress_test::make_target(target_kind::at_most, 30.0, ye(2030), baseline{ye(2020), 86.0});
    egdi.points = {{ye(2024), 71.0}};
    egdi.as_of = d("2025-06-30");
    a = egdi.run();
    CHECK(*a.ratio == Catch::Approx(0.670).epsilon(1e-3));
    CHECK(a.status == target_status::needs_acceleration);
    egdi.options.method = progress_method::growth_ratio;
    a = egdi.run();
    CHECK(*a.ratio == Catch::Approx(0.468).epsilon(1e-3));
    CHECK(a.status == target_status::limited_progress);
    egdi.options.method = progress_method::projection;
    a = egdi.run();
    CHECK(*a.projected == Catch::Approx(53.26).epsilon(1e-3));
    CHECK(*a.ratio == Catch::Approx(0.585).epsilon(1e-3));
    CHECK(a.status == target_status::limited_progress);
}
