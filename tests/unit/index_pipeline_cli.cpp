// SPDX-License-Identifier: MIT
// `dxframe index` with the pipeline options as a user runs it: --years all on the ASEM panel
// (five years of 51 units and the rank changes), every --dset table equal to the library's
// steps, the final index on ASEM equal to the base-R port of COINr, a dxframe/1 dataset of
// provinces, and each kind of bad input (exit 1 or 2, a message naming the place, no NaN).
#include "catch_compat.hpp"

#ifdef DXFRAME_CLI_PATH

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/index/dataset_tables.hpp>
#include <dxframe/index/pipeline.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/report/format.hpp>

#include "cli_runner.hpp"
#include "index_pipeline_support.hpp"

namespace {

namespace px = pipeline_expected;
using dxframe_test::run_result;

const std::string asem =
    "--data \"" + px::data_path("asem/iData.csv") + "\" --meta \"" + px::data_path("asem/iMeta.csv") + "\"";
const std::string panel =
    "--data \"" + px::data_path("asem-panel/iData_p.csv") + "\" --meta \"" + px::data_path("asem/iMeta.csv") + "\"";
const std::string provinces = "\"" + px::data_path("index/provinces_pipeline.json") + "\" --root pdti";

run_result run(const std::string& args) {
    return dxframe_test::run_cli("index " + args);
}

dxframe::csv_table parse(const std::string& text) {
    auto r = dxframe::read_csv(text);
    REQUIRE(r.ok());
    return std::move(*r.table);
}

// Every cell of `t` (after uCode) equals `m` printed with 17 significant digits (empty = missing).
void check_table(const dxframe::csv_table& t, const dxframe::value_matrix& m, const std::vector<std::string>& units) {
    REQUIRE(t.rows.size() == units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        REQUIRE(t.rows[u].size() == m.cols() + 1);
        CHECK(t.rows[u][0] == units[u]);
        for (std::size_t c = 0; c < m.cols(); ++c) {
            INFO(units[u] << " column " << t.header[c + 1]);
            CHECK(t.rows[u][c + 1] == dxframe::full_precision_number(m.get(u, c)));
        }
    }
}

// A copy of an ASEM table with `edit` applied to its rows (header first), as a scratch file.
std::string edited(dxframe_test::scratch& s, const std::string& relative, const std::string& stem,
                   void (*edit)(std::vector<std::vector<std::string>>&)) {
    auto t = parse(px::read_text(px::data_path(relative)));
    std::vector<std::vector<std::string>> rows{t.header};
    rows.insert(rows.end(), t.rows.begin(), t.rows.end());
    edit(rows);
    return s.file(stem, dxframe::write_csv(rows, "\n")).string();
}

std::size_t column_of(const std::vector<std::string>& header, const std::string& id) {
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c] == id) return c;
    }
    FAIL("no column " << id);
    return 0;
}

}  // namespace

TEST_CASE("index --years all: five years of 51 units, rank and index change on the last year",
          "[cli][index][pipeline]") {
    const auto r = run(panel + " --years all");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto t = parse(r.out);
    CHECK(t.header == std::vector<std::string>{"uCode", "Time", "Index", "Rank", "RankChange", "IndexChange"});
    REQUIRE(t.rows.size() == 5 * 51);
    std::map<std::string, std::size_t> per_year;
    std::map<std::string, std::map<std::string, std::string>> rank_of;
    const auto expected = px::table("panel_index_pooled.csv");
    std::map<std::pair<std::string, std::string>, std::string> expected_index;
    for (const auto& row : expected.rows)
        expected_index[{row[0], row[1]}] = row[2];
    for (const auto& row : t.rows) {
        ++per_year[row[1]];
        rank_of[row[0]][row[1]] = row[3];
        CHECK(px::close(px::number(row[2]), px::number(expected_index[{row[0], row[1]}])));
        if (row[1] != "2022") {
            CHECK(row[4].empty());
            CHECK(row[5].empty());
        }
    }
    CHECK(per_year ==
          std::map<std::string, std::size_t>{{"2018", 51}, {"2019", 51}, {"2020", 51}, {"2021", 51}, {"2022", 51}});
    for (const auto& row : t.rows) {
        if (row[1] != "2022") continue;
        INFO(row[0]);
        const long long change = std::stoll(rank_of[row[0]]["2018"]) - std::stoll(row[3]);
        CHECK(row[4] == std::to_string(change));
        CHECK(!row[5].empty());
    }

    // Two years chosen, per-year normalisation: ranks of each year as that year alone.
    const auto p = run(panel + " --years 2018,2022 --panel-normalise per-year");
    REQUIRE(p.status == 0);
    CHECK(parse(p.out).rows.size() == 2 * 51);
    const auto md = run(panel + " --years 2018,2022 --format md");
    REQUIRE(md.status == 0);
    CHECK(md.out.find("| Change |") != std::string::npos);
    const auto json = run(panel + " --years all --format json");
    REQUIRE(json.status == 0);
    CHECK(json.out.find("\"changes\"") != std::string::npos);
    CHECK(json.out.find("\"rank_change\"") != std::string::npos);
}

