// SPDX-License-Identifier: MIT
/// @file
/// @brief Breakdowns: which part of a population a value is about (sex = female, area = rural).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/model/dimension.hpp>
#include <dxframe/model/text.hpp>

namespace dxframe {

/// Dimension id → code id, one code for each dimension the value is split by. Empty is the
/// headline (the whole population); a breakdown may name any subset of the indicator's
/// dimensions ({"sex": "female"} is the marginal over area). A std::map, so the order of the
/// dimensions is canonical (on save, in keys and in text).
using breakdown = std::map<std::string, std::string>;

/// True for the headline series (no dimension named).
inline bool is_headline(const breakdown& b) noexcept {
    return b.empty();
}

/// The breakdown as text for messages and report labels: "sex=female, area=rural" (dimensions
/// in id order); "" for the headline.
DXFRAME_DECL std::string breakdown_text(const breakdown& b);

/// The breakdown for a reader: the names of its codes in `lang` from `dimensions` (the
/// framework's), in dimension id order, joined by " / " ("Nông thôn / Nữ"); a code or dimension
/// that is not declared shows its id. "" for the headline.
DXFRAME_DECL std::string breakdown_label(const breakdown& b, const std::vector<dimension>& dimensions, language lang);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/model/impl/breakdown.ipp>
#endif
