// SPDX-License-Identifier: MIT
// Ranks that say which ranking they belong to (observation::out_of): reading and writing,
// validation, which ranking progress assesses, and how reports show "4 / 63".
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/validate.hpp>

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/io/csv.hpp>
#include <dxframe/model.hpp>
#include <dxframe/progress.hpp>
#include <dxframe/report.hpp>

#include "catch_compat.hpp"
#include "cli_runner.hpp"

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
    for (std::size_t i = 0; i < plain.observations.size(); ++i)
        plain.observations.edit(i)->out_of.reset();
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
        ds.observations.edit(2)->out_of = bad;
        const auto got = problems(ds);
        INFO("out_of " << bad);
        REQUIRE(got.size() == 1);
        CHECK(has(got, diagnostic_code::invalid_out_of, "/observations/2/out_of"));
    }
    dataset ds = load_clean(two_rankings);
    ds.observations.edit(2)->out_of = std::numeric_limits<double>::infinity();
    CHECK(has(problems(ds), diagnostic_code::non_finite_value, "/observations/2/out_of"));
}

TEST_CASE("a rank must be a place in its ranking", "[ranking][validate]") {
    dataset ds = load_clean(two_rankings);
    ds.observations.edit(2)->value = 40;  // 40th of 34
    auto got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(got[0].code == diagnostic_code::rank_outside_ranking);
    CHECK(got[0].path == "/observations/2/value");
    CHECK(got[0].message ==
          "rank 40 of observation of 'dti_rank' for 'vn_hanoi' at 2024-12-31 is larger than its ranking's size 34");

    // The last place is fine.
    ds.observations.edit(2)->value = 34;
    CHECK(problems(ds).empty());

    // Below 1: value_out_of_bounds (unit rank) says it; with an explicit minimum of 0, the ranking does.
    ds.observations.edit(2)->value = 0;
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::value_out_of_bounds, "/observations/2/value"));
    ds.framework.indicators[0].minimum = 0;
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::rank_outside_ranking, "/observations/2/value"));

    // Not a whole number: a warning.
    ds.observations.edit(2)->value = 2.5;
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::rank_outside_ranking, "/observations/2/value", severity::warning));

    // A rank without out_of is only checked against the indicator's bounds.
    ds.observations.edit(2)->out_of.reset();
    ds.observations.edit(2)->value = 40;
    CHECK(problems(ds).empty());
}

TEST_CASE("same ranking, different ranks: a conflict: different rankings: none", "[ranking][validate]") {
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
    ds.observations.edit(3)->value = 4;
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::duplicate_observation, "/observations/3", severity::warning));

    // A rank without out_of is a series of its own; two of them still conflict.
    ds.observations.edit(3)->out_of.reset();
    ds.observations.edit(3)->value = 2;
    CHECK(problems(ds).empty());
    o.out_of.reset();
    o.value = 3;
    ds.observations.push_back(o);
    got = problems(ds);
    REQUIRE(got.size() == 1);
    CHECK(has(got, diagnostic_code::conflicting_observations, "/observations/4/value"));
    CHECK(got[0].message.find("ranking") == std::string::npos);
}

