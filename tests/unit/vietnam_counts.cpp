// SPDX-License-Identifier: MIT
// The Viet Nam dataset's counts of provinces and ministries ("60/63 provinces have a DX
// resolution", "22/22 ministries have a five-year plan") in the derived form of issue 14: each
// national indicator is a count of a per-entity yes/no indicator. The seeds give only the national
// counts, never which provinces, so the dataset has no per-entity observations; the per-entity
// values below are SYNTHETIC (the first n members in id order "meet"), made only to show that the
// derivation reproduces every reported count. They claim nothing about any real province.
#include <dxframe/validate.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include <dxframe/data/vietnam.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/progress/derived.hpp>
#include <dxframe/progress/scorecard.hpp>

#include "catch_compat.hpp"

namespace {

using namespace dxframe;

const dataset& vn() {
    static const dataset ds = data::vietnam();
    return ds;
}

date d(const char* iso) {
    return *date::parse(iso);
}

/// The national counts of the seeds and their per-entity source indicators.
struct count_pair {
    const char* national;
    const char* source;
    entity_level level;
};
constexpr std::array<count_pair, 11> counts{{
    {"aw_local_dx_day_provinces", "aw_province_local_dx_day_chosen", entity_level::province},
    {"de_ministry_d411_action_plan", "de_ministry_d411_action_plan_issued", entity_level::ministry},
    {"de_province_d411_action_plan", "de_province_d411_action_plan_issued", entity_level::province},
    {"hr_province_dx_hr_plan", "hr_province_dx_hr_plan_issued", entity_level::province},
    {"infra_smart_city_plan_provinces", "infra_province_smart_city_plan_issued", entity_level::province},
    {"infra_smart_city_ict_architecture", "infra_province_smart_city_ict_architecture_issued", entity_level::province},
    {"infra_smart_city_ioc", "infra_province_ioc_operating", entity_level::province},
    {"inst_ministry_dx_programme", "inst_ministry_dx_programme_issued", entity_level::ministry},
    {"inst_province_dx_programme", "inst_province_dx_programme_issued", entity_level::province},
    {"inst_province_dx_steering_committee", "inst_province_dx_steering_committee_set_up", entity_level::province},
    {"inst_province_dx_resolution", "inst_province_dx_resolution_issued", entity_level::province},
}};

const indicator& indicator_in(const dataset& ds, const std::string& id) {
    const indicator* ind = find_by_id(ds.framework.indicators, id);
    REQUIRE(ind != nullptr);
    return *ind;
}

/// The embedded dataset plus synthetic ministries so that 22 are alive in 2022: the dataset names
/// only the 8 ministries its other records need (see docs/vietnam-dataset.md).
dataset with_22_ministries(dataset ds) {
    const auto named = static_cast<std::size_t>(std::count_if(
        ds.entities.begin(), ds.entities.end(), [](const entity& e) { return e.level == entity_level::ministry; }));
    for (std::size_t k = named; k < 22; ++k) {
        entity e;
        e.id = "synthetic_ministry_" + std::to_string(k);
        e.name.en = "Synthetic ministry " + std::to_string(k);
        e.name.vi = e.name.en;
        e.level = entity_level::ministry;
        e.parent = "vn";
        ds.entities.push_back(e);
    }
    return ds;
}

/// `ds` with synthetic observations of `source` at `on`: the first `meeting` members alive then
/// (id order) 1, the next `not_meeting` 0, the others without a value.
dataset with_synthetic_members(dataset ds, const indicator& national, const date& on, std::size_t meeting,
                               std::size_t not_meeting) {
    const derived_membership alive = derived_members(ds, national, on);
    REQUIRE(alive.meeting.empty());  // the dataset itself has no per-entity value
    REQUIRE(meeting + not_meeting <= alive.missing.size());
    for (std::size_t k = 0; k < meeting + not_meeting; ++k) {
        observation o;
        o.entity = alive.missing[k];
        o.indicator = national.derived->indicator;
        o.date = on;
        o.value = k < meeting ? 1.0 : 0.0;
        ds.observations.push_back(o);
    }
    return ds;
}

std::size_t count_code(const std::vector<diagnostic>& diags, diagnostic_code code) {
    return static_cast<std::size_t>(
        std::count_if(diags.begin(), diags.end(), [code](const diagnostic& dg) { return dg.code == code; }));
}

}  // namespace

TEST_CASE("each national count of provinces or ministries is derived from a per-entity yes/no indicator",
          "[vietnam][derived]") {
    for (const count_pair& c : counts) {
        INFO(c.national);
        const indicator& national = indicator_in(vn(), c.national);
        REQUIRE(national.derived);
        CHECK(national.derived->kind == derivation_kind::count);
        CHECK(national.derived->level == c.level);
        CHECK(national.derived->indicator == c.source);
        REQUIRE(national.derived->condition);
        CHECK(meets(*national.derived->condition, 1.0));
        CHECK_FALSE(meets(*national.derived->condition, 0.0));
        const indicator& source = indicator_in(vn(), c.source);
        CHECK(source.unit == unit::boolean);
        CHECK_FALSE(source.name.vi.empty());
        CHECK_FALSE(source.name.en.empty());
        CHECK(source.description);
        CHECK_FALSE(source.parent);  // not scored in the index: it exists to be counted
        // No per-entity value is recorded: the national series is the reported one, unchanged.
        const std::vector<derived_point> series = derive_series(vn(), national);
        std::size_t reported = 0;
        for (const observation& o : vn().observations) {
            CHECK(o.indicator != c.source);
            if (o.indicator == c.national) ++reported;
        }
        CHECK(series.size() == reported);
        for (const derived_point& p : series)
            CHECK(p.origin == derived_origin::reported);
    }
}

