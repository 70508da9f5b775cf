// SPDX-License-Identifier: MIT
// The statuses about missing data — unreported (deadline passed, no result in the result
// window), no_data (nothing before the deadline), insufficient_data — and the freshness of the
// latest observation (date, age, stale), with their boundaries, and how roll-ups count them.
#include <dxframe/io/json.hpp>
#include <dxframe/progress.hpp>

#include "catch_compat.hpp"
#include "progress_support.hpp"

using namespace dxframe;
using progress_test::d;
using progress_test::ye;

namespace {

// at_least 80 by 2025-12-31 from 20 at the end of 2020; the result window starts 2025-06-30.
struct scenario {
    indicator ind = progress_test::make_indicator();
    target t = progress_test::make_target(target_kind::at_least, 80.0, ye(2025), baseline{ye(2020), 20.0});
    std::vector<std::pair<date, double>> points{{ye(2020), 20.0}, {ye(2022), 44.0}};
    date as_of = d("2026-03-01");
    progress_options options{};

    target_assessment run() const {
        const dataset ds = progress_test::make_dataset(ind, t, points);
        return assess(ds, ds.framework.targets.front(), as_of, options);
    }
};

}  // namespace

TEST_CASE("months_before: same day, clamped to the end of a shorter month", "[progress][freshness]") {
    CHECK(months_before(d("2025-12-31"), 6) == d("2025-06-30"));
    CHECK(months_before(d("2025-08-31"), 6) == d("2025-02-28"));
    CHECK(months_before(d("2024-08-31"), 6) == d("2024-02-29"));
    CHECK(months_before(d("2025-03-15"), 12) == d("2024-03-15"));
    CHECK(months_before(d("2025-01-31"), 1) == d("2024-12-31"));
    CHECK(months_before(d("2025-01-31"), 0) == d("2025-01-31"));
    CHECK(months_before(d("2025-01-31"), -1) == d("2025-02-28"));
    CHECK(months_before(d("0001-03-01"), 5) == d("0001-01-01"));
    CHECK(months_before(d("9999-10-01"), -5) == d("9999-12-31"));
}

TEST_CASE("unreported: deadline passed, not met, nothing within the result window", "[progress][freshness]") {
    scenario s;  // latest 2022-12-31, deadline 2025-12-31, as of 2026-03-01
    auto a = s.run();
    CHECK(a.status == target_status::unreported);
    CHECK(a.result_window_start == d("2025-06-30"));
    CHECK_FALSE(a.reason);
    REQUIRE(a.message);
    CHECK(a.message->find("2025-06-30") != std::string::npos);
    CHECK(a.message->find("latest observation 2022-12-31") != std::string::npos);
    CHECK_FALSE(progress_score(a));                    // not a judgement: no score
    CHECK(*a.progress == Catch::Approx(24.0 / 60.0));  // the measures are still reported

    SECTION("an observation exactly at deadline − 6 months is within the window: overdue") {
        s.points.push_back({d("2025-06-30"), 60.0});
        a = s.run();
        CHECK(a.status == target_status::overdue);
        CHECK_FALSE(a.message);
        CHECK(progress_score(a) == Catch::Approx(40.0 / 60.0));
    }
    SECTION("one day earlier is not") {
        s.points.push_back({d("2025-06-29"), 60.0});
        CHECK(s.run().status == target_status::unreported);
    }
    SECTION("an observation after the deadline counts") {
        s.points.push_back({d("2026-01-15"), 60.0});
        CHECK(s.run().status == target_status::overdue);
    }
    SECTION("no observation at all once the deadline passed") {
        s.points.clear();
        a = s.run();
        CHECK(a.status == target_status::unreported);
        CHECK_FALSE(a.latest);
        CHECK_FALSE(a.latest_age_days);
        CHECK_FALSE(a.stale);
        CHECK(a.message->find("no observation at all") != std::string::npos);
    }
    SECTION("an old value that meets the target is still achieved") {
        s.points.back().second = 85.0;
        CHECK(s.run().status == target_status::achieved);
    }
    SECTION("the window is an option") {
        s.options.result_window_months = 36;  // from 2022-12-31
        CHECK(s.run().status == target_status::overdue);
        CHECK(s.run().result_window_start == ye(2022));
        s.options.result_window_months = 35;  // from 2023-01-31
        CHECK(s.run().status == target_status::unreported);
        s.options.result_window_months = 0;  // only results dated on or after the deadline
        s.points.push_back({ye(2025), 60.0});
        CHECK(s.run().status == target_status::overdue);
    }
    SECTION("the deadline day itself is not late") {
        s.as_of = ye(2025);
        CHECK(s.run().status == target_status::on_track);  // P = 0.4 after 2 of 5 years
    }
    SECTION("every method") {
        for (const auto m : {progress_method::linear, progress_method::growth_ratio, progress_method::projection}) {
            s.options.method = m;
            CAPTURE(m);
            CHECK(s.run().status == target_status::unreported);
        }
    }
    SECTION("increase / decrease targets") {
        s.t = progress_test::make_target(target_kind::increase, std::nullopt, ye(2025), baseline{ye(2020), 20.0});
        s.points = {{ye(2022), 18.0}};
        CHECK(s.run().status == target_status::unreported);
        s.points.push_back({d("2025-09-30"), 19.0});
        CHECK(s.run().status == target_status::overdue);
        s.points.back().second = 21.0;
        CHECK(s.run().status == target_status::achieved);
        // A single point after the deadline cannot show the move: not achieved.
        s.t.baseline.reset();
        s.points = {{d("2025-09-30"), 21.0}};
        CHECK(s.run().status == target_status::overdue);
        s.points = {{ye(2022), 21.0}};
        CHECK(s.run().status == target_status::unreported);
    }
    SECTION("invalid targets and unknown indicators stay insufficient_data") {
        s.t.indicator = "nope";
        CHECK(s.run().status == target_status::insufficient_data);
        CHECK(s.run().reason == insufficiency_reason::unknown_indicator);
        s.t.indicator = "ind";
        s.t.value.reset();
        CHECK(s.run().status == target_status::insufficient_data);
        CHECK(s.run().reason == insufficiency_reason::invalid_target);
    }
}

