// SPDX-License-Identifier: MIT
/// @file
/// @brief Outlier treatment: COINr's default `Treat` — winsorisation, then a log transform.
///
/// The recipe of COINr's `Treat.numeric` with its defaults (bluefoxr/COINr, R/treat.R: f1 =
/// `winsorise`, f2 = `log_CT`, f_pass = `check_SkewKurt`, combine_treat = FALSE):
///  1. An indicator *passes* when |skewness| < S or kurtosis < K (`check_SkewKurt`; S = 2,
///     K = 3.5; type-2 estimators of the values present, see column_statistics.hpp). It fails
///     only when both are reached: |skew| ≥ S and kurt ≥ K.
///  2. A failing indicator is winsorised (`winsorise`): while it fails and fewer than M points
///     (M = 5) are winsorised, the extreme value on the side the *current* skewness points to
///     (the maximum when skew ≥ 0, else the minimum) is replaced — together with every value tied
///     with it — by the largest (smallest) of the other values. The count is COINr's `nwin`: the
///     number of cells at the treated maximum plus those at the treated minimum, so ties can take
///     it past M.
///  3. If it still fails, the winsorisation is discarded and the ORIGINAL values are log
///     transformed (`log_CT`): x ↦ ln(x − min + 0.01·(max − min)), min and max of the values
///     present. The result is checked again and reported, whether it passes or not.
/// Missing cells stay missing. An indicator whose test cannot be computed (fewer than four
/// values, where COINr's `skew()`/`kurt()` stop; or all equal, where COINr's f_pass returns NA),
/// or that holds an infinite value, is left untreated with a warning; untreatable_indicators
/// tells a pipeline which of them COINr would stop on.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/matrix.hpp>

