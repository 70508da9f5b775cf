// SPDX-License-Identifier: MIT
// A small dataset whose scorecard is worked out by hand (see the comments), shared by the
// report tests. As of 2024-12-31:
//   t_speed    i_speed  (infrastructure)     at_least 100 by 2025-12-31, 20 (2020-12-31) -> 68 (2023-12-31)
//              P = 48/80 = 0.6; E = 3/5 = 0.6; P/E = 1 >= 0.95 -> on_track, score 0.6
//   t_online   i_online (digital_government) at_least 80 by 2024-06-30, 30 (2020-06-30) -> 50 (2024-01-31)
//              deadline passed, not met, latest within the result window (from 2023-12-30) ->
//              overdue; P = 20/50 = 0.4, score 0.4
//   t_reach    i_online (digital_government) at_least 40 by 2023-12-31, same series -> achieved, score 1
//   t_rank     i_rank   (digital_government) at_most 50 by 2026-12-31, 86 (2020-12-31) -> 80 (2022-12-31)
//              P = 6/36 = 1/6; E = 2/6 = 1/3; P/E = 0.5 -> limited_progress, score 1/6
//   t_misc     i_misc   (no pillar)          at_least 10 by 2025-06-30, no observations -> no_data
// Indicator scores: i_speed 0.6, i_online (0.4 + 1)/2 = 0.7, i_rank 1/6, i_misc none.
// Pillars: infrastructure 0.6; digital_government (0.7 + 1/6)/2 = 13/30; awareness none (no
// indicators). Overall: (0.6 + 0.7 + 1/6)/3 = 22/45.
// Tasks: k1 overdue 91 days, k4 overdue 30 days, k2 due soon (15 days), k3 done on time.
// Freshness (stale when dated before 2023-12-31): i_speed 2023-12-31 (366 days, not stale),
// i_online 2024-01-31 (335 days), i_rank 2022-12-31 (731 days, stale).
// Ranking on i_online (4 reporting entities): 2023-12-31 has the most values: P2 90 (1),
// P1 70 (2), P3 70 (2).
#pragma once

#include <optional>
#include <string>

#include <dxframe/model.hpp>

