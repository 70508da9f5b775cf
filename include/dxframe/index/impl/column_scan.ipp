// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/column_scan.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
//
// Inline helpers of impl/impute.ipp and impl/treat.ipp, which include this file.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include <dxframe/index/column_scan.hpp>
#include <dxframe/index/impl/column_statistics.ipp>  // finite_sums, sum_finite
#include <dxframe/index/impl/kernels.ipp>            // index_avx_available
#include <dxframe/index/kernels.hpp>

#if DXFRAME_INDEX_SSE2
#include <emmintrin.h>
#endif
#if DXFRAME_INDEX_AVX
#include <immintrin.h>
#endif

namespace dxframe::detail {

// ---- the sum of residuals -----------------------------------------------------------------------

// Eight lanes: lane k adds the values at i ≡ k (mod 8); the last n mod 8 values go to lane 0; the
// total is ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)). A missing value adds +0.

inline double residual_lanes_total(const double (&lane)[8]) noexcept {
    return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

#if DXFRAME_INDEX_SSE2
inline std::size_t residual_sum_sse2(const double* x, std::size_t n, double shift, double (&lane)[8]) {
    const __m128d s = _mm_set1_pd(shift);
    __m128d a0 = _mm_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m128d v0 = _mm_loadu_pd(x + i);
        const __m128d v1 = _mm_loadu_pd(x + i + 2);
        const __m128d v2 = _mm_loadu_pd(x + i + 4);
        const __m128d v3 = _mm_loadu_pd(x + i + 6);
        a0 = _mm_add_pd(a0, _mm_and_pd(_mm_cmpord_pd(v0, v0), _mm_sub_pd(v0, s)));
        a1 = _mm_add_pd(a1, _mm_and_pd(_mm_cmpord_pd(v1, v1), _mm_sub_pd(v1, s)));
        a2 = _mm_add_pd(a2, _mm_and_pd(_mm_cmpord_pd(v2, v2), _mm_sub_pd(v2, s)));
        a3 = _mm_add_pd(a3, _mm_and_pd(_mm_cmpord_pd(v3, v3), _mm_sub_pd(v3, s)));
    }
    _mm_storeu_pd(lane, a0);
    _mm_storeu_pd(lane + 2, a1);
    _mm_storeu_pd(lane + 4, a2);
    _mm_storeu_pd(lane + 6, a3);
    return i;
}
#endif

#if DXFRAME_INDEX_AVX
DXFRAME_INDEX_AVX_TARGET inline std::size_t residual_sum_avx(const double* x, std::size_t n, double shift,
                                                             double (&lane)[8]) {
    const __m256d s = _mm256_set1_pd(shift);
    __m256d a0 = _mm256_setzero_pd(), a1 = a0;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256d v0 = _mm256_loadu_pd(x + i);
        const __m256d v1 = _mm256_loadu_pd(x + i + 4);
        a0 = _mm256_add_pd(a0, _mm256_and_pd(_mm256_cmp_pd(v0, v0, _CMP_ORD_Q), _mm256_sub_pd(v0, s)));
        a1 = _mm256_add_pd(a1, _mm256_and_pd(_mm256_cmp_pd(v1, v1, _CMP_ORD_Q), _mm256_sub_pd(v1, s)));
    }
    _mm256_storeu_pd(lane, a0);
    _mm256_storeu_pd(lane + 4, a1);
    return i;
}
#endif

/// Σ (x − shift) over the non-NaN values among n cells, in double, eight fixed lanes: the same
/// bits on every path. The residual pass of R's mean (see r_mean_present in impl/impute.ipp).
inline double residual_sum(const double* x, std::size_t n, double shift, kernel_path path = kernel_path::best) {
    double lane[8] = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    std::size_t i = 0;
#if DXFRAME_INDEX_AVX
    if (path == kernel_path::best && index_avx_available()) {
        i = residual_sum_avx(x, n, shift, lane);
    } else
#endif
    {
#if DXFRAME_INDEX_SSE2
        if (path != kernel_path::portable) i = residual_sum_sse2(x, n, shift, lane);
#endif
    }
    for (; i + 8 <= n; i += 8) {
        for (std::size_t k = 0; k < 8; ++k) {
            const double v = x[i + k];
            lane[k] += v == v ? v - shift : 0.0;
        }
    }
    for (; i < n; ++i) {
        const double v = x[i];
        lane[0] += v == v ? v - shift : 0.0;
    }
    (void)path;
    return residual_lanes_total(lane);
}

