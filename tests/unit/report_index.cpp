// SPDX-License-Identifier: MIT
// The index report on a small hand-made result: contributions that add up to the index, the
// CSV, Markdown and HTML renderings (rank order, one bar per ranked unit with one segment per
// component, the framework tree with effective weights, missing shown as "—", rank-change
// arrows), and an honest chart when the root's mean is not additive.
#include <dxframe/error.hpp>
#include <dxframe/index.hpp>
#include <dxframe/report/index.hpp>
#include <dxframe/report/index_html.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "catch_compat.hpp"

namespace {

dxframe::tree_indicator ind(const std::string& id, const std::string& parent, const std::string& name) {
    dxframe::tree_indicator t;
    t.id = id;
    t.name = name;
    t.parent = parent;
    return t;
}

dxframe::tree_node nd(const std::string& id, std::optional<std::string> parent, double weight,
                      const std::string& name) {
    dxframe::tree_node t;
    t.id = id;
    t.name = name;
    t.parent = std::move(parent);
    t.weight = weight;
    return t;
}

// Idx ("Test index") = 2/3 A + 1/3 B; A = mean(a1, a2); B = b1. Values are used as they are
// (normaliser none), so every aggregate can be checked by hand:
//   U1: a1 80, a2 60, b1 30 -> A 70, B 30, index (2·70 + 30)/3 = 56.67, rank 2
//   U2: a1 40, a2 50, b1 90 -> A 45, B 90, index (2·45 + 90)/3 = 60,    rank 1
//   U3: a1 10, a2 —,  b1 —  -> A 10, B —,  index 10 (B's weight goes to A), rank 3
//   U4: nothing             -> no index, not ranked
struct fixture {
    dxframe::index_tree tree;
    dxframe::index_spec spec;
    dxframe::index_result result;
    std::vector<std::string> names{"Unit one", "Unit <two>", "Unit three", "Unit four"};

    explicit fixture(dxframe::aggregation root = dxframe::aggregation::arithmetic,
                     dxframe::normaliser norm = dxframe::normaliser::none) {
        auto built = dxframe::build_tree(
            {ind("a1", "A", "Alpha one"), ind("a2", "A", "Alpha two"), ind("b1", "B", "Beta one")},
            {nd("A", "Idx", 2, "Alpha"), nd("B", "Idx", 1, "Beta"), nd("Idx", std::nullopt, 1, "Test index")});
        REQUIRE(built.ok());
        tree = *built.tree;
        spec.normalise.method = norm;
        spec.node_aggregate["Idx"].method = root;
        dxframe::value_matrix data(4, 3);
        const double nan = std::nan("");
        const double values[4][3] = {{80, 60, 30}, {40, 50, 90}, {10, nan, nan}, {nan, nan, nan}};
        for (std::size_t u = 0; u < 4; ++u) {
            for (std::size_t i = 0; i < 3; ++i)
                data.set(u, i, values[u][i]);
        }
        result = dxframe::compute_index(tree, data, {"U1", "U2", "U3", "U4"}, spec);
        REQUIRE(result.ok());
    }
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

// The positions of `marker` followed by each unit id, in the order they appear.
std::vector<std::string> units_in_order(const std::string& text, const std::string& marker) {
    std::vector<std::string> out;
    for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
        const std::size_t start = at + marker.size();
        out.push_back(text.substr(start, text.find('"', start) - start));
    }
    return out;
}

}  // namespace

TEST_CASE("index contributions add up to the index for an arithmetic root", "[report][index]") {
    const fixture f;
    const auto c = dxframe::compute_contributions(f.tree, f.result, f.spec);
    REQUIRE(c.components.size() == 2);
    CHECK(f.tree.id(c.components[0]) == "A");
    CHECK(f.tree.id(c.components[1]) == "B");
    CHECK(c.weights[0] == Catch::Approx(2.0 / 3));
    CHECK(c.weights[1] == Catch::Approx(1.0 / 3));
    CHECK(c.additive);
    REQUIRE(c.values.size() == 4);
    for (std::size_t u = 0; u < 3; ++u) {
        double sum = 0;
        for (const auto& v : c.values[u])
            sum += v.value_or(0.0);
        CHECK(sum == Catch::Approx(*f.result.index(u)).epsilon(1e-12));
    }
    CHECK(*c.values[0][0] == Catch::Approx(70.0 * 2 / 3));
    CHECK(*c.values[0][1] == Catch::Approx(30.0 / 3));
    // U3 has no B: A carries the whole index.
    CHECK(*c.values[2][0] == Catch::Approx(10.0));
    CHECK_FALSE(c.values[2][1]);
    // U4 has no index, so no contribution.
    CHECK_FALSE(c.values[3][0]);
    CHECK_FALSE(c.values[3][1]);

    const fixture g(dxframe::aggregation::geometric);
    const auto cg = dxframe::compute_contributions(g.tree, g.result, g.spec);
    CHECK_FALSE(cg.additive);
    CHECK(cg.root_method.method == dxframe::aggregation::geometric);
}

