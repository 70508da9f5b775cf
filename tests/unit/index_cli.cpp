// SPDX-License-Identifier: MIT
// `dxframe index` as a user runs it: the real executable on COINr tables and on a dxframe/1
// dataset, its exact CSV layout, the other formats, per-element methods, and its exit codes.
#include "catch_compat.hpp"
#include "cli_runner.hpp"

#include "../../tools/dxframe/spec.hpp"

// The SPEC syntax itself (no executable needed).
TEST_CASE("SPEC parser: every method, defaults, round trip, clear errors", "[cli][index][spec]") {
    using dxframe::cli::try_parse_aggregate_spec;
    using dxframe::cli::try_parse_normalise_spec;
    for (const char* spec :
         {"none", "minmax:0:100", "minmax:-1:1.5", "zscore:100:10", "rank", "percentile_rank", "borda", "goalposts",
          "goalposts:100", "distance_to_target", "distance_to_max", "fraction_of_max"}) {
        INFO(spec);
        const auto r = try_parse_normalise_spec(spec);
        REQUIRE(r.value);
        CHECK(dxframe::cli::to_spec(*r.value) == spec);
    }
    const auto mm = try_parse_normalise_spec("minmax");
    REQUIRE(mm.value);
    CHECK(mm.value->lower == 0.0);
    CHECK(mm.value->upper == 100.0);
    CHECK(try_parse_normalise_spec("zscore").value->sd == 1.0);
    CHECK(try_parse_normalise_spec("minmax:1e2:1e3").value->upper == 1000.0);
    for (const char* spec : {"arithmetic", "geometric", "harmonic", "genmean:2", "genmean:-0.5", "median"}) {
        INFO(spec);
        const auto r = try_parse_aggregate_spec(spec);
        REQUIRE(r.value);
        CHECK(dxframe::cli::to_spec(*r.value) == spec);
    }
    CHECK(try_parse_aggregate_spec("genmean:2").value->method == dxframe::aggregation::generalised_mean);

    CHECK(try_parse_normalise_spec("minmax:0").error ==
          "'minmax:0': minmax takes 2 numbers, as in minmax:L:U (e.g. minmax:0:100)");
    CHECK(try_parse_normalise_spec("minmax:5:5").error ==
          "'minmax:5:5': the lower and upper ends of minmax must differ");
    CHECK(try_parse_normalise_spec("zscore:0:0").error ==
          "'zscore:0:0': the standard deviation S of zscore:M:S must be > 0");
    CHECK(try_parse_normalise_spec("zscore:0:inf").error.find("is not a finite number") != std::string::npos);
    CHECK(try_parse_normalise_spec("rank:2").error == "'rank:2': rank takes no parameters");
    CHECK(try_parse_normalise_spec("min-max").error.rfind(
              "unknown normaliser 'min-max'; expected one of: none, minmax:L:U", 0) == 0);
    CHECK(try_parse_aggregate_spec("genmean").error ==
          "'genmean': genmean takes one number, as in genmean:P (e.g. genmean:2)");
    CHECK(try_parse_aggregate_spec("genmean:0").error.find("P = 0 is the geometric mean") != std::string::npos);
    CHECK(try_parse_aggregate_spec("mean").error.rfind("unknown aggregator 'mean'", 0) == 0);
    CHECK_THROWS_AS(dxframe::cli::parse_normalise_spec("nope"), dxframe::cli::usage_error);
}

#ifdef DXFRAME_CLI_PATH

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/index.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/csv.hpp>

#if !defined(_WIN32)
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

namespace fs = std::filesystem;

const std::string data_dir = std::string(DXFRAME_TEST_DATA_DIR) + "/index/";
const std::string small = "--data \"" + data_dir + "small_iData.csv\" --meta \"" + data_dir + "small_iMeta.csv\"";
const std::string dti = "\"" + data_dir + "dti2022_top5.json\"";

