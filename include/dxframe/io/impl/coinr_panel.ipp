// SPDX-License-Identifier: MIT
// Definitions for <dxframe/io/coinr_panel.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/coinr_panel.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/impl/coinr.ipp>

namespace dxframe {

DXFRAME_DECL coinr_panel_result import_coinr_panel(const csv_table& idata, const csv_table& imeta,
                                                   const coinr_options& options) {
    coinr_panel_result result;
    auto error_at = [&](diagnostic_code code, std::size_t line, std::optional<std::size_t> column, std::string msg) {
        diagnostic d;
        d.code = code;
        d.path = options.data_source;
        d.line = line;
        d.column = column;
        d.message = std::move(msg);
        result.diagnostics.push_back(std::move(d));
    };
    const auto c_time = idata.column("Time");
    if (!c_time) {
        error_at(diagnostic_code::invalid_metadata, idata.header_line, std::nullopt,
                 "a panel needs a Time column (one row per unit and period)");
        return result;
    }
    const auto c_ucode = idata.column("uCode");
    std::set<double> distinct;
    for (std::size_t r = 0; r < idata.rows.size(); ++r) {
        const auto cell = detail::parse_cell(idata.rows[r][*c_time]);
        if (cell.kind == detail::cell_kind::number) {
            distinct.insert(cell.value);
        } else if (cell.kind == detail::cell_kind::missing) {
            error_at(diagnostic_code::missing_required_field, idata.row_lines[r], *c_time + 1,
                     "the row" +
                         (c_ucode ? " of '" + std::string(detail::trim_cell(idata.rows[r][*c_ucode])) + "'" : "") +
                         " has no Time");
        }  // a Time that is not a number is reported by import_coinr
    }
    // Each period through import_coinr; the diagnostics of iMeta (and of any row) come back once
    // per period, so keep each only once.
    std::set<std::string> seen;
    auto keep = [&](std::vector<diagnostic>& from) {
        for (auto& d : from) {
            const std::string key = d.path + '\n' + std::to_string(d.line.value_or(0)) + '\n' +
                                    std::to_string(d.column.value_or(0)) + '\n' + d.message;
            if (seen.insert(key).second) result.diagnostics.push_back(std::move(d));
        }
    };
    coinr_panel panel;
    coinr_options one = options;
    if (distinct.empty() && !has_errors(result.diagnostics)) {
        error_at(diagnostic_code::insufficient_data, idata.header_line, *c_time + 1,
                 "the table has no rows with a Time, so there is no period to compute");
    }
    for (const double t : distinct) {
        one.time = t;
        coinr_import_result period = import_coinr(idata, imeta, one);
        keep(period.diagnostics);
        if (!period.ok()) continue;
        panel.times.push_back(t);
        panel.periods.push_back(std::move(*period.data));
    }
    if (has_errors(result.diagnostics) || panel.periods.empty()) return result;
    result.panel = std::move(panel);
    return result;
}

DXFRAME_DECL coinr_panel_result import_coinr_panel(std::string_view idata_csv, std::string_view imeta_csv,
                                                   const coinr_options& options) {
    coinr_panel_result result;
    csv_read_options dopt;
    dopt.source = options.data_source;
    csv_read_options mopt;
    mopt.source = options.meta_source;
    csv_read_result d = read_csv(idata_csv, dopt);
    csv_read_result m = read_csv(imeta_csv, mopt);
    for (auto& x : m.diagnostics)
        result.diagnostics.push_back(std::move(x));
    for (auto& x : d.diagnostics)
        result.diagnostics.push_back(std::move(x));
    if (!d.ok() || !m.ok()) return result;
    coinr_panel_result inner = import_coinr_panel(*d.table, *m.table, options);
    for (auto& x : inner.diagnostics)
        result.diagnostics.push_back(std::move(x));
    result.panel = std::move(inner.panel);
    return result;
}

}  // namespace dxframe
