// SPDX-License-Identifier: MIT
/// @file
/// @brief Import of a COINr panel: iData with a Time column, every period at once.
///
/// COINr builds a "purse" from panel data (bluefoxr/COINr, R/new_coin.R, `new_purse`): iData is
/// split by its Time column and each period becomes a coin of the same iMeta. import_coinr_panel
/// does the same with import_coinr: one coinr_data per distinct Time value, ascending, each
/// validated by COINr's rules (a unit twice in one period is a duplicate_id error naming the
/// line of the second row and of the first).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/csv.hpp>

namespace dxframe {

/// An imported COINr panel: the periods in ascending Time order.
struct coinr_panel {
    std::vector<double> times;        ///< The distinct Time values, ascending.
    std::vector<coinr_data> periods;  ///< One per time (its `time` set), same tree and columns.
};

/// The outcome of import_coinr_panel.
struct coinr_panel_result {
    std::optional<coinr_panel> panel;     ///< Nullopt when any error.
    std::vector<diagnostic> diagnostics;  ///< Every problem found (each once, not once per period).
    /// True when the panel was imported.
    bool ok() const noexcept { return panel.has_value(); }
};

/// Imports every period of a COINr panel (tables already read as CSV). Errors besides
/// import_coinr's: no Time column, a row with an empty Time (naming its line). `options.time`
/// is ignored (every period is imported).
DXFRAME_DECL coinr_panel_result import_coinr_panel(const csv_table& idata, const csv_table& imeta,
                                                   const coinr_options& options = {});

/// Imports every period of a COINr panel from CSV text (see the overload above).
DXFRAME_DECL coinr_panel_result import_coinr_panel(std::string_view idata_csv, std::string_view imeta_csv,
                                                   const coinr_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/io/impl/coinr_panel.ipp>
#endif
