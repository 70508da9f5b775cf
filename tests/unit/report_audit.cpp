// SPDX-License-Identifier: MIT
// The audit and profile renderings (report/audit.hpp, report/audit_html.hpp, report/profile.hpp)
// on the ASEM audit: machine renderings read back to the same numbers, the pages are
// self-contained, the heat map has one cell per pair with the right colour and marks.
#include <dxframe/index/audit.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/profile.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/report/audit.hpp>
#include <dxframe/report/audit_html.hpp>
#include <dxframe/report/profile.hpp>

#include <cstddef>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch_compat.hpp"
#include "coinr_expected_support.hpp"

namespace {

const dxframe::audit_result& asem_audit() {
    static const dxframe::audit_result a = [] {
        const auto& asem = coinr_expected::asem();
        const auto r = dxframe::compute_index(asem.tree, asem.values, asem.units);
        return dxframe::run_audit(asem.tree, r.normalised, &r.aggregates);
    }();
    return a;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

dxframe::csv_table read(const std::string& text) {
    auto r = dxframe::read_csv(text);
    REQUIRE(r.ok());
    return *r.table;
}

}  // namespace

TEST_CASE("audit CSV: every table, numbers that read back to the same double", "[report][audit]") {
    const auto& a = asem_audit();
    const auto stats = read(dxframe::render_audit_csv(a));
    CHECK(stats.header.size() == 16);
    CHECK(stats.header[14] == "kurtosis");
    REQUIRE(stats.rows.size() == a.columns.size());
    for (std::size_t i = 0; i < a.columns.size(); ++i) {
        CHECK(stats.rows[i][0] == a.columns[i].id);
        CHECK(std::strtod(stats.rows[i][12].c_str(), nullptr) == *a.columns[i].statistics.sd);
        CHECK(stats.rows[i][15] == (a.columns[i].outlier_flag ? "true" : "false"));
    }
    const auto corr = read(dxframe::render_audit_csv(a, dxframe::audit_table::correlations));
    REQUIRE(corr.rows.size() == 49u * 48u / 2u);
    CHECK(corr.rows[0][0] == "LPI");
    CHECK(corr.rows[0][1] == "Flights");
    CHECK(std::strtod(corr.rows[0][2].c_str(), nullptr) == *a.indicators.at(0, 1).r);
    CHECK(std::strtod(corr.rows[0][3].c_str(), nullptr) == *a.indicators.at(0, 1).p);
    const auto fam = read(dxframe::render_audit_csv(a, dxframe::audit_table::family));
    CHECK(fam.rows.size() == a.family.size());
    const auto flags = read(dxframe::render_audit_csv(a, dxframe::audit_table::flags));
    REQUIRE(flags.rows.size() == 1);
    CHECK(flags.rows[0][0] == "P2P");
    CHECK(flags.rows[0][3] == "high");
    const auto groups = read(dxframe::render_audit_csv(a, dxframe::audit_table::groups));
    std::size_t components = 0;
    for (const auto& g : a.groups)
        components += g.pca ? g.pca->variances.size() : 1;
    CHECK(groups.rows.size() == components);
    CHECK(groups.rows[0][0] == a.groups[0].group);
    CHECK(groups.rows[0][2].find(' ') != std::string::npos);  // members, space-separated
}

TEST_CASE("audit JSON: the whole result, absent values as null", "[report][audit]") {
    const auto& a = asem_audit();
    const auto j = nlohmann::json::parse(dxframe::render_audit_json(a));
    CHECK(j.at("columns").size() == a.columns.size());
    CHECK(j.at("indicators").at("ids").size() == 49);
    CHECK(j.at("indicators").at("cells").size() == 49u * 49u);
    CHECK(j.at("indicators").at("cells").at(1).at("r").get<double>() == *a.indicators.at(0, 1).r);
    CHECK(j.at("options").at("significance").get<double>() == 0.05);
    CHECK(j.at("options").at("flag_below").is_null());
    CHECK(j.at("groups").size() == a.groups.size());
}

TEST_CASE("audit Markdown: sections, escaped names, missing as a dash", "[report][audit]") {
    const auto& a = asem_audit();
    const std::string md = dxframe::render_audit_markdown(a, {dxframe::language::en, "ASEM | aggregated"});
    CHECK(md.rfind("# Statistical audit\n", 0) == 0);
    CHECK(md.find("ASEM \\| aggregated") != std::string::npos);
    CHECK(md.find("## Indicator statistics") != std::string::npos);
    CHECK(md.find("| P2P | Research | CultGood |") != std::string::npos);
    CHECK(md.find("## Correlation with parent and higher aggregates") != std::string::npos);
    CHECK(occurrences(md, "\n| LPI |") == 4);  // statistics, then with Physical, Conn and Index
    const std::string vi = dxframe::render_audit_markdown(a, {dxframe::language::vi, ""});
    CHECK(vi.find("# Kiểm định thống kê") == 0);
    CHECK(vi.find("Độ nhọn") != std::string::npos);
}

TEST_CASE("audit HTML: self-contained page, one heat-map cell per pair", "[report][audit]") {
    const auto& a = asem_audit();
    const std::string h = dxframe::render_audit_html(a, {dxframe::language::en, "ASEM <aggregated>"});
    CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find(" src=") == std::string::npos);
    CHECK(h.find("href=") == std::string::npos);
    CHECK(h.find("ASEM &lt;aggregated&gt;") != std::string::npos);
    CHECK(occurrences(h, "<svg") == occurrences(h, "</svg>"));
    CHECK(occurrences(h, "class=\"cell") == 49u * 49u);
    std::size_t insignificant = 0;
    std::size_t undefined = 0;
    for (const auto& c : a.indicators.cells) {
        if (c.r && c.p && *c.p > 0.05) ++insignificant;
        if (!c.r) ++undefined;
    }
    CHECK(insignificant > 0);
    CHECK(occurrences(h, "class=\"cell ns\"") == insignificant);
    CHECK(occurrences(h, "class=\"cell na\"") == undefined);
    CHECK(occurrences(h, "tr class=\"stat-row") == a.columns.size());
    CHECK(h.find("id=\"flags\"") != std::string::npos);
    CHECK(h.find("id=\"family\"") != std::string::npos);
    CHECK(h.find("id=\"groups\"") != std::string::npos);
    CHECK(h.find("class=\"scroll\"") != std::string::npos);
    CHECK(h.find("@media (max-width:640px)") != std::string::npos);
    // Diverging colours: −1 and 1 at the ends, 0 in the middle, nothing for a missing r.
    CHECK(dxframe::correlation_color(-1.0) == "#7f3b08");
    CHECK(dxframe::correlation_color(0.0) == "#f7f7f7");
    CHECK(dxframe::correlation_color(1.0) == "#2d004b");
    CHECK(dxframe::correlation_color(0.52) == "#8073ac");
    CHECK(dxframe::correlation_color(std::numeric_limits<double>::quiet_NaN()) == "#d0d7de");
    const std::string vi = dxframe::render_audit_html(a, {dxframe::language::vi, ""});
    CHECK(vi.find("<html lang=\"vi\">") != std::string::npos);
    CHECK(vi.find("Tương quan giữa các chỉ số") != std::string::npos);
}