TEST_CASE("no_data before the deadline, insufficient_data for too little", "[progress][freshness]") {
    scenario s;
    s.as_of = ye(2024);
    s.points.clear();
    auto a = s.run();
    CHECK(a.status == target_status::no_data);
    CHECK(a.reason == insufficiency_reason::no_observations);
    REQUIRE(a.message);
    CHECK_FALSE(a.latest);
    CHECK_FALSE(progress_score(a));

    // Observations dated after the as-of date do not count.
    s.points = {{d("2025-01-31"), 50.0}};
    CHECK(s.run().status == target_status::no_data);

    // One observation and no baseline: some data, too little.
    s.t.baseline.reset();
    s.points = {{ye(2022), 44.0}};
    a = s.run();
    CHECK(a.status == target_status::insufficient_data);
    CHECK(a.reason == insufficiency_reason::single_point);
    // The same after the deadline, with the point outside the window: unreported.
    s.as_of = d("2026-01-01");
    CHECK(s.run().status == target_status::unreported);

    // maintain without a value or a baseline.
    s.t = progress_test::make_target(target_kind::maintain, std::nullopt, ye(2025));
    s.options.base_date = ye(2023);
    s.as_of = ye(2024);
    CHECK(s.run().reason == insufficiency_reason::no_baseline);
    s.points.clear();
    CHECK(s.run().status == target_status::no_data);
    s.as_of = d("2026-01-01");
    CHECK(s.run().status == target_status::unreported);
}

TEST_CASE("freshness: date, age and stale flag of the latest observation", "[progress][freshness]") {
    scenario s;
    s.as_of = ye(2023);  // latest 2022-12-31
    auto a = s.run();
    REQUIRE(a.latest);
    CHECK(a.latest->date == ye(2022));
    CHECK(a.latest_age_days == 365);
    CHECK_FALSE(a.stale);  // exactly 12 months old is not stale

    s.as_of = d("2024-01-01");  // a day more
    a = s.run();
    CHECK(a.latest_age_days == 366);
    CHECK(a.stale);

    s.options.stale_after_months = 13;
    CHECK_FALSE(s.run().stale);
    s.options.stale_after_months = 0;  // anything older than the as-of date
    s.as_of = ye(2022);
    CHECK(s.run().latest_age_days == 0);
    CHECK_FALSE(s.run().stale);

    // Options are checked.
    s.options.stale_after_months = -1;
    CHECK_THROWS_AS(s.run(), dxframe::error);
    s.options.stale_after_months = 12;
    s.options.result_window_months = 1201;
    CHECK_THROWS_AS(s.run(), dxframe::error);

    // JSON carries the new members.
    s.options.result_window_months = 6;
    const nlohmann::json j = s.run();
    CHECK(j.at("latest_age_days") == 0);
    CHECK(j.at("stale") == false);
    CHECK(j.at("result_window_start") == "2025-06-30");
}

