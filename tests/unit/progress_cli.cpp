// SPDX-License-Identifier: MIT
// `dxframe progress`: runs the built tool (DXFRAME_CLI_PATH, defined when the CLI is built) on
// tests/data/progress/one_per_status.json, whose nine targets produce one status each as of
// 2025-06-30, and checks the documented output and exit codes.
#include "catch_compat.hpp"

#ifdef DXFRAME_CLI_PATH

#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include <dxframe/model/date.hpp>

namespace {

struct run_result {
    int code = -1;
    std::string out;
};

// Runs the tool with `args` (already shell-quoted where needed); stderr is discarded.
run_result run(const std::string& args) {
    const std::string cmd = std::string("'") + DXFRAME_CLI_PATH + "' " + args + " 2>/dev/null";
    run_result r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        r.out.append(buf, n);
    const int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string data_file() {
    return std::string("'") + DXFRAME_TEST_DATA_DIR + "/progress/one_per_status.json'";
}

}  // namespace

TEST_CASE("dxframe progress --format json prints exactly one of each status", "[progress][cli]") {
    const auto r = run("progress " + data_file() + " --format json --as-of 2025-06-30");
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 9);

    const std::map<std::string, std::string> expected = {{"5g_commercial_2024", "achieved"},
                                                         {"de_share_20_2025_mic", "on_track"},
                                                         {"egdi_top30_2030", "needs_acceleration"},
                                                         {"de_share_20_2025_gso", "limited_progress"},
                                                         {"sec_incidents_down_2025", "deterioration"},
                                                         {"fibre_85_2023", "overdue"},
                                                         {"level4_50_2024", "unreported"},
                                                         {"5g_coverage_99_2030", "insufficient_data"},
                                                         {"6g_trial_2030", "no_data"}};
    std::multiset<std::string> statuses;
    for (const auto& o : j) {
        // The documented fields are always there (null when they do not apply).
        for (const char* key : {"target", "indicator", "entity", "status", "progress", "expected", "ratio", "latest",
                                "projected", "deadline", "latest_age_days", "stale", "result_window_start"}) {
            CAPTURE(key);
            CHECK(o.contains(key));
        }
        const std::string target = o.at("target").get<std::string>();
        CAPTURE(target);
        REQUIRE(expected.count(target) == 1);
        CHECK(o.at("status") == expected.at(target));
        CHECK(o.at("entity") == "vn");
        CHECK(o.at("as_of") == "2025-06-30");
        CHECK(o.at("deadline").is_string());
        statuses.insert(o.at("status").get<std::string>());
        if (target == "6g_trial_2030") {  // the one target without any observation
            CHECK(o.at("latest").is_null());
            CHECK(o.at("latest_age_days").is_null());
            CHECK(o.at("stale") == false);
            continue;
        }
        REQUIRE(o.at("latest").is_object());
        CHECK(o.at("latest").at("date").is_string());
        CHECK(o.at("latest").at("value").is_number());
        CHECK(o.at("latest_age_days").is_number_integer());
    }
    CHECK(statuses == std::multiset<std::string>{"achieved", "on_track", "needs_acceleration", "limited_progress",
                                                 "deterioration", "overdue", "unreported", "insufficient_data",
                                                 "no_data"});

