// SPDX-License-Identifier: MIT
// Derived indicators (issue 14, items 3 and 4): counts of entities meeting a condition ("60/63
// provinces") and sums, means and weighted means across entities, with the member set taken
// at each date (63 provinces before 1 July 2025, 34 from then).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <dxframe/data/vietnam.hpp>
#include <dxframe/model.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/derived.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/series.hpp>

#include "catch_compat.hpp"
#include "derived_support.hpp"
#include "progress_support.hpp"

using namespace dxframe;
using derived_test::derive;
using derived_test::obs;
using derived_test::plain;
using progress_test::d;

namespace {

// "Has issued a DX resolution" (boolean) and the share of provinces that have.
indicator resolution_share(entity_level level = entity_level::province) {
    indicator share = plain("with_resolution", unit::percent);
    derivation dv = derive(derivation_kind::count, level, "resolution");
    dv.condition = count_condition{comparison::at_least, 1};
    share.derived = dv;
    return share;
}

// The Viet Nam entities (nation, ministries, the 63 provinces and their 23 successors) with the
// two indicators.
dataset vietnam_counting() {
    dataset ds;
    ds.framework.id = "f";
    ds.framework.name = {"f", "f"};
    ds.framework.nation = "vn";
    ds.framework.indicators = {plain("resolution", unit::boolean), resolution_share()};
    ds.entities = data::vietnam().entities;
    return ds;
}

std::vector<std::string> provinces_alive(const dataset& ds, const date& on) {
    const entity_lifetimes lifetimes(ds.entities);
    std::vector<std::string> out;
    for (const entity& e : ds.entities) {
        if (e.level == entity_level::province && lifetimes.alive(e.id, on)) out.push_back(e.id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("60/63 provinces: a count derived from 63 province observations", "[derived]") {
    dataset ds = vietnam_counting();
    const std::vector<std::string> provinces = provinces_alive(ds, d("2024-12-31"));
    REQUIRE(provinces.size() == 63);
    // 60 have issued a resolution, 2 have not, one did not report.
    for (std::size_t i = 0; i < 62; ++i)
        ds.observations.push_back(obs(provinces[i], "resolution", d("2024-12-31"), i < 60 ? 1 : 0));

    const auto series = derive_series(ds, ds.framework.indicators[1]);
    REQUIRE(series.size() == 1);
    CHECK(series[0].date == d("2024-12-31"));
    CHECK(series[0].numerator == 60.0);
    CHECK(series[0].denominator == 63.0);
    CHECK(series[0].members == 63);
    CHECK(series[0].missing == 1);
    CHECK(series[0].origin == derived_origin::computed);
    CHECK(series[0].value == Approx(100.0 * 60 / 63));

    const derived_membership who = derived_members(ds, ds.framework.indicators[1], d("2024-12-31"));
    CHECK(who.meeting.size() == 60);
    CHECK(who.not_meeting == std::vector<std::string>{provinces[60], provinces[61]});
    CHECK(who.missing == std::vector<std::string>{provinces[62]});

    // The series belongs to the nation: a target on it is assessed like any other.
    const series_index index(ds);
    REQUIRE(index.get("vn", "with_resolution").size() == 1);
    CHECK(index.get("vn", "with_resolution")[0].value == Approx(95.238095238));
}

TEST_CASE("22/22 ministries have a five-year plan", "[derived]") {
    dataset ds;
    ds.framework.nation = "vn";
    ds.framework.indicators = {plain("resolution", unit::boolean), resolution_share(entity_level::ministry)};
    entity vn;
    vn.id = "vn";
    vn.level = entity_level::nation;
    ds.entities.push_back(vn);
    for (int i = 0; i < 22; ++i) {
        entity m;
        m.id = "ministry_" + std::to_string(i);
        m.level = entity_level::ministry;
        m.parent = "vn";
        ds.entities.push_back(m);
        // Reported at different dates: the latest value on or before a date counts.
        ds.observations.push_back(obs(m.id, "resolution", i < 11 ? d("2024-06-30") : d("2024-12-31"), 1));
    }
    const auto series = derive_series(ds, ds.framework.indicators[1]);
    // At mid-year 11 of 22 have one and 11 have not reported: 50% missing is above the default
    // 20%, so there is no point then.
    REQUIRE(series.size() == 1);
    CHECK(series[0].date == d("2024-12-31"));
    CHECK(series[0].numerator == 22.0);
    CHECK(series[0].denominator == 22.0);
    CHECK(series[0].value == 100.0);
    const auto mid_year = derived_members(ds, ds.framework.indicators[1], d("2024-06-30"));
    CHECK(mid_year.meeting.size() == 11);
    CHECK(mid_year.missing.size() == 11);
}

TEST_CASE("a count across 1 July 2025 uses 63 provinces before and 34 after", "[derived]") {
    dataset ds = vietnam_counting();
    const auto before = provinces_alive(ds, d("2025-06-30"));
    const auto after = provinces_alive(ds, d("2025-07-01"));
    REQUIRE(before.size() == 63);
    REQUIRE(after.size() == 34);
    for (const std::string& p : before)
        ds.observations.push_back(obs(p, "resolution", d("2025-06-30"), 1));
    // After the merger 30 of the 34 have issued one; four have not yet.
    for (std::size_t i = 0; i < after.size(); ++i)
        ds.observations.push_back(obs(after[i], "resolution", d("2025-12-31"), i < 30 ? 1 : 0));
    const auto series = derive_series(ds, ds.framework.indicators[1]);
    REQUIRE(series.size() == 2);
    CHECK(series[0].date == d("2025-06-30"));
    CHECK(series[0].numerator == 63.0);
    CHECK(series[0].denominator == 63.0);
    CHECK(series[1].date == d("2025-12-31"));
    CHECK(series[1].numerator == 30.0);
    CHECK(series[1].denominator == 34.0);
    CHECK(series[1].missing == 0);
    const auto who = derived_members(ds, ds.framework.indicators[1], d("2025-12-31"));
    CHECK(who.meeting.size() + who.not_meeting.size() + who.missing.size() == 34);
}

TEST_CASE("a population-weighted national value equals the hand-computed one", "[derived]") {
    dataset ds;
    ds.framework.nation = "vn";
    indicator national = plain("skills_national", unit::percent);
    derivation dv = derive(derivation_kind::weighted_mean, entity_level::province, "skills");
    dv.weight = "population";
    national.derived = dv;
    ds.framework.indicators = {plain("skills", unit::percent), plain("population", unit::count), national};
    for (const char* id : {"a", "b", "c"}) {
        entity e;
        e.id = id;
        e.level = entity_level::province;
        ds.entities.push_back(e);
    }
    // Populations (millions) from the 2023 census; b's 2024 estimate comes after the value.
    ds.observations = {obs("a", "population", d("2023-12-31"), 8.0), obs("b", "population", d("2023-12-31"), 2.0),
                       obs("c", "population", d("2023-12-31"), 1.0), obs("b", "population", d("2025-06-30"), 9.0),
                       obs("a", "skills", d("2024-12-31"), 80.0),    obs("b", "skills", d("2024-12-31"), 60.0),
                       obs("c", "skills", d("2024-12-31"), 50.0)};
    const auto series = derive_series(ds, ds.framework.indicators[2]);
    REQUIRE(series.size() == 1);
    // (8 × 80 + 2 × 60 + 1 × 50) / (8 + 2 + 1) = (640 + 120 + 50) / 11 = 810 / 11 = 73.6363…
    CHECK(series[0].value == Approx(810.0 / 11.0));
    CHECK(series[0].numerator == Approx(810.0));
    CHECK(series[0].denominator == Approx(11.0));

    // The unweighted mean and the sum of the same values.
    ds.framework.indicators[2].derived->kind = derivation_kind::mean;
    CHECK(derive_series(ds, ds.framework.indicators[2])[0].value == Approx(190.0 / 3.0));
    ds.framework.indicators[2].derived->kind = derivation_kind::sum;
    CHECK(derive_series(ds, ds.framework.indicators[2])[0].value == Approx(190.0));
}

TEST_CASE("too many missing members give no point (max_missing)", "[derived]") {
    dataset ds = vietnam_counting();
    const auto provinces = provinces_alive(ds, d("2024-12-31"));
    // 50 of 63 report: 13 missing = 20.6% > the default 20%.
    for (std::size_t i = 0; i < 50; ++i)
        ds.observations.push_back(obs(provinces[i], "resolution", d("2024-12-31"), 1));
    CHECK(derive_series(ds, ds.framework.indicators[1]).empty());
    ds.framework.indicators[1].derived->max_missing = 0.25;
    const auto series = derive_series(ds, ds.framework.indicators[1]);
    REQUIRE(series.size() == 1);
    CHECK(series[0].missing == 13);
    CHECK(series[0].numerator == 50.0);
    // A sum tolerates no missing member by default.
    CHECK(default_max_missing(derivation_kind::sum) == 0.0);
    CHECK(default_max_missing(derivation_kind::weighted_mean) == 0.2);
}

TEST_CASE("max_age_days: an old value stops counting", "[derived]") {
    dataset ds = vietnam_counting();
    ds.entities.resize(3);  // keep it small: the first entities of the list
    std::vector<std::string> provinces;
    for (const entity& e : ds.entities)
        if (e.level == entity_level::province) provinces.push_back(e.id);
    for (const entity& e : data::vietnam().entities) {
        if (e.level == entity_level::province && !e.effective && provinces.size() < 4) {
            ds.entities.push_back(e);
            provinces.push_back(e.id);
        }
    }
    REQUIRE(provinces.size() >= 2);
    ds.framework.indicators[1].derived->max_missing = 1.0;
    for (const std::string& p : provinces)
        ds.observations.push_back(obs(p, "resolution", d("2024-01-31"), 1));
    ds.observations.push_back(obs(provinces[0], "resolution", d("2024-12-31"), 1));
    auto series = derive_series(ds, ds.framework.indicators[1]);
    REQUIRE(series.size() == 2);
    CHECK(series[1].numerator == static_cast<double>(provinces.size()));  // any age: still issued
    ds.framework.indicators[1].derived->max_age_days = 90;
    series = derive_series(ds, ds.framework.indicators[1]);
    REQUIRE(series.size() == 2);
    CHECK(series[1].numerator == 1.0);
    CHECK(series[1].missing == provinces.size() - 1);
}

TEST_CASE("reported values fill the dates without a computed point, and backcast values wait", "[derived]") {
    dataset ds = vietnam_counting();
    const auto before = provinces_alive(ds, d("2024-12-31"));
    const auto after = provinces_alive(ds, d("2025-07-01"));
    // The nation's own report of 2023, when no province reported.
    observation reported = obs("vn", "with_resolution", d("2023-12-31"), 0);
    reported.value.reset();
    reported.numerator = 40;
    reported.denominator = 63;
    ds.observations.push_back(reported);
    for (const std::string& p : before)
        ds.observations.push_back(obs(p, "resolution", d("2024-12-31"), 1));
    // A successor's figure re-cut for its new boundaries, dated before it existed: ignored then.
    const auto successor =
        std::find_if(ds.entities.begin(), ds.entities.end(), [](const entity& e) { return !e.successor_of.empty(); });
    REQUIRE(successor != ds.entities.end());
    observation recut = obs(successor->id, "resolution", d("2024-12-31"), 0);
    recut.backcast = true;
    ds.observations.push_back(recut);
    const auto series = derive_series(ds, ds.framework.indicators[1]);
    REQUIRE(series.size() == 2);
    CHECK(series[0].origin == derived_origin::reported);
    CHECK(series[0].value == Approx(100.0 * 40 / 63));
    CHECK(series[1].origin == derived_origin::computed);
    CHECK(series[1].numerator == 63.0);
    CHECK(after.size() == 34);
}

TEST_CASE("a target on a derived indicator is assessed on the derived series", "[derived]") {
    dataset ds = vietnam_counting();
    const auto provinces = provinces_alive(ds, d("2024-12-31"));
    for (std::size_t i = 0; i < provinces.size(); ++i) {
        ds.observations.push_back(obs(provinces[i], "resolution", d("2023-12-31"), i < 30 ? 1 : 0));
        ds.observations.push_back(obs(provinces[i], "resolution", d("2024-12-31"), i < 60 ? 1 : 0));
    }
    target t;
    t.id = "all_provinces";
    t.indicator = "with_resolution";
    t.kind = target_kind::at_least;
    t.value = 100;
    t.deadline = d("2025-12-31");
    ds.framework.targets.push_back(t);
    const auto all = assess_all(ds, d("2025-01-31"));
    REQUIRE(all.size() == 1);
    CHECK(all[0].entity == "vn");
    REQUIRE(all[0].latest);
    CHECK(all[0].latest->value == Approx(100.0 * 60 / 63));
    CHECK(all[0].status != target_status::no_data);
    CHECK(all[0].status != target_status::insufficient_data);
    // The assessment carries the latest derived point: who was counted.
    REQUIRE(all[0].derived);
    CHECK(all[0].derived->date == d("2024-12-31"));
    CHECK(all[0].derived->numerator == 60.0);
    CHECK(all[0].derived->denominator == 63.0);
    CHECK(all[0].derived->members == 63);
    CHECK(all[0].derived->missing == 0);
    // The single-target entry point agrees.
    const target_assessment one = assess(ds, t, d("2025-01-31"));
    REQUIRE(one.latest);
    CHECK(one.latest->value == Approx(all[0].latest->value));
    CHECK(one.status == all[0].status);
    REQUIRE(one.derived);
    CHECK(one.derived->numerator == 60.0);
    // An assessment of a target on a reported indicator has none.
    CHECK_FALSE(assess(ds, t, provinces[0], d("2025-01-31")).derived);
}

TEST_CASE("a roll-up across entities weighted by population", "[derived][rollup]") {
    const auto made = [](const std::string& entity, double progress) {
        target_assessment a;
        a.target = "t1";
        a.indicator = "i1";
        a.entity = entity;
        a.status = target_status::on_track;
        a.progress = progress;
        return a;
    };
    const std::vector<target_assessment> as = {made("a", 1.0), made("b", 0.4), made("c", 0.7)};
    dataset ds;
    ds.framework.indicators = {plain("population", unit::count)};
    ds.observations = {obs("a", "population", d("2023-12-31"), 8), obs("b", "population", d("2023-12-31"), 2),
                       obs("c", "population", d("2023-12-31"), 1), obs("c", "population", d("2026-12-31"), 5)};
    const entity_weights weights = weights_at(ds, "population", d("2024-12-31"));
    CHECK(weights == entity_weights{{"a", 8.0}, {"b", 2.0}, {"c", 1.0}});  // c's 2026 figure is later
    const auto unweighted = rollup_across_entities(as);
    REQUIRE(unweighted.size() == 1);
    CHECK(*unweighted[0].score == Approx((1.0 + 0.4 + 0.7) / 3));
    const auto weighted = rollup_across_entities(as, across_key::target, &weights);
    REQUIRE(weighted.size() == 1);
    // (8 × 1.0 + 2 × 0.4 + 1 × 0.7) / (8 + 2 + 1) = 9.5 / 11
    CHECK(*weighted[0].score == Approx(9.5 / 11));
    CHECK(weighted[0].targets == 3);
    // A scored member without a weight: no score rather than a silently partial one.
    const entity_weights partial{{"a", 8.0}, {"b", 2.0}};
    CHECK_FALSE(rollup_across_entities(as, across_key::target, &partial)[0].score);
}
