// SPDX-License-Identifier: MIT
/// @file
/// @brief The embedded Vietnam dataset: the national DX framework, its targets, tasks, entities
/// and reported figures, each with its source.
///
/// One dxframe/1 JSON document compiled into the library and parsed on first use. It holds the
/// ten pillars and foundations of Decision 749/QD-TTg; the indicator tree (a national tree of
/// pillars, and the DTI province index of Decision 922/QD-BTTTT as a second root, weights =
/// maximum points); every quantitative target of Decisions 749, 942, 411, 1132 and 2629/QD-TTg
/// and of Resolution 57-NQ/TW (with related plans), conflicting sources kept as separate targets;
/// the figures and tasks reported at National DX Committee meetings; the reported time series;
/// and the nation, the ministries named in the sources and the 63 provinces before 1 July 2025
/// with the 34 after (the 23 merged ones linked by `successor_of`). Every target and observation
/// cites a source with a confidence flag. docs/vietnam-dataset.md describes the contents, the id
/// scheme, how confidence was assigned and the known gaps.
#pragma once

#include <string_view>

#include <dxframe/config.hpp>
#include <dxframe/model/dataset.hpp>

namespace dxframe {
namespace data {

/// The embedded Vietnam dataset as dxframe/1 JSON text (UTF-8, non-ASCII escaped).
///
/// Built once, on the first call, from the pieces of detail::vietnam_json_pieces (in
/// impl/vietnam.ipp); the view stays valid for the life of the program.
DXFRAME_DECL std::string_view vietnam_json();

/// The embedded Vietnam dataset, parsed (strict mode). Parsed once and copied on each call.
/// Throws dxframe::error only if the embedded text itself were broken (a test guards this).
DXFRAME_DECL dataset vietnam();

}  // namespace data
}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/data/impl/vietnam.ipp>
#endif
