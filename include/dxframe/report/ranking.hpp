// SPDX-License-Identifier: MIT
/// @file
/// @brief The ranking chart's view of an index computation: every unit with its index value and
/// rank (the ranking struct itself, and rankings from reported observations, are in
/// <dxframe/progress/ranking.hpp>).
#pragma once

#include <map>
#include <string>

#include <dxframe/config.hpp>
#include <dxframe/index/compute.hpp>
#include <dxframe/progress/ranking.hpp>

namespace dxframe {

/// The ranking of an index computation: every unit with its index value and rank. `names`
/// maps unit ids to display names (units not in it show their id).
DXFRAME_DECL ranking ranking_from_index(const index_report& report,
                                        const std::map<std::string, std::string>& names = {},
                                        const std::string& title = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/ranking.ipp>
#endif
