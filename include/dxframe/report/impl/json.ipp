// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/json.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <string>

#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/json.hpp>

namespace dxframe {

DXFRAME_DECL std::string render_json(const scorecard& sc) {
    return render_report_json(sc);
}

}  // namespace dxframe
