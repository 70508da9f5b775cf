// SPDX-License-Identifier: MIT
// `dxframe uncertainty` and `dxframe sensitivity` as a user runs them: the real executable on
// ASEM's COINr tables — its exact CSV layout, agreement with the library, byte-identical output
// for any --threads, failure reporting, the other formats, a dataset FILE, and exit codes.
#include "catch_compat.hpp"
#include "cli_runner.hpp"

#ifdef DXFRAME_CLI_PATH

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/io/coinr.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/uncertainty.hpp>

#if !defined(_WIN32)
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

namespace fs = std::filesystem;

const std::string asem_dir = std::string(DXFRAME_TEST_DATA_DIR) + "/asem/";
const std::string asem = "--data \"" + asem_dir + "iData.csv\" --meta \"" + asem_dir + "iMeta.csv\"";
const std::string vignette =
    " --weight-noise 2:0.25,3:0.25 --normalise-alternatives minmax:1:100,zscore:10:2"
    " --aggregate-alternatives arithmetic,geometric";

using dxframe_test::run_result;
using dxframe_test::scratch_path;
using dxframe_test::slurp;

run_result run(const std::string& args) {
    return dxframe_test::run_cli("" + args);
}

dxframe::csv_table parse_csv(const std::string& text) {
    auto r = dxframe::read_csv(text);
    REQUIRE(r.ok());
    return *r.table;
}

std::string num17(const std::optional<double>& v) {
    if (!v) return "";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", *v);
    return buf;
}

dxframe::coinr_data load_asem() {
    auto imp = dxframe::import_coinr(slurp(asem_dir + "iData.csv"), slurp(asem_dir + "iMeta.csv"));
    REQUIRE(imp.ok());
    return std::move(*imp.data);
}

}  // namespace

TEST_CASE("uncertainty prints uCode,Nominal,Mean,Median,Q5,Q95 as the library computes it", "[uncertainty][cli]") {
    const run_result r = run("uncertainty " + asem + vignette + " --runs 300 --seed 7 --threads 2");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find('\r') == std::string::npos);  // no progress bar: stderr is not a terminal
    const auto table = parse_csv(r.out);
    CHECK(table.header == std::vector<std::string>{"uCode", "Nominal", "Mean", "Median", "Q5", "Q95"});
    REQUIRE(table.rows.size() == 51);

    // The same analysis through the library, printed with 17 significant digits.
    const dxframe::coinr_data a = load_asem();
    dxframe::uncertainty_plan plan;
    plan.weight_noise = {{2, 0.25}, {3, 0.25}};
    dxframe::normalisation mm;
    mm.lower = 1;
    mm.upper = 100;
    dxframe::normalisation z;
    z.method = dxframe::normaliser::zscore;
    z.mean = 10;
    z.sd = 2;
    plan.normalise_alternatives = {mm, z};
    plan.aggregate_alternatives = {{dxframe::aggregation::arithmetic, 1.0}, {dxframe::aggregation::geometric, 1.0}};
    dxframe::uncertainty_options opt;
    opt.runs = 300;
    opt.seed = 7;
    const auto lib = dxframe::run_uncertainty(a.tree, a.values, a.units, {}, plan, opt);
    REQUIRE(lib.ok());
    for (std::size_t u = 0; u < 51; ++u) {
        const auto& row = table.rows[u];
        const auto& s = lib.ranks[u];
        CHECK(row[0] == a.units[u]);  // input order
        CHECK(row[1] == std::to_string(*s.nominal));
        CHECK(row[2] == num17(s.mean));
        CHECK(row[3] == num17(s.median));
        CHECK(row[4] == num17(s.q5));
        CHECK(row[5] == num17(s.q95));
    }
}

TEST_CASE("uncertainty and sensitivity output does not depend on --threads", "[uncertainty][cli]") {
    const std::string ua = "uncertainty " + asem + vignette + " --runs 200 --seed 11 --scores";
    const run_result one = run(ua + " --threads 1");
    const run_result two = run(ua + " --threads 2");
    const run_result four = run(ua + " --threads 4");
    REQUIRE(one.status == 0);
    CHECK(parse_csv(one.out).header.size() == 11);  // with the Score_* columns
    CHECK(two.out == one.out);
    CHECK(four.out == one.out);

    const std::string sa = "sensitivity " + asem + vignette + " --runs 30 --seed 11 --bootstrap 100";
    const run_result s1 = run(sa + " --threads 1");
    const run_result s2 = run(sa + " --threads 2");
    INFO(s1.err);
    REQUIRE(s1.status == 0);
    CHECK(s2.out == s1.out);
    const auto table = parse_csv(s1.out);
    CHECK(table.header == std::vector<std::string>{"Input", "Si", "Si_Q5", "Si_Q95", "STi", "STi_Q5", "STi_Q95"});
    REQUIRE(table.rows.size() == 4);
    CHECK(table.rows[0][0] == "weights level 2");
    CHECK(table.rows[1][0] == "weights level 3");
    CHECK(table.rows[2][0] == "normaliser");
    CHECK(table.rows[3][0] == "aggregator");
    for (const auto& row : table.rows) {
        for (std::size_t c = 1; c < 7; ++c)
            CHECK_FALSE(row[c].empty());
    }
    // Another seed gives other numbers.
    CHECK(run(sa + " --seed 12").out != s1.out);
}

