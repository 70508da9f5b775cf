// SPDX-License-Identifier: MIT
// The validation rules, each on a dataset built in code: a clean dataset gives nothing, and each
// rule fires on its defect (right code, severity and path, values named in the message) and stays
// quiet on the nearest correct case.
#include <dxframe/validate.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <dxframe/io/dataset_json.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

namespace {

date d(int y, int m, int dd) {
    return date::from_ymd(y, m, dd);
}

source src(const std::string& ref) {
    return source{ref, std::string("https://example.org/doc"), std::nullopt, std::nullopt};
}

indicator make_indicator(const std::string& id, const std::string& parent, unit u,
                         direction dir = direction::higher_is_better, double weight = 1.0) {
    indicator ind;
    ind.id = id;
    ind.name = {id, id};
    ind.parent = parent;
    ind.unit = u;
    ind.direction = dir;
    ind.weight = weight;
    return ind;
}

node make_node(const std::string& id, std::optional<std::string> parent, double weight = 1.0) {
    node n;
    n.id = id;
    n.name = {id, id};
    n.parent = std::move(parent);
    n.weight = weight;
    return n;
}

entity make_entity(const std::string& id, entity_level level, std::optional<std::string> parent = std::nullopt) {
    entity e;
    e.id = id;
    e.name = {id, id};
    e.level = level;
    e.parent = std::move(parent);
    return e;
}

observation make_obs(const std::string& ent, const std::string& ind, date when, std::optional<double> value) {
    observation o;
    o.entity = ent;
    o.indicator = ind;
    o.date = when;
    o.value = value;
    o.source = src("Report");
    return o;
}

target make_target(const std::string& id, const std::string& ind, target_kind kind, std::optional<double> value,
                   date deadline, std::optional<baseline> base) {
    target t;
    t.id = id;
    t.indicator = ind;
    t.kind = kind;
    t.value = value;
    t.deadline = deadline;
    t.baseline = base;
    t.source = src("Decision 749/QD-TTg");
    return t;
}

// A small, clean dataset: every rule is satisfied and every target and observation has a source.
//   nodes:       dti (root) <- gov (2), soc (1)
//   indicators:  online (percent, gov), egdi_rank (rank, lower is better, gov),
//                plan_share (percent, soc), speed (mbps, soc)
//   targets:     t_online at_least 80 (baseline 30.1 in 2020), t_rank at_most 50 (baseline 86)
//   entities:    VN, MOST, HN, BN-old, BG-old, BN (successor of BN-old, BG-old, effective 2025-07-01)
dataset clean() {
    dataset ds;
    framework& fw = ds.framework;
    fw.id = "vn";
    fw.name = {"Khung", "Framework"};
    fw.nation = "VN";
    fw.pillars = {pillar_info{pillar::digital_government, pillar_name(pillar::digital_government), std::nullopt},
                  pillar_info{pillar::digital_society, pillar_name(pillar::digital_society), std::nullopt}};
    fw.nodes = {make_node("dti", std::nullopt), make_node("gov", "dti", 2.0), make_node("soc", "dti", 1.0)};
    fw.indicators = {make_indicator("online", "gov", unit::percent),
                     make_indicator("egdi_rank", "gov", unit::rank, direction::lower_is_better),
                     make_indicator("plan_share", "soc", unit::percent), make_indicator("speed", "soc", unit::mbps)};
    fw.targets = {make_target("t_online", "online", target_kind::at_least, 80.0, d(2025, 12, 31),
                              baseline{d(2020, 12, 31), 30.1}),
                  make_target("t_rank", "egdi_rank", target_kind::at_most, 50.0, d(2030, 12, 31),
                              baseline{d(2020, 12, 31), 86.0})};
    task tk;
    tk.id = "task1";
    tk.title = {"Việc", "Task"};
    tk.owner = "MOST";
    tk.deadline = d(2024, 12, 31);
    tk.status = task_status::done;
    tk.completed = d(2024, 12, 20);
    tk.targets = {"t_online"};
    tk.indicators = {"online"};
    tk.source = src("Notice 369/TB-VPCP");
    fw.tasks = {tk};
    ds.entities = {make_entity("VN", entity_level::nation),
                   make_entity("MOST", entity_level::ministry, "VN"),
                   make_entity("HN", entity_level::province, "VN"),
                   make_entity("BN-old", entity_level::province, "VN"),
                   make_entity("BG-old", entity_level::province, "VN"),
                   make_entity("BN", entity_level::province, "VN")};
    ds.entities[5].successor_of = {"BN-old", "BG-old"};
    ds.entities[5].effective = d(2025, 7, 1);
    ds.observations = {make_obs("VN", "online", d(2023, 12, 31), 84.0),             // 0
                       make_obs("VN", "egdi_rank", d(2024, 12, 31), 71.0),          // 1
                       make_obs("VN", "plan_share", d(2022, 6, 30), std::nullopt),  // 2: 60/63
                       make_obs("VN", "speed", d(2024, 12, 31), 159.32),            // 3
                       make_obs("HN", "online", d(2023, 12, 31), 90.0)};            // 4
    ds.observations.edit(2)->numerator = 60;
    ds.observations.edit(2)->denominator = 63;
    return ds;
}

std::vector<diagnostic> with_code(const std::vector<diagnostic>& ds, diagnostic_code code) {
    std::vector<diagnostic> out;
    for (const auto& x : ds) {
        if (x.code == code) out.push_back(x);
    }
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Exactly one diagnostic with this code; checks its path and severity and returns it.
diagnostic only(const dataset& ds, diagnostic_code code, const std::string& path, severity sev = severity::error) {
    const auto all = validate(ds);
    const auto found = with_code(all, code);
    INFO("code " << boost::describe::enum_to_string(code, "?") << ", " << all.size() << " diagnostics in total");
    for (const auto& x : all)
        INFO(x.path << ": " << x.message);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path == path);
    CHECK(found[0].severity == sev);
    return found[0];
}

const double not_a_number = std::numeric_limits<double>::quiet_NaN();
const double infinity = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("a clean dataset has no diagnostics", "[validate]") {
    const auto all = validate(clean());
    for (const auto& x : all)
        INFO(x.path << ": " << x.message);
    CHECK(all.empty());
}

TEST_CASE("duplicate_id: per kind, nodes and indicators sharing one id space", "[validate]") {
    SECTION("node repeated") {
        auto ds = clean();
        ds.framework.nodes.push_back(make_node("gov", "dti"));
        const auto x = only(ds, diagnostic_code::duplicate_id, "/framework/nodes/3/id");
        CHECK(contains(x.message, "'gov'"));
        CHECK(contains(x.message, "/framework/nodes/1"));
    }
    SECTION("indicator reusing a node id is reported at the indicator") {
        auto ds = clean();
        ds.framework.indicators.push_back(make_indicator("soc", "gov", unit::count));
        const auto x = only(ds, diagnostic_code::duplicate_id, "/framework/indicators/4/id");
        CHECK(contains(x.message, "/framework/nodes/2"));
    }
    SECTION("targets, tasks, entities, pillars") {
        auto ds = clean();
        ds.framework.targets.push_back(ds.framework.targets[1]);
        CHECK(only(ds, diagnostic_code::duplicate_id, "/framework/targets/2/id").message ==
              "target id 't_rank' is already used by the target at /framework/targets/1");
        ds = clean();
        ds.framework.tasks.push_back(ds.framework.tasks[0]);
        ds.framework.tasks[1].status = task_status::not_started;
        ds.framework.tasks[1].completed.reset();
        only(ds, diagnostic_code::duplicate_id, "/framework/tasks/1/id");
        ds = clean();
        ds.entities.push_back(make_entity("HN", entity_level::province, "VN"));
        CHECK(contains(only(ds, diagnostic_code::duplicate_id, "/entities/6/id").message, "/entities/2"));
        ds = clean();
        ds.framework.pillars.push_back(ds.framework.pillars[0]);
        CHECK(
            contains(only(ds, diagnostic_code::duplicate_id, "/framework/pillars/2/id").message, "digital_government"));
    }
    SECTION("the same id in different kinds is fine") {
        auto ds = clean();
        ds.framework.targets[0].id = "online";  // a target named like its indicator
        ds.framework.tasks[0].targets = {"online"};
        ds.entities[1].id = "gov";  // an entity named like a node
        ds.framework.tasks[0].owner = "gov";
        CHECK(validate(ds).empty());
    }
}

TEST_CASE("unknown_reference: every reference is resolved", "[validate]") {
    SECTION("indicator and node parents") {
        auto ds = clean();
        ds.framework.indicators[2].parent = "society";
        CHECK(only(ds, diagnostic_code::unknown_reference, "/framework/indicators/2/parent").message ==
              "indicator 'plan_share' has parent 'society', which does not exist");
        ds = clean();
        ds.framework.nodes[1].parent = "root";
        only(ds, diagnostic_code::unknown_reference, "/framework/nodes/1/parent");
    }
    SECTION("target indicator and entity; a node is not an indicator") {
        auto ds = clean();
        ds.framework.targets[1].indicator = "egdi";
        only(ds, diagnostic_code::unknown_reference, "/framework/targets/1/indicator");
        ds = clean();
        ds.framework.targets[0].indicator = "gov";
        CHECK(contains(only(ds, diagnostic_code::unknown_reference, "/framework/targets/0/indicator").message,
                       "is a node (/framework/nodes/1), not an indicator"));
        ds = clean();
        ds.framework.targets[0].entity = "HCM";
        only(ds, diagnostic_code::unknown_reference, "/framework/targets/0/entity");
    }
    SECTION("framework nation") {
        auto ds = clean();
        ds.framework.nation = "VNM";
        CHECK(contains(only(ds, diagnostic_code::unknown_reference, "/framework/nation").message, "'VNM'"));
    }
    SECTION("task owner, targets and indicators") {
        auto ds = clean();
        ds.framework.tasks[0].owner = "MIC";
        only(ds, diagnostic_code::unknown_reference, "/framework/tasks/0/owner");
        ds = clean();
        ds.framework.tasks[0].targets.push_back("t_gdp");
        only(ds, diagnostic_code::unknown_reference, "/framework/tasks/0/targets/1");
        ds = clean();
        ds.framework.tasks[0].indicators = {"online", "speed", "fibre"};
        only(ds, diagnostic_code::unknown_reference, "/framework/tasks/0/indicators/2");
    }
    SECTION("entity parent and successor_of") {
        auto ds = clean();
        ds.entities[2].parent = "VietNam";
        only(ds, diagnostic_code::unknown_reference, "/entities/2/parent");
        ds = clean();
        ds.entities[5].successor_of[1] = "BG";
        CHECK(contains(only(ds, diagnostic_code::unknown_reference, "/entities/5/successor_of/1").message, "'BG'"));
    }
    SECTION("observation entity and indicator") {
        auto ds = clean();
        ds.observations.edit(3)->entity = "VNM";
        only(ds, diagnostic_code::unknown_reference, "/observations/3/entity");
        ds = clean();
        ds.observations.edit(4)->indicator = "onlin";
        only(ds, diagnostic_code::unknown_reference, "/observations/4/indicator");
    }
}

TEST_CASE("value_out_of_bounds: observations, target values, baselines, milestones", "[validate]") {
    SECTION("a percent of 130 against the bounds the unit implies") {
        auto ds = clean();
        ds.observations.edit(4)->value = 130;
        CHECK(only(ds, diagnostic_code::value_out_of_bounds, "/observations/4/value").message ==
              "value 130 of observation of 'online' for 'HN' at 2023-12-31 is above the maximum 100 of indicator "
              "'online' (implied by unit percent)");
    }
    SECTION("the bounds themselves are inside") {
        auto ds = clean();
        ds.observations.edit(4)->value = 100;
        ds.observations.edit(0)->value = 0;
        ds.observations.edit(1)->value = 1;  // rank 1 is the best rank
        CHECK(validate(ds).empty());
    }
    SECTION("rank 0, and explicit bounds") {
        auto ds = clean();
        ds.observations.edit(1)->value = 0;
        CHECK(contains(only(ds, diagnostic_code::value_out_of_bounds, "/observations/1/value").message,
                       "below the minimum 1"));
        ds = clean();
        ds.framework.indicators[3].maximum = 1000;  // mbps, explicit
        ds.observations.edit(3)->value = 1000.5;
        const auto x = only(ds, diagnostic_code::value_out_of_bounds, "/observations/3/value");
        CHECK(contains(x.message, "above the maximum 1000 of indicator 'speed'"));
        CHECK_FALSE(contains(x.message, "implied"));
    }
    SECTION("a ratio observation is checked on its effective value") {
        auto ds = clean();
        ds.observations.edit(2)->numerator = -3;  // -3/63 of a percent: below 0
        CHECK(contains(only(ds, diagnostic_code::value_out_of_bounds, "/observations/2/numerator").message,
                       "-3/63 = -4.761904761904762"));
    }
    SECTION("target value, upper, baseline and milestone") {
        auto ds = clean();
        ds.framework.targets[1].value = 0;  // top 0
        only(ds, diagnostic_code::value_out_of_bounds, "/framework/targets/1/value");
        ds = clean();
        ds.framework.targets[0].baseline->value = -1;
        only(ds, diagnostic_code::value_out_of_bounds, "/framework/targets/0/baseline/value");
        ds = clean();
        ds.framework.targets[0].milestones = {{d(2023, 12, 31), 50}, {d(2024, 12, 31), 101}};
        CHECK(
            contains(only(ds, diagnostic_code::value_out_of_bounds, "/framework/targets/0/milestones/1/value").message,
                     "value 101 of milestone 1 of target 't_online'"));
        ds = clean();
        ds.framework.targets[0].kind = target_kind::within;
        ds.framework.targets[0].upper = 120;
        only(ds, diagnostic_code::value_out_of_bounds, "/framework/targets/0/upper");
    }
    SECTION("inconsistent bounds are reported once, not on every value") {
        auto ds = clean();
        ds.framework.indicators[3].minimum = 10;
        ds.framework.indicators[3].maximum = 5;
        ds.observations.edit(3)->value = 159.32;
        CHECK(with_code(validate(ds), diagnostic_code::value_out_of_bounds).empty());
        only(ds, diagnostic_code::invalid_bounds, "/framework/indicators/3/minimum");
    }
}

TEST_CASE("numerator_exceeds_denominator and non_positive_denominator", "[validate]") {
    SECTION("64 of 63 provinces") {
        auto ds = clean();
        ds.observations.edit(2)->numerator = 64;
        const auto x = only(ds, diagnostic_code::numerator_exceeds_denominator, "/observations/2/numerator");
        CHECK(contains(x.message, "64/63"));
        // The specific code replaces the out-of-bounds report it implies.
        CHECK(with_code(validate(ds), diagnostic_code::value_out_of_bounds).empty());
    }
    SECTION("63 of 63 is fine; so is more than 1 for a plain ratio (connections per person)") {
        auto ds = clean();
        ds.observations.edit(2)->numerator = 63;
        CHECK(validate(ds).empty());
        ds.framework.indicators.push_back(make_indicator("iot_per_person", "soc", unit::ratio));
        auto o = make_obs("VN", "iot_per_person", d(2025, 12, 31), std::nullopt);
        o.numerator = 120e6;
        o.denominator = 100e6;
        ds.observations.push_back(o);
        CHECK(validate(ds).empty());
    }
    SECTION("zero and negative denominators") {
        auto ds = clean();
        ds.observations.edit(2)->denominator = 0;
        CHECK(only(ds, diagnostic_code::non_positive_denominator, "/observations/2/denominator").message ==
              "observation of 'plan_share' for 'VN' at 2022-06-30 has denominator 0; it must be greater than 0");
        ds.observations.edit(2)->denominator = -63;
        only(ds, diagnostic_code::non_positive_denominator, "/observations/2/denominator");
    }
}

TEST_CASE("ambiguous_value: value and ratio, neither, half a ratio", "[validate]") {
    auto ds = clean();
    ds.observations.edit(0)->numerator = 84;
    ds.observations.edit(0)->denominator = 100;
    CHECK(contains(only(ds, diagnostic_code::ambiguous_value, "/observations/0/value").message, "both a value (84)"));
    ds = clean();
    ds.observations.edit(0)->value.reset();
    CHECK(contains(only(ds, diagnostic_code::ambiguous_value, "/observations/0/value").message, "neither"));
    ds = clean();
    ds.observations.edit(2)->denominator.reset();
    CHECK(contains(only(ds, diagnostic_code::ambiguous_value, "/observations/2/denominator").message,
                   "numerator (60) but no denominator"));
    ds = clean();
    ds.observations.edit(2)->numerator.reset();
    only(ds, diagnostic_code::ambiguous_value, "/observations/2/numerator");
}

TEST_CASE("deadline_before_baseline", "[validate]") {
    auto ds = clean();
    ds.framework.targets[0].deadline = d(2019, 12, 31);
    CHECK(only(ds, diagnostic_code::deadline_before_baseline, "/framework/targets/0/deadline").message ==
          "target 't_online' has deadline 2019-12-31, not after its baseline date 2020-12-31");
    ds.framework.targets[0].deadline = d(2020, 12, 31);  // a target with no time to act
    only(ds, diagnostic_code::deadline_before_baseline, "/framework/targets/0/deadline");
    ds.framework.targets[0].deadline = d(2021, 1, 1);
    CHECK(validate(ds).empty());
}

TEST_CASE("target_on_wrong_side_of_baseline, by kind and direction", "[validate]") {
    SECTION("at_least on a lower-is-better indicator above its baseline") {
        auto ds = clean();
        ds.framework.targets[1].kind = target_kind::at_least;  // rank at least 90, baseline 86
        ds.framework.targets[1].value = 90;
        const auto x = only(ds, diagnostic_code::target_on_wrong_side_of_baseline, "/framework/targets/1/value");
        CHECK(x.message ==
              "target 't_rank' (at_least 90) can only be met by indicator 'egdi_rank' going up from its "
              "baseline 86 (2020-12-31), but it is lower_is_better");
    }
    SECTION("at_most on a higher-is-better indicator below its baseline") {
        auto ds = clean();
        ds.framework.targets[0].kind = target_kind::at_most;
        ds.framework.targets[0].value = 20;  // baseline 30.1
        only(ds, diagnostic_code::target_on_wrong_side_of_baseline, "/framework/targets/0/value");
    }
    SECTION("exactly, away from the baseline in the worse direction") {
        auto ds = clean();
        ds.framework.targets[0].kind = target_kind::exactly;
        ds.framework.targets[0].value = 10;
        only(ds, diagnostic_code::target_on_wrong_side_of_baseline, "/framework/targets/0/value");
        ds.framework.targets[0].value = 100;  // the better direction
        CHECK(validate(ds).empty());
    }
    SECTION("within: below the range needs a rise, above it a fall") {
        auto ds = clean();
        ds.framework.targets[1].kind = target_kind::within;  // rank within [90, 100], baseline 86
        ds.framework.targets[1].value = 90;
        ds.framework.targets[1].upper = 100;
        only(ds, diagnostic_code::target_on_wrong_side_of_baseline, "/framework/targets/1/value");
        ds = clean();
        ds.framework.targets[0].kind = target_kind::within;  // percent within [10, 20], baseline 30.1
        ds.framework.targets[0].value = 10;
        ds.framework.targets[0].upper = 20;
        CHECK(
            contains(only(ds, diagnostic_code::target_on_wrong_side_of_baseline, "/framework/targets/0/upper").message,
                     "within [10, 20]"));
    }
    SECTION("increase of a lower-is-better, decrease of a higher-is-better indicator") {
        auto ds = clean();
        ds.framework.targets[1].kind = target_kind::increase;
        ds.framework.targets[1].value.reset();
        CHECK(contains(only(ds, diagnostic_code::target_on_wrong_side_of_baseline, "/framework/targets/1/kind").message,
                       "to increase"));
        ds = clean();
        ds.framework.targets[0].kind = target_kind::decrease;
        ds.framework.targets[0].value.reset();
        ds.framework.targets[0].baseline.reset();  // decidable without a baseline
        only(ds, diagnostic_code::target_on_wrong_side_of_baseline, "/framework/targets/0/kind");
        ds.framework.targets[0].kind = target_kind::increase;
        CHECK(validate(ds).empty());
    }
    SECTION("without a baseline a numeric target cannot be on the wrong side of it") {
        auto ds = clean();
        ds.framework.targets[1].kind = target_kind::at_least;
        ds.framework.targets[1].value = 90;
        ds.framework.targets[1].baseline.reset();
        CHECK(validate(ds).empty());
    }
}

TEST_CASE("target_met_at_baseline is a warning", "[validate]") {
    auto ds = clean();
    ds.framework.targets[0].value = 30.1;  // at_least 30.1, baseline 30.1: met on day one
    const auto x = only(ds, diagnostic_code::target_met_at_baseline, "/framework/targets/0/value", severity::warning);
    CHECK(x.message == "target 't_online' (at_least 30.1) is already met by its baseline 30.1 (2020-12-31)");
    CHECK_FALSE(has_errors(validate(ds)));

    ds = clean();
    ds.framework.targets[0].value = 25;  // at_least below the baseline of a higher-is-better: met, not wrong
    only(ds, diagnostic_code::target_met_at_baseline, "/framework/targets/0/value", severity::warning);
    CHECK(with_code(validate(ds), diagnostic_code::target_on_wrong_side_of_baseline).empty());

    ds = clean();
    ds.framework.targets[1].value = 90;  // at_most 90 with baseline rank 86
    only(ds, diagnostic_code::target_met_at_baseline, "/framework/targets/1/value", severity::warning);

    ds = clean();
    ds.framework.targets[0].kind = target_kind::exactly;
    ds.framework.targets[0].value = 30.5;  // baseline 30.1 is within 0.5 of it
    ds.framework.targets[0].tolerance = 0.5;
    CHECK(contains(
        only(ds, diagnostic_code::target_met_at_baseline, "/framework/targets/0/value", severity::warning).message,
        "exactly 30.5 +/- 0.5"));
    ds.framework.targets[0].tolerance = 0.05;  // not within 0.05: a rise of 0.4 is asked for
    CHECK(validate(ds).empty());

    ds = clean();  // maintain: being at the level already is the point
    ds.framework.targets[0].kind = target_kind::maintain;
    ds.framework.targets[0].value = 30;
    CHECK(validate(ds).empty());
}

TEST_CASE("invalid_target: kind and values that do not fit", "[validate]") {
    auto t = [](dataset& ds) -> target& { return ds.framework.targets[0]; };
    auto ds = clean();
    t(ds).value.reset();
    CHECK(only(ds, diagnostic_code::invalid_target, "/framework/targets/0/value").message ==
          "target 't_online' of kind at_least has no value");
    ds = clean();
    t(ds).kind = target_kind::within;  // within without upper
    only(ds, diagnostic_code::invalid_target, "/framework/targets/0/upper");
    t(ds).upper = 70;  // lo 80 > hi 70
    CHECK(contains(only(ds, diagnostic_code::invalid_target, "/framework/targets/0/upper").message,
                   "lower bound 80 above its upper bound 70"));
    t(ds).upper = 90;
    CHECK(validate(ds).empty());
    ds = clean();
    t(ds).upper = 90;  // upper on at_least
    CHECK(
        contains(only(ds, diagnostic_code::invalid_target, "/framework/targets/0/upper").message, "only kind within"));
    ds = clean();
    t(ds).kind = target_kind::exactly;
    t(ds).tolerance = -1;
    CHECK(
        contains(only(ds, diagnostic_code::invalid_target, "/framework/targets/0/tolerance").message, "tolerance -1"));
    ds = clean();
    t(ds).tolerance = 1;  // tolerance on at_least
    only(ds, diagnostic_code::invalid_target, "/framework/targets/0/tolerance");
    ds = clean();
    t(ds).kind = target_kind::increase;  // increase takes no value
    CHECK(contains(only(ds, diagnostic_code::invalid_target, "/framework/targets/0/value").message, "takes no value"));
    ds = clean();
    t(ds).kind = target_kind::maintain;  // maintain may leave the value out (then: the baseline)
    t(ds).value.reset();
    CHECK(validate(ds).empty());
}

TEST_CASE("milestone_out_of_order", "[validate]") {
    auto ds = clean();
    auto& ms = ds.framework.targets[0].milestones;
    ms = {{d(2022, 12, 31), 50}, {d(2023, 12, 31), 60}, {d(2024, 12, 31), 70}};
    CHECK(validate(ds).empty());
    ms[2].date = d(2023, 12, 31);  // same date as the one before
    CHECK(only(ds, diagnostic_code::milestone_out_of_order, "/framework/targets/0/milestones/2/date").message ==
          "milestone 2 of target 't_online' is dated 2023-12-31, not after milestone 1 (2023-12-31)");
    ms[2].date = d(2026, 6, 30);  // after the deadline
    CHECK(contains(only(ds, diagnostic_code::milestone_out_of_order, "/framework/targets/0/milestones/2/date").message,
                   "after the deadline 2025-12-31"));
    ms[2].date = d(2024, 12, 31);
    ms[0].date = d(2020, 6, 30);  // before the baseline
    CHECK(contains(only(ds, diagnostic_code::milestone_out_of_order, "/framework/targets/0/milestones/0/date").message,
                   "before the baseline date 2020-12-31"));
}

TEST_CASE("negative_weight and zero_weight_sum", "[validate]") {
    auto ds = clean();
    ds.framework.indicators[3].weight = -0.5;
    CHECK(only(ds, diagnostic_code::negative_weight, "/framework/indicators/3/weight").message ==
          "indicator 'speed' has weight -0.5; weights must be 0 or more");
    ds = clean();
    ds.framework.nodes[2].weight = -1;
    only(ds, diagnostic_code::negative_weight, "/framework/nodes/2/weight");

    ds = clean();
    ds.framework.indicators[2].weight = 0;  // soc's children: plan_share 0, speed 1
    CHECK(validate(ds).empty());
    ds.framework.indicators[3].weight = 0;  // now both 0
    CHECK(only(ds, diagnostic_code::zero_weight_sum, "/framework/nodes/2").message ==
          "node 'soc' has 2 children, none with a positive weight (sum 0), so its value cannot be aggregated");
    ds = clean();
    ds.framework.nodes[1].weight = 0;  // dti's children are nodes: gov 0, soc 1
    CHECK(validate(ds).empty());
    ds.framework.nodes[2].weight = 0;
    only(ds, diagnostic_code::zero_weight_sum, "/framework/nodes/0");
    ds = clean();
    ds.framework.nodes.push_back(make_node("empty", "dti"));  // a node without children is not a zero sum
    CHECK(with_code(validate(ds), diagnostic_code::zero_weight_sum).empty());
}

TEST_CASE("hierarchy_cycle: node chains, indicators as parents, entity chains", "[validate]") {
    SECTION("a two-node cycle is reported once, at its first member") {
        auto ds = clean();
        ds.framework.nodes[0].parent = "soc";  // dti -> soc -> dti; gov hangs off the cycle
        const auto x = only(ds, diagnostic_code::hierarchy_cycle, "/framework/nodes/0/parent");
        CHECK(x.message == "node 'dti' is its own ancestor: 'dti' -> 'soc' -> 'dti'");
    }
    SECTION("a three-node cycle") {
        auto ds = clean();
        ds.framework.nodes.push_back(make_node("a", "c"));
        ds.framework.nodes.push_back(make_node("b", "a"));
        ds.framework.nodes.push_back(make_node("c", "b"));
        CHECK(only(ds, diagnostic_code::hierarchy_cycle, "/framework/nodes/3/parent").message ==
              "node 'a' is its own ancestor: 'a' -> 'c' -> 'b' -> 'a'");
    }
    SECTION("a node that is its own parent") {
        auto ds = clean();
        ds.framework.nodes[1].parent = "gov";
        CHECK(only(ds, diagnostic_code::hierarchy_cycle, "/framework/nodes/1/parent").message ==
              "node 'gov' is its own parent");
    }
    SECTION("indicators cannot be parents") {
        auto ds = clean();
        ds.framework.indicators[3].parent = "plan_share";
        CHECK(contains(only(ds, diagnostic_code::hierarchy_cycle, "/framework/indicators/3/parent").message,
                       "which is an indicator (/framework/indicators/2)"));
        ds = clean();
        ds.framework.indicators[3].parent = "speed";
        CHECK(only(ds, diagnostic_code::hierarchy_cycle, "/framework/indicators/3/parent").message ==
              "indicator 'speed' is its own parent");
        ds = clean();
        ds.framework.nodes[2].parent = "online";
        only(ds, diagnostic_code::hierarchy_cycle, "/framework/nodes/2/parent");
    }
    SECTION("entity parent chains") {
        auto ds = clean();
        ds.entities[0].parent = "HN";  // VN -> HN -> VN
        CHECK(only(ds, diagnostic_code::hierarchy_cycle, "/entities/0/parent").message ==
              "entity 'VN' is its own ancestor: 'VN' -> 'HN' -> 'VN'");
    }
}

TEST_CASE("conflicting_observations and duplicate_observation", "[validate]") {
    auto ds = clean();
    auto o = ds.observations[0];
    o.value = 85.5;
    ds.observations.push_back(o);  // index 5: same entity, indicator and date, other value
    CHECK(only(ds, diagnostic_code::conflicting_observations, "/observations/5/value").message ==
          "observation of 'online' for 'VN' at 2023-12-31 has value 85.5, but /observations/0 reports 84 for the same "
          "entity, indicator and date");
    ds.observations.edit(5)->value = 84;
    const auto x = only(ds, diagnostic_code::duplicate_observation, "/observations/5", severity::warning);
    CHECK(contains(x.message, "repeats /observations/0"));
    CHECK_FALSE(has_errors(validate(ds)));

    // A ratio and a value for the same thing are compared on the effective value.
    ds = clean();
    auto r = ds.observations[2];
    r.numerator = 61;
    ds.observations.push_back(r);
    CHECK(contains(only(ds, diagnostic_code::conflicting_observations, "/observations/5/numerator").message,
                   "/observations/2 reports 95.23809523809523"));

    // Different date, entity or indicator: no clash.
    ds = clean();
    o = ds.observations[0];
    o.date = d(2024, 12, 31);
    ds.observations.push_back(o);
    o.entity = "HN";
    ds.observations.push_back(o);
    CHECK(validate(ds).empty());
}

TEST_CASE("successor_cycle and invalid_succession", "[validate]") {
    SECTION("two provinces formed from each other") {
        auto ds = clean();
        ds.entities[3].successor_of = {"BN"};  // BN-old succeeds BN, BN succeeds BN-old
        ds.entities[3].effective = d(2020, 1, 1);
        const auto x = only(ds, diagnostic_code::successor_cycle, "/entities/3/successor_of/0");
        CHECK(x.message == "entity 'BN-old' succeeds itself through mergers: 'BN-old' succeeds 'BN' succeeds 'BN-old'");
        CHECK(with_code(validate(ds), diagnostic_code::invalid_succession).empty());
    }
    SECTION("a three-step cycle") {
        auto ds = clean();
        ds.entities.push_back(make_entity("A", entity_level::province));
        ds.entities.push_back(make_entity("B", entity_level::province));
        ds.entities.push_back(make_entity("C", entity_level::province));
        ds.entities[6].successor_of = {"HN", "C"};
        ds.entities[7].successor_of = {"A"};
        ds.entities[8].successor_of = {"B"};
        for (std::size_t i = 6; i < 9; ++i)
            ds.entities[i].effective = d(2025, 7, 1);
        CHECK(only(ds, diagnostic_code::successor_cycle, "/entities/6/successor_of/1").message ==
              "entity 'A' succeeds itself through mergers: 'A' succeeds 'C' succeeds 'B' succeeds 'A'");
    }
    SECTION("no effective date, self, repeated, and predecessor newer than successor") {
        auto ds = clean();
        ds.entities[5].effective.reset();
        CHECK(only(ds, diagnostic_code::invalid_succession, "/entities/5/effective").message ==
              "entity 'BN' is successor of 'BN-old', 'BG-old' but has no effective date");
        ds = clean();
        ds.entities[5].successor_of.push_back("BN");
        CHECK(contains(only(ds, diagnostic_code::invalid_succession, "/entities/5/successor_of/2").message,
                       "its own predecessor"));
        ds = clean();
        ds.entities[5].successor_of.push_back("BN-old");
        CHECK(contains(only(ds, diagnostic_code::invalid_succession, "/entities/5/successor_of/2").message,
                       "more than once"));
        ds = clean();
        ds.entities[4].effective = d(2026, 1, 1);
        CHECK(contains(only(ds, diagnostic_code::invalid_succession, "/entities/5/successor_of/1").message,
                       "only came into being on 2026-01-01"));
    }
    SECTION("an effective date without successor_of is fine") {
        auto ds = clean();
        ds.entities[2].effective = d(2008, 8, 1);  // Hà Nội's 2008 expansion date, no predecessors listed
        CHECK(validate(ds).empty());
    }
}

TEST_CASE("invalid_task: status and completed date disagree", "[validate]") {
    auto ds = clean();
    ds.framework.tasks[0].completed.reset();
    CHECK(only(ds, diagnostic_code::invalid_task, "/framework/tasks/0/completed").message ==
          "task 'task1' has status done but no completed date");
    ds = clean();
    ds.framework.tasks[0].status = task_status::in_progress;
    CHECK(contains(only(ds, diagnostic_code::invalid_task, "/framework/tasks/0/status").message,
                   "status in_progress but a completed date (2024-12-20)"));
    ds.framework.tasks[0].completed.reset();
    CHECK(validate(ds).empty());
}

TEST_CASE("invalid_bounds: explicit and implied by the unit", "[validate]") {
    auto ds = clean();
    ds.framework.indicators[3].minimum = 10;
    ds.framework.indicators[3].maximum = 1;
    ds.observations.edit(3)->value = 5;
    CHECK(only(ds, diagnostic_code::invalid_bounds, "/framework/indicators/3/minimum").message ==
          "indicator 'speed' has minimum 10 above its maximum 1");
    ds = clean();
    ds.framework.indicators[0].maximum = -5;  // percent: minimum 0 implied
    CHECK(only(ds, diagnostic_code::invalid_bounds, "/framework/indicators/0/maximum").message ==
          "indicator 'online' has maximum -5 below the minimum 0 implied by unit percent");
    ds = clean();
    ds.framework.indicators[0].minimum = 50;
    ds.framework.indicators[0].maximum = 50;  // a single admissible value is still consistent
    ds.observations.edit(0)->value = 50;
    ds.observations.edit(4)->value = 50;
    ds.framework.targets[0].value = 50;
    ds.framework.targets[0].baseline->value = 50;
    CHECK(with_code(validate(ds), diagnostic_code::invalid_bounds).empty());
}

TEST_CASE("empty_framework", "[validate]") {
    auto ds = clean();
    ds.framework.indicators.clear();
    ds.framework.targets.clear();
    ds.framework.tasks[0].indicators.clear();
    ds.framework.tasks[0].targets.clear();
    ds.observations.clear();
    CHECK(only(ds, diagnostic_code::empty_framework, "/framework/indicators").message ==
          "framework 'vn' has no indicators, so nothing can be measured or assessed");
}

TEST_CASE("missing_source is info, and can be turned off", "[validate]") {
    auto ds = clean();
    ds.framework.targets[1].source.reset();
    ds.observations.edit(3)->source.reset();
    ds.observations.edit(4)->source->reference = "  ";
    const auto all = validate(ds);
    REQUIRE(all.size() == 3);
    CHECK(all[0].path == "/framework/targets/1/source");
    CHECK(all[0].message == "target 't_rank' cites no source");
    CHECK(all[1].path == "/observations/3/source");
    CHECK(all[2].path == "/observations/4/source/reference");
    for (const auto& x : all) {
        CHECK(x.code == diagnostic_code::missing_source);
        CHECK(x.severity == severity::info);
    }
    CHECK_FALSE(has_errors(all));
    validate_options quiet;
    quiet.report_missing_sources = false;
    CHECK(validate(ds, quiet).empty());
}

TEST_CASE("non_finite_value: NaN and infinity built in code", "[validate]") {
    auto ds = clean();
    ds.observations.edit(0)->value = not_a_number;
    CHECK(only(ds, diagnostic_code::non_finite_value, "/observations/0/value").message ==
          "value of observation of 'online' for 'VN' at 2023-12-31 is NaN, not a finite number");
    ds = clean();
    ds.observations.edit(2)->denominator = infinity;
    only(ds, diagnostic_code::non_finite_value, "/observations/2/denominator");
    ds = clean();
    ds.framework.indicators[1].weight = infinity;
    only(ds, diagnostic_code::non_finite_value, "/framework/indicators/1/weight");
    ds = clean();
    ds.framework.nodes[1].weight = -infinity;
    CHECK(contains(only(ds, diagnostic_code::non_finite_value, "/framework/nodes/1/weight").message, "is -inf, not"));
    ds = clean();
    ds.framework.targets[0].value = not_a_number;
    only(ds, diagnostic_code::non_finite_value, "/framework/targets/0/value");
    ds = clean();
    ds.framework.targets[0].baseline->value = infinity;
    only(ds, diagnostic_code::non_finite_value, "/framework/targets/0/baseline/value");
    ds = clean();
    ds.framework.indicators[0].maximum = not_a_number;
    only(ds, diagnostic_code::non_finite_value, "/framework/indicators/0/maximum");
}

TEST_CASE("diagnostics come in document order", "[validate]") {
    auto ds = clean();
    ds.observations.edit(4)->value = 130;              // /observations/4/value
    ds.entities[5].effective.reset();                  // /entities/5/effective
    ds.framework.tasks[0].owner = "MIC";               // /framework/tasks/0/owner
    ds.framework.targets[0].upper = 90;                // /framework/targets/0/upper
    ds.framework.targets[0].deadline = d(2020, 1, 1);  // /framework/targets/0/deadline
    ds.framework.targets[0].indicator = "onlin";       // /framework/targets/0/indicator
    ds.framework.indicators[1].weight = -1;            // /framework/indicators/1/weight
    ds.framework.nodes[2].parent = "nowhere";          // /framework/nodes/2/parent
    ds.framework.nation = "VNM";                       // /framework/nation
    const auto all = validate(ds);
    std::vector<std::string> paths;
    for (const auto& x : all)
        paths.push_back(x.path);
    const std::vector<std::string> expected = {"/framework/nation",
                                               "/framework/nodes/2/parent",
                                               "/framework/indicators/1/weight",
                                               "/framework/targets/0/indicator",
                                               "/framework/targets/0/upper",
                                               "/framework/targets/0/deadline",
                                               "/framework/tasks/0/owner",
                                               "/entities/5/effective",
                                               "/observations/4/value"};
    CHECK(paths == expected);
    CHECK(validate(ds).size() == all.size());  // and the same every time
}

TEST_CASE("validate never throws, whatever the data", "[validate]") {
    // A deterministic stream of mutations drawn from a fixed LCG: ids swapped for other ids or
    // nonsense, numbers set to extremes and non-finite values, links pointed back on themselves.
    std::uint64_t state = 0x2545F4914F6CDD1DULL;
    auto next = [&state](std::uint64_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state >> 33) % n);
    };
    const std::vector<std::string> ids = {"dti", "gov", "soc",    "online", "speed", "VN",
                                          "HN",  "BN",  "BN-old", "",       "x/y~z"};
    const std::vector<double> numbers = {0, -1, 1e308, -1e308, not_a_number, infinity, -infinity, 63, 64, 100.5, 0.5};
    for (int round = 0; round < 300; ++round) {
        auto ds = clean();
        for (int m = 0; m < 6; ++m) {
            const std::string& id = ids[next(ids.size())];
            const double v = numbers[next(numbers.size())];
            switch (next(12)) {
                case 0: ds.framework.nodes[next(3)].parent = id; break;
                case 1: ds.framework.indicators[next(4)].parent = id; break;
                case 2: ds.framework.indicators[next(4)].minimum = v; break;
                case 3: ds.framework.targets[next(2)].value = v; break;
                case 4: ds.framework.targets[next(2)].kind = static_cast<target_kind>(next(7)); break;
                case 5: ds.entities[next(6)].successor_of.push_back(id); break;
                case 6: ds.entities[next(6)].parent = id; break;
                case 7: ds.observations.edit(next(5))->denominator = v; break;
                case 8: ds.observations.push_back(ds.observations[next(ds.observations.size())]); break;
                case 9: ds.framework.nodes[next(3)].weight = v; break;
                case 10: ds.framework.targets[next(2)].upper = v; break;
                default: ds.observations.edit(next(5))->value.reset(); break;
            }
        }
        std::vector<diagnostic> all;
        CHECK_NOTHROW(all = validate(ds));
        for (const auto& x : all) {
            CHECK(x.path.size() > 1);
            CHECK(x.path[0] == '/');
            CHECK_FALSE(x.message.empty());
            CHECK_FALSE(x.line.has_value());
        }
    }
}

