// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/labels.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>

#include <dxframe/report/labels.hpp>

namespace dxframe {

DXFRAME_DECL std::string target_count(std::size_t n, language lang) {
    if (lang == language::vi) return std::to_string(n) + " chỉ tiêu";
    return std::to_string(n) + (n == 1 ? " target" : " targets");
}

}  // namespace dxframe