TEST_CASE("60 of 63 synthetic province values give the reported 60/63 with the three others listed",
          "[vietnam][derived]") {
    const indicator& national = indicator_in(vn(), "inst_province_dx_resolution");
    const date on = d("2022-06-30");
    const dataset ds = with_synthetic_members(vn(), national, on, 60, 2);
    const std::vector<derived_point> series = derive_series(ds, indicator_in(ds, national.id));
    const auto at = std::find_if(series.begin(), series.end(), [&](const derived_point& p) { return p.date == on; });
    REQUIRE(at != series.end());
    CHECK(at->origin == derived_origin::computed);
    CHECK(at->numerator == 60.0);
    CHECK(at->denominator == 63.0);
    CHECK(at->members == 63);
    CHECK(at->missing == 1);
    CHECK(std::abs(at->value - 100.0 * 60.0 / 63.0) < 1e-9);
    const derived_membership who = derived_members(ds, national, on);
    CHECK(who.meeting.size() == 60);
    CHECK(who.not_meeting.size() == 2);
    CHECK(who.missing.size() == 1);
    // The computed point equals the reported 60/63: no derived_value_differs, no error.
    const auto diags = validate(ds);
    CHECK(count_code(diags, diagnostic_code::derived_value_differs) == 0);
    CHECK_FALSE(has_errors(diags));
}

TEST_CASE("every reported count of provinces or ministries is reproduced from synthetic member values",
          "[vietnam][derived]") {
    const dataset base = with_22_ministries(vn());
    std::size_t checked = 0;
    for (const count_pair& c : counts) {
        for (const observation& o : vn().observations) {
            if (o.indicator != c.national || !o.numerator || !o.denominator) continue;
            INFO(c.national << " at " << o.date.to_string() << ": " << *o.numerator << "/" << *o.denominator);
            const indicator& national = indicator_in(base, c.national);
            const auto meeting = static_cast<std::size_t>(*o.numerator);
            const auto alive = derived_members(base, national, o.date).missing.size();
            CHECK(static_cast<double>(alive) == *o.denominator);  // 63 provinces, 22 ministries in 2022
            const dataset ds = with_synthetic_members(base, national, o.date, meeting, alive - meeting);
            const std::vector<derived_point> series = derive_series(ds, indicator_in(ds, c.national));
            const auto at =
                std::find_if(series.begin(), series.end(), [&](const derived_point& p) { return p.date == o.date; });
            REQUIRE(at != series.end());
            CHECK(at->origin == derived_origin::computed);
            CHECK(at->numerator == o.numerator);
            CHECK(at->denominator == o.denominator);
            CHECK(at->missing == 0);
            const auto diags = validate(ds);
            CHECK(count_code(diags, diagnostic_code::derived_value_differs) == 0);
            ++checked;
        }
    }
    CHECK(checked == 16);  // every ratio observation of the eleven counts (grep "denominator": 63 / 22)
}

TEST_CASE("a count of Viet Nam's provinces has 63 members up to 30 June 2025 and 34 from 1 July 2025",
          "[vietnam][derived]") {
    const indicator& national = indicator_in(vn(), "inst_province_dx_resolution");
    CHECK(derived_members(vn(), national, d("2025-06-30")).missing.size() == 63);
    CHECK(derived_members(vn(), national, d("2025-07-01")).missing.size() == 34);
    // 34 synthetic values after the merger: the denominator follows the date, not the 63 of 2022.
    const dataset ds = with_synthetic_members(vn(), national, d("2025-12-31"), 30, 4);
    const std::vector<derived_point> series = derive_series(ds, indicator_in(ds, national.id));
    REQUIRE_FALSE(series.empty());
    CHECK(series.back().date == d("2025-12-31"));
    CHECK(series.back().numerator == 30.0);
    CHECK(series.back().denominator == 34.0);
}

TEST_CASE("the derived form leaves every target's scorecard status as it was", "[vietnam][derived][progress]") {
    dataset plain = vn();
    for (indicator& ind : plain.framework.indicators)
        ind.derived.reset();
    const date as_of = d("2026-12-07");
    const scorecard with = make_scorecard(vn(), as_of);
    const scorecard without = make_scorecard(plain, as_of);
    REQUIRE(with.targets.size() == without.targets.size());
    for (std::size_t k = 0; k < with.targets.size(); ++k) {
        INFO(with.targets[k].id);
        CHECK(with.targets[k].id == without.targets[k].id);
        CHECK(with.targets[k].status == without.targets[k].status);
        CHECK(with.targets[k].progress == without.targets[k].progress);
    }
    CHECK(with.overall.counts.judged() == without.overall.counts.judged());
}

TEST_CASE("the urban 1 Gb/s target is on the urban breakdown of a general indicator: no split by sex exists",
          "[vietnam][dimensions]") {
    const framework& fw = vn().framework;
    REQUIRE(fw.dimensions.size() == 1);  // area only: the seeds and the data give no split by sex
    const dimension& area = fw.dimensions.front();
    CHECK(area.id == "area");
    std::vector<std::string> codes;
    for (const dimension_code& c : area.codes)
        codes.push_back(c.id);
    CHECK(codes == std::vector<std::string>{"urban", "rural"});
    const indicator& general = indicator_in(vn(), "infra_orgs_gigabit_share");
    CHECK(general.dimensions == std::vector<std::string>{"area"});
    CHECK(find_by_id(fw.indicators, std::string("infra_urban_orgs_gigabit_share")) == nullptr);
    const target* urban = find_by_id(fw.targets, std::string("q2025_urban_orgs_gigabit"));
    REQUIRE(urban != nullptr);
    CHECK(urban->indicator == general.id);
    CHECK(urban->breakdown == breakdown{{"area", "urban"}});
    CHECK(urban->value == 90.0);
}