// ---- count, sum, range and missing cells in one pass --------------------------------------------

/// The index of the lowest set bit of a non-zero word.
inline std::size_t lowest_set_bit(std::uint64_t word) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return static_cast<std::size_t>(__builtin_ctzll(word));
#else
    std::size_t bit = 0;
    while (((word >> bit) & 1u) == 0)
        ++bit;
    return bit;
#endif
}

/// The number of set bits of a word (without the POPCNT instruction, which x86-64 does not
/// guarantee: a few shifts and one multiplication).
inline std::size_t set_bits(std::uint64_t word) noexcept {
    word -= (word >> 1) & 0x5555555555555555u;
    word = (word & 0x3333333333333333u) + ((word >> 2) & 0x3333333333333333u);
    word = (word + (word >> 4)) & 0x0f0f0f0f0f0f0f0fu;
    return static_cast<std::size_t>((word * 0x0101010101010101u) >> 56);
}

/// Appends to `rows` the index of every set bit of `marks` (bit b of word w: row 64·w + b), in
/// order. Four rows a word are written whether it has them or not (the extra ones are overwritten
/// by the next word's or cut at the end): with missing cells scattered at random, a loop per set bit
/// mispredicts its exit at almost every word, this one only at a word with more than four.
inline void list_marked_rows(const std::vector<std::uint64_t>& marks, std::vector<std::size_t>& rows) {
    constexpr std::uint64_t top = std::uint64_t{1} << 63;  // keeps the word non-zero: a bit index < 64
    std::size_t total = 0;
    for (const std::uint64_t word : marks)
        total += set_bits(word);
    const std::size_t start = rows.size();
    rows.resize(start + total + 4);
    std::size_t* out = rows.data() + start;
    for (std::size_t w = 0; w < marks.size(); ++w) {
        std::uint64_t word = marks[w];
        const std::size_t bits = set_bits(word);
        const std::size_t base = w * 64;
        std::size_t* p = out;
        do {
            for (std::size_t k = 0; k < 4; ++k) {
                p[k] = base + lowest_set_bit(word | top);
                word &= word - 1;
            }
            p += 4;
        } while (p < out + bits);
        out += bits;
    }
    rows.resize(start + total);
}

/// sum_finite of the column and, in the same pass from memory, the rows of its missing (NaN)
/// cells in order (into `missing_rows`, cleared first): what imputation needs of a column before
/// it computes anything. The sums are sum_finite's bit for bit, on every path.
inline finite_sums scan_for_imputation(const double* x, std::size_t n, std::vector<std::size_t>& missing_rows,
                                       kernel_path path = kernel_path::best) {
    missing_rows.clear();
#if DXFRAME_INDEX_SSE2
    if (path != kernel_path::portable) {
        constexpr double inf = std::numeric_limits<double>::infinity();
        std::vector<std::uint64_t> marks(n / 64 + 1, 0);
        finite_lanes lanes{};
        mark_finite_lanes(x, n, marks.data(), lanes, path);
        list_marked_rows(marks, missing_rows);
        bool infinite_seen = false;
        for (std::size_t k = 0; k < 4; ++k)
            infinite_seen = infinite_seen || lanes.lo[k] == -inf || lanes.hi[k] == inf;
        // Fewer than four cells left: lane 0, as sum_finite.
        for (std::size_t i = n - n % 4; i < n && !infinite_seen; ++i) {
            const double v = x[i];
            if (v != v) {
                missing_rows.push_back(i);
            } else {
                lanes.sum[0] += v;
                lanes.lo[0] = v < lanes.lo[0] ? v : lanes.lo[0];
                lanes.hi[0] = v > lanes.hi[0] ? v : lanes.hi[0];
                lanes.count[0] += 1.0;
                infinite_seen = v == inf || v == -inf;
            }
        }
        if (!infinite_seen) {
            finite_sums s;
            for (const double c : lanes.count)
                s.n += static_cast<std::size_t>(c);
            s.sum = (lanes.sum[0] + lanes.sum[1]) + (lanes.sum[2] + lanes.sum[3]);
            s.lo = std::min(std::min(lanes.lo[0], lanes.lo[1]), std::min(lanes.lo[2], lanes.lo[3]));
            s.hi = std::max(std::max(lanes.hi[0], lanes.hi[1]), std::max(lanes.hi[2], lanes.hi[3]));
            return s;
        }
        // An infinite cell (rare: imputation and treatment refuse such a column): sum_finite as is.
        missing_rows.clear();
    }
#endif
    (void)path;
    for (std::size_t r = 0; r < n; ++r)
        if (x[r] != x[r]) missing_rows.push_back(r);
    return sum_finite(x, n);
}

