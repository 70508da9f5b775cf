// SPDX-License-Identifier: MIT
// Progress on breakdowns (issue 14, item 1): a series is (entity, indicator, breakdown); the
// headline is assessed unless a target names a breakdown; breakdown figures never enter the
// headline series, the ranking or the index inputs.
#include <string>
#include <vector>

#include <dxframe/index/dataset_input.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/progress_report.hpp>
#include <dxframe/progress/ranking.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/progress/series.hpp>
#include <dxframe/report/csv.hpp>
#include <dxframe/report/html.hpp>
#include <dxframe/report/json.hpp>
#include <dxframe/report/markdown.hpp>
#include <dxframe/report/progress.hpp>
#include <dxframe/report/terminal.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

namespace {

dataset sample() {
    auto loaded = load_dataset_file(std::string(DXFRAME_TEST_DATA_DIR) + "/progress/breakdowns.json");
    REQUIRE(loaded.data);
    return *loaded.data;
}

const date as_of = *date::parse("2025-06-30");

const target_assessment& of_target(const std::vector<target_assessment>& all, const std::string& id) {
    for (const auto& a : all) {
        if (a.target == id) return a;
    }
    FAIL("no assessment of " << id);
    return all.front();
}

}  // namespace

TEST_CASE("a target on {sex: female} is assessed on the women's series", "[progress][breakdowns]") {
    const dataset ds = sample();
    const auto all = assess_all(ds, as_of);
    // Headline share: 40% (2022) → 60% (2024) against ≥ 50%: achieved.
    const target_assessment& headline = of_target(all, "skills_half");
    CHECK(headline.breakdown.empty());
    CHECK(headline.status == target_status::achieved);
    REQUIRE(headline.latest);
    CHECK(headline.latest->value == 60.0);
    // Women: 30% → 35% against ≥ 50%: not achieved, and judged on 30 → 35, not on the headline.
    const target_assessment& women = of_target(all, "women_half");
    CHECK(women.breakdown == breakdown{{"sex", "female"}});
    REQUIRE(women.latest);
    CHECK(women.latest->value == 35.0);
    REQUIRE(women.baseline);
    CHECK(women.baseline->value == 30.0);
    CHECK(women.status != target_status::achieved);
    CHECK(women.status == target_status::limited_progress);
    // The one-target entry point agrees.
    const target_assessment one = assess(ds, ds.framework.targets[1], as_of);
    CHECK(one.status == women.status);
    CHECK(one.latest->value == 35.0);
    // So does assess_across.
    const auto across = assess_across(ds, ds.framework.targets[1], {"vn"}, as_of);
    REQUIRE(across.size() == 1);
    CHECK(across[0].latest->value == 35.0);
}

TEST_CASE("breakdown observations never enter the headline series", "[progress][breakdowns]") {
    dataset ds = sample();
    const auto before = assess_all(ds, as_of, {}, entity_scope::all_observed);
    // Remove every breakdown figure: headline assessments are the same.
    dataset headline_only = ds;
    std::vector<observation> kept;
    for (const auto& o : ds.observations) {
        if (o.breakdown.empty()) kept.push_back(o);
    }
    headline_only.observations = kept;
    const auto after = assess_all(headline_only, as_of, {}, entity_scope::all_observed);
    const target_assessment& a = of_target(before, "trained_total");
    const target_assessment& b = of_target(after, "trained_total");
    CHECK(a.status == b.status);
    CHECK(a.latest->value == 1200000.0);
    CHECK(b.latest->value == 1200000.0);
    CHECK(a.progress == b.progress);

    const series_index index(ds);
    CHECK(index.get("vn", "hr_trained").size() == 2);  // 2022 and 2024, headline only
    CHECK(index.latest("vn", "hr_trained", std::nullopt)->value == 1200000.0);
    CHECK(index.latest("vn", "hr_trained", std::nullopt, {{"sex", "female"}})->value == 650000.0);
    CHECK(index.get("vn", "hr_trained", as_of, {{"sex", "female"}, {"area", "rural"}}).points.size() == 1);
    CHECK(index.breakdowns("vn", "hr_trained") == std::vector<breakdown>{{{"area", "rural"}, {"sex", "female"}},
                                                                         {{"area", "urban"}, {"sex", "female"}},
                                                                         {{"sex", "female"}},
                                                                         {{"sex", "male"}}});
    CHECK(index.entities_with("hr_trained") == std::vector<std::string>{"vn"});
    CHECK(index.entities_with("hr_trained", {{"sex", "other"}}).empty());
    CHECK(observed_series(ds.observations, "vn", "hr_basic_skills_share", unit::percent).back().value == 60.0);
    CHECK(observed_series(ds.observations, "vn", "hr_basic_skills_share", unit::percent, as_of, {{"sex", "male"}})
              .points.back()
              .value == 85.0);

    // An entity that reports only a breakdown has no headline series to be assessed on.
    observation only_part = ds.observations[8];
    only_part.entity = "hn";
    ds.entities.push_back(ds.entities[0]);
    ds.entities.back().id = "hn";
    ds.entities.back().level = entity_level::province;
    ds.observations.push_back(only_part);
    const auto observed = assess_all(ds, as_of, {}, entity_scope::all_observed);
    for (const auto& x : observed)
        CHECK(x.entity == "vn");
}

