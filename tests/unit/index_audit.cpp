// SPDX-License-Identifier: MIT
// The statistical audit (index/audit*.hpp) against COINr 1.1.14's get_corr, get_pvals,
// get_corr_flags, get_cronbach and get_PCA on the ASEM "Aggregated" data set. Expected values:
// tests/data/coinr-expected/audit_*.csv, from coinr_expected.R (an independent base-R port of
// COINr's code using R's own cor, cor.test, cov and prcomp); small cases worked by hand below.
#include <dxframe/data/vietnam.hpp>
#include <dxframe/index/audit.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/index/dataset_input.hpp>
#include <dxframe/index/treat.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "catch_compat.hpp"
#include "coinr_expected_support.hpp"

using coinr_expected::close;
using coinr_expected::number;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

struct asem_audit {
    dxframe::index_result result;
    dxframe::audit_result audit;
};

const asem_audit& asem_aggregated() {
    static const asem_audit a = [] {
        const auto& asem = coinr_expected::asem();
        asem_audit out;
        out.result = dxframe::compute_index(asem.tree, asem.values, asem.units);
        out.audit = dxframe::run_audit(asem.tree, out.result.normalised, &out.result.aggregates);
        return out;
    }();
    return a;
}

}  // namespace

TEST_CASE("regularized incomplete beta and t p-values against R's pbeta and pt", "[audit]") {
    // Exact: I_0.5(2, 3) = Σ_{j=2}^{4} C(4, j)/16 = (6 + 4 + 1)/16.
    CHECK(close(dxframe::regularized_incomplete_beta(2, 3, 0.5), 0.6875, 1.0));
    CHECK(close(dxframe::regularized_incomplete_beta(1, 1, 0.3), 0.3, 1.0));
    CHECK(close(dxframe::regularized_incomplete_beta(4, 1, 0.3), 0.0081, 1.0));
    // R: pbeta(x, a, b), printed with 17 digits.
    CHECK(close(dxframe::regularized_incomplete_beta(0.5, 7.5, 0.3), 0.97715338684231545));
    CHECK(close(dxframe::regularized_incomplete_beta(24.5, 0.5, 0.999), 0.82564671866371486));
    CHECK(close(dxframe::regularized_incomplete_beta(3, 0.5, 1e-5), 3.1250117188203268e-16, 1e-300));
    CHECK(close(dxframe::regularized_incomplete_beta(100, 0.5, 0.9), 4.5452549045170131e-06, 1e-300));
    CHECK(close(dxframe::regularized_incomplete_beta(1000, 2000, 0.2), 8.3794082543030398e-66, 1e-300));
    CHECK(dxframe::regularized_incomplete_beta(2, 3, 0.0) == 0.0);
    CHECK(dxframe::regularized_incomplete_beta(2, 3, 1.0) == 1.0);
    CHECK_THROWS(dxframe::regularized_incomplete_beta(0, 3, 0.5));
    CHECK_THROWS(dxframe::regularized_incomplete_beta(1, 3, 1.5));
    // R: 2 * pt(-|t|, df).
    CHECK(close(dxframe::student_t_two_sided_p(2, 10), 0.073388034770740393));
    CHECK(close(dxframe::student_t_two_sided_p(-0.1, 49), 0.92075235258510346));
    CHECK(close(dxframe::student_t_two_sided_p(12, 49), 3.3808104947974004e-16, 1e-300));
    CHECK(close(dxframe::student_t_two_sided_p(40, 3), 3.438068078915854e-05));
    CHECK(dxframe::student_t_two_sided_p(std::numeric_limits<double>::infinity(), 3) == 0.0);
}

TEST_CASE("Pearson correlation: pairwise complete, cor.test's p, undefined cases absent", "[audit]") {
    // R: cor.test(c(1,2,3,4,5), c(2,1,4,3,6)): r = 0.82199493652678635, p = 0.087706647008065589.
    const std::vector<double> x = {1, 2, NaN, 3, 4, 5, 7};
    const std::vector<double> y = {2, 1, 9, 4, 3, 6, NaN};
    const auto c = dxframe::pearson_correlation(x.data(), y.data(), x.size());
    CHECK(c.n == 5);
    CHECK(close(*c.r, 0.82199493652678635));
    CHECK(close(*c.p, 0.087706647008065589));
    // Perfect correlation: p = 0; two pairs: r but no p; a constant column: neither (R: NA, not NaN).
    const std::vector<double> a = {1, 2, 3};
    const std::vector<double> b = {2, 4, 6};
    CHECK(*dxframe::pearson_correlation(a.data(), b.data(), 3).r == 1.0);
    CHECK(*dxframe::pearson_correlation(a.data(), b.data(), 3).p == 0.0);
    const auto two = dxframe::pearson_correlation(a.data(), b.data(), 2);
    CHECK(two.r);
    CHECK_FALSE(two.p);
    const std::vector<double> flat = {5, 5, 5};
    const auto undefined = dxframe::pearson_correlation(a.data(), flat.data(), 3);
    CHECK(undefined.n == 3);
    CHECK_FALSE(undefined.r);
    CHECK_FALSE(undefined.p);
}

