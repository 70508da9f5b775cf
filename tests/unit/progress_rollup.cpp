// SPDX-License-Identifier: MIT
// Roll-up of target assessments: nodes, pillars, overall, per entity and across entities.
#include <boost/describe/enum_to_string.hpp>

#include <dxframe/io/json.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/tasks.hpp>

#include "catch_compat.hpp"
#include "progress_support.hpp"

using namespace dxframe;

namespace {

node make_node(const std::string& id, std::optional<std::string> parent, double weight,
               std::optional<pillar> p = std::nullopt) {
    node n;
    n.id = id;
    n.name = {id, id};
    n.parent = std::move(parent);
    n.weight = weight;
    n.pillar = p;
    return n;
}

indicator make_ind(const std::string& id, std::optional<std::string> parent, double weight,
                   std::optional<pillar> p = std::nullopt) {
    indicator i;
    i.id = id;
    i.name = {id, id};
    i.parent = std::move(parent);
    i.weight = weight;
    i.pillar = p;
    return i;
}

target_assessment made(const std::string& target, const std::string& ind, target_status s,
                       std::optional<double> progress, std::optional<double> opensdg = std::nullopt,
                       const std::string& entity = "vn") {
    target_assessment a;
    a.target = target;
    a.indicator = ind;
    a.entity = entity;
    a.status = s;
    a.progress = progress;
    a.opensdg_score = opensdg;
    return a;
}

// dx (root) ← gov (weight 2, digital government) ← i1 (1), i2 (3)
//           ← eco (weight 1, digital economy)    ← i3 (1)
// i4: no parent, pillar data.
framework make_framework() {
    framework fw;
    fw.nodes = {make_node("dx", std::nullopt, 1), make_node("gov", "dx", 2, pillar::digital_government),
                make_node("eco", "dx", 1, pillar::digital_economy)};
    fw.indicators = {make_ind("i1", "gov", 1), make_ind("i2", "gov", 3), make_ind("i3", "eco", 1),
                     make_ind("i4", std::nullopt, 1, pillar::data)};
    return fw;
}

std::vector<target_assessment> make_assessments() {
    return {made("t1", "i1", target_status::needs_acceleration, 0.5, 1.0),
            made("t2", "i2", target_status::achieved, 1.0, 5.0),
            made("t3a", "i3", target_status::on_track, 1.3),        // clipped to 1
            made("t3b", "i3", target_status::deterioration, -0.2),  // clipped to 0
            made("t4", "i4", target_status::insufficient_data, std::nullopt)};
}

const rollup_entry& entry(const std::vector<rollup_entry>& v, const std::string& id) {
    for (const auto& e : v) {
        if (e.id == id) return e;
    }
    FAIL("no roll-up entry " << id);
    return v.front();
}

}  // namespace

TEST_CASE("roll-up: weighted scores down the tree", "[progress][rollup]") {
    const auto r = rollup(make_framework(), make_assessments());
    CHECK(r.entity == "vn");
    // Indicator scores: i1 0.5, i2 1, i3 (1 + 0)/2 = 0.5, i4 none.
    const auto& gov = entry(r.nodes, "gov");
    CHECK(*gov.score == Catch::Approx((1 * 0.5 + 3 * 1.0) / 4));  // 0.875
    const auto& eco = entry(r.nodes, "eco");
    CHECK(*eco.score == Catch::Approx(0.5));
    const auto& dx = entry(r.nodes, "dx");
    CHECK(*dx.score == Catch::Approx((2 * 0.875 + 1 * 0.5) / 3));  // 0.75
    CHECK(dx.targets == 4);
    // Overall: root node dx (0.75) and root indicator i4 (no score): 0.75.
    CHECK(*r.overall.score == Catch::Approx(0.75));
    CHECK(r.overall.id == "overall");
    CHECK(r.overall.targets == 5);
}

TEST_CASE("roll-up: counts, worst status, share on track, Open SDG summary", "[progress][rollup]") {
    const auto r = rollup(make_framework(), make_assessments());
    CHECK(r.overall.counts.achieved == 1);
    CHECK(r.overall.counts.on_track == 1);
    CHECK(r.overall.counts.needs_acceleration == 1);
    CHECK(r.overall.counts.deterioration == 1);
    CHECK(r.overall.counts.insufficient_data == 1);
    CHECK(r.overall.counts.total() == 5);
    CHECK(*r.overall.share_on_track == Catch::Approx(2.0 / 4.0));  // insufficient data left out
    CHECK(r.overall.worst == target_status::deterioration);

    const auto& gov = entry(r.nodes, "gov");
    CHECK(gov.worst == target_status::needs_acceleration);
    CHECK(*gov.opensdg_score == Catch::Approx(3.0));       // (1 + 5)/2
    CHECK(gov.opensdg_status == target_status::on_track);  // ≥ 2.5, not every member achieved
    CHECK_FALSE(entry(r.nodes, "eco").opensdg_score);

    // Pillars: an indicator's own pillar, else its nearest node's.
    REQUIRE(r.pillars.size() == 3);
    CHECK(r.pillars[0].id == "data");  // pillar order: foundations first
    CHECK(r.pillars[1].id == "digital_government");
    CHECK(r.pillars[2].id == "digital_economy");
    CHECK_FALSE(r.pillars[0].score);
    CHECK(r.pillars[0].worst == target_status::insufficient_data);
    CHECK_FALSE(r.pillars[0].share_on_track);
    CHECK(*r.pillars[1].score == Catch::Approx(0.875));
    CHECK(*r.pillars[2].score == Catch::Approx(0.5));
    CHECK(r.pillars[2].counts.on_track == 1);
}