// ---- the outlier test's first pass ----------------------------------------------------------------

/// What the outlier treatment needs of a column before its first test, from one pass: count, sum
/// and range of the finite cells, and their central sums. The sums of powers are taken about a
/// provisional centre c (the mean of the first finite cells, at most 64), then moved to the mean
/// by δ = Σ(x − c)/n as central_sums_about_mean moves them (c is close to the mean, so little is
/// lost), instead of a first pass for the mean and a second for the sums.
struct first_test_pass {
    finite_sums sums;      ///< sum_finite's fields (the sum as n·c + Σ(x − c)); infinite counted.
    central_sums central;  ///< The central sums (all zero for a constant column).
};

// The four lanes of Σd, Σd², Σd³, Σd⁴ (d = x − c, finite x), the count and the extremes (±inf
// included, NaN left out) of the first n − n mod 4 cells.
struct centred_lanes {
    double s1[4];
    double p2[4];
    double p3[4];
    double p4[4];
    double count[4];
    double lo[4];
    double hi[4];
};

// Lane k of centred_lanes, one value (the portable path and the tails).
inline void add_centred(centred_lanes& l, std::size_t k, double v, double c) noexcept {
    const bool finite = std::fabs(v) <= std::numeric_limits<double>::max();
    const double d = finite ? v - c : 0.0;
    const double d2 = d * d;
    l.s1[k] += d;
    l.p2[k] += d2;
    l.p3[k] += d2 * d;
    l.p4[k] += d2 * d2;
    l.count[k] += finite ? 1.0 : 0.0;
    l.lo[k] = v < l.lo[k] ? v : l.lo[k];
    l.hi[k] = v > l.hi[k] ? v : l.hi[k];
}

#if DXFRAME_INDEX_AVX
// The same lanes in AVX registers: the same operations, identical results.
DXFRAME_INDEX_AVX_TARGET inline void centred_lanes_avx(const double* x, std::size_t n, double c, centred_lanes& l) {
    const __m256d max_finite = _mm256_set1_pd(std::numeric_limits<double>::max());
    const __m256d sign = _mm256_set1_pd(-0.0);
    const __m256d centre = _mm256_set1_pd(c);
    const __m256d one = _mm256_set1_pd(1.0);
    __m256d a1 = _mm256_setzero_pd(), a2 = a1, a3 = a1, a4 = a1, count = a1;
    __m256d lo = _mm256_loadu_pd(l.lo), hi = _mm256_loadu_pd(l.hi);
    for (std::size_t i = 0; i + 4 <= n; i += 4) {
        const __m256d a = _mm256_loadu_pd(x + i);
        const __m256d finite = _mm256_cmp_pd(_mm256_andnot_pd(sign, a), max_finite, _CMP_LE_OQ);
        const __m256d d = _mm256_and_pd(finite, _mm256_sub_pd(a, centre));
        const __m256d d2 = _mm256_mul_pd(d, d);
        a1 = _mm256_add_pd(a1, d);
        a2 = _mm256_add_pd(a2, d2);
        a3 = _mm256_add_pd(a3, _mm256_mul_pd(d2, d));
        a4 = _mm256_add_pd(a4, _mm256_mul_pd(d2, d2));
        count = _mm256_add_pd(count, _mm256_and_pd(finite, one));
        // MINPD/MAXPD return the second operand when the first is NaN: as the portable compare.
        lo = _mm256_min_pd(a, lo);
        hi = _mm256_max_pd(a, hi);
    }
    _mm256_storeu_pd(l.s1, a1);
    _mm256_storeu_pd(l.p2, a2);
    _mm256_storeu_pd(l.p3, a3);
    _mm256_storeu_pd(l.p4, a4);
    _mm256_storeu_pd(l.count, count);
    _mm256_storeu_pd(l.lo, lo);
    _mm256_storeu_pd(l.hi, hi);
}
#endif

