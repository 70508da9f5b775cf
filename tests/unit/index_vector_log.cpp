// SPDX-License-Identifier: MIT
// The vectorised natural logarithm of the outlier treatment (index/vector_log.hpp): its error
// against std::log over the whole range of positive doubles, and the AVX, SSE2 and portable paths
// giving the same bits.
#include <dxframe/index/impl/vector_log.ipp>  // inline helpers, in both compilation modes

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "catch_compat.hpp"

namespace {

std::uint64_t bits_of(double d) {
    std::uint64_t b = 0;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

double from_bits(std::uint64_t b) {
    double d = 0.0;
    std::memcpy(&d, &b, sizeof d);
    return d;
}

// Position of a finite double on the line of all doubles, so that the difference of two is their
// distance in units in the last place.
std::int64_t ordinal(double d) {
    const std::uint64_t b = bits_of(d);
    const auto magnitude = static_cast<std::int64_t>(b & 0x7fffffffffffffffULL);
    return (b >> 63) != 0 ? -magnitude : magnitude;
}

// Every exponent of the positive doubles (subnormals included), random mantissas for each, every
// one of the 2^20 leading mantissa patterns at exponents 0 and −1 (the arguments near 1, where
// ln x is small and the relative error is hardest to keep), the 100,000 doubles on either side
// of 1, and the edges of the range.
std::vector<double> sample() {
    std::vector<double> x;
    std::mt19937_64 gen(20261207);
    std::uniform_int_distribution<std::uint64_t> fraction(0, (std::uint64_t{1} << 52) - 1);
    for (std::uint64_t e = 0; e <= 2046; ++e) {
        for (int k = 0; k < 600; ++k) {
            const std::uint64_t b = (e << 52) | fraction(gen);
            if (b != 0) x.push_back(from_bits(b));
        }
    }
    for (std::uint64_t top = 0; top < (std::uint64_t{1} << 20); ++top) {
        const std::uint64_t low = fraction(gen) & 0xffffffffULL;
        x.push_back(from_bits(0x3ff0000000000000ULL | (top << 32) | low));
        x.push_back(from_bits(0x3fe0000000000000ULL | (top << 32) | low));
    }
    for (std::uint64_t k = 1; k <= 100000; ++k) {
        x.push_back(from_bits(0x3ff0000000000000ULL + k));
        x.push_back(from_bits(0x3ff0000000000000ULL - k));
    }
    x.push_back(1.0);
    x.push_back(2.0);
    x.push_back(0.5);
    x.push_back(std::numeric_limits<double>::min());
    x.push_back(std::numeric_limits<double>::denorm_min());
    x.push_back(std::numeric_limits<double>::max());
    x.push_back(std::sqrt(2.0));
    x.push_back(std::exp(1.0));
    return x;
}

}  // namespace

TEST_CASE("vector_log: within one ulp of std::log over the positive doubles", "[vector_log]") {
    const std::vector<double> x = sample();
    std::vector<double> y(x.size());
    dxframe::detail::log_shifted(x.data(), y.data(), x.size(), 0.0, 0.0);
    std::int64_t worst = 0;
    std::size_t off_by_one = 0;
    double worst_at = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::int64_t d = std::llabs(ordinal(y[i]) - ordinal(std::log(x[i])));
        off_by_one += d != 0 ? 1u : 0u;
        if (d > worst) {
            worst = d;
            worst_at = x[i];
        }
    }
    INFO("values: " << x.size() << ", not equal to std::log: " << off_by_one << ", worst at "
                    << from_bits(bits_of(worst_at)));
    // Measured on x86-64 with glibc's std::log (correctly rounded in nearly every case): at most
    // 1 ulp; 157,306 of the 3,525,360 values (4.5%) differ, by that one ulp.
    CHECK(worst <= 1);
    CHECK(off_by_one * 20 < x.size());
    CHECK(y[x.size() - 8] == 0.0);  // ln 1 is exactly 0
    CHECK(y[x.size() - 7] == std::log(2.0));
}

TEST_CASE("vector_log: AVX, SSE2 and portable paths give the same bits", "[vector_log]") {
    using dxframe::detail::kernel_path;
    std::vector<double> x = sample();
    // Arguments outside the normal range, among normal ones: zero, negatives, infinities, NaN.
    const double specials[] = {0.0,
                               -0.0,
                               -1.0,
                               std::numeric_limits<double>::infinity(),
                               -std::numeric_limits<double>::infinity(),
                               std::numeric_limits<double>::quiet_NaN()};
    for (std::size_t k = 0; k < 6; ++k)
        x.insert(x.begin() + static_cast<std::ptrdiff_t>(7 * k + 3), specials[k]);
    std::vector<double> best(x.size());
    std::vector<double> sse2(x.size());
    std::vector<double> portable(x.size());
    dxframe::detail::log_shifted(x.data(), best.data(), x.size(), 0.0, 0.0, kernel_path::best);
    dxframe::detail::log_shifted(x.data(), sse2.data(), x.size(), 0.0, 0.0, kernel_path::sse2);
    dxframe::detail::log_shifted(x.data(), portable.data(), x.size(), 0.0, 0.0, kernel_path::portable);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        differ += (bits_of(best[i]) != bits_of(portable[i]) || bits_of(sse2[i]) != bits_of(portable[i])) ? 1u : 0u;
    CHECK(differ == 0);
    CHECK(portable[3] == -std::numeric_limits<double>::infinity());                     // ln 0
    CHECK(portable[10] == -std::numeric_limits<double>::infinity());                    // ln −0
    CHECK(std::isnan(portable[17]));                                                    // ln −1
    CHECK(portable[24] == std::numeric_limits<double>::infinity());                     // ln +inf
    CHECK(std::isnan(portable[31]));                                                    // ln −inf
    CHECK(bits_of(portable[38]) == bits_of(std::numeric_limits<double>::quiet_NaN()));  // missing: kept
}

TEST_CASE("vector_log: the log transform's shifted argument, missing cells kept", "[vector_log]") {
    // COINr's log_CT: ln(x − min + 0.01·(max − min)), here min = 1, max = 9.
    std::vector<double> x = {1.0, 9.0, std::numeric_limits<double>::quiet_NaN(), 5.0, 2.0, 3.0, 4.0};
    dxframe::detail::log_shifted(x.data(), x.data(), x.size(), 1.0, 0.08);
    CHECK(std::fabs(x[0] - std::log(0.08)) <= 1e-15);
    CHECK(std::fabs(x[1] - std::log(8.08)) <= 4e-16 * std::log(8.08));
    CHECK(std::isnan(x[2]));
    CHECK(std::fabs(x[3] - std::log(4.08)) <= 4e-16 * std::log(4.08));
    CHECK(std::fabs(x[6] - std::log(3.08)) <= 4e-16 * std::log(3.08));
}
