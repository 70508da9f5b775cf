// SPDX-License-Identifier: MIT
// growth_ratio agrees with Open SDG's progress measure (open-sdg/sdg-build, sdg/ProgressMeasure.py).
//
// tests/data/progress/opensdg_cases.csv holds random series with the status, progress value and
// score Open SDG gives them, computed by tests/opensdg/generate_cases.py (an independent Python
// transcription of Open SDG's rules, checked against Open SDG's own code by
// tests/opensdg/check_against_opensdg.py). Each row is turned into a dxframe dataset (year-end
// dates, the base year as options.base_date) and assessed end to end.
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <dxframe/progress.hpp>

#include "catch_compat.hpp"
#include "progress_support.hpp"

using namespace dxframe;
using progress_test::ye;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep))
        out.push_back(cur);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

std::optional<double> number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    if (s == "inf") return HUGE_VAL;
    if (s == "-inf") return -HUGE_VAL;
    return std::stod(s);
}

target_status from_opensdg(const std::string& s) {
    static const std::map<std::string, target_status> names = {{"target_achieved", target_status::achieved},
                                                               {"substantial_progress", target_status::on_track},
                                                               {"moderate_progress", target_status::needs_acceleration},
                                                               {"limited_progress", target_status::limited_progress},
                                                               {"deterioration", target_status::deterioration},
                                                               {"not_available", target_status::insufficient_data}};
    const auto it = names.find(s);
    if (it == names.end()) throw std::runtime_error("unknown Open SDG status " + s);
    return it->second;
}

struct reference_case {
    std::map<std::string, std::string> f;
};

