// SPDX-License-Identifier: MIT
// Strengths and weaknesses (index/profile.hpp) against COINr 1.1.14's get_str_weak on the raw
// ASEM data (tests/data/coinr-expected/profile_str_weak.csv, from coinr_expected.R, an independent
// base-R port of get_str_weak and rank_df), and small cases worked by hand.
#include <dxframe/data/vietnam.hpp>
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/index/profile.hpp>

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "catch_compat.hpp"
#include "coinr_expected_support.hpp"

using coinr_expected::close;
using coinr_expected::number;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// Five indicators a..e under two groups; c is lower-is-better.
dxframe::index_tree small_tree() {
    std::vector<dxframe::tree_indicator> inds(5);
    const char* ids[] = {"a", "b", "c", "d", "e"};
    for (std::size_t i = 0; i < 5; ++i) {
        inds[i].id = ids[i];
        inds[i].name = std::string("Indicator ") + ids[i];
        inds[i].parent = i < 3 ? "G1" : "G2";
    }
    inds[2].direction = dxframe::direction::lower_is_better;
    std::vector<dxframe::tree_node> nodes(2);
    nodes[0].id = "G1";
    nodes[1].id = "G2";
    auto built = dxframe::build_tree(inds, nodes);
    REQUIRE(built.ok());
    return *built.tree;
}

}  // namespace

TEST_CASE("get_str_weak on the raw ASEM data (direction applied, min_discard)", "[profile][coinr]") {
    const auto& asem = coinr_expected::asem();
    const auto t = coinr_expected::table("profile_str_weak.csv");
    REQUIRE(t.rows.size() == 60);
    for (std::size_t k = 0; k < t.rows.size(); k += 10) {
        const std::string unit = t.rows[k][0];
        INFO(unit);
        const auto p = dxframe::profile_unit(asem.tree, asem.values, asem.units, unit);
        REQUIRE(p.ok());
        REQUIRE(p.strengths.size() == 5);
        REQUIRE(p.weaknesses.size() == 5);
        for (std::size_t m = 0; m < 10; ++m) {
            const auto& row = t.rows[k + m];
            const auto& e = m < 5 ? p.strengths[m] : p.weaknesses[m - 5];
            INFO(row[1] << " " << row[2]);
            CHECK(e.indicator == row[3]);
            CHECK(e.rank == std::stoul(row[4]));
            CHECK(close(e.value, *number(row[5])));
            CHECK(e.ancestor == asem.tree.indicator(*asem.tree.find_indicator(e.indicator)).parent);
        }
    }
}

