// SPDX-License-Identifier: MIT
// The index tree: any depth, unbalanced, level order, effective weights, every structural error,
// and the tree of a dxframe framework.
#include <dxframe/index.hpp>

#include <optional>
#include <string>
#include <vector>

#include "catch_compat.hpp"

using dxframe::diagnostic_code;
using dxframe::tree_indicator;
using dxframe::tree_node;

namespace {

tree_indicator ind(const std::string& id, std::optional<std::string> parent, double weight = 1.0) {
    tree_indicator t;
    t.id = id;
    t.parent = std::move(parent);
    t.weight = weight;
    t.path = "/i/" + id;
    return t;
}

tree_node nd(const std::string& id, std::optional<std::string> parent, double weight = 1.0) {
    tree_node t;
    t.id = id;
    t.parent = std::move(parent);
    t.weight = weight;
    t.path = "/n/" + id;
    return t;
}

bool has(const std::vector<dxframe::diagnostic>& diags, diagnostic_code code, const std::string& text) {
    for (const auto& d : diags) {
        if (d.code == code && d.message.find(text) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a tree of any depth: unbalanced, nodes in level order, the root last", "[index][tree]") {
    // R ── A ── i1
    //  │   └── B ── i2, i3
    //  └── i4
    auto r = dxframe::build_tree({ind("i1", "A", 1), ind("i2", "B", 1), ind("i3", "B", 3), ind("i4", "R", 2)},
                                 {nd("R", std::nullopt), nd("A", "R", 2), nd("B", "A", 1)});
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const auto& t = *r.tree;
    CHECK(t.indicator_count() == 4);
    REQUIRE(t.node_count() == 3);
    CHECK(t.node(0).id == "B");
    CHECK(t.node(1).id == "A");
    CHECK(t.node(2).id == "R");
    CHECK(t.root() == 2);
    CHECK(t.level(0) == 2);
    CHECK(t.level(1) == 3);
    CHECK(t.level(2) == 4);
    // Children of A in definition order: indicators first (i1), then nodes (B).
    const auto [b, e] = t.children(1);
    REQUIRE(e - b == 2);
    CHECK(t.id(b[0]) == "i1");
    CHECK(t.id(b[1]) == "B");
    CHECK(t.parent(0) == 1);                                                // i1's parent is A (node 1)
    CHECK(t.parent(t.indicator_count() + 2) == dxframe::index_tree::npos);  // the root
    CHECK(*t.find_node("A") == 1);
    CHECK(*t.find_indicator("i3") == 2);
    CHECK_FALSE(t.find_indicator("A"));

    // Effective weights: A and i4 share R as 2 : 2; i1 and B share A as 1 : 1; i2, i3 share B as 1 : 3.
    const auto eff = t.effective_weights();
    CHECK(eff[*t.find("A")] == Catch::Approx(0.5));
    CHECK(eff[*t.find("i4")] == Catch::Approx(0.5));
    CHECK(eff[*t.find("i1")] == Catch::Approx(0.25));
    CHECK(eff[*t.find("B")] == Catch::Approx(0.25));
    CHECK(eff[*t.find("i2")] == Catch::Approx(0.0625));
    CHECK(eff[*t.find("i3")] == Catch::Approx(0.1875));
    CHECK(eff[*t.find("R")] == 1.0);

    // Arithmetic aggregation over the unbalanced tree equals the effective-weight sum of the
    // normalised indicators when nothing is missing.
    dxframe::value_matrix data(2, 4);
    const double v[2][4] = {{10, 20, 30, 40}, {0.5, 0.25, 1, 2}};
    for (std::size_t u = 0; u < 2; ++u) {
        for (std::size_t c = 0; c < 4; ++c)
            data.set(u, c, v[u][c]);
    }
    dxframe::index_spec spec;
    spec.normalise.method = dxframe::normaliser::none;
    const auto res = dxframe::compute_index(t, data, {"a", "b"}, spec);
    for (std::size_t u = 0; u < 2; ++u) {
        double expected = 0;
        for (std::size_t c = 0; c < 4; ++c)
            expected += eff[c] * v[u][c];
        CHECK(*res.index(u) == Catch::Approx(expected));
    }
}

TEST_CASE("a forest gets a root: without permission it is an error", "[index][tree]") {
    auto r = dxframe::build_tree({ind("i1", "A"), ind("i2", "B"), ind("i3", std::nullopt)},
                                 {nd("A", std::nullopt), nd("B", std::nullopt)});
    REQUIRE(r.ok());
    const auto& t = *r.tree;
    CHECK(t.node(t.root()).id == "index");
    CHECK(t.child_count(t.root()) == 3);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == dxframe::severity::info);

    dxframe::tree_options strict;
    strict.add_root_if_needed = false;
    auto s =
        dxframe::build_tree({ind("i1", "A"), ind("i2", "B")}, {nd("A", std::nullopt), nd("B", std::nullopt)}, strict);
    CHECK_FALSE(s.ok());
    CHECK(has(s.diagnostics, diagnostic_code::invalid_metadata, "exactly one root"));

    auto taken =
        dxframe::build_tree({ind("index", "A"), ind("i2", "B")}, {nd("A", std::nullopt), nd("B", std::nullopt)});
    CHECK_FALSE(taken.ok());
    CHECK(has(taken.diagnostics, diagnostic_code::duplicate_id, "the id is taken"));
}

TEST_CASE("structural errors are all reported, with the element's path", "[index][tree]") {
    SECTION("ids") {
        auto r =
            dxframe::build_tree({ind("x", "R"), ind("x", "R"), ind("R", "R"), ind("", "R")}, {nd("R", std::nullopt)});
        CHECK_FALSE(r.ok());
        CHECK(has(r.diagnostics, diagnostic_code::duplicate_id, "duplicate id 'x'"));
        CHECK(has(r.diagnostics, diagnostic_code::duplicate_id, "duplicate id 'R'"));
        CHECK(has(r.diagnostics, diagnostic_code::missing_required_field, "empty id"));
    }
    SECTION("parents") {
        auto r = dxframe::build_tree({ind("a", "nowhere"), ind("b", "a")}, {nd("R", std::nullopt)});
        CHECK_FALSE(r.ok());
        CHECK(has(r.diagnostics, diagnostic_code::unknown_reference, "parent 'nowhere' of 'a' does not exist"));
        CHECK(has(r.diagnostics, diagnostic_code::unknown_reference, "'a' of 'b' is an indicator"));
        CHECK(r.diagnostics[0].path == "/i/a");
    }
    SECTION("cycles") {
        auto r = dxframe::build_tree({ind("a", "N1")}, {nd("N1", "N2"), nd("N2", "N1"), nd("R", std::nullopt)});
        CHECK_FALSE(r.ok());
        CHECK(has(r.diagnostics, diagnostic_code::hierarchy_cycle, "'N1' is its own ancestor"));
        CHECK(has(r.diagnostics, diagnostic_code::hierarchy_cycle, "'N2' is its own ancestor"));
    }
    SECTION("weights") {
        auto r = dxframe::build_tree({ind("a", "R", -1), ind("b", "R", std::numeric_limits<double>::infinity())},
                                     {nd("R", std::nullopt)});
        CHECK_FALSE(r.ok());
        CHECK(has(r.diagnostics, diagnostic_code::negative_weight, "weight of 'a' is negative (-1)"));
        CHECK(has(r.diagnostics, diagnostic_code::non_finite_value, "weight of 'b'"));
        auto z = dxframe::build_tree({ind("a", "S", 0), ind("b", "S", 0), ind("c", "R")},
                                     {nd("S", "R"), nd("R", std::nullopt)});
        CHECK_FALSE(z.ok());
        CHECK(has(z.diagnostics, diagnostic_code::zero_weight_sum, "node 'S'"));
        CHECK(z.diagnostics.back().path == "/n/S");
    }
    SECTION("no indicators") {
        auto r = dxframe::build_tree({}, {nd("R", std::nullopt)});
        CHECK_FALSE(r.ok());
        CHECK(has(r.diagnostics, diagnostic_code::empty_framework, "no indicators"));
    }
    SECTION("a node without indicators below it is left out, with a warning") {
        auto r = dxframe::build_tree({ind("a", "R"), ind("b", "R")},
                                     {nd("R", std::nullopt), nd("empty", "R"), nd("emptier", "empty")});
        REQUIRE(r.ok());
        CHECK(r.tree->node_count() == 1);
        CHECK(has(r.diagnostics, diagnostic_code::empty_framework, "'emptier' has no indicators"));
        CHECK(has(r.diagnostics, diagnostic_code::empty_framework, "'empty' has no indicators"));
        CHECK(r.diagnostics.size() == 2);
    }
}

TEST_CASE("the tree of a framework: nodes, methods, goalposts from bounds, targets that bind the nation",
          "[index][tree]") {
    dxframe::framework fw;
    fw.nation = "vn";
    dxframe::node gov;
    gov.id = "gov";
    gov.name = {"Chính quyền số", "Digital government"};
    gov.aggregation = dxframe::aggregation::generalised_mean;
    gov.aggregation_parameter = 2.0;
    gov.weight = 4;
    dxframe::node eco;
    eco.id = "eco";
    eco.weight = 3;
    fw.nodes = {gov, eco};
    dxframe::indicator online;
    online.id = "online_services";
    online.name = {"Dịch vụ công trực tuyến", "Online services"};
    online.parent = "gov";
    online.unit = dxframe::unit::percent;
    dxframe::indicator days;
    days.id = "processing_days";
    days.parent = "gov";
    days.unit = dxframe::unit::count;
    days.direction = dxframe::direction::lower_is_better;
    days.maximum = 30.0;
    dxframe::indicator share;
    share.id = "de_share";
    share.parent = "eco";
    share.unit = dxframe::unit::percent;
    fw.indicators = {online, days, share};
    auto target = [](const char* indicator, double value, int year, std::optional<std::string> entity) {
        dxframe::target t;
        t.id = std::string(indicator) + std::to_string(year);
        t.indicator = indicator;
        t.value = value;
        t.deadline = dxframe::date::from_ymd(year, 12, 31);
        t.entity = std::move(entity);
        return t;
    };
    fw.targets = {
        target("online_services", 80, 2025, std::nullopt), target("online_services", 100, 2030, std::string("vn")),
        target("online_services", 95, 2035, std::string("hanoi")), target("de_share", 20, 2025, std::nullopt)};

    dxframe::framework_tree_options opt;
    opt.name_language = dxframe::language::vi;
    auto r = dxframe::build_tree(fw, opt);
    REQUIRE(r.ok());
    const auto& t = *r.tree;
    CHECK(t.node(t.root()).id == "index");  // gov and eco are both top-level
    const auto& o = t.indicator(*t.find_indicator("online_services"));
    CHECK(o.name == "Dịch vụ công trực tuyến");
    CHECK(o.path == "/framework/indicators/0");
    CHECK(o.parameters.target == 100.0);        // the nation's target with the latest deadline
    CHECK(o.parameters.goalpost_lower == 0.0);  // percent: 0-100
    CHECK(o.parameters.goalpost_upper == 100.0);
    const auto& d = t.indicator(*t.find_indicator("processing_days"));
    CHECK(d.direction == dxframe::direction::lower_is_better);
    CHECK(d.parameters.goalpost_lower == 0.0);   // count: from 0
    CHECK(d.parameters.goalpost_upper == 30.0);  // explicit maximum
    CHECK_FALSE(d.parameters.target);
    const auto& g = t.node(*t.find_node("gov"));
    REQUIRE(g.method);
    CHECK(g.method->method == dxframe::aggregation::generalised_mean);
    CHECK(g.method->p == 2.0);
    CHECK(g.path == "/framework/nodes/0");
    CHECK(t.effective_weights()[*t.find("gov")] == Catch::Approx(4.0 / 7));

    // The node's own method is used unless the spec overrides it for that node.
    const auto plan = dxframe::make_plan(t, dxframe::index_spec{});
    CHECK(plan.aggregators[*t.find_node("gov")].method == dxframe::aggregation::generalised_mean);
    CHECK(plan.aggregators[*t.find_node("eco")].method == dxframe::aggregation::arithmetic);
    dxframe::index_spec spec;
    spec.node_aggregate["gov"] = dxframe::aggregation_method{dxframe::aggregation::median, 1};
    spec.indicator_normalise["de_share"].method = dxframe::normaliser::goalposts;
    const auto plan2 = dxframe::make_plan(t, spec);
    CHECK(plan2.aggregators[*t.find_node("gov")].method == dxframe::aggregation::median);
    CHECK(plan2.normalisers[*t.find_indicator("de_share")].method == dxframe::normaliser::goalposts);
    CHECK(plan2.normalisers[*t.find_indicator("online_services")].method == dxframe::normaliser::minmax);
    spec.indicator_normalise["nope"] = {};
    CHECK_THROWS_AS(dxframe::make_plan(t, spec), dxframe::error);
}