/// The first pass of the outlier test (see first_test_pass); identical on every path (AVX where
/// the processor has it; SSE2 machines take the portable loop, the same lanes).
inline first_test_pass first_test_sums(const double* x, std::size_t n, kernel_path path = kernel_path::best) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    double c = 0.0;
    {
        double sum = 0.0;
        std::size_t seen = 0;
        for (std::size_t i = 0; i < n && seen < 64; ++i) {
            if (std::fabs(x[i]) <= std::numeric_limits<double>::max()) {
                sum += x[i];
                ++seen;
            }
        }
        c = seen > 0 ? sum / static_cast<double>(seen) : 0.0;
    }
    centred_lanes l{};
    for (std::size_t k = 0; k < 4; ++k) {
        l.lo[k] = inf;
        l.hi[k] = -inf;
    }
    std::size_t i = 0;
#if DXFRAME_INDEX_AVX
    if (path == kernel_path::best && index_avx_available()) {
        centred_lanes_avx(x, n, c, l);
        i = n - n % 4;
    }
#endif
    (void)path;
    for (; i + 4 <= n; i += 4) {
        for (std::size_t k = 0; k < 4; ++k)
            add_centred(l, k, x[i + k], c);
    }
    for (; i < n; ++i)
        add_centred(l, 0, x[i], c);
    first_test_pass out;
    const double lo = std::min(std::min(l.lo[0], l.lo[1]), std::min(l.lo[2], l.lo[3]));
    const double hi = std::max(std::max(l.hi[0], l.hi[1]), std::max(l.hi[2], l.hi[3]));
    if (lo == -inf || hi == inf) {  // an infinite cell (the treatment refuses the column)
        out.sums = sum_finite(x, n);
        return out;
    }
    std::size_t count = 0;
    for (const double k : l.count)
        count += static_cast<std::size_t>(k);
    out.sums.n = count;
    out.sums.lo = lo;
    out.sums.hi = hi;
    out.sums.sum = static_cast<double>(count) * c + ((l.s1[0] + l.s1[1]) + (l.s1[2] + l.s1[3]));
    // All equal: every deviation is zero (as central_sums_about_mean).
    if (count == 0 || lo == hi) {
        out.central.n = count;
        return out;
    }
    out.central = central_sums_from_lanes(count, l.s1, l.p2, l.p3, l.p4);
    return out;
}

// ---- the imputation's scan with the first test's sums (the fused preparation) ---------------------

/// scan_for_imputation's result and, from the same pass, the lanes of Σd, Σd², Σd³, Σd⁴ of the
/// finite cells about `centre` (first_test_sums' lanes and centre rule), so that the outlier test
/// of the imputed column needs no pass of its own (impute_and_treat_in_place).
struct imputation_scan {
    finite_sums sums;       ///< scan_for_imputation's sums, bit for bit.
    bool moments = false;   ///< True when `lanes` were formed (AVX, no infinite cell).
    double centre = 0.0;    ///< The provisional centre c.
    centred_lanes lanes{};  ///< s1, p2, p3, p4 about c (count, lo, hi unused).
};

#if DXFRAME_INDEX_AVX
// mark_finite_lanes_avx with the centred power sums in the same loop: the sum, count and range
// lanes take the same operations, so the sums are identical.
DXFRAME_INDEX_AVX_TARGET inline void mark_centred_lanes_avx(const double* x, std::size_t n, double c,
                                                            std::uint64_t* marks, finite_lanes& out, centred_lanes& m) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const __m256d one = _mm256_set1_pd(1.0);
    const __m256d centre = _mm256_set1_pd(c);
    __m256d sum = _mm256_setzero_pd(), count = sum, a1 = sum, a2 = sum, a3 = sum, a4 = sum;
    __m256d lo = _mm256_set1_pd(inf), hi = _mm256_set1_pd(-inf);
    const std::size_t end = n - n % 4;
    for (std::size_t i = 0; i < end;) {
        const std::size_t block_end = std::min(end, i + 64);
        std::uint64_t word = 0;
        for (unsigned shift = 0; i < block_end; i += 4, shift += 4) {
            const __m256d a = _mm256_loadu_pd(x + i);
            const __m256d p = _mm256_cmp_pd(a, a, _CMP_ORD_Q);
            sum = _mm256_add_pd(sum, _mm256_and_pd(p, a));
            count = _mm256_add_pd(count, _mm256_and_pd(p, one));
            lo = _mm256_min_pd(a, lo);
            hi = _mm256_max_pd(a, hi);
            const __m256d d = _mm256_and_pd(p, _mm256_sub_pd(a, centre));
            const __m256d d2 = _mm256_mul_pd(d, d);
            a1 = _mm256_add_pd(a1, d);
            a2 = _mm256_add_pd(a2, d2);
            a3 = _mm256_add_pd(a3, _mm256_mul_pd(d2, d));
            a4 = _mm256_add_pd(a4, _mm256_mul_pd(d2, d2));
            word |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm256_movemask_pd(p)) ^ 15u) << shift;
        }
        marks[(i - 1) / 64] = word;
    }
    _mm256_storeu_pd(out.sum, sum);
    _mm256_storeu_pd(out.count, count);
    _mm256_storeu_pd(out.lo, lo);
    _mm256_storeu_pd(out.hi, hi);
    _mm256_storeu_pd(m.s1, a1);
    _mm256_storeu_pd(m.p2, a2);
    _mm256_storeu_pd(m.p3, a3);
    _mm256_storeu_pd(m.p4, a4);
}
#endif