TEST_CASE("roll-up: Open SDG status of a mean score", "[progress][rollup]") {
    CHECK(opensdg_status_from_score(5, true) == target_status::achieved);
    CHECK(opensdg_status_from_score(5, false) == target_status::on_track);
    CHECK(opensdg_status_from_score(2.5, false) == target_status::on_track);
    CHECK(opensdg_status_from_score(0, false) == target_status::needs_acceleration);
    CHECK(opensdg_status_from_score(-2.5, false) == target_status::limited_progress);
    CHECK(opensdg_status_from_score(-2.6, false) == target_status::deterioration);
    // Every scored member achieved: the group is achieved.
    framework fw = make_framework();
    const auto r = rollup(fw, {made("t2", "i2", target_status::achieved, 1.0, 5.0),
                               made("t2b", "i2", target_status::achieved, std::nullopt, 5.0)});
    CHECK(entry(r.nodes, "gov").opensdg_status == target_status::achieved);
}

TEST_CASE("roll-up: overdue is the worst status, zero weights, cycles", "[progress][rollup]") {
    framework fw = make_framework();
    fw.nodes[1].weight = 0;  // gov weighs nothing: dx = eco
    auto as = make_assessments();
    as.push_back(made("t5", "i3", target_status::overdue, 0.9));
    const auto r = rollup(fw, as);
    // i3 now (1 + 0 + 0.9)/3
    CHECK(*entry(r.nodes, "dx").score == Catch::Approx(1.9 / 3));
    CHECK(r.overall.worst == target_status::overdue);

    // A node cycle (invalid data) must not hang or crash; the nodes on it get no score.
    fw.nodes.push_back(make_node("c1", "c2", 1));
    fw.nodes.push_back(make_node("c2", "c1", 1));
    fw.indicators.push_back(make_ind("ic", "c1", 1));
    const auto rc = rollup(fw, {made("tc", "ic", target_status::on_track, 0.5)});
    CHECK(entry(rc.nodes, "c1").targets == 1);
    CHECK(entry(rc.nodes, "c2").targets == 1);
    CHECK(rc.overall.targets == 1);

    // Unknown indicator: counted overall only.
    const auto ru = rollup(make_framework(), {made("tx", "nope", target_status::on_track, 0.5)});
    CHECK(ru.overall.targets == 1);
    CHECK(entry(ru.nodes, "dx").targets == 0);
    CHECK_FALSE(ru.overall.score);
}

TEST_CASE("roll-up per entity and across entities", "[progress][rollup]") {
    const framework fw = make_framework();
    std::vector<target_assessment> as = {made("t1", "i1", target_status::achieved, 1.0, std::nullopt, "hn"),
                                         made("t1", "i1", target_status::overdue, 0.4, std::nullopt, "dn"),
                                         made("t1", "i1", target_status::on_track, 0.8, std::nullopt, "hcm"),
                                         made("t2", "i1", target_status::limited_progress, 0.1, std::nullopt, "hn")};
    const auto per = rollup_by_entity(fw, as);
    REQUIRE(per.size() == 3);
    CHECK(per[0].entity == "hn");
    CHECK(per[0].overall.targets == 2);
    CHECK(*per[0].overall.score == Catch::Approx((1.0 + 0.1) / 2));  // i1 mean 0.55, the only score in gov and dx
    CHECK(per[1].entity == "dn");
    CHECK(per[1].overall.worst == target_status::overdue);
    CHECK(rollup(fw, as).entity.empty());  // mixed entities

    const auto across = rollup_across_entities(as);
    REQUIRE(across.size() == 2);
    CHECK(across[0].id == "t1");
    CHECK(across[0].targets == 3);
    CHECK(*across[0].score == Catch::Approx((1.0 + 0.4 + 0.8) / 3));  // unweighted across provinces
    CHECK(*across[0].share_on_track == Catch::Approx(2.0 / 3));
    CHECK(across[0].worst == target_status::overdue);
    const auto by_ind = rollup_across_entities(as, across_key::indicator);
    REQUIRE(by_ind.size() == 1);
    CHECK(by_ind[0].id == "i1");
    CHECK(by_ind[0].targets == 4);
}