TEST_CASE("index report helpers: rank order, aggregate order, decimals, rank change", "[report][index]") {
    const fixture f;
    CHECK(dxframe::units_by_rank(f.result) == std::vector<std::size_t>{1, 0, 2, 3});
    const auto aggs = dxframe::aggregates_top_down(f.tree);
    REQUIRE(aggs.size() == 2);
    CHECK(f.tree.node(aggs[0]).id == "A");
    CHECK(dxframe::column_decimals({12.5, std::nullopt, 99.0}) == 1);
    CHECK(dxframe::column_decimals({1234.5}) == 0);
    CHECK(dxframe::column_decimals({-2.5, 1.0}) == 2);
    CHECK(dxframe::column_decimals({0.25}) == 3);
    CHECK(dxframe::rank_change(std::size_t{2}, std::size_t{5}) == 3);
    CHECK(dxframe::rank_change(std::size_t{4}, std::size_t{1}) == -3);
    CHECK_FALSE(dxframe::rank_change(std::nullopt, std::size_t{1}));
    CHECK_FALSE(dxframe::rank_change(std::size_t{1}, std::nullopt));
}

TEST_CASE("index report as CSV and Markdown", "[report][index]") {
    const fixture f;
    const std::string csv = dxframe::render_index_csv(f.tree, f.result);
    INFO(csv);
    CHECK(csv.rfind("uCode,a1,a2,b1,A,B,Idx,Rank\nU1,80,60,30,70,30,56.666666666666664,2\n", 0) == 0);
    CHECK(csv.find("\nU3,10,,,10,,10,3\n") != std::string::npos);
    CHECK(csv.find("\nU4,,,,,,,\n") != std::string::npos);

    // A result from index_engine::run has no unit ids: rows are numbered.
    dxframe::index_result unnamed = f.result;
    unnamed.units.clear();
    CHECK(dxframe::render_index_csv(f.tree, unnamed).find("\n1,80,60,30,") != std::string::npos);

    dxframe::index_report_options o;
    o.methods = "none";
    o.previous_ranks = {{"U1", 1}, {"U2", 3}, {"U3", 3}};
    o.previous_label = "2023";
    const std::string md = dxframe::render_index_markdown(f.tree, f.result, f.names, o);
    INFO(md);
    CHECK(md.rfind("# Test index\n\nMethods: none. 4 units, 3 indicators", 0) == 0);
    CHECK(md.find("| Rank | Unit | Name | Idx | A | B | Change |") != std::string::npos);
    CHECK(md.find("| 1 | U2 | Unit &lt;two&gt; | 60.0 | 45.0 | 90.0 | \u25b2 2 |") != std::string::npos);
    CHECK(md.find("| 2 | U1 | Unit one | 56.7 | 70.0 | 30.0 | \u25bc 1 |") != std::string::npos);
    CHECK(md.find("| 3 | U3 | Unit three | 10.0 | 10.0 | \u2014 | = |") != std::string::npos);
    CHECK(md.find("| \u2014 | U4 | Unit four | \u2014 | \u2014 | \u2014 |  |") != std::string::npos);
    CHECK(md.find("since 2023.") != std::string::npos);
    // By rank.
    CHECK(md.find("| U2 |") < md.find("| U1 |"));
    CHECK(md.find("| U1 |") < md.find("| U3 |"));
    CHECK(md.find("| U3 |") < md.find("| U4 |"));
}

