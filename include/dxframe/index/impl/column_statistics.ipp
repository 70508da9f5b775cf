// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/column_statistics.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/index/column_statistics.hpp>
#include <dxframe/index/impl/kernels.ipp>  // index_avx_available
#include <dxframe/index/kernels.hpp>       // DXFRAME_INDEX_SSE2, DXFRAME_INDEX_AVX
#include <dxframe/uncertainty/statistics.hpp>

#if DXFRAME_INDEX_SSE2
#include <emmintrin.h>
#endif
#if DXFRAME_INDEX_AVX
#include <immintrin.h>
#endif

namespace dxframe {

namespace detail {

// Count, sum and extremes of the finite cells of a column, and how many cells are infinite: the
// first of the two passes of the central sums below, which the outlier treatment also reads for
// its infinity check and its log transform's range. Four independent lanes, branch-free (a
// missing or infinite cell adds nothing), so the loop runs at memory speed.
struct finite_sums {
    std::size_t n = 0;         // finite cells
    std::size_t infinite = 0;  // ±inf cells
    double sum = 0.0;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
};

// The four lanes of sum_finite (lane k: the cells at i ≡ k (mod 4)) over the first n − n mod 4
// cells, and (unless `marks` is null) a bit per missing cell in marks[i / 64]. No call in the loop
// (a push_back there makes the compiler keep the running sums in memory).
struct finite_lanes {
    double sum[4];
    double count[4];
    double lo[4];
    double hi[4];
};

#if DXFRAME_INDEX_SSE2
inline void mark_finite_lanes_sse2(const double* x, std::size_t n, std::uint64_t* marks, finite_lanes& out) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const __m128d one = _mm_set1_pd(1.0);
    __m128d sa = _mm_setzero_pd(), sb = sa, na = sa, nb = sa;
    __m128d loa = _mm_set1_pd(inf), lob = loa, hia = _mm_set1_pd(-inf), hib = hia;
    const std::size_t end = n - n % 4;
    for (std::size_t i = 0; i < end;) {
        const std::size_t block_end = std::min(end, i + 64);
        std::uint64_t word = 0;
        for (unsigned shift = 0; i < block_end; i += 4, shift += 4) {
            const __m128d a = _mm_loadu_pd(x + i);
            const __m128d b = _mm_loadu_pd(x + i + 2);
            const __m128d pa = _mm_cmpord_pd(a, a);
            const __m128d pb = _mm_cmpord_pd(b, b);
            sa = _mm_add_pd(sa, _mm_and_pd(pa, a));
            sb = _mm_add_pd(sb, _mm_and_pd(pb, b));
            na = _mm_add_pd(na, _mm_and_pd(pa, one));
            nb = _mm_add_pd(nb, _mm_and_pd(pb, one));
            loa = _mm_min_pd(a, loa);
            lob = _mm_min_pd(b, lob);
            hia = _mm_max_pd(a, hia);
            hib = _mm_max_pd(b, hib);
            const auto present = static_cast<unsigned>(_mm_movemask_pd(pa) | (_mm_movemask_pd(pb) << 2));
            word |= static_cast<std::uint64_t>(present ^ 15u) << shift;
        }
        if (marks != nullptr) marks[(i - 1) / 64] = word;
    }
    _mm_storeu_pd(out.sum, sa);
    _mm_storeu_pd(out.sum + 2, sb);
    _mm_storeu_pd(out.count, na);
    _mm_storeu_pd(out.count + 2, nb);
    _mm_storeu_pd(out.lo, loa);
    _mm_storeu_pd(out.lo + 2, lob);
    _mm_storeu_pd(out.hi, hia);
    _mm_storeu_pd(out.hi + 2, hib);
}
#endif

#if DXFRAME_INDEX_AVX
// The same four lanes in one register: the same operations, identical results.
DXFRAME_INDEX_AVX_TARGET inline void mark_finite_lanes_avx(const double* x, std::size_t n, std::uint64_t* marks,
                                                           finite_lanes& out) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const __m256d one = _mm256_set1_pd(1.0);
    __m256d sum = _mm256_setzero_pd(), count = sum;
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
            word |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm256_movemask_pd(p)) ^ 15u) << shift;
        }
        if (marks != nullptr) marks[(i - 1) / 64] = word;
    }
    _mm256_storeu_pd(out.sum, sum);
    _mm256_storeu_pd(out.count, count);
    _mm256_storeu_pd(out.lo, lo);
    _mm256_storeu_pd(out.hi, hi);
}
#endif