using dxframe_test::run_result;
using dxframe_test::scratch_path;
using dxframe_test::slurp;

run_result run(const std::string& args) {
    return dxframe_test::run_cli("index " + args);
}

dxframe::csv_table parse_csv(const std::string& text) {
    auto r = dxframe::read_csv(text);
    REQUIRE(r.ok());
    return *r.table;
}

std::string g17(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

}  // namespace

TEST_CASE("index CLI: COINr tables to the CSV layout of the issue, identical to the library's numbers",
          "[cli][index]") {
    const auto r = run(small);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    const auto t = parse_csv(r.out);
    // uCode, the normalised indicators in iMeta order, the aggregates lowest level first (iMeta
    // order within a level), the index last, Rank.
    CHECK(t.header == std::vector<std::string>{"uCode", "i1", "i2", "i3", "i4", "i5", "i6", "P1", "P2", "P3", "S1",
                                               "S2", "Index", "Rank"});
    REQUIRE(t.rows.size() == 8);

    // The same computation in-process: every cell is its value with 17 significant digits,
    // missing cells empty, units in input order.
    auto imported = dxframe::import_coinr(slurp(data_dir + "small_iData.csv"), slurp(data_dir + "small_iMeta.csv"));
    REQUIRE(imported.ok());
    const auto& d = *imported.data;
    const auto res = dxframe::compute_index(d.tree, d.values, d.units);
    for (std::size_t u = 0; u < 8; ++u) {
        const auto& row = t.rows[u];
        CHECK(row[0] == d.units[u]);
        for (std::size_t i = 0; i < 6; ++i) {
            const auto v = res.normalised.get(u, i);
            CHECK(row[1 + i] == (v ? g17(*v) : ""));
        }
        for (std::size_t j = 0; j < 6; ++j) {
            const auto v = res.aggregates.get(u, j);
            CHECK(row[7 + j] == (v ? g17(*v) : ""));
        }
        CHECK(row[13] == std::to_string(*res.ranks[u]));
    }
    // Spot checks against the independent COINr transcription (tests/data/index/coinr_reference.py):
    // BEL's i1 = (20 - 10)/(80 - 10)*100; AUT's i6 is missing; GRC ranks first, AUT last.
    CHECK(std::stod(t.rows[1][1]) == Catch::Approx(14.285714285714285).epsilon(1e-15));
    CHECK(t.rows[0][6].empty());
    CHECK(t.rows[6][13] == "1");
    CHECK(t.rows[0][13] == "8");
    CHECK(std::stod(t.rows[1][12]) == Catch::Approx(53.01441312310877).epsilon(1e-13));
}

TEST_CASE("index CLI: methods globally and per element", "[cli][index]") {
    const auto r =
        run(small + " --normalise minmax:1:100 --aggregate geometric --normalise i2=rank --aggregate P3=median");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto t = parse_csv(r.out);
    // i2 is lower-is-better: ranks of -x among {30, 12.5, 8, 22, 5.5, 15} -> 30 is 1st ... 5.5 is 6th.
    CHECK(t.rows[0][2] == "1");
    CHECK(t.rows[5][2] == "6");
    CHECK(t.rows[3][2].empty());
    // i1 on [1, 100]: AUT is the minimum.
    CHECK(t.rows[0][1] == "1");
    // P3 = weighted median of i5 (w 1) and i6 (w 3): i6 carries more than half the weight.
    CHECK(t.rows[1][9] == t.rows[1][6]);

    const auto json = run(small + " --format json --min-share 0.6");
    INFO(json.err);
    REQUIRE(json.status == 0);
    const auto j = nlohmann::json::parse(json.out);
    CHECK(j["spec"]["min_share"] == 0.6);
    CHECK(j["spec"]["normalise"]["method"] == "minmax");
    CHECK(j["columns"].size() == 12);
    CHECK(j["columns"][6]["id"] == "P1");
    CHECK(j["columns"][6]["level"] == 2);
    CHECK(j["index"] == "Index");
    REQUIRE(j["units"].size() == 8);
    CHECK(j["units"][0]["unit"] == "AUT");
    CHECK(j["units"][0]["name"] == "Austria");
    CHECK(j["units"][0]["values"][5].is_null());  // AUT's i6
    // With a 0.6 availability threshold, FIN's P2 (i3 missing, 1 of 2 children) is missing, and
    // only BEL and CHE keep an index (the reference script's case "min share 0.6").
    CHECK(j["units"][5]["values"][7].is_null());
    CHECK(j["units"][2]["rank"] == 1);
    CHECK(j["units"][1]["rank"] == 2);
    CHECK_FALSE(j["units"][0].contains("rank"));
    CHECK(j["units"][1]["index"].get<double>() == Catch::Approx(53.01441312310877).epsilon(1e-13));
}

