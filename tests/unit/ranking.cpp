// SPDX-License-Identifier: MIT
// Ranks that say which ranking they belong to (observation::out_of): reading and writing,
// validation, which ranking progress assesses, and how reports show "4 / 63".
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/validate.hpp>

#include <optional>
#include <string>
#include <vector>

#include <dxframe/model.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

namespace {

// Hà Nội in the DTI 2024: 1st of the 34 provinces after the 2025 merger, 4th of the 63 before.
const char* const two_rankings = R"({
  "format": "dxframe/1",
  "framework": {
    "id": "dti_test",
    "name": {"vi": "DTI", "en": "DTI"},
    "nation": "vn",
    "indicators": [
      {"id": "dti_rank", "name": {"vi": "Xếp hạng DTI", "en": "DTI rank"}, "unit": "rank",
       "direction": "lower_is_better"},
      {"id": "speed", "name": {"vi": "Tốc độ", "en": "Speed"}, "unit": "mbps", "direction": "higher_is_better"}
    ],
    "targets": [
      {"id": "hn_top3", "indicator": "dti_rank", "entity": "vn_hanoi", "kind": "at_most", "value": 3,
       "deadline": "2025-12-31", "baseline": {"date": "2020-12-31", "value": 8}}
    ]
  },
  "entities": [
    {"id": "vn", "name": {"vi": "Việt Nam", "en": "Viet Nam"}, "level": "nation"},
    {"id": "vn_hanoi", "name": {"vi": "Hà Nội", "en": "Ha Noi"}, "level": "province", "parent": "vn"}
  ],
  "observations": [
    {"entity": "vn_hanoi", "indicator": "dti_rank", "date": "2022-12-31", "value": 6, "out_of": 63},
    {"entity": "vn_hanoi", "indicator": "dti_rank", "date": "2024-12-31", "value": 4, "out_of": 63},
    {"entity": "vn_hanoi", "indicator": "dti_rank", "date": "2024-12-31", "value": 1, "out_of": 34}
  ]
})";

dataset load_clean(const std::string& text) {
    const load_result r = load_dataset(text);
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics.front().path + ": " + r.diagnostics.front().message));
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.empty());
    return *r.data;
}

// The diagnostics of `ds` other than missing_source notes.
std::vector<diagnostic> problems(const dataset& ds) {
    validate_options options;
    options.report_missing_sources = false;
    return validate(ds, options);
}

