// SPDX-License-Identifier: MIT
// Shared by index_treat.cpp, index_audit.cpp, index_profile.cpp and report_audit.cpp: the ASEM
// tables (imported once) and the expected values of tests/data/coinr-expected (treat_*, audit_*,
// profile_*: written by coinr_expected.R, an independent base-R port of COINr 1.1.14's functions;
// see the README there). Reading the tables is index_pipeline_support.hpp's.
#pragma once

#include <dxframe/io/coinr.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

#include "index_pipeline_support.hpp"

namespace coinr_expected {

using pipeline_expected::number;
using pipeline_expected::table;

/// The ASEM example imported as COINr builds it (once per test program).
inline const dxframe::coinr_data& asem() {
    static const dxframe::coinr_data data = pipeline_expected::asem();
    return data;
}

/// |a − b| ≤ 1e-9·max(|b|, floor): 1e-9 relative, with an absolute floor for values that are
/// zero up to rounding (a skewness of 1e-17 is zero in any implementation).
inline bool close(double a, double b, double floor = 1e-12) {
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(b), floor);
}

/// Both missing, or close().
inline bool close(const std::optional<double>& a, const std::optional<double>& b, double floor = 1e-12) {
    if (!a || !b) return !a && !b;
    return close(*a, *b, floor);
}

}  // namespace coinr_expected