TEST_CASE("index CLI: Markdown and HTML tables by rank", "[cli][index]") {
    const auto md = run(small + " --format md");
    REQUIRE(md.status == 0);
    CHECK(md.out.rfind("# Small index\n", 0) == 0);
    CHECK(md.out.find("| Rank | Unit | Name | Index | S1 | S2 | P1 | P2 | P3 |") != std::string::npos);
    CHECK(md.out.find("| 1 | GRC | Greece |") != std::string::npos);
    const auto html = run(small + " --format html");
    REQUIRE(html.status == 0);
    CHECK(html.out.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.out.find("<td>Greece</td>") != std::string::npos);
    CHECK(html.out.find("</html>") != std::string::npos);
    CHECK(html.out.find("<script") == std::string::npos);  // self-contained, no scripts
    CHECK(html.out.find("n/a") == std::string::npos);      // missing is "—", as everywhere
}

TEST_CASE("index CLI: a dxframe dataset - the DTI 2022 top five and the 2025 merger", "[cli][index]") {
    const auto r = run(dti + " --root dti922_pdti --normalise none --rank-decimals 4");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto t = parse_csv(r.out);
    CHECK(t.header.front() == "uCode");
    CHECK(t.header[t.header.size() - 2] == "dti922_pdti");
    REQUIRE(t.rows.size() == 6);  // five provinces with published values and Quảng Nam
    const double published[] = {0.8002, 0.7163, 0.7024, 0.6975, 0.6924};
    for (std::size_t u = 0; u < 5; ++u) {
        const double v = std::stod(t.rows[u][t.header.size() - 2]);
        CHECK(std::abs(std::round(v * 1e4) / 1e4 - published[u]) <= 1.0001e-4);
        CHECK(t.rows[u].back() == std::to_string(u + 1));
    }
    CHECK(std::stod(t.rows[0][t.header.size() - 2]) == Catch::Approx(0.800175).epsilon(1e-14));

    // Đà Nẵng and Quảng Nam -> the new Đà Nẵng city: the mean of each main indicator.
    const auto m = run(dti + " --root dti922_pdti --normalise none --merge-successors");
    INFO(m.err);
    REQUIRE(m.status == 0);
    const auto mt = parse_csv(m.out);
    REQUIRE(mt.rows.size() == 5);
    CHECK(mt.rows[0][0] == "vn_danang_2025");
    CHECK(std::stod(mt.rows[0][1]) == Catch::Approx(0.9));
    CHECK(std::stod(mt.rows[0][mt.header.size() - 2]) == Catch::Approx(0.6913575).epsilon(1e-13));

    // Periods: up to 2021 only Đà Nẵng's (illustrative) 2021 awareness value exists.
    const auto early = run(dti + " --root dti922_pdti --normalise none --as-of 2021-12-31");
    REQUIRE(early.status == 0);
    const auto et = parse_csv(early.out);
    REQUIRE(et.rows.size() == 1);
    CHECK(et.rows[0][1] == "0.5");
    const auto y = run(dti + " --root dti922_pdti --normalise none --year 2022");
    REQUIRE(y.status == 0);
    CHECK(parse_csv(y.out).rows[0][1] == "1");
    const auto none = run(dti + " --root dti922_pdti --year 2019");
    CHECK(none.status == 1);
    CHECK(none.err.find("no entity has an observation") != std::string::npos);
}