TEST_CASE("Cronbach's alpha and the eigen-solver, worked by hand", "[audit]") {
    // x = 1 2 3 4, y = 2 1 4 3: var 5/3 each, cov 1; σ_all = 16/3, σ̄ = 1, alpha = 4·1/(16/3) = 0.75.
    const std::vector<double> x = {1, 2, 3, 4};
    const std::vector<double> y = {2, 1, 4, 3};
    CHECK(close(*dxframe::cronbach_alpha({x.data(), y.data()}, 4), 0.75));
    CHECK(close(*dxframe::cronbach_alpha({x.data(), x.data()}, 4), 1.0));
    CHECK_FALSE(dxframe::cronbach_alpha({x.data()}, 4));
    const std::vector<double> z = {4, 3, 2, 1};
    CHECK_FALSE(dxframe::cronbach_alpha({x.data(), z.data()}, 4));  // σ_all = 0

    // [[2, 1], [1, 2]]: eigenvalues 3 and 1, vectors (1, 1)/√2 and (1, −1)/√2 (largest |entry| first of equals > 0).
    const auto e = dxframe::symmetric_eigen({2, 1, 1, 2}, 2);
    CHECK(close(e.values[0], 3.0));
    CHECK(close(e.values[1], 1.0));
    CHECK(close(e.vectors[0][0], std::sqrt(0.5)));
    CHECK(close(e.vectors[0][1], std::sqrt(0.5)));
    CHECK(close(e.vectors[1][0], std::sqrt(0.5)));
    CHECK(close(e.vectors[1][1], -std::sqrt(0.5)));
    // Diagonal already: no rotation, sorted largest first.
    const auto d = dxframe::symmetric_eigen({1, 0, 0, 0, 5, 0, 0, 0, 3}, 3);
    CHECK(d.values == std::vector<double>{5, 3, 1});
    CHECK(d.vectors[0] == std::vector<double>{0, 1, 0});
    CHECK_THROWS(dxframe::symmetric_eigen({1, 2, 3}, 2));

    // PCA with a constant column, and with too few complete rows: warnings, no result.
    std::vector<dxframe::diagnostic> diags;
    const std::vector<double> flat = {7, 7, 7, 7};
    CHECK_FALSE(dxframe::pca_of_columns({x.data(), flat.data()}, 4, "G", diags));
    const std::vector<double> gappy = {NaN, NaN, NaN, 1};
    CHECK_FALSE(dxframe::pca_of_columns({x.data(), gappy.data()}, 4, "H", diags));
    REQUIRE(diags.size() == 2);
    CHECK(diags[0].path == "G");
    CHECK(diags[0].message.find("constant") != std::string::npos);
    CHECK(diags[1].path == "H");
    // Two perfectly correlated columns: one component carries everything.
    const auto p = dxframe::pca_of_columns({x.data(), x.data()}, 4, "I", diags);
    REQUIRE(p);
    CHECK(p->rows == 4);
    CHECK(close(p->shares[0], 1.0));
    CHECK(std::fabs(p->shares[1]) < 1e-15);
}

TEST_CASE("audit input: compute_index reproduces COINr's Aggregated data set", "[audit][coinr]") {
    const auto& a = asem_aggregated();
    const auto& asem = coinr_expected::asem();
    const auto t = coinr_expected::table("audit_aggregated.csv");
    REQUIRE(t.rows.size() == 51);
    for (std::size_t c = 1; c < t.header.size(); ++c) {
        const auto e = asem.tree.find(t.header[c]);
        REQUIRE(e);
        for (std::size_t u = 0; u < 51; ++u) {
            const auto got =
                asem.tree.is_indicator(*e) ? a.result.normalised.get(u, *e) : a.result.aggregates.get(u, *e - 49);
            INFO(t.header[c] << " " << t.rows[u][0]);
            CHECK(close(got, number(t.rows[u][c])));
        }
    }
}