TEST_CASE("index --dset: each table equals the library's pipeline, the index matches COINr's port",
          "[cli][index][pipeline][coinr]") {
    auto imported = dxframe::import_coinr(px::read_text(px::data_path("asem/iData.csv")),
                                          px::read_text(px::data_path("asem/iMeta.csv")));
    REQUIRE(imported.ok());
    dxframe::pipeline_spec spec;
    spec.denominate.enabled = true;
    spec.impute.all.method = dxframe::imputation_method::median;
    spec.treat = dxframe::treat_spec{};
    const auto lib = dxframe::run_pipeline(*imported.data, spec);
    REQUIRE(lib.ok());
    const std::string options = asem + " --denominate --impute median --treat winsorise";
    for (const auto stage :
         {dxframe::pipeline_stage::raw, dxframe::pipeline_stage::denominated, dxframe::pipeline_stage::imputed,
          dxframe::pipeline_stage::treated, dxframe::pipeline_stage::normalised}) {
        const std::string name = boost::describe::enum_to_string(stage, "?");
        INFO(name);
        const auto r = run(options + " --dset " + name);
        INFO(r.err);
        REQUIRE(r.status == 0);
        const auto t = parse(r.out);
        CHECK(t.header.front() == "uCode");
        CHECK(t.header[1] == "LPI");
        check_table(t, dxframe::pipeline_table(lib, stage), lib.units);
    }
    const auto agg = run(options + " --dset aggregated");
    REQUIRE(agg.status == 0);
    const auto at = parse(agg.out);
    CHECK(at.header.back() == "Index");
    REQUIRE(at.rows.size() == 51);
    const std::size_t nodes = lib.index.aggregates.cols();
    CHECK(at.rows[0].back() == dxframe::full_precision_number(lib.index.aggregates.get(0, nodes - 1)));

    // The index itself, in today's CSV layout, equals pipeline_asem.csv's (base R).
    const auto r = run(options);
    REQUIRE(r.status == 0);
    const auto t = parse(r.out);
    const std::size_t index = column_of(t.header, "Index");
    const std::size_t rank = column_of(t.header, "Rank");
    std::map<std::string, std::pair<std::string, std::string>> expected;
    for (const auto& row : px::table("pipeline_asem.csv").rows) {
        if (row[0] == "denominate_impute_median_treat") expected[row[1]] = {row[2], row[3]};
    }
    REQUIRE(t.rows.size() == 51);
    for (const auto& row : t.rows) {
        INFO(row[0]);
        CHECK(px::close(px::number(row[index]), px::number(expected[row[0]].first)));
        CHECK(row[rank] == expected[row[0]].second);
    }
}

TEST_CASE("index without pipeline options is unchanged, --impute none equals it", "[cli][index][pipeline]") {
    const auto plain = run(asem);
    REQUIRE(plain.status == 0);
    const auto none = run(asem + " --impute none");
    REQUIRE(none.status == 0);
    CHECK(none.out == plain.out);
}

