// SPDX-License-Identifier: MIT
// The column passes of imputation and treatment (index/column_scan.hpp, and the central sums of
// index/column_statistics.hpp): what they compute, and the AVX, SSE2 and portable paths giving
// the same bits.
#include <dxframe/index/impl/column_scan.ipp>  // inline helpers, in both compilation modes

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "catch_compat.hpp"

namespace {

using dxframe::detail::kernel_path;

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

std::uint64_t bits_of(double d) {
    std::uint64_t b = 0;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

// Columns of every length up to 40 and a long one, log-normal values with wide spread, ~5% missing.
std::vector<std::vector<double>> columns() {
    std::mt19937_64 gen(13);
    std::lognormal_distribution<double> value(0.0, 3.0);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<std::vector<double>> out;
    for (std::size_t n = 0; n <= 40; ++n)
        out.emplace_back(n);
    out.emplace_back(10007);
    for (auto& c : out)
        for (auto& v : c)
            v = u(gen) < 0.05 ? NaN : (u(gen) < 0.5 ? -1.0 : 1.0) * value(gen);
    return out;
}

}  // namespace

TEST_CASE("column_scan: the sum of residuals is the same on every path and close to the exact sum", "[column_scan]") {
    for (const auto& c : columns()) {
        const double shift = c.empty() ? 0.0 : 0.37;
        const double best = dxframe::detail::residual_sum(c.data(), c.size(), shift, kernel_path::best);
        const double sse2 = dxframe::detail::residual_sum(c.data(), c.size(), shift, kernel_path::sse2);
        const double portable = dxframe::detail::residual_sum(c.data(), c.size(), shift, kernel_path::portable);
        CHECK(bits_of(best) == bits_of(portable));
        CHECK(bits_of(sse2) == bits_of(portable));
        long double exact = 0.0L;
        long double magnitude = 0.0L;
        for (const double v : c) {
            if (std::isnan(v)) continue;
            exact += static_cast<long double>(v) - shift;
            magnitude += std::fabs(static_cast<long double>(v) - shift);
        }
        CHECK(std::fabs(static_cast<long double>(portable) - exact) <= 1e-14L * (magnitude + 1.0L));
    }
}

TEST_CASE("column_scan: count, sum, range and missing rows in one pass equal sum_finite and the NaN cells",
          "[column_scan]") {
    auto all = columns();
    all.push_back({1.0, inf, NaN, 2.0, 3.0, NaN, -inf, 4.0, 5.0});  // infinities: sum_finite's own loop
    all.push_back({1.0, 2.0, 3.0, 4.0, NaN, inf});                  // an infinity in the tail
    std::vector<std::size_t> rows;
    for (const auto& c : all) {
        for (const auto path : {kernel_path::best, kernel_path::sse2, kernel_path::portable}) {
            const auto s = dxframe::detail::scan_for_imputation(c.data(), c.size(), rows, path);
            const auto expected = dxframe::detail::sum_finite(c.data(), c.size());
            std::vector<std::size_t> nan_rows;
            for (std::size_t r = 0; r < c.size(); ++r)
                if (std::isnan(c[r])) nan_rows.push_back(r);
            CHECK(rows == nan_rows);
            CHECK(s.n == expected.n);
            CHECK(s.infinite == expected.infinite);
            CHECK(bits_of(s.sum) == bits_of(expected.sum));
            CHECK(s.lo == expected.lo);
            CHECK(s.hi == expected.hi);
        }
    }
    const auto& last = all.back();
    const auto s = dxframe::detail::scan_for_imputation(last.data(), last.size(), rows);
    CHECK(s.infinite == 1);
    CHECK(s.n == 4);
    CHECK(s.sum == 10.0);
    CHECK(rows == std::vector<std::size_t>{4});
}

TEST_CASE("column_scan: the winsorising search finds the next value and the rows at the extreme", "[column_scan]") {
    const std::vector<double> x = {3.0, 9.0, NaN, 9.0, 1.0, 7.0, 7.5, 1.0, 2.0, 9.0, NaN};
    for (const auto path : {kernel_path::best, kernel_path::sse2, kernel_path::portable}) {
        std::vector<std::size_t> at;
        CHECK(dxframe::detail::next_inside(x.data(), x.size(), 9.0, true, at, path) == 7.5);
        CHECK(at == std::vector<std::size_t>{1, 3, 9});
        at.clear();
        CHECK(dxframe::detail::next_inside(x.data(), x.size(), 1.0, false, at, path) == 2.0);
        CHECK(at == std::vector<std::size_t>{4, 7});
        at.clear();
        const std::vector<double> same = {4.0, 4.0, NaN, 4.0, 4.0};
        CHECK(dxframe::detail::next_inside(same.data(), same.size(), 4.0, true, at, path) == -inf);
        CHECK(at.size() == 4);
    }
    for (const auto& c : columns()) {
        if (c.empty()) continue;
        const auto sums = dxframe::detail::sum_finite(c.data(), c.size());
        if (sums.n == 0) continue;
        std::vector<std::size_t> a;
        std::vector<std::size_t> b;
        const double best = dxframe::detail::next_inside(c.data(), c.size(), sums.hi, true, a, kernel_path::best);
        const double portable =
            dxframe::detail::next_inside(c.data(), c.size(), sums.hi, true, b, kernel_path::portable);
        CHECK(bits_of(best) == bits_of(portable));
        CHECK(a == b);
    }
}

TEST_CASE("column_scan: the central sums are the same on every path", "[column_scan]") {
    for (const auto& c : columns()) {
        const auto first = dxframe::detail::sum_finite(c.data(), c.size());
        const auto best = dxframe::detail::central_sums_about_mean(c.data(), c.size(), first, kernel_path::best);
        const auto sse2 = dxframe::detail::central_sums_about_mean(c.data(), c.size(), first, kernel_path::sse2);
        const auto portable =
            dxframe::detail::central_sums_about_mean(c.data(), c.size(), first, kernel_path::portable);
        CHECK(best.n == portable.n);
        CHECK(bits_of(best.s2) == bits_of(portable.s2));
        CHECK(bits_of(best.s3) == bits_of(portable.s3));
        CHECK(bits_of(best.s4) == bits_of(portable.s4));
        CHECK(bits_of(sse2.s2) == bits_of(portable.s2));
        CHECK(bits_of(sse2.s3) == bits_of(portable.s3));
        CHECK(bits_of(sse2.s4) == bits_of(portable.s4));
    }
}

TEST_CASE("column_scan: the outlier test's one-pass sums are the same on every path and equal the two-pass ones",
          "[column_scan]") {
    auto all = columns();
    all.push_back({5.0, 5.0, NaN, 5.0, 5.0, 5.0});            // constant: no central sums
    all.push_back({1.0, 2.0, inf, 3.0, 4.0, 5.0, 6.0, 7.0});  // an infinity: sum_finite's answer
    std::vector<double> sorted(1000);                         // sorted: the centre far from the mean
    for (std::size_t i = 0; i < sorted.size(); ++i)
        sorted[i] = std::exp(0.01 * static_cast<double>(i));
    all.push_back(sorted);
    for (const auto& c : all) {
        const auto best = dxframe::detail::first_test_sums(c.data(), c.size(), kernel_path::best);
        const auto portable = dxframe::detail::first_test_sums(c.data(), c.size(), kernel_path::portable);
        CHECK(bits_of(best.sums.sum) == bits_of(portable.sums.sum));
        CHECK(bits_of(best.central.s2) == bits_of(portable.central.s2));
        CHECK(bits_of(best.central.s3) == bits_of(portable.central.s3));
        CHECK(bits_of(best.central.s4) == bits_of(portable.central.s4));
        const auto first = dxframe::detail::sum_finite(c.data(), c.size());
        CHECK(best.sums.n == first.n);
        CHECK(best.sums.infinite == first.infinite);
        CHECK(best.sums.lo == first.lo);
        CHECK(best.sums.hi == first.hi);
        if (first.infinite > 0) continue;
        const auto two_pass = dxframe::detail::central_sums_about_mean(c.data(), c.size(), first);
        CHECK(best.central.n == two_pass.n);
        const auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-12 * (std::fabs(b) + 1e-300); };
        CHECK(near(best.central.s2, two_pass.s2));
        CHECK(near(best.central.s4, two_pass.s4));
        CHECK(std::fabs(best.central.s3 - two_pass.s3) <= 1e-12 * std::pow(two_pass.s2, 1.5));
        CHECK(std::fabs(best.sums.sum - first.sum) <= 1e-12 * (std::fabs(first.sum) + 1.0) * 1e3);
    }
}

