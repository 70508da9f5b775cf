// SPDX-License-Identifier: MIT
/// @file
/// @brief Imputation of missing indicator values, as COINr's `Impute` and `impute_panel`.
///
/// Cross-section methods (bluefoxr/COINr, R/impute.R), applied column by column:
/// - `mean` (`i_mean`): the mean of the column's values present (`mean(x, na.rm = TRUE)`);
/// - `median` (`i_median`): their median (`stats::median`, the mean of the two middle values
///   for an even count);
/// - `mean_group:COLUMN`, `median_group:COLUMN` (`i_mean_grp`, `i_median_grp`): the mean or
///   median of the values present among the units of the same group of a group column. A unit
///   without a group is left as it is (COINr's `skip_f_na = TRUE`).
///
/// Panel methods (`impute_panel`), over each unit's own time series:
/// - `latest` (`imp_type = "latest"`): the unit's value of the latest earlier period that has
///   one (looking back at most `max_time` periods of the panel when set); never fills from a
///   later period, so a gap at the start of a series stays;
/// - `interpolate` (`imp_type = "linear"`): `stats::approx(t, y, xout = t, rule = 2)`: linear
///   interpolation between the two nearest periods with values, and before the first / after
///   the last value the nearest value (constant extrapolation at both ends).
///
/// Where COINr would produce NaN or stop, the cell stays missing with a warning: a column, a
/// group or a series with no values; a unit with no group; `interpolate` on a series with one
/// value only (COINr 1.1.14's `approx` stops: issue #63).
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
#include <dxframe/io/coinr.hpp>

namespace dxframe {

/// An imputation method (COINr's `i_*` functions and `impute_panel` types).
enum class imputation_method {
    none,          ///< Leave missing values missing.
    mean,          ///< Column mean (`i_mean`).
    median,        ///< Column median (`i_median`).
    mean_group,    ///< Mean within the unit's group (`i_mean_grp`).
    median_group,  ///< Median within the unit's group (`i_median_grp`).
    latest,        ///< Panel: the unit's latest earlier value (`impute_panel`, "latest").
    interpolate    ///< Panel: linear interpolation between periods, ends held (`impute_panel`, "linear").
};
BOOST_DESCRIBE_ENUM(imputation_method, none, mean, median, mean_group, median_group, latest, interpolate)

/// One imputation choice.
struct imputation {
    imputation_method method = imputation_method::none;  ///< The method.
    std::string group;  ///< mean_group / median_group: the group column's id (e.g. GDP_group).

