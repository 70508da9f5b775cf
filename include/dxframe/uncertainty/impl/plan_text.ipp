// SPDX-License-Identifier: MIT
// Definitions for <dxframe/uncertainty/plan_text.hpp> (see <dxframe/config.hpp>: included by
// that header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/uncertainty/plan_text.hpp>

namespace dxframe {

namespace detail {

// A decimal number filling all of `text` (no leading space, no trailing text), finite.
inline std::optional<double> plan_number(std::string_view text) {
    if (text.empty() || text.front() == ' ' || text.front() == '\t') return std::nullopt;
    const std::string copy(text);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// The items of `text` split at `separator` (an empty text gives one empty item).
inline std::vector<std::string> plan_items(std::string_view text, char separator) {
    std::vector<std::string> out;
    for (std::size_t start = 0;;) {
        const std::size_t at = text.find(separator, start);
        out.emplace_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return out;
        start = at + 1;
    }
}

// The first error message of `diags` for item `item`, as a dxframe::error (quoting the item
// unless the message already does).
inline void throw_plan_item_error(const std::vector<diagnostic>& diags, const std::string& item) {
    const std::string quoted = "'" + item + "'";
    for (const auto& d : diags) {
        if (d.severity != severity::error) continue;
        throw error(d.message.find(quoted) != std::string::npos ? d.message : quoted + ": " + d.message);
    }
    throw error("'" + item + "' does not parse");
}

}  // namespace detail

DXFRAME_DECL std::vector<imputation_spec> parse_imputation_alternatives(std::string_view text) {
    std::vector<imputation_spec> out;
    for (const auto& item : detail::plan_items(text, ',')) {
        imputation_spec_result r = parse_imputation_spec(detail::plan_items(item, ';'), "imputation");
        if (!r.ok()) detail::throw_plan_item_error(r.diagnostics, item);
        out.push_back(std::move(*r.spec));
    }
    return out;
}

DXFRAME_DECL std::vector<treat_spec> parse_treat_alternatives(std::string_view text) {
    std::vector<treat_spec> out;
    for (const auto& item : detail::plan_items(text, ',')) {
        treat_spec_parse_result r = parse_treat_spec(detail::plan_items(item, ';'), "treatment");
        if (!r.spec) detail::throw_plan_item_error(r.diagnostics, item);
        out.push_back(std::move(*r.spec));
    }
    return out;
}

DXFRAME_DECL std::vector<level_noise> parse_weight_noise(std::string_view text) {
    std::vector<level_noise> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        const std::string item(
            text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        const std::size_t colon = item.find(':');
        if (colon == std::string::npos) throw error("'" + item + "' is not LEVEL:FACTOR (e.g. 2:0.25)");
        const std::string level = item.substr(0, colon);
        const std::string factor = item.substr(colon + 1);
        const auto l = detail::plan_number(level);
        const auto f = detail::plan_number(factor);
        if (!l || *l != std::floor(*l) || *l < 1 || *l > 1000) {
            throw error("the level '" + level + "' in '" + item + "' is not a whole number >= 1");
        }
        if (!f || *f < 0 || *f > 1) throw error("the factor '" + factor + "' in '" + item + "' is not between 0 and 1");
        const int lv = static_cast<int>(*l);
        for (const auto& existing : out) {
            if (existing.level == lv) throw error("level " + level + " is given twice");
        }
        out.push_back(level_noise{lv, *f});
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

DXFRAME_DECL bool has_uncertain_input(const uncertainty_plan& plan) noexcept {
    return !plan.weight_noise.empty() || plan.normalise_alternatives.size() >= 2 ||
           plan.aggregate_alternatives.size() >= 2 || plan.impute_alternatives.size() >= 2 ||
           plan.treat_alternatives.size() >= 2;
}

DXFRAME_DECL sensitivity_target_choice parse_sensitivity_target(std::string_view text) {
    sensitivity_target_choice c;
    if (text == "mean-rank-shift") return c;
    if (text.substr(0, 5) == "rank:" && text.size() > 5) {
        c.target = sensitivity_target::unit_rank;
        c.unit = std::string(text.substr(5));
        return c;
    }
    if (text.substr(0, 6) == "score:" && text.size() > 6) {
        c.target = sensitivity_target::unit_score;
        c.unit = std::string(text.substr(6));
        return c;
    }
    throw error("the target must be mean-rank-shift, rank:UNIT or score:UNIT, not '" + std::string(text) + "'");
}

}  // namespace dxframe
