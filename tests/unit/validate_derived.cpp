// SPDX-License-Identifier: MIT
// Validation of derived indicators (issue 14, items 3 and 4): references that name nothing,
// derivations that cannot be computed, members' values without a weight, reported values that
// differ from the computed ones; and `dxframe validate` exits 1 on them, with their paths.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/io/dataset_json.hpp>
#include <dxframe/progress/derived.hpp>
#include <dxframe/validate.hpp>

#include "catch_compat.hpp"
#include "cli_runner.hpp"
#include "derived_support.hpp"

using namespace dxframe;
using derived_test::derive;
using derived_test::plain;

namespace {

date d(const char* iso) {
    return *date::parse(iso);
}

// A value with a source (so that validation has no missing_source note to give).
observation obs(const std::string& entity, const std::string& indicator, const char* when, double value) {
    observation o = derived_test::obs(entity, indicator, d(when), value);
    o.source = source{};
    o.source->reference = "test";
    return o;
}

// Three provinces of one nation; skills (percent), population (count), the population-weighted
// national skills share (indicator 2) and the share of provinces with a resolution (indicator 4).
dataset weighted() {
    dataset ds;
    ds.framework.id = "f";
    ds.framework.name = {"f", "f"};
    ds.framework.nation = "vn";
    indicator national = plain("skills_national", unit::percent);
    derivation w = derive(derivation_kind::weighted_mean, entity_level::province, "skills");
    w.weight = "population";
    national.derived = w;
    indicator share = plain("with_resolution", unit::percent);
    derivation c = derive(derivation_kind::count, entity_level::province, "resolution");
    c.condition = count_condition{comparison::at_least, 1};
    share.derived = c;
    ds.framework.indicators = {plain("skills", unit::percent), plain("population", unit::count), national,
                               plain("resolution", unit::boolean), share};
    entity vn;
    vn.id = "vn";
    vn.name = {"Việt Nam", "Viet Nam"};
    vn.level = entity_level::nation;
    ds.entities.push_back(vn);
    for (const char* id : {"a", "b", "c"}) {
        entity e;
        e.id = id;
        e.name = {id, id};
        e.level = entity_level::province;
        e.parent = "vn";
        ds.entities.push_back(e);
    }
    ds.observations = {obs("a", "population", "2023-12-31", 8), obs("b", "population", "2023-12-31", 2),
                       obs("c", "population", "2023-12-31", 1), obs("a", "skills", "2024-12-31", 80),
                       obs("b", "skills", "2024-12-31", 60),    obs("c", "skills", "2024-12-31", 50),
                       obs("a", "resolution", "2024-12-31", 1), obs("b", "resolution", "2024-12-31", 1),
                       obs("c", "resolution", "2024-12-31", 0)};
    return ds;
}

std::vector<diagnostic> with_code(const std::vector<diagnostic>& all, diagnostic_code code) {
    std::vector<diagnostic> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const diagnostic& x) { return x.code == code; });
    return out;
}

}  // namespace

TEST_CASE("a valid dataset with derived indicators validates clean", "[validate][derived]") {
    const auto found = validate(weighted());
    INFO((found.empty() ? std::string() : found.front().path + ": " + found.front().message));
    CHECK(found.empty());
}

TEST_CASE("derived references that name nothing are unknown_reference at their path", "[validate][derived]") {
    dataset ds = weighted();
    ds.framework.indicators[4].derived->indicator = "no_such_indicator";
    ds.framework.indicators[2].derived->weight = "no_population";
    ds.framework.indicators[2].derived->within = "no_such_entity";
    const auto found = with_code(validate(ds), diagnostic_code::unknown_reference);
    std::vector<std::string> paths;
    for (const auto& x : found)
        paths.push_back(x.path);
    CHECK(std::count(paths.begin(), paths.end(), "/framework/indicators/4/derived/indicator") == 1);
    CHECK(std::count(paths.begin(), paths.end(), "/framework/indicators/2/derived/weight") == 1);
    CHECK(std::count(paths.begin(), paths.end(), "/framework/indicators/2/derived/within") == 1);
    // Nothing crashes and nothing becomes NaN: the count has no members' values, so no point.
    CHECK(derive_series(ds, ds.framework.indicators[4]).empty());
}

