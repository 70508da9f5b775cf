// SPDX-License-Identifier: MIT
/// @file
/// @brief Import of COINr's iData / iMeta tables (CSV), with COINr's validation rules.
///
/// COINr (bluefoxr/COINr, `new_coin`, `check_iData`, `check_iMeta`) describes an index with two
/// tables. iMeta has one row per indicator, aggregate, group, denominator or other column:
/// required columns Level, iCode, Parent, Direction, Type, Weight; optional iName, Unit, Target,
/// Denominator and the normalisation-parameter columns goalpost_lower, goalpost_upper,
/// goalpost_scale, goalpost_trunc2posts, dist2targ_cap_max. iData has one row per unit: uCode,
/// optional uName and Time, then the group, denominator and indicator columns. An empty cell (or
/// `NA`, as R writes it) is missing. Every problem is a diagnostic naming the file, the line and
/// the field number (1-based) — never an exception.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/tree.hpp>
#include <dxframe/io/csv.hpp>

namespace dxframe {

/// Options for import_coinr.
struct coinr_options {
    std::string data_source = "iData.csv";  ///< Name of the iData table in diagnostics.
    std::string meta_source = "iMeta.csv";  ///< Name of the iMeta table in diagnostics.
    /// Panel data (several Time values): which Time to use. None = the latest, with a note.
    std::optional<double> time;
};
BOOST_DESCRIBE_STRUCT(coinr_options, (), (data_source, meta_source, time))

/// A grouping column of iData (Type = Group in iMeta), e.g. GDP_group.
struct coinr_group {
    std::string id;                                  ///< Column name.
    std::string name;                                ///< iName, if given.
    std::vector<std::optional<std::string>> values;  ///< One per unit; empty cell = none.
};
BOOST_DESCRIBE_STRUCT(coinr_group, (), (id, name, values))

/// An imported COINr index: the tree, the units and their indicator values.
struct coinr_data {
    index_tree tree;                           ///< Indicators (iMeta order) and aggregates.
    std::vector<std::string> units;            ///< uCode of each unit, iData order.
    std::vector<std::string> unit_names;       ///< uName (or uCode when absent).
    value_matrix values;                       ///< Units × tree indicators; missing = empty cell.
    std::vector<coinr_group> groups;           ///< Group columns.
    std::vector<std::string> denominator_ids;  ///< Denominator columns, in iData order.
    value_matrix denominators;                 ///< Units × denominator columns.
    std::optional<double> time;                ///< The Time of the rows used, if iData has a Time column.
    /// iMeta's Denominator of each tree indicator (tree indicator order): the id of the column to
    /// divide it by (COINr `Denominate`'s default `denomby`); none when the cell is empty or iMeta
    /// has no Denominator column. Not checked here: denominate() reports a name that is no
    /// denominator column.
    std::vector<std::optional<std::string>> indicator_denominators;
    /// The scale factor of each tree indicator's own denominator, where its source gives one (a
    /// dxframe/1 indicator's `denominator_scale`); empty or none = the caller's scale. iMeta has
    /// no such column, so import_coinr leaves this empty.
    std::vector<std::optional<double>> indicator_denominator_scales;
};

/// The outcome of import_coinr.
struct coinr_import_result {
    std::optional<coinr_data> data;       ///< Nullopt when any error.
    std::vector<diagnostic> diagnostics;  ///< Every problem found, with file, line and field.
    /// True when the tables were imported.
    bool ok() const noexcept { return data.has_value(); }
};

/// Imports COINr tables already read as CSV (see import_coinr(text, text, options)).
DXFRAME_DECL coinr_import_result import_coinr(const csv_table& idata, const csv_table& imeta,
                                              const coinr_options& options = {});

/// Imports COINr tables from CSV text: reads both tables (read_csv) and validates them as COINr's
/// `new_coin` does. The tables' names in diagnostics come from `options`.
DXFRAME_DECL coinr_import_result import_coinr(std::string_view idata_csv, std::string_view imeta_csv,
                                              const coinr_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/io/impl/coinr.ipp>
#endif
