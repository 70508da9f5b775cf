// SPDX-License-Identifier: MIT
// Definitions for <dxframe/model/observation.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <optional>

#include <dxframe/model/indicator.hpp>
#include <dxframe/model/observation.hpp>

namespace dxframe {

DXFRAME_DECL std::optional<double> effective_value(const observation& obs, unit u) noexcept {
    if (obs.value) return obs.value;
    if (!obs.numerator || !obs.denominator || !(*obs.denominator > 0)) return std::nullopt;
    const double share = *obs.numerator / *obs.denominator;
    return u == unit::percent ? share * 100.0 : share;
}

}  // namespace dxframe
