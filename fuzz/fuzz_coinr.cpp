// SPDX-License-Identifier: MIT
// Fuzzes the COINr importer (iData and iMeta CSV tables, CSV parsing included), the method SPEC
// parsers and the index computation over whatever the importer accepts.
//
// Input layout: "NORMALISE AGGREGATE\n" then the iData table, a 0x1E byte, the iMeta table.
// Oracles: the importer reports problems as diagnostics (an import that fails has an error and
// no data); a SPEC the parser accepts is one the index accepts; the index of imported tables is
// computed without an exception, and no normalised value, aggregate or rank is NaN or infinite.
#include <dxframe/index/compute.hpp>
#include <dxframe/io/coinr.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../tools/dxframe/spec.hpp"
#include "oracle.hpp"

namespace {

void require_finite_matrix(const dxframe::value_matrix& m, const char* what) {
    for (std::size_t r = 0; r < m.rows(); ++r) {
        for (std::size_t c = 0; c < m.cols(); ++c) {
            const auto v = m.get(r, c);
            if (v && !std::isfinite(*v)) {
                dxframe_fuzz::broken(std::string(what) + " (" + std::to_string(r) + ", " + std::to_string(c) +
                                     ") is not finite");
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    dxframe::index_spec spec;
    if (const auto eol = text.find('\n'); eol != std::string_view::npos) {
        const std::string_view header = text.substr(0, eol);
        text.remove_prefix(eol + 1);
        const auto space = header.find(' ');
        const auto norm = dxframe::cli::try_parse_normalise_spec(header.substr(0, space));
        if (norm.value) spec.normalise = *norm.value;
        if (!norm.value && norm.error.empty()) dxframe_fuzz::broken("a rejected normaliser SPEC without a message");
        if (space != std::string_view::npos) {
            const auto agg = dxframe::cli::try_parse_aggregate_spec(header.substr(space + 1));
            if (agg.value) spec.aggregate = *agg.value;
            if (!agg.value && agg.error.empty()) dxframe_fuzz::broken("a rejected aggregator SPEC without a message");
        }
    }
    const auto split = text.find('\x1e');
    if (split == std::string_view::npos) return 0;
    const auto imported = dxframe::import_coinr(text.substr(0, split), text.substr(split + 1));
    if (!imported.ok()) {
        if (!dxframe::has_errors(imported.diagnostics)) dxframe_fuzz::broken("a failed import reported no error");
        return 0;
    }
    const dxframe::coinr_data& in = *imported.data;
    dxframe::index_result result;
    try {
        result = dxframe::compute_index(in.tree, in.values, in.units, spec);
    } catch (const std::exception& e) {
        dxframe_fuzz::broken(std::string("compute_index threw on imported tables: ") + e.what());
    }
    require_finite_matrix(result.normalised, "normalised value");
    require_finite_matrix(result.aggregates, "aggregate");
    if (result.ranks.size() != in.units.size()) dxframe_fuzz::broken("not one rank per unit");
    for (std::size_t u = 0; u < result.ranks.size(); ++u) {
        if (result.ranks[u] && (*result.ranks[u] < 1 || *result.ranks[u] > in.units.size())) {
            dxframe_fuzz::broken("rank out of 1..units");
        }
        if (result.ranks[u].has_value() != result.index(u).has_value()) {
            dxframe_fuzz::broken("a unit ranked without an index value, or the reverse");
        }
    }
    return 0;
}
