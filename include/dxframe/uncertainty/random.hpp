// SPDX-License-Identifier: MIT
/// @file
/// @brief Reproducible randomness: SplitMix64, xoshiro256**, uniform and discrete draws, and
/// per-replication streams.
///
/// The uncertainty module never uses `<random>` distributions: their algorithms are unspecified
/// and differ between libstdc++ and libc++, so the same seed would give different analyses on GCC
/// and Clang builds. Everything here is a fixed sequence of 64-bit integer operations plus one
/// exact conversion to double, so a seed means the same numbers on every platform.
///
/// Every replication draws from its own stream, derived from (seed, stream tag, replication
/// index) alone. Which thread runs a replication, and in which order, therefore cannot change
/// what it draws: results are bit-identical for any thread count.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dxframe {

/// SplitMix64 (Steele, Lea and Flood 2014; the reference C by S. Vigna): a 64-bit counter
/// passed through a bijective mixer. Used to seed xoshiro256** and to derive stream seeds,
/// because nearby seeds (0, 1, 2, …) give unrelated outputs.
class splitmix64 {
public:
    /// A generator whose state is `seed`.
    explicit constexpr splitmix64(std::uint64_t seed) noexcept : state_(seed) {}

    /// The next 64-bit output.
    constexpr std::uint64_t next() noexcept {
        state_ += 0x9e3779b97f4a7c15ULL;
        return mix(state_);
    }

    /// The output mixer alone (a bijection of 64-bit integers).
    static constexpr std::uint64_t mix(std::uint64_t z) noexcept {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t state_;
};

/// xoshiro256** 1.0 (Blackman and Vigna 2018): 256 bits of state, period 2^256 − 1, passes
/// BigCrush; fast enough that drawing costs nothing next to recomputing an index.
class xoshiro256ss {
public:
    /// A generator seeded from `seed` through SplitMix64, as the authors recommend (the state
    /// is then never all zero).
    explicit constexpr xoshiro256ss(std::uint64_t seed) noexcept {
        splitmix64 sm(seed);
        for (auto& word : s_)
            word = sm.next();
    }

    /// The next 64-bit output.
    constexpr std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4] = {0, 0, 0, 0};
};

/// A uniform double in [0, 1) from the top 53 bits of `bits`: m · 2^−53 with m < 2^53, which
/// is exact, so every platform gets the same double from the same integer.
constexpr double uniform01(std::uint64_t bits) noexcept {
    return static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0);
}

/// The alternative, among `count` (> 0), that a uniform u in [0, 1) selects when [0, 1) is cut
/// into `count` equal bins: ⌊u · count⌋ (COINr's discrete sampling cuts U(0, 1) the same way).
/// The product u · count is below count for every u < 1, so the clamp only guards misuse.
constexpr std::size_t discrete_index(double u, std::size_t count) noexcept {
    if (count == 0) return 0;
    const double scaled = u * static_cast<double>(count);
    const std::size_t k = scaled > 0.0 ? static_cast<std::size_t>(scaled) : 0;
    return k < count ? k : count - 1;
}

/// The numbered random streams of an analysis, so that different uses of one seed never share
/// numbers.
enum class random_stream : std::uint64_t {
    uncertainty = 1,  ///< Monte Carlo replications of the uncertainty analysis.
    saltelli_a = 2,   ///< Rows of the Saltelli design's matrix A.
    saltelli_b = 3,   ///< Rows of the Saltelli design's matrix B.
    bootstrap = 4     ///< Bootstrap resamples of the Sobol estimators.
};

/// The generator of item `index` of `stream` under `seed`: the seed, the stream tag and the
/// index are folded in one after the other through the SplitMix64 mixer (each step a bijection,
/// so distinct indices of one stream always get distinct generator seeds).
constexpr xoshiro256ss stream_generator(std::uint64_t seed, random_stream stream, std::uint64_t index) noexcept {
    std::uint64_t h = splitmix64::mix(seed + 0x9e3779b97f4a7c15ULL);
    h = splitmix64::mix(h ^ (static_cast<std::uint64_t>(stream) * 0xd1b54a32d192ed03ULL));
    h = splitmix64::mix(h + index * 0x9e3779b97f4a7c15ULL + 1);
    return xoshiro256ss(h);
}

}  // namespace dxframe
