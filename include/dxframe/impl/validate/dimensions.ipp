// SPDX-License-Identifier: MIT
// Dimensions: /framework/dimensions (unique dimension ids, unique code ids within a dimension)
// and the dimensions an indicator lists (/framework/indicators/i/dimensions: declared, once).
// Part of the definitions for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/references.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// /framework/dimensions: each dimension id once, each code id once within its dimension.
inline void check_dimensions(context& cx) {
    const auto& dims = cx.fw.dimensions;
    for (std::size_t i = 0; i < dims.size(); ++i) {
        if (cx.damaged.dimensions[i]) continue;  // a damaged one: the loader said what is wrong
        check_plain_id(cx, cx.dimensions, dims, i, "/framework/dimensions", "dimension");
        const std::string base = element_path("/framework/dimensions", i);
        for (std::size_t k = 0; k < dims[i].codes.size(); ++k)
            check_plain_id(cx, cx.dimension_codes[i], dims[i].codes, k, base + "/codes", "code");
    }
}

/// /framework/indicators/i/dimensions: every id names a declared dimension, and only once.
inline void check_indicator_dimensions(context& cx, std::size_t i, const std::string& base) {
    const indicator& ind = cx.fw.indicators[i];
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t k = 0; k < ind.dimensions.size(); ++k) {
        const std::string& id = ind.dimensions[k];
        const std::string path = element_path(base + "/dimensions", k);
        if (find_position(cx.dimensions, id) == none) {
            cx.error(diagnostic_code::unknown_reference, path,
                     "indicator " + quote_id(ind.id) + " is broken down by dimension " + quote_id(id) +
                         ", which /framework/dimensions does not declare");
        }
        const auto [first, fresh] = seen.emplace(id, k);
        if (!fresh) {
            cx.error(diagnostic_code::duplicate_id, path,
                     "indicator " + quote_id(ind.id) + " lists dimension " + quote_id(id) + " twice (first at " +
                         element_path(base + "/dimensions", first->second) + ")");
        }
    }
}

}  // namespace dxframe::detail::validation