TEST_CASE("derivations that cannot be computed are invalid_derivation", "[validate][derived]") {
    dataset ds = weighted();
    ds.framework.indicators[4].derived->condition.reset();                    // count without a condition
    ds.framework.indicators[4].unit = unit::index;                            // a count must be a share or a count
    ds.framework.indicators[2].derived->weight.reset();                       // weighted mean without weight
    ds.framework.indicators[2].derived->max_missing = 1.5;                    // not a share
    ds.framework.indicators[0].derived = ds.framework.indicators[4].derived;  // derived from "resolution"…
    ds.framework.indicators[3].derived = ds.framework.indicators[4].derived;  // …from itself
    ds.framework.indicators[0].derived->indicator = "skills_national";        // skills ← national ← skills
    ds.framework.indicators[0].derived->condition = count_condition{};
    ds.framework.indicators[0].unit = unit::percent;
    ds.framework.indicators[2].derived->weight = "population";
    ds.framework.indicators[2].derived->max_missing = 1.5;
    ds.framework.indicators[3].unit = unit::percent;
    ds.framework.indicators[3].derived->condition = count_condition{};
    const auto found = with_code(validate(ds), diagnostic_code::invalid_derivation);
    std::vector<std::string> paths;
    for (const auto& x : found)
        paths.push_back(x.path);
    std::sort(paths.begin(), paths.end());
    CHECK(paths == std::vector<std::string>{
                       "/framework/indicators/0/derived/indicator", "/framework/indicators/2/derived/indicator",
                       "/framework/indicators/2/derived/max_missing", "/framework/indicators/3/derived/indicator",
                       "/framework/indicators/4/derived/condition", "/framework/indicators/4/unit"});
    // Series of invalid derivations are still computed without a crash or a NaN.
    for (const indicator& ind : ds.framework.indicators)
        for (const derived_point& p : derive_series(ds, ind))
            CHECK(std::isfinite(p.value));
}

TEST_CASE("weighted_mean without weight is invalid_derivation at /weight", "[validate][derived]") {
    dataset ds = weighted();
    ds.framework.indicators[2].derived->weight.reset();
    const auto found = with_code(validate(ds), diagnostic_code::invalid_derivation);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "/framework/indicators/2/derived/weight");
    CHECK(found[0].severity == severity::error);
}

TEST_CASE("a member's value without a weight on or before its date is missing_weight", "[validate][derived]") {
    dataset ds = weighted();
    // c's population comes after its value: at 2024-12-31 c has no weight.
    ds.observations.edit(2)->date = d("2025-06-30");
    const auto found = with_code(validate(ds), diagnostic_code::missing_weight);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == "/observations/5");
    CHECK(found[0].message.find("'c'") != std::string::npos);
    // c counts as missing: 1 of 3 is above the default 20%, so no national value at that date.
    CHECK(derive_series(ds, ds.framework.indicators[2]).empty());
}

TEST_CASE("a reported value of a derived indicator that differs from the computed one is a warning",
          "[validate][derived]") {
    dataset ds = weighted();
    ds.observations.push_back(obs("vn", "with_resolution", "2024-12-31", 100));  // the members give 2/3
    ds.observations.push_back(obs("vn", "with_resolution", "2023-12-31", 50));   // no computed point: fills
    const auto found = validate(ds);
    const auto differs = with_code(found, diagnostic_code::derived_value_differs);
    REQUIRE(differs.size() == 1);
    CHECK(differs[0].path == "/observations/9/value");
    CHECK(differs[0].severity == severity::warning);
    CHECK(differs[0].message.find("(2 of 3)") != std::string::npos);
    CHECK_FALSE(has_errors(found));
}

#ifdef DXFRAME_CLI_PATH
TEST_CASE("cli validate: a weight missing for a member and a count on an unknown indicator exit 1",
          "[cli][validate][derived]") {
    dataset ds = weighted();
    ds.observations.edit(2)->date = d("2025-06-30");
    ds.framework.indicators[4].derived->indicator = "no_such_indicator";
    dxframe_test::scratch s;
    const auto file = s.file("derived.json", save_dataset(ds));
    const auto r = dxframe_test::run_cli("validate --format json \"" + file.string() + "\"");
    CHECK(r.status == 1);
    const auto j = nlohmann::json::parse(r.out);
    std::vector<std::string> seen;
    for (const auto& x : j)
        seen.push_back(x.at("code").get<std::string>() + " " + x.at("path").get<std::string>());
    CHECK(std::count(seen.begin(), seen.end(), "unknown_reference /framework/indicators/4/derived/indicator") == 1);
    CHECK(std::count(seen.begin(), seen.end(), "missing_weight /observations/5") == 1);
}
#endif
