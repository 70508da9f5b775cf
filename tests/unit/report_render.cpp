// SPDX-License-Identifier: MIT
// The renderings of the scorecard: terminal text, Markdown, CSV, JSON, HTML and SVG charts.
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/io/csv.hpp>
#include <dxframe/report.hpp>

#include "catch_compat.hpp"
#include "report_fixture.hpp"

using namespace dxframe;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        out.push_back(line);
    return out;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

// True when "nan" or "inf" (any case) appears as a word of its own, as printf writes them.
bool has_nan(const std::string& text) {
    const auto letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
    for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
        std::string w = text.substr(i, 3);
        for (auto& ch : w)
            ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        if (w != "nan" && w != "inf") continue;
        const bool before = i > 0 && letter(text[i - 1]);
        const bool after =
            i + 3 < text.size() && letter(text[i + 3]) && !(w == "inf" && text.compare(i, 8, "infinity") == 0);
        if (!before && !after) return true;
    }
    return false;
}

// The fixture with names built to break renderings: very long Vietnamese text, markup, a pipe,
// a comma and a quote.
dataset hostile() {
    dataset ds = report_test::fixture();
    ds.framework.targets[0].title =
        text{"Tốc độ truy cập Internet băng rộng cố định bình quân đạt tối thiểu 100 Mb/s tại mọi xã, phường, đặc khu",
             "Average fixed broadband speed of at least 100 Mb/s in every commune, ward and special zone"};
    ds.framework.targets[1].title = text{"<script>alert(1)</script> | \"trích dẫn\", phẩy", "<b>bold</b> | \"q\", c"};
    ds.framework.pillars[1].name = text{"Chính phủ số <i>&</i>", "Digital government <i>&</i>"};
    ds.entities[1].name =
        text{"Bộ Thông tin và Truyền thông, Cục \"Chuyển đổi số\" quốc gia và các đơn vị trực thuộc", "MIC"};
    return ds;
}

}  // namespace

TEST_CASE("terminal: 80 columns, every pillar and target, colour only when asked", "[report][terminal]") {
    for (const language lang : {language::vi, language::en}) {
        scorecard_options o;
        o.lang = lang;
        const scorecard sc = make_scorecard(hostile(), report_test::as_of(), o);
        const std::string text = render_terminal(sc);
        const auto lines = lines_of(text);
        for (const auto& l : lines) {
            INFO(l);
            CHECK(display_width(l) <= 80);
            CHECK((l.empty() || l.back() != ' '));
        }
        CHECK(text.find('\x1b') == std::string::npos);
        CHECK_FALSE(has_nan(text));
        for (const auto& g : sc.pillars)
            CHECK(text.find(truncate_to_width(g.name, 31)) != std::string::npos);
        // One line per target, each with its status.
        std::size_t target_lines = 0;
        for (const auto& l : lines) {
            for (std::size_t k = 0; k < target_status_count; ++k) {
                const std::string s = "  " + std::string(status_short_label(static_cast<target_status>(k), lang)) + " ";
                if (l.rfind(s, 0) == 0) ++target_lines;
            }
        }
        CHECK(target_lines == 5);
        CHECK(text.find(lang == language::vi ? "31/12/2025" : "2025-12-31") != std::string::npos);
        CHECK(text.find("\u2014") != std::string::npos);  // the missing score of a pillar

        terminal_options colour;
        colour.color = true;
        const std::string coloured = render_terminal(sc, colour);
        CHECK(coloured.find("\x1b[1;31m") != std::string::npos);  // overdue in bold red
        // Colour codes never shift a column: with them stripped the text is the same.
        std::string stripped;
        for (std::size_t i = 0; i < coloured.size(); ++i) {
            if (coloured[i] == '\x1b') {
                while (i < coloured.size() && coloured[i] != 'm')
                    ++i;
                continue;
            }
            stripped += coloured[i];
        }
        CHECK(stripped == text);
    }
    terminal_options narrow;
    narrow.width = 60;
    const std::string small = render_terminal(make_scorecard(hostile(), report_test::as_of()), narrow);
    for (const auto& l : lines_of(small))
        CHECK(display_width(l) <= 60);
    narrow.width = 59;
    CHECK_THROWS_AS(render_terminal(make_scorecard(hostile(), report_test::as_of()), narrow), error);
}

TEST_CASE("terminal: the fixture's numbers as worked out by hand", "[report][terminal]") {
    scorecard_options o;
    o.lang = language::en;
    const std::string text = render_terminal(make_scorecard(report_test::fixture(), report_test::as_of(), o));
    CHECK(text.find("49%") != std::string::npos);  // overall 22/45
    CHECK(text.find("43%") != std::string::npos);  // digital government 13/30
    CHECK(text.find("68 \u2192 \u2265 100 Mbps") != std::string::npos);
    CHECK(text.find("91 days late") != std::string::npos);
    CHECK(text.find("Ministry of Informati\u2026") != std::string::npos);  // cut to its 22-column field
}

