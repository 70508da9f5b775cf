// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal column kernels of the index engine (SSE2 on x86-64, portable C++ elsewhere).
///
/// The engine spends its time in three loops over columns: finding a column's extremes,
/// normalising it while adding it into its parent's accumulators, and finishing a node. GCC does
/// not vectorise these loops from plain C++ (the NaN tests of missing values count as control
/// flow under the default -ftrapping-math), so on x86-64 — where SSE2 is always present — they are
/// written with SSE2 intrinsics, two values at a time, with branch-free masks for missing
/// values. Elsewhere, or with DXFRAME_NO_SIMD defined, the same loops run as plain C++. Both paths
/// do the same IEEE operations in the same order per value, so results are identical.
/// Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#if !defined(DXFRAME_NO_SIMD) && (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#include <emmintrin.h>
/// Defined to 1 when the index kernels use SSE2.
#define DXFRAME_INDEX_SSE2 1
#else
/// Defined to 1 when the index kernels use SSE2.
#define DXFRAME_INDEX_SSE2 0
#endif

namespace dxframe::detail {

/// Extremes and count of the non-missing (non-NaN) values of a column; infinities count and
/// show up as min = −inf or max = +inf.
struct column_extremes {
    double min = std::numeric_limits<double>::infinity();   ///< Smallest non-NaN value.
    double max = -std::numeric_limits<double>::infinity();  ///< Largest non-NaN value.
    std::size_t count = 0;                                   ///< Non-NaN values.
};

/// One pass over x: extremes and count of the non-NaN values.
inline column_extremes scan_extremes(const double* x, std::size_t n) {
    const double inf = std::numeric_limits<double>::infinity();
    double mn = inf;
    double mx = -inf;
    double cnt = 0.0;
    std::size_t i = 0;
#if DXFRAME_INDEX_SSE2
    {
        const __m128d vinf = _mm_set1_pd(inf);
        const __m128d vninf = _mm_set1_pd(-inf);
        const __m128d one = _mm_set1_pd(1.0);
        __m128d mn0 = vinf, mn1 = vinf, mx0 = vninf, mx1 = vninf, c0 = _mm_setzero_pd(), c1 = _mm_setzero_pd();
        for (; i + 4 <= n; i += 4) {
            const __m128d a = _mm_loadu_pd(x + i);
            const __m128d b = _mm_loadu_pd(x + i + 2);
            const __m128d ma = _mm_cmpord_pd(a, a);  // all ones where not NaN
            const __m128d mb = _mm_cmpord_pd(b, b);
            const __m128d a_lo = _mm_or_pd(_mm_and_pd(ma, a), _mm_andnot_pd(ma, vinf));
            const __m128d b_lo = _mm_or_pd(_mm_and_pd(mb, b), _mm_andnot_pd(mb, vinf));
            const __m128d a_hi = _mm_or_pd(_mm_and_pd(ma, a), _mm_andnot_pd(ma, vninf));
            const __m128d b_hi = _mm_or_pd(_mm_and_pd(mb, b), _mm_andnot_pd(mb, vninf));
            mn0 = _mm_min_pd(mn0, a_lo);
            mn1 = _mm_min_pd(mn1, b_lo);
            mx0 = _mm_max_pd(mx0, a_hi);
            mx1 = _mm_max_pd(mx1, b_hi);
            c0 = _mm_add_pd(c0, _mm_and_pd(ma, one));
            c1 = _mm_add_pd(c1, _mm_and_pd(mb, one));
        }
        double lanes[2];
        _mm_storeu_pd(lanes, _mm_min_pd(mn0, mn1));
        mn = lanes[0] < lanes[1] ? lanes[0] : lanes[1];
        _mm_storeu_pd(lanes, _mm_max_pd(mx0, mx1));
        mx = lanes[0] > lanes[1] ? lanes[0] : lanes[1];
        _mm_storeu_pd(lanes, _mm_add_pd(c0, c1));
        cnt = lanes[0] + lanes[1];
    }
#endif
    for (; i < n; ++i) {
        const double v = x[i];
        if (v == v) {
            mn = v < mn ? v : mn;
            mx = v > mx ? v : mx;
            cnt += 1.0;
        }
    }
    column_extremes e;
    e.min = mn;
    e.max = mx;
    e.count = static_cast<std::size_t>(cnt);
    return e;
}

/// Adds one child column into a node's per-unit accumulators, optionally transforming it first:
/// y = Transform ? clamp((x − origin)·scale + offset, low, high) (also stored to `out`) : x. Then
/// acc += w·y where y is present; wmiss += w and (when Count) cmiss += 1 where y is missing.
/// First: the accumulators are assigned instead of added to (no zeroing pass needed).
/// Full: the column has no missing value (only acc is touched, except on First).
/// Stream: `out` is written with non-temporal stores (it is not read again soon, so it should
/// not displace the accumulators from the cache, nor be read from memory before being written).
template <bool First, bool Full, bool Count, bool Transform, bool Stream = false>
inline void accumulate_column(const double* x, double* out, double* acc, double* wmiss, double* cmiss,
                              std::size_t n, double origin, double scale, double offset, double low, double high,
                              double w) {
    auto one_value = [&](std::size_t u) {
        double y = x[u];
        if constexpr (Transform) {
            y = (y - origin) * scale + offset;
            y = y < low ? low : y;  // NaN fails both tests and stays missing
            y = y > high ? high : y;
            out[u] = y;
        }
        const bool p = y == y;
        const double add = p ? w * y : 0.0;
        const double miss = p ? 0.0 : w;
        const double cm = p ? 0.0 : 1.0;
        if constexpr (First) {
            acc[u] = add;
            wmiss[u] = miss;
            if constexpr (Count) cmiss[u] = cm;
        } else {
            acc[u] += add;
            if constexpr (!Full) {
                wmiss[u] += miss;
                if constexpr (Count) cmiss[u] += cm;
            }
        }
    };
    std::size_t u = 0;
#if DXFRAME_INDEX_SSE2
    {
        // Non-temporal stores need 16-byte alignment: do one value first when `out` is off by 8.
        if constexpr (Transform && Stream) {
            if (n > 0 && (reinterpret_cast<std::uintptr_t>(out) & 15u) != 0) one_value(u++);
        }
        const __m128d vo = _mm_set1_pd(origin);
        const __m128d vs = _mm_set1_pd(scale);
        const __m128d voff = _mm_set1_pd(offset);
        const __m128d vlow = _mm_set1_pd(low);
        const __m128d vhigh = _mm_set1_pd(high);
        const __m128d vw = _mm_set1_pd(w);
        const __m128d one = _mm_set1_pd(1.0);
        const __m128d zero = _mm_setzero_pd();
        for (; u + 2 <= n; u += 2) {
            __m128d y = _mm_loadu_pd(x + u);
            if constexpr (Transform) {
                y = _mm_add_pd(_mm_mul_pd(_mm_sub_pd(y, vo), vs), voff);
                // max/min return their second operand when either is NaN: missing stays missing,
                // and the scalar path's comparisons pick the same values.
                y = _mm_min_pd(vhigh, _mm_max_pd(vlow, y));
                if constexpr (Stream) {
                    _mm_stream_pd(out + u, y);
                } else {
                    _mm_storeu_pd(out + u, y);
                }
            }
            const __m128d wy = _mm_mul_pd(vw, y);
            if constexpr (Full) {
                if constexpr (First) {
                    _mm_storeu_pd(acc + u, wy);
                    _mm_storeu_pd(wmiss + u, zero);
                    if constexpr (Count) _mm_storeu_pd(cmiss + u, zero);
                } else {
                    _mm_storeu_pd(acc + u, _mm_add_pd(_mm_loadu_pd(acc + u), wy));
                }
            } else {
                const __m128d m = _mm_cmpord_pd(y, y);
                const __m128d add = _mm_and_pd(m, wy);
                const __m128d miss = _mm_andnot_pd(m, vw);
                if constexpr (First) {
                    _mm_storeu_pd(acc + u, add);
                    _mm_storeu_pd(wmiss + u, miss);
                    if constexpr (Count) _mm_storeu_pd(cmiss + u, _mm_andnot_pd(m, one));
                } else {
                    _mm_storeu_pd(acc + u, _mm_add_pd(_mm_loadu_pd(acc + u), add));
                    _mm_storeu_pd(wmiss + u, _mm_add_pd(_mm_loadu_pd(wmiss + u), miss));
                    if constexpr (Count) _mm_storeu_pd(cmiss + u, _mm_add_pd(_mm_loadu_pd(cmiss + u), _mm_andnot_pd(m, one)));
                }
            }
        }
    }
#endif
    for (; u < n; ++u) one_value(u);
}

/// Orders earlier non-temporal stores before later memory operations (a no-op without SSE2).
inline void stream_fence() {
#if DXFRAME_INDEX_SSE2
    _mm_sfence();
#endif
}

/// Finishes a weighted arithmetic mean: y = acc / (total_w − wmiss), missing where that weight is
/// not positive or (when Count) where the share of children present, (k − cmiss)/k, is below
/// `share`. Returns the number of values present; sets `non_finite` when a result overflowed
/// (left as is for the caller to report).
template <bool Count>
inline std::size_t finish_mean(const double* acc, const double* wmiss, const double* cmiss, double* y, std::size_t n,
                               double total_w, double k, double share, bool& non_finite) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::size_t present = 0;
    std::size_t u = 0;
    non_finite = false;
#if DXFRAME_INDEX_SSE2
    {
        const __m128d vt = _mm_set1_pd(total_w);
        const __m128d vk = _mm_set1_pd(k);
        const __m128d vshare = _mm_set1_pd(share);
        const __m128d vnan = _mm_set1_pd(nan);
        const __m128d zero = _mm_setzero_pd();
        __m128d bad = zero;
        for (; u + 2 <= n; u += 2) {
            const __m128d ws = _mm_sub_pd(vt, _mm_loadu_pd(wmiss + u));
            const __m128d v = _mm_div_pd(_mm_loadu_pd(acc + u), ws);
            __m128d ok = _mm_cmpgt_pd(ws, zero);
            if constexpr (Count) {
                const __m128d have = _mm_sub_pd(vk, _mm_loadu_pd(cmiss + u));
                ok = _mm_and_pd(ok, _mm_cmpgt_pd(have, zero));
                // present/k < share  <=>  missing, computed as COINr does (division, then compare)
                ok = _mm_andnot_pd(_mm_cmplt_pd(_mm_div_pd(have, vk), vshare), ok);
            }
            const __m128d out = _mm_or_pd(_mm_and_pd(ok, v), _mm_andnot_pd(ok, vnan));
            _mm_storeu_pd(y + u, out);
            const int mask = _mm_movemask_pd(ok);
            present += static_cast<std::size_t>((mask & 1) + ((mask >> 1) & 1));
            // v − v is NaN for ±inf (and NaN): flags an overflow among the kept values.
            const __m128d d = _mm_sub_pd(v, v);
            bad = _mm_or_pd(bad, _mm_and_pd(ok, _mm_cmpunord_pd(d, d)));
        }
        non_finite = _mm_movemask_pd(bad) != 0;
    }
#endif
    for (; u < n; ++u) {
        const double ws = total_w - wmiss[u];
        bool ok = ws > 0;
        if constexpr (Count) {
            const double have = k - cmiss[u];
            ok = ok && have > 0 && !(have / k < share);
        }
        const double v = acc[u] / ws;
        y[u] = ok ? v : nan;
        present += ok ? 1u : 0u;
        if (ok && !((v - v) == 0.0)) non_finite = true;
    }
    return present;
}

}  // namespace dxframe::detail