    // Spot values, computed by hand from the dataset.
    for (const auto& o : j) {
        const std::string t = o.at("target");
        if (t == "de_share_20_2025_mic") {
            // P = (18.3 − 12.66)/(20 − 12.66), E = 4/5.
            CHECK(o.at("progress").get<double>() == Catch::Approx(5.64 / 7.34));
            CHECK(o.at("expected").get<double>() == Catch::Approx(0.8));
            CHECK(o.at("ratio").get<double>() == Catch::Approx(5.64 / 7.34 / 0.8));
            CHECK(o.at("latest").at("value").get<double>() == 18.3);
            CHECK(o.at("latest").at("date") == "2024-12-31");
            CHECK(o.at("deadline") == "2025-12-31");
            CHECK(o.at("days_to_deadline") == 184);
        } else if (t == "egdi_top30_2030") {
            CHECK(o.at("progress").get<double>() == Catch::Approx(15.0 / 56.0));  // −(71 − 86)/|30 − 86|
            CHECK(o.at("ratio").get<double>() == Catch::Approx(15.0 / 56.0 / 0.4));
        } else if (t == "5g_coverage_99_2030") {
            CHECK(o.at("reason") == "single_point");
            CHECK(o.at("progress").is_null());
            CHECK(o.at("ratio").is_null());
            CHECK(o.at("projected").is_null());
        } else if (t == "sec_incidents_down_2025") {
            CHECK(o.at("ratio").get<double>() == Catch::Approx(-(12846.0 / 11213.0 - 1)));
            CHECK(o.at("progress").is_null());
        } else if (t == "fibre_85_2023") {
            CHECK(o.at("days_to_deadline") == -547);
            // Latest 2023-11-30 is within the result window, which starts 2023-06-30.
            CHECK(o.at("result_window_start") == "2023-06-30");
            CHECK(o.at("latest_age_days") == 578);  // 2023-11-30 → 2025-06-30
            CHECK(o.at("stale") == true);
        } else if (t == "level4_50_2024") {
            // Deadline 2024-12-31 passed; the latest value (2020-12-31) predates the window.
            CHECK(o.at("result_window_start") == "2024-06-30");
            CHECK_FALSE(o.contains("reason"));
            CHECK(o.at("message").get<std::string>().find("2024-06-30") != std::string::npos);
            CHECK(o.at("stale") == true);
        } else if (t == "6g_trial_2030") {
            CHECK(o.at("reason") == "no_observations");
        } else if (t == "de_share_20_2025_mic") {
            CHECK(o.at("stale") == false);
        }
    }
}

TEST_CASE("dxframe progress: methods, csv and md", "[progress][cli]") {
    auto r = run("progress " + data_file() + " --as-of 2025-06-30 --method growth_ratio");
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    for (const auto& o : j) {
        if (o.at("target") == "de_share_20_2025_mic") {
            // R = ((18.3/12.66)^(1/4) − 1)/((20/12.66)^(1/5) − 1) = 0.0964/0.0957
            CHECK(o.at("method") == "growth_ratio");
            CHECK(o.at("ratio").get<double>() ==
                  Catch::Approx((std::pow(18.3 / 12.66, 0.25) - 1) / (std::pow(20 / 12.66, 0.2) - 1)));
            CHECK(o.at("status") == "on_track");
            CHECK(o.contains("opensdg_score"));
        }
    }

    r = run("progress " + data_file() + " --as-of 2025-06-30 --format csv");
    REQUIRE(r.code == 0);
    std::istringstream lines(r.out);
    std::string header, row;
    std::getline(lines, header);
    CHECK(header.rfind("target,indicator,entity,kind,method,status,reason,progress,expected,ratio,", 0) == 0);
    // Columns added for freshness, manual statuses and breakdowns come last, so that existing
    // consumers keep working.
    const std::string added =
        ",message,latest_out_of,result_window_start,latest_age_days,stale,status_source,computed_status,manual_date,"
        "manual_reason,method_source,breakdown";
    REQUIRE(header.size() > added.size());
    CHECK(header.substr(header.size() - added.size()) == added);
    int rows = 0;
    bool seen_17_digits = false;
    while (std::getline(lines, row)) {
        ++rows;
        if (row.rfind("de_share_20_2025_mic,", 0) == 0) {
            // 0.8 printed with 17 significant digits reads back exactly.
            seen_17_digits = row.find(",0.80000000000000004,") != std::string::npos;
        }
    }
    CHECK(rows == 9);
    CHECK(seen_17_digits);

    r = run("progress " + data_file() + " --as-of 2025-06-30 --format md");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("| Target | Indicator | Entity | Status |") != std::string::npos);
    // Ids are Markdown-escaped like every other text from the data ("\_" renders as "_").
    CHECK(r.out.find("| fibre\\_85\\_2023 | infra\\_fibre\\_households | vn | overdue |") != std::string::npos);
    CHECK(r.out.find("| Latest | Data age |") != std::string::npos);
    // A missing number, latest value or age is "—", as in every table for people.
    CHECK(r.out.find("| vn | no\\_data | — | — | — | — | — | — | 2030-12-31 |") != std::string::npos);
    CHECK(r.out.find("30.1 (2020-12-31) | 1642 days **stale** |") != std::string::npos);  // level4_50_2024
    CHECK(r.out.find("newest source published:") != std::string::npos);
}