TEST_CASE("markdown: tables stay intact and markup is escaped", "[report][markdown]") {
    const scorecard sc = make_scorecard(hostile(), report_test::as_of());
    const std::string md = render_markdown(sc);
    CHECK(md.find("<script>") == std::string::npos);
    CHECK(md.find("&lt;script&gt;") != std::string::npos);
    CHECK(md.find("\\|") != std::string::npos);
    CHECK_FALSE(has_nan(md));
    // Every table row has the same number of unescaped pipes as its header.
    std::size_t expected = 0;
    for (const auto& l : lines_of(md)) {
        if (l.empty() || l[0] != '|') {
            expected = 0;
            continue;
        }
        std::size_t pipes = 0;
        for (std::size_t i = 0; i < l.size(); ++i) {
            if (l[i] == '|' && (i == 0 || l[i - 1] != '\\')) ++pipes;
        }
        if (expected == 0) expected = pipes;
        INFO(l);
        CHECK(pipes == expected);
    }
    CHECK(md.find("](https://example.org/D1)") != std::string::npos);
    CHECK(md.find("## ") != std::string::npos);
}

TEST_CASE("csv: one table, quoted text, round-trip numbers, empty for missing", "[report][csv]") {
    const scorecard sc = make_scorecard(hostile(), report_test::as_of());
    const std::string csv = render_csv(sc);
    CHECK_FALSE(has_nan(csv));
    const csv_read_result r = read_csv(csv);
    REQUIRE(r.table);
    const csv_table& t = *r.table;
    CHECK(t.header == scorecard_csv_columns());
    // 1 overall + 3 pillars + 1 unassigned + 5 targets + 3 tasks (2 overdue, 1 due soon).
    REQUIRE(t.rows.size() == 13);
    auto col = [&](const std::string& name) {
        for (std::size_t i = 0; i < t.header.size(); ++i) {
            if (t.header[i] == name) return i;
        }
        FAIL("no column " << name);
        return std::size_t{0};
    };
    CHECK(t.rows[0][col("record")] == "overall");
    CHECK(std::stod(t.rows[0][col("score")]) == *sc.overall.score);  // exactly, not approximately
    CHECK(t.rows[0][col("targets")] == "5");
    bool saw_script = false, saw_misc = false;
    for (const auto& row : t.rows) {
        if (row[col("id")] == "t_online") {
            saw_script = true;
            CHECK(row[col("name")] == "<script>alert(1)</script> | \"trích dẫn\", phẩy");
            CHECK(row[col("status")] == "overdue");
            CHECK(row[col("score")] == "0.4");  // 20/50 is the double nearest 0.4: no more digits needed
            CHECK(std::stod(row[col("score")]) == *find_target(sc, "t_online")->score);
        }
        if (row[col("id")] == "t_misc") {
            saw_misc = true;
            CHECK(row[col("score")].empty());
            CHECK(row[col("latest_value")].empty());
            CHECK(row[col("status")] == "no_data");
        }
        if (row[col("id")] == "k1") {
            CHECK(row[col("record")] == "task");
            CHECK(row[col("days_late")] == "91");
        }
    }
    CHECK(saw_script);
    CHECK(saw_misc);
}

TEST_CASE("json: every member present, null for missing, numbers exact", "[report][json]") {
    const scorecard sc = make_scorecard(report_test::fixture(), report_test::as_of());
    const auto j = nlohmann::json::parse(render_json(sc));
    CHECK(j["framework"] == "fixture");
    CHECK(j["as_of"] == "2024-12-31");
    CHECK(j["method"] == "linear");
    CHECK(j["overall"]["score"].get<double>() == *sc.overall.score);
    REQUIRE(j["targets"].size() == 5);
    const auto& misc = j["targets"][4];
    CHECK(misc["id"] == "t_misc");
    CHECK(misc.contains("score"));
    CHECK(misc["score"].is_null());
    CHECK(misc["latest"].is_null());
    CHECK(misc["status"] == "no_data");
    CHECK(misc["reason"] == "no_observations");
    CHECK(j["pillars"][2]["score"].is_null());
    CHECK(j["ranking"]["entries"][0]["id"] == "P2");
    CHECK_FALSE(has_nan(render_json(sc)));
}

