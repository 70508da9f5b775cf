// SPDX-License-Identifier: MIT
/// @file
/// @brief Derived indicators evaluated: a count of entities meeting a condition ("60/63
/// provinces") or a sum, mean or weighted mean of the members' values, at every date.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/lifetime.hpp>

namespace dxframe {

/// Where a point of a derived series comes from.
enum class derived_origin {
    computed,  ///< Computed from the members' observations.
    reported   ///< A reported observation of the derived indicator, at a date with no computed point.
};
BOOST_DESCRIBE_ENUM(derived_origin, computed, reported)

/// One point of a derived series.
struct derived_point {
    dxframe::date date;  ///< When.
    /// The value in the derived indicator's unit: for a count, numerator / denominator (× 100 for
    /// percent; the numerator itself for unit count); else the sum, mean or weighted mean.
    double value = 0;
    /// count: members meeting the condition; sum and mean: Σ x; weighted_mean: Σ w·x. For a
    /// reported point, the observation's numerator when it gives one.
    std::optional<double> numerator;
    /// count: members alive at the date; sum and mean: members with a value; weighted_mean: Σ w.
    /// For a reported point, the observation's denominator when it gives one.
    std::optional<double> denominator;
    std::size_t members = 0;                           ///< Members alive at the date (0 for a reported point).
    std::size_t missing = 0;                           ///< Of them, without a usable value (or weight) at the date.
    derived_origin origin = derived_origin::computed;  ///< Computed or reported.
};
BOOST_DESCRIBE_STRUCT(derived_point, (), (date, value, numerator, denominator, members, missing, origin))

/// Who makes up a derived point: the ids of the members alive at the date, each in one list
/// (sorted). For a sum, mean or weighted mean every member with a usable value "meets".
struct derived_membership {
    dxframe::date date;                    ///< The date asked for.
    std::vector<std::string> meeting;      ///< Members meeting the condition (count) or with a value.
    std::vector<std::string> not_meeting;  ///< Members with a value that does not meet it (count only).
    std::vector<std::string> missing;      ///< Members without a usable value (or weight), or too old.
};
BOOST_DESCRIBE_STRUCT(derived_membership, (), (date, meeting, not_meeting, missing))

/// The derived series of `ind` (which must have `derived`; empty otherwise), date-ordered, one
/// point per date. A point is computed at every date on which a member alive at that date has
/// an observation of the source indicator, from each member's latest value on or before the date
/// (no older than max_age_days when set; for weighted_mean with its latest weight on or before the
/// date), unless more than effective_max_missing() of the members alive then have none. Members
/// are the entities of `level` (under `within`) alive at the date (`lifetimes`); a `backcast`
/// observation counts only from its entity's first day. Reported observations of `ind` for the
/// derived entity fill the dates without a computed point (origin reported).
DXFRAME_DECL std::vector<derived_point> derive_series(const dataset& ds, const indicator& ind,
                                                      const entity_lifetimes& lifetimes);

/// derive_series() with the lifetimes of `ds.entities`.
DXFRAME_DECL std::vector<derived_point> derive_series(const dataset& ds, const indicator& ind);

/// The members of `ind`'s derivation at `on`: meeting, not meeting and missing, with the rules of
/// derive_series(). Computed on demand (never for every point). All lists are empty when `ind`
/// has no derivation.
DXFRAME_DECL derived_membership derived_members(const dataset& ds, const indicator& ind, const date& on);

/// The entity a derived series belongs to: `derived.entity`, else the framework's nation.
DXFRAME_DECL std::string derived_entity(const framework& fw, const derivation& d);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/derived.ipp>
#endif
