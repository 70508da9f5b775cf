// SPDX-License-Identifier: MIT
// series_index on interned keys (issue 15, item 4): every look-up agrees with the one-series
// functions it replaces (observed_series(), observed_rankings()) on a mixed dataset (rankings,
// breakdowns, provisional figures, dates out of order, unusable values), and assess_across(),
// assess_all() and rollup_by_entity() give what one assessment or roll-up at a time gives.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <dxframe/io/json.hpp>
#include <dxframe/model/id_pool.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/series.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

namespace {

// A fixed pseudo-random sequence (the test must give the same dataset on every platform).
struct lcg {
    std::uint64_t state = 42;
    std::uint32_t next(std::uint32_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>((state >> 33U) % n);
    }
};

const std::vector<std::string> entity_ids = {"vn", "p09", "p10", "p1", "p2", "p3", "zz", "a"};
const std::vector<std::string> indicator_ids = {"share", "count", "rank", "unknown_ind"};
const std::vector<breakdown> parts = {
    {}, {{"sex", "female"}}, {{"sex", "male"}}, {{"area", "rural"}, {"sex", "female"}}};

indicator make(const std::string& id, unit u) {
    indicator ind;
    ind.id = id;
    ind.name = {id, id};
    ind.unit = u;
    return ind;
}

// 600 observations in no particular order: three rankings of "rank", ratio observations of a
// percent indicator, provisional and repeated dates, NaN values, breakdowns, an indicator the
// framework lacks and an entity the dataset lacks ("zz").
dataset mixed() {
    dataset ds;
    ds.framework.id = "f";
    ds.framework.nation = "vn";
    ds.framework.indicators = {make("share", unit::percent), make("count", unit::count), make("rank", unit::rank)};
    for (const std::string& id : entity_ids) {
        if (id == "zz") continue;
        entity e;
        e.id = id;
        e.name = {id, id};
        e.level = id == "vn" ? entity_level::nation : entity_level::province;
        ds.entities.push_back(e);
    }
    lcg r;
    for (int n = 0; n < 600; ++n) {
        observation o;
        o.entity = entity_ids[r.next(static_cast<std::uint32_t>(entity_ids.size()))];
        o.indicator = indicator_ids[r.next(static_cast<std::uint32_t>(indicator_ids.size()))];
        o.date = date::from_ymd(2019 + static_cast<int>(r.next(7)), 1 + static_cast<int>(r.next(12)), 28);
        const std::uint32_t kind = r.next(10);
        if (kind == 0) {
            o.value = std::numeric_limits<double>::quiet_NaN();
        } else if (kind == 1 && o.indicator == "share") {
            o.numerator = static_cast<double>(r.next(60));
            o.denominator = 63;
        } else {
            o.value = static_cast<double>(r.next(1000)) / 10.0;
        }
        if (o.indicator == "rank") {
            const std::uint32_t ranking = r.next(3);
            if (ranking > 0) o.out_of = ranking == 1 ? 34.0 : 63.0;
        }
        if (r.next(4) == 0) o.status = observation_status::provisional;
        if (r.next(3) == 0) o.breakdown = parts[1 + r.next(3)];
        ds.observations.push_back(o);
    }
    return ds;
}

// A target of at least `value` by the end of 2026, bound to the nation.
target at_least(const std::string& id, const std::string& indicator_id, double value) {
    target t;
    t.id = id;
    t.indicator = indicator_id;
    t.kind = target_kind::at_least;
    t.value = value;
    t.deadline = date::from_ymd(2026, 12, 31);
    return t;
}

unit unit_of(const dataset& ds, const std::string& indicator_id) {
    for (const indicator& ind : ds.framework.indicators) {
        if (ind.id == indicator_id) return ind.unit;
    }
    return unit::other;
}

bool same(const std::vector<dated_value>& a, const std::vector<dated_value>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].date != b[i].date || a[i].value != b[i].value) return false;
    }
    return true;
}

const std::vector<date> as_ofs = {date::from_ymd(2018, 1, 1), date::from_ymd(2021, 6, 30), date::from_ymd(2023, 1, 1),
                                  date::from_ymd(2030, 1, 1)};

}  // namespace