TEST_CASE("many observations: duplicates found by hashing, not by pairs", "[validate]") {
    // 20,000 observations over 100 provinces x 200 dates, then two planted clashes.
    auto ds = clean();
    ds.observations.clear();
    for (int p = 0; p < 100; ++p)
        ds.entities.push_back(make_entity("P" + std::to_string(p), entity_level::province, "VN"));
    for (int p = 0; p < 100; ++p) {
        for (int k = 0; k < 200; ++k) {
            ds.observations.push_back(make_obs("P" + std::to_string(p), "online", d(2000, 1, 1).add_days(k),
                                               static_cast<double>((p + k) % 100)));
        }
    }
    auto a = ds.observations[12345];
    a.value = *a.value + 0.5;
    ds.observations.push_back(a);
    ds.observations.push_back(ds.observations[777]);
    const auto all = validate(ds);
    REQUIRE(all.size() == 2);
    CHECK(all[0].code == diagnostic_code::conflicting_observations);
    CHECK(all[0].path == "/observations/20000/value");
    CHECK(contains(all[0].message, "/observations/12345"));
    CHECK(all[1].code == diagnostic_code::duplicate_observation);
    CHECK(all[1].path == "/observations/20001");
}

TEST_CASE("the data files: clean ones give nothing, the planted one its ten defects", "[validate][data]") {
    const std::string dir = DXFRAME_TEST_DATA_DIR;
    std::vector<std::string> clean_files = {dir + "/../../examples/data/vietnam-sample.json"};
    for (const auto& e : std::filesystem::directory_iterator(dir + "/valid")) {
        if (e.path().extension() == ".json") clean_files.push_back(e.path().string());
    }
    REQUIRE(clean_files.size() >= 3);
    for (const auto& f : clean_files) {
        INFO(f);
        const auto loaded = load_dataset_file(f);
        for (const auto& x : loaded.diagnostics)
            INFO(x.path << ": " << x.message);
        REQUIRE(loaded.ok());
        const auto all = validate(*loaded.data);
        for (const auto& x : all)
            INFO(x.path << ": " << x.message);
        CHECK(all.empty());
    }

    const auto loaded = load_dataset_file(dir + "/planted/ten_defects.json");
    REQUIRE(loaded.ok());
    const auto all = validate(*loaded.data);
    std::vector<std::pair<diagnostic_code, std::string>> got;
    for (const auto& x : all)
        got.emplace_back(x.code, x.path);
    // In document order.
    const std::vector<std::pair<diagnostic_code, std::string>> expected = {
        {diagnostic_code::hierarchy_cycle, "/framework/nodes/0/parent"},
        {diagnostic_code::deadline_before_baseline, "/framework/targets/3/deadline"},
        {diagnostic_code::milestone_out_of_order, "/framework/targets/4/milestones/0/date"},
        {diagnostic_code::target_on_wrong_side_of_baseline, "/framework/targets/9/kind"},
        {diagnostic_code::duplicate_id, "/framework/tasks/3/id"},
        {diagnostic_code::invalid_succession, "/entities/11/effective"},
        {diagnostic_code::numerator_exceeds_denominator, "/observations/0/numerator"},
        {diagnostic_code::value_out_of_bounds, "/observations/28/value"},
        {diagnostic_code::unknown_reference, "/observations/38/entity"},
        {diagnostic_code::conflicting_observations, "/observations/41/value"},
    };
    CHECK(got == expected);
}