TEST_CASE("html: one self-contained page, escaped, with its charts", "[report][html]") {
    const scorecard sc = make_scorecard(hostile(), report_test::as_of());
    const std::string html = render_html(sc);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<html lang=\"vi\">") != std::string::npos);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    // Nothing to fetch, nothing to run.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("Chính phủ số &lt;i&gt;&amp;&lt;/i&gt;") != std::string::npos);
    CHECK_FALSE(has_nan(html));
    // Charts and rows.
    CHECK(occurrences(html, "class=\"chart pillar-chart\"") == 1);
    CHECK(occurrences(html, "<rect class=\"bar") == 4);  // 3 pillars + the no-pillar group
    CHECK(occurrences(html, "class=\"pillar-row\"") == 4);
    CHECK(occurrences(html, "class=\"target-row ") == 5 + 2 + 3);  // all, off track, next deadlines
    CHECK(occurrences(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"progress ") == 10);
    CHECK(occurrences(html, "class=\"trajectory-figure\"") == 3);  // i_speed, i_online, i_rank
    CHECK(occurrences(html, "<rect class=\"rank-bar\"") == 3);
    CHECK(occurrences(html, "class=\"task-row ") == 3);
    CHECK(html.find("<section id=\"ranking\">") != std::string::npos);
    CHECK(html.find("href=\"https://example.org/D1\"") != std::string::npos);
    // Tags balance: as many closing as opening svg, table, section elements.
    CHECK(occurrences(html, "<svg ") == occurrences(html, "</svg>"));
    CHECK(occurrences(html, "<table") == occurrences(html, "</table>"));
    CHECK(occurrences(html, "<section") == occurrences(html, "</section>"));

    html_options none;
    none.trajectories = false;
    none.ranking = false;
    const std::string bare = render_html(sc, none);
    CHECK(bare.find("trajectory-figure") == std::string::npos);
    CHECK(bare.find("id=\"ranking\"") == std::string::npos);
}

TEST_CASE("svg: charts with the right elements and finite coordinates", "[report][svg]") {
    const scorecard sc = make_scorecard(report_test::fixture(), report_test::as_of());
    const scorecard_target& speed = *find_target(sc, "t_speed");
    const std::string bar = svg_progress_bar(speed, language::en, 150, 14);
    CHECK(bar.find("class=\"fill status-on_track\"") != std::string::npos);
    CHECK(bar.find("width=\"90\"") != std::string::npos);  // 0.6 · 150
    CHECK(bar.find("class=\"expected\" x1=\"90\"") != std::string::npos);
    CHECK(bar.find("2025-12-31") != std::string::npos);  // the deadline in the tooltip

    const std::string traj = svg_trajectory(speed, sc.as_of, language::en);
    CHECK(occurrences(traj, "<circle class=\"obs\"") == 2);
    CHECK(occurrences(traj, "class=\"observed\"") == 1);
    CHECK(occurrences(traj, "class=\"target-path\"") == 1);
    CHECK(occurrences(traj, "class=\"deadline\"") == 1);
    CHECK(occurrences(traj, "class=\"target-point\"") == 1);
    CHECK_FALSE(has_nan(traj));
    // No data: a placeholder, no series.
    const std::string empty = svg_trajectory(*find_target(sc, "t_misc"), sc.as_of, language::en);
    CHECK(empty.find("class=\"empty\"") != std::string::npos);
    CHECK(empty.find("class=\"obs\"") == std::string::npos);

    const std::string mix = svg_status_mix(sc.overall.counts, language::en);
    CHECK(occurrences(mix, "<rect class=\"seg ") == 5);
    CHECK(mix.find("status-overdue") != std::string::npos);

    const std::string pillars = svg_pillar_scores(sc);
    CHECK(occurrences(pillars, "<rect class=\"bar") == 4);
    CHECK(occurrences(pillars, "class=\"bar missing") == 2);  // awareness and the no-pillar group

    ranking r;
    r.title = "DTI";
    auto entry = [](const std::string& id, const std::string& name, std::optional<double> v,
                    std::optional<std::size_t> rank) {
        ranking_entry e;
        e.id = id;
        e.name = name;
        e.value = v;
        e.rank = rank;
        return e;
    };
    r.entries = {entry("a", "A", 0.5, 2), entry("b", "B", 0.75, 1), entry("c", "C", std::nullopt, std::nullopt)};
    const std::string rank = svg_ranking(r, language::en);
    CHECK(occurrences(rank, "<rect class=\"rank-bar\"") == 2);
    REQUIRE(rank.find("2. A") != std::string::npos);  // entries are drawn in the given order
    REQUIRE(rank.find("1. B") != std::string::npos);
    CHECK(rank.find("2. A") < rank.find("1. B"));
    CHECK(rank.find("\u2013 C") != std::string::npos);  // no rank
}

TEST_CASE("ranking from an index result", "[report][ranking]") {
    index_report rep;
    rep.index = "idx";
    rep.columns = {{"idx", "Composite", 2, std::nullopt}};
    auto unit = [](const std::string& id, std::optional<double> v, std::optional<std::size_t> rank) {
        index_unit u;
        u.unit = id;
        u.index = v;
        u.rank = rank;
        return u;
    };
    rep.units = {unit("u1", 40.0, 2), unit("u2", 60.0, 1), unit("u3", std::nullopt, std::nullopt)};
    const ranking r = ranking_from_index(rep, {{"u2", "Unit two"}});
    CHECK(r.title == "Composite");
    REQUIRE(r.entries.size() == 3);
    CHECK(r.entries[0].id == "u2");
    CHECK(r.entries[0].name == "Unit two");
    CHECK(r.entries[1].id == "u1");
    CHECK(r.entries[1].name == "u1");
    CHECK(r.entries[2].id == "u3");
    CHECK_FALSE(r.entries[2].rank);
}