TEST_CASE("index CLI: -o writes the file, the format follows its extension", "[cli][index]") {
    const fs::path out = scratch_path("result.json");
    const auto r = run(small + " -o \"" + out.string() + "\"");
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    const auto j = nlohmann::json::parse(slurp(out));
    CHECK(j["units"].size() == 8);
    std::error_code ec;
    fs::remove(out, ec);
}

TEST_CASE("index CLI: exit codes", "[cli][index]") {
    SECTION("usage errors: 2, with the reason and the usage") {
        for (const std::string& args : std::vector<std::string>{
                 "", small + " " + dti, "--data x.csv", small + " --normalise minmax:a:b",
                 small + " --normalise nope=rank", small + " --aggregate genmean:0", small + " --min-share 2",
                 small + " --format xml", small + " --root x", dti + " --as-of 2024-02-30", small + " --bogus"}) {
            INFO(args);
            const auto r = run(args);
            CHECK(r.status == 2);
            CHECK(r.err.find("Usage: dxframe index") != std::string::npos);
        }
        const auto r = run(small + " --normalise minmax:a:b");
        CHECK(r.err.find("'a' in 'minmax:a:b' is not a finite number") != std::string::npos);
        const auto unknown = run(small + " --normalise nope=rank");
        CHECK(unknown.err.find("no indicator 'nope'") != std::string::npos);
    }
    SECTION("a file that cannot be read: 2") {
        const auto r = run("--data /nonexistent/iData.csv --meta /nonexistent/iMeta.csv");
        CHECK(r.status == 2);
        CHECK_FALSE(r.err.empty());
    }
    SECTION("tables that break COINr's rules: 1, each problem with file, line and field") {
        const fs::path meta = scratch_path("iMeta.csv");
        std::ofstream(meta) << slurp(data_dir + "small_iMeta.csv")
                                   .replace(slurp(data_dir + "small_iMeta.csv").find("1,i2,Processing days,-1"), 23,
                                            "1,i2,Processing days,-2");
        const auto r = run("--data \"" + data_dir + "small_iData.csv\" --meta \"" + meta.string() + "\"");
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find(meta.string() + ":3:4: error invalid_metadata: Direction '-2' is not -1 or 1") !=
              std::string::npos);
        std::error_code ec;
        fs::remove(meta, ec);
    }
    SECTION("a method the data cannot take: 1") {
        const auto r = run(small + " --aggregate geometric");
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find("error invalid_input_for_method: node 'P1': the geometric mean needs values > 0, but entity "
                         "'AUT' has 0 for 'i1'") != std::string::npos);
    }
    SECTION("warnings: 0, output written, the warning on standard error") {
        const fs::path data = scratch_path("iData.csv");
        std::string text = slurp(data_dir + "small_iData.csv");
        // Make i5 the same for every unit: zero range, so minmax leaves it missing.
        const auto t = dxframe::read_csv(text);
        REQUIRE(t.ok());
        std::vector<std::vector<std::string>> rows{t.table->header};
        for (auto row : t.table->rows) {
            row[8] = "500";
            rows.push_back(row);
        }
        std::ofstream(data) << dxframe::write_csv(rows, "\n");
        const auto r = run("--data \"" + data.string() + "\" --meta \"" + data_dir + "small_iMeta.csv\"");
        CHECK(r.status == 0);
        CHECK(r.err.find("warning insufficient_data: indicator 'i5': all values are equal (zero range)") !=
              std::string::npos);
        const auto out = parse_csv(r.out);
        CHECK(out.rows[0][5].empty());
        std::error_code ec;
        fs::remove(data, ec);
    }
}

#endif  // DXFRAME_CLI_PATH
