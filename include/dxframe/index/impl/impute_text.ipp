// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/impute.hpp>: a spec as text (see <dxframe/config.hpp>: included
// by that header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <string>

#include <dxframe/config.hpp>
#include <dxframe/index/impute.hpp>

namespace dxframe {

DXFRAME_DECL std::string imputation_spec_text(const imputation_spec& spec, const std::string& separator) {
    std::string text = to_spec(spec.all);
    for (const auto& [id, m] : spec.indicator)
        text += separator + id + "=" + to_spec(m);
    return text;
}

}  // namespace dxframe
