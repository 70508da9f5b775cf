// SPDX-License-Identifier: MIT
// Definitions for <dxframe/index/treat.hpp>: a spec as text and the untreatable indicators (see
// <dxframe/config.hpp>: included by that header in header-only mode, by <dxframe/src.hpp> in
// separate compilation).
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/matrix.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/report/format.hpp>

namespace dxframe {

DXFRAME_DECL std::string treat_rule_text(const treat_rule& rule) {
    if (!rule.enabled) return "none";
    return "winsorise:" + (rule.max_points ? std::to_string(*rule.max_points) : std::string("all")) + ":" +
           shortest_number(rule.skew_threshold) + ":" + shortest_number(rule.kurtosis_threshold);
}

DXFRAME_DECL std::string treat_spec_text(const treat_spec& spec, const std::string& separator) {
    std::string text = treat_rule_text(spec.global);
    for (const auto& [id, rule] : spec.per_indicator)
        text += separator + id + "=" + treat_rule_text(rule);
    return text;
}

DXFRAME_DECL std::vector<diagnostic> untreatable_indicators_by_count(const std::vector<std::size_t>& present,
                                                                     const std::vector<std::string>& indicators,
                                                                     const treat_spec& spec,
                                                                     const std::string& source) {
    if (indicators.size() != present.size()) {
        throw error("untreatable_indicators: " + std::to_string(indicators.size()) + " indicator ids for " +
                    std::to_string(present.size()) + " columns");
    }
    constexpr std::size_t needed = 4;  // kurtosis needs four values (skewness three)
    std::vector<diagnostic> out;
    for (std::size_t c = 0; c < present.size(); ++c) {
        const auto own = spec.per_indicator.find(indicators[c]);
        const treat_rule& rule = own == spec.per_indicator.end() ? spec.global : own->second;
        if (!rule.enabled || present[c] >= needed) continue;
        out.push_back({severity::error,
                       diagnostic_code::insufficient_data,
                       source,
                       "outlier treatment of '" + indicators[c] + "' (" + std::to_string(present[c]) +
                           " values): skewness needs 3 values and kurtosis 4 (COINr's Treat stops)",
                       {},
                       {}});
    }
    return out;
}

DXFRAME_DECL std::vector<diagnostic> untreatable_indicators(const value_matrix& data,
                                                            const std::vector<std::string>& indicators,
                                                            const treat_spec& spec, const std::string& source) {
    if (indicators.size() != data.cols()) {
        throw error("untreatable_indicators: " + std::to_string(indicators.size()) + " indicator ids for " +
                    std::to_string(data.cols()) + " columns");
    }
    std::vector<std::size_t> present(data.cols(), 0);
    for (std::size_t c = 0; c < data.cols(); ++c) {
        const auto own = spec.per_indicator.find(indicators[c]);
        if (!(own == spec.per_indicator.end() ? spec.global : own->second).enabled) continue;
        const double* cells = data.column(c);
        for (std::size_t r = 0; r < data.rows(); ++r) {
            if (!std::isnan(cells[r])) ++present[c];
        }
    }
    return untreatable_indicators_by_count(present, indicators, spec, source);
}

}  // namespace dxframe