TEST_CASE("docs/diagnostics.md has a section for every diagnostic code, in enum order", "[validate][docs]") {
    std::ifstream in(std::string(DXFRAME_TEST_DATA_DIR) + "/../../docs/diagnostics.md");
    REQUIRE(in);
    std::vector<std::string> sections;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("### ", 0) == 0) sections.push_back(line.substr(4));
    }
    std::vector<std::string> codes;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<diagnostic_code>>(
        [&](auto e) { codes.emplace_back(e.name); });
    CHECK(codes.size() == 49);
    CHECK(sections == codes);
}

TEST_CASE("indicator denominator: another indicator, scale finite and above 0", "[validate]") {
    auto ds = clean();
    ds.framework.indicators[2].denominator = ds.framework.indicators[0].id;
    ds.framework.indicators[2].denominator_scale = 1000.0;
    CHECK(validate(ds).empty());
    ds.framework.indicators[2].denominator = "population";
    CHECK(only(ds, diagnostic_code::unknown_reference, "/framework/indicators/2/denominator").message ==
          "the denominator of indicator 'plan_share' names indicator 'population', which does not exist");
    ds.framework.indicators[2].denominator = "gov";
    CHECK(contains(only(ds, diagnostic_code::unknown_reference, "/framework/indicators/2/denominator").message,
                   "is a node"));
    ds.framework.indicators[2].denominator = "plan_share";
    CHECK(contains(only(ds, diagnostic_code::unknown_reference, "/framework/indicators/2/denominator").message,
                   "names itself"));
    ds = clean();
    ds.framework.indicators[2].denominator = ds.framework.indicators[0].id;
    ds.framework.indicators[2].denominator_scale = 0.0;
    CHECK(only(ds, diagnostic_code::non_positive_denominator, "/framework/indicators/2/denominator_scale").message ==
          "indicator 'plan_share' has denominator_scale 0; it must be greater than 0");
    ds.framework.indicators[2].denominator_scale = -1.0;
    only(ds, diagnostic_code::non_positive_denominator, "/framework/indicators/2/denominator_scale");
    ds.framework.indicators[2].denominator_scale = not_a_number;
    only(ds, diagnostic_code::non_finite_value, "/framework/indicators/2/denominator_scale");
}
