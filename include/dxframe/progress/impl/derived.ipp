// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/derived.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/derivation.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/lifetime.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/observation.hpp>
#include <dxframe/progress/derived.hpp>
#include <dxframe/progress/series.hpp>

namespace dxframe {

namespace detail::derived {

inline constexpr std::int64_t no_day_before = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t no_day_after = std::numeric_limits<std::int64_t>::max();

// One possible member: an entity of the derivation's level (under `within`), with its lifetime
// as day numbers and its latest value and weight so far in the sweep.
struct member_slot {
    const std::string* id = nullptr;
    std::int64_t first = no_day_before;  // first day alive
    std::int64_t end = no_day_after;     // first day gone
    std::optional<double> value;
    std::int64_t value_day = 0;
    std::optional<double> weight;

    bool alive(std::int64_t day) const noexcept { return first <= day && day < end; }
};

// One observation the sweep applies: a member's value or weight at a day.
struct member_row {
    std::int64_t day = 0;
    bool is_weight = false;
    bool provisional = false;
    std::size_t position = 0;  // in the document
    std::size_t slot = 0;
    double value = 0;
};

// The members and their observations in the order the sweep applies them: by day; at one day
// the weights first (a weight of the day counts for the value of the day), then provisional
// figures before final ones and earlier before later in the document, so that the figure the
// series rule keeps (a final figure over a provisional one, then the later) is written last.
struct prepared {
    std::vector<member_slot> slots;
    std::vector<member_row> rows;
};

// True when `e`'s parent chain (not `e` itself) reaches `within`.
inline bool under(const dataset_index& ids, const std::vector<entity>& entities, const entity& e,
                  const std::string& within) {
    const entity* at = &e;
    for (std::size_t steps = 0; steps <= entities.size() && at->parent; ++steps) {
        if (*at->parent == within) return true;
        const std::size_t next = ids.entity(*at->parent);
        if (next == dataset_index::npos) return false;
        at = &entities[next];
    }
    return false;
}

// `candidates`, when given, holds the positions of the observations of d.indicator and d.weight
// in document order (series_index gathers them in its one pass); else every observation is read.
inline prepared prepare(const dataset& ds, const derivation& d, const entity_lifetimes& lifetimes,
                        const std::vector<std::size_t>* candidates = nullptr) {
    const dataset_index ids(ds);
    prepared p;
    std::unordered_map<std::string_view, std::size_t> slot_of;
    for (const entity& e : ds.entities) {
        if (e.level != d.level) continue;
        if (d.within && !under(ids, ds.entities, e, *d.within)) continue;
        if (!slot_of.emplace(e.id, p.slots.size()).second) continue;  // a duplicate id (validation)
        member_slot s;
        s.id = &e.id;
        if (const auto first = lifetimes.first_day(e.id)) s.first = first->days_since_epoch();
        if (const auto end = lifetimes.end(e.id)) s.end = end->days_since_epoch();
        p.slots.push_back(s);
    }
    const std::size_t source_at = ids.indicator(d.indicator);
    const unit source_unit = source_at == dataset_index::npos ? unit::other : ds.framework.indicators[source_at].unit;
    const std::size_t weight_at = d.weight ? ids.indicator(*d.weight) : dataset_index::npos;
    const unit weight_unit = weight_at == dataset_index::npos ? unit::other : ds.framework.indicators[weight_at].unit;
    const bool weighted = d.kind == derivation_kind::weighted_mean && d.weight;
    // Read through the table's key view: the indicator keys are compared, nothing is built;
    // `candidates` (series_index's grouping) narrows the rows to those of the two indicators.
    const observation_table& rows = ds.observations;
    const auto value_key = rows.indicators().find(d.indicator);
    const auto weight_key = weighted ? rows.indicators().find(*d.weight) : std::nullopt;
    const std::size_t n = candidates != nullptr ? candidates->size() : rows.size();
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = candidates != nullptr ? (*candidates)[k] : k;
        const bool is_value = value_key && rows.indicator_key(i) == *value_key;
        const bool is_weight = weight_key && rows.indicator_key(i) == *weight_key;
        if (!is_value && !is_weight) continue;
        const auto slot = slot_of.find(rows.entity(i));
        if (slot == slot_of.end()) continue;
        const auto v = rows.value_of(i, is_value ? source_unit : weight_unit);
        if (!v || !std::isfinite(*v)) continue;
        const std::int64_t day = rows.day(i);
        // A figure re-cut for boundaries that came later stands for the entity only from then.
        if (rows.backcast(i).value_or(false) && day < p.slots[slot->second].first) continue;
        const bool provisional = rows.is_provisional(i);
        // An observation can be both (a mean weighted by itself): one row for each role.
        if (is_weight) p.rows.push_back(member_row{day, true, provisional, i, slot->second, *v});
        if (is_value) p.rows.push_back(member_row{day, false, provisional, i, slot->second, *v});
    }
    std::sort(p.rows.begin(), p.rows.end(), [](const member_row& a, const member_row& b) {
        if (a.day != b.day) return a.day < b.day;
        if (a.is_weight != b.is_weight) return a.is_weight;
        if (a.provisional != b.provisional) return a.provisional;
        return a.position < b.position;
    });
    return p;
}

inline void apply(member_slot& s, const member_row& r) {
    if (r.is_weight) {
        s.weight = r.value;
    } else {
        s.value = r.value;
        s.value_day = r.day;
    }
}

// Whether a member counts at `day`, and how.
enum class standing { gone, missing, not_meeting, meeting };

inline standing standing_of(const derivation& d, const member_slot& s, std::int64_t day) {
    if (!s.alive(day)) return standing::gone;
    if (!s.value) return standing::missing;
    if (d.max_age_days && day - s.value_day > *d.max_age_days) return standing::missing;
    if (d.kind == derivation_kind::weighted_mean && !s.weight) return standing::missing;
    if (d.kind == derivation_kind::count) {
        const count_condition condition = d.condition.value_or(count_condition{});
        return meets(condition, *s.value) ? standing::meeting : standing::not_meeting;
    }
    return standing::meeting;
}

// The point at `day` from the members' current slots, or nullopt (no member alive, too many
// missing, weights summing to zero or less, a result that is not finite).
inline std::optional<derived_point> point_at(const derivation& d, unit u, const std::vector<member_slot>& slots,
                                             std::int64_t day) {
    std::size_t alive = 0;
    std::size_t missing = 0;
    std::size_t meeting = 0;
    double sum = 0;
    double weights = 0;
    for (const member_slot& s : slots) {
        const standing st = standing_of(d, s, day);
        if (st == standing::gone) continue;
        ++alive;
        if (st == standing::missing) {
            ++missing;
            continue;
        }
        if (st == standing::meeting) ++meeting;
        if (d.kind == derivation_kind::weighted_mean) {
            sum += *s.weight * *s.value;
            weights += *s.weight;
        } else {
            sum += *s.value;
        }
    }
    if (alive == 0) return std::nullopt;
    if (static_cast<double>(missing) > effective_max_missing(d) * static_cast<double>(alive)) return std::nullopt;
    derived_point p;
    p.date = date::from_days(day);
    p.members = alive;
    p.missing = missing;
    const auto present = static_cast<double>(alive - missing);
    switch (d.kind) {
        case derivation_kind::count:
            p.numerator = static_cast<double>(meeting);
            p.denominator = static_cast<double>(alive);
            p.value = u == unit::count     ? static_cast<double>(meeting)
                      : u == unit::percent ? 100.0 * static_cast<double>(meeting) / static_cast<double>(alive)
                                           : static_cast<double>(meeting) / static_cast<double>(alive);
            break;
        case derivation_kind::sum:
            p.numerator = sum;
            p.denominator = present;
            p.value = sum;
            break;
        case derivation_kind::mean:
            if (present <= 0) return std::nullopt;
            p.numerator = sum;
            p.denominator = present;
            p.value = sum / present;
            break;
        case derivation_kind::weighted_mean:
            if (!(weights > 0)) return std::nullopt;
            p.numerator = sum;
            p.denominator = weights;
            p.value = sum / weights;
            break;
    }
    if (!std::isfinite(p.value)) return std::nullopt;
    return p;
}

// The computed points: one sweep over the rows in day order.
DXFRAME_DECL std::vector<derived_point> computed(const dataset& ds, const indicator& ind,
                                                 const entity_lifetimes& lifetimes,
                                                 const std::vector<std::size_t>* candidates) {
    const derivation& d = *ind.derived;
    prepared p = prepare(ds, d, lifetimes, candidates);
    std::vector<derived_point> out;
    for (std::size_t i = 0; i < p.rows.size();) {
        const std::int64_t day = p.rows[i].day;
        bool observed = false;  // a member alive at `day` has a value observation at `day`
        for (; i < p.rows.size() && p.rows[i].day == day; ++i) {
            member_slot& s = p.slots[p.rows[i].slot];
            apply(s, p.rows[i]);
            if (!p.rows[i].is_weight && s.alive(day)) observed = true;
        }
        if (!observed) continue;
        if (auto point = point_at(d, ind.unit, p.slots, day)) out.push_back(*point);
    }
    return out;
}

// The computed points with the reported ones (the derived entity's own series) at the dates
// that have no computed point, in date order.
DXFRAME_DECL std::vector<derived_point> with_reported(std::vector<derived_point> points,
                                                      const std::vector<dated_value>& reported) {
    if (reported.empty()) return points;
    std::vector<derived_point> merged;
    merged.reserve(points.size() + reported.size());
    std::size_t c = 0;
    for (const dated_value& r : reported) {
        for (; c < points.size() && points[c].date < r.date; ++c)
            merged.push_back(points[c]);
        if (c < points.size() && points[c].date == r.date) continue;  // the computed one is assessed
        derived_point p;
        p.date = r.date;
        p.value = r.value;
        p.origin = derived_origin::reported;
        merged.push_back(p);
    }
    for (; c < points.size(); ++c)
        merged.push_back(points[c]);
    return merged;
}

}  // namespace detail::derived