TEST_CASE("audit renderings of a constant column: empty cells and grey squares, never NaN", "[report][audit]") {
    std::vector<dxframe::tree_indicator> inds(3);
    inds[0].id = "a";
    inds[1].id = "flat";
    inds[2].id = "b";
    std::vector<dxframe::tree_node> nodes(1);
    nodes[0].id = "G";
    for (auto& i : inds)
        i.parent = "G";
    const auto built = dxframe::build_tree(inds, nodes);
    REQUIRE(built.ok());
    dxframe::value_matrix m(5, 3);
    for (std::size_t r = 0; r < 5; ++r) {
        m.set(r, 0, static_cast<double>(r));
        m.set(r, 1, 1.0);
        m.set(r, 2, static_cast<double>(r * r));
    }
    const auto a = dxframe::run_audit(*built.tree, m);
    for (const auto& text :
         {dxframe::render_audit_csv(a, dxframe::audit_table::correlations), dxframe::render_audit_json(a),
          dxframe::render_audit_markdown(a), dxframe::render_audit_html(a)}) {
        CHECK(text.find("nan") == std::string::npos);
        CHECK(text.find("NaN") == std::string::npos);
        CHECK(text.find("inf") == std::string::npos);
    }
    const auto corr = read(dxframe::render_audit_csv(a, dxframe::audit_table::correlations));
    CHECK(corr.rows[0][1] == "flat");
    CHECK(corr.rows[0][2].empty());
    CHECK(occurrences(dxframe::render_audit_html(a), "class=\"cell na\"") == 5);  // flat's row and column
}

TEST_CASE("profile renderings: CSV, JSON, Markdown and HTML of ESP", "[report][profile]") {
    const auto& asem = coinr_expected::asem();
    const auto p = dxframe::profile_unit(asem.tree, asem.values, asem.units, "ESP");
    REQUIRE(p.ok());
    const auto csv = read(dxframe::render_profile_csv(p));
    REQUIRE(csv.rows.size() == 10);
    CHECK(csv.header[0] == "kind");
    CHECK(csv.rows[0][0] == "strength");
    CHECK(csv.rows[5][0] == "weakness");
    CHECK(csv.rows[0][2] == p.strengths[0].indicator);
    CHECK(std::stoul(csv.rows[0][5]) == p.strengths[0].rank);
    CHECK(std::strtod(csv.rows[9][7].c_str(), nullptr) == p.weaknesses[4].value);
    const auto j = nlohmann::json::parse(dxframe::render_profile_json(p));
    CHECK(j.at("unit") == "ESP");
    CHECK(j.at("strengths").size() == 5);
    CHECK(j.at("weaknesses").at(4).at("indicator") == p.weaknesses[4].indicator);
    const std::string md = dxframe::render_profile_markdown(p, {dxframe::language::en, "Spain"});
    CHECK(md.rfind("# Strengths and weaknesses: Spain\n", 0) == 0);
    CHECK(md.find(std::to_string(p.strengths[0].rank) + " of " + std::to_string(p.strengths[0].ranked)) !=
          std::string::npos);
    const std::string h = dxframe::render_profile_html(p, {dxframe::language::vi, "Tây Ban Nha"});
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("href=") == std::string::npos);
    CHECK(occurrences(h, "<tr class=\"strength\"") == 5);
    CHECK(occurrences(h, "<tr class=\"weakness\"") == 5);
    CHECK(h.find("Điểm mạnh và điểm yếu: Tây Ban Nha") != std::string::npos);
    CHECK(h.find("data-indicator=\"" + p.strengths[0].indicator + "\"") != std::string::npos);
    CHECK(occurrences(h, "<svg") == occurrences(h, "</svg>"));
}
