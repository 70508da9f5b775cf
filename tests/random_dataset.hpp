// SPDX-License-Identifier: MIT
// Random inputs for the property tests, identical on every platform for a given seed.
//
// std::mt19937_64's output sequence is fixed by the standard, but the <random> distributions
// (uniform_int_distribution, uniform_real_distribution, shuffle) are not: each standard library
// implements them its own way. So every draw here is derived from the raw 64-bit words by
// arithmetic the standard does define, and a failing case can be replayed anywhere from its seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include <dxframe/model/date.hpp>
#include <dxframe/model/observation_table.hpp>

namespace dxframe_test {

/// A seeded source of random draws (std::mt19937_64 with hand-written distributions).
class random_source {
public:
    /// A source seeded with `seed`.
    explicit random_source(std::uint64_t seed) : engine_(seed) {}

    /// The next raw 64-bit word.
    std::uint64_t next() { return engine_(); }
    /// A whole number in [0, n) (n > 0). The modulo bias (< n / 2^64) is irrelevant here and,
    /// unlike a rejection loop, keeps the number of words drawn per call fixed.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    /// A size in [lo, hi].
    std::size_t between(std::size_t lo, std::size_t hi) {
        return lo + static_cast<std::size_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    /// True with probability percent / 100.
    bool chance(std::uint64_t percent) { return below(100) < percent; }
    /// A double in [0, 1): the top 53 bits of a word, times 2^-53 (exact).
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    /// A double in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
    /// One element of a non-empty vector.
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(below(v.size()))];
    }
    /// A random permutation of 0..n-1 (Fisher-Yates on below()).
    std::vector<std::size_t> permutation(std::size_t n) {
        std::vector<std::size_t> p(n);
        for (std::size_t i = 0; i < n; ++i)
            p[i] = i;
        shuffle(p);
        return p;
    }
    /// Shuffles `v` in place (Fisher-Yates on below()).
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) {
            const auto j = static_cast<std::size_t>(below(i));
            std::swap(v[i - 1], v[j]);
        }
    }
    /// Shuffles the rows of `t` (the same draws as for a vector of its size).
    void shuffle(dxframe::observation_table& t) {
        std::vector<dxframe::observation> rows = t.to_vector();
        shuffle(rows);
        t = rows;
    }
    /// A date in [from, to] (inclusive).
    dxframe::date date_in(const dxframe::date& from, const dxframe::date& to) {
        const std::int64_t a = from.days_since_epoch();
        const std::int64_t span = to.days_since_epoch() - a;
        return dxframe::date::from_days(a + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(span) + 1)));
    }

private:
    std::mt19937_64 engine_;
};

/// A value no report should hold: ±DBL_MAX, ±1e300, 1e-300, the smallest subnormal, ±0.0,
/// ±infinity or NaN.
inline double extreme_value(random_source& r) {
    static const double special[] = {std::numeric_limits<double>::max(),
                                     -std::numeric_limits<double>::max(),
                                     1e300,
                                     -1e300,
                                     1e-300,
                                     std::numeric_limits<double>::denorm_min(),
                                     -0.0,
                                     0.0,
                                     std::numeric_limits<double>::infinity(),
                                     -std::numeric_limits<double>::infinity(),
                                     std::numeric_limits<double>::quiet_NaN()};
    return special[r.below(std::size(special))];
}

}  // namespace dxframe_test
