// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/indicator.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <dxframe/model/indicator.hpp>

namespace dxframe {

DXFRAME_DECL value_bounds effective_bounds(const indicator& ind) {
    value_bounds b{ind.minimum, ind.maximum};
    switch (ind.unit) {
        case unit::percent:
            if (!b.minimum) b.minimum = 0.0;
            if (!b.maximum) b.maximum = 100.0;
            break;
        case unit::boolean:
            if (!b.minimum) b.minimum = 0.0;
            if (!b.maximum) b.maximum = 1.0;
            break;
        case unit::count:
        case unit::mbps:
        case unit::years:
            if (!b.minimum) b.minimum = 0.0;
            break;
        case unit::rank:
            if (!b.minimum) b.minimum = 1.0;
            break;
        default: break;
    }
    return b;
}

}  // namespace dxframe