namespace report_test {

inline dxframe::source src(const std::string& ref, std::optional<dxframe::confidence_level> c) {
    dxframe::source s;
    s.reference = ref;
    s.url = "https://example.org/" + ref;
    s.confidence = c;
    return s;
}

inline dxframe::date d(int y, int m, int dd) {
    return dxframe::date::from_ymd(y, m, dd);
}

inline dxframe::observation obs(const std::string& entity, const std::string& ind, dxframe::date when, double v) {
    dxframe::observation o;
    o.entity = entity;
    o.indicator = ind;
    o.date = when;
    o.value = v;
    o.source = src("obs", dxframe::confidence_level::secondary);
    return o;
}

inline dxframe::dataset fixture() {
    using namespace dxframe;
    dataset ds;
    framework& fw = ds.framework;
    fw.id = "fixture";
    fw.name = {"Khung thử nghiệm", "Test framework"};
    fw.nation = "VN";
    fw.pillars = {{pillar::infrastructure, {"Hạ tầng số", "Digital infrastructure"}, std::nullopt},
                  {pillar::digital_government, {"Chính phủ số", "Digital government"}, std::nullopt},
                  {pillar::awareness, {"Nhận thức số", "Digital awareness"}, std::nullopt}};
    auto ind = [](const std::string& id, text name, std::optional<pillar> p, unit u, direction dir) {
        indicator i;
        i.id = id;
        i.name = std::move(name);
        i.pillar = p;
        i.unit = u;
        i.direction = dir;
        return i;
    };
    fw.indicators = {
        ind("i_speed", {"Tốc độ băng rộng cố định", "Fixed broadband speed"}, pillar::infrastructure, unit::mbps,
            direction::higher_is_better),
        ind("i_online", {"Dịch vụ công trực tuyến toàn trình", "Full-process online services"},
            pillar::digital_government, unit::percent, direction::higher_is_better),
        ind("i_rank", {"Xếp hạng EGDI", "EGDI rank"}, pillar::digital_government, unit::rank,
            direction::lower_is_better),
        ind("i_misc", {"Chỉ số khác", "Other indicator"}, std::nullopt, unit::count, direction::higher_is_better)};
    auto tgt = [](const std::string& id, const std::string& indicator, target_kind k, double v, date deadline,
                  std::optional<baseline> base, std::optional<source> s) {
        target t;
        t.id = id;
        t.title = text{"Chỉ tiêu " + id, "Target " + id};
        t.indicator = indicator;
        t.kind = k;
        t.value = v;
        t.deadline = deadline;
        t.baseline = base;
        t.source = std::move(s);
        return t;
    };
    fw.targets = {
        tgt("t_speed", "i_speed", target_kind::at_least, 100, d(2025, 12, 31), baseline{d(2020, 12, 31), 20},
            src("D1", confidence_level::verified)),
        tgt("t_online", "i_online", target_kind::at_least, 80, d(2024, 6, 30), baseline{d(2020, 6, 30), 30},
            src("D2", confidence_level::secondary)),
        tgt("t_reach", "i_online", target_kind::at_least, 40, d(2023, 12, 31), baseline{d(2020, 6, 30), 30},
            std::nullopt),
        tgt("t_rank", "i_rank", target_kind::at_most, 50, d(2026, 12, 31), baseline{d(2020, 12, 31), 86},
            src("D3", confidence_level::unverified)),
        tgt("t_misc", "i_misc", target_kind::at_least, 10, d(2025, 6, 30), std::nullopt, src("D4", std::nullopt))};
    auto tsk = [](const std::string& id, const std::string& owner, date deadline, task_status st,
                  std::optional<date> completed) {
        task t;
        t.id = id;
        t.title = {"Nhiệm vụ " + id, "Task " + id};
        t.owner = owner;
        t.deadline = deadline;
        t.status = st;
        t.completed = completed;
        return t;
    };
    fw.tasks = {tsk("k1", "MIC", d(2024, 10, 1), task_status::in_progress, std::nullopt),
                tsk("k2", "VN", d(2025, 1, 15), task_status::not_started, std::nullopt),
                tsk("k3", "MIC", d(2024, 6, 1), task_status::done, d(2024, 5, 1)),
                tsk("k4", "MIC", d(2024, 12, 1), task_status::not_started, std::nullopt)};
    auto ent = [](const std::string& id, text name, entity_level level) {
        entity e;
        e.id = id;
        e.name = std::move(name);
        e.level = level;
        return e;
    };
    ds.entities = {ent("VN", {"Việt Nam", "Viet Nam"}, entity_level::nation),
                   ent("MIC", {"Bộ Thông tin và Truyền thông", "Ministry of Information and Communications"},
                       entity_level::ministry),
                   ent("P1", {"Tỉnh Một", "Province 1"}, entity_level::province),
                   ent("P2", {"Tỉnh Hai", "Province 2"}, entity_level::province),
                   ent("P3", {"Tỉnh Ba", "Province 3"}, entity_level::province)};
    ds.observations = {obs("VN", "i_speed", d(2020, 12, 31), 20),  obs("VN", "i_speed", d(2023, 12, 31), 68),
                       obs("VN", "i_online", d(2020, 6, 30), 30),  obs("VN", "i_online", d(2024, 1, 31), 50),
                       obs("VN", "i_rank", d(2020, 12, 31), 86),   obs("VN", "i_rank", d(2022, 12, 31), 80),
                       obs("P1", "i_online", d(2022, 12, 31), 60), obs("P1", "i_online", d(2023, 12, 31), 70),
                       obs("P2", "i_online", d(2023, 12, 31), 90), obs("P3", "i_online", d(2023, 12, 31), 70)};
    ds.observations.edit(ds.observations.size() - 1)->source.reset();  // one observation without a source
    return ds;
}

inline dxframe::date as_of() {
    return d(2024, 12, 31);
}

}  // namespace report_test
