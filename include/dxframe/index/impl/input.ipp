// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/input.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/index/dataset_input.hpp>
#include <dxframe/index/impl/dataset_tables.ipp>  // detail::dataset_group_columns
#include <dxframe/index/input.hpp>
#include <dxframe/io/coinr.hpp>

namespace dxframe {

DXFRAME_DECL index_input_result coinr_index_input(std::string_view idata_csv, std::string_view imeta_csv,
                                                  const coinr_options& options) {
    coinr_import_result imported = import_coinr(idata_csv, imeta_csv, options);
    index_input_result r;
    r.diagnostics = std::move(imported.diagnostics);
    if (!imported.ok()) return r;
    coinr_data& d = *imported.data;
    r.input = index_input{std::move(d.tree), std::move(d.values), std::move(d.units), std::move(d.unit_names),
                          std::move(d.groups)};
    return r;
}

DXFRAME_DECL index_input_result dataset_index_input(const dataset& ds, const dataset_input_options& options) {
    dataset_input built = make_dataset_input(ds, options);
    index_input_result r;
    r.diagnostics = std::move(built.diagnostics);
    if (!built.ok()) return r;
    std::vector<coinr_group> groups = detail::dataset_group_columns(ds, built.units);
    r.input = index_input{std::move(*built.tree), std::move(built.values), std::move(built.units),
                          std::move(built.names), std::move(groups)};
    return r;
}

}  // namespace dxframe
