// SPDX-License-Identifier: MIT
// The scorecard and its renderings on data freshness: unreported and no-data targets, the
// date and age of each target's latest observation, stale marks, the newest observation and
// source dates in the header, and pillars for which the sources set no target.
//
// The dataset is report_fixture.hpp's with one more target and a few source dates. As of
// 2024-12-31 (stale when the latest observation is dated before 2023-12-31):
//   t_gone   i_gone (digital_government) at_least 90 by 2024-03-31, one value 10 (2022-06-30):
//            deadline passed, nothing since 2023-09-30 -> unreported (stale, 915 days old)
//   t_rank   latest 2022-12-31 -> limited_progress, stale, 731 days old
//   t_speed  latest 2023-12-31 -> on_track, not stale (exactly 12 months), 366 days old
//   t_misc   no observation, deadline ahead -> no_data
//   awareness: a pillar of the framework with no indicator -> no target set.
// Source publication dates: target D1 2020-06-03, observations 2024-02-15 and 2025-03-01
// (after the as-of date: ignored) -> newest source 2024-02-15; newest observation 2024-01-31.
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/io/csv.hpp>
#include <dxframe/report.hpp>

#include "catch_compat.hpp"
#include "report_fixture.hpp"

using namespace dxframe;
using report_test::d;

namespace {

dataset freshness_fixture() {
    dataset ds = report_test::fixture();
    indicator gone;
    gone.id = "i_gone";
    gone.name = {"Chỉ số đã ngừng báo cáo", "Indicator no longer reported"};
    gone.pillar = pillar::digital_government;
    gone.unit = unit::percent;
    ds.framework.indicators.push_back(gone);
    target t;
    t.id = "t_gone";
    t.title = text{"Chỉ tiêu t_gone", "Target t_gone"};
    t.indicator = "i_gone";
    t.kind = target_kind::at_least;
    t.value = 90;
    t.deadline = d(2024, 3, 31);
    ds.framework.targets.push_back(t);
    ds.observations.push_back(report_test::obs("VN", "i_gone", d(2022, 6, 30), 10));
    ds.framework.targets[0].source->published = d(2020, 6, 3);
    ds.observations.edit(1)->source->published = d(2024, 2, 15);
    ds.observations.edit(3)->source->published = d(2025, 3, 1);  // after the as-of date
    return ds;
}

scorecard make(language lang = language::en) {
    scorecard_options o;
    o.lang = lang;
    return make_scorecard(freshness_fixture(), report_test::as_of(), o);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        out.push_back(line);
    return out;
}

// The line after the first line containing `what`.
std::string line_after(const std::string& text, const std::string& what) {
    const auto lines = lines_of(text);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i].find(what) != std::string::npos) return lines[i + 1];
    }
    return {};
}

}  // namespace

TEST_CASE("scorecard: freshness of each target, newest dates, roll-up counts", "[report][freshness]") {
    const scorecard sc = make();
    const scorecard_target* gone = find_target(sc, "t_gone");
    REQUIRE(gone);
    CHECK(gone->status == target_status::unreported);
    CHECK(gone->latest_age_days == 915);
    CHECK(gone->stale);
    CHECK_FALSE(gone->score);
    const scorecard_target* rank = find_target(sc, "t_rank");
    CHECK(rank->latest_age_days == 731);
    CHECK(rank->stale);
    const scorecard_target* speed = find_target(sc, "t_speed");
    CHECK(speed->latest_age_days == 366);
    CHECK_FALSE(speed->stale);
    const scorecard_target* misc = find_target(sc, "t_misc");
    CHECK(misc->status == target_status::no_data);
    CHECK_FALSE(misc->latest_age_days);
    CHECK_FALSE(misc->stale);

    CHECK(sc.newest_observation == d(2024, 1, 31));
    CHECK(sc.newest_source == d(2024, 2, 15));
    CHECK(sc.stale_after_months == 12);
    CHECK(sc.result_window_months == 6);

    // Overall: t_speed on track, t_online overdue, t_reach achieved, t_rank limited, t_misc no
    // data, t_gone unreported. Shares and scores leave out the two without a judgement.
    CHECK(sc.overall.targets == 6);
    CHECK(sc.overall.counts.unreported == 1);
    CHECK(sc.overall.counts.no_data == 1);
    CHECK(sc.overall.counts.insufficient_data == 0);
    CHECK(sc.overall.not_judged == 2);
    CHECK(*sc.overall.share_on_track == Catch::Approx(2.0 / 4.0));
    CHECK(*sc.overall.score == Catch::Approx(22.0 / 45.0));  // as without t_gone and t_misc
    CHECK(sc.overall.worst == target_status::overdue);
    CHECK(sc.overall.stale == 2);  // t_rank, t_gone
    // Needing action: overdue first, then unreported, then off track.
    CHECK(sc.overall.off_track == std::vector<std::string>{"t_online", "t_gone", "t_rank"});

    const scorecard_group* gov = nullptr;
    const scorecard_group* awareness = nullptr;
    for (const auto& g : sc.pillars) {
        if (g.id == "digital_government") gov = &g;
        if (g.id == "awareness") awareness = &g;
    }
    REQUIRE(gov);
    CHECK(gov->targets == 4);
    CHECK(gov->not_judged == 1);
    CHECK(*gov->share_on_track == Catch::Approx(1.0 / 3.0));
    CHECK(*gov->score == Catch::Approx(13.0 / 30.0));  // i_gone has no score: unchanged
    REQUIRE(awareness);
    CHECK(awareness->targets == 0);
    CHECK_FALSE(awareness->score);
    CHECK_FALSE(awareness->worst);

    // --stale-after and --result-window reach the scorecard through the options.
    scorecard_options o;
    o.progress.stale_after_months = 24;
    o.progress.result_window_months = 24;
    const scorecard wide = make_scorecard(freshness_fixture(), report_test::as_of(), o);
    CHECK(find_target(wide, "t_gone")->status == target_status::overdue);  // window from 2022-03-31
    CHECK_FALSE(find_target(wide, "t_rank")->stale);                       // 731 days < 24 months
    CHECK(wide.stale_after_months == 24);
}