#if DXFRAME_INDEX_SSE2
// The lanes by the best path allowed.
inline void mark_finite_lanes(const double* x, std::size_t n, std::uint64_t* marks, finite_lanes& out,
                              kernel_path path) {
#if DXFRAME_INDEX_AVX
    if (path == kernel_path::best && index_avx_available()) {
        mark_finite_lanes_avx(x, n, marks, out);
        return;
    }
#endif
    (void)path;
    mark_finite_lanes_sse2(x, n, marks, out);
}
#endif

inline finite_sums sum_finite(const double* cells, std::size_t rows) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    double sum[4] = {0.0, 0.0, 0.0, 0.0};
    double lo[4] = {inf, inf, inf, inf};
    double hi[4] = {-inf, -inf, -inf, -inf};
    std::size_t n[4] = {0, 0, 0, 0};
    std::size_t infinite[4] = {0, 0, 0, 0};
    const auto add = [&](std::size_t k, double v) {
        const double a = std::fabs(v);
        const bool finite = a <= std::numeric_limits<double>::max();  // false for NaN and ±inf
        sum[k] += finite ? v : 0.0;
        lo[k] = finite && v < lo[k] ? v : lo[k];
        hi[k] = finite && v > hi[k] ? v : hi[k];
        n[k] += finite ? 1u : 0u;
        infinite[k] += a == inf ? 1u : 0u;
    };
    std::size_t r = 0;
#if DXFRAME_INDEX_SSE2
    // The same four lanes (mark_finite_lanes: AVX, or SSE2 two per register). Fewer operations than
    // the portable loop: MINPD/MAXPD keep the running extreme when the value is NaN, and an
    // infinity shows up in the extremes, in which case (rare: the treatment refuses such a
    // column) the portable loop runs instead. Without infinities the results are identical.
    {
        finite_lanes lanes{};
        mark_finite_lanes(cells, rows, nullptr, lanes, kernel_path::best);
        bool infinite_seen = false;
        for (std::size_t k = 0; k < 4; ++k)
            infinite_seen = infinite_seen || lanes.lo[k] == -inf || lanes.hi[k] == inf;
        if (!infinite_seen) {
            r = rows - rows % 4;
            for (std::size_t k = 0; k < 4; ++k) {
                sum[k] = lanes.sum[k];
                lo[k] = lanes.lo[k];
                hi[k] = lanes.hi[k];
                n[k] = static_cast<std::size_t>(lanes.count[k]);
            }
        }
    }
#endif
    for (; r + 4 <= rows; r += 4) {
        add(0, cells[r]);
        add(1, cells[r + 1]);
        add(2, cells[r + 2]);
        add(3, cells[r + 3]);
    }
    for (; r < rows; ++r)
        add(0, cells[r]);
    finite_sums s;
    s.n = n[0] + n[1] + n[2] + n[3];
    s.infinite = infinite[0] + infinite[1] + infinite[2] + infinite[3];
    s.sum = (sum[0] + sum[1]) + (sum[2] + sum[3]);
    s.lo = std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3]));
    s.hi = std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3]));
    return s;
}

// n and Σd², Σd³, Σd⁴ of the deviations d = x − mean(x) of the finite cells, as COINr's skew and
// kurt form them. Two passes: the mean (sum_finite), then the sums of powers of x − m together
// with Σ(x − m), whose rounding residue δ = Σ(x − m)/n moves the sums to the exact mean (as R's
// mean refines its first estimate): s2 − nδ², s3 − 3δ·s2 + 2nδ³, s4 − 4δ·s3 + 6δ²·s2 − 3nδ⁴.
// Because of that correction, the first pass's sum need only be close: the outlier treatment
// updates it for the cells it changes instead of summing again.
struct central_sums {
    std::size_t n = 0;
    double s2 = 0.0;
    double s3 = 0.0;
    double s4 = 0.0;
};

// The central sums of `count` values from the four lanes of Σd, Σd², Σd³, Σd⁴ about a centre c:
// δ = Σd/n moves them to the mean (the formulas above).
inline central_sums central_sums_from_lanes(std::size_t count, const double (&s1)[4], const double (&p2)[4],
                                            const double (&p3)[4], const double (&p4)[4]) {
    central_sums s;
    s.n = count;
    const auto n = static_cast<double>(count);
    const auto total = [](const double(&a)[4]) { return (a[0] + a[1]) + (a[2] + a[3]); };
    const double delta = total(s1) / n;
    const double s2 = total(p2);
    const double s3 = total(p3);
    s.s2 = s2 - n * delta * delta;
    s.s3 = s3 - 3.0 * delta * s2 + 2.0 * n * delta * delta * delta;
    s.s4 = total(p4) - 4.0 * delta * s3 + 6.0 * delta * delta * s2 - 3.0 * n * delta * delta * delta * delta;
    return s;
}