TEST_CASE("column_scan: the imputation's pass with the first test's sums, then the filled cells added",
          "[column_scan]") {
    auto all = columns();
    all.push_back({1.0, inf, NaN, 2.0, 3.0, NaN, -inf, 4.0, 5.0});  // infinities: no estimate
    std::vector<std::size_t> rows;
    std::vector<std::size_t> plain_rows;
    std::size_t estimated = 0;
    for (const auto& c : all) {
        const auto scan = dxframe::detail::scan_for_imputation_and_moments(c.data(), c.size(), rows);
        const auto plain = dxframe::detail::scan_for_imputation(c.data(), c.size(), plain_rows);
        // The imputation's sums and missing rows are scan_for_imputation's, bit for bit.
        CHECK(rows == plain_rows);
        CHECK(scan.sums.n == plain.n);
        CHECK(bits_of(scan.sums.sum) == bits_of(plain.sum));
        CHECK(scan.sums.lo == plain.lo);
        CHECK(scan.sums.hi == plain.hi);
        // Fill the missing cells with one value, as a column mean does, and compare the estimate
        // with the treatment's own pass over the filled column.
        std::vector<double> filled = c;
        for (const std::size_t r : rows)
            filled[r] = 0.75;
        const auto estimate = dxframe::detail::first_test_after_filling(scan, filled.data(), rows);
        if (!estimate) {
            CHECK((!scan.moments || scan.sums.infinite > 0 || !dxframe::detail::index_avx_available()));
            continue;
        }
        ++estimated;
        const auto exact = dxframe::detail::first_test_sums(filled.data(), filled.size());
        CHECK(estimate->sums.n == exact.sums.n);
        CHECK(estimate->sums.lo == exact.sums.lo);
        CHECK(estimate->sums.hi == exact.sums.hi);
        CHECK(estimate->central.n == exact.central.n);
        const auto near = [](double a, double b, double scale) { return std::fabs(a - b) <= 1e-12 * scale; };
        const double s2 = std::max(1.0, std::fabs(exact.central.s2));
        CHECK(near(estimate->central.s2, exact.central.s2, s2));
        CHECK(near(estimate->central.s3, exact.central.s3, std::pow(s2, 1.5)));
        CHECK(near(estimate->central.s4, exact.central.s4, s2 * s2));
        // Filled cells that differ (not a column-wise imputation): no estimate.
        if (rows.size() >= 2) {
            filled[rows.back()] = 0.5;
            CHECK_FALSE(dxframe::detail::first_test_after_filling(scan, filled.data(), rows).has_value());
        }
    }
    if (dxframe::detail::index_avx_available()) CHECK(estimated > 30);
}

