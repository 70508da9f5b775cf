// SPDX-License-Identifier: MIT
// Panels: import every year of iData_p, compute the index of every year with pooled (COINr's
// default, Normalise.purse(global = TRUE)) or per-year normalisation, and the change in score and
// rank between two years; a duplicate unit-year row is an error naming its line.
#include <dxframe/error.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/panel.hpp>
#include <dxframe/io/coinr_panel.hpp>

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catch_compat.hpp"
#include "index_pipeline_support.hpp"

namespace {

namespace px = pipeline_expected;

struct expected_score {
    std::optional<double> index;
    std::optional<std::size_t> rank;
};

// (uCode, Time) -> index and rank, from panel_index_*.csv.
std::map<std::pair<std::string, double>, expected_score> expected_scores(const std::string& name) {
    const auto t = px::table(name);
    std::map<std::pair<std::string, double>, expected_score> out;
    for (const auto& row : t.rows) {
        expected_score e;
        e.index = px::number(row[2]);
        if (const auto r = px::number(row[3])) e.rank = static_cast<std::size_t>(*r);
        out[{row[0], *px::number(row[1])}] = e;
    }
    return out;
}

void check_scores(const dxframe::panel_index_result& result, const std::string& name) {
    const auto expected = expected_scores(name);
    const auto scores = dxframe::panel_scores(result);
    REQUIRE(scores.size() == expected.size());
    for (const auto& s : scores) {
        const auto it = expected.find({s.unit, s.time});
        REQUIRE(it != expected.end());
        INFO(s.unit << " " << s.time);
        CHECK(px::close(s.index, it->second.index));
        CHECK(s.rank == it->second.rank);
    }
}

}  // namespace

TEST_CASE("a COINr panel imports every year: 5 periods of 51 units", "[index][panel]") {
    const auto panel = px::asem_panel();
    CHECK(panel.times == std::vector<double>{2018, 2019, 2020, 2021, 2022});
    REQUIRE(panel.periods.size() == 5);
    for (std::size_t p = 0; p < 5; ++p) {
        CHECK(panel.periods[p].time == panel.times[p]);
        CHECK(panel.periods[p].units.size() == 51);
        CHECK(panel.periods[p].tree.indicator_count() == 49);
        CHECK(panel.periods[p].denominator_ids.size() == 4);
    }
    // The cross-section importer's choice of the latest year is the last period.
    auto latest = dxframe::import_coinr(px::read_text(px::data_path("asem-panel/iData_p.csv")),
                                        px::read_text(px::data_path("asem/iMeta.csv")));
    REQUIRE(latest.ok());
    CHECK(latest.data->values == panel.periods.back().values);
}

TEST_CASE("a duplicate unit-year row, a row without Time and a table without Time are errors naming the place",
          "[index][panel]") {
    const std::string meta = px::read_text(px::data_path("asem/iMeta.csv"));
    std::string data = px::read_text(px::data_path("asem-panel/iData_p.csv"));
    // Line 2 is AUT 2018; append it again as line 257.
    const auto first_end = data.find('\n');
    const auto second_end = data.find('\n', first_end + 1);
    const std::string aut2018 = data.substr(first_end + 1, second_end - first_end);
    if (data.back() != '\n') data += '\n';
    const auto dup = dxframe::import_coinr_panel(data + aut2018, meta);
    CHECK_FALSE(dup.ok());
    bool named = false;
    std::size_t reported = 0;
    for (const auto& d : dup.diagnostics) {
        if (d.code != dxframe::diagnostic_code::duplicate_id) continue;
        ++reported;
        named = d.line == 257u && d.path == "iData.csv" && d.message.find("'AUT'") != std::string::npos &&
                d.message.find("line 2") != std::string::npos;
    }
    CHECK(reported == 1);  // once, not once per period
    CHECK(named);

    // A row whose Time is empty.
    std::string no_time = data;
    const auto pos = no_time.find("\"2018\"");
    REQUIRE(pos != std::string::npos);
    no_time.replace(pos, 6, "\"\"");
    const auto missing = dxframe::import_coinr_panel(no_time, meta);
    CHECK_FALSE(missing.ok());
    REQUIRE_FALSE(missing.diagnostics.empty());
    CHECK(missing.diagnostics.front().line == 2u);
    CHECK(missing.diagnostics.front().message.find("'AUT' has no Time") != std::string::npos);

    // No Time column at all.
    const auto cross = dxframe::import_coinr_panel(px::read_text(px::data_path("index/small_iData.csv")),
                                                   px::read_text(px::data_path("index/small_iMeta.csv")));
    CHECK_FALSE(cross.ok());
    REQUIRE(cross.diagnostics.size() == 1);
    CHECK(cross.diagnostics[0].message.find("Time column") != std::string::npos);
}

