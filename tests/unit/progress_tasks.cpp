// SPDX-License-Identifier: MIT
// Tasks against due dates: overdue, done late, due soon, days late.
#include <dxframe/progress/tasks.hpp>

#include "catch_compat.hpp"
#include "progress_support.hpp"

using namespace dxframe;
using progress_test::d;

namespace {

task make_task(const std::string& id, const std::string& owner, const char* deadline, task_status st,
               const char* completed = nullptr) {
    task t;
    t.id = id;
    t.title = {"Nhiệm vụ " + id, "Task " + id};
    t.owner = owner;
    t.deadline = d(deadline);
    t.status = st;
    if (completed) t.completed = d(completed);
    return t;
}

}  // namespace

TEST_CASE("each task state with its days", "[progress][tasks]") {
    const date as_of = d("2025-07-10");
    SECTION("overdue: past due, not done") {
        const auto a = assess_task(make_task("a", "mic", "2025-06-30", task_status::in_progress), as_of);
        CHECK(a.state == task_state::overdue);
        CHECK(a.days_late == 10);
        CHECK_FALSE(a.days_until_due);
    }
    SECTION("done late and done on time") {
        auto a = assess_task(make_task("b", "mic", "2025-06-30", task_status::done, "2025-07-05"), as_of);
        CHECK(a.state == task_state::done_late);
        CHECK(a.days_late == 5);
        a = assess_task(make_task("c", "mic", "2025-06-30", task_status::done, "2025-06-30"), as_of);
        CHECK(a.state == task_state::done_on_time);  // on the due date is in time
        CHECK_FALSE(a.days_late);
    }
    SECTION("due soon and pending") {
        auto a = assess_task(make_task("d", "hn", "2025-08-01", task_status::not_started), as_of);
        CHECK(a.state == task_state::due_soon);
        CHECK(a.days_until_due == 22);
        a = assess_task(make_task("e", "hn", "2025-07-10", task_status::not_started), as_of);
        CHECK(a.state == task_state::due_soon);  // due today
        CHECK(a.days_until_due == 0);
        a = assess_task(make_task("f", "hn", "2025-12-31", task_status::in_progress), as_of);
        CHECK(a.state == task_state::pending);
        CHECK(a.days_until_due == 174);
        a = assess_task(make_task("g", "hn", "2025-08-09", task_status::not_started), as_of);
        CHECK(a.state == task_state::due_soon);  // 30 days: still in the default window
        a = assess_task(make_task("g", "hn", "2025-08-10", task_status::not_started), as_of);
        CHECK(a.state == task_state::pending);  // 31 days
        a = assess_task(make_task("g", "hn", "2025-08-10", task_status::not_started), as_of, task_options{31});
        CHECK(a.state == task_state::due_soon);
    }
    SECTION("cancelled is never late; done without a date is just done") {
        auto a = assess_task(make_task("h", "hn", "2025-01-01", task_status::cancelled), as_of);
        CHECK(a.state == task_state::cancelled);
        CHECK_FALSE(a.days_late);
        a = assess_task(make_task("i", "hn", "2025-01-01", task_status::done), as_of);
        CHECK(a.state == task_state::done);
    }
    SECTION("completed after the as-of date: still open on that date") {
        const auto a = assess_task(make_task("j", "hn", "2025-07-01", task_status::done, "2025-08-01"), as_of);
        CHECK(a.state == task_state::overdue);
        CHECK(a.days_late == 9);
        const auto later =
            assess_task(make_task("j", "hn", "2025-07-01", task_status::done, "2025-08-01"), d("2025-09-01"));
        CHECK(later.state == task_state::done_late);
        CHECK(later.days_late == 31);
    }
    SECTION("a negative window is misuse") {
        CHECK_THROWS_AS(assess_task(make_task("k", "hn", "2025-07-01", task_status::done), as_of, task_options{-1}),
                        dxframe::error);
    }
}

TEST_CASE("task report: totals, per owner, filters", "[progress][tasks]") {
    framework fw;
    fw.tasks = {make_task("a", "mic", "2025-06-30", task_status::in_progress),
                make_task("b", "mic", "2025-06-30", task_status::done, "2025-07-05"),
                make_task("c", "hn", "2025-06-30", task_status::done, "2025-06-01"),
                make_task("d", "hn", "2025-08-01", task_status::not_started),
                make_task("e", "hn", "2025-05-01", task_status::not_started),
                make_task("f", "dn", "2026-01-01", task_status::cancelled)};
    const auto r = assess_tasks(fw, d("2025-07-10"), task_options{15});
    CHECK(r.counts.total == 6);
    CHECK(r.counts.overdue == 2);
    CHECK(r.counts.done_late == 1);
    CHECK(r.counts.done_on_time == 1);
    CHECK(r.counts.due_soon == 0);  // 22 days is outside a 15-day window
    CHECK(r.counts.pending == 1);
    CHECK(r.counts.cancelled == 1);
    CHECK(r.due_soon_days == 15);
    REQUIRE(r.owners.size() == 3);
    CHECK(r.owners[0].owner == "dn");
    CHECK(r.owners[1].owner == "hn");
    CHECK(r.owners[1].counts.overdue == 1);
    CHECK(r.owners[2].owner == "mic");
    CHECK(r.owners[2].counts.done_late == 1);
    const auto overdue = tasks_in_state(r, task_state::overdue);
    REQUIRE(overdue.size() == 2);
    CHECK(overdue[0].task == "a");
    CHECK(overdue[1].task == "e");
    CHECK(overdue[1].days_late == 70);  // 2025-05-01 → 2025-07-10
}
