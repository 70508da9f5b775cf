// SPDX-License-Identifier: MIT
// A target's own method and thresholds, and statuses set by hand (issue 14, item 2): how the
// assessment uses them, how roll-ups count manual statuses apart, how validation checks them.
#include <string>
#include <vector>

#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/csv.hpp>
#include <dxframe/report/html.hpp>
#include <dxframe/report/json.hpp>
#include <dxframe/report/markdown.hpp>
#include <dxframe/report/terminal.hpp>
#include <dxframe/validate.hpp>

#include "catch_compat.hpp"
#include "progress_support.hpp"

using namespace dxframe;
using namespace progress_test;

namespace {

// 20 → 50 of a target of 100 (baseline 2020, deadline 2030): half the distance in half the
// time, so P/E = 1 by the linear method at the end of 2025.
dataset halfway() {
    target t = make_target(target_kind::at_least, 100, ye(2030), baseline{ye(2020), 20});
    return make_dataset(make_indicator(unit::percent), t, {{ye(2020), 20}, {ye(2023), 38}, {ye(2025), 60}});
}

manual_status manual(target_status s, date when, std::string reason, std::optional<std::string> entity = {}) {
    manual_status m;
    m.status = s;
    m.date = when;
    m.reason = {reason, reason};
    m.entity = std::move(entity);
    return m;
}

bool has_diagnostic(const std::vector<diagnostic>& ds, diagnostic_code code, const std::string& path) {
    for (const auto& d : ds) {
        if (d.code == code && d.path == path) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("effective_options: a target's own method and thresholds win unless the run ignores them") {
    progress_options run;
    run.method = progress_method::linear;
    target t = make_target(target_kind::at_least, 100, ye(2030));
    CHECK(effective_options(run, t).method == progress_method::linear);
    t.method = progress_method::projection;
    t.thresholds = status_thresholds{0.8, 0.4, -0.1};
    t.no_target_thresholds = growth_thresholds{0.03, 0.01, 0.0};
    const progress_options own = effective_options(run, t);
    CHECK(own.method == progress_method::projection);
    CHECK(own.thresholds.on_track == 0.8);
    CHECK(own.thresholds.limited_progress == -0.1);
    CHECK(own.no_target_thresholds.on_track == 0.03);
    CHECK(own.stale_after_months == run.stale_after_months);
    run.target_overrides = target_settings::ignore;
    const progress_options ignored = effective_options(run, t);
    CHECK(ignored.method == progress_method::linear);
    CHECK(ignored.thresholds.on_track == 0.95);
}

TEST_CASE("a target's thresholds change its status: the assessment says where they came from") {
    dataset ds = halfway();
    // Linear at 2025-12-31: P = 0.5, E = 0.5 → ratio 1 → on track with the defaults.
    const target_assessment base = assess(ds, ds.framework.targets[0], ye(2025));
    CHECK(base.status == target_status::on_track);
    CHECK(base.method_source == method_origin::run);
    REQUIRE(base.ratio);
    // With on_track at 1.2 the same ratio needs acceleration.
    ds.framework.targets[0].method = progress_method::linear;
    ds.framework.targets[0].thresholds = status_thresholds{1.2, 0.6, 0};
    const target_assessment own = assess(ds, ds.framework.targets[0], ye(2025));
    CHECK(own.ratio == base.ratio);
    CHECK(own.status == target_status::needs_acceleration);
    CHECK(own.method_source == method_origin::target);
    // The run can ignore them.
    progress_options o;
    o.target_overrides = target_settings::ignore;
    const target_assessment ignored = assess(ds, ds.framework.targets[0], ye(2025), o);
    CHECK(ignored.status == target_status::on_track);
    CHECK(ignored.method_source == method_origin::run);
    // A target's method: growth_ratio gives Open SDG's score, which linear never does.
    ds.framework.targets[0].method = progress_method::growth_ratio;
    ds.framework.targets[0].thresholds.reset();
    const target_assessment growth = assess(ds, ds.framework.targets[0], ye(2025));
    CHECK(growth.method == progress_method::growth_ratio);
    CHECK(growth.opensdg_score.has_value());
}

TEST_CASE("unusable thresholds on a target make it insufficient_data, never an exception") {
    dataset ds = halfway();
    ds.framework.targets[0].method = progress_method::linear;
    ds.framework.targets[0].thresholds = status_thresholds{0.5, 0.9, 0};  // not decreasing
    target_assessment a;
    REQUIRE_NOTHROW(a = assess(ds, ds.framework.targets[0], ye(2025)));
    CHECK(a.status == target_status::insufficient_data);
    CHECK(a.reason == std::optional<insufficiency_reason>(insufficiency_reason::invalid_target));
    REQUIRE(a.message);
    CHECK(a.message->find("thresholds") != std::string::npos);
    // The same thresholds for the whole run are misuse of the API: an exception, as before.
    progress_options bad;
    bad.thresholds = status_thresholds{0.5, 0.9, 0};
    CHECK_THROWS_AS(check_options(bad), dxframe::error);
}

TEST_CASE("the latest manual status on or before the date wins: the computed one is kept") {
    dataset ds = halfway();
    target& t = ds.framework.targets[0];
    t.manual_statuses = {manual(target_status::needs_acceleration, d("2024-03-31"), "mid-term review"),
                         manual(target_status::achieved, d("2026-03-31"), "decree issued"),
                         manual(target_status::deterioration, d("2025-06-30"), "province report", "hn")};
    // Before any manual status: computed.
    const target_assessment early = assess(ds, t, ye(2023));
    CHECK(early.status_source == status_origin::computed);
    CHECK_FALSE(early.manual);
    CHECK_FALSE(early.computed_status);
    // At 2025-12-31 the 2024 judgement is in force (the 2026 one is in the future).
    const target_assessment mid = assess(ds, t, ye(2025));
    CHECK(mid.status == target_status::needs_acceleration);
    CHECK(mid.status_source == status_origin::manual);
    CHECK(mid.computed_status == std::optional<target_status>(target_status::on_track));
    REQUIRE(mid.manual);
    CHECK(mid.manual->reason.en == "mid-term review");
    CHECK(mid.ratio.has_value());  // the method's measures stay
    CHECK_FALSE(progress_score(mid).has_value());
    // Later: the 2026 one.
    CHECK(assess(ds, t, d("2026-12-31")).status == target_status::achieved);
    // The entity-specific one applies to that entity only.
    entity hn;
    hn.id = "hn";
    hn.name = {"Hà Nội", "Ha Noi"};
    hn.level = entity_level::province;
    ds.entities.push_back(hn);
    ds.observations.push_back(obs("hn", ye(2020), 10));
    ds.observations.push_back(obs("hn", ye(2025), 30));
    const target_assessment for_hn = assess(ds, t, "hn", ye(2025));
    CHECK(for_hn.status == target_status::deterioration);
    CHECK(for_hn.manual->entity == std::optional<std::string>("hn"));
    // A manual status that is not a judgement is never used (validation reports it).
    t.manual_statuses = {manual(target_status::no_data, d("2024-03-31"), "x")};
    CHECK(assess(ds, t, ye(2025)).status_source == status_origin::computed);
}

TEST_CASE("roll-ups count manual statuses apart from the computed picture") {
    std::vector<target_assessment> as(3);
    as[0].target = "a";
    as[0].indicator = "ind";
    as[0].status = target_status::on_track;
    as[0].progress = 0.4;
    as[1].target = "b";
    as[1].indicator = "ind";
    as[1].status = target_status::achieved;
    as[1].status_source = status_origin::manual;
    as[1].computed_status = target_status::deterioration;
    as[2].target = "c";
    as[2].indicator = "ind";
    as[2].status = target_status::overdue;
    as[2].status_source = status_origin::manual;
    const auto across = rollup_across_entities(as, across_key::indicator);
    REQUIRE(across.size() == 1);
    const rollup_entry& e = across[0];
    CHECK(e.targets == 3);
    CHECK(e.counts.total() == 1);
    CHECK(e.counts.on_track == 1);
    CHECK(e.manual == 2);
    CHECK(e.manual_counts.achieved == 1);
    CHECK(e.manual_counts.overdue == 1);
    CHECK(e.worst == std::optional<target_status>(target_status::on_track));  // the computed worst
    CHECK(e.share_on_track == std::optional<double>(1.0));
    REQUIRE(e.score);
    CHECK(*e.score == Catch::Approx(0.4));  // the manual achieved does not lift it to 0.7
}

TEST_CASE("the scorecard shows a manual status as manual, with its reason, in every format") {
    dataset ds = halfway();
    ds.framework.targets[0].manual_statuses = {manual(target_status::achieved, d("2025-06-30"), "decree issued")};
    scorecard_options o;
    o.lang = language::en;
    const scorecard sc = make_scorecard(ds, ye(2025), o);
    REQUIRE(sc.targets.size() == 1);
    const scorecard_target& t = sc.targets[0];
    CHECK(t.status == target_status::achieved);
    CHECK(t.status_source == status_origin::manual);
    CHECK(t.computed_status == std::optional<target_status>(target_status::on_track));
    CHECK(t.manual_reason == std::optional<std::string>("decree issued"));
    CHECK(t.manual_date == std::optional<date>(d("2025-06-30")));
    CHECK(sc.overall.manual == 1);
    CHECK(sc.overall.counts.total() == 0);
    CHECK(sc.overall.targets == 1);

    const std::string md = render_markdown(sc);
    CHECK(md.find("Achieved (set by hand: decree issued)") != std::string::npos);
    const std::string csv = render_csv(sc);
    CHECK(csv.find(",status_source,computed_status,manual,manual_date,manual_reason,method_source") !=
          std::string::npos);
    CHECK(csv.find(",manual,on_track,,2025-06-30,decree issued,run") != std::string::npos);
    const std::string html = render_html(sc);
    CHECK(html.find("class=\"pill manual status-achieved\"") != std::string::npos);
    CHECK(html.find("<span class=\"status-origin\">set by hand: decree issued</span>") != std::string::npos);
    CHECK(render_terminal(sc).find("set by hand: decree issued") != std::string::npos);
    const std::string json = render_json(sc);
    CHECK(json.find("\"status_source\": \"manual\"") != std::string::npos);
    CHECK(json.find("\"computed_status\": \"on_track\"") != std::string::npos);
}

TEST_CASE("a target with its own method says so in every format") {
    dataset ds = halfway();
    ds.framework.targets[0].method = progress_method::growth_ratio;
    scorecard_options o;
    o.lang = language::en;
    const scorecard sc = make_scorecard(ds, ye(2025), o);
    REQUIRE(sc.targets.size() == 1);
    CHECK(sc.targets[0].method == progress_method::growth_ratio);
    CHECK(sc.targets[0].method_source == method_origin::target);
    CHECK(sc.targets[0].status_source == status_origin::computed);
    const std::string note = "the target's own method: ";
    CHECK(render_markdown(sc).find(note) != std::string::npos);
    CHECK(render_terminal(sc).find(note) != std::string::npos);
    CHECK(render_html(sc).find("the target&#39;s own method: ") != std::string::npos);
    CHECK(render_csv(sc).find(",computed,,,,,target") != std::string::npos);
    CHECK(render_json(sc).find("\"method_source\": \"target\"") != std::string::npos);
    // The run's method everywhere else: no note.
    o.progress.target_overrides = target_settings::ignore;
    const scorecard plain = make_scorecard(ds, ye(2025), o);
    CHECK(plain.targets[0].method_source == method_origin::run);
    CHECK(render_markdown(plain).find(note) == std::string::npos);
}

TEST_CASE("validation: thresholds need a method and must decrease: manual statuses need a judgement and a reason") {
    dataset ds = halfway();
    target& t = ds.framework.targets[0];
    t.thresholds = status_thresholds{0.5, 0.9, 0};
    t.no_target_thresholds = growth_thresholds{0.01, 0.02, 0};
    t.manual_statuses = {manual(target_status::unreported, d("2024-01-01"), "x"),
                         manual(target_status::achieved, d("2024-06-30"), ""),
                         manual(target_status::on_track, d("2024-06-30"), "again"),
                         manual(target_status::on_track, d("2024-06-30"), "a province", "nowhere")};
    const auto diags = validate(ds);
    const std::string base = "/framework/targets/0";
    CHECK(has_diagnostic(diags, diagnostic_code::invalid_target, base + "/thresholds"));
    CHECK(has_diagnostic(diags, diagnostic_code::invalid_target, base + "/no_target_thresholds"));
    CHECK(has_diagnostic(diags, diagnostic_code::invalid_manual_status, base + "/manual_statuses/0/status"));
    CHECK(has_diagnostic(diags, diagnostic_code::missing_reason, base + "/manual_statuses/1/reason"));
    CHECK(has_diagnostic(diags, diagnostic_code::invalid_manual_status, base + "/manual_statuses/2/date"));
    CHECK(has_diagnostic(diags, diagnostic_code::unknown_reference, base + "/manual_statuses/3/entity"));
    CHECK(has_diagnostic(diags, diagnostic_code::missing_source, base + "/manual_statuses/3/source"));
    // Fixed: a method, decreasing thresholds, judgements with reasons, one per entity and date.
    t.method = progress_method::linear;
    t.thresholds = status_thresholds{0.9, 0.5, 0};
    t.no_target_thresholds = growth_thresholds{0.02, 0.01, 0};
    t.manual_statuses = {manual(target_status::achieved, d("2024-06-30"), "decree issued")};
    t.manual_statuses[0].source = source{};
    t.manual_statuses[0].source->reference = "Decree 1/2024";
    t.source = source{};
    t.source->reference = "Decision 749";
    validate_options vo;
    vo.report_missing_sources = false;
    CHECK_FALSE(has_errors(validate(ds, vo)));
}