TEST_CASE("audit on ASEM: indicator correlations and p-values as get_corr and get_pvals", "[audit][coinr]") {
    const auto& a = asem_aggregated().audit;
    const auto t = coinr_expected::table("audit_corr_indicators.csv");
    REQUIRE(t.rows.size() == 49u * 48u / 2u);
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < a.indicators.ids.size(); ++i)
        at[a.indicators.ids[i]] = i;
    for (const auto& row : t.rows) {
        INFO(row[0] << " " << row[1]);
        const auto& c = a.indicators.at(at.at(row[0]), at.at(row[1]));
        CHECK(close(c.r, number(row[2]), 1e-9));
        CHECK(close(c.p, number(row[3]), 1e-300));
        CHECK(c.n == std::stoul(row[4]));
        CHECK(a.indicators.at(at.at(row[1]), at.at(row[0])).r == c.r);
    }
    CHECK(*a.indicators.at(3, 3).r == 1.0);
    CHECK(a.columns.size() == 49u + 11u);
    CHECK(a.columns.back().id == "Index");
}

TEST_CASE("audit on ASEM: correlations with parents, grandparents (withparent = family)", "[audit][coinr]") {
    const auto& a = asem_aggregated().audit;
    const auto t = coinr_expected::table("audit_corr_family.csv");
    std::map<std::pair<std::string, std::string>, dxframe::correlation> got;
    for (const auto& f : a.family)
        got[{f.element, f.ancestor}] = f.value;
    CHECK(got.size() == t.rows.size());
    for (const auto& row : t.rows) {
        INFO(row[0] << " " << row[1]);
        REQUIRE(got.count({row[0], row[1]}) == 1);
        const auto& c = got.at({row[0], row[1]});
        CHECK(close(c.r, number(row[2]), 1e-9));
        CHECK(close(c.p, number(row[3]), 1e-300));
        CHECK(c.n == std::stoul(row[4]));
    }
}

TEST_CASE("audit on ASEM: get_corr_flags, high and low", "[audit][coinr]") {
    const auto& asem = coinr_expected::asem();
    const auto& r = asem_aggregated().result;
    dxframe::audit_options o;
    o.flag_below = -0.4;
    const auto a = dxframe::run_audit(asem.tree, r.normalised, &r.aggregates, o);
    const auto t = coinr_expected::table("audit_corr_flags.csv");
    REQUIRE(a.flags.size() == t.rows.size());
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        INFO(i);
        CHECK(a.flags[i].group == t.rows[i][0]);
        CHECK(a.flags[i].first == t.rows[i][1]);
        CHECK(a.flags[i].second == t.rows[i][2]);
        CHECK(a.flags[i].high == (t.rows[i][3] == "high"));
        CHECK(close(a.flags[i].r, *number(t.rows[i][4])));
    }
    // The default: only the high flags (one pair above 0.9).
    CHECK(asem_aggregated().audit.flags.size() == 1);
}

TEST_CASE("audit on ASEM: Cronbach's alpha and PCA of every group", "[audit][coinr]") {
    const auto& a = asem_aggregated().audit;
    std::map<std::string, const dxframe::group_audit*> groups;
    for (const auto& g : a.groups)
        groups[g.group] = &g;
    const auto cron = coinr_expected::table("audit_cronbach.csv");
    REQUIRE(groups.size() == cron.rows.size());
    for (const auto& row : cron.rows) {
        INFO(row[0]);
        const auto& g = *groups.at(row[0]);
        CHECK(g.members.size() == std::stoul(row[1]));
        CHECK(close(g.alpha, number(row[2])));
    }
    const auto pca = coinr_expected::table("audit_pca.csv");
    for (const auto& row : pca.rows) {
        INFO(row[0] << " component " << row[2]);
        const auto& g = *groups.at(row[0]);
        REQUIRE(g.pca);
        CHECK(g.pca->rows == std::stoul(row[1]));
        const std::size_t m = std::stoul(row[2]) - 1;
        CHECK(close(g.pca->variances[m], *number(row[3]), 1e-12));
        CHECK(close(g.pca->shares[m], *number(row[4]), 1e-12));
        std::istringstream in(row[5]);
        std::size_t k = 0;
        for (std::string w; in >> w; ++k)
            CHECK(close(g.pca->loadings[m][k], *number(w), 1e-12));
        CHECK(k == g.members.size());
    }
}

