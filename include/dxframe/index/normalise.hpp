// SPDX-License-Identifier: MIT
/// @file
/// @brief Normalisers: bring indicators onto a common scale, direction-aware as in COINr.
///
/// Every method first turns a lower-is-better indicator around by negating its values
/// (x' = d·x with d = −1), exactly as COINr's `Normalise.numeric` does, and then applies its
/// formula to x' (see docs/index-methods.md for the formulas and their sources). Missing values
/// stay missing. A column that cannot be normalised (no values, zero range, a parameter the data
/// cannot take) becomes entirely missing and is reported by a diagnostic; no NaN is ever produced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/model/indicator.hpp>

namespace dxframe {

/// A normalisation method (COINr's `n_*` functions).
enum class normaliser {
    none,                ///< x' = d·x: values already on a common scale (DTI main indicators are 0–1).
    minmax,              ///< (x' − min)/(max − min)·(u − l) + l.
    zscore,              ///< (x' − mean)/sd·s + m, sample standard deviation (n − 1).
    rank,                ///< Ascending rank of x', ties share the lowest rank ("min").
    percentile_rank,     ///< (rank − 1)/(n − 1), n = number of values present.
    borda,               ///< rank − 1.
    goalposts,           ///< Fixed bounds L, U: clamp((x − L)/(U − L), 0, 1)·a; reversed for d = −1.
    distance_to_target,  ///< (x − min)/(T − min); for d = −1 (max − x)/(max − T); optional cap at 1.
    distance_to_max,     ///< 1 − (max − x')/(max − min): min-max onto [0, 1].
    fraction_of_max      ///< x'/max(x'); needs a positive maximum.
};
BOOST_DESCRIBE_ENUM(normaliser, none, minmax, zscore, rank, percentile_rank, borda, goalposts, distance_to_target,
                    distance_to_max, fraction_of_max)

/// A normaliser with its global parameters. Per-indicator parameters (targets, goalposts) are
/// in indicator_parameters.
struct normalisation {
    normaliser method = normaliser::minmax;  ///< The method.
    double lower = 0.0;                      ///< minmax: lower end l of the output range.
    double upper = 100.0;                    ///< minmax: upper end u of the output range.
    double mean = 0.0;                       ///< zscore: mean m of the output.
    double sd = 1.0;                         ///< zscore: standard deviation s of the output (> 0).
    std::optional<double> scale;  ///< goalposts: output scale a for every indicator (else the indicator's own).