TEST_CASE("roll-up of real assessments from a dataset", "[progress][rollup]") {
    // Two targets on one indicator under a digital-government node.
    using progress_test::ye;
    indicator ind = progress_test::make_indicator(unit::percent);
    ind.parent = "gov";
    target t1 = progress_test::make_target(target_kind::at_least, 80.0, ye(2025), baseline{ye(2020), 20.0});
    dataset ds = progress_test::make_dataset(ind, t1, {{ye(2022), 44.0}});
    target t2 = t1;
    t2.id = "t2";
    t2.value = 44.0;
    ds.framework.targets.push_back(t2);
    ds.framework.nodes.push_back(make_node("gov", std::nullopt, 1, pillar::digital_government));
    const auto as = assess_all(ds, ye(2022));
    REQUIRE(as.size() == 2);
    const auto r = rollup(ds.framework, as);
    CHECK(*r.overall.score == Catch::Approx((0.4 + 1.0) / 2));
    CHECK(r.overall.counts.achieved == 1);
    CHECK(r.overall.counts.on_track == 1);
    CHECK(*r.overall.share_on_track == 1.0);
    REQUIRE(r.pillars.size() == 1);
    CHECK(r.pillars[0].id == "digital_government");
}

TEST_CASE("results serialise to JSON with no extra code", "[progress][json]") {
    const auto r = rollup(make_framework(), make_assessments());
    const nlohmann::json j = r;
    CHECK(j.at("overall").at("worst") == "deterioration");
    CHECK(j.at("overall").at("counts").at("insufficient_data") == 1);
    CHECK(j.at("pillars").at(0).at("id") == "data");
    CHECK_FALSE(j.at("pillars").at(0).contains("score"));  // empty optionals are left out

    const auto a = make_assessments().front();
    const nlohmann::json ja = a;
    CHECK(ja.at("status") == "needs_acceleration");
    CHECK(ja.at("progress") == 0.5);
    CHECK_FALSE(ja.contains("reason"));
    const auto back = ja.get<target_assessment>();
    CHECK(back.status == a.status);
    CHECK(back.progress == a.progress);

    framework fw;
    task t;
    t.id = "t";
    t.owner = "mic";
    t.deadline = progress_test::d("2025-06-30");
    fw.tasks.push_back(t);
    const nlohmann::json jt = assess_tasks(fw, progress_test::d("2025-07-10"));
    CHECK(jt.at("tasks").at(0).at("state") == "overdue");
    CHECK(jt.at("tasks").at(0).at("days_late") == 10);
    CHECK(jt.at("as_of") == "2025-07-10");
    CHECK(to_json_text(progress_options{}).find("\"method\": \"linear\"") != std::string::npos);
}

TEST_CASE("rollup: pillar entries carry their pillar: targets outside every pillar are summarised apart") {
    framework fw = make_framework();
    fw.indicators.push_back(make_ind("i5", std::nullopt, 2));  // no parent, no pillar
    const std::vector<target_assessment> as = {
        made("t1", "i1", target_status::achieved, 1.0),
        made("t5a", "i5", target_status::on_track, 0.5),
        made("t5b", "i5", target_status::overdue, 0.1),
        made("tx", "not_in_framework", target_status::limited_progress, 0.2),
    };
    const progress_rollup r = rollup(fw, as);
    for (const auto& e : r.pillars) {
        REQUIRE(e.pillar.has_value());
        CHECK(e.id == boost::describe::enum_to_string(*e.pillar, ""));
    }
    CHECK_FALSE(r.overall.pillar.has_value());
    REQUIRE(r.unassigned.has_value());
    CHECK(r.unassigned->id == "none");
    CHECK_FALSE(r.unassigned->pillar.has_value());
    CHECK(r.unassigned->targets == 3);
    CHECK(r.unassigned->counts.on_track == 1);
    CHECK(r.unassigned->counts.overdue == 1);
    CHECK(r.unassigned->counts.limited_progress == 1);
    CHECK(r.unassigned->worst == target_status::overdue);
    // Scored like a pillar: i5 (weight 2) has the mean of 0.5 and 0.1, the unknown indicator
    // weighs 1 with 0.2.
    REQUIRE(r.unassigned->score.has_value());
    CHECK(*r.unassigned->score == Catch::Approx((2 * 0.3 + 1 * 0.2) / 3).epsilon(1e-12));
    CHECK(r.overall.targets == 4);

    // Everything in a pillar: no unassigned entry.
    const progress_rollup all_in = rollup(fw, {made("t1", "i1", target_status::achieved, 1.0)});
    CHECK_FALSE(all_in.unassigned.has_value());
}
