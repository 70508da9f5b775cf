// SPDX-License-Identifier: MIT
// The uncertainty module's own random numbers: known-answer tests for SplitMix64 and
// xoshiro256**, the exact double conversion, the equal-bin discrete draw and the
// per-replication streams.
//
// Expected values: the SplitMix64 sequence for seed 1234567 is the published test vector of the
// reference implementation (also Java's SplittableRandom). The xoshiro256** and stream values were
// produced by an independent Python transcription of the authors' reference C (prng.di.unimi.it)
// and of the stream derivation documented in random.hpp, with Python's unbounded integers masked
// to 64 bits — not by this code.
#include <dxframe/uncertainty/random.hpp>

#include <cmath>
#include <cstdint>
#include <set>

#include "catch_compat.hpp"

using dxframe::discrete_index;
using dxframe::random_stream;
using dxframe::splitmix64;
using dxframe::stream_generator;
using dxframe::uniform01;
using dxframe::xoshiro256ss;

// Usable in constant expressions: the first output is known at compile time.
static_assert(splitmix64(1234567).next() == 6457827717110365317ULL, "SplitMix64 known answer");
static_assert(splitmix64::mix(0) == 0, "the mixer maps 0 to 0");

TEST_CASE("SplitMix64 reproduces the reference test vector", "[uncertainty][random]") {
    splitmix64 g(1234567);
    CHECK(g.next() == 6457827717110365317ULL);
    CHECK(g.next() == 3203168211198807973ULL);
    CHECK(g.next() == 9817491932198370423ULL);
    CHECK(g.next() == 4593380528125082431ULL);
    CHECK(g.next() == 16408922859458223821ULL);
}

TEST_CASE("xoshiro256** seeded through SplitMix64 matches an independent implementation", "[uncertainty][random]") {
    xoshiro256ss a(0);
    CHECK(a.next() == 11091344671253066420ULL);
    CHECK(a.next() == 13793997310169335082ULL);
    CHECK(a.next() == 1900383378846508768ULL);
    CHECK(a.next() == 7684712102626143532ULL);
    xoshiro256ss b(12345);
    CHECK(b.next() == 13720838825685603483ULL);
    CHECK(b.next() == 2398916695208396998ULL);
    CHECK(b.next() == 17770384849984869256ULL);
    CHECK(b.next() == 891717726879801395ULL);
}

TEST_CASE("per-replication streams are fixed by seed, stream and index alone", "[uncertainty][random]") {
    // Known answers (independent Python): seed 42, the uncertainty stream, replications 0..2.
    CHECK(stream_generator(42, random_stream::uncertainty, 0).next() == 6609394244327490197ULL);
    CHECK(stream_generator(42, random_stream::uncertainty, 1).next() == 51872425559299569ULL);
    CHECK(stream_generator(42, random_stream::uncertainty, 2).next() == 11253669293140760263ULL);
    // The first uniform of replication 0 is 6609394244327490197 >> 11 times 2^-53.
    CHECK(uniform01(stream_generator(42, random_stream::uncertainty, 0).next()) == 0.35829597992565265);

    // Asking again, in another order, gives the same numbers (no hidden state).
    auto g2 = stream_generator(42, random_stream::uncertainty, 2);
    auto g0 = stream_generator(42, random_stream::uncertainty, 0);
    CHECK(g2.next() == 11253669293140760263ULL);
    CHECK(g0.next() == 6609394244327490197ULL);

    // Different indices, streams and seeds start differently.
    std::set<std::uint64_t> firsts;
    for (std::uint64_t k = 0; k < 2000; ++k)
        firsts.insert(stream_generator(7, random_stream::uncertainty, k).next());
    CHECK(firsts.size() == 2000);
    CHECK(stream_generator(7, random_stream::saltelli_a, 0).next() !=
          stream_generator(7, random_stream::saltelli_b, 0).next());
    CHECK(stream_generator(7, random_stream::uncertainty, 0).next() !=
          stream_generator(8, random_stream::uncertainty, 0).next());
}

TEST_CASE("uniform01 takes the top 53 bits exactly", "[uncertainty][random]") {
    CHECK(uniform01(0) == 0.0);
    CHECK(uniform01(~std::uint64_t{0}) == 1.0 - std::ldexp(1.0, -53));  // the largest double below 1
    CHECK(uniform01(std::uint64_t{1} << 63) == 0.5);
    CHECK(uniform01(std::uint64_t{1} << 11) == std::ldexp(1.0, -53));
    CHECK(uniform01((std::uint64_t{1} << 11) - 1) == 0.0);  // the low 11 bits are dropped

    // 200,000 draws: mean 1/2 and variance 1/12 within 5 standard errors (SE of the mean
    // sqrt(1/12/N) = 6.5e-4; of the variance sqrt(1/180/N) = 1.7e-4).
    xoshiro256ss g(2024);
    const int n = 200000;
    double sum = 0.0;
    double sum2 = 0.0;
    double lo = 1.0;
    double hi = 0.0;
    for (int i = 0; i < n; ++i) {
        const double u = uniform01(g.next());
        sum += u;
        sum2 += u * u;
        lo = std::min(lo, u);
        hi = std::max(hi, u);
    }
    const double mean = sum / n;
    const double var = sum2 / n - mean * mean;
    CHECK(std::fabs(mean - 0.5) < 5 * 6.5e-4);
    CHECK(std::fabs(var - 1.0 / 12.0) < 5 * 1.7e-4);
    CHECK(lo >= 0.0);
    CHECK(hi < 1.0);
}

TEST_CASE("discrete_index cuts the unit interval into equal bins", "[uncertainty][random]") {
    CHECK(discrete_index(0.0, 2) == 0);
    CHECK(discrete_index(0.4999999, 2) == 0);
    CHECK(discrete_index(0.5, 2) == 1);
    CHECK(discrete_index(0.9999999, 2) == 1);
    CHECK(discrete_index(0.3333, 3) == 0);
    CHECK(discrete_index(0.3334, 3) == 1);
    CHECK(discrete_index(0.6666, 3) == 1);
    CHECK(discrete_index(0.6667, 3) == 2);
    CHECK(discrete_index(1.0 - std::ldexp(1.0, -53), 3) == 2);  // the largest uniform stays in range
    CHECK(discrete_index(1.0 - std::ldexp(1.0, -53), 7) == 6);
    CHECK(discrete_index(0.7, 1) == 0);
    CHECK(discrete_index(0.7, 0) == 0);  // guarded, not undefined
    CHECK(discrete_index(1.5, 4) == 3);  // clamped misuse

    // Equal bins give equal frequencies: 3 alternatives, 90,000 draws, each within 5 SE
    // (SE = sqrt(N·p·(1−p)) = 141).
    xoshiro256ss g(99);
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < 90000; ++i)
        ++counts[discrete_index(uniform01(g.next()), 3)];
    for (int c : counts)
        CHECK(std::abs(c - 30000) < 5 * 141);
}
