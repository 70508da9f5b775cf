// SPDX-License-Identifier: MIT
// A framework of your own, built in code: a province's digital-transformation plan with two
// pillars, three indicators, targets, reported figures and a task. Validate it, score it as of
// a date, and print the scorecard as Markdown.
#include <cstdio>
#include <exception>
#include <iostream>

#include <dxframe/model.hpp>
#include <dxframe/report.hpp>
#include <dxframe/validate.hpp>

namespace {

dxframe::date d(int y, int m, int day) {
    return dxframe::date::from_ymd(y, m, day);
}

dxframe::dataset province_plan() {
    using namespace dxframe;
    dataset ds;
    framework& fw = ds.framework;
    fw.id = "demo-province-dx";
    fw.name = {"Kế hoạch chuyển đổi số tỉnh Demo 2024–2026", "Demo province DX plan 2024–2026"};
    fw.nation = "demo";
    fw.pillars = {{pillar::digital_government, {"Chính quyền số", "Digital local government"}, std::nullopt},
                  {pillar::digital_society, {"Xã hội số", "Digital society"}, std::nullopt}};

    indicator online;
    online.id = "online_dossiers";
    online.name = {"Hồ sơ thủ tục hành chính nộp trực tuyến", "Administrative dossiers submitted online"};
    online.pillar = pillar::digital_government;
    online.unit = unit::percent;
    indicator days;
    days.id = "processing_days";
    days.name = {"Số ngày xử lý hồ sơ trung bình", "Average days to process a dossier"};
    days.pillar = pillar::digital_government;
    days.unit = unit::count;
    days.direction = direction::lower_is_better;
    indicator skills;
    skills.id = "digital_skills";
    skills.name = {"Người dân có kỹ năng số cơ bản", "Residents with basic digital skills"};
    skills.pillar = pillar::digital_society;
    skills.unit = unit::percent;
    fw.indicators = {online, days, skills};

    source plan{"Provincial DX plan (illustrative)", std::nullopt, d(2024, 1, 15), confidence_level::verified};
    target t1;
    t1.id = "online-80";
    t1.title = text{"80% hồ sơ nộp trực tuyến vào cuối năm 2026", "80% of dossiers online by the end of 2026"};
    t1.indicator = "online_dossiers";
    t1.kind = target_kind::at_least;
    t1.value = 80;
    t1.deadline = d(2026, 12, 31);
    t1.baseline = baseline{d(2023, 12, 31), 35};
    t1.milestones = {{d(2025, 12, 31), 65}};
    t1.source = plan;
    target t2;
    t2.id = "days-3";
    t2.title = text{"Xử lý hồ sơ trong tối đa 3 ngày", "Dossiers processed within 3 days"};
    t2.indicator = "processing_days";
    t2.kind = target_kind::at_most;
    t2.value = 3;
    t2.deadline = d(2025, 12, 31);
    t2.baseline = baseline{d(2023, 12, 31), 7};
    t2.source = plan;
    target t3;
    t3.id = "skills-70";
    t3.title = text{"70% người dân có kỹ năng số cơ bản", "70% of residents with basic digital skills"};
    t3.indicator = "digital_skills";
    t3.kind = target_kind::at_least;
    t3.value = 70;
    t3.deadline = d(2026, 12, 31);
    t3.baseline = baseline{d(2023, 12, 31), 40};
    t3.source = plan;
    fw.targets = {t1, t2, t3};

    task portal;
    portal.id = "portal-upgrade";
    portal.title = {"Nâng cấp cổng dịch vụ công của tỉnh", "Upgrade the provincial public-service portal"};
    portal.owner = "demo-ict";
    portal.deadline = d(2025, 6, 30);
    portal.status = task_status::in_progress;
    fw.tasks = {portal};

    entity province;
    province.id = "demo";
    province.name = {"Tỉnh Demo", "Demo province"};
    province.level = entity_level::province;
    entity dept;
    dept.id = "demo-ict";
    dept.name = {"Sở Khoa học và Công nghệ", "Department of Science and Technology"};
    dept.level = entity_level::other;
    dept.parent = "demo";
    ds.entities = {province, dept};

    source report{"Quarterly DX report (illustrative)", std::nullopt, std::nullopt, confidence_level::secondary};
    auto obs = [&](const char* ind, date when, double v) {
        observation o;
        o.entity = "demo";
        o.indicator = ind;
        o.date = when;
        o.value = v;
        o.source = report;
        return o;
    };
    ds.observations = {obs("online_dossiers", d(2023, 12, 31), 35), obs("online_dossiers", d(2024, 12, 31), 52),
                       obs("online_dossiers", d(2025, 6, 30), 61),  obs("processing_days", d(2023, 12, 31), 7),
                       obs("processing_days", d(2025, 6, 30), 6.5), obs("digital_skills", d(2023, 12, 31), 40),
                       obs("digital_skills", d(2025, 6, 30), 52)};
    return ds;
}

}  // namespace

int run() {
    const dxframe::dataset ds = province_plan();

    // Bad data gives diagnostics, never exceptions: check before computing.
    const auto problems = dxframe::validate(ds);
    for (const auto& p : problems)
        std::cerr << p.path << ": " << p.message << "\n";
    if (dxframe::has_errors(problems)) return 1;

    dxframe::scorecard_options options;
    options.lang = dxframe::language::en;
    const dxframe::scorecard sc = dxframe::make_scorecard(ds, dxframe::date::from_ymd(2025, 7, 31), options);
    std::cout << dxframe::render_markdown(sc);

    // Online dossiers: 35 -> 61 of the way to 80 is 26/45 = 58%, and the path through the 2025
    // milestone (65) expected about 35 + 30 · 1.5/2 ≈ 57.4 by mid-2025: on track. Processing days:
    // 7 -> 6.5 is 0.5/4 = 12.5% of the way with 3/4 of the time gone: limited progress.
    const auto* online = dxframe::find_target(sc, "online-80");
    const auto* days = dxframe::find_target(sc, "days-3");
    const bool as_expected = online && online->status == dxframe::target_status::on_track && days &&
                             days->status == dxframe::target_status::limited_progress;
    if (!as_expected) std::cerr << "unexpected statuses\n";
    return as_expected ? 0 : 1;
}

// Misuse of the API throws dxframe::error (bad data never does): report it, do not crash.
int main() {
    try {
        return run();
    } catch (const std::exception& e) {
        std::fputs(e.what(), stderr);
        std::fputs("\n", stderr);
    } catch (...) {
        std::fputs("unexpected exception\n", stderr);
    }
    return 1;
}