TEST_CASE("json and md formats, sensitivity targets", "[uncertainty][cli]") {
    const run_result j = run("uncertainty " + asem + vignette + " --runs 50 --format json");
    REQUIRE(j.status == 0);
    const auto doc = nlohmann::json::parse(j.out);
    CHECK(doc.at("runs") == 50);
    CHECK(doc.at("ranks").size() == 51);
    CHECK(doc.at("inputs").size() == 4);
    CHECK(doc.at("normalisers").at(1).at("method") == "zscore");

    const run_result m = run("uncertainty " + asem + vignette + " --runs 50 --format md");
    REQUIRE(m.status == 0);
    CHECK(m.out.find("| Unit | Nominal | Mean | Median | Q5 | Q95 |") != std::string::npos);

    const run_result t = run("sensitivity " + asem + vignette + " --runs 20 --target rank:AUT --format json");
    REQUIRE(t.status == 0);
    const auto sdoc = nlohmann::json::parse(t.out);
    CHECK(sdoc.at("target") == "unit_rank");
    CHECK(sdoc.at("unit") == "AUT");
    CHECK(sdoc.at("runs") == 20 * 6);
    const run_result sm = run("sensitivity " + asem + vignette + " --runs 20 --target score:AUT --format md");
    REQUIRE(sm.status == 0);
    CHECK(sm.out.find("index value of AUT") != std::string::npos);
}

TEST_CASE("failed replications are reported on stderr: a failed nominal index is exit 1", "[uncertainty][cli]") {
    // minmax:0:100 gives each indicator's lowest unit a 0, which the geometric mean cannot take.
    const run_result r = run("uncertainty " + asem +
                             " --normalise-alternatives minmax:0:100 --aggregate-alternatives arithmetic,geometric"
                             " --runs 40 --seed 1");
    REQUIRE(r.status == 0);
    CHECK(r.err.find("replications failed") != std::string::npos);
    CHECK(r.err.find("minmax:0:100 + geometric") != std::string::npos);
    CHECK(parse_csv(r.out).rows.size() == 51);

    const run_result n = run("uncertainty " + asem +
                             " --normalise minmax:0:100 --aggregate-alternatives geometric,arithmetic --runs 10");
    CHECK(n.status == 1);
    CHECK(n.out.empty());
    CHECK(n.err.find("nominal index") != std::string::npos);
}

TEST_CASE("a dataset FILE is read as dxframe index reads it", "[uncertainty][cli]") {
    const std::string file = "\"" + std::string(DXFRAME_TEST_DATA_DIR) + "/index/dti2022_top5.json\"";
    const run_result r = run("uncertainty " + file + " --weight-noise 1:0.3 --runs 100 --seed 3");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto table = parse_csv(r.out);
    CHECK(table.rows.size() >= 2);
    for (const auto& row : table.rows)
        CHECK_FALSE(row[1].empty());

    // With --root, the nominal ranks are `dxframe index`'s ranks for the same input, unit by unit.
    const run_result u = run("uncertainty " + file + " --root dti922_pdti --weight-noise 2:0.2 --runs 50");
    const run_result i = run("index " + file + " --root dti922_pdti --format csv");
    REQUIRE(u.status == 0);
    REQUIRE(i.status == 0);
    const auto ut = parse_csv(u.out);
    const auto it = parse_csv(i.out);
    REQUIRE(ut.rows.size() == it.rows.size());
    REQUIRE(ut.rows.size() >= 5);
    for (std::size_t k = 0; k < ut.rows.size(); ++k) {
        CHECK(ut.rows[k][0] == it.rows[k][0]);
        CHECK(ut.rows[k][1] == it.rows[k].back());
    }
    CHECK(run("uncertainty " + asem + " --root x --weight-noise 2:0.2").status == 2);  // --root is for a FILE
}

TEST_CASE("usage errors exit 2", "[uncertainty][cli]") {
    CHECK(run("uncertainty " + asem + " --runs 10").status == 2);                              // nothing uncertain
    CHECK(run("uncertainty " + asem + " --weight-noise 2:1.5").status == 2);                   // factor > 1
    CHECK(run("uncertainty " + asem + " --weight-noise 9:0.2").status == 2);                   // no level 9
    CHECK(run("uncertainty " + asem + " --weight-noise 2:0.2,2:0.1").status == 2);             // level twice
    CHECK(run("uncertainty " + asem + " --normalise-alternatives minmax,bogus").status == 2);  // bad SPEC
    CHECK(run("uncertainty " + asem + " --weight-noise 2:0.2 --runs 0").status == 2);
    CHECK(run("uncertainty " + asem + " --weight-noise 2:0.2 --threads x").status == 2);
    CHECK(run("uncertainty " + asem + " --weight-noise 2:0.2 --format xml").status == 2);
    CHECK(run("uncertainty --weight-noise 2:0.2").status == 2);  // no input
    CHECK(run("sensitivity " + asem + " --weight-noise 2:0.2 --target rank:NOWHERE").status == 2);
    CHECK(run("sensitivity " + asem + " --weight-noise 2:0.2 --target median").status == 2);
    CHECK(run("uncertainty --data /nonexistent/iData.csv --meta /nonexistent/iMeta.csv --weight-noise 2:0.2").status ==
          2);
    const run_result help = run("uncertainty --help");
    CHECK(help.status == 0);
    CHECK(help.out.find("--weight-noise") != std::string::npos);
}

#endif  // DXFRAME_CLI_PATH