/// scan_for_imputation (same sums, same missing rows) and, where the processor has AVX and the
/// column no infinite cell, the centred lanes of imputation_scan in the same pass.
inline imputation_scan scan_for_imputation_and_moments(const double* x, std::size_t n,
                                                       std::vector<std::size_t>& missing_rows) {
    imputation_scan out;
#if DXFRAME_INDEX_AVX
    if (index_avx_available()) {
        constexpr double inf = std::numeric_limits<double>::infinity();
        missing_rows.clear();
        double first = 0.0;  // first_test_sums' centre: the mean of the first finite cells, at most 64
        std::size_t seen = 0;
        for (std::size_t i = 0; i < n && seen < 64; ++i) {
            if (std::fabs(x[i]) <= std::numeric_limits<double>::max()) {
                first += x[i];
                ++seen;
            }
        }
        const double c = seen > 0 ? first / static_cast<double>(seen) : 0.0;
        std::vector<std::uint64_t> marks(n / 64 + 1, 0);
        finite_lanes lanes{};
        centred_lanes m{};
        mark_centred_lanes_avx(x, n, c, marks.data(), lanes, m);
        list_marked_rows(marks, missing_rows);
        bool infinite_seen = false;
        for (std::size_t k = 0; k < 4; ++k)
            infinite_seen = infinite_seen || lanes.lo[k] == -inf || lanes.hi[k] == inf;
        for (std::size_t i = n - n % 4; i < n && !infinite_seen; ++i) {
            const double v = x[i];
            if (v != v) {
                missing_rows.push_back(i);
            } else {
                lanes.sum[0] += v;
                lanes.lo[0] = v < lanes.lo[0] ? v : lanes.lo[0];
                lanes.hi[0] = v > lanes.hi[0] ? v : lanes.hi[0];
                lanes.count[0] += 1.0;
                infinite_seen = v == inf || v == -inf;
                const double d = v - c;
                const double d2 = d * d;
                m.s1[0] += d;
                m.p2[0] += d2;
                m.p3[0] += d2 * d;
                m.p4[0] += d2 * d2;
            }
        }
        if (!infinite_seen) {
            for (const double k : lanes.count)
                out.sums.n += static_cast<std::size_t>(k);
            out.sums.sum = (lanes.sum[0] + lanes.sum[1]) + (lanes.sum[2] + lanes.sum[3]);
            out.sums.lo = std::min(std::min(lanes.lo[0], lanes.lo[1]), std::min(lanes.lo[2], lanes.lo[3]));
            out.sums.hi = std::max(std::max(lanes.hi[0], lanes.hi[1]), std::max(lanes.hi[2], lanes.hi[3]));
            out.moments = true;
            out.centre = c;
            out.lanes = m;
            return out;
        }
    }
#endif
    out.sums = scan_for_imputation(x, n, missing_rows);
    return out;
}