bool has(const std::vector<diagnostic>& ds, diagnostic_code code, const std::string& path,
         severity sev = severity::error) {
    for (const auto& d : ds) {
        if (d.code == code && d.path == path && d.severity == sev) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("out_of is read in strict mode, kept, and written back byte for byte", "[ranking][dataset_io]") {
    const dataset ds = load_clean(two_rankings);
    REQUIRE(ds.observations.size() == 3);
    CHECK(ds.observations[1].value == std::optional<double>(4.0));
    CHECK(ds.observations[1].out_of == std::optional<double>(63.0));
    CHECK(ds.observations[2].out_of == std::optional<double>(34.0));

    const std::string saved = save_dataset(ds);
    CHECK(saved.find("\"out_of\": 34.0") != std::string::npos);
    // out_of follows denominator in the member order.
    CHECK(saved.find("\"value\": 1.0,\n      \"out_of\": 34.0") != std::string::npos);
    const dataset again = load_clean(saved);
    CHECK(again.observations[2].out_of == std::optional<double>(34.0));
    CHECK(save_dataset(again) == saved);

    // Without out_of nothing is written.
    dataset plain = ds;
    for (auto& o : plain.observations)
        o.out_of.reset();
    CHECK(save_dataset(plain).find("out_of") == std::string::npos);

    // A wrong type is a load error at its path.
    std::string text = two_rankings;
    text.replace(text.find("\"out_of\": 34"), 12, "\"out_of\": \"34\"");
    const load_result bad = load_dataset(text);
    CHECK_FALSE(bad.ok());
    CHECK(has(bad.diagnostics, diagnostic_code::type_mismatch, "/observations/2/out_of"));
}

TEST_CASE("two rankings of one province and date are both stored and validate clean", "[ranking][validate]") {
    const dataset ds = load_clean(two_rankings);
    CHECK(problems(ds).empty());
}

TEST_CASE("out_of on an indicator that is not a rank is an error at /out_of", "[ranking][validate]") {
    dataset ds = load_clean(two_rankings);
    observation o = ds.observations[0];
    o.indicator = "speed";
    o.value = 60;
    o.out_of = 63;
    ds.observations.push_back(o);
    const auto got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(got[0].code == diagnostic_code::out_of_on_non_rank);
    CHECK(got[0].path == "/observations/3/out_of");
    CHECK(got[0].severity == severity::error);
    CHECK(got[0].message.find("unit mbps, not rank") != std::string::npos);
}

TEST_CASE("out_of must be a whole number of 1 or more", "[ranking][validate]") {
    for (const double bad : {0.0, -3.0, 33.5}) {
        dataset ds = load_clean(two_rankings);
        ds.observations[2].out_of = bad;
        const auto got = problems(ds);
        INFO("out_of " << bad);
        REQUIRE(got.size() == 1);
        CHECK(has(got, diagnostic_code::invalid_out_of, "/observations/2/out_of"));
    }
    dataset ds = load_clean(two_rankings);
    ds.observations[2].out_of = std::numeric_limits<double>::infinity();
    CHECK(has(problems(ds), diagnostic_code::non_finite_value, "/observations/2/out_of"));
}

TEST_CASE("a rank must be a place in its ranking", "[ranking][validate]") {
    dataset ds = load_clean(two_rankings);
    ds.observations[2].value = 40;  // 40th of 34
    auto got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(got[0].code == diagnostic_code::rank_outside_ranking);
    CHECK(got[0].path == "/observations/2/value");
    CHECK(got[0].message ==
          "rank 40 of observation of 'dti_rank' for 'vn_hanoi' at 2024-12-31 is larger than its ranking's size 34");

    // The last place is fine.
    ds.observations[2].value = 34;
    CHECK(problems(ds).empty());

    // Below 1: value_out_of_bounds (unit rank) says it; with an explicit minimum of 0, the ranking does.
    ds.observations[2].value = 0;
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::value_out_of_bounds, "/observations/2/value"));
    ds.framework.indicators[0].minimum = 0;
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::rank_outside_ranking, "/observations/2/value"));

    // Not a whole number: a warning.
    ds.observations[2].value = 2.5;
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::rank_outside_ranking, "/observations/2/value", severity::warning));

    // A rank without out_of is only checked against the indicator's bounds.
    ds.observations[2].out_of.reset();
    ds.observations[2].value = 40;
    CHECK(problems(ds).empty());
}

TEST_CASE("same ranking, different ranks: a conflict; different rankings: none", "[ranking][validate]") {
    dataset ds = load_clean(two_rankings);
    observation o = ds.observations[1];  // 4 of 63 at 2024-12-31
    o.value = 5;
    ds.observations.push_back(o);
    auto got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(got[0].code == diagnostic_code::conflicting_observations);
    CHECK(got[0].path == "/observations/3/value");
    CHECK(got[0].message.find("/observations/1 reports 4") != std::string::npos);
    CHECK(got[0].message.find("in the same ranking (out_of 63)") != std::string::npos);

    // The same rank again in the same ranking: a duplicate.
    ds.observations.back().value = 4;
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::duplicate_observation, "/observations/3", severity::warning));

    // A rank without out_of is a series of its own; two of them still conflict.
    ds.observations.back().out_of.reset();
    ds.observations.back().value = 2;
    CHECK(problems(ds).empty());
    o.out_of.reset();
    o.value = 3;
    ds.observations.push_back(o);
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::conflicting_observations, "/observations/4/value"));
    CHECK(got[0].message.find("ranking") == std::string::npos);
}
