// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/vector_log.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
//
// Inline helpers of impl/treat.ipp, which includes this file. The algorithm and its constants are
// fdlibm's e_log.c (Copyright (C) 1993 by Sun Microsystems, Inc.; "Permission to use, copy, modify,
// and distribute this software is freely granted, provided that this notice is preserved"), in the
// single-expression form of musl's src/math/log.c before 2018.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

#include <dxframe/index/impl/kernels.ipp>  // index_avx_available
#include <dxframe/index/kernels.hpp>
#include <dxframe/index/vector_log.hpp>

#if DXFRAME_INDEX_SSE2
#include <emmintrin.h>
#endif
#if DXFRAME_INDEX_AVX
#include <immintrin.h>
#endif

namespace dxframe::detail {

// ln 2 split so that k·ln2_hi is exact for every exponent k, and the minimax coefficients of
// R(z) ≈ (ln((1 + s)/(1 − s)) − 2s)/s on [0, 0.1716²] (fdlibm's Lg1..Lg7).
constexpr double log_ln2_hi = 6.93147180369123816490e-01;
constexpr double log_ln2_lo = 1.90821492927058770002e-10;
constexpr double log_lg1 = 6.666666666666735130e-01;
constexpr double log_lg2 = 3.999999999940941908e-01;
constexpr double log_lg3 = 2.857142874366239149e-01;
constexpr double log_lg4 = 2.222219843214978396e-01;
constexpr double log_lg5 = 1.818357216161805012e-01;
constexpr double log_lg6 = 1.531383769920937332e-01;
constexpr double log_lg7 = 1.479819860511658591e-01;
constexpr std::uint64_t log_fraction_bits = 0x000fffffffffffffULL;
constexpr std::uint64_t log_one_bits = 0x3ff0000000000000ULL;
// The mantissa 1 + fraction from which it is halved (and k raised by one): fdlibm's
// (hx + 0x95f64) & 0x100000, i.e. the top 20 fraction bits ≥ 0x6a09c (1 + f just below √2).
constexpr std::uint64_t log_halve_from_bits = 0x3ff6a09c00000000ULL;

inline double log_from_bits(std::uint64_t b) noexcept {
    double d = 0.0;
    std::memcpy(&d, &b, sizeof d);
    return d;
}

inline std::uint64_t log_to_bits(double d) noexcept {
    std::uint64_t b = 0;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

// ln(2^k · m), m in [1, 2) and dk = k as a double, for the normal range; the vector forms below
// do the same operations in the same order.
inline double log_of_split(double m, double dk) noexcept {
    const bool halve = m >= log_from_bits(log_halve_from_bits);
    m = m * (1.0 - (halve ? 0.5 : 0.0));
    dk = dk + (halve ? 1.0 : 0.0);
    const double f = m - 1.0;
    const double hfsq = 0.5 * f * f;
    const double s = f / (2.0 + f);
    const double z = s * s;
    const double w = z * z;
    const double t1 = w * (log_lg2 + w * (log_lg4 + w * log_lg6));
    const double t2 = z * (log_lg1 + w * (log_lg3 + w * (log_lg5 + w * log_lg7)));
    const double r = t2 + t1;
    return s * (hfsq + r) + dk * log_ln2_lo - hfsq + f + dk * log_ln2_hi;
}

/// The natural logarithm, portable form: the same result bit for bit as the vector forms for
/// positive normal arguments; zero, negative, subnormal, infinite and NaN arguments as std::log.
inline double log_portable(double x) noexcept {
    if (x != x || x > std::numeric_limits<double>::max()) return x;  // NaN, +inf
    if (x == 0.0) return -std::numeric_limits<double>::infinity();
    if (x < 0.0) return std::numeric_limits<double>::quiet_NaN();
    double bias = 1023.0;
    if (x < std::numeric_limits<double>::min()) {
        x *= 18014398509481984.0;  // 2^54: subnormal to normal, exactly
        bias += 54.0;
    }
    const std::uint64_t b = log_to_bits(x);
    const auto biased = static_cast<double>(b >> 52);
    return log_of_split(log_from_bits((b & log_fraction_bits) | log_one_bits), biased - bias);
}

/// One value of log_shifted: a missing (NaN) cell is left as it is.
inline double log_shifted_one(double x, double origin, double shift) noexcept {
    return x == x ? log_portable(x - origin + shift) : x;
}

#if DXFRAME_INDEX_SSE2
inline std::size_t log_shifted_sse2(const double* x, double* y, std::size_t n, double origin, double shift) {
    const __m128d vorigin = _mm_set1_pd(origin);
    const __m128d vshift = _mm_set1_pd(shift);
    const __m128d fraction = _mm_castsi128_pd(_mm_set1_epi64x(static_cast<long long>(log_fraction_bits)));
    const __m128d one = _mm_set1_pd(1.0);
    const __m128d half = _mm_set1_pd(0.5);
    const __m128d two = _mm_set1_pd(2.0);
    const __m128d halve_from = _mm_set1_pd(log_from_bits(log_halve_from_bits));
    const __m128d bias = _mm_set1_pd(1023.0);
    const __m128d smallest = _mm_set1_pd(std::numeric_limits<double>::min());
    const __m128d largest = _mm_set1_pd(std::numeric_limits<double>::max());
    std::size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        const __m128d a = _mm_add_pd(_mm_sub_pd(_mm_loadu_pd(x + i), vorigin), vshift);
        const __m128i e64 = _mm_srli_epi64(_mm_castpd_si128(a), 52);
        const __m128d biased = _mm_cvtepi32_pd(_mm_shuffle_epi32(e64, 0x08));  // lanes 0 and 2
        __m128d m = _mm_or_pd(_mm_and_pd(a, fraction), one);
        const __m128d halve = _mm_cmpge_pd(m, halve_from);
        // m·0.5 where halved, m·1 elsewhere (exact either way): a multiplication, not a select,
        // which GCC may turn into a branch per lane.
        m = _mm_mul_pd(m, _mm_sub_pd(one, _mm_and_pd(halve, half)));
        const __m128d dk = _mm_add_pd(_mm_sub_pd(biased, bias), _mm_and_pd(halve, one));
        const __m128d f = _mm_sub_pd(m, one);
        const __m128d hfsq = _mm_mul_pd(_mm_mul_pd(half, f), f);
        const __m128d s = _mm_div_pd(f, _mm_add_pd(two, f));
        const __m128d z = _mm_mul_pd(s, s);
        const __m128d w = _mm_mul_pd(z, z);
        const __m128d t1 = _mm_mul_pd(
            w, _mm_add_pd(_mm_set1_pd(log_lg2),
                          _mm_mul_pd(w, _mm_add_pd(_mm_set1_pd(log_lg4), _mm_mul_pd(w, _mm_set1_pd(log_lg6))))));
        const __m128d t2 = _mm_mul_pd(
            z, _mm_add_pd(_mm_set1_pd(log_lg1),
                          _mm_mul_pd(w, _mm_add_pd(_mm_set1_pd(log_lg3),
                                                   _mm_mul_pd(w, _mm_add_pd(_mm_set1_pd(log_lg5),
                                                                            _mm_mul_pd(w, _mm_set1_pd(log_lg7))))))));
        const __m128d r = _mm_add_pd(t2, t1);
        __m128d v = _mm_add_pd(_mm_mul_pd(s, _mm_add_pd(hfsq, r)), _mm_mul_pd(dk, _mm_set1_pd(log_ln2_lo)));
        v = _mm_add_pd(_mm_add_pd(_mm_sub_pd(v, hfsq), f), _mm_mul_pd(dk, _mm_set1_pd(log_ln2_hi)));
        // Outside the positive normal range (a missing cell among them): the portable form, from
        // x before y is written (y may be x).
        const int normal = _mm_movemask_pd(_mm_and_pd(_mm_cmpge_pd(a, smallest), _mm_cmple_pd(a, largest)));
        if (normal != 3) {
            double lanes[2];
            _mm_storeu_pd(lanes, v);
            for (std::size_t k = 0; k < 2; ++k)
                if (((normal >> k) & 1) == 0) lanes[k] = log_shifted_one(x[i + k], origin, shift);
            v = _mm_loadu_pd(lanes);
        }
        _mm_storeu_pd(y + i, v);
    }
    return i;
}
#endif

#if DXFRAME_INDEX_AVX
DXFRAME_INDEX_AVX_TARGET inline std::size_t log_shifted_avx(const double* x, double* y, std::size_t n, double origin,
                                                            double shift) {
    const __m256d vorigin = _mm256_set1_pd(origin);
    const __m256d vshift = _mm256_set1_pd(shift);
    const __m256d fraction = _mm256_castsi256_pd(_mm256_set1_epi64x(static_cast<long long>(log_fraction_bits)));
    const __m256d one = _mm256_set1_pd(1.0);
    const __m256d half = _mm256_set1_pd(0.5);
    const __m256d two = _mm256_set1_pd(2.0);
    const __m256d halve_from = _mm256_set1_pd(log_from_bits(log_halve_from_bits));
    const __m256d bias = _mm256_set1_pd(1023.0);
    const __m256d smallest = _mm256_set1_pd(std::numeric_limits<double>::min());
    const __m256d largest = _mm256_set1_pd(std::numeric_limits<double>::max());
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d a = _mm256_add_pd(_mm256_sub_pd(_mm256_loadu_pd(x + i), vorigin), vshift);
        // AVX has no 256-bit integer shift: the exponents of the two halves, with SSE2.
        const __m128i lo = _mm_srli_epi64(_mm_castpd_si128(_mm256_castpd256_pd128(a)), 52);
        const __m128i hi = _mm_srli_epi64(_mm_castpd_si128(_mm256_extractf128_pd(a, 1)), 52);
        const __m128i e32 = _mm_unpacklo_epi64(_mm_shuffle_epi32(lo, 0x08), _mm_shuffle_epi32(hi, 0x08));
        const __m256d biased = _mm256_cvtepi32_pd(e32);
        __m256d m = _mm256_or_pd(_mm256_and_pd(a, fraction), one);
        const __m256d halve = _mm256_cmp_pd(m, halve_from, _CMP_GE_OQ);
        m = _mm256_mul_pd(m, _mm256_sub_pd(one, _mm256_and_pd(halve, half)));
        const __m256d dk = _mm256_add_pd(_mm256_sub_pd(biased, bias), _mm256_and_pd(halve, one));
        const __m256d f = _mm256_sub_pd(m, one);
        const __m256d hfsq = _mm256_mul_pd(_mm256_mul_pd(half, f), f);
        const __m256d s = _mm256_div_pd(f, _mm256_add_pd(two, f));
        const __m256d z = _mm256_mul_pd(s, s);
        const __m256d w = _mm256_mul_pd(z, z);
        const __m256d t1 =
            _mm256_mul_pd(w, _mm256_add_pd(_mm256_set1_pd(log_lg2),
                                           _mm256_mul_pd(w, _mm256_add_pd(_mm256_set1_pd(log_lg4),
                                                                          _mm256_mul_pd(w, _mm256_set1_pd(log_lg6))))));
        const __m256d t2 = _mm256_mul_pd(
            z, _mm256_add_pd(
                   _mm256_set1_pd(log_lg1),
                   _mm256_mul_pd(
                       w, _mm256_add_pd(_mm256_set1_pd(log_lg3),
                                        _mm256_mul_pd(w, _mm256_add_pd(_mm256_set1_pd(log_lg5),
                                                                       _mm256_mul_pd(w, _mm256_set1_pd(log_lg7))))))));
        const __m256d r = _mm256_add_pd(t2, t1);
        __m256d v =
            _mm256_add_pd(_mm256_mul_pd(s, _mm256_add_pd(hfsq, r)), _mm256_mul_pd(dk, _mm256_set1_pd(log_ln2_lo)));
        v = _mm256_add_pd(_mm256_add_pd(_mm256_sub_pd(v, hfsq), f), _mm256_mul_pd(dk, _mm256_set1_pd(log_ln2_hi)));
        const int normal = _mm256_movemask_pd(
            _mm256_and_pd(_mm256_cmp_pd(a, smallest, _CMP_GE_OQ), _mm256_cmp_pd(a, largest, _CMP_LE_OQ)));
        if (normal != 15) {
            double lanes[4];
            _mm256_storeu_pd(lanes, v);
            for (std::size_t k = 0; k < 4; ++k)
                if (((normal >> k) & 1) == 0) lanes[k] = log_shifted_one(x[i + k], origin, shift);
            v = _mm256_loadu_pd(lanes);
        }
        _mm256_storeu_pd(y + i, v);
    }
    return i;
}
#endif

/// y[i] = ln(x[i] − origin + shift) for every i < n, a missing (NaN) x[i] copied as it is (y may
/// be x). Identical results on every path (`path` picks one, for tests).
inline void log_shifted(const double* x, double* y, std::size_t n, double origin, double shift,
                        kernel_path path = kernel_path::best) {
    std::size_t i = 0;
#if DXFRAME_INDEX_AVX
    if (path == kernel_path::best && index_avx_available()) {
        i = log_shifted_avx(x, y, n, origin, shift);
    } else
#endif
    {
#if DXFRAME_INDEX_SSE2
        if (path != kernel_path::portable) i = log_shifted_sse2(x, y, n, origin, shift);
#endif
    }
    (void)path;
    for (; i < n; ++i)
        y[i] = log_shifted_one(x[i], origin, shift);
}

}  // namespace dxframe::detail