    /// Equality of every member.
    friend bool operator==(const normalisation& a, const normalisation& b) {
        return a.method == b.method && a.lower == b.lower && a.upper == b.upper && a.mean == b.mean && a.sd == b.sd &&
               a.scale == b.scale;
    }
    /// Negation of ==.
    friend bool operator!=(const normalisation& a, const normalisation& b) { return !(a == b); }
};
BOOST_DESCRIBE_STRUCT(normalisation, (), (method, lower, upper, mean, sd, scale))

/// Throws dxframe::error when the parameters of `n` are unusable whatever the data (non-finite
/// numbers, a zero or negative zscore sd) — that is API misuse, not bad data.
DXFRAME_DECL void check_normalisation(const normalisation& n);

/// The per-indicator inputs some normalisers need (COINr keeps them in iMeta columns).
struct indicator_parameters {
    std::optional<double> target;          ///< distance_to_target: the target T (in the indicator's own direction).
    bool cap_at_target = false;            ///< distance_to_target: scores above 1 become 1 (COINr `cap_max`).
    std::optional<double> goalpost_lower;  ///< goalposts: the lower bound L.
    std::optional<double> goalpost_upper;  ///< goalposts: the upper bound U.
    double goalpost_scale = 1.0;           ///< goalposts: output scale a.
    bool goalpost_truncate = true;         ///< goalposts: clamp to [0, 1] before scaling (COINr `trunc2posts`).
};
BOOST_DESCRIBE_STRUCT(indicator_parameters, (),
                      (target, cap_at_target, goalpost_lower, goalpost_upper, goalpost_scale, goalpost_truncate))

/// Facts about one raw column (before the direction flip), computed once and reusable across
/// runs over the same data (uncertainty analysis re-normalises the same columns many times).
struct column_profile {
    std::size_t present = 0;               ///< Finite values.
    std::size_t non_finite = 0;            ///< Infinite values (reported, then treated as missing).
    double min = 0.0;                      ///< Smallest finite value (meaningless when present == 0).
    double max = 0.0;                      ///< Largest finite value.
    double mean = 0.0;                     ///< Mean of the finite values.
    double sd = 0.0;                       ///< Sample standard deviation (0 when present < 2).
    std::vector<std::uint32_t> ascending;  ///< Rows of the finite values by ascending value (ties by row).
};

/// What diagnostics about a column should name.
struct column_context {
    std::string_view indicator;                       ///< Indicator id.
    std::string_view path;                            ///< Diagnostic path (JSON Pointer or file name).
    std::optional<std::size_t> line;                  ///< Source line, when known.
    const std::vector<std::string>* units = nullptr;  ///< Unit ids by row, to name entities; may be null.
};

/// Scratch buffers for normalise_column, reused across calls so repeated runs do not allocate.
struct normalise_workspace {
    std::vector<double> clean;         ///< A copy of a column with infinities replaced by missing.
    std::vector<std::uint32_t> order;  ///< Sorted row order for the rank methods.
    std::vector<double> rank;          ///< Ranks by row.
};

namespace detail {

/// `v` with 17 significant digits (enough to read back the same double), for messages.
/// Declared here because other modules' messages (the COINr importer, the DTI) print numbers
/// the same way.
DXFRAME_DECL std::string index_num(double v);

/// What normalise_prepare did. For the methods that are affine in x (none, minmax, zscore,
/// distance_to_max) the output is not
/// written yet: it is (input − origin)·scale + offset, which lets the engine fuse the
/// normalisation with the aggregation into one pass. Otherwise the output is written.
struct normalise_step {
    std::size_t present = 0;        ///< Values present in the output (0: failed or empty column).
    bool affine = false;            ///< Output still to be written from the affine form.
    const double* input = nullptr;  ///< The values to transform (x, or a copy without infinities).
    double origin = 0.0;            ///< Affine form: y = clamp((x − origin)·scale + offset, low, high).
    double scale = 1.0;             ///< Affine form.
    double offset = 0.0;            ///< Affine form.
    /// Lower clamp. Multiplying by a precomputed factor instead of dividing each value (COINr
    /// divides) can overshoot an end of the output range by one rounding step; clamping to the
    /// range keeps the best unit at exactly u and the worst at exactly l, as COINr gives them.
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();  ///< Upper clamp.
};

}  // namespace detail

/// The profile of a raw column (with the sorted order when `with_order`).
DXFRAME_DECL column_profile profile_column(const double* x, std::size_t n, bool with_order = true);

/// Normalises one column of `n` values (NaN = missing) into `out` (NaN = missing), for an
/// indicator of direction `dir`. Appends diagnostics for infinite inputs (error; the cell is then
/// missing), columns that cannot be normalised (the column becomes missing: warning for too few
/// values or a zero range, error for parameters the data cannot take). `profile`, when given,
/// must describe exactly these values (it saves the statistics pass and the sort).
/// Returns the number of values present in `out` (0 when the whole column was set missing).
DXFRAME_DECL std::size_t normalise_column(const double* x, double* out, std::size_t n, direction dir,
                                          const normalisation& spec, const indicator_parameters& par,
                                          const column_context& ctx, normalise_workspace& ws,
                                          std::vector<diagnostic>& diags, const column_profile* profile = nullptr);

/// The outcome of normalise_values.
struct normalise_result {
    std::vector<std::optional<double>> values;  ///< Normalised values, missing where the input was (or on failure).
    std::vector<diagnostic> diagnostics;        ///< Problems found.
};

/// Normalises a single indicator given as optional values (a convenience over normalise_column).
DXFRAME_DECL normalise_result normalise_values(const std::vector<std::optional<double>>& values, direction dir,
                                               const normalisation& spec, const indicator_parameters& par = {},
                                               std::string_view indicator_id = "x");

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/normalise.ipp>
#endif