/// The first test's pass of a column from its imputation_scan once its missing cells (`missing`)
/// have been imputed in `x`: the observed values' sums plus the k filled cells, all at the one
/// value v, each adding (v − c)^p. Nullopt when the scan formed no lanes or the filled cells
/// differ (the caller then takes first_test_sums). The sum is n·c + Σd as first_test_sums forms
/// it; the central sums differ from first_test_sums' in the last bits only (other rounding).
inline std::optional<first_test_pass> first_test_after_filling(const imputation_scan& scan, const double* x,
                                                               const std::vector<std::size_t>& missing) {
    if (!scan.moments) return std::nullopt;
    std::size_t k = 0;
    double v = 0.0;
    if (!missing.empty() && x[missing.front()] == x[missing.front()]) {
        v = x[missing.front()];
        for (const std::size_t r : missing)
            if (!(x[r] == v)) return std::nullopt;
        if (!(std::fabs(v) <= std::numeric_limits<double>::max())) return std::nullopt;
        k = missing.size();
    }
    centred_lanes m = scan.lanes;
    const double kd = static_cast<double>(k);
    const double d = v - scan.centre;
    const double d2 = d * d;
    m.s1[0] += kd * d;
    m.p2[0] += kd * d2;
    m.p3[0] += kd * d2 * d;
    m.p4[0] += kd * d2 * d2;
    first_test_pass out;
    out.sums.n = scan.sums.n + k;
    out.sums.lo = k > 0 ? std::min(scan.sums.lo, v) : scan.sums.lo;
    out.sums.hi = k > 0 ? std::max(scan.sums.hi, v) : scan.sums.hi;
    out.sums.sum = static_cast<double>(out.sums.n) * scan.centre + ((m.s1[0] + m.s1[1]) + (m.s1[2] + m.s1[3]));
    out.central.n = out.sums.n;
    if (out.sums.n == 0 || out.sums.lo == out.sums.hi) return out;
    out.central = central_sums_from_lanes(out.sums.n, m.s1, m.p2, m.p3, m.p4);
    return out;
}

// ---- the winsorising search ---------------------------------------------------------------------

/// The value next to `extreme` inside the column — the largest value below it when `high`, the
/// smallest above it otherwise (±inf when there is none) — and the rows whose value equals
/// `extreme`, in order (appended to `at`). NaN cells are skipped. Max and min do not depend on the
/// order, so every path gives the same answer.
inline double next_inside(const double* x, std::size_t n, double extreme, bool high, std::vector<std::size_t>& at,
                          kernel_path path = kernel_path::best) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    double next = high ? -inf : inf;
    std::size_t i = 0;
    // A value on the wrong side of `extreme` (or NaN) becomes NaN (all bits set) before MAXPD /
    // MINPD, which then keep the running value: no select, no branch but for the rows at the
    // extreme.
#if DXFRAME_INDEX_SSE2
    if (path != kernel_path::portable) {
        const __m128d e = _mm_set1_pd(extreme);
        __m128d r0 = _mm_set1_pd(next), r1 = r0;
        for (; i + 4 <= n; i += 4) {
            const __m128d a = _mm_loadu_pd(x + i);
            const __m128d b = _mm_loadu_pd(x + i + 2);
            if (high) {
                r0 = _mm_max_pd(_mm_or_pd(a, _mm_cmpnlt_pd(a, e)), r0);
                r1 = _mm_max_pd(_mm_or_pd(b, _mm_cmpnlt_pd(b, e)), r1);
            } else {
                r0 = _mm_min_pd(_mm_or_pd(a, _mm_cmpngt_pd(a, e)), r0);
                r1 = _mm_min_pd(_mm_or_pd(b, _mm_cmpngt_pd(b, e)), r1);
            }
            const int eq = _mm_movemask_pd(_mm_cmpeq_pd(a, e)) | (_mm_movemask_pd(_mm_cmpeq_pd(b, e)) << 2);
            if (eq != 0) {
                for (std::size_t k = 0; k < 4; ++k)
                    if (((eq >> k) & 1) != 0) at.push_back(i + k);
            }
        }
        double lanes[4];
        _mm_storeu_pd(lanes, r0);
        _mm_storeu_pd(lanes + 2, r1);
        for (const double v : lanes)
            next = high ? (v > next ? v : next) : (v < next ? v : next);
    }
#endif
    (void)path;
    for (; i < n; ++i) {
        const double v = x[i];
        if (high) {
            next = v < extreme && v > next ? v : next;  // NaN compares false: skipped
        } else {
            next = v > extreme && v < next ? v : next;
        }
        if (v == extreme) at.push_back(i);
    }
    return next;
}

}  // namespace dxframe::detail
