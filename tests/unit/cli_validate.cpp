// SPDX-License-Identifier: MIT
// `dxframe validate` as a user runs it: the real executable, its exit status, its text and JSON
// output. The clean sample passes; the sample with ten planted defects reports exactly those ten,
// each with its code and the JSON Pointer of the member that was changed.
#include "catch_compat.hpp"
#include "cli_runner.hpp"

#ifdef DXFRAME_CLI_PATH

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#if !defined(_WIN32)
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

namespace fs = std::filesystem;

const std::string data_dir = DXFRAME_TEST_DATA_DIR;
const std::string sample = data_dir + "/../../examples/data/vietnam-sample.json";
const std::string planted = data_dir + "/planted/ten_defects.json";

using dxframe_test::run_result;
using dxframe_test::scratch;
using dxframe_test::slurp;

// Runs `dxframe ARGS [< stdin_file]`.
run_result run(const std::string& args, const std::string& stdin_file = "") {
    return dxframe_test::run_cli(args, stdin_file);
}

std::string q(const std::string& path) {
    return "\"" + path + "\"";
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("cli validate: the clean sample passes with no diagnostics at all", "[cli][validate]") {
    const auto r = run("validate " + q(sample));
    CHECK(r.status == 0);
    CHECK(r.out == sample + ": 0 errors, 0 warnings, 0 notes\n");
    CHECK(r.err.empty());
    const auto j = run("validate --format json " + q(sample));
    CHECK(j.status == 0);
    CHECK(nlohmann::json::parse(j.out) == nlohmann::json::array());
}

TEST_CASE("cli validate: each of the ten planted defects is reported at its exact path", "[cli][validate]") {
    const auto r = run("validate --format json " + q(planted));
    REQUIRE(r.status == 1);
    CHECK(r.err.empty());
    const auto diags = nlohmann::json::parse(r.out);
    REQUIRE(diags.is_array());
    // The ten changes made to the clean sample (see tests/data/planted): code -> member changed.
    const std::set<std::pair<std::string, std::string>> expected = {
        {"duplicate_id", "/framework/tasks/3/id"},
        {"unknown_reference", "/observations/38/entity"},
        {"value_out_of_bounds", "/observations/28/value"},
        {"numerator_exceeds_denominator", "/observations/0/numerator"},
        {"deadline_before_baseline", "/framework/targets/3/deadline"},
        {"target_on_wrong_side_of_baseline", "/framework/targets/9/kind"},
        {"milestone_out_of_order", "/framework/targets/4/milestones/0/date"},
        {"hierarchy_cycle", "/framework/nodes/0/parent"},
        {"invalid_succession", "/entities/11/effective"},
        {"conflicting_observations", "/observations/41/value"},
    };
    std::set<std::pair<std::string, std::string>> found;
    std::set<std::string> codes;
    for (const auto& d : diags) {
        CHECK(d.at("file") == planted);
        CHECK(d.at("severity") == "error");
        CHECK_FALSE(d.at("message").get<std::string>().empty());
        found.emplace(d.at("code").get<std::string>(), d.at("path").get<std::string>());
        codes.insert(d.at("code").get<std::string>());
    }
    CHECK(found == expected);   // each planted defect, and nothing else
    CHECK(codes.size() == 10);  // ten different codes
    CHECK(diags.size() == 10);

    // The messages name the values involved.
    for (const auto& d : diags) {
        const std::string msg = d.at("message");
        if (d.at("code") == "numerator_exceeds_denominator") CHECK(contains(msg, "64/63"));
        if (d.at("code") == "value_out_of_bounds") CHECK(contains(msg, "791"));
        if (d.at("code") == "unknown_reference") CHECK(contains(msg, "'vn_ha_noi'"));
        if (d.at("code") == "conflicting_observations") {
            CHECK(contains(msg, "18.3"));
            CHECK(contains(msg, "/observations/25 reports 13.17"));
        }
        if (d.at("code") == "duplicate_id") CHECK(contains(msg, "'tb369_vneid_utilities'"));
    }
}

TEST_CASE("cli validate: text output, several files, one summary each", "[cli][validate]") {
    const auto r = run("validate " + q(planted) + " " + q(sample));
    CHECK(r.status == 1);  // one file with errors is enough
    std::vector<std::string> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    REQUIRE(lines.size() == 12);  // 10 diagnostics + 2 summaries
    CHECK(lines[0] == planted +
                          ": /framework/nodes/0/parent: error hierarchy_cycle: node 'vn_dx' is its own ancestor: "
                          "'vn_dx' -> 'pillar_institutions' -> 'vn_dx'");
    CHECK(lines[10] == planted + ": 10 errors, 0 warnings, 0 notes");
    CHECK(lines[11] == sample + ": 0 errors, 0 warnings, 0 notes");
}

TEST_CASE("cli validate: every file in tests/data/valid passes", "[cli][validate]") {
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(data_dir + "/valid")) {
        if (entry.path().extension() != ".json") continue;
        ++n;
        const auto r = run("validate --format json " + q(entry.path().string()));
        INFO(entry.path().string() << "\n" << r.out << r.err);
        CHECK(r.status == 0);
        CHECK(nlohmann::json::parse(r.out).empty());
    }
    CHECK(n >= 2);
}