    /// Equality of every member.
    friend bool operator==(const imputation& a, const imputation& b) {
        return a.method == b.method && a.group == b.group;
    }
    /// Negation of ==.
    friend bool operator!=(const imputation& a, const imputation& b) { return !(a == b); }
};
BOOST_DESCRIBE_STRUCT(imputation, (), (method, group))

/// Imputation for every indicator: a default and per-indicator choices.
struct imputation_spec {
    imputation all;                               ///< For every indicator not listed below.
    std::map<std::string, imputation> indicator;  ///< Per indicator id.
};
BOOST_DESCRIBE_STRUCT(imputation_spec, (), (all, indicator))

/// True when `m` needs several periods (latest, interpolate).
DXFRAME_DECL bool is_panel_method(imputation_method m) noexcept;

/// The text form of `m` as parse_imputation reads it (`mean_group:GDP_group`).
DXFRAME_DECL std::string to_spec(const imputation& m);

/// A whole spec as text: the default's spec, then `ID=SPEC` per indicator, each after
/// `separator` (`mean;IND_3=median` as parse_imputation_alternatives reads it back; a report's
/// methods line uses ", ").
DXFRAME_DECL std::string imputation_spec_text(const imputation_spec& spec, const std::string& separator = ";");

/// Parses one SPEC: `none`, `mean`, `median`, `mean_group:COLUMN`, `median_group:COLUMN`,
/// `latest` or `interpolate`. On failure appends an error diagnostic (path `where`, code
/// invalid_enum_value) quoting the text and listing the accepted forms, and returns nullopt.
DXFRAME_DECL std::optional<imputation> parse_imputation(std::string_view text, std::vector<diagnostic>& diagnostics,
                                                        const std::string& where = "--impute");

/// The outcome of parse_imputation_spec.
struct imputation_spec_result {
    std::optional<imputation_spec> spec;  ///< Nullopt when any argument failed.
    std::vector<diagnostic> diagnostics;  ///< One per bad argument.
    /// True when the spec was read.
    bool ok() const noexcept { return spec.has_value(); }
};

/// Parses the values of a repeatable option: each is SPEC (the default for every indicator) or
/// ID=SPEC (one indicator). Errors (each a diagnostic with path `where` and the argument's
/// 1-based position as `column`): a SPEC that does not parse, an empty ID, a second default, the
/// same ID twice. Ids are checked against the data by impute, not here.
DXFRAME_DECL imputation_spec_result parse_imputation_spec(const std::vector<std::string>& arguments,
                                                          const std::string& where = "--impute");

/// How many cells of one indicator or unit were missing and how many imputation filled.
struct imputation_count {
    std::string id;           ///< Indicator or unit id.
    std::size_t missing = 0;  ///< Missing before imputation.
    std::size_t filled = 0;   ///< Filled by imputation (missing − filled stay missing).
};
BOOST_DESCRIBE_STRUCT(imputation_count, (), (id, missing, filled))

/// A cell that is still missing after imputation.
struct imputation_cell {
    std::string unit;            ///< Unit id.
    std::string indicator;       ///< Indicator id.
    std::optional<double> time;  ///< Its period, in a panel.
};
BOOST_DESCRIBE_STRUCT(imputation_cell, (), (unit, indicator, time))

/// The tables of one cross-section, by reference.
struct imputation_input {
    const value_matrix* values = nullptr;                     ///< Units × indicators.
    const std::vector<std::string>* indicator_ids = nullptr;  ///< One per column.
    const std::vector<std::string>* units = nullptr;          ///< One per row.
    const std::vector<coinr_group>* groups = nullptr;         ///< Group columns (may be null: none).
};

/// The outcome of impute.
struct imputation_result {
    value_matrix values;                         ///< Imputed values (same shape as the input).
    std::vector<imputation_count> indicators;    ///< One per indicator, input order.
    std::vector<imputation_count> units;         ///< One per unit, input order.
    std::vector<imputation_cell> still_missing;  ///< Cells left missing, by indicator then unit.
    std::vector<diagnostic> diagnostics;         ///< Problems found.
    /// True when no diagnostic is an error.
    bool ok() const noexcept { return !has_errors(diagnostics); }
};

/// Imputes one cross-section by `spec`. Errors (path `source`; the indicator is left as it is):
/// an id in the spec that is no indicator (unknown_reference), a group column that does not
/// exist (unknown_reference), a panel method (invalid_input_for_method: use impute_panel).
/// Warnings (the cells stay missing, insufficient_data): an indicator with no value, a group
/// with no value, a unit with no group; an indicator with an infinite value (non_finite_value:
/// nothing is imputed from it). Values present are never changed. Throws
/// dxframe::error when the shapes disagree.
DXFRAME_DECL imputation_result impute(const imputation_input& in, const imputation_spec& spec,
                                      const std::string& source = "iData.csv");

/// impute on a matrix the caller owns, imputed in place: no copy of the values, for a pipeline
/// that keeps its buffers. `values` is units × indicators, `indicator_ids` names its columns and
/// `units` its rows; `groups` (may be null: none) are the group columns. The result is impute's,
/// except that its `values` is left empty. Errors and warnings as impute; an indicator with an
/// error is left as it is. Throws dxframe::error when the shapes disagree.
DXFRAME_DECL imputation_result impute_in_place(value_matrix& values, const std::vector<std::string>& indicator_ids,
                                               const std::vector<std::string>& units,
                                               const std::vector<coinr_group>* groups, const imputation_spec& spec,
                                               const std::string& source = "iData.csv");

/// impute over an imported COINr table (its indicators, units and group columns).
DXFRAME_DECL imputation_result impute(const coinr_data& data, const imputation_spec& spec,
                                      const std::string& source = "iData.csv");

/// Options of impute_panel.
struct panel_imputation_options {
    /// `latest`: look back at most this many periods of the panel (COINr `max_time`); none = all.
    /// 0 looks back nowhere (COINr's `olderyrs[1:0]` would still take the previous period).
    std::optional<std::size_t> max_time;
};
BOOST_DESCRIBE_STRUCT(panel_imputation_options, (), (max_time))

/// The outcome of impute_panel.
struct panel_imputation_result {
    std::vector<value_matrix> values;            ///< One per period, the input's shapes.
    std::vector<imputation_count> indicators;    ///< One per indicator, summed over the periods.
    std::vector<imputation_count> units;         ///< One per unit id (first-seen order), summed over periods.
    std::vector<imputation_cell> still_missing;  ///< Cells left missing, with their period.
    std::vector<diagnostic> diagnostics;         ///< Problems found.
    /// True when no diagnostic is an error.
    bool ok() const noexcept { return !has_errors(diagnostics); }
};

/// Imputes a panel: periods (ascending, distinct `times`) of the same indicators, units matched
/// by id across periods. `latest` and `interpolate` use each unit's own series; the
/// cross-section methods impute each period on its own (as COINr's `Impute.purse` does for
/// them), with that period's group columns. Diagnostics as impute, plus warnings for a series
/// with no value or (interpolate) a single value. Throws dxframe::error when the periods'
/// shapes disagree or `times` is not strictly increasing.
DXFRAME_DECL panel_imputation_result impute_panel(const std::vector<double>& times,
                                                  const std::vector<imputation_input>& periods,
                                                  const imputation_spec& spec,
                                                  const panel_imputation_options& options = {},
                                                  const std::string& source = "iData.csv");

/// impute_panel over imported periods (e.g. coinr_panel::periods), each with its `time`.
DXFRAME_DECL panel_imputation_result impute_panel(const std::vector<coinr_data>& periods, const imputation_spec& spec,
                                                  const panel_imputation_options& options = {},
                                                  const std::string& source = "iData.csv");

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/index/impl/impute.ipp>
#include <dxframe/index/impl/impute_panel.ipp>
#include <dxframe/index/impl/impute_text.ipp>
#endif