TEST_CASE("terminal: data date, age and stale mark under each target: pillar without targets", "[report][freshness]") {
    const std::string en = render_terminal(make());
    // Header: the newest observation and the newest source.
    CHECK(en.find("Newest data 2024-01-31 \u00b7 Newest source published 2024-02-15") != std::string::npos);
    CHECK(en.find("stale: older than 12 months") != std::string::npos);
    // The line under a target gives the date and age of its latest observation.
    CHECK(line_after(en, "Target t_rank").find("data 2022-12-31 \u00b7 731 days ago \u00b7 stale") !=
          std::string::npos);
    CHECK(line_after(en, "Target t_speed").find("data 2023-12-31 \u00b7 366 days ago") != std::string::npos);
    CHECK(line_after(en, "Target t_speed").find("stale") == std::string::npos);
    CHECK(line_after(en, "Target t_gone").find("data 2022-06-30 \u00b7 915 days ago \u00b7 stale") !=
          std::string::npos);
    CHECK(en.find("Unreported    Target t_gone") != std::string::npos);
    CHECK(en.find("No data       Target t_misc") != std::string::npos);
    // The pillar without targets says so instead of an empty row.
    bool said = false;
    for (const auto& l : lines_of(en)) {
        if (l.rfind("Digital awareness", 0) == 0) said = l.find("no target set in the sources") != std::string::npos;
    }
    CHECK(said);
    // Vietnamese.
    const std::string vi = render_terminal(make(language::vi));
    CHECK(vi.find("Số liệu mới nhất 31/01/2024 \u00b7 Nguồn công bố mới nhất 15/02/2024") != std::string::npos);
    CHECK(line_after(vi, "Chỉ tiêu t_rank").find("số liệu 31/12/2022 \u00b7 731 ngày trước \u00b7 cũ") !=
          std::string::npos);
    CHECK(vi.find("chưa có chỉ tiêu") != std::string::npos);
    CHECK(vi.find("Chưa báo cáo  Chỉ tiêu t_gone") != std::string::npos);
}

TEST_CASE("markdown: data age column with stale marks: pillar without targets", "[report][freshness]") {
    const std::string md = render_markdown(make());
    CHECK(md.find("**Newest data:** 2024-01-31 \u00b7 **Newest source published:** 2024-02-15") != std::string::npos);
    CHECK(md.find("| Latest | Data age |") != std::string::npos);
    CHECK(md.find("80 (2022-12-31) | 731 days ago **stale** |") != std::string::npos);
    CHECK(md.find("68 Mbps (2023-12-31) | 366 days ago |") != std::string::npos);
    CHECK(md.find("| Digital awareness | _no target set in the sources_ | 0 |") != std::string::npos);
    CHECK(md.find("| Result not reported | Target t\\_gone |") != std::string::npos);  // "_" escaped
    CHECK(md.find("Targets needing action: off track, overdue, unreported (3)") != std::string::npos);
}