DXFRAME_DECL std::string derived_entity(const framework& fw, const derivation& d) {
    return d.entity.value_or(fw.nation);
}

DXFRAME_DECL std::vector<derived_point> derive_series(const dataset& ds, const indicator& ind,
                                                      const entity_lifetimes& lifetimes) {
    if (!ind.derived) return {};
    // Reported observations of the derived entity fill the dates without a computed point.
    const std::string who = derived_entity(ds.framework, *ind.derived);
    return detail::derived::with_reported(detail::derived::computed(ds, ind, lifetimes, nullptr),
                                          observed_series(ds.observations, who, ind.id, ind.unit));
}

DXFRAME_DECL std::vector<derived_point> derive_series(const dataset& ds, const indicator& ind) {
    return derive_series(ds, ind, entity_lifetimes(ds.entities));
}

DXFRAME_DECL derived_membership derived_members(const dataset& ds, const indicator& ind, const date& on) {
    derived_membership out;
    out.date = on;
    if (!ind.derived) return out;
    const derivation& d = *ind.derived;
    const entity_lifetimes lifetimes(ds.entities);
    detail::derived::prepared p = detail::derived::prepare(ds, d, lifetimes);
    const std::int64_t day = on.days_since_epoch();
    for (const detail::derived::member_row& r : p.rows) {
        if (r.day > day) break;
        detail::derived::apply(p.slots[r.slot], r);
    }
    for (const detail::derived::member_slot& s : p.slots) {
        switch (detail::derived::standing_of(d, s, day)) {
            case detail::derived::standing::gone: break;
            case detail::derived::standing::missing: out.missing.push_back(*s.id); break;
            case detail::derived::standing::not_meeting: out.not_meeting.push_back(*s.id); break;
            case detail::derived::standing::meeting: out.meeting.push_back(*s.id); break;
        }
    }
    std::sort(out.meeting.begin(), out.meeting.end());
    std::sort(out.not_meeting.begin(), out.not_meeting.end());
    std::sort(out.missing.begin(), out.missing.end());
    return out;
}

}  // namespace dxframe
