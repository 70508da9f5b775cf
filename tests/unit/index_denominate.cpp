// SPDX-License-Identifier: MIT
// Denomination: COINr's Denominate on ASEM (iMeta's Denominator column), scale factors, and the
// bad denominators (zero, negative, missing, unknown) as diagnostics — never NaN or infinity.
#include <dxframe/error.hpp>
#include <dxframe/index/denominate.hpp>
#include <dxframe/io/coinr.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "catch_compat.hpp"
#include "index_pipeline_support.hpp"

namespace {

namespace px = pipeline_expected;

// Checks every indicator column of `result` against the expected table (only the denominated
// indicators are in it; the others must be unchanged) and the per-indicator counts.
void check_against(const dxframe::coinr_data& data, const dxframe::denomination_result& result,
                   const std::string& expected_name) {
    const auto expected = px::table(expected_name);
    REQUIRE(expected.rows.size() == data.units.size());
    std::size_t columns_checked = 0;
    for (std::size_t i = 0; i < data.tree.indicator_count(); ++i) {
        const std::string& id = data.tree.indicator(i).id;
        const auto col = expected.column(id);
        std::size_t changed = 0;
        std::size_t made_missing = 0;
        for (std::size_t u = 0; u < data.units.size(); ++u) {
            const auto got = result.values.get(u, i);
            if (!col) {
                CHECK(got == data.values.get(u, i));
                continue;
            }
            REQUIRE(expected.rows[u][0] == data.units[u]);
            const auto want = px::number(expected.rows[u][*col]);
            INFO(id << " of " << data.units[u]);
            CHECK(px::close(got, want));
            if (want) ++changed;
            if (!want && data.values.get(u, i)) ++made_missing;
        }
        if (col) ++columns_checked;
        CHECK(result.counts[i].indicator == id);
        CHECK(result.counts[i].changed == changed);
        CHECK(result.counts[i].made_missing == made_missing);
    }
    CHECK(columns_checked == 17);
}

dxframe::denomination_result run_hand(const std::vector<double>& x, const std::vector<double>& d,
                                      const std::vector<dxframe::denominator_choice>& choices,
                                      std::vector<std::string> den_ids = {"Population"}) {
    const std::vector<std::string> units{"A", "B", "C", "D"};
    const std::vector<std::string> ids{"Visits"};
    dxframe::value_matrix values(units.size(), 1);
    dxframe::value_matrix dens(units.size(), 1);
    const std::vector<std::string> dids = std::move(den_ids);
    for (std::size_t u = 0; u < units.size(); ++u) {
        values.set(u, 0, x[u]);
        dens.set(u, 0, d[u]);
    }
    dxframe::denomination_input in;
    in.values = &values;
    in.indicator_ids = &ids;
    in.units = &units;
    in.denominators = &dens;
    in.denominator_ids = &dids;
    return dxframe::denominate(in, choices);
}

}  // namespace

TEST_CASE("the COINr importer keeps iMeta's Denominator of each indicator", "[index][denominate]") {
    const auto data = px::asem();
    REQUIRE(data.indicator_denominators.size() == data.tree.indicator_count());
    const auto at = [&](const std::string& id) { return data.indicator_denominators[*data.tree.find_indicator(id)]; };
    CHECK(at("Flights") == std::optional<std::string>("Population"));
    CHECK(at("Bord") == std::optional<std::string>("Area"));
    CHECK(at("Goods") == std::optional<std::string>("GDP"));
    CHECK_FALSE(at("LPI"));
    std::size_t named = 0;
    for (const auto& d : data.indicator_denominators)
        named += d ? 1u : 0u;
    CHECK(named == 17);
    CHECK(data.denominator_ids == std::vector<std::string>{"Area", "Energy", "GDP", "Population"});
    // The small table: only i4 (Incidents) is per Population; i4 of AUT is 7 / 8900.
    auto small = dxframe::import_coinr(px::read_text(px::data_path("index/small_iData.csv")),
                                       px::read_text(px::data_path("index/small_iMeta.csv")));
    REQUIRE(small.ok());
    std::vector<std::optional<std::string>> expected(6);
    expected[3] = "Population";
    CHECK(small.data->indicator_denominators == expected);
    const auto per_head = dxframe::denominate(*small.data);
    CHECK(per_head.ok());
    CHECK(per_head.values.get(0, 3) == 7.0 / 8900.0);
    CHECK(per_head.values.get(0, 0) == small.data->values.get(0, 0));
}

TEST_CASE("ASEM denominated by iMeta's Denominator column matches COINr's Denominate to 1e-9", "[index][denominate]") {
    const auto data = px::asem();
    const auto result = dxframe::denominate(data);
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
    check_against(data, result, "denominate_asem.csv");
    // The one missing Energy value makes that unit's Elec and Gas missing: COINr's NA arithmetic.
    const auto elec = *data.tree.find_indicator("Elec");
    CHECK(result.counts[elec].made_missing == 1);
}