namespace dxframe {

/// How one indicator is treated. The defaults are COINr's.
struct treat_rule {
    bool enabled = true;  ///< False = COINr's "none": the indicator is neither tested nor treated.
    /// Most points to winsorise (COINr `winmax`); none = no limit.
    std::optional<std::size_t> max_points = 5;
    double skew_threshold = 2.0;      ///< S: fails only when |skewness| ≥ S ...
    double kurtosis_threshold = 3.5;  ///< K: ... and kurtosis ≥ K.
};
BOOST_DESCRIBE_STRUCT(treat_rule, (), (enabled, max_points, skew_threshold, kurtosis_threshold))

/// The treatment of every indicator: one rule for all, overridden per indicator id.
struct treat_spec {
    treat_rule global;                                ///< For every indicator not listed below.
    std::map<std::string, treat_rule> per_indicator;  ///< By indicator id.
};
BOOST_DESCRIBE_STRUCT(treat_spec, (), (global, per_indicator))

/// What was done to an indicator.
enum class treatment {
    none,        ///< Passed the test, was not tested (rule "none"), or could not be tested.
    winsorised,  ///< Winsorised (and passes, or the log transform was not needed).
    log          ///< Winsorising did not help: the original values were log transformed.
};
BOOST_DESCRIBE_ENUM(treatment, none, winsorised, log)

/// Skewness, kurtosis and the test's verdict at one stage (COINr's check_SkewKurt0/1/2 columns).
struct treat_check {
    std::optional<double> skewness;  ///< Type-2 skewness; absent when it cannot be computed.
    std::optional<double> kurtosis;  ///< Type-2 kurtosis; absent when it cannot be computed.
    std::optional<bool> passes;      ///< |skew| < S or kurt < K; absent when either is absent.
};
BOOST_DESCRIBE_STRUCT(treat_check, (), (skewness, kurtosis, passes))

/// The treatment log of one indicator (COINr's Dets_Table row and Treated_Points column).
struct indicator_treatment {
    std::string indicator;                     ///< Indicator id.
    treat_rule rule;                           ///< The rule applied.
    treatment applied = treatment::none;       ///< What was done.
    treat_check before;                        ///< Test of the values as given.
    std::optional<treat_check> winsorised;     ///< Test after winsorising, when it was tried.
    std::optional<treat_check> log;            ///< Test after the log transform, when it was applied.
    std::size_t points = 0;                    ///< COINr `nwin` (cells winsorised; 0 when not tried).
    std::vector<std::string> winsorised_high;  ///< Units whose value was pulled down (COINr "winhi").
    std::vector<std::string> winsorised_low;   ///< Units whose value was pulled up ("winlo").
    /// The test of the final values (before, winsorised or log, whichever was kept).
    const treat_check& after() const noexcept {
        if (applied == treatment::log && log) return *log;
        if (applied == treatment::winsorised && winsorised) return *winsorised;
        return before;
    }
};
BOOST_DESCRIBE_STRUCT(indicator_treatment, (),
                      (indicator, rule, applied, before, winsorised, log, points, winsorised_high, winsorised_low))

/// Treated data and the log of every indicator.
struct treat_result {
    value_matrix values;                   ///< Units × indicators, treated (a copy of the input when nothing was).
    std::vector<indicator_treatment> log;  ///< One per column, in column order.
    std::vector<diagnostic> diagnostics;   ///< Untestable indicators, unknown ids in the spec.
    /// True when no diagnostic is an error.
    bool ok() const noexcept { return !has_errors(diagnostics); }
};

/// Treats one column of `rows` cells in place (NaN = missing) under `rule`; `units` (rows ids,
/// may be null) names the winsorised cells in the log, `id` the indicator. Problems go to
/// `diagnostics` with path `id`.
DXFRAME_DECL indicator_treatment treat_column(double* cells, std::size_t rows, const treat_rule& rule,
                                              const std::string& id, const std::vector<std::string>* units,
                                              std::vector<diagnostic>& diagnostics);

/// Treats every column of `data` (units × indicators; `indicators` names the columns, `units`
/// the rows) with the rule `spec` gives it. An id in `spec.per_indicator` that names no column is
/// an error diagnostic (unknown_reference) and nothing is treated. Throws dxframe::error when
/// the id vectors do not fit the matrix.
DXFRAME_DECL treat_result treat_outliers(const value_matrix& data, const std::vector<std::string>& indicators,
                                         const std::vector<std::string>& units, const treat_spec& spec = {});

/// treat_outliers without the copy: treats `data` in place and returns the log (one entry per
/// column), appending problems to `diagnostics`. For a pipeline that already owns its working
/// matrix (after denomination or imputation): the copy of a large matrix costs more than the
/// treatment of the columns that pass. An unknown id in `spec` leaves `data` untouched and the
/// log empty. Throws dxframe::error when the id vectors do not fit the matrix.
DXFRAME_DECL std::vector<indicator_treatment> treat_outliers_in_place(value_matrix& data,
                                                                      const std::vector<std::string>& indicators,
                                                                      const std::vector<std::string>& units,
                                                                      const treat_spec& spec,
                                                                      std::vector<diagnostic>& diagnostics);

/// The outcome of parse_treat_spec.
struct treat_spec_parse_result {
    std::optional<treat_spec> spec;       ///< Nullopt when any argument does not parse.
    std::vector<diagnostic> diagnostics;  ///< One error per bad argument, naming it.
};

/// Parses the CLI's `--treat` arguments, each `SPEC` (for every indicator) or `ID=SPEC` (one
/// indicator), SPEC = `none` | `winsorise[:MAX_POINTS[:SKEW:KURTOSIS]]` (`winsorize` too; defaults 5, 2, 3.5;
/// MAX_POINTS a whole number ≥ 0, SKEW and KURTOSIS finite numbers, SKEW > 0). A later argument
/// for the same target replaces an earlier one. Errors (invalid_enum_value for an unknown method,
/// invalid_number for a bad parameter) have path `source` + "/" + the argument's position.
DXFRAME_DECL treat_spec_parse_result parse_treat_spec(const std::vector<std::string>& arguments,
                                                      const std::string& source = "--treat");

/// Parses one SPEC (no `ID=`); nullopt and a message in `error` when it is not valid.
DXFRAME_DECL std::optional<treat_rule> parse_treat_rule(std::string_view spec, std::string& error);

/// One rule in the syntax parse_treat_rule reads: `none` or `winsorise:MAX:SKEW:KURTOSIS`
/// (MAX `all` when unlimited).
DXFRAME_DECL std::string treat_rule_text(const treat_rule& rule);

/// A whole spec: the default rule, then `ID=RULE` per indicator, each after `separator` (the
/// uncertainty alternatives use ";", a report's methods line ", ").
DXFRAME_DECL std::string treat_spec_text(const treat_spec& spec, const std::string& separator = ";");

/// The indicators `spec` asks to treat that COINr's Treat cannot even start on: fewer than four
/// values present (its `skew()` stops below three values, `kurt()` below four). One error per
/// indicator (insufficient_data, path `source`, the message naming the indicator and its count).
/// An indicator that has enough values but all equal, or an infinite value, is not one of them:
/// COINr's test returns NA there and Treat warns and leaves it untreated, as treat_column does.
/// The one rule the pipeline and the uncertainty analysis share.
DXFRAME_DECL std::vector<diagnostic> untreatable_indicators(const value_matrix& data,
                                                            const std::vector<std::string>& indicators,
                                                            const treat_spec& spec, const std::string& source);

/// untreatable_indicators from the number of values present in each column (`present`, one per
/// indicator), for a caller that has the counts without reading the matrix (a pipeline's fused
/// imputation and treatment: present = rows − missing + filled). Throws dxframe::error when
/// `present` and `indicators` differ in size.
DXFRAME_DECL std::vector<diagnostic> untreatable_indicators_by_count(const std::vector<std::size_t>& present,
                                                                     const std::vector<std::string>& indicators,
                                                                     const treat_spec& spec, const std::string& source);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/treat.ipp>
#include <dxframe/index/impl/treat_text.ipp>
#endif