TEST_CASE("id_pool gives stable ids in order of first interning", "[id_pool]") {
    id_pool pool;
    CHECK(pool.size() == 0);
    CHECK(pool.find("vn") == std::nullopt);
    CHECK(pool.intern("vn") == 0);
    CHECK(pool.intern("vn_hanoi") == 1);
    CHECK(pool.intern("vn") == 0);
    CHECK(pool.intern("") == 2);  // the empty string is a string like any other
    CHECK(pool.find("vn_hanoi") == 1);
    CHECK(pool.find("") == 2);
    CHECK(pool.find("vn_hano") == std::nullopt);
    CHECK(pool.name(1) == "vn_hanoi");
    // Thousands of strings: the table grows, every id stays what it was.
    for (int i = 0; i < 5000; ++i)
        CHECK(pool.intern("c" + std::to_string(i)) == static_cast<std::uint32_t>(3 + i));
    CHECK(pool.size() == 5003);
    const id_pool copy = pool;  // a copy finds the same ids
    bool all_found = true;
    for (int i = 0; i < 5000; ++i) {
        const std::string s = "c" + std::to_string(i);
        all_found = all_found && copy.find(s) == static_cast<std::uint32_t>(3 + i) &&
                    copy.name(static_cast<std::uint32_t>(3 + i)) == s;
    }
    CHECK(all_found);
    CHECK(copy.find("vn") == 0);
    id_pool reserved;
    reserved.reserve(100);
    CHECK(reserved.intern("x") == 0);
    CHECK(reserved.find("x") == 0);
}

TEST_CASE("series_index agrees with observed_series for every entity, indicator, breakdown and date",
          "[progress][series_index]") {
    const dataset ds = mixed();
    const series_index index(ds);
    std::vector<std::string> entities = entity_ids;
    entities.emplace_back("nobody");
    std::size_t non_empty = 0;
    std::size_t several_rankings = 0;
    std::size_t listed_series = 0;
    for (const std::string& i : indicator_ids) {
        const unit u = unit_of(ds, i);
        for (const breakdown& b : parts) {
            std::vector<std::string> with;  // entities_with(), the slow way
            for (const std::string& e : entities) {
                const auto rankings = observed_rankings(ds.observations, e, i, u, b);
                if (!rankings.empty()) with.push_back(e);
                if (rankings.size() > 1) ++several_rankings;
                for (const date& as_of : as_ofs) {
                    const ranked_series expected = observed_series(ds.observations, e, i, u, as_of, b);
                    const ranked_series& got = index.get(e, i, as_of, b);
                    CHECK(same(got.points, expected.points));
                    CHECK(got.out_of == expected.out_of);
                    const auto latest = index.latest(e, i, as_of, b);
                    const auto want = latest_on_or_before(expected.points, as_of);
                    REQUIRE(latest.has_value() == want.has_value());
                    if (latest) CHECK((latest->date == want->date && latest->value == want->value));
                    if (!expected.points.empty()) ++non_empty;
                }
                if (b.empty()) CHECK(same(index.get(e, i), observed_series(ds.observations, e, i, u)));
            }
            std::sort(with.begin(), with.end());
            CHECK(index.entities_with(i, b) == with);
            // series_of(): the same entities in the same order, each with what get() gives.
            for (const date& as_of : as_ofs) {
                const auto listed = index.series_of(i, as_of, b);
                REQUIRE(listed.size() == with.size());
                for (std::size_t k = 0; k < listed.size(); ++k) {
                    CHECK(listed[k].entity == with[k]);
                    CHECK(listed[k].series == &index.get(with[k], i, as_of, b));
                    ++listed_series;
                }
            }
        }
        for (const std::string& e : entities) {
            std::vector<breakdown> expected;  // breakdowns(), the slow way: std::map's order
            for (const breakdown& b : std::set<breakdown>(parts.begin() + 1, parts.end())) {
                if (!observed_rankings(ds.observations, e, i, u, b).empty()) expected.push_back(b);
            }
            CHECK(index.breakdowns(e, i) == expected);
        }
    }
    // The dataset exercises what it is meant to.
    CHECK(non_empty > 100);
    CHECK(several_rankings > 3);
    CHECK(listed_series > 100);
    CHECK(index.entities_with("share", breakdown{{"sex", "other"}}).empty());
    CHECK(index.series_of("share", as_ofs.front(), breakdown{{"sex", "other"}}).empty());
    CHECK(index.series_of("no such indicator", as_ofs.front()).empty());
    CHECK(index.breakdowns("nobody", "share").empty());
    CHECK(index.derived("vn", "share") == nullptr);
}

