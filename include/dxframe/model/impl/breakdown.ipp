// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/breakdown.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <string>
#include <vector>

#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/dimension.hpp>
#include <dxframe/model/text.hpp>

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

DXFRAME_DECL std::string breakdown_label(const breakdown& b, const std::vector<dimension>& dimensions, language lang) {
    std::string out;
    for (const auto& [dim, code] : b) {
        std::string name = code;
        for (const dimension& d : dimensions) {
            if (d.id != dim) continue;
            for (const dimension_code& c : d.codes) {
                if (c.id == code && !c.name.in(lang).empty()) name = c.name.in(lang);
            }
            break;
        }
        if (!out.empty()) out += " / ";
        out += name;
    }
    return out;
}

}  // namespace dxframe
