// SPDX-License-Identifier: MIT
/// @file
/// @brief Statistics of one column of an index table, as COINr's `get_stats` computes them.
///
/// Skewness and kurtosis are COINr's `skew` and `kurt` (bluefoxr/COINr, R/treat.R), which are
/// e1071's `skewness(type = 2)` and `kurtosis(type = 2)` — the sample estimators Excel's SKEW and
/// KURT use. With m = the mean and d = x − m over the n values present:
///   skew = √n · Σd³ / (Σd²)^{3/2} · √(n(n − 1)) / (n − 2)                       (n ≥ 3)
///   kurt = ((n + 1)(r − 3) + 6)(n − 1) / ((n − 2)(n − 3)),  r = n · Σd⁴ / (Σd²)²  (n ≥ 4)
/// COINr stops with an error below those counts; here the value is absent and a diagnostic says
/// why. A constant column (Σd² = 0) has neither: R would give NaN.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>

namespace dxframe {

/// Statistics of one column (COINr `get_stats`: Min, Max, Mean, Median, Std, Skew, Kurt, N.Avail,
/// N.NonZero, N.Unique). Every statistic a column cannot have is absent, never NaN.
struct column_statistics {
    std::size_t n = 0;               ///< Values present (COINr N.Avail).
    std::size_t missing = 0;         ///< Cells missing.
    std::size_t nonzero = 0;         ///< Values present and not zero (N.NonZero).
    std::size_t unique = 0;          ///< Distinct values present (N.Unique).
    std::optional<double> min;       ///< Smallest value (n ≥ 1).
    std::optional<double> max;       ///< Largest value (n ≥ 1).
    std::optional<double> mean;      ///< Arithmetic mean (n ≥ 1).
    std::optional<double> median;    ///< R's median (n ≥ 1).
    std::optional<double> sd;        ///< Sample standard deviation, divisor n − 1 (n ≥ 2).
    std::optional<double> skewness;  ///< Type-2 sample skewness (n ≥ 3, not constant).
    std::optional<double> kurtosis;  ///< Type-2 sample excess kurtosis (n ≥ 4, not constant).
};
BOOST_DESCRIBE_STRUCT(column_statistics, (),
                      (n, missing, nonzero, unique, min, max, mean, median, sd, skewness, kurtosis))

/// Skewness and kurtosis of one set of values.
struct shape_statistics {
    std::optional<double> skewness;  ///< Type-2 sample skewness (n ≥ 3, not constant).
    std::optional<double> kurtosis;  ///< Type-2 sample excess kurtosis (n ≥ 4, not constant).
};
BOOST_DESCRIBE_STRUCT(shape_statistics, (), (skewness, kurtosis))

/// sample_skewness and sample_kurtosis of `values` (no NaN) in one go: the mean and the central
/// sums are formed once, which the outlier treatment's repeated tests want.
DXFRAME_DECL shape_statistics sample_shape(const std::vector<double>& values);

/// sample_shape of the finite values among `rows` cells (NaN = missing; infinities left out), read
/// in place.
DXFRAME_DECL shape_statistics column_shape(const double* cells, std::size_t rows);

/// Type-2 sample skewness of `values` (no NaN), as COINr's `skew`; nullopt with fewer than three
/// values or when all values are equal.
DXFRAME_DECL std::optional<double> sample_skewness(const std::vector<double>& values);

/// Type-2 sample excess kurtosis of `values` (no NaN), as COINr's `kurt`; nullopt with fewer than
/// four values or when all values are equal.
DXFRAME_DECL std::optional<double> sample_kurtosis(const std::vector<double>& values);

/// Statistics of a column of `rows` cells (NaN = missing; an infinite cell is left out, counted as
/// missing, with a non_finite_value warning). When `diagnostics` is given, a
/// warning (insufficient_data, path `path`) says why a statistic is absent: no values, one
/// value (no sd), fewer than three (no skewness) or four (no kurtosis), or a constant column.
DXFRAME_DECL column_statistics describe_column(const double* cells, std::size_t rows, const std::string& path = {},
                                               std::vector<diagnostic>* diagnostics = nullptr);

/// True when the column fails COINr's outlier test as `get_stats` flags it (Flag.SkewKurt =
/// "OUT"): |skewness| > `skew_threshold` and kurtosis > `kurtosis_threshold`. (Treat's own test,
/// check_SkewKurt, is ≥ on both: see treat.hpp.) False when either statistic is absent.
DXFRAME_DECL bool flagged_as_outlier_prone(const column_statistics& s, double skew_threshold = 2.0,
                                           double kurtosis_threshold = 3.5) noexcept;

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/column_statistics.ipp>
#endif
