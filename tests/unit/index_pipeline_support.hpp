// SPDX-License-Identifier: MIT
// Shared by index_denominate.cpp, index_impute.cpp and index_panel.cpp: the ASEM tables and the
// expected values of tests/data/coinr-expected (denominate_*, impute_*, panel_*: written by
// denominate_impute_panel_reference.R, base R following COINr 1.1.14's code; see the README there).
#pragma once

#include <dxframe/io/coinr.hpp>
#include <dxframe/io/coinr_panel.hpp>
#include <dxframe/io/csv.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "catch_compat.hpp"

namespace pipeline_expected {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string data_path(const std::string& relative) {
    return std::string(DXFRAME_TEST_DATA_DIR) + "/" + relative;
}

/// The ASEM cross-section as COINr imports it.
inline dxframe::coinr_data asem() {
    auto r = dxframe::import_coinr(read_text(data_path("asem/iData.csv")), read_text(data_path("asem/iMeta.csv")));
    REQUIRE(r.ok());
    return std::move(*r.data);
}

/// The ASEM panel (iData_p, 2018–2022) with ASEM's iMeta.
inline dxframe::coinr_panel asem_panel() {
    auto r = dxframe::import_coinr_panel(read_text(data_path("asem-panel/iData_p.csv")),
                                         read_text(data_path("asem/iMeta.csv")));
    REQUIRE(r.ok());
    return std::move(*r.panel);
}

/// One expected table, tests/data/coinr-expected/NAME.
inline dxframe::csv_table table(const std::string& name) {
    auto r = dxframe::read_csv(read_text(data_path("coinr-expected/" + name)));
    REQUIRE(r.ok());
    return std::move(*r.table);
}

/// A numeric cell; empty = missing.
inline std::optional<double> number(const std::string& cell) {
    if (cell.empty() || cell == "NA") return std::nullopt;
    return std::strtod(cell.c_str(), nullptr);
}

/// Both missing, or |a − b| ≤ 1e-9·|b| (1e-300 absolute for an expected zero).
inline bool close(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b) return !a && !b;
    return std::fabs(*a - *b) <= 1e-9 * std::max(std::fabs(*b), 1e-300);
}

}  // namespace pipeline_expected