TEST_CASE("csv: freshness columns at the end: pillar without targets noted", "[report][freshness]") {
    const scorecard sc = make();
    const csv_read_result r = read_csv(render_csv(sc));
    REQUIRE(r.table);
    const csv_table& t = *r.table;
    const auto columns = scorecard_csv_columns();
    // The columns earlier versions wrote keep their places; the new ones follow.
    REQUIRE(columns.size() == 50);
    CHECK(columns[33] == "confidence");
    CHECK(columns[34] == "latest_out_of");
    CHECK(std::vector<std::string>(columns.begin() + 35, columns.end()) ==
          std::vector<std::string>{"unreported", "no_data", "not_judged", "latest_age_days", "stale",
                                   "newest_observation", "newest_source", "note", "status_source", "computed_status",
                                   "manual", "manual_date", "manual_reason", "method_source", "breakdown"});
    const auto col = [&](const std::string& name) {
        for (std::size_t i = 0; i < t.header.size(); ++i) {
            if (t.header[i] == name) return i;
        }
        FAIL("no column " << name);
        return std::size_t{0};
    };
    bool rank_seen = false, awareness_seen = false;
    for (const auto& row : t.rows) {
        if (row[col("record")] == "overall") {
            CHECK(row[col("newest_observation")] == "2024-01-31");
            CHECK(row[col("newest_source")] == "2024-02-15");
            CHECK(row[col("unreported")] == "1");
            CHECK(row[col("no_data")] == "1");
            CHECK(row[col("not_judged")] == "2");
            CHECK(row[col("stale")] == "2");
        }
        if (row[col("id")] == "t_rank") {
            rank_seen = true;
            CHECK(row[col("latest_date")] == "2022-12-31");
            CHECK(row[col("latest_age_days")] == "731");
            CHECK(row[col("stale")] == "true");
        }
        if (row[col("id")] == "t_speed") CHECK(row[col("stale")] == "false");
        if (row[col("id")] == "t_gone") CHECK(row[col("status")] == "unreported");
        if (row[col("id")] == "awareness") {
            awareness_seen = true;
            CHECK(row[col("note")] == "no target set in the sources");
            CHECK(row[col("targets")] == "0");
        }
    }
    CHECK(rank_seen);
    CHECK(awareness_seen);
}

TEST_CASE("json: freshness members of the scorecard and its targets", "[report][freshness]") {
    const auto j = nlohmann::json::parse(render_json(make()));
    CHECK(j.at("newest_observation") == "2024-01-31");
    CHECK(j.at("newest_source") == "2024-02-15");
    CHECK(j.at("stale_after_months") == 12);
    CHECK(j.at("overall").at("counts").at("unreported") == 1);
    CHECK(j.at("overall").at("not_judged") == 2);
    for (const auto& t : j.at("targets")) {
        CHECK(t.contains("latest_age_days"));
        CHECK(t.contains("stale"));
        if (t.at("id") == "t_rank") {
            CHECK(t.at("latest_age_days") == 731);
            CHECK(t.at("stale") == true);
        }
        if (t.at("id") == "t_misc") {
            CHECK(t.at("latest_age_days").is_null());
            CHECK(t.at("status") == "no_data");
        }
    }
}

TEST_CASE("html: data age and stale marks in target rows: header dates: pillar without targets",
          "[report][freshness]") {
    const std::string h = render_html(make());
    CHECK(h.find("<strong class=\"newest-observation\">2024-01-31</strong>") != std::string::npos);
    CHECK(h.find("<strong class=\"newest-source\">2024-02-15</strong>") != std::string::npos);
    // Every row of t_rank (all targets, needing action, next deadlines) is marked stale.
    CHECK(h.find("class=\"target-row status-limited_progress stale\" data-target=\"t_rank\" data-age-days=\"731\"") !=
          std::string::npos);
    CHECK(h.find("<span class=\"days data-date\">2022-12-31</span><span class=\"days data-age\">731 days ago<span "
                 "class=\"stale-mark\">stale</span></span>") != std::string::npos);
    CHECK(h.find("<span class=\"days data-age\">366 days ago</span>") != std::string::npos);
    CHECK(h.find("class=\"target-row status-on_track\" data-target=\"t_speed\"") != std::string::npos);
    CHECK(h.find("class=\"pill status-unreported\"") != std::string::npos);
    CHECK(h.find("class=\"pill status-no_data\"") != std::string::npos);
    CHECK(h.find("class=\"pillar-row\" data-targets=\"0\" data-pillar=\"awareness\"") != std::string::npos);
    CHECK(h.find("<td class=\"no-target\" colspan=\"11\">no target set in the sources</td>") != std::string::npos);
    CHECK(h.find("class=\"no-target\"") != std::string::npos);  // also in the pillar chart
    const std::string vi = render_html(make(language::vi));
    CHECK(vi.find("chưa có chỉ tiêu") != std::string::npos);
    CHECK(vi.find("<span class=\"stale-mark\">cũ</span>") != std::string::npos);
}