#if DXFRAME_INDEX_AVX
// central_sums_about_mean's loop with the four lanes in one AVX register: the same operations on
// the same lanes, identical results.
DXFRAME_INDEX_AVX_TARGET inline std::size_t central_sums_avx(const double* cells, std::size_t rows, double m,
                                                             double (&s1)[4], double (&p2)[4], double (&p3)[4],
                                                             double (&p4)[4]) {
    const __m256d max_finite = _mm256_set1_pd(std::numeric_limits<double>::max());
    const __m256d sign = _mm256_set1_pd(-0.0);
    const __m256d mean = _mm256_set1_pd(m);
    __m256d a1 = _mm256_setzero_pd(), a2 = a1, a3 = a1, a4 = a1;
    std::size_t r = 0;
    for (; r + 4 <= rows; r += 4) {
        const __m256d a = _mm256_loadu_pd(cells + r);
        const __m256d finite = _mm256_cmp_pd(_mm256_andnot_pd(sign, a), max_finite, _CMP_LE_OQ);
        const __m256d d = _mm256_and_pd(finite, _mm256_sub_pd(a, mean));
        const __m256d d2 = _mm256_mul_pd(d, d);
        a1 = _mm256_add_pd(a1, d);
        a2 = _mm256_add_pd(a2, d2);
        a3 = _mm256_add_pd(a3, _mm256_mul_pd(d2, d));
        a4 = _mm256_add_pd(a4, _mm256_mul_pd(d2, d2));
    }
    _mm256_storeu_pd(s1, a1);
    _mm256_storeu_pd(p2, a2);
    _mm256_storeu_pd(p3, a3);
    _mm256_storeu_pd(p4, a4);
    return r;
}
#endif

inline central_sums central_sums_about_mean(const double* cells, std::size_t rows, const finite_sums& first,
                                            kernel_path path = kernel_path::best) {
    central_sums s;
    s.n = first.n;
    // All equal: every deviation is zero (the rounded mean of equal values need not be exact).
    if (s.n == 0 || first.lo == first.hi) return s;
    const auto n = static_cast<double>(s.n);
    const double m = first.sum / n;
    double s1[4] = {0.0, 0.0, 0.0, 0.0};
    double p2[4] = {0.0, 0.0, 0.0, 0.0};
    double p3[4] = {0.0, 0.0, 0.0, 0.0};
    double p4[4] = {0.0, 0.0, 0.0, 0.0};
    const auto add = [&](std::size_t k, double v) {
        const double d = std::fabs(v) <= std::numeric_limits<double>::max() ? v - m : 0.0;
        const double d2 = d * d;
        s1[k] += d;
        p2[k] += d2;
        p3[k] += d2 * d;
        p4[k] += d2 * d2;
    };
    std::size_t r = 0;
#if DXFRAME_INDEX_AVX
    if (path == kernel_path::best && index_avx_available()) {
        r = central_sums_avx(cells, rows, m, s1, p2, p3, p4);
    } else
#endif
#if DXFRAME_INDEX_SSE2
        // The same four lanes, two per register, the same operations (no fused multiply-add):
        // identical results.
        if (path != kernel_path::portable) {
            const __m128d max_finite = _mm_set1_pd(std::numeric_limits<double>::max());
            const __m128d sign = _mm_set1_pd(-0.0);
            const __m128d mean = _mm_set1_pd(m);
            __m128d s1a = _mm_setzero_pd(), s1b = s1a, p2a = s1a, p2b = s1a, p3a = s1a, p3b = s1a, p4a = s1a, p4b = s1a;
            for (; r + 4 <= rows; r += 4) {
                const __m128d a = _mm_loadu_pd(cells + r);
                const __m128d b = _mm_loadu_pd(cells + r + 2);
                const __m128d da = _mm_and_pd(_mm_cmple_pd(_mm_andnot_pd(sign, a), max_finite), _mm_sub_pd(a, mean));
                const __m128d db = _mm_and_pd(_mm_cmple_pd(_mm_andnot_pd(sign, b), max_finite), _mm_sub_pd(b, mean));
                const __m128d da2 = _mm_mul_pd(da, da);
                const __m128d db2 = _mm_mul_pd(db, db);
                s1a = _mm_add_pd(s1a, da);
                s1b = _mm_add_pd(s1b, db);
                p2a = _mm_add_pd(p2a, da2);
                p2b = _mm_add_pd(p2b, db2);
                p3a = _mm_add_pd(p3a, _mm_mul_pd(da2, da));
                p3b = _mm_add_pd(p3b, _mm_mul_pd(db2, db));
                p4a = _mm_add_pd(p4a, _mm_mul_pd(da2, da2));
                p4b = _mm_add_pd(p4b, _mm_mul_pd(db2, db2));
            }
            const auto unpack = [](__m128d x, __m128d y, double(&out)[4]) {
                _mm_storeu_pd(out, x);
                _mm_storeu_pd(out + 2, y);
            };
            unpack(s1a, s1b, s1);
            unpack(p2a, p2b, p2);
            unpack(p3a, p3b, p3);
            unpack(p4a, p4b, p4);
        }
#endif
    (void)path;
    for (; r + 4 <= rows; r += 4) {
        add(0, cells[r]);
        add(1, cells[r + 1]);
        add(2, cells[r + 2]);
        add(3, cells[r + 3]);
    }
    for (; r < rows; ++r)
        add(0, cells[r]);
    return central_sums_from_lanes(s.n, s1, p2, p3, p4);
}

