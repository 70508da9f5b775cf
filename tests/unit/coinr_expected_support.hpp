// SPDX-License-Identifier: MIT
// Shared by index_treat.cpp, index_audit.cpp, index_profile.cpp and report_audit.cpp: the ASEM
// tables and the expected values of tests/data/coinr-expected (written by coinr_expected.R, an
// independent base-R port of COINr 1.1.14's functions; see the README there).
#pragma once

#include <dxframe/io/coinr.hpp>
#include <dxframe/io/csv.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "catch_compat.hpp"

namespace coinr_expected {

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string data_dir() {
    return std::string(DXFRAME_TEST_DATA_DIR);
}

/// The ASEM example imported as COINr builds it.
inline const dxframe::coinr_data& asem() {
    static const dxframe::coinr_data data = [] {
        const std::string dir = data_dir() + "/asem/";
        auto r = dxframe::import_coinr(slurp(dir + "iData.csv"), slurp(dir + "iMeta.csv"));
        REQUIRE(r.ok());
        return *r.data;
    }();
    return data;
}

/// One expected table (tests/data/coinr-expected/NAME).
inline dxframe::csv_table table(const std::string& name) {
    auto r = dxframe::read_csv(slurp(data_dir() + "/coinr-expected/" + name));
    REQUIRE(r.ok());
    return *r.table;
}

/// A numeric cell; empty = missing.
inline std::optional<double> number(const std::string& cell) {
    if (cell.empty() || cell == "NA") return std::nullopt;
    return std::strtod(cell.c_str(), nullptr);
}

/// |a − b| ≤ 1e-9·max(|b|, floor): 1e-9 relative, with an absolute floor for values that are
/// zero up to rounding (a skewness of 1e-17 is zero in any implementation).
inline bool close(double a, double b, double floor = 1e-12) {
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(b), floor);
}

inline bool close(const std::optional<double>& a, const std::optional<double>& b, double floor = 1e-12) {
    if (!a || !b) return !a && !b;
    return close(*a, *b, floor);
}

}  // namespace coinr_expected
