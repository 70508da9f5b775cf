// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/kernels.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
//
// Every function here is an inline helper (or template) of the bodies in impl/normalise.ipp and
// impl/compute.ipp, which include this file; which kernels are compiled follows the
// DXFRAME_INDEX_SSE2 / DXFRAME_INDEX_AVX choice made in <dxframe/index/kernels.hpp>.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include <dxframe/index/kernels.hpp>

#if DXFRAME_INDEX_SSE2
#include <emmintrin.h>
#endif
#if DXFRAME_INDEX_AVX
#include <immintrin.h>
#endif

namespace dxframe::detail {

/// True when the AVX kernels are compiled and the processor (and operating system) support AVX.
inline bool index_avx_available() noexcept {
#if DXFRAME_INDEX_AVX == 1
    return true;
#elif DXFRAME_INDEX_AVX == 2
    static const bool available = __builtin_cpu_supports("avx") != 0;
    return available;
#else
    return false;
#endif
}

// ---- scan ---------------------------------------------------------------------------------------

// MINPD/MAXPD (and their AVX forms) return their second operand when either is NaN, so a missing
// value leaves the running extreme as it is: no blend needed.

#if DXFRAME_INDEX_SSE2
inline std::size_t scan_sse2(const double* x, std::size_t n, double& mn, double& mx, double& cnt) {
    std::size_t i = 0;
    const __m128d one = _mm_set1_pd(1.0);
    __m128d mn0 = _mm_set1_pd(mn), mn1 = mn0, mx0 = _mm_set1_pd(mx), mx1 = mx0;
    __m128d c0 = _mm_setzero_pd(), c1 = _mm_setzero_pd();
    for (; i + 4 <= n; i += 4) {
        const __m128d a = _mm_loadu_pd(x + i);
        const __m128d b = _mm_loadu_pd(x + i + 2);
        mn0 = _mm_min_pd(a, mn0);
        mn1 = _mm_min_pd(b, mn1);
        mx0 = _mm_max_pd(a, mx0);
        mx1 = _mm_max_pd(b, mx1);
        c0 = _mm_add_pd(c0, _mm_and_pd(_mm_cmpord_pd(a, a), one));
        c1 = _mm_add_pd(c1, _mm_and_pd(_mm_cmpord_pd(b, b), one));
    }
    double lanes[2];
    _mm_storeu_pd(lanes, _mm_min_pd(mn0, mn1));
    mn = lanes[0] < lanes[1] ? lanes[0] : lanes[1];
    _mm_storeu_pd(lanes, _mm_max_pd(mx0, mx1));
    mx = lanes[0] > lanes[1] ? lanes[0] : lanes[1];
    _mm_storeu_pd(lanes, _mm_add_pd(c0, c1));
    cnt = lanes[0] + lanes[1];
    return i;
}
#endif

#if DXFRAME_INDEX_AVX
DXFRAME_INDEX_AVX_TARGET inline std::size_t scan_avx(const double* x, std::size_t n, double& mn, double& mx,
                                                     double& cnt) {
    std::size_t i = 0;
    const __m256d one = _mm256_set1_pd(1.0);
    __m256d mn0 = _mm256_set1_pd(mn), mn1 = mn0, mx0 = _mm256_set1_pd(mx), mx1 = mx0;
    __m256d c0 = _mm256_setzero_pd(), c1 = _mm256_setzero_pd();
    for (; i + 8 <= n; i += 8) {
        const __m256d a = _mm256_loadu_pd(x + i);
        const __m256d b = _mm256_loadu_pd(x + i + 4);
        mn0 = _mm256_min_pd(a, mn0);
        mn1 = _mm256_min_pd(b, mn1);
        mx0 = _mm256_max_pd(a, mx0);
        mx1 = _mm256_max_pd(b, mx1);
        c0 = _mm256_add_pd(c0, _mm256_and_pd(_mm256_cmp_pd(a, a, _CMP_ORD_Q), one));
        c1 = _mm256_add_pd(c1, _mm256_and_pd(_mm256_cmp_pd(b, b, _CMP_ORD_Q), one));
    }
    double lanes[4];
    _mm256_storeu_pd(lanes, _mm256_min_pd(mn0, mn1));
    for (double v : lanes)
        mn = v < mn ? v : mn;
    _mm256_storeu_pd(lanes, _mm256_max_pd(mx0, mx1));
    for (double v : lanes)
        mx = v > mx ? v : mx;
    _mm256_storeu_pd(lanes, _mm256_add_pd(c0, c1));
    cnt = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
    return i;
}
#endif

/// One pass over x: extremes and count of the non-NaN values (min, max and count are exact
/// whatever the order, so every path gives the same answer).
inline column_extremes scan_extremes(const double* x, std::size_t n) {
    double mn = std::numeric_limits<double>::infinity();
    double mx = -std::numeric_limits<double>::infinity();
    double cnt = 0.0;
    std::size_t i = 0;
#if DXFRAME_INDEX_AVX
    if (index_avx_available()) {
        i = scan_avx(x, n, mn, mx, cnt);
    } else
#endif
    {
#if DXFRAME_INDEX_SSE2
        i = scan_sse2(x, n, mn, mx, cnt);
#endif
    }
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

// ---- accumulate ---------------------------------------------------------------------------------

/// The parameters of accumulate_column.
struct accumulate_args {
    const double* x;  ///< The child column (raw values when transforming).
    double* out;      ///< Where the transformed column goes (Transform only).
    double* acc;      ///< Σ w·y over present children, per unit.
    double* wmiss;    ///< Σ w over missing children, per unit.
    double* cmiss;    ///< Number of missing children, per unit (Count only).
    std::size_t n;    ///< Units.
    double origin;    ///< Transform: y = clamp((x − origin)·scale + offset, low, high).
    double scale;     ///< Transform.
    double offset;    ///< Transform.
    double low;       ///< Transform.
    double high;      ///< Transform.
    double w;         ///< The child's weight.
    /// Scan: another column of n values whose extremes are found in the same pass (the next
    /// column to normalise, read from memory while this one is processed from the cache).
    const double* next = nullptr;
};

/// Running extremes and count of a scan (see scan_extremes).
struct scan_state {
    double min = std::numeric_limits<double>::infinity();   ///< Smallest non-NaN value so far.
    double max = -std::numeric_limits<double>::infinity();  ///< Largest non-NaN value so far.
    double count = 0.0;                                     ///< Non-NaN values so far.

    /// Adds one value.
    void add(double v) noexcept {
        if (v == v) {
            min = v < min ? v : min;
            max = v > max ? v : max;
            count += 1.0;
        }
    }
    /// The result.
    column_extremes extremes() const noexcept {
        column_extremes e;
        e.min = min;
        e.max = max;
        e.count = static_cast<std::size_t>(count);
        return e;
    }
};

template <bool First, bool Full, bool Count, bool Transform>
inline void accumulate_one(const accumulate_args& a, std::size_t u) {
    double y = a.x[u];
    if constexpr (Transform) {
        y = (y - a.origin) * a.scale + a.offset;
        y = y < a.low ? a.low : y;  // NaN fails both tests and stays missing
        y = y > a.high ? a.high : y;
        a.out[u] = y;
    }
    const bool p = y == y;
    const double add = p ? a.w * y : 0.0;
    if constexpr (First) {
        a.acc[u] = add;
        a.wmiss[u] = p ? 0.0 : a.w;
        if constexpr (Count) a.cmiss[u] = p ? 0.0 : 1.0;
    } else {
        a.acc[u] += add;
        if constexpr (!Full) {
            if (!p) {
                a.wmiss[u] += a.w;
                if constexpr (Count) a.cmiss[u] += 1.0;
            }
        }
    }
}

#if DXFRAME_INDEX_SSE2
template <bool First, bool Full, bool Count, bool Transform, bool Stream, bool Scan>
inline std::size_t accumulate_sse2(const accumulate_args& a, std::size_t u, scan_state& sc) {
    const __m128d vo = _mm_set1_pd(a.origin);
    const __m128d vs = _mm_set1_pd(a.scale);
    const __m128d voff = _mm_set1_pd(a.offset);
    const __m128d vlow = _mm_set1_pd(a.low);
    const __m128d vhigh = _mm_set1_pd(a.high);
    const __m128d vw = _mm_set1_pd(a.w);
    const __m128d one = _mm_set1_pd(1.0);
    const __m128d zero = _mm_setzero_pd();
    // Locals, so that stores through the arrays cannot make the compiler reload the arguments.
    const double* const x = a.x;
    double* const out = a.out;
    double* const acc = a.acc;
    double* const wmiss = a.wmiss;
    double* const cmiss = a.cmiss;
    const double w = a.w;
    const std::size_t n = a.n;
    const double* const next = a.next;
    __m128d smn = _mm_set1_pd(sc.min), smx = _mm_set1_pd(sc.max), scnt = _mm_setzero_pd();
    (void)out;  // not every instantiation uses every argument
    (void)cmiss;
    (void)w;
    (void)one;
    (void)zero;
    (void)vo;
    (void)vs;
    (void)voff;
    (void)vlow;
    (void)vhigh;
    (void)next;
    (void)smn;
    (void)smx;
    (void)scnt;
    for (; u + 2 <= n; u += 2) {
        if constexpr (Scan) {
            const __m128d z = _mm_loadu_pd(next + u);
            smn = _mm_min_pd(z, smn);
            smx = _mm_max_pd(z, smx);
            scnt = _mm_add_pd(scnt, _mm_and_pd(_mm_cmpord_pd(z, z), one));
        }
        __m128d y = _mm_loadu_pd(x + u);
        if constexpr (Transform) {
            y = _mm_add_pd(_mm_mul_pd(_mm_sub_pd(y, vo), vs), voff);
            // min/max return their second operand when either is NaN: missing stays missing,
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
            if constexpr (First) {
                _mm_storeu_pd(acc + u, add);
                _mm_storeu_pd(wmiss + u, _mm_andnot_pd(m, vw));
                if constexpr (Count) _mm_storeu_pd(cmiss + u, _mm_andnot_pd(m, one));
            } else {
                _mm_storeu_pd(acc + u, _mm_add_pd(_mm_loadu_pd(acc + u), add));
                // Missing values are the exception: book them one by one instead of streaming
                // two more arrays through the cache for every pair.
                const int missing = _mm_movemask_pd(m) ^ 3;
                if (missing != 0) {
                    for (int k = 0; k < 2; ++k) {
                        if (missing & (1 << k)) {
                            wmiss[u + static_cast<std::size_t>(k)] += w;
                            if constexpr (Count) cmiss[u + static_cast<std::size_t>(k)] += 1.0;
                        }
                    }
                }
            }
        }
    }
    if constexpr (Scan) {
        double lanes[2];
        _mm_storeu_pd(lanes, smn);
        for (double v : lanes)
            sc.min = v < sc.min ? v : sc.min;
        _mm_storeu_pd(lanes, smx);
        for (double v : lanes)
            sc.max = v > sc.max ? v : sc.max;
        _mm_storeu_pd(lanes, scnt);
        sc.count += lanes[0] + lanes[1];
    }
    return u;
}
#endif

#if DXFRAME_INDEX_AVX
template <bool First, bool Full, bool Count, bool Transform, bool Stream, bool Scan>
DXFRAME_INDEX_AVX_TARGET inline std::size_t accumulate_avx(const accumulate_args& a, std::size_t u, scan_state& sc) {
    const __m256d vo = _mm256_set1_pd(a.origin);
    const __m256d vs = _mm256_set1_pd(a.scale);
    const __m256d voff = _mm256_set1_pd(a.offset);
    const __m256d vlow = _mm256_set1_pd(a.low);
    const __m256d vhigh = _mm256_set1_pd(a.high);
    const __m256d vw = _mm256_set1_pd(a.w);
    const __m256d one = _mm256_set1_pd(1.0);
    const __m256d zero = _mm256_setzero_pd();
    const double* const x = a.x;
    double* const out = a.out;
    double* const acc = a.acc;
    double* const wmiss = a.wmiss;
    double* const cmiss = a.cmiss;
    const double w = a.w;
    const std::size_t n = a.n;
    const double* const next = a.next;
    __m256d smn = _mm256_set1_pd(sc.min), smx = _mm256_set1_pd(sc.max), scnt = _mm256_setzero_pd();
    (void)out;  // not every instantiation uses every argument
    (void)cmiss;
    (void)w;
    (void)one;
    (void)zero;
    (void)vo;
    (void)vs;
    (void)voff;
    (void)vlow;
    (void)vhigh;
    (void)next;
    (void)smn;
    (void)smx;
    (void)scnt;
    for (; u + 4 <= n; u += 4) {
        if constexpr (Scan) {
            const __m256d z = _mm256_loadu_pd(next + u);
            smn = _mm256_min_pd(z, smn);
            smx = _mm256_max_pd(z, smx);
            scnt = _mm256_add_pd(scnt, _mm256_and_pd(_mm256_cmp_pd(z, z, _CMP_ORD_Q), one));
        }
        __m256d y = _mm256_loadu_pd(x + u);
        if constexpr (Transform) {
            y = _mm256_add_pd(_mm256_mul_pd(_mm256_sub_pd(y, vo), vs), voff);
            y = _mm256_min_pd(vhigh, _mm256_max_pd(vlow, y));
            if constexpr (Stream) {
                _mm256_stream_pd(out + u, y);
            } else {
                _mm256_storeu_pd(out + u, y);
            }
        }
        const __m256d wy = _mm256_mul_pd(vw, y);
        if constexpr (Full) {
            if constexpr (First) {
                _mm256_storeu_pd(acc + u, wy);
                _mm256_storeu_pd(wmiss + u, zero);
                if constexpr (Count) _mm256_storeu_pd(cmiss + u, zero);
            } else {
                _mm256_storeu_pd(acc + u, _mm256_add_pd(_mm256_loadu_pd(acc + u), wy));
            }
        } else {
            const __m256d m = _mm256_cmp_pd(y, y, _CMP_ORD_Q);
            const __m256d add = _mm256_and_pd(m, wy);
            if constexpr (First) {
                _mm256_storeu_pd(acc + u, add);
                _mm256_storeu_pd(wmiss + u, _mm256_andnot_pd(m, vw));
                if constexpr (Count) _mm256_storeu_pd(cmiss + u, _mm256_andnot_pd(m, one));
            } else {
                _mm256_storeu_pd(acc + u, _mm256_add_pd(_mm256_loadu_pd(acc + u), add));
                const int missing = _mm256_movemask_pd(m) ^ 15;
                if (missing != 0) {
                    for (int k = 0; k < 4; ++k) {
                        if (missing & (1 << k)) {
                            wmiss[u + static_cast<std::size_t>(k)] += w;
                            if constexpr (Count) cmiss[u + static_cast<std::size_t>(k)] += 1.0;
                        }
                    }
                }
            }
        }
    }
    if constexpr (Scan) {
        double lanes[4];
        _mm256_storeu_pd(lanes, smn);
        for (double v : lanes)
            sc.min = v < sc.min ? v : sc.min;
        _mm256_storeu_pd(lanes, smx);
        for (double v : lanes)
            sc.max = v > sc.max ? v : sc.max;
        _mm256_storeu_pd(lanes, scnt);
        sc.count += (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
    }
    return u;
}
#endif

/// Adds one child column into a node's per-unit accumulators, optionally transforming it first:
/// y = Transform ? clamp((x − origin)·scale + offset, low, high) (also stored to `out`) : x. Then
/// acc += w·y where y is present; wmiss += w and (when Count) cmiss += 1 where y is missing.
/// First: the accumulators are assigned instead of added to (no zeroing pass needed).
/// Full: the column has no missing value (only acc is touched, except on First).
/// Stream: `out` is written with non-temporal stores (it is not read again soon, so it should
/// not displace the accumulators from the cache, nor be read from memory before being written).
/// Scan: also finds the extremes of `a.next` (into `next_extremes`), so that reading the next
/// column from memory overlaps with this one's arithmetic and writes.
template <bool First, bool Full, bool Count, bool Transform, bool Stream = false, bool Scan = false>
inline void accumulate_column(const accumulate_args& a, column_extremes* next_extremes = nullptr) {
    std::size_t u = 0;
    scan_state sc;
    auto one = [&](std::size_t i) {
        if constexpr (Scan) sc.add(a.next[i]);
        accumulate_one<First, Full, Count, Transform>(a, i);
    };
#if DXFRAME_INDEX_AVX
    if (index_avx_available()) {
        // Non-temporal stores need alignment to the vector: do the first values one by one.
        if constexpr (Transform && Stream) {
            while (u < a.n && (reinterpret_cast<std::uintptr_t>(a.out + u) & 31u) != 0)
                one(u++);
        }
        u = accumulate_avx<First, Full, Count, Transform, Stream, Scan>(a, u, sc);
    } else
#endif
    {
#if DXFRAME_INDEX_SSE2
        if constexpr (Transform && Stream) {
            while (u < a.n && (reinterpret_cast<std::uintptr_t>(a.out + u) & 15u) != 0)
                one(u++);
        }
        u = accumulate_sse2<First, Full, Count, Transform, Stream, Scan>(a, u, sc);
#endif
    }
    for (; u < a.n; ++u)
        one(u);
    if constexpr (Scan) {
        if (next_extremes) *next_extremes = sc.extremes();
    }
}

/// Orders earlier non-temporal stores before later memory operations (a no-op without SSE2).
inline void stream_fence() {
#if DXFRAME_INDEX_SSE2
    _mm_sfence();
#endif
}

// ---- finish -------------------------------------------------------------------------------------

/// The parameters of finish_mean.
struct finish_args {
    const double* acc;    ///< Σ w·y over present children.
    const double* wmiss;  ///< Σ w over missing children.
    const double* cmiss;  ///< Missing children (Count only).
    double* y;            ///< The node's column.
    std::size_t n;        ///< Units.
    double total_w;       ///< Σ w over all children.
    double k;             ///< Number of children.
    double share;         ///< Availability threshold.
};

template <bool Count>
inline bool finish_one(const finish_args& a, std::size_t u, std::size_t& present) {
    const double ws = a.total_w - a.wmiss[u];
    bool ok = ws > 0;
    if constexpr (Count) {
        const double have = a.k - a.cmiss[u];
        ok = ok && have > 0 && !(have / a.k < a.share);
    }
    const double v = a.acc[u] / ws;
    a.y[u] = ok ? v : std::numeric_limits<double>::quiet_NaN();
    present += ok ? 1u : 0u;
    return ok && !((v - v) == 0.0);
}

#if DXFRAME_INDEX_SSE2
template <bool Count>
inline std::size_t finish_sse2(const finish_args& a, std::size_t& present, bool& non_finite) {
    const __m128d vt = _mm_set1_pd(a.total_w);
    const __m128d vk = _mm_set1_pd(a.k);
    const __m128d vshare = _mm_set1_pd(a.share);
    const __m128d vnan = _mm_set1_pd(std::numeric_limits<double>::quiet_NaN());
    const __m128d zero = _mm_setzero_pd();
    __m128d bad = zero;
    std::size_t u = 0;
    for (; u + 2 <= a.n; u += 2) {
        const __m128d ws = _mm_sub_pd(vt, _mm_loadu_pd(a.wmiss + u));
        const __m128d v = _mm_div_pd(_mm_loadu_pd(a.acc + u), ws);
        __m128d ok = _mm_cmpgt_pd(ws, zero);
        if constexpr (Count) {
            const __m128d have = _mm_sub_pd(vk, _mm_loadu_pd(a.cmiss + u));
            ok = _mm_and_pd(ok, _mm_cmpgt_pd(have, zero));
            // present/k < share  <=>  missing, computed as COINr does (division, then compare)
            ok = _mm_andnot_pd(_mm_cmplt_pd(_mm_div_pd(have, vk), vshare), ok);
        }
        _mm_storeu_pd(a.y + u, _mm_or_pd(_mm_and_pd(ok, v), _mm_andnot_pd(ok, vnan)));
        const int mask = _mm_movemask_pd(ok);
        present += static_cast<std::size_t>((mask & 1) + ((mask >> 1) & 1));
        // v − v is NaN for ±inf: flags an overflow among the kept values.
        const __m128d d = _mm_sub_pd(v, v);
        bad = _mm_or_pd(bad, _mm_and_pd(ok, _mm_cmpunord_pd(d, d)));
    }
    non_finite = non_finite || _mm_movemask_pd(bad) != 0;
    return u;
}
#endif

#if DXFRAME_INDEX_AVX
template <bool Count>
DXFRAME_INDEX_AVX_TARGET inline std::size_t finish_avx(const finish_args& a, std::size_t& present, bool& non_finite) {
    const __m256d vt = _mm256_set1_pd(a.total_w);
    const __m256d vk = _mm256_set1_pd(a.k);
    const __m256d vshare = _mm256_set1_pd(a.share);
    const __m256d vnan = _mm256_set1_pd(std::numeric_limits<double>::quiet_NaN());
    const __m256d zero = _mm256_setzero_pd();
    __m256d bad = zero;
    std::size_t u = 0;
    for (; u + 4 <= a.n; u += 4) {
        const __m256d ws = _mm256_sub_pd(vt, _mm256_loadu_pd(a.wmiss + u));
        const __m256d v = _mm256_div_pd(_mm256_loadu_pd(a.acc + u), ws);
        __m256d ok = _mm256_cmp_pd(ws, zero, _CMP_GT_OQ);
        if constexpr (Count) {
            const __m256d have = _mm256_sub_pd(vk, _mm256_loadu_pd(a.cmiss + u));
            ok = _mm256_and_pd(ok, _mm256_cmp_pd(have, zero, _CMP_GT_OQ));
            ok = _mm256_andnot_pd(_mm256_cmp_pd(_mm256_div_pd(have, vk), vshare, _CMP_LT_OQ), ok);
        }
        _mm256_storeu_pd(a.y + u, _mm256_or_pd(_mm256_and_pd(ok, v), _mm256_andnot_pd(ok, vnan)));
        const int mask = _mm256_movemask_pd(ok);
        present += static_cast<std::size_t>((mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1));
        const __m256d d = _mm256_sub_pd(v, v);
        bad = _mm256_or_pd(bad, _mm256_and_pd(ok, _mm256_cmp_pd(d, d, _CMP_UNORD_Q)));
    }
    non_finite = non_finite || _mm256_movemask_pd(bad) != 0;
    return u;
}
#endif

/// Finishes a weighted arithmetic mean: y = acc / (total_w − wmiss), missing where that weight is
/// not positive or (when Count) where the share of children present, (k − cmiss)/k, is below
/// `share`. Returns the number of values present; sets `non_finite` when a result overflowed
/// (left as is for the caller to report).
template <bool Count>
inline std::size_t finish_mean(const finish_args& a, bool& non_finite) {
    std::size_t present = 0;
    std::size_t u = 0;
    non_finite = false;
#if DXFRAME_INDEX_AVX
    if (index_avx_available()) {
        u = finish_avx<Count>(a, present, non_finite);
    } else
#endif
    {
#if DXFRAME_INDEX_SSE2
        u = finish_sse2<Count>(a, present, non_finite);
#endif
    }
    for (; u < a.n; ++u) {
        if (finish_one<Count>(a, u, present)) non_finite = true;
    }
    return present;
}

}  // namespace dxframe::detail