TEST_CASE("progress assesses one ranking: the latest observation's, the larger one at equal dates",
          "[ranking][progress]") {
    dataset ds = load_clean(two_rankings);
    const target& t = ds.framework.targets[0];  // Hà Nội in the top 3 by 2025-12-31
    const date end_2024 = date::from_ymd(2024, 12, 31);

    // Both rankings, side by side: absent first, then by size.
    const auto rankings = observed_rankings(ds.observations, "vn_hanoi", "dti_rank", unit::rank);
    REQUIRE(rankings.size() == 2);
    CHECK(rankings[0].out_of == std::optional<double>(34.0));
    CHECK(rankings[0].points.size() == 1);
    CHECK(rankings[1].out_of == std::optional<double>(63.0));
    CHECK(rankings[1].points.size() == 2);

    // 2024-12-31 has both: the 63-province ranking (it continues the series before the merger).
    target_assessment a = assess(ds, t, end_2024);
    REQUIRE(a.latest);
    CHECK(a.latest->value == 4.0);
    CHECK(a.latest_out_of == std::optional<double>(63.0));
    CHECK(a.status != target_status::achieved);  // 4th is not in the top 3

    // Once a later observation exists only in the 34-province ranking, that ranking is assessed
    // (from the as-of date on); an earlier assessment does not change.
    observation next = ds.observations[2];
    next.date = date::from_ymd(2025, 12, 31);
    next.value = 2;
    ds.observations.push_back(next);
    a = assess(ds, t, date::from_ymd(2025, 12, 31));
    REQUIRE(a.latest);
    CHECK(a.latest->value == 2.0);
    CHECK(a.latest_out_of == std::optional<double>(34.0));
    CHECK(a.status == target_status::achieved);
    a = assess(ds, t, end_2024);
    CHECK(a.latest_out_of == std::optional<double>(63.0));
    CHECK(a.latest->value == 4.0);

    // Before 2024 only the 63-province ranking has data.
    a = assess(ds, t, date::from_ymd(2023, 6, 30));
    CHECK(a.latest_out_of == std::optional<double>(63.0));
    CHECK(a.latest->value == 6.0);

    // assess_all, assess_across, the series index and the scorecard agree.
    const series_index index(ds);
    CHECK(index.get("vn_hanoi", "dti_rank", end_2024).out_of == std::optional<double>(63.0));
    CHECK(index.get("vn_hanoi", "dti_rank", date::from_ymd(2026, 1, 1)).out_of == std::optional<double>(34.0));
    // The 34 series: 2024 and 2025, continued before the merger by the 63-province rank of 2022.
    CHECK(index.get("vn_hanoi", "dti_rank").size() == 3);
    for (const auto& all :
         {assess_all(ds, end_2024, {}, entity_scope::all_observed), assess_across(ds, t, {"vn_hanoi"}, end_2024)}) {
        REQUIRE(all.size() == 1);
        CHECK(all[0].latest_out_of == std::optional<double>(63.0));
        CHECK(all[0].latest->value == 4.0);
    }
    const scorecard sc = make_scorecard(ds, end_2024);
    const scorecard_target* row = find_target(sc, "hn_top3");
    REQUIRE(row != nullptr);
    CHECK(row->latest_out_of == std::optional<double>(63.0));
    CHECK(row->series.size() == 2);  // 2022 and 2024 of the 63-province ranking, nothing of the other

    // Without out_of nothing changes: one series, no latest_out_of.
    std::vector<observation> first_two = ds.observations.to_vector();
    first_two.resize(2);
    for (auto& o : first_two)
        o.out_of.reset();
    ds.observations = first_two;
    a = assess(ds, t, end_2024);
    CHECK_FALSE(a.latest_out_of);
    CHECK(a.latest->value == 4.0);
}

TEST_CASE("a rank is shown with its ranking's size: 1 / 34 and 4 / 63", "[ranking][report]") {
    CHECK(human_value_in_ranking(1, 34.0, unit::rank, "", language::en) == "1 / 34");
    CHECK(human_value_in_ranking(4, 63.0, unit::rank, "", language::vi) == "4 / 63");
    CHECK(human_value_in_ranking(4, std::nullopt, unit::rank, "", language::en) == "4");
    CHECK(human_value_in_ranking(60, 63.0, unit::count, "", language::en) == "60");  // only ranks

    // Hà Nội at 2024-12-31: 4th of 63 in the dataset with both rankings; 1st of 34 in one that
    // keeps only the ranking after the merger.
    const date end_2024 = date::from_ymd(2024, 12, 31);
    dataset both = load_clean(two_rankings);
    dataset only_34 = both;
    std::vector<observation> after_merger = only_34.observations.to_vector();
    after_merger.erase(after_merger.begin(), after_merger.begin() + 2);
    only_34.observations = after_merger;
    const std::pair<const dataset*, const char*> cases[] = {{&both, "4 / 63"}, {&only_34, "1 / 34"}};
    for (const auto& [ds, shown] : cases) {
        INFO(shown);
        for (const language lang : {language::vi, language::en}) {
            scorecard_options options;
            options.lang = lang;
            const scorecard sc = make_scorecard(*ds, end_2024, options);
            CHECK(render_markdown(sc).find(shown) != std::string::npos);
            CHECK(render_html(sc).find(shown) != std::string::npos);
            terminal_options plain;
            plain.color = false;
            CHECK(render_terminal(sc, plain).find(shown) != std::string::npos);
        }
    }

    // Machine-readable: the ranking's size on its own, column 35 of the CSV (the first added
    // after the original 34; later additions follow it), a member in JSON.
    const scorecard sc = make_scorecard(both, end_2024);
    const csv_read_result csv = read_csv(render_csv(sc));
    REQUIRE(csv.table);
    REQUIRE(csv.table->header.size() > 34);
    CHECK(csv.table->header[34] == "latest_out_of");
    bool saw_target = false;
    for (const auto& row : csv.table->rows) {
        if (row[0] != "target") continue;
        saw_target = true;
        CHECK(row[34] == "63");
        CHECK(row[20] == "4");  // latest_value
    }
    CHECK(saw_target);
    CHECK(render_json(sc).find("\"latest_out_of\": 63") != std::string::npos);
}