TEST_CASE("panel index with pooled normalisation (COINr's default) matches COINr to 1e-9", "[index][panel]") {
    const auto panel = px::asem_panel();
    const auto result = dxframe::compute_panel_index(panel);
    CHECK(result.ok());
    REQUIRE(result.periods.size() == 5);
    check_scores(result, "panel_index_pooled.csv");
    // Pooled min-max: over all 255 unit-years each indicator spans exactly [0, 100] once.
    const auto lpi = *panel.periods[0].tree.find_indicator("LPI");
    double lo = 100.0;
    double hi = 0.0;
    for (const auto& p : result.periods) {
        for (std::size_t u = 0; u < p.units.size(); ++u) {
            if (const auto v = p.normalised.get(u, lpi)) {
                lo = std::min(lo, *v);
                hi = std::max(hi, *v);
            }
        }
    }
    CHECK(lo == 0.0);
    CHECK(hi == 100.0);
}

TEST_CASE("panel index normalised per period matches COINr (global = FALSE) and compute_index of that year",
          "[index][panel]") {
    const auto panel = px::asem_panel();
    dxframe::panel_options options;
    options.normalise = dxframe::panel_normalisation::per_period;
    const auto result = dxframe::compute_panel_index(panel, options);
    CHECK(result.ok());
    check_scores(result, "panel_index_per_period.csv");
    const auto& y2020 = panel.periods[2];
    const auto alone = dxframe::compute_index(y2020.tree, y2020.values, y2020.units);
    CHECK(alone.aggregates == result.periods[2].aggregates);
    CHECK(alone.ranks == result.periods[2].ranks);
}

TEST_CASE("change in score and rank between two years, matched by unit", "[index][panel]") {
    const auto panel = px::asem_panel();
    const auto result = dxframe::compute_panel_index(panel);
    const auto expected = expected_scores("panel_index_pooled.csv");
    const auto changes = dxframe::panel_changes(result, 2018, 2022);
    REQUIRE(changes.size() == 51);
    std::size_t moved = 0;
    for (const auto& c : changes) {
        const auto& a = expected.at({c.unit, 2018.0});
        const auto& b = expected.at({c.unit, 2022.0});
        INFO(c.unit);
        REQUIRE(c.score_change);
        CHECK(std::fabs(*c.score_change - (*b.index - *a.index)) <= 1e-9 * std::max(1.0, std::fabs(*b.index)));
        CHECK(c.rank_from == a.rank);
        CHECK(c.rank_to == b.rank);
        CHECK(c.rank_change == static_cast<std::int64_t>(*a.rank) - static_cast<std::int64_t>(*b.rank));
        moved += *c.rank_change != 0 ? 1u : 0u;
    }
    CHECK(moved > 0);
    CHECK_THROWS_AS(dxframe::panel_changes(result, 2017, 2022), dxframe::error);
}

TEST_CASE("panel: units that differ between periods, and a unit new in the later period has no change",
          "[index][panel]") {
    auto panel = px::asem_panel();
    // Keep only two periods and drop the first unit from the first one.
    std::vector<std::vector<std::string>> units{panel.periods[0].units, panel.periods[4].units};
    std::vector<dxframe::value_matrix> values{panel.periods[0].values, panel.periods[4].values};
    const std::string dropped = units[0].front();
    units[0].erase(units[0].begin());
    dxframe::value_matrix fewer(values[0].rows() - 1, values[0].cols());
    for (std::size_t c = 0; c < fewer.cols(); ++c) {
        for (std::size_t r = 0; r < fewer.rows(); ++r)
            fewer.set(r, c, values[0].get(r + 1, c));
    }
    values[0] = fewer;
    const auto result = dxframe::compute_panel_index(panel.periods[0].tree, {2018, 2022}, units, values);
    CHECK(result.ok());
    const auto changes = dxframe::panel_changes(result, 2018, 2022);
    REQUIRE(changes.front().unit == dropped);
    CHECK_FALSE(changes.front().score_from);
    CHECK_FALSE(changes.front().score_change);
    CHECK_FALSE(changes.front().rank_change);
    CHECK(changes[1].rank_change);
    CHECK_THROWS_AS(dxframe::compute_panel_index(panel.periods[0].tree, {2018}, units, values), dxframe::error);
}