std::vector<reference_case> load_cases() {
    std::ifstream in(std::string(DXFRAME_TEST_DATA_DIR) + "/progress/opensdg_cases.csv");
    REQUIRE(in);
    std::string line;
    std::getline(in, line);
    const auto header = split(line, ',');
    std::vector<reference_case> out;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto cells = split(line, ',');
        REQUIRE(cells.size() == header.size());
        reference_case c;
        for (std::size_t i = 0; i < header.size(); ++i)
            c.f[header[i]] = cells[i];
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

TEST_CASE("growth_ratio agrees with Open SDG on every reference case", "[progress][opensdg]") {
    const auto cases = load_cases();
    REQUIRE(cases.size() >= 300);
    std::map<target_status, int> seen;
    int agreed = 0;
    for (const auto& c : cases) {
        const auto& f = c.f;
        CAPTURE(f.at("case"), f.at("branch"), f.at("series"), f.at("target"), f.at("limit"));
        const bool positive = f.at("direction") == "positive";
        const auto target_value = number(f.at("target"));
        const auto limit = number(f.at("limit"));

        indicator ind = progress_test::make_indicator();
        if (limit) {
            // Open SDG's limit is the natural bound the series heads for: a maximum when higher
            // is better, a minimum when lower is better.
            (positive ? ind.maximum : ind.minimum) = *limit;
        }
        const target_kind kind = target_value ? (positive ? target_kind::at_least : target_kind::at_most)
                                              : (positive ? target_kind::increase : target_kind::decrease);
        const target t = progress_test::make_target(kind, target_value, ye(std::stoi(f.at("target_year"))));
        std::vector<std::pair<date, double>> points;
        int last_year = 0;
        for (const auto& p : split(f.at("series"), ';')) {
            const auto yv = split(p, ':');
            const int y = std::stoi(yv.at(0));
            points.push_back({ye(y), std::stod(yv.at(1))});
            last_year = std::max(last_year, y);
        }
        const dataset ds = progress_test::make_dataset(ind, t, points);
        progress_options o;
        o.method = progress_method::growth_ratio;
        o.base_date = ye(std::stoi(f.at("base_year")));
        o.limit_from_bounds = true;
        const auto a = assess(ds, ds.framework.targets.front(), ye(last_year), o);

        const target_status expected = from_opensdg(f.at("status"));
        seen[expected]++;
        CHECK(a.status == expected);
        const auto value = number(f.at("progress_value"));
        if (value && std::isfinite(*value)) {
            REQUIRE(a.ratio);
            CHECK(*a.ratio == Catch::Approx(*value).epsilon(1e-12).margin(1e-15));
        } else {
            CHECK_FALSE(a.ratio);
        }
        const auto score = number(f.at("score"));
        if (score) {
            REQUIRE(a.opensdg_score);
            CHECK(*a.opensdg_score == Catch::Approx(*score).epsilon(1e-12).margin(1e-12));
        } else {
            CHECK_FALSE(a.opensdg_score);
        }
        if (a.status == expected) ++agreed;
    }
    CHECK(agreed == static_cast<int>(cases.size()));
    // The table covers every status Open SDG can give.
    for (const auto s :
         {target_status::achieved, target_status::on_track, target_status::needs_acceleration,
          target_status::limited_progress, target_status::deterioration, target_status::insufficient_data}) {
        CHECK(seen[s] >= 20);
    }
}

TEST_CASE("Open SDG core: limit coefficient in each branch", "[progress][opensdg]") {
    CHECK(limit_coefficient(50, 100) == Catch::Approx(1 - std::pow(0.5, 4.44)));    // b ≤ L
    CHECK(limit_coefficient(150, 100) == Catch::Approx(1 - std::pow(0.5, 4.44)));   // L < b < 2L: (200 − 150)/100
    CHECK(limit_coefficient(100, 100) == 0.0);                                      // b = L
    CHECK(limit_coefficient(200, 100) == 1.0);                                      // b ≥ 2L
    CHECK(limit_coefficient(0, 0) == 1.0);                                          // b ≥ 2L tested first
    CHECK(limit_coefficient(-50, -100) == Catch::Approx(1 - std::pow(0.5, 4.44)));  // absolute values
}

TEST_CASE("Open SDG core: branches the reference table cannot reach", "[progress][opensdg]") {
    opensdg_inputs in;
    in.base_value = 10;
    in.current_value = 12;
    in.years_observed = 2;
    in.target = 20.0;
    in.years_to_target = 0;  // deadline on the base year
    auto r = opensdg_progress(in);
    CHECK(r.reason == insufficiency_reason::deadline_not_after_baseline);
    CHECK(r.status == target_status::insufficient_data);
    CHECK_FALSE(r.score);

    in.years_to_target = 5;
    in.years_observed = 0;
    CHECK(opensdg_progress(in).reason == insufficiency_reason::single_point);

    in.years_observed = 2;
    in.target_achieved = true;  // achieved overrides any missing value and scores 5
    in.base_value = 10;
    in.current_value = -1;
    r = opensdg_progress(in);
    CHECK(r.status == target_status::achieved);
    CHECK_FALSE(r.reason);
    CHECK(r.score == 5.0);
    CHECK_FALSE(r.progress_value);

    // Custom thresholds apply to the status; the score lines stay Open SDG's.
    in.target_achieved = false;
    in.current_value = 12;
    in.thresholds = {0.3, 0.2, 0.1};
    r = opensdg_progress(in);
    const double R = (std::sqrt(1.2) - 1) / (std::pow(2.0, 0.2) - 1);  // 0.6025
    CHECK(*r.progress_value == Catch::Approx(R));
    CHECK(r.status == target_status::on_track);
    CHECK(*r.score == Catch::Approx(7.1429 * R - 4.2857));

    // Target equal to the base: Open SDG (with numpy scalars) divides by zero.
    in.thresholds = {};
    in.target = 10.0;
    in.current_value = 9;
    r = opensdg_progress(in);
    CHECK(std::isinf(*r.progress_value));
    CHECK(*r.progress_value < 0);
    CHECK(r.status == target_status::deterioration);
    CHECK(r.score == -5.0);
}
