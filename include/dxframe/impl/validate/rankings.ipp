// SPDX-License-Identifier: MIT
// Rankings: an observation of a rank indicator may say which ranking it belongs to (`out_of`,
// the ranking's size); the size must be a whole number of 1 or more, and the rank a place in
// it. Part of the definitions for <dxframe/validate.hpp> (included through
// <dxframe/impl/validate.ipp>).
#pragma once

#include <cmath>
#include <optional>
#include <string>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/impl/validate/context.ipp>
#include <dxframe/impl/validate/text.ipp>
#include <dxframe/model/dataset.hpp>

namespace dxframe::detail::validation {

/// True when `out_of` is present and usable as a ranking's size: a whole number of 1 or more.
inline bool usable_out_of(const std::optional<double>& out_of) noexcept {
    return out_of && std::isfinite(*out_of) && *out_of >= 1 && std::floor(*out_of) == *out_of;
}

/// /out_of of observation `o`: a whole number of 1 or more, on a rank indicator. `path(member)`
/// and `who()` build the pointer and the observation's name only when something is reported.
template <class Path, class Who>
void check_out_of(context& cx, const observation& o, const indicator* ind, const Path& path, const Who& who) {
    if (!o.out_of) return;
    const double n = *o.out_of;
    if (!std::isfinite(n)) {
        cx.error(diagnostic_code::non_finite_value, path("out_of"),
                 "out_of of " + who() + " is " + number_text(n) + ", not a finite number");
    } else if (!usable_out_of(o.out_of)) {
        cx.error(
            diagnostic_code::invalid_out_of, path("out_of"),
            who() + " has out_of " + number_text(n) + "; the size of a ranking must be a whole number of 1 or more");
    }
    if (ind != nullptr && ind->unit != unit::rank) {
        cx.error(diagnostic_code::out_of_on_non_rank, path("out_of"),
                 who() + " has out_of " + number_text(n) + ", but indicator " + quote_id(ind->id) + " has unit " +
                     boost::describe::enum_to_string(ind->unit, "?") +
                     ", not rank; out_of says which ranking a rank belongs to (a count of a total is a "
                     "numerator and denominator)");
    }
}

/// A rank with a usable `out_of` must be a place in that ranking: 1 to out_of, whole.
/// Called when the value is within the indicator's bounds (those were reported otherwise).
template <class Who>
void check_rank(context& cx, const observation& o, const indicator* ind, double rank, const std::string& path,
                const Who& who) {
    if (ind == nullptr || ind->unit != unit::rank || !usable_out_of(o.out_of)) return;
    const double n = *o.out_of;
    if (rank < 1) {
        cx.error(diagnostic_code::rank_outside_ranking, path,
                 "rank " + number_text(rank) + " of " + who() + " is below 1, the first place of its ranking of " +
                     number_text(n));
    } else if (rank > n) {
        cx.error(diagnostic_code::rank_outside_ranking, path,
                 "rank " + number_text(rank) + " of " + who() + " is larger than its ranking's size " + number_text(n));
    } else if (std::floor(rank) != rank) {
        cx.report(severity::warning, diagnostic_code::rank_outside_ranking, path,
                  "rank " + number_text(rank) + " of " + who() + " is not a whole number (a place in a ranking of " +
                      number_text(n) + " is 1, 2, 3, ...)");
    }
}

}  // namespace dxframe::detail::validation