TEST_CASE("status scale: order, ranks, judgements", "[progress][freshness]") {
    CHECK(target_status_count == 9);
    CHECK(static_cast<std::size_t>(target_status::no_data) == target_status_count - 1);
    CHECK(static_cast<int>(target_status::unreported) == static_cast<int>(target_status::overdue) + 1);
    CHECK(to_string(target_status::unreported) == "unreported");
    CHECK(to_string(target_status::no_data) == "no_data");
    for (const auto s : {target_status::unreported, target_status::insufficient_data, target_status::no_data}) {
        CHECK_FALSE(is_judgement(s));
        CHECK(severity_rank(s) < severity_rank(target_status::achieved));
    }
    CHECK(is_judgement(target_status::overdue));
    CHECK(worse(target_status::achieved, target_status::unreported) == target_status::achieved);
    CHECK(worse(target_status::no_data, target_status::unreported) == target_status::unreported);
    CHECK(worse(target_status::no_data, target_status::insufficient_data) == target_status::insufficient_data);
    CHECK(attention_rank(target_status::overdue) > attention_rank(target_status::unreported));
    CHECK(attention_rank(target_status::unreported) > attention_rank(target_status::deterioration));
    CHECK(needs_action(target_status::unreported));
    CHECK(needs_action(target_status::overdue));
    CHECK_FALSE(needs_action(target_status::no_data));
    CHECK_FALSE(needs_action(target_status::insufficient_data));
    CHECK_FALSE(needs_action(target_status::on_track));
}

TEST_CASE("roll-up: statuses without a judgement are counted apart, out of scores", "[progress][freshness]") {
    framework fw;
    const auto ind = [](const std::string& id) {
        indicator i = progress_test::make_indicator();
        i.id = id;
        i.pillar = pillar::digital_government;
        return i;
    };
    fw.indicators = {ind("i1"), ind("i2"), ind("i3"), ind("i4"), ind("i5")};
    const auto made = [](const std::string& i, target_status s, std::optional<double> p,
                         std::optional<double> opensdg = std::nullopt) {
        target_assessment a;
        a.target = "t_" + i;
        a.indicator = i;
        a.entity = "vn";
        a.status = s;
        a.progress = p;
        a.opensdg_score = opensdg;
        return a;
    };
    // The unreported target keeps its (old) P and Open SDG score: neither may count.
    const std::vector<target_assessment> as{
        made("i1", target_status::overdue, 0.5, -1.0), made("i2", target_status::unreported, 0.1, -5.0),
        made("i3", target_status::on_track, 0.9, 3.0), made("i4", target_status::insufficient_data, std::nullopt),
        made("i5", target_status::no_data, std::nullopt)};
    const progress_rollup r = rollup(fw, as);
    const rollup_entry& all = r.overall;
    CHECK(all.targets == 5);
    CHECK(all.counts.overdue == 1);
    CHECK(all.counts.unreported == 1);
    CHECK(all.counts.insufficient_data == 1);
    CHECK(all.counts.no_data == 1);
    CHECK(all.counts.total() == 5);
    CHECK(all.counts.judged() == 2);
    CHECK(all.not_judged == 3);
    CHECK(*all.share_on_track == Catch::Approx(0.5));  // on_track of {overdue, on_track}
    CHECK(*all.score == Catch::Approx((0.5 + 0.9) / 2));
    CHECK(*all.opensdg_score == Catch::Approx((-1.0 + 3.0) / 2));
    CHECK(all.worst == target_status::overdue);
    REQUIRE(r.pillars.size() == 1);
    CHECK(r.pillars[0].not_judged == 3);

    // Nothing judged: the worst is the one most in need of chasing.
    const progress_rollup none = rollup(fw, {as[3], as[4], as[1]});
    CHECK(none.overall.worst == target_status::unreported);
    CHECK_FALSE(none.overall.score);
    CHECK_FALSE(none.overall.share_on_track);
    const progress_rollup quiet = rollup(fw, {as[4], as[3]});
    CHECK(quiet.overall.worst == target_status::insufficient_data);

    const nlohmann::json j = r.overall;
    CHECK(j.at("counts").at("unreported") == 1);
    CHECK(j.at("counts").at("no_data") == 1);
    CHECK(j.at("not_judged") == 3);
}