TEST_CASE("index report as HTML: stacked bars, tree, table, arrows", "[report][index]") {
    const fixture f;
    dxframe::index_report_options o;
    o.previous_ranks = {{"U1", 1}, {"U2", 3}};
    o.previous_label = "2023";
    const std::string h = dxframe::render_index_html(f.tree, f.result, f.names, f.spec, o);
    INFO(h);
    CHECK(h.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("http://www.w3.org/2000/svg") != std::string::npos);  // the SVG namespace, never fetched
    CHECK(count(h, "https://") == 0);
    CHECK(count(h, "<link") == 0);

    // One bar per ranked unit, best first, each with one segment per component.
    CHECK(units_in_order(h, "<div class=\"bar-row").size() == 3);
    CHECK(units_in_order(h, "data-unit=\"").size() == 3 + 4);  // bars, then table rows
    const auto bars = units_in_order(h, "\" data-unit=\"");
    REQUIRE(bars.size() >= 3);
    CHECK(std::vector<std::string>(bars.begin(), bars.begin() + 3) == std::vector<std::string>{"U2", "U1", "U3"});
    CHECK(count(h, "<rect class=\"seg\"") == 3 * 2);
    CHECK(count(h, "data-component=\"A\"") == 3 + 1);  // three segments and the legend
    CHECK(count(h, "class=\"whole\"") == 0);
    // U1's segments: A = 70·2/3 = 46.67 and B = 10 of a scale to 60 (the top value): widths
    // 777.78 and 166.67 of 1000.
    const std::size_t u1 = h.find("data-unit=\"U1\" data-rank=\"2\"");
    REQUIRE(u1 != std::string::npos);
    const std::string row = h.substr(u1, h.find("</div>", u1) - u1);
    CHECK(row.find("width=\"777.78\"") != std::string::npos);
    CHECK(row.find("x=\"777.78\" y=\"0\" width=\"166.67\"") != std::string::npos);
    CHECK(row.find("<span class=\"bar-value\">56.7</span>") != std::string::npos);
    CHECK(h.find("not ranked: U4") != std::string::npos);

    // The tree: every node and indicator with its effective weight.
    CHECK(count(h, "<li class=\"tree-node\"") == 3);
    CHECK(count(h, "<li class=\"tree-indicator\"") == 3);
    CHECK(h.find("data-id=\"A\" data-level=\"2\" data-weight=\"0.6666666666666666\"") != std::string::npos);
    CHECK(h.find("data-id=\"a1\" data-weight=\"0.3333333333333333\"") != std::string::npos);
    CHECK(h.find("<span class=\"ew\">66.7%</span>") != std::string::npos);
    CHECK(h.find("<span class=\"ew\">100.0%</span>") != std::string::npos);

    // The table: by rank, names escaped, missing as "—", arrows against the previous edition.
    const auto rows = units_in_order(h, "<tr class=\"unit-row\" data-unit=\"");
    CHECK(rows == std::vector<std::string>{"U2", "U1", "U3", "U4"});
    CHECK(h.find("<td>Unit &lt;two&gt;</td>") != std::string::npos);
    CHECK(h.find("<td class=\"change up\" data-previous=\"3\">\u25b2 2</td>") != std::string::npos);
    CHECK(h.find("<td class=\"change down\" data-previous=\"1\">\u25bc 1</td>") != std::string::npos);
    CHECK(h.find("<td class=\"change new\">new</td>") != std::string::npos);  // U3: not in 2023
    CHECK(h.find("<td class=\"n na\">\u2014</td>") != std::string::npos);
    CHECK(h.find("n/a") == std::string::npos);
    // The colour scale: the top index value is the darkest, the lowest the lightest.
    CHECK(h.find("<td class=\"n q8 idx\">60.0</td>") != std::string::npos);
    CHECK(h.find("<td class=\"n q0 idx\">10.0</td>") != std::string::npos);

    // Without previous ranks, no change column.
    const std::string plain = dxframe::render_index_html(f.tree, f.result, f.names, f.spec);
    CHECK(plain.find("class=\"change") == std::string::npos);
}

TEST_CASE("index report as HTML in Vietnamese", "[report][index]") {
    const fixture f;
    dxframe::index_report_options o;
    o.lang = dxframe::language::vi;
    const std::string h = dxframe::render_index_html(f.tree, f.result, f.names, f.spec, o);
    CHECK(h.find("<html lang=\"vi\">") != std::string::npos);
    CHECK(h.find("<span class=\"bar-value\">56,7</span>") != std::string::npos);  // decimal comma
    CHECK(h.find("<span class=\"ew\">66,7%</span>") != std::string::npos);
    CHECK(h.find("Kết quả theo thứ hạng") != std::string::npos);
}

TEST_CASE("index report as HTML: no stack for a mean that is not additive", "[report][index]") {
    const fixture f(dxframe::aggregation::geometric);
    const std::string h = dxframe::render_index_html(f.tree, f.result, f.names, f.spec);
    CHECK(count(h, "<rect class=\"seg\"") == 0);
    CHECK(count(h, "<rect class=\"whole\"") == 3);
    CHECK(h.find("not additive") != std::string::npos);
    CHECK(h.find("class=\"sw\"") == std::string::npos);  // no component colours to explain
}

TEST_CASE("index report as HTML: no stack for negative values, bars drawn from zero", "[report][index]") {
    const fixture f(dxframe::aggregation::arithmetic, dxframe::normaliser::zscore);
    const std::string h = dxframe::render_index_html(f.tree, f.result, f.names, f.spec);
    INFO(h);
    CHECK(count(h, "<rect class=\"seg\"") == 0);
    CHECK(count(h, "<rect class=\"whole\"") == 3);
    CHECK(h.find("Some values are negative") != std::string::npos);
    // The lowest index (U3's, negative) starts at the left edge, the highest ends at the right.
    const std::size_t u3 = h.find("data-unit=\"U3\" data-rank=\"3\"");
    REQUIRE(u3 != std::string::npos);
    CHECK(h.find("<rect class=\"whole\" x=\"0\"", u3) < h.find("</div>", u3));
}

TEST_CASE("index report: a result that does not fit the tree is an error, not a crash", "[report][index]") {
    const fixture f;
    auto other = dxframe::build_tree({ind("x1", "X", "")}, {nd("X", std::nullopt, 1, "")});
    REQUIRE(other.ok());
    CHECK_THROWS_AS(dxframe::render_index_html(*other.tree, f.result, f.names, {}), dxframe::error);
    CHECK_THROWS_AS(dxframe::compute_contributions(*other.tree, f.result), dxframe::error);
}
