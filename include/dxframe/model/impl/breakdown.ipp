// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/breakdown.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <string>

#include <dxframe/model/breakdown.hpp>

namespace dxframe {

DXFRAME_DECL std::string breakdown_text(const breakdown& b) {
    std::string out;
    for (const auto& [dim, code] : b) {
        if (!out.empty()) out += ", ";
        out += dim;
        out += '=';
        out += code;
    }
    return out;
}

}  // namespace dxframe
