// SPDX-License-Identifier: MIT
// make_dataset_input(): a dxframe/1 dataset to an index's input, with the latest-value rule
// progress uses (one function: series_index::latest(), latest_on_or_before()).
#include <dxframe/index.hpp>
#include <dxframe/model.hpp>
#include <dxframe/progress.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "catch_compat.hpp"

namespace {

dxframe::date d(const char* iso) {
    return *dxframe::date::parse(iso);
}

dxframe::observation ob(const std::string& entity, const std::string& indicator, const char* when, double value,
                        bool provisional = false, std::optional<double> out_of = std::nullopt) {
    dxframe::observation o;
    o.entity = entity;
    o.indicator = indicator;
    o.date = d(when);
    o.value = value;
    o.out_of = out_of;
    o.status = provisional ? dxframe::observation_status::provisional : dxframe::observation_status::final;
    return o;
}

// Two indicators "a" (other) and "r" (a rank) under node "idx"; entities "p1", "p2", "p3"; a
// target on "a" for p1 so that progress can be asked about the same series.
dxframe::dataset make() {
    dxframe::dataset ds;
    ds.framework.id = "f";
    ds.framework.name = {"Khung", "Framework"};
    dxframe::node root;
    root.id = "idx";
    root.name = {"Chỉ số", "Index"};
    ds.framework.nodes.push_back(root);
    dxframe::indicator a;
    a.id = "a";
    a.name = {"A", "A"};
    a.parent = "idx";
    dxframe::indicator r = a;
    r.id = "r";
    r.name = {"R", "R"};
    r.unit = dxframe::unit::rank;
    r.direction = dxframe::direction::lower_is_better;
    ds.framework.indicators = {a, r};
    dxframe::target t;
    t.id = "t";
    t.indicator = "a";
    t.entity = "p1";
    t.kind = dxframe::target_kind::at_least;
    t.value = 100;
    t.deadline = d("2030-12-31");
    ds.framework.targets.push_back(t);
    for (const char* id : {"p1", "p2", "p3"}) {
        dxframe::entity e;
        e.id = id;
        e.name = {std::string("Tỉnh ") + id, std::string("Province ") + id};
        e.level = dxframe::entity_level::province;
        ds.entities.push_back(e);
    }
    return ds;
}

std::size_t col(const dxframe::dataset_input& in, const std::string& id) {
    return *in.tree->find_indicator(id);
}

std::optional<double> cell(const dxframe::dataset_input& in, const std::string& unit, const std::string& ind) {
    for (std::size_t k = 0; k < in.units.size(); ++k) {
        if (in.units[k] == unit) return in.values.get(k, col(in, ind));
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("dataset input: a final figure beats a provisional one of the same date, in the index and in progress") {
    dxframe::dataset ds = make();
    // The final figure comes first in the document, the provisional one after it.
    ds.observations = {ob("p1", "a", "2024-12-31", 40), ob("p1", "a", "2024-12-31", 55, true),
                       ob("p1", "a", "2023-12-31", 10)};
    const auto in = dxframe::make_dataset_input(ds);
    REQUIRE(in.ok());
    CHECK(cell(in, "p1", "a") == std::optional<double>(40.0));
    const dxframe::series_index series(ds);
    const auto latest = series.latest("p1", "a", d("2025-06-30"));
    REQUIRE(latest);
    CHECK(latest->value == 40.0);
    const auto a = dxframe::assess(ds, ds.framework.targets[0], d("2025-06-30"));
    REQUIRE(a.latest);
    CHECK(a.latest->value == 40.0);
}

TEST_CASE("dataset input: a provisional figure first in the document, its final figure after it") {
    dxframe::dataset ds = make();
    ds.observations = {ob("p1", "a", "2024-12-31", 55, true), ob("p1", "a", "2024-12-31", 40)};
    CHECK(cell(dxframe::make_dataset_input(ds), "p1", "a") == std::optional<double>(40.0));
    CHECK(dxframe::assess(ds, ds.framework.targets[0], d("2025-06-30")).latest->value == 40.0);
}

TEST_CASE("dataset input: among equals the later in the document wins") {
    dxframe::dataset ds = make();
    ds.observations = {ob("p1", "a", "2024-12-31", 40), ob("p1", "a", "2024-12-31", 45),
                       ob("p2", "a", "2024-12-31", 7, true), ob("p2", "a", "2024-12-31", 8, true)};
    const auto in = dxframe::make_dataset_input(ds);
    REQUIRE(in.ok());
    CHECK(cell(in, "p1", "a") == std::optional<double>(45.0));
    CHECK(cell(in, "p2", "a") == std::optional<double>(8.0));
    CHECK(dxframe::assess(ds, ds.framework.targets[0], d("2025-01-01")).latest->value == 45.0);
}

TEST_CASE("dataset input: observations after the as-of date are ignored: --year keeps one year") {
    dxframe::dataset ds = make();
    ds.observations = {ob("p1", "a", "2022-12-31", 1), ob("p1", "a", "2023-12-31", 2), ob("p1", "a", "2024-12-31", 3),
                       ob("p2", "a", "2024-06-30", 9)};
    dxframe::dataset_input_options o;
    o.as_of = d("2024-01-01");
    auto in = dxframe::make_dataset_input(ds, o);
    REQUIRE(in.ok());
    CHECK(in.units == std::vector<std::string>{"p1"});
    CHECK(cell(in, "p1", "a") == std::optional<double>(2.0));

    o = {};
    o.year = 2022;
    in = dxframe::make_dataset_input(ds, o);
    REQUIRE(in.ok());
    CHECK(in.units == std::vector<std::string>{"p1"});
    CHECK(cell(in, "p1", "a") == std::optional<double>(1.0));

    o.as_of = d("2020-01-01");
    o.year.reset();
    in = dxframe::make_dataset_input(ds, o);
    CHECK_FALSE(in.ok());
    REQUIRE_FALSE(in.diagnostics.empty());
    CHECK(in.diagnostics.back().code == dxframe::diagnostic_code::insufficient_data);
    CHECK(in.diagnostics.back().path == "/observations");
}

TEST_CASE("dataset input: missing values stay missing, never NaN: entities without any are left out") {
    dxframe::dataset ds = make();
    dxframe::observation empty = ob("p2", "r", "2024-12-31", 0);
    empty.value.reset();  // neither a value nor a ratio: not usable
    ds.observations = {ob("p1", "a", "2024-12-31", 5), ob("p2", "a", "2024-12-31", std::nan("")), empty,
                       ob("p3", "r", "2024-12-31", 3)};
    const auto in = dxframe::make_dataset_input(ds);
    REQUIRE(in.ok());
    CHECK(in.units == std::vector<std::string>{"p1", "p3"});
    CHECK(in.names == std::vector<std::string>{"Province p1", "Province p3"});
    CHECK_FALSE(cell(in, "p1", "r").has_value());
    CHECK_FALSE(cell(in, "p3", "a").has_value());
    CHECK(cell(in, "p3", "r") == std::optional<double>(3.0));
}

TEST_CASE("dataset input: unknown ids give diagnostics with paths") {
    dxframe::dataset ds = make();
    ds.observations = {ob("p1", "a", "2024-12-31", 5), ob("nowhere", "a", "2024-12-31", 6),
                       ob("p1", "nothing", "2024-12-31", 7)};
    auto in = dxframe::make_dataset_input(ds);
    REQUIRE(in.ok());
    CHECK(in.units == std::vector<std::string>{"p1"});
    REQUIRE(in.diagnostics.size() == 2);
    CHECK(in.diagnostics[0].code == dxframe::diagnostic_code::unknown_reference);
    CHECK(in.diagnostics[0].path == "/observations/1/entity");
    CHECK(in.diagnostics[1].path == "/observations/2/indicator");

    dxframe::dataset_input_options o;
    o.root = "no_such_node";
    in = dxframe::make_dataset_input(ds, o);
    CHECK_FALSE(in.ok());
    CHECK_FALSE(in.tree.has_value());
    CHECK(dxframe::has_errors(in.diagnostics));
}

TEST_CASE("dataset input: two rankings at one date are not mixed: the larger wins, as in progress") {
    dxframe::dataset ds = make();
    // DTI 2024: the 63-province ranking and its re-cut for 34 provinces, both dated 2024; the
    // 34 comes later in the document.
    ds.observations = {ob("p1", "r", "2023-12-31", 9, false, 63.0), ob("p1", "r", "2024-12-31", 4, false, 63.0),
                       ob("p1", "r", "2024-12-31", 1, false, 34.0)};
    const auto in = dxframe::make_dataset_input(ds);
    REQUIRE(in.ok());
    CHECK(cell(in, "p1", "r") == std::optional<double>(4.0));
    const dxframe::series_index series(ds);
    const auto& chosen = series.get("p1", "r", d("2025-01-01"));
    REQUIRE(chosen.out_of);
    CHECK(*chosen.out_of == 63.0);
    CHECK(series.latest("p1", "r", d("2025-01-01"))->value == 4.0);
    CHECK(series.latest("p1", "r", d("2024-01-01"))->value == 9.0);
    CHECK_FALSE(series.latest("p1", "r", d("2020-01-01")).has_value());
}

TEST_CASE("latest_on_or_before: the last point by the date, or the last point") {
    const std::vector<dxframe::dated_value> s{{d("2020-12-31"), 1}, {d("2021-12-31"), 2}};
    CHECK(dxframe::latest_on_or_before(s, std::nullopt)->value == 2.0);
    CHECK(dxframe::latest_on_or_before(s, d("2021-12-30"))->value == 1.0);
    CHECK(dxframe::latest_on_or_before(s, d("2021-12-31"))->value == 2.0);
    CHECK_FALSE(dxframe::latest_on_or_before(s, d("2020-01-01")).has_value());
    CHECK_FALSE(dxframe::latest_on_or_before({}, std::nullopt).has_value());
}