TEST_CASE("index pipeline on a dxframe/1 dataset: group imputation, denominator, two years",
          "[cli][index][pipeline][dataset]") {
    const auto r = run(provinces + " --year 2022 --impute mean_group:region --dset imputed");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto t = parse(r.out);
    CHECK(t.header == std::vector<std::string>{"uCode", "internet", "services", "incidents"});
    REQUIRE(t.rows.size() == 6);
    CHECK(t.rows[2][0] == "vn_bacninh");
    CHECK(t.rows[2][1] == "77.5");  // the north's mean of 83 and 72

    const auto d = run(provinces + " --year 2022 --denominator services=population --dset denominated");
    INFO(d.err);
    REQUIRE(d.status == 0);
    CHECK(parse(d.out).rows[0][2] == dxframe::full_precision_number(950 / 8.4));
    // Without --denominator, services takes the dataset's own denominator (population, scale 1000).
    const auto own = run(provinces + " --year 2022 --denominate --dset denominated");
    INFO(own.err);
    REQUIRE(own.status == 0);
    CHECK(parse(own.out).rows[0][2] == dxframe::full_precision_number(950 / (8.4 / 1000)));

    // A pipeline problem names the file once, then the problem (no JSON Pointer to give).
    const auto bad = run(provinces + " --year 2022 --impute mean_group:province");
    CHECK(bad.status == 1);
    CHECK(bad.err.find("provinces_pipeline.json: error unknown_reference: imputation 'mean_group:province'") !=
          std::string::npos);

    const auto y = run(provinces + " --years all --impute mean_group:region --treat winsorise");
    INFO(y.err);
    REQUIRE(y.status == 0);
    const auto yt = parse(y.out);
    REQUIRE(yt.rows.size() == 12);
    CHECK(yt.rows.front()[1] == "2021");
    CHECK(yt.rows.back()[1] == "2022");
    CHECK(!yt.rows.back()[4].empty());
}

TEST_CASE("index pipeline bad input: exit 1 or 2 naming the place, never NaN", "[cli][index][pipeline]") {
    dxframe_test::scratch s;
    // A denominator of zero.
    const std::string zero = edited(s, "asem/iData.csv", "zero.csv", [](std::vector<std::vector<std::string>>& rows) {
        rows[3][column_of(rows[0], "Population")] = "0";
    });
    auto r = run("--data \"" + zero + "\" --meta \"" + px::data_path("asem/iMeta.csv") + "\" --denominate");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("non_positive_denominator") != std::string::npos);
    CHECK(r.err.find("unit 'BGR'") != std::string::npos);
    CHECK(r.err.find("'Population'") != std::string::npos);

    // A group column that does not exist.
    r = run(asem + " --impute mean_group:Region");
    CHECK(r.status == 1);
    CHECK(r.err.find("the group column 'Region' does not exist") != std::string::npos);

    // An impute spec that does not parse (usage error naming the option).
    r = run(asem + " --impute meen");
    CHECK(r.status == 2);
    CHECK(r.err.find("--impute (argument 1)") != std::string::npos);
    CHECK(r.err.find("'meen'") != std::string::npos);
    r = run(asem + " --treat winsorise:x");
    CHECK(r.status == 2);
    CHECK(r.err.find("--treat") != std::string::npos);

    // A panel with a duplicate unit-year row.
    const std::string dup = edited(s, "asem-panel/iData_p.csv", "dup.csv",
                                   [](std::vector<std::vector<std::string>>& rows) { rows.push_back(rows[5]); });
    r = run("--data \"" + dup + "\" --meta \"" + px::data_path("asem/iMeta.csv") + "\" --years all");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("duplicate_id") != std::string::npos);
    CHECK(r.err.find(":257:") != std::string::npos);

    // An indicator with fewer than three values, treatment asked.
    const std::string few = edited(s, "asem/iData.csv", "few.csv", [](std::vector<std::vector<std::string>>& rows) {
        const std::size_t lpi = column_of(rows[0], "LPI");
        for (std::size_t k = 3; k < rows.size(); ++k)
            rows[k][lpi].clear();
    });
    r = run("--data \"" + few + "\" --meta \"" + px::data_path("asem/iMeta.csv") + "\" --treat winsorise");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("outlier treatment of 'LPI'") != std::string::npos);
    CHECK(r.err.find("(2 values)") != std::string::npos);

    // A panel method on one cross-section, a year that is not in the panel, a bad --dset.
    r = run(asem + " --impute latest");
    CHECK(r.status == 1);
    CHECK(r.err.find("needs several periods") != std::string::npos);
    r = run(panel + " --years 2018,2030");
    CHECK(r.status == 1);
    CHECK(r.err.find("no data for 2030") != std::string::npos);
    r = run(asem + " --dset Raw");
    CHECK(r.status == 2);
    r = run(asem + " --dset raw --format json");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
}

