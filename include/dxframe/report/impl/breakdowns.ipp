// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/breakdowns.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>

#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/breakdowns.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/labels.hpp>

namespace dxframe {

DXFRAME_DECL std::string breakdown_summary(const scorecard_target& t, language lang) {
    std::string out;
    if (!t.breakdown.empty())
        out = std::string(label(breakdown_word::target_breakdown, lang)) + ": " + t.breakdown_label;
    if (t.breakdowns.empty()) return out;
    if (!out.empty()) out += " \u00b7 ";
    out += std::string(label(breakdown_word::by_breakdown, lang)) + ": ";
    for (std::size_t i = 0; i < t.breakdowns.size(); ++i) {
        const breakdown_value& b = t.breakdowns[i];
        if (i > 0) out += "; ";  // values may hold commas (1,200,000)
        out += b.label + " " + human_value(b.latest.value, t.unit, t.unit_suffix, lang);
    }
    return out;
}

}  // namespace dxframe