TEST_CASE("rankings and index inputs use headline figures only", "[progress][breakdowns]") {
    dataset ds = sample();
    // A second entity with a headline figure and a large breakdown one.
    ds.entities.push_back(ds.entities[0]);
    ds.entities.back().id = "hn";
    ds.entities.back().level = entity_level::province;
    observation o = ds.observations[7];  // headline 1 200 000 for vn
    o.entity = "hn";
    o.value = 100;
    ds.observations.push_back(o);
    o.value = 9e9;
    o.breakdown = {{"sex", "male"}};
    ds.observations.push_back(o);
    const auto r = ranking_from_observations(ds, "hr_trained", as_of, language::en);
    REQUIRE(r);
    REQUIRE(r->entries.size() == 2);
    for (const auto& e : r->entries)
        CHECK(e.value != 9e9);

    const dataset_input in = make_dataset_input(ds, {});
    REQUIRE(in.tree);
    bool seen = false;
    for (std::size_t row = 0; row < in.values.rows(); ++row) {
        for (std::size_t col = 0; col < in.values.cols(); ++col) {
            const auto v = in.values.get(row, col);
            CHECK(v != std::optional<double>(9e9));
            CHECK(v != std::optional<double>(650000.0));
            seen = seen || v == std::optional<double>(1200000.0);
        }
    }
    CHECK(seen);
}

TEST_CASE("the scorecard shows a target's breakdown and the latest value of each", "[progress][breakdowns]") {
    const dataset ds = sample();
    scorecard_options options;
    options.lang = language::en;
    const scorecard sc = make_scorecard(ds, as_of, options);
    const scorecard_target* women = find_target(sc, "women_half");
    REQUIRE(women);
    CHECK(women->breakdown == breakdown{{"sex", "female"}});
    CHECK(women->breakdown_label == "Female");
    REQUIRE(women->latest);
    CHECK(women->latest->value == 35.0);
    REQUIRE(women->series.size() == 2);
    CHECK(women->series[0].value == 30.0);
    REQUIRE(women->breakdowns.size() == 2);
    CHECK(women->breakdowns[0].label == "Female");
    CHECK(women->breakdowns[0].latest.value == 35.0);
    CHECK(women->breakdowns[1].label == "Male");
    CHECK(women->breakdowns[1].latest.value == 85.0);

    const scorecard_target* total = find_target(sc, "trained_total");
    REQUIRE(total);
    CHECK(total->breakdown.empty());
    CHECK(total->breakdown_label.empty());
    REQUIRE(total->breakdowns.size() == 4);
    CHECK(total->breakdowns[0].label == "Rural / Female");  // area before sex: dimension id order
    CHECK(total->breakdowns[0].latest.value == 400000.0);

    options.lang = language::vi;
    const scorecard vi = make_scorecard(ds, as_of, options);
    CHECK(find_target(vi, "women_half")->breakdown_label == "Nữ");
}

TEST_CASE("every report format shows a target's breakdown", "[progress][breakdowns][report]") {
    const dataset ds = sample();
    scorecard_options options;
    options.lang = language::en;
    const scorecard sc = make_scorecard(ds, as_of, options);
    terminal_options wide;
    wide.width = 120;
    const std::string terminal = render_terminal(sc, wide);
    CHECK(terminal.find("Breakdown: Female") != std::string::npos);
    CHECK(terminal.find("By breakdown: Female 35") != std::string::npos);
    const std::string md = render_markdown(sc);
    CHECK(md.find("Breakdown: Female") != std::string::npos);
    const std::string csv = render_csv(sc);
    CHECK(csv.find(",sex=female") != std::string::npos);
    const std::string json = render_json(sc);
    CHECK(json.find("\"breakdown_label\": \"Female\"") != std::string::npos);
    const std::string html = render_html(sc);
    CHECK(html.find("<section id=\"breakdowns\">") != std::string::npos);
    CHECK(html.find("data-breakdown=\"sex=female\"") != std::string::npos);
    CHECK(html.find("breakdown-figure\" data-target=\"women_half\"") != std::string::npos);
    CHECK(html.find("breakdown-figure\" data-target=\"skills_half\"") != std::string::npos);

    // The progress report names the breakdown in CSV, Markdown and JSON.
    const progress_report report = make_progress_report(ds, as_of);
    CHECK(render_csv(report).find(",sex=female\n") != std::string::npos);
    CHECK(render_markdown(report).find("share (sex=female)") != std::string::npos);
    CHECK(render_json(report).find("\"sex\": \"female\"") != std::string::npos);

    // Without breakdowns, nothing of them shows.
    dataset plain = ds;
    std::vector<observation> kept;
    for (const auto& o : ds.observations) {
        if (o.breakdown.empty()) kept.push_back(o);
    }
    plain.observations = kept;
    plain.framework.targets.erase(plain.framework.targets.begin() + 1);
    const scorecard psc = make_scorecard(plain, as_of, options);
    CHECK(render_terminal(psc, wide).find("Breakdown:") == std::string::npos);
    CHECK(render_terminal(psc, wide).find("By breakdown") == std::string::npos);
    CHECK(render_html(psc).find("id=\"breakdowns\"") == std::string::npos);
}
