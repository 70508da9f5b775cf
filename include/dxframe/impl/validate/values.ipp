// SPDX-License-Identifier: MIT
// Numbers: members that must be finite, and values that must lie within their indicator's
// bounds (the explicit minimum and maximum, or those its unit implies). Part of the definitions
// for <dxframe/validate.hpp> (included through <dxframe/impl/validate.ipp>).
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// True when `v` is present and finite.
inline bool is_finite(const std::optional<double>& v) noexcept {
    return v && std::isfinite(*v);
}

/// Reports a non-finite member at `path` (`what` names it); returns true when the member is
/// present and finite, so that the caller checks its value only then.
inline bool present_and_finite(context& cx, const std::optional<double>& v, const std::string& path,
                               const std::string& what) {
    if (!v) return false;
    if (std::isfinite(*v)) return true;
    cx.error(diagnostic_code::non_finite_value, path, what + " is " + number_text(*v) + ", not a finite number");
    return false;
}

/// The bounds of indicator `i` (at `base`): finite, the minimum not above the maximum, and not in
/// conflict with the bounds its unit implies. Bounds that fail are marked unusable in `cx`.
inline void check_indicator_bounds(context& cx, std::size_t i, const std::string& base) {
    const indicator& ind = cx.fw.indicators[i];
    const bool min_ok =
        present_and_finite(cx, ind.minimum, base + "/minimum", "minimum of indicator " + quote_id(ind.id));
    const bool max_ok =
        present_and_finite(cx, ind.maximum, base + "/maximum", "maximum of indicator " + quote_id(ind.id));
    if ((ind.minimum && !min_ok) || (ind.maximum && !max_ok)) cx.usable_bounds[i] = false;
    if (min_ok && max_ok && *ind.minimum > *ind.maximum) {
        cx.error(diagnostic_code::invalid_bounds, base + "/minimum",
                 "indicator " + quote_id(ind.id) + " has minimum " + number_text(*ind.minimum) + " above its maximum " +
                     number_text(*ind.maximum));
        cx.usable_bounds[i] = false;
    } else if (cx.usable_bounds[i]) {
        // One explicit bound can still clash with the one the unit implies (a percent
        // indicator with maximum -5).
        const value_bounds b = effective_bounds(ind);
        if (b.minimum && b.maximum && *b.minimum > *b.maximum) {
            const auto unit_name = std::string(boost::describe::enum_to_string(ind.unit, "?"));
            if (ind.maximum) {
                cx.error(diagnostic_code::invalid_bounds, base + "/maximum",
                         "indicator " + quote_id(ind.id) + " has maximum " + number_text(*ind.maximum) +
                             " below the minimum " + number_text(*b.minimum) + " implied by unit " + unit_name);
            } else {
                cx.error(diagnostic_code::invalid_bounds, base + "/minimum",
                         "indicator " + quote_id(ind.id) + " has minimum " + number_text(*b.minimum) +
                             " above the maximum " + number_text(*b.maximum) + " implied by unit " + unit_name);
            }
            cx.usable_bounds[i] = false;
        }
    }
}

/// True when `ind` has usable bounds (see context::usable_bounds).
inline bool has_usable_bounds(const context& cx, const indicator* ind) {
    return ind != nullptr && cx.usable_bounds[static_cast<std::size_t>(ind - cx.fw.indicators.data())];
}

/// True when `v` lies outside the usable bounds of `ind` (cheap test before building messages).
inline bool out_of_bounds(const context& cx, const indicator* ind, double v) {
    if (!has_usable_bounds(cx, ind)) return false;
    const value_bounds b = effective_bounds(*ind);
    return (b.minimum && v < *b.minimum) || (b.maximum && v > *b.maximum);
}

/// " (implied by unit percent)" when the bound a value broke comes from the unit, not the data.
inline std::string bound_origin(const indicator& ind, bool explicit_bound) {
    if (explicit_bound) return "";
    return " (implied by unit " + std::string(boost::describe::enum_to_string(ind.unit, "?")) + ")";
}

/// Checks `v` against the bounds of `ind` (when they are usable); reports at `path`, where
/// `what` names the value ("target value 120 of target 't'").
inline void check_bounds(context& cx, const indicator* ind, double v, const std::string& path,
                         const std::string& what) {
    if (!has_usable_bounds(cx, ind)) return;
    const value_bounds b = effective_bounds(*ind);
    if (b.minimum && v < *b.minimum) {
        cx.error(diagnostic_code::value_out_of_bounds, path,
                 what + " is below the minimum " + number_text(*b.minimum) + " of indicator " + quote_id(ind->id) +
                     bound_origin(*ind, ind->minimum.has_value()));
    } else if (b.maximum && v > *b.maximum) {
        cx.error(diagnostic_code::value_out_of_bounds, path,
                 what + " is above the maximum " + number_text(*b.maximum) + " of indicator " + quote_id(ind->id) +
                     bound_origin(*ind, ind->maximum.has_value()));
    }
}

}  // namespace dxframe::detail::validation