TEST_CASE("index pipeline review fixes: denominators, years, treatment rule, usage errors", "[cli][index][pipeline]") {
    dxframe_test::scratch s;
    // --denominator replaces iMeta's Denominator column (COINr's denomby): Flights, which iMeta
    // divides by Population, stays raw when only LPI is named.
    const auto raw = run(asem + " --dset raw");
    const auto den = run(asem + " --denominator LPI=GDP --dset denominated");
    INFO(den.err);
    REQUIRE(raw.status == 0);
    REQUIRE(den.status == 0);
    const auto rt = parse(raw.out);
    const auto dt = parse(den.out);
    const std::size_t flights = column_of(rt.header, "Flights");
    const std::size_t lpi = column_of(rt.header, "LPI");
    CHECK(dt.rows[0][flights] == rt.rows[0][flights]);
    CHECK(dt.rows[0][lpi] != rt.rows[0][lpi]);

    // Command-line mistakes in --denominator: usage errors naming the option, no "left undenominated".
    for (const char* bad : {"internet=:5", "nope=population", "internet=nope"}) {
        const auto r = run(provinces + " --year 2022 --denominator " + bad);
        INFO(bad << ": " << r.err);
        CHECK(r.status == 2);
        CHECK(r.err.find("--denominator") != std::string::npos);
        CHECK(r.err.find("left undenominated") == std::string::npos);
        CHECK(r.out.empty());
    }
    // A data problem of a dataset: the file named once.
    const auto group = run(provinces + " --year 2022 --impute mean_group:nope");
    INFO(group.err);
    CHECK(group.status == 1);
    const std::string line = group.err.substr(0, group.err.find('\n'));
    CHECK(line.find("'nope'") != std::string::npos);
    CHECK(line.find("provinces_pipeline.json") == line.rfind("provinces_pipeline.json"));

    // --years on a dataset: whole years 1..9999 only.
    for (const char* bad : {"1e300", "2021.7", "0"}) {
        const auto r = run(provinces + " --years " + bad);
        INFO(bad << ": " << r.err);
        CHECK(r.status == 2);
        CHECK(r.err.find("--years") != std::string::npos);
    }

    // --impute-max-time needs --years.
    const auto max_time = run(asem + " --impute mean --impute-max-time 2");
    CHECK(max_time.status == 2);
    CHECK(max_time.err.find("--impute-max-time") != std::string::npos);

    // An indicator with all values equal: COINr's test is NA, a warning, left untreated.
    const std::string equal = edited(s, "asem/iData.csv", "equal.csv", [](std::vector<std::vector<std::string>>& rows) {
        const std::size_t c = column_of(rows[0], "LPI");
        for (std::size_t k = 1; k < rows.size(); ++k)
            rows[k][c] = "3";
    });
    const auto eq = run("--data \"" + equal + "\" --meta \"" + px::data_path("asem/iMeta.csv") +
                        "\" --treat winsorise --dset treated");
    INFO(eq.err);
    REQUIRE(eq.status == 0);
    CHECK(eq.err.find("warning") != std::string::npos);
    CHECK(eq.err.find("LPI") != std::string::npos);
    CHECK(eq.err.find("cannot be done") == std::string::npos);
    CHECK(parse(eq.out).rows[0][column_of(parse(eq.out).header, "LPI")] == "3");
}

#endif
