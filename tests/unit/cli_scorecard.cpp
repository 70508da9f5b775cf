// SPDX-License-Identifier: MIT
// `dxframe` and `dxframe scorecard` as a user runs them: the real executable, its exit status
// and output. With no arguments it prints the embedded Vietnam scorecard (every pillar, at
// least 50 targets with statuses, 80 columns, no colour when not on a terminal).
#include "catch_compat.hpp"
#include "cli_runner.hpp"

#ifdef DXFRAME_CLI_PATH

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/io/dataset_json.hpp>
#include <dxframe/model/pillar.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/text_width.hpp>

#include "report_fixture.hpp"

#if !defined(_WIN32)
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

namespace fs = std::filesystem;

using dxframe_test::run_result;
using dxframe_test::scratch;
using dxframe_test::slurp;

// Runs `dxframe ARGS [< stdin_file]` with the locale variables set to `lang` (so the default
// language is known).
run_result run(const std::string& args, const std::string& lang = "en_US.UTF-8", const std::string& stdin_file = "") {
    return dxframe_test::run_cli(args, stdin_file, "env LC_ALL= LC_MESSAGES= NO_COLOR= LANG=" + lang + " ");
}

std::string q(const fs::path& path) {
    return "\"" + path.string() + "\"";
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        out.push_back(line);
    return out;
}

// Lines of the target list: two spaces, a status, a space.
std::size_t target_lines(const std::string& text, dxframe::language lang) {
    std::size_t n = 0;
    for (const auto& l : lines_of(text)) {
        for (std::size_t k = 0; k < dxframe::target_status_count; ++k) {
            const auto s = static_cast<dxframe::target_status>(k);
            if (l.rfind("  " + std::string(dxframe::status_short_label(s, lang)) + " ", 0) == 0) ++n;
        }
    }
    return n;
}

}  // namespace

TEST_CASE("cli scorecard: no arguments prints the Vietnam scorecard, every pillar, 50+ targets", "[cli][scorecard]") {
    const auto r = run("");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "Digital transformation scorecard \u2014 Viet Nam"));
    for (const dxframe::pillar p : dxframe::all_pillars) {
        INFO(dxframe::pillar_name(p).en);
        CHECK(contains(r.out, dxframe::pillar_name(p).en));
    }
    CHECK(target_lines(r.out, dxframe::language::en) >= 50);
    CHECK(contains(r.out, "Overdue tasks"));
    CHECK_FALSE(contains(r.out, "\x1b["));  // not a terminal: no colour
    for (const auto& l : lines_of(r.out)) {
        INFO(l);
        CHECK(dxframe::display_width(l) <= 80);
    }
    // Same as the explicit command.
    const auto same = run("scorecard");
    CHECK(same.status == 0);
    CHECK(same.out == r.out);
}

TEST_CASE("cli scorecard: Vietnamese by locale or --lang, with diacritics", "[cli][scorecard]") {
    const auto vi = run("", "vi_VN.UTF-8");
    REQUIRE(vi.status == 0);
    CHECK(contains(vi.out, "Bảng điểm chuyển đổi số \u2014 Việt Nam"));
    for (const dxframe::pillar p : dxframe::all_pillars)
        CHECK(contains(vi.out, dxframe::pillar_name(p).vi));
    CHECK(target_lines(vi.out, dxframe::language::vi) >= 50);
    const auto forced = run("scorecard --lang vi", "en_US.UTF-8");
    CHECK(forced.out == vi.out);
    const auto en = run("scorecard --lang en", "vi_VN.UTF-8");
    CHECK(contains(en.out, "Digital transformation scorecard"));
}