TEST_CASE("strengths and weaknesses by hand: direction, ties, missing, worst discarded", "[profile]") {
    const auto tree = small_tree();
    const std::vector<std::string> units = {"u1", "u2", "u3", "u4"};
    dxframe::value_matrix m(4, 5);
    // a: u1 best (rank 1); b: u1 tied first with u2 (rank 1); c (lower is better): u1 has 9, the
    // highest, so rank 4 = worst → discarded; d: u1 missing → ignored; e: u1 second (rank 2).
    const double a[] = {10, 5, 3, 1};
    const double b[] = {7, 7, 1, 2};
    const double c[] = {9, 1, 2, 3};
    const double d[] = {NaN, 1, 2, 3};
    const double e[] = {5, 6, 1, 2};
    for (std::size_t r = 0; r < 4; ++r) {
        m.set(r, 0, a[r]);
        m.set(r, 1, b[r]);
        m.set(r, 2, c[r]);
        m.set(r, 3, d[r]);
        m.set(r, 4, e[r]);
    }
    dxframe::profile_options o;
    o.strengths = 2;
    o.weaknesses = 2;
    const auto p = dxframe::profile_unit(tree, m, units, "u1", o);
    REQUIRE(p.ok());
    CHECK(p.considered == 3);
    REQUIRE(p.strengths.size() == 2);
    CHECK(p.strengths[0].indicator == "a");  // rank 1, ties with b broken by indicator order
    CHECK(p.strengths[1].indicator == "b");
    CHECK(p.strengths[1].rank == 1);
    CHECK(p.strengths[0].ancestor == "G1");
    CHECK(p.strengths[0].name == "Indicator a");
    CHECK(p.strengths[0].ranked == 4);
    REQUIRE(p.weaknesses.size() == 2);
    CHECK(p.weaknesses[0].indicator == "b");
    CHECK(p.weaknesses[1].indicator == "e");
    CHECK(p.weaknesses[1].rank == 2);
    CHECK(p.weaknesses[1].value == 5);
    CHECK(p.weaknesses[1].ancestor == "G2");

    // Keeping the worst: c (rank 4) becomes the last weakness.
    o.discard_worst = false;
    const auto q = dxframe::profile_unit(tree, m, units, "u1", o);
    CHECK(q.weaknesses.back().indicator == "c");
    CHECK(q.weaknesses.back().rank == 4);
    CHECK(q.weaknesses.back().value == 9);
    // Without the direction c's 9 is the best value.
    o.apply_direction = false;
    const auto r = dxframe::profile_unit(tree, m, units, "u1", o);
    CHECK(r.strengths[0].indicator == "a");
    CHECK(r.strengths[2 - 1].indicator == "b");
    CHECK(r.considered == 4);

    // Within groups: u1 and u2 in X, u3 and u4 in Y; u3's ranks are among u3, u4 only.
    dxframe::profile_options g;
    g.groups = {std::string("X"), std::string("X"), std::string("Y"), std::string("Y")};
    g.discard_worst = false;
    const auto s = dxframe::profile_unit(tree, m, units, "u3", g);
    REQUIRE(s.ok());
    CHECK(s.strengths[0].indicator == "a");  // 3 > 1
    CHECK(s.strengths[0].rank == 1);
    CHECK(s.strengths[0].ranked == 2);

    // Share of distinct values: d has 4 distinct (NaN counts as one) of 4; b has 3 of 4.
    dxframe::profile_options u;
    u.min_unique_share = 0.8;
    u.discard_worst = false;
    const auto v = dxframe::profile_unit(tree, m, units, "u2", u);
    for (const auto& x : v.strengths)
        CHECK(x.indicator != "b");
    CHECK(v.considered == 4);

    // Fewer indicators than asked for: a warning and shorter lists; an unknown unit: an error.
    CHECK(p.diagnostics.empty());
    dxframe::profile_options many;
    const auto w = dxframe::profile_unit(tree, m, units, "u1", many);
    CHECK(w.ok());
    CHECK(w.strengths.size() == 3);
    REQUIRE(w.diagnostics.size() == 1);
    CHECK(w.diagnostics[0].severity == dxframe::severity::warning);
    const auto x = dxframe::profile_unit(tree, m, units, "nobody", many);
    CHECK_FALSE(x.ok());
    CHECK(x.diagnostics[0].code == dxframe::diagnostic_code::unknown_reference);
    CHECK(x.strengths.empty());
    CHECK_THROWS(dxframe::profile_unit(tree, m, {"u1"}, "u1"));
}

TEST_CASE("profile of a province from a dxframe/1 dataset (the built-in Viet Nam PDTI)", "[profile]") {
    dxframe::dataset_input_options o;
    o.root = "dti922_pdti";
    const auto in = dxframe::make_dataset_input(dxframe::data::vietnam(), o);
    REQUIRE(in.ok());
    dxframe::profile_options po;
    po.strengths = 3;
    po.weaknesses = 3;
    for (const auto& unit : in.units) {
        INFO(unit);
        const auto p = dxframe::profile_unit(*in.tree, in.values, in.units, unit, po);
        REQUIRE(p.ok());
        CHECK(p.strengths.size() == std::min<std::size_t>(3, p.considered));
        for (std::size_t k = 1; k < p.strengths.size(); ++k)
            CHECK(p.strengths[k - 1].rank <= p.strengths[k].rank);
        for (const auto& e : p.strengths) {
            CHECK(e.rank >= 1);
            CHECK(e.rank < e.ranked);  // the worst rank is discarded
            CHECK(e.ranked <= in.units.size());
            CHECK(e.ancestor);
        }
    }
}