#ifdef DXFRAME_CLI_PATH
TEST_CASE("dxframe progress writes latest_out_of after message (csv), in json and 4 / 63 (md)", "[ranking][cli]") {
    dxframe_test::scratch files;
    const auto path = files.file("rankings.json", two_rankings).string();
    const auto csv = dxframe_test::run_cli("progress \"" + path + "\" --as-of 2024-12-31 --format csv");
    REQUIRE(csv.status == 0);
    const auto header_end = csv.out.find('\n');
    REQUIRE(header_end != std::string::npos);
    const std::string header = csv.out.substr(0, header_end);
    // latest_out_of follows message; the freshness columns come after it, then how the status
    // was reached.
    const std::string tail = ",message,latest_out_of,result_window_start,latest_age_days,stale,status_source,";
    CHECK(header.find(tail) != std::string::npos);
    const std::string row = csv.out.substr(header_end + 1);
    CHECK(row.find(",63,2025-06-30,") != std::string::npos);  // out_of, then the window start

    const auto json = dxframe_test::run_cli("progress \"" + path + "\" --as-of 2024-12-31 --format json");
    REQUIRE(json.status == 0);
    CHECK(json.out.find("\"latest_out_of\": 63") != std::string::npos);

    const auto md = dxframe_test::run_cli("progress \"" + path + "\" --as-of 2024-12-31 --format md");
    REQUIRE(md.status == 0);
    CHECK(md.out.find("4 / 63 (2024-12-31)") != std::string::npos);
}
#endif

TEST_CASE("editions of an index whose universe grows form one series", "[ranking][progress]") {
    // GII ranks: 42nd of 131 (2020), 48th of 132 (2022), 44th of 139 (2025): each edition has its
    // own out_of, and no two share a date, so the assessment sees all three.
    std::vector<observation> obs;
    const auto add = [&](int year, double rank, double of) {
        observation o;
        o.entity = "vn";
        o.indicator = "gii_rank";
        o.date = date::from_ymd(year, 12, 31);
        o.value = rank;
        o.out_of = of;
        obs.push_back(o);
    };
    add(2020, 42, 131);
    add(2022, 48, 132);
    add(2025, 44, 139);
    const ranked_series s = observed_series(obs, "vn", "gii_rank", unit::rank, date::from_ymd(2026, 1, 1));
    CHECK(s.out_of == std::optional<double>(139.0));
    REQUIRE(s.points.size() == 3);
    CHECK(s.points[0].value == 42.0);
    CHECK(s.points[1].value == 48.0);
    CHECK(s.points[2].value == 44.0);
    // A second ranking at one of the dates does not enter the chosen series there.
    add(2022, 3, 10);  // e.g. a regional ranking of the same edition
    const ranked_series again = observed_series(obs, "vn", "gii_rank", unit::rank, date::from_ymd(2026, 1, 1));
    REQUIRE(again.points.size() == 3);
    CHECK(again.points[1].value == 48.0);
}
