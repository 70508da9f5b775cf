// SPDX-License-Identifier: MIT
// `dxframe audit` and `dxframe profile` as a user runs them on COINr's ASEM tables and on a
// dxframe/1 dataset: the outputs carry the library's numbers (run_audit, profile_unit on the
// same input), every format renders, and bad input gives exit 1 or 2 with a message.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include <dxframe/index.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/file.hpp>

#include "catch_compat.hpp"
#include "cli_runner.hpp"

#ifdef DXFRAME_CLI_PATH

namespace {

const std::string data_dir = std::string(DXFRAME_TEST_DATA_DIR) + "/";
const std::string asem = "--data \"" + data_dir + "asem/iData.csv\" --meta \"" + data_dir + "asem/iMeta.csv\"";

std::string g17(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

dxframe::csv_table parse_csv(const std::string& text) {
    auto r = dxframe::read_csv(text);
    REQUIRE(r.ok());
    return *r.table;
}

// The ASEM index input and its computation with the default methods, in-process.
struct asem_computed {
    dxframe::index_input in;
    dxframe::index_result res;
    asem_computed() {
        auto built = dxframe::coinr_index_input(dxframe::read_file(data_dir + "asem/iData.csv"),
                                                dxframe::read_file(data_dir + "asem/iMeta.csv"));
        REQUIRE(built.ok());
        in = *built.input;
        res = dxframe::compute_index(in.tree, in.values, in.units);
        REQUIRE(res.ok());
    }
};

}  // namespace

TEST_CASE("audit CLI: the statistics and flags of the library's run_audit, in every format", "[cli][audit]") {
    const asem_computed a;
    const dxframe::audit_result expected = dxframe::run_audit(a.in.tree, a.res.normalised, &a.res.aggregates);

    const auto r = dxframe_test::run_cli("audit " + asem);
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto table = parse_csv(r.out);
    REQUIRE(table.rows.size() == expected.columns.size());
    const std::size_t mean_col = 10;
    REQUIRE(table.header.at(mean_col) == "mean");
    for (std::size_t i = 0; i < expected.columns.size(); ++i) {
        INFO(expected.columns[i].id);
        CHECK(table.rows[i][0] == expected.columns[i].id);
        REQUIRE(expected.columns[i].statistics.mean);
        CHECK(table.rows[i][mean_col] == g17(*expected.columns[i].statistics.mean));
    }

    const auto flags = parse_csv(dxframe_test::run_cli("audit " + asem + " --table flags").out);
    REQUIRE(flags.rows.size() == expected.flags.size());
    REQUIRE_FALSE(flags.rows.empty());  // ASEM has pairs above 0.9 within one group
    CHECK(flags.rows[0][1] == expected.flags[0].first);
    // A lower threshold flags more pairs; 'none' flags none.
    CHECK(parse_csv(dxframe_test::run_cli("audit " + asem + " --table flags --flag-above 0.7").out).rows.size() >
          flags.rows.size());
    CHECK(parse_csv(dxframe_test::run_cli("audit " + asem + " --table flags --flag-above none").out).rows.empty());

    const auto json = nlohmann::json::parse(dxframe_test::run_cli("audit " + asem + " --format json").out);
    CHECK(json.at("columns").size() == expected.columns.size());
    CHECK(json.at("groups").size() == expected.groups.size());
    const auto md = dxframe_test::run_cli("audit " + asem + " --format md --lang vi");
    CHECK(md.status == 0);
    CHECK(md.out.rfind("# ", 0) == 0);
    const auto html = dxframe_test::run_cli("audit " + asem + " --format html");
    CHECK(html.status == 0);
    CHECK(html.out.find("<svg") != std::string::npos);
    CHECK(html.out.find("<script") == std::string::npos);

    // Raw indicator values: the statistics of the input, not of the normalised table.
    const auto raw = parse_csv(dxframe_test::run_cli("audit " + asem + " --dset raw").out);
    const dxframe::audit_result raw_expected = dxframe::run_audit(a.in.tree, a.in.values, &a.res.aggregates);
    REQUIRE(raw.rows.size() == raw_expected.columns.size());
    CHECK(raw.rows[0][mean_col] == g17(*raw_expected.columns[0].statistics.mean));
}

TEST_CASE("audit CLI: usage errors exit 2 naming the option", "[cli][audit]") {
    for (const char* bad :
         {"--table nope", "--dset treated", "--flag-above 2", "--significance 0", "--format json --table flags"}) {
        INFO(bad);
        const auto r = dxframe_test::run_cli("audit " + asem + " " + bad);
        CHECK(r.status == 2);
        CHECK_FALSE(r.err.empty());
    }
    const auto none = dxframe_test::run_cli("audit");
    CHECK(none.status == 2);
    CHECK(none.err.find("which input?") != std::string::npos);
}

TEST_CASE("profile CLI: a unit's strengths and weaknesses as the library's profile_unit", "[cli][profile]") {
    const asem_computed a;
    const dxframe::unit_profile expected = dxframe::profile_unit(a.in.tree, a.in.values, a.in.units, "AUT");
    REQUIRE(expected.ok());
    const auto r = dxframe_test::run_cli("profile AUT " + asem + " --format json");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto json = nlohmann::json::parse(r.out);
    REQUIRE(json.at("strengths").size() == expected.strengths.size());
    REQUIRE(json.at("weaknesses").size() == expected.weaknesses.size());
    for (std::size_t i = 0; i < expected.strengths.size(); ++i) {
        CHECK(json.at("strengths")[i].at("indicator") == expected.strengths[i].indicator);
        CHECK(json.at("strengths")[i].at("rank") == expected.strengths[i].rank);
    }
    // --top / --bottom, and every format.
    const auto three =
        nlohmann::json::parse(dxframe_test::run_cli("profile AUT " + asem + " --format json --top 3 --bottom 2").out);
    CHECK(three.at("strengths").size() == 3);
    CHECK(three.at("weaknesses").size() == 2);
    for (const char* f : {"csv", "md", "html"}) {
        INFO(f);
        const auto out = dxframe_test::run_cli("profile AUT " + asem + " --format " + f);
        CHECK(out.status == 0);
        // CSV names the indicator by id, the pages by name.
        const std::string& shown =
            std::string(f) == "csv" ? expected.strengths[0].indicator : expected.strengths[0].name;
        CHECK(out.out.find(shown) != std::string::npos);
    }
    // Normalised values are already oriented: direction is not applied again.
    const dxframe::unit_profile norm = [&] {
        dxframe::profile_options o;
        o.apply_direction = false;
        return dxframe::profile_unit(a.in.tree, a.res.normalised, a.in.units, "AUT", o);
    }();
    const auto n =
        nlohmann::json::parse(dxframe_test::run_cli("profile AUT " + asem + " --dset normalised --format json").out);
    REQUIRE(n.at("strengths").size() == norm.strengths.size());
    CHECK(n.at("strengths")[0].at("indicator") == norm.strengths[0].indicator);
}

TEST_CASE("profile CLI: an unknown unit exits 1 naming it: a missing unit or a bad count exits 2", "[cli][profile]") {
    const auto unknown = dxframe_test::run_cli("profile XXX " + asem);
    CHECK(unknown.status == 1);
    CHECK(unknown.err.find("'XXX'") != std::string::npos);
    const auto missing = dxframe_test::run_cli("profile " + asem);
    CHECK(missing.status == 2);
    CHECK(missing.err.find("which unit?") != std::string::npos);
    CHECK(dxframe_test::run_cli("profile AUT " + asem + " --top -1").status == 2);
    CHECK(dxframe_test::run_cli("profile AUT " + asem + " --top 2.5").status == 2);
}

#endif
