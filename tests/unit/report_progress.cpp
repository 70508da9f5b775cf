// SPDX-License-Identifier: MIT
// The progress report: the assessments with their date, settings and data freshness
// (make_progress_report, newest_dates) and its JSON, CSV and Markdown renderings.
#include <string>

#include <nlohmann/json.hpp>

#include <dxframe/io/csv.hpp>
#include <dxframe/progress/freshness.hpp>
#include <dxframe/progress/progress_report.hpp>
#include <dxframe/report/progress.hpp>

#include "catch_compat.hpp"
#include "progress_support.hpp"

using namespace dxframe;
using namespace progress_test;

namespace {

// The nation reaches 80 of a target of 100 by 2025; a province reports later; a source is
// published after the as-of date and must not count.
dataset sample() {
    dataset ds = make_dataset(make_indicator(unit::percent), make_target(target_kind::at_least, 100, ye(2030)),
                              {{ye(2020), 40}, {ye(2023), 60}, {ye(2025), 80}});
    ds.framework.targets[0].baseline = baseline{ye(2020), 40};
    ds.framework.targets[0].source = source{};
    ds.framework.targets[0].source->published = d("2021-03-01");
    entity hn;
    hn.id = "hn";
    hn.name = {"Hà Nội", "Ha Noi"};
    hn.level = entity_level::province;
    ds.entities.push_back(hn);
    observation late = obs("hn", d("2026-06-30"), 90);
    late.source = source{};
    late.source->published = d("2026-07-15");
    ds.observations.push_back(late);
    observation vn_2024 = obs("vn", ye(2024), 70);
    vn_2024.source = source{};
    vn_2024.source->published = d("2025-02-01");
    ds.observations.push_back(vn_2024);
    return ds;
}

}  // namespace

TEST_CASE("newest_dates: the newest observation and source on or before the date, per entity on request") {
    const dataset ds = sample();
    const data_freshness all = newest_dates(ds, d("2026-12-31"));
    CHECK(all.newest_observation == d("2026-06-30"));
    CHECK(all.newest_source == d("2026-07-15"));
    // At an earlier date the later observation and its source are not part of the picture.
    const data_freshness early = newest_dates(ds, d("2026-01-01"));
    CHECK(early.newest_observation == ye(2025));
    CHECK(early.newest_source == d("2025-02-01"));
    // One entity: its observations only; the targets' sources always count.
    const data_freshness vn_only = newest_dates(ds, d("2026-12-31"), std::string("vn"));
    CHECK(vn_only.newest_observation == ye(2025));
    CHECK(vn_only.newest_source == d("2025-02-01"));
    const data_freshness nobody = newest_dates(ds, d("2026-12-31"), std::string("nobody"));
    CHECK_FALSE(nobody.newest_observation.has_value());
    CHECK(nobody.newest_source == d("2021-03-01"));
}

TEST_CASE("make_progress_report: settings, freshness and the assessments of assess_all") {
    const dataset ds = sample();
    progress_options o;
    o.method = progress_method::growth_ratio;
    o.stale_after_months = 9;
    const progress_report r = make_progress_report(ds, d("2026-12-31"), o, entity_scope::all_observed);
    CHECK(r.as_of == d("2026-12-31"));
    CHECK(r.method == progress_method::growth_ratio);
    CHECK(r.stale_after_months == 9);
    CHECK(r.freshness.newest_observation == d("2026-06-30"));
    const auto direct = assess_all(ds, d("2026-12-31"), o, entity_scope::all_observed);
    REQUIRE(r.assessments.size() == direct.size());
    REQUIRE(r.assessments.size() == 2);  // the nation and the province
    for (std::size_t i = 0; i < direct.size(); ++i) {
        CHECK(r.assessments[i].entity == direct[i].entity);
        CHECK(r.assessments[i].status == direct[i].status);
    }
}

TEST_CASE("progress renderings: JSON keys, CSV columns and the Markdown header") {
    const dataset ds = sample();
    const progress_report r = make_progress_report(ds, d("2026-12-31"));

    const auto json = nlohmann::json::parse(render_json(r));
    REQUIRE(json.is_array());
    REQUIRE(json.size() == r.assessments.size());
    for (const char* key : {"target", "indicator", "entity", "status", "progress", "expected", "ratio", "latest",
                            "projected", "deadline", "latest_age_days"}) {
        CHECK(json[0].contains(key));
    }
    CHECK(json[0]["entity"] == "vn");
    CHECK(json[0]["latest"]["value"] == 80);

    const auto read = read_csv(render_csv(r));
    REQUIRE(read.table.has_value());
    const csv_table& table = *read.table;
    CHECK(table.header == progress_csv_columns());
    REQUIRE(table.rows.size() == r.assessments.size());
    CHECK(table.rows[0][2] == "vn");
    CHECK(table.rows[0][11] == "80");  // latest_value: 17 significant digits, 80 exactly

    const std::string md = render_markdown(r);
    CHECK(md.rfind("Progress as of 2026-12-31 (method: linear)\n", 0) == 0);
    CHECK(md.find("Newest observation: 2026-06-30 · newest source published: 2026-07-15") != std::string::npos);
    CHECK(md.find("| t | ind | vn |") != std::string::npos);
}