TEST_CASE("cli scorecard: a dataset file in every format", "[cli][scorecard]") {
    scratch s;
    const fs::path data = s.file("fixture.json", dxframe::save_dataset(report_test::fixture()));

    const auto json = run("scorecard " + q(data) + " --as-of 2024-12-31 --format json");
    REQUIRE(json.status == 0);
    const auto j = nlohmann::json::parse(json.out);
    CHECK(j["framework"] == "fixture");
    CHECK(j["as_of"] == "2024-12-31");
    CHECK(j["lang"] == "en");
    CHECK(j["overall"]["score"].get<double>() == Catch::Approx(22.0 / 45.0));
    CHECK(j["overall"]["counts"]["overdue"] == 1);
    CHECK(j["targets"].size() == 5);

    const auto proj = run("scorecard " + q(data) + " --as-of 2024-12-31 --format json --method growth_ratio");
    REQUIRE(proj.status == 0);
    CHECK(nlohmann::json::parse(proj.out)["method"] == "growth_ratio");

    const auto prov = run("scorecard " + q(data) + " --as-of 2024-12-31 --format json --entity P1");
    REQUIRE(prov.status == 0);
    CHECK(nlohmann::json::parse(prov.out)["entity"] == "P1");

    const auto md = run("scorecard " + q(data) + " --as-of 2024-12-31 --format md");
    CHECK(md.status == 0);
    CHECK(md.out.rfind("# Digital transformation scorecard", 0) == 0);

    const auto csv = run("scorecard " + q(data) + " --as-of 2024-12-31 --format csv");
    CHECK(csv.status == 0);
    CHECK(csv.out.rfind("record,id,name,", 0) == 0);

    const auto text = run("scorecard " + q(data) + " --as-of 2024-12-31");
    CHECK(text.status == 0);
    CHECK(contains(text.out, "Target t_speed"));

    const auto piped = run("scorecard - --as-of 2024-12-31 --format json", "en_US.UTF-8", data.string());
    CHECK(piped.status == 0);
    CHECK(piped.out == json.out);
}

TEST_CASE("cli scorecard: -o writes the file atomically, the format from its extension", "[cli][scorecard]") {
    scratch s;
    const fs::path html = s.name("report.html");
    const auto r = run("scorecard --as-of 2025-11-22 -o " + q(html));
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    const std::string page = slurp(html);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(page, "class=\"chart pillar-chart\""));
    CHECK_FALSE(contains(page, "<script"));
    // No temporary file is left beside it.
    for (const auto& e : fs::directory_iterator(html.parent_path())) {
        CHECK_FALSE(contains(e.path().filename().string(), "." + html.filename().string() + ".tmp-"));
    }
    const fs::path csv = s.name("report.CSV");
    REQUIRE(run("scorecard --as-of 2025-11-22 --output " + q(csv)).status == 0);
    CHECK(slurp(csv).rfind("record,id,name,", 0) == 0);
    const fs::path forced = s.name("report.txt");
    REQUIRE(run("scorecard --as-of 2025-11-22 --format md -o " + q(forced)).status == 0);
    CHECK(slurp(forced).rfind("# ", 0) == 0);
}

TEST_CASE("cli scorecard: colour only when asked or on a terminal", "[cli][scorecard]") {
    CHECK(contains(run("scorecard --color always").out, "\x1b["));
    CHECK_FALSE(contains(run("scorecard --color never").out, "\x1b["));
    CHECK_FALSE(contains(run("scorecard --color auto").out, "\x1b["));  // stdout is a file here
    CHECK(run("scorecard --color sometimes").status == 2);
}

TEST_CASE("cli scorecard: exit codes for usage, data and I/O errors", "[cli][scorecard]") {
    scratch s;
    const fs::path data = s.file("fixture.json", dxframe::save_dataset(report_test::fixture()));
    CHECK(run("scorecard --format xml").status == 2);
    CHECK(run("scorecard --as-of 2025-02-30").status == 2);
    CHECK(run("scorecard --as-of tomorrow").status == 2);
    CHECK(run("scorecard --method magic").status == 2);
    CHECK(run("scorecard --lang fr").status == 2);
    CHECK(run("scorecard --bogus").status == 2);
    CHECK(run("scorecard " + q(data) + " " + q(data)).status == 2);
    CHECK(run("scorecard " + q(data) + " --entity nowhere").status == 2);
    CHECK(run("scorecard " + q(data) + " --rank no_such_indicator").status == 2);
    CHECK(run("scorecard -o a.html --output b.html").status == 2);
    const auto missing = run("scorecard /nonexistent/dir/data.json");
    CHECK(missing.status == 2);
    CHECK(contains(missing.err, "/nonexistent/dir/data.json"));
    CHECK(run("scorecard -o /nonexistent/dir/out.html").status == 2);

    const fs::path broken = s.file("broken.json", "{\"format\": \"dxframe/1\", ");
    const auto bad = run("scorecard " + q(broken));
    CHECK(bad.status == 1);
    CHECK(contains(bad.err, "invalid_json"));
    CHECK(bad.out.empty());

    dxframe::dataset dup = report_test::fixture();
    dup.framework.targets.push_back(dup.framework.targets.front());  // duplicate id: invalid
    const fs::path invalid = s.file("invalid.json", dxframe::save_dataset(dup));
    const auto inv = run("scorecard " + q(invalid));
    CHECK(inv.status == 1);
    CHECK(contains(inv.err, "duplicate_id"));
}

#endif  // DXFRAME_CLI_PATH