inline central_sums central_moment_sums(const double* cells, std::size_t rows) {
    return central_sums_about_mean(cells, rows, sum_finite(cells, rows));
}

// Type-2 skewness and kurtosis from the central sums (see column_statistics.hpp).
inline shape_statistics shape_of(const central_sums& s) {
    shape_statistics out;
    if (s.n < 3 || !(s.s2 > 0.0)) return out;
    const auto n = static_cast<double>(s.n);
    out.skewness = std::sqrt(n) * s.s3 / std::pow(s.s2, 1.5) * std::sqrt(n * (n - 1.0)) / (n - 2.0);
    if (s.n >= 4) {
        const double r = n * s.s4 / (s.s2 * s.s2);
        out.kurtosis = ((n + 1.0) * (r - 3.0) + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
    }
    return out;
}

}  // namespace detail

DXFRAME_DECL shape_statistics column_shape(const double* cells, std::size_t rows) {
    return detail::shape_of(detail::central_moment_sums(cells, rows));
}

DXFRAME_DECL shape_statistics sample_shape(const std::vector<double>& values) {
    return column_shape(values.data(), values.size());
}

DXFRAME_DECL std::optional<double> sample_skewness(const std::vector<double>& values) {
    return sample_shape(values).skewness;
}

DXFRAME_DECL std::optional<double> sample_kurtosis(const std::vector<double>& values) {
    return sample_shape(values).kurtosis;
}

DXFRAME_DECL column_statistics describe_column(const double* cells, std::size_t rows, const std::string& path,
                                               std::vector<diagnostic>* diagnostics) {
    column_statistics out;
    std::vector<double> values;
    values.reserve(rows);
    std::size_t infinite = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        if (std::isnan(cells[r])) continue;
        if (std::isinf(cells[r])) {
            ++infinite;
            continue;
        }
        values.push_back(cells[r]);
        if (cells[r] != 0.0) ++out.nonzero;
    }
    out.n = values.size();
    out.missing = rows - out.n;
    const auto note = [&](const std::string& message) {
        if (diagnostics != nullptr)
            diagnostics->push_back({severity::warning, diagnostic_code::insufficient_data, path, message, {}, {}});
    };
    if (infinite > 0 && diagnostics != nullptr)
        diagnostics->push_back({severity::warning,
                                diagnostic_code::non_finite_value,
                                path,
                                std::to_string(infinite) + " infinite value(s) left out of the statistics",
                                {},
                                {}});
    if (values.empty()) {
        note("no values: no statistics");
        return out;
    }
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    out.unique = 1;
    for (std::size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i] != sorted[i - 1]) ++out.unique;
    out.min = sorted.front();
    out.max = sorted.back();
    out.median = median_sorted(sorted);
    out.mean = mean_compensated(values);
    if (values.size() >= 2) {
        const detail::central_sums s = detail::central_moment_sums(values.data(), values.size());
        out.sd = std::sqrt(std::max(0.0, s.s2) / static_cast<double>(values.size() - 1));
    }
    const shape_statistics shape = sample_shape(values);
    out.skewness = shape.skewness;
    out.kurtosis = shape.kurtosis;
    if (values.size() < 3) {
        note(std::to_string(values.size()) +
             (values.size() == 1 ? " value: no standard deviation, skewness or kurtosis (skewness needs 3 values)"
                                 : " values: no skewness or kurtosis (skewness needs 3 values, kurtosis 4)"));
    } else if (out.unique == 1) {
        note("all " + std::to_string(values.size()) + " values are equal: no skewness or kurtosis");
    } else if (values.size() < 4) {
        note("3 values: no kurtosis (it needs 4 values)");
    }
    return out;
}

DXFRAME_DECL bool flagged_as_outlier_prone(const column_statistics& s, double skew_threshold,
                                           double kurtosis_threshold) noexcept {
    return s.skewness && s.kurtosis && std::fabs(*s.skewness) > skew_threshold && *s.kurtosis > kurtosis_threshold;
}

}  // namespace dxframe
