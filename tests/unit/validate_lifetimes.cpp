// SPDX-License-Identifier: MIT
// Entity lifetimes (issue 14, item 5): an entity exists from its effective date until a
// successor takes over; figures, tasks and targets dated outside that span are warned about
// (entity_not_alive), and a figure re-cut for new boundaries can say so (backcast).
#include <string>
#include <vector>

#include <dxframe/io/dataset_json.hpp>
#include <dxframe/model/lifetime.hpp>
#include <dxframe/validate.hpp>

#include "catch_compat.hpp"

using namespace dxframe;

namespace {

date d(const char* iso) {
    return *date::parse(iso);
}

entity province(const std::string& id, std::vector<std::string> from = {}, std::optional<date> effective = {}) {
    entity e;
    e.id = id;
    e.name = {id, id};
    e.level = entity_level::province;
    e.successor_of = std::move(from);
    e.effective = effective;
    return e;
}

// Hà Giang and Tuyên Quang became one Tuyên Quang on 2025-07-01; Hà Nội did not change.
dataset merged() {
    dataset ds;
    ds.framework.id = "f";
    ds.framework.name = {"f", "f"};
    ds.framework.nation = "vn";
    indicator ind;
    ind.id = "dti";
    ind.name = {"DTI", "DTI"};
    ind.unit = unit::index;
    ds.framework.indicators.push_back(ind);
    entity vn;
    vn.id = "vn";
    vn.name = {"Việt Nam", "Viet Nam"};
    vn.level = entity_level::nation;
    ds.entities = {vn, province("hagiang"), province("tuyenquang"), province("hanoi"),
                   province("tuyenquang_2025", {"hagiang", "tuyenquang"}, d("2025-07-01"))};
    return ds;
}

observation obs(const std::string& entity, const char* when) {
    observation o;
    o.entity = entity;
    o.indicator = "dti";
    o.date = d(when);
    o.value = 0.5;
    return o;
}

std::vector<diagnostic> lifetime_warnings(const dataset& ds) {
    validate_options o;
    o.report_missing_sources = false;
    std::vector<diagnostic> out;
    for (const auto& x : validate(ds, o)) {
        if (x.code == diagnostic_code::entity_not_alive) out.push_back(x);
    }
    return out;
}

}  // namespace

TEST_CASE("entity_lifetimes: from the effective date until the earliest successor's") {
    const dataset ds = merged();
    const entity_lifetimes life(ds.entities);
    CHECK(life.alive("hagiang", d("2025-06-30")));
    CHECK_FALSE(life.alive("hagiang", d("2025-07-01")));
    CHECK(life.end("hagiang") == std::optional<date>(d("2025-07-01")));
    CHECK(life.successor("hagiang") == std::optional<std::string>("tuyenquang_2025"));
    CHECK_FALSE(life.alive("tuyenquang_2025", d("2025-06-30")));
    CHECK(life.alive("tuyenquang_2025", d("2025-07-01")));
    CHECK(life.first_day("tuyenquang_2025") == std::optional<date>(d("2025-07-01")));
    CHECK(life.alive("hanoi", d("1990-01-01")));
    CHECK(life.alive("hanoi", d("2099-01-01")));
    CHECK_FALSE(life.end("hanoi"));
    CHECK(life.alive("nobody", d("2025-07-01")));  // unknown ids are checked as references elsewhere
    // Two successors: the earlier ends the predecessor.
    std::vector<entity> twice = ds.entities;
    twice.push_back(province("later", {"hanoi"}, d("2030-01-01")));
    twice.push_back(province("earlier", {"hanoi"}, d("2027-01-01")));
    const entity_lifetimes two(twice);
    CHECK(two.end("hanoi") == std::optional<date>(d("2027-01-01")));
    CHECK(two.successor("hanoi") == std::optional<std::string>("earlier"));
}

TEST_CASE("validation warns about figures dated outside their entity's lifetime, unless backcast") {
    dataset ds = merged();
    ds.observations = {obs("hagiang", "2024-12-31"),          // alive: fine
                       obs("hagiang", "2025-09-30"),          // after the merger
                       obs("tuyenquang_2025", "2024-12-31"),  // before it existed
                       obs("tuyenquang_2025", "2025-12-31"),  // fine
                       obs("hanoi", "2025-12-31")};           // unchanged: fine
    auto w = lifetime_warnings(ds);
    REQUIRE(w.size() == 2);
    CHECK(w[0].severity == severity::warning);
    CHECK(w[0].path == "/observations/1/date");
    CHECK(w[0].message.find("succeeded by 'tuyenquang_2025' on 2025-07-01") != std::string::npos);
    CHECK(w[1].path == "/observations/2/date");
    CHECK(w[1].message.find("came into being on 2025-07-01") != std::string::npos);
    CHECK(w[1].message.find("backcast") != std::string::npos);
    // A re-cut figure says so: no warning. backcast does not excuse a figure after the end.
    ds.observations.edit(2)->backcast = true;
    ds.observations.edit(1)->backcast = true;
    w = lifetime_warnings(ds);
    REQUIRE(w.size() == 1);
    CHECK(w[0].path == "/observations/1/date");
}

TEST_CASE("validation warns about open tasks and targets whose entity is gone at the deadline") {
    dataset ds = merged();
    task tk;
    tk.id = "portal";
    tk.title = {"Cổng", "Portal"};
    tk.owner = "hagiang";
    tk.deadline = d("2025-12-31");
    ds.framework.tasks.push_back(tk);
    tk.id = "early";
    tk.deadline = d("2025-03-31");  // due while the owner existed
    ds.framework.tasks.push_back(tk);
    tk.id = "closed";
    tk.deadline = d("2025-12-31");
    tk.status = task_status::cancelled;
    ds.framework.tasks.push_back(tk);
    target t;
    t.id = "t";
    t.indicator = "dti";
    t.entity = "tuyenquang";
    t.kind = target_kind::at_least;
    t.value = 0.9;
    t.deadline = d("2030-12-31");
    ds.framework.targets.push_back(t);
    const auto w = lifetime_warnings(ds);
    REQUIRE(w.size() == 2);
    CHECK(w[0].path == "/framework/targets/0/entity");
    CHECK(w[0].message.find("'tuyenquang' was succeeded by 'tuyenquang_2025'") != std::string::npos);
    CHECK(w[1].path == "/framework/tasks/0/owner");
    CHECK(w[1].message.find("reassign it") != std::string::npos);
}

TEST_CASE("backcast is read and written by the data format, and left out when absent") {
    dataset ds = merged();
    ds.observations = {obs("tuyenquang_2025", "2024-12-31"), obs("hanoi", "2024-12-31")};
    ds.observations.edit(0)->backcast = true;
    const std::string text = save_dataset(ds);
    CHECK(text.find("\"backcast\": true") != std::string::npos);
    CHECK(text.find("backcast") == text.rfind("backcast"));  // only on the one that is
    const auto back = load_dataset(text);
    REQUIRE(back.ok());
    CHECK(back.data->observations[0].backcast == std::optional<bool>(true));
    CHECK_FALSE(back.data->observations[1].backcast);
    const auto bad = load_dataset(std::string(text).replace(text.find("true"), 4, "\"yes\""));
    CHECK_FALSE(bad.ok());
    REQUIRE_FALSE(bad.diagnostics.empty());
    CHECK(bad.diagnostics[0].path == "/observations/0/backcast");
    CHECK(bad.diagnostics[0].code == diagnostic_code::type_mismatch);
}