TEST_CASE("dxframe progress: --stale-after and --result-window", "[progress][cli]") {
    const auto status_of = [](const nlohmann::json& j, const std::string& target) {
        for (const auto& o : j) {
            if (o.at("target") == target) return o;
        }
        return nlohmann::json();
    };
    // Level-4 target: deadline 2024-12-31, latest 2020-12-31. A 49-month window starts
    // 2020-11-30, so the 2020 figure counts and the target is overdue instead of unreported.
    auto r = run("progress " + data_file() + " --as-of 2025-06-30 --result-window 49");
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(status_of(j, "level4_50_2024").at("status") == "overdue");
    CHECK(status_of(j, "level4_50_2024").at("result_window_start") == "2020-11-30");
    r = run("progress " + data_file() + " --as-of 2025-06-30 --result-window 48");  // starts 2020-12-31
    j = nlohmann::json::parse(r.out);
    CHECK(status_of(j, "level4_50_2024").at("status") == "overdue");
    r = run("progress " + data_file() + " --as-of 2025-06-30 --result-window 47");  // starts 2021-01-31
    j = nlohmann::json::parse(r.out);
    CHECK(status_of(j, "level4_50_2024").at("status") == "unreported");

    // MIC series, latest 2024-12-31, as of 2025-06-30: six months old.
    r = run("progress " + data_file() + " --as-of 2025-06-30 --stale-after 6");
    j = nlohmann::json::parse(r.out);
    CHECK(status_of(j, "de_share_20_2025_mic").at("stale") == false);  // exactly 6 months: not stale
    r = run("progress " + data_file() + " --as-of 2025-06-30 --stale-after 5");
    j = nlohmann::json::parse(r.out);
    CHECK(status_of(j, "de_share_20_2025_mic").at("stale") == true);

    CHECK(run("progress " + data_file() + " --stale-after -1").code == 2);
    CHECK(run("progress " + data_file() + " --stale-after 1201").code == 2);
    CHECK(run("progress " + data_file() + " --result-window six").code == 2);
    CHECK(run("progress --help").out.find("--stale-after") != std::string::npos);
}

TEST_CASE("dxframe progress: exit codes", "[progress][cli]") {
    CHECK(run("progress " + data_file() + " --as-of 2025-06-31").code == 2);  // no such day
    CHECK(run("progress " + data_file() + " --method fastest").code == 2);
    CHECK(run("progress " + data_file() + " --format xml").code == 2);
    CHECK(run("progress").code == 2);
    CHECK(run("progress '/nonexistent/dxframe/none.json'").code == 2);

    // A dataset with a validation error (a target on an indicator that does not exist): 1.
    const auto dir = std::filesystem::temp_directory_path() / "dxframe_progress_cli_test";
    std::filesystem::create_directories(dir);
    std::ifstream in(std::string(DXFRAME_TEST_DATA_DIR) + "/progress/one_per_status.json");
    std::stringstream text;
    text << in.rdbuf();
    std::string broken = text.str();
    const std::string from = "\"indicator\": \"de_gdp_share_gso\", \"kind\"";
    const auto at = broken.find(from);
    REQUIRE(at != std::string::npos);
    broken.replace(at, from.size(), "\"indicator\": \"no_such_indicator\", \"kind\"");
    const auto path = dir / "broken.json";
    std::ofstream(path) << broken;
    CHECK(run("progress '" + path.string() + "' --as-of 2025-06-30").code == 1);
    std::ofstream(path) << "{ not json";
    CHECK(run("progress '" + path.string() + "'").code == 1);
    std::filesystem::remove_all(dir);

    // Default as-of is today (UTC): the run succeeds and reports today's date (either side of
    // a midnight that falls during the run).
    const std::string before = dxframe::date::today().to_string();
    const auto r = run("progress " + data_file());
    const std::string after = dxframe::date::today().to_string();
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    const std::string as_of = j.at(0).at("as_of");
    CHECK((as_of == before || as_of == after));
}

#endif