TEST_CASE("column_scan: listing the marked rows, four a word written at once, gives every set bit in order",
          "[column_scan]") {
    std::mt19937_64 gen(8);
    const std::vector<std::uint64_t> shapes = {
        0, 1, std::uint64_t{1} << 63, 0xf, 0x1f, 0x8000000000000001u, 0xffffffffffffffffu, 0x5555555555555555u};
    std::vector<std::uint64_t> marks = shapes;
    for (int k = 0; k < 64; ++k)
        marks.push_back(gen() & gen() & gen());  // about 8 bits a word
    for (std::size_t words = 0; words <= marks.size(); ++words) {
        const std::vector<std::uint64_t> some(marks.begin(), marks.begin() + static_cast<std::ptrdiff_t>(words));
        std::vector<std::size_t> rows = {7};  // appended after what is there
        dxframe::detail::list_marked_rows(some, rows);
        std::vector<std::size_t> expected = {7};
        for (std::size_t w = 0; w < some.size(); ++w)
            for (std::size_t b = 0; b < 64; ++b)
                if (((some[w] >> b) & 1u) != 0) expected.push_back(w * 64 + b);
        CHECK(rows == expected);
    }
    CHECK(dxframe::detail::set_bits(0) == 0);
    CHECK(dxframe::detail::set_bits(0xffffffffffffffffu) == 64);
    CHECK(dxframe::detail::set_bits(0x8000000000000001u) == 2);

    // Columns mostly missing, and wholly: the scans list them all.
    std::vector<double> dense(1000, NaN);
    std::vector<std::size_t> rows;
    dxframe::detail::scan_for_imputation(dense.data(), dense.size(), rows);
    CHECK(rows.size() == 1000);
    for (std::size_t r = 0; r < dense.size(); r += 3)
        dense[r] = static_cast<double>(r);
    (void)dxframe::detail::scan_for_imputation_and_moments(dense.data(), dense.size(), rows);
    std::vector<std::size_t> nan_rows;
    for (std::size_t r = 0; r < dense.size(); ++r)
        if (std::isnan(dense[r])) nan_rows.push_back(r);
    CHECK(rows == nan_rows);
}