TEST_CASE("audit of bad columns: constant and too short give warnings and empty cells, never NaN", "[audit]") {
    std::vector<dxframe::tree_indicator> inds(3);
    inds[0].id = "a";
    inds[1].id = "flat";
    inds[2].id = "short";
    for (auto& i : inds)
        i.parent = "G";
    std::vector<dxframe::tree_node> nodes(1);
    nodes[0].id = "G";
    const auto built = dxframe::build_tree(inds, nodes);
    REQUIRE(built.ok());
    dxframe::value_matrix m(4, 3);
    for (std::size_t r = 0; r < 4; ++r) {
        m.set(r, 0, static_cast<double>(r * r));
        m.set(r, 1, 2.0);
    }
    m.set(0, 2, 1.0);
    m.set(1, 2, 3.0);
    const auto a = dxframe::run_audit(*built.tree, m);
    CHECK_FALSE(a.indicators.at(0, 1).r);
    CHECK_FALSE(a.indicators.at(1, 1).r);
    CHECK(a.indicators.at(0, 2).n == 2);
    CHECK(a.indicators.at(0, 2).r);
    CHECK_FALSE(a.indicators.at(0, 2).p);
    CHECK_FALSE(a.columns[2].statistics.skewness);
    bool constant_warned = false;
    bool short_warned = false;
    for (const auto& d : a.diagnostics) {
        constant_warned =
            constant_warned || (d.path == "flat" && d.message.find("standard deviation 0") != std::string::npos);
        short_warned = short_warned || (d.path == "short" && d.message.find("skewness needs 3") != std::string::npos);
    }
    CHECK(constant_warned);
    CHECK(short_warned);
    REQUIRE(a.groups.size() == 1);
    CHECK_FALSE(a.groups[0].pca);  // "flat" is constant over the complete rows
    CHECK(a.family.empty());       // no aggregates given
    CHECK_THROWS(dxframe::run_audit(*built.tree, dxframe::value_matrix(4, 2)));
}

TEST_CASE("audit of a dxframe/1 dataset: the built-in Viet Nam provinces' PDTI", "[audit]") {
    dxframe::dataset_input_options o;
    o.root = "dti922_pdti";
    const auto in = dxframe::make_dataset_input(dxframe::data::vietnam(), o);
    REQUIRE(in.ok());
    const auto result = dxframe::compute_index(*in.tree, in.values, in.units);
    const auto a = dxframe::run_audit(*in.tree, in.values, &result.aggregates);
    CHECK(a.columns.size() == in.tree->element_count());
    CHECK(a.groups.size() == in.tree->node_count());
    CHECK(a.indicators.ids.size() == in.tree->indicator_count());
    // Every statistic, correlation and loading present is a number; what cannot be computed is absent
    // and said in a diagnostic naming the column or the group.
    for (const auto& c : a.columns) {
        for (const auto& v : {c.statistics.mean, c.statistics.sd, c.statistics.skewness, c.statistics.kurtosis})
            CHECK((!v || std::isfinite(*v)));
        if (c.statistics.n == 0) {
            bool said = false;
            for (const auto& d : a.diagnostics)
                said = said || d.path == c.id;
            CHECK(said);
        }
    }
    for (const auto& c : a.indicators.cells)
        CHECK((!c.r || (*c.r >= -1.0 && *c.r <= 1.0)));
    for (const auto& g : a.groups)
        if (g.pca)
            for (const auto& l : g.pca->loadings)
                for (const double x : l)
                    CHECK(std::isfinite(x));
}

TEST_CASE("infinite cells: left out of statistics and correlations, treatment refused, never NaN", "[audit][treat]") {
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> x = {1, 2, inf, 3, 4, 8};
    const std::vector<double> y = {2, 1, 5, 4, 3, 9};
    std::vector<dxframe::diagnostic> d;
    const auto s = dxframe::describe_column(x.data(), x.size(), "x", &d);
    CHECK(s.n == 5);
    CHECK(*s.max == 8);
    CHECK(std::isfinite(*s.mean));
    CHECK(std::isfinite(*s.kurtosis));
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == dxframe::diagnostic_code::non_finite_value);
    const auto c = dxframe::pearson_correlation(x.data(), y.data(), x.size());
    CHECK(c.n == 5);
    CHECK(std::isfinite(*c.r));
    std::vector<double> t = x;
    d.clear();
    const auto log = dxframe::treat_column(t.data(), t.size(), {}, "x", nullptr, d);
    CHECK(log.applied == dxframe::treatment::none);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("row 3") != std::string::npos);
    CHECK(std::isinf(t[2]));
}