TEST_CASE("assess_across gives one assess() per entity, in the order asked, repeats included",
          "[progress][series_index]") {
    dataset ds = mixed();
    target t = at_least("t", "share", 60);
    for (const breakdown& b : {breakdown{}, parts[1]}) {
        t.breakdown = b;
        const std::vector<std::string> who = {"p2", "vn", "nobody", "p2", "zz", "a"};
        for (const date& as_of : as_ofs) {
            const auto across = assess_across(ds, t, who, as_of);
            REQUIRE(across.size() == who.size());
            for (std::size_t k = 0; k < who.size(); ++k)
                CHECK(to_json_text(across[k]) == to_json_text(assess(ds, t, who[k], as_of)));
        }
    }
}

TEST_CASE("rollup_by_entity is rollup() of each entity's assessments, in order of appearance",
          "[progress][series_index]") {
    dataset ds = mixed();
    for (const std::string i : {"share", "count"}) {
        ds.framework.targets.push_back(at_least("t_" + i, i, 50));
    }
    const auto all = assess_all(ds, date::from_ymd(2024, 1, 1), {}, entity_scope::all_observed);
    REQUIRE(all.size() > 4);
    const auto by_entity = rollup_by_entity(ds.framework, all);
    std::vector<std::string> order;
    for (const auto& a : all) {
        if (std::find(order.begin(), order.end(), a.entity) == order.end()) order.push_back(a.entity);
    }
    REQUIRE(by_entity.size() == order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        std::vector<target_assessment> mine;
        for (const auto& a : all) {
            if (a.entity == order[k]) mine.push_back(a);
        }
        CHECK(by_entity[k].entity == order[k]);
        CHECK(to_json_text(by_entity[k]) == to_json_text(rollup(ds.framework, mine)));
    }
    const auto across = rollup_across_entities(all, across_key::indicator);
    REQUIRE(across.size() == 2);
    CHECK(across[0].id == all.front().indicator);
}

TEST_CASE("all_observed lists a derived indicator's own entity only when it reports the indicator",
          "[progress][series_index]") {
    dataset ds;
    ds.framework.id = "f";
    ds.framework.nation = "vn";
    indicator source = make("resolution", unit::boolean);
    indicator share = make("share_with_resolution", unit::percent);
    derivation dv;
    dv.kind = derivation_kind::count;
    dv.level = entity_level::province;
    dv.indicator = "resolution";
    dv.condition = count_condition{};
    dv.entity = "north";  // computed for a region, while the target binds the nation
    share.derived = dv;
    ds.framework.indicators = {source, share};
    ds.framework.targets = {at_least("t", "share_with_resolution", 100)};
    for (const std::string id : {"vn", "north", "p1", "p2"}) {
        entity e;
        e.id = id;
        e.name = {id, id};
        e.level = id == "vn" ? entity_level::nation : id == "north" ? entity_level::other : entity_level::province;
        ds.entities.push_back(e);
    }
    for (const std::string p : {"p1", "p2"}) {
        observation o;
        o.entity = p;
        o.indicator = "resolution";
        o.date = date::from_ymd(2023, 12, 31);
        o.value = p == "p1" ? 1 : 0;
        ds.observations.push_back(o);
    }
    const date as_of = date::from_ymd(2024, 6, 30);
    const series_index index(ds);
    CHECK(index.entities_with("share_with_resolution") == std::vector<std::string>{"north"});  // computed
    auto listed = assess_all(ds, as_of, {}, entity_scope::all_observed);
    CHECK(listed.size() == 1);  // the nation only: "north" reports nothing of it
    observation own;
    own.entity = "north";
    own.indicator = "share_with_resolution";
    own.date = date::from_ymd(2022, 12, 31);
    own.value = 20;
    ds.observations.push_back(own);
    listed = assess_all(ds, as_of, {}, entity_scope::all_observed);
    REQUIRE(listed.size() == 2);
    CHECK(listed[1].entity == "north");
    REQUIRE(listed[1].latest);
    CHECK(listed[1].latest->value == 50.0);  // the computed point: 1 of 2 provinces
}