TEST_CASE("cli validate: standard input, syntax errors with line and column", "[cli][validate]") {
    const auto r = run("validate -", planted);
    CHECK(r.status == 1);
    CHECK(contains(r.out, "<stdin>: /observations/0/numerator: error numerator_exceeds_denominator:"));
    CHECK(contains(r.out, "<stdin>: 10 errors, 0 warnings, 0 notes"));

    scratch s;
    const auto bad = s.file("bad.json", "{\n  \"format\": \"dxframe/1\",\n  \"framework\": [1, 2,]\n}\n");
    const auto b = run("validate " + q(bad.string()));
    CHECK(b.status == 1);
    CHECK(contains(b.out, bad.string() + ":3:"));  // FILE:LINE:COL at the stray comma's line
    CHECK(contains(b.out, "error invalid_json:"));
    CHECK(contains(b.out, "(not loaded, so the dataset rules were not checked)"));
    const auto bj = run("validate --format json " + q(bad.string()));
    const auto j = nlohmann::json::parse(bj.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0].at("code") == "invalid_json");
    CHECK(j[0].at("line") == 3);
    CHECK(j[0].contains("column"));
}

TEST_CASE("cli validate: --lenient turns unknown members into warnings", "[cli][validate]") {
    scratch s;
    const auto doc = s.file("extra.json", R"({"format": "dxframe/1",
 "framework": {"id": "f", "name": {"vi": "f", "en": "f"}, "nation": "vn", "colour": "red",
   "indicators": [{"id": "x", "name": {"vi": "x", "en": "x"}, "unit": "count", "direction": "higher_is_better"}]},
 "entities": [{"id": "vn", "name": {"vi": "Việt Nam", "en": "Viet Nam"}, "level": "nation"}]})");
    const auto strict = run("validate --format json " + q(doc.string()));
    CHECK(strict.status == 1);
    auto j = nlohmann::json::parse(strict.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0].at("code") == "unknown_field");
    CHECK(j[0].at("severity") == "error");
    CHECK(j[0].at("path") == "/framework/colour");

    const auto lenient = run("validate --lenient --format json " + q(doc.string()));
    CHECK(lenient.status == 0);
    j = nlohmann::json::parse(lenient.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0].at("code") == "unknown_field");
    CHECK(j[0].at("severity") == "warning");
}

TEST_CASE("cli validate: warnings and notes do not fail: --min-severity filters the lines", "[cli][validate]") {
    scratch s;
    // A target met at its baseline (warning) and an observation without a source (note).
    const auto doc = s.file("soft.json", R"({"format": "dxframe/1",
 "framework": {"id": "f", "name": {"vi": "f", "en": "f"}, "nation": "vn",
   "indicators": [{"id": "x", "name": {"vi": "x", "en": "x"}, "unit": "percent", "direction": "higher_is_better"}],
   "targets": [{"id": "t", "indicator": "x", "kind": "at_least", "value": 50, "deadline": "2025-12-31",
                "baseline": {"date": "2020-12-31", "value": 60}, "source": {"reference": "Plan"}}]},
 "entities": [{"id": "vn", "name": {"vi": "Việt Nam", "en": "Viet Nam"}, "level": "nation"}],
 "observations": [{"entity": "vn", "indicator": "x", "date": "2024-12-31", "value": 70}]})");
    const auto all = run("validate " + q(doc.string()));
    CHECK(all.status == 0);
    CHECK(contains(all.out,
                   ": /framework/targets/0/value: warning target_met_at_baseline: target 't' (at_least 50) is "
                   "already met by its baseline 60 (2020-12-31)\n"));
    CHECK(contains(all.out, ": /observations/0/source: info missing_source: "));
    CHECK(contains(all.out, ": 0 errors, 1 warning, 1 note\n"));

    const auto warn = run("validate --min-severity warning " + q(doc.string()));
    CHECK(warn.status == 0);
    CHECK(contains(warn.out, "target_met_at_baseline"));
    CHECK_FALSE(contains(warn.out, "missing_source"));
    CHECK(contains(warn.out, ": 0 errors, 1 warning, 1 note\n"));  // the summary still counts it

    const auto err = run("validate --format json --min-severity error " + q(doc.string()));
    CHECK(err.status == 0);
    CHECK(nlohmann::json::parse(err.out).empty());
}

