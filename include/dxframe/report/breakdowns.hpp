// SPDX-License-Identifier: MIT
/// @file
/// @brief A target's breakdowns in one line of text, for the terminal and Markdown reports.
#pragma once

#include <string>

#include <dxframe/config.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/progress/scorecard.hpp>

namespace dxframe {

/// "Breakdown: Female · By breakdown: Female 35%; Male 85%": the breakdown the target is about
/// (when it names one) and the latest value of each breakdown of its indicator
/// (scorecard_target::breakdowns), in `lang`; "" when the target has neither.
DXFRAME_DECL std::string breakdown_summary(const scorecard_target& t, language lang);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/breakdowns.ipp>
#endif