TEST_CASE("a scale factor divides the denominator first, as COINr: x / (d / s)", "[index][denominate]") {
    const auto data = px::asem();
    const auto result = dxframe::denominate(data, dxframe::denominators_from_meta(data, 1000.0));
    CHECK(result.ok());
    check_against(data, result, "denominate_asem_scale1000.csv");
    // The order of the operations is COINr's to the last bit (x·s/d can round differently).
    const auto hand = run_hand({1.0, 2.0, 3.0, 0.1}, {3.0, 7.0, 11.0, 0.3}, {{std::string("Population"), 7.0}});
    CHECK(hand.values.get(0, 0) == 1.0 / (3.0 / 7.0));
    CHECK(hand.values.get(3, 0) == 0.1 / (0.3 / 7.0));
}

TEST_CASE("zero, negative and missing denominators give missing values and name the unit", "[index][denominate]") {
    const double na = dxframe::value_matrix::missing_value();
    const auto r = run_hand({10.0, 20.0, 30.0, na}, {0.0, -4.0, na, 0.0}, {{std::string("Population"), 1.0}});
    CHECK_FALSE(r.ok());
    for (std::size_t u = 0; u < 4; ++u)
        CHECK_FALSE(r.values.get(u, 0));  // never NaN or infinity
    REQUIRE(r.counts.size() == 1);
    CHECK(r.counts[0].changed == 0);
    CHECK(r.counts[0].made_missing == 3);  // D had no value: not counted
    REQUIRE(r.diagnostics.size() == 2);    // A (zero) and B (negative); C's missing one is silent
    CHECK(r.diagnostics[0].code == dxframe::diagnostic_code::non_positive_denominator);
    CHECK(r.diagnostics[0].severity == dxframe::severity::error);
    CHECK(r.diagnostics[0].path == "iData.csv");
    CHECK(r.diagnostics[0].message.find("unit 'A'") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("'Population'") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("'Visits'") != std::string::npos);
    CHECK(r.diagnostics[1].message.find("unit 'B'") != std::string::npos);
    CHECK(r.diagnostics[1].message.find("-4") != std::string::npos);
}

TEST_CASE("an unknown denominator is an error naming it, and the indicator is left as it is", "[index][denominate]") {
    const auto r = run_hand({10.0, 20.0, 30.0, 40.0}, {1.0, 2.0, 3.0, 4.0}, {{std::string("GDP"), 1.0}});
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == dxframe::diagnostic_code::unknown_reference);
    CHECK(r.diagnostics[0].message.find("'GDP'") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("'Visits'") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("Population") != std::string::npos);
    CHECK(r.values.get(1, 0) == 20.0);
    CHECK(r.counts[0].changed == 0);
    // No choice: nothing happens.
    const auto none = run_hand({10.0, 20.0, 30.0, 40.0}, {0.0, 0.0, 0.0, 0.0}, {dxframe::denominator_choice{}});
    CHECK(none.ok());
    CHECK(none.values.get(0, 0) == 10.0);
}

TEST_CASE("many zero denominators: ten diagnostics, then one summary", "[index][denominate]") {
    const std::size_t n = 25;
    std::vector<std::string> units;
    dxframe::value_matrix values(n, 1);
    dxframe::value_matrix dens(n, 1);
    for (std::size_t u = 0; u < n; ++u) {
        units.push_back("U" + std::to_string(u));
        values.set(u, 0, 1.0);
        dens.set(u, 0, 0.0);
    }
    const std::vector<std::string> ids{"x"};
    const std::vector<std::string> dids{"d"};
    dxframe::denomination_input in{&values, &ids, &units, &dens, &dids};
    const auto r = dxframe::denominate(in, {{std::string("d"), 1.0}});
    REQUIRE(r.diagnostics.size() == 11);
    CHECK(r.diagnostics.back().message.find("15 more units") != std::string::npos);
    CHECK(r.counts[0].made_missing == n);
}

TEST_CASE("denominate refuses misuse: shapes that disagree, a scale that is not positive", "[index][denominate]") {
    const auto data = px::asem();
    CHECK_THROWS_AS(dxframe::denominate(data, std::vector<dxframe::denominator_choice>(3)), dxframe::error);
    auto choices = dxframe::denominators_from_meta(data, 0.0);
    CHECK_THROWS_AS(dxframe::denominate(data, choices), dxframe::error);
    choices = dxframe::denominators_from_meta(data, std::nan(""));
    CHECK_THROWS_AS(dxframe::denominate(data, choices), dxframe::error);
}