TEST_CASE("cli validate: usage and I/O errors exit 2", "[cli][validate]") {
    const auto none = run("validate");
    CHECK(none.status == 2);
    CHECK(contains(none.err, "no FILE given"));
    CHECK(contains(none.err, "Usage: dxframe validate FILE..."));
    CHECK(run("validate --format xml " + q(sample)).status == 2);
    CHECK(run("validate --min-severity fatal " + q(sample)).status == 2);
    CHECK(run("validate --strict " + q(sample)).status == 2);
    CHECK(run("validate - -", sample).status == 2);

    // A missing file: reported on stderr, the other files are still checked, exit 2.
    const std::string missing = (fs::temp_directory_path() / "dxframe_no_such_file.json").string();
    const auto r = run("validate " + q(missing) + " " + q(planted));
    CHECK(r.status == 2);
    CHECK(contains(r.err, "cannot open '" + missing + "'"));
    CHECK(contains(r.out, planted + ": 10 errors, 0 warnings, 0 notes"));

    const auto help = run("validate --help");
    CHECK(help.status == 0);
    CHECK(contains(help.out, "--min-severity"));
    CHECK(contains(help.out, "Exit status: 0 when no file has errors"));
}

TEST_CASE("cli validate: ten mixed problems, the loader's and the rules', all in one run", "[cli][validate][partial]") {
    const std::string mixed = data_dir + "/planted/ten_mixed_defects.json";
    // The loader's five (a wrong type, a bad enum, a missing member, "2024-02-30", "NaN"), then
    // the rules' five on what loaded, each at its document path.
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"type_mismatch", "/framework/nodes/1/weight"},
        {"invalid_enum_value", "/framework/indicators/7/unit"},
        {"missing_required_field", "/entities/5/level"},
        {"invalid_date", "/observations/9/date"},
        {"non_finite_value", "/observations/35/value"},
        {"deadline_before_baseline", "/framework/targets/3/deadline"},
        {"duplicate_id", "/framework/tasks/3/id"},
        {"numerator_exceeds_denominator", "/observations/0/numerator"},
        {"value_out_of_bounds", "/observations/28/value"},
        {"unknown_reference", "/observations/33/entity"},
    };
    const auto r = run("validate --format json " + q(mixed));
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    const auto diags = nlohmann::json::parse(r.out);
    std::vector<std::pair<std::string, std::string>> found;
    std::set<std::string> codes;
    for (const auto& d : diags) {
        CHECK(d.at("file") == mixed);
        CHECK(d.at("severity") == "error");
        found.emplace_back(d.at("code").get<std::string>(), d.at("path").get<std::string>());
        codes.insert(d.at("code").get<std::string>());
    }
    CHECK(found == expected);
    CHECK(codes.size() == 10);  // ten different kinds

    const auto text = run("validate " + q(mixed));
    CHECK(text.status == 1);
    CHECK(contains(text.out, mixed + ": /observations/9/date: error invalid_date: \"2024-02-30\" is not a valid date"));
    CHECK(contains(text.out, mixed + ": /observations/33/entity: error unknown_reference: "));
    CHECK(contains(text.out, mixed + ": 10 errors, 0 warnings, 0 notes\n"));
    CHECK_FALSE(contains(text.out, "not loaded"));

    // progress and scorecard say the same on standard error, compute nothing, and exit 1.
    for (const char* command : {"progress", "scorecard"}) {
        INFO(command);
        const auto c = run(std::string(command) + " " + q(mixed));
        CHECK(c.status == 1);
        CHECK(c.out.empty());
        for (const auto& [code, path] : expected)
            CHECK(contains(c.err, mixed + ": " + path + ": error " + code + ": "));
    }
}

#endif  // DXFRAME_CLI_PATH
