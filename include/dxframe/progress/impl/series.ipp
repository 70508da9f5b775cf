// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/series.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/id_pool.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/lifetime.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/observation.hpp>
#include <dxframe/progress/derived.hpp>
#include <dxframe/progress/series.hpp>

namespace dxframe {

namespace detail {

// One candidate point with what decides between two observations of the same date.
struct series_point {
    dated_value point;
    bool provisional = false;
    std::size_t position = 0;  // place in the document
};

// Sorts by date and keeps one value per date. A final figure beats a provisional one (it is the
// revision); between equals, the later in the document wins (a correction appended to a report).
// Validation reports such clashes; the assessment still needs exactly one value per date.
inline std::vector<dated_value> settle_in_place(std::vector<series_point>& points) {
    const auto by_date = [](const series_point& a, const series_point& b) { return a.point.date < b.point.date; };
    // Reports usually come in date order: no sort (and no sort buffer) then.
    if (!std::is_sorted(points.begin(), points.end(), by_date)) std::stable_sort(points.begin(), points.end(), by_date);
    std::vector<dated_value> out;
    out.reserve(points.size());
    for (std::size_t i = 0; i < points.size();) {
        std::size_t best = i;
        std::size_t j = i + 1;
        for (; j < points.size() && points[j].point.date == points[i].point.date; ++j) {
            const bool better =
                (points[best].provisional && !points[j].provisional) ||
                (points[best].provisional == points[j].provisional && points[j].position > points[best].position);
            if (better) best = j;
        }
        out.push_back(points[best].point);
        i = j;
    }
    return out;
}

inline std::vector<dated_value> settle(std::vector<series_point> points) {
    return settle_in_place(points);
}

inline bool usable(const std::optional<double>& v) noexcept {
    return v && std::isfinite(*v);
}

// Orders rankings by size: absent first, then ascending out_of (the same key for -0.0 and 0.0).
struct ranking_order {
    bool operator()(const std::optional<double>& a, const std::optional<double>& b) const noexcept {
        if (!a || !b) return !a && b;
        return *a < *b;
    }
};

// The candidate points of one entity and indicator, by ranking.
using ranking_points = std::map<std::optional<double>, std::vector<series_point>, ranking_order>;

inline std::vector<ranked_series> settle_rankings(ranking_points&& grouped) {
    std::vector<ranked_series> out;
    out.reserve(grouped.size());
    for (auto& [out_of, points] : grouped)
        out.push_back(ranked_series{out_of, settle(std::move(points))});
    return out;
}

// Each ranking's series continued through the dates where it has no point by the largest ranking
// that has one there. Two rankings at one date (DTI 2024: 34 and 63 provinces) are never mixed,
// but the editions of one index whose universe grows (GII: 131, 132, 133, 139 economies), each
// its own out_of, still form one series. `rankings` comes ordered by size, so a larger ranking
// overwrites a smaller one at a date, and the ranking's own points overwrite both.
inline std::vector<ranked_series> continue_rankings(const std::vector<ranked_series>& rankings) {
    if (rankings.size() < 2) return rankings;
    std::vector<ranked_series> out;
    out.reserve(rankings.size());
    for (const ranked_series& own : rankings) {
        std::map<date, double> by_date;
        for (const ranked_series& other : rankings)
            for (const dated_value& p : other.points)
                by_date[p.date] = p.value;
        for (const dated_value& p : own.points)
            by_date[p.date] = p.value;
        ranked_series continued{own.out_of, {}};
        continued.points.reserve(by_date.size());
        for (const auto& [when, value] : by_date)
            continued.points.push_back(dated_value{when, value});
        out.push_back(std::move(continued));
    }
    return out;
}

// Adds observation `i` to its ranking's points when it has a usable value. A NaN out_of (only
// in a dataset built in code; validation reports it) cannot be ordered: it counts as absent.
inline void add_point(ranking_points& grouped, const observation& o, unit u, std::size_t i) {
    const auto v = effective_value(o, u);
    if (!usable(v)) return;
    const std::optional<double> out_of = o.out_of && !std::isnan(*o.out_of) ? o.out_of : std::nullopt;
    grouped[out_of].push_back({{o.date, *v}, o.status == observation_status::provisional, i});
}

// The same for row `i` of a table, read through its key view (nothing materialised).
inline void add_point(ranking_points& grouped, const observation_table& t, unit u, std::size_t i) {
    const auto v = t.value_of(i, u);
    if (!usable(v)) return;
    const std::optional<double> o = t.out_of(i);
    const std::optional<double> out_of = o && !std::isnan(*o) ? o : std::nullopt;
    grouped[out_of].push_back({{t.date_of(i), *v}, t.is_provisional(i), i});
}

// The latest date of `r` on or before `as_of` (all of r when `as_of` is absent).
inline std::optional<date> last_by(const ranked_series& r, const std::optional<date>& as_of) {
    for (auto it = r.points.rbegin(); it != r.points.rend(); ++it) {
        if (!as_of || !(*as_of < it->date)) return it->date;
    }
    return std::nullopt;
}

inline const ranked_series* choose(const std::vector<ranked_series>& rankings, const std::optional<date>& as_of) {
    const ranked_series* best = nullptr;
    std::optional<date> best_last;
    // Rankings come ordered by size, so `>=` / `<=` on dates lets the larger one win a tie.
    for (const ranked_series& r : rankings) {
        const auto last = last_by(r, as_of);
        if (last && (!best_last || !(*last < *best_last))) {
            best = &r;
            best_last = last;
        }
    }
    if (best != nullptr) return best;
    // Nothing by as_of: the ranking that starts first.
    for (const ranked_series& r : rankings) {
        if (r.points.empty()) continue;
        if (best == nullptr || !(best->points.front().date < r.points.front().date)) best = &r;
    }
    return best != nullptr ? best : (rankings.empty() ? nullptr : &rankings.front());
}

}  // namespace detail

DXFRAME_DECL const ranked_series* choose_ranking(const std::vector<ranked_series>& rankings, const date& as_of) {
    return detail::choose(rankings, as_of);
}

DXFRAME_DECL std::vector<ranked_series> observed_rankings(const observation_table& observations,
                                                          const std::string& entity_id, const std::string& indicator_id,
                                                          unit u, const breakdown& b) {
    detail::ranking_points grouped;
    const auto entity = observations.entities().find(entity_id);
    const auto indicator = observations.indicators().find(indicator_id);
    if (!entity || !indicator) return {};
    for (std::size_t i = 0; i < observations.size(); ++i) {
        if (observations.entity_key(i) != *entity || observations.indicator_key(i) != *indicator ||
            observations.breakdown_of(i) != b) {
            continue;
        }
        detail::add_point(grouped, observations, u, i);
    }
    return detail::settle_rankings(std::move(grouped));
}

DXFRAME_DECL std::vector<ranked_series> observed_rankings(const std::vector<observation>& observations,
                                                          const std::string& entity_id, const std::string& indicator_id,
                                                          unit u, const breakdown& b) {
    return observed_rankings(observation_table(observations), entity_id, indicator_id, u, b);
}

namespace detail {

// The continued series (continue_rankings()) of the ranking choose() picks; empty when none.
inline ranked_series chosen_series(const std::vector<ranked_series>& rankings, const std::optional<date>& as_of) {
    const ranked_series* chosen = choose(rankings, as_of);
    if (chosen == nullptr) return ranked_series{};
    if (rankings.size() < 2) return *chosen;
    return continue_rankings(rankings)[static_cast<std::size_t>(chosen - rankings.data())];
}

}  // namespace detail

DXFRAME_DECL ranked_series observed_series(const observation_table& observations, const std::string& entity_id,
                                           const std::string& indicator_id, unit u, const date& as_of,
                                           const breakdown& b) {
    return detail::chosen_series(observed_rankings(observations, entity_id, indicator_id, u, b), as_of);
}

DXFRAME_DECL ranked_series observed_series(const std::vector<observation>& observations, const std::string& entity_id,
                                           const std::string& indicator_id, unit u, const date& as_of,
                                           const breakdown& b) {
    return observed_series(observation_table(observations), entity_id, indicator_id, u, as_of, b);
}

DXFRAME_DECL std::vector<dated_value> observed_series(const observation_table& observations,
                                                      const std::string& entity_id, const std::string& indicator_id,
                                                      unit u) {
    return detail::chosen_series(observed_rankings(observations, entity_id, indicator_id, u), std::nullopt).points;
}

DXFRAME_DECL std::vector<dated_value> observed_series(const std::vector<observation>& observations,
                                                      const std::string& entity_id, const std::string& indicator_id,
                                                      unit u) {
    return observed_series(observation_table(observations), entity_id, indicator_id, u);
}

DXFRAME_DECL std::vector<dated_value> up_to(const std::vector<dated_value>& series, const date& as_of) {
    const auto end = std::upper_bound(series.begin(), series.end(), as_of,
                                      [](const date& d, const dated_value& p) { return d < p.date; });
    return std::vector<dated_value>(series.begin(), end);
}

DXFRAME_DECL std::optional<dated_value> latest_on_or_before(const std::vector<dated_value>& series,
                                                            const std::optional<date>& as_of) {
    if (!as_of) return series.empty() ? std::nullopt : std::optional<dated_value>(series.back());
    const auto end = std::upper_bound(series.begin(), series.end(), *as_of,
                                      [](const date& d, const dated_value& p) { return d < p.date; });
    if (end == series.begin()) return std::nullopt;
    return *(end - 1);
}

DXFRAME_DECL std::optional<dated_value> first_on_or_after(const std::vector<dated_value>& series,
                                                          const std::optional<date>& base) {
    for (const auto& p : series) {
        if (!base || p.date >= *base) return p;
    }
    return std::nullopt;
}

namespace detail {

// Two 32-bit ids as one hash key.
inline std::uint64_t id_pair(std::uint32_t a, std::uint32_t b) noexcept {
    return (std::uint64_t{a} << 32U) | b;
}

// The positions kept for indicator `id` (none when it has no observation).
inline const std::vector<std::size_t>& sources_of(const std::vector<std::vector<std::size_t>>& sources,
                                                  const std::optional<std::uint32_t>& id) {
    static const std::vector<std::size_t> none;
    return id && *id < sources.size() ? sources[*id] : none;
}

// The position of each id of `pool` in the byte order of their strings (std::string's <).
inline std::vector<std::uint32_t> ranks_by_string(const id_pool& pool) {
    std::vector<std::uint32_t> order(pool.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(),
              [&pool](std::uint32_t a, std::uint32_t b) { return pool.name(a) < pool.name(b); });
    std::vector<std::uint32_t> rank(order.size());
    for (std::size_t r = 0; r < order.size(); ++r)
        rank[order[r]] = static_cast<std::uint32_t>(r);
    return rank;
}

}  // namespace detail

namespace detail::derived {
// derive_series()'s two halves, defined in impl/derived.ipp (which includes this file through
// series.hpp, so it cannot be included here): series_index runs them on its own grouping.
// Redundant only when derived.hpp was included first. DXFRAME_DECL, not inline: in separate
// compilation the definitions are in the unit of <dxframe/src.hpp>, not in every unit using them.
// NOLINTNEXTLINE(readability-redundant-declaration)
DXFRAME_DECL std::vector<derived_point> computed(const dataset& ds, const indicator& ind,
                                                 const entity_lifetimes& lifetimes,
                                                 const std::vector<std::size_t>* candidates);
// NOLINTNEXTLINE(readability-redundant-declaration)
DXFRAME_DECL std::vector<derived_point> with_reported(std::vector<derived_point> points,
                                                      const std::vector<dated_value>& reported);
}  // namespace detail::derived

DXFRAME_DECL series_index::series_index(const dataset& ds) {
    const observation_table& rows = ds.observations;
    const dataset_index ids(ds);
    // The table's interned ids are the index's: a row's keys are its series key as they stand,
    // no text is read per row. Derived series may add ids (derived entities) after the table's.
    entities_ = rows.entities();
    indicators_ = rows.indicators();
    parts_ = rows.breakdowns();  // id 0: the headline
    for (std::uint32_t p = 1; p < parts_.size(); ++p)
        part_ids_.emplace(parts_[p], p);
    const std::size_t observed = indicators_.size();
    std::vector<unit> units(observed, unit::other);  // by indicator id
    for (std::uint32_t k = 0; k < observed; ++k) {
        const std::size_t at = ids.indicator(std::string(indicators_.name(k)));
        if (at != dataset_index::npos) units[k] = ds.framework.indicators[at].unit;
    }
    // The pass below keeps the positions of the observations of the indicators derived series
    // are computed from (values and weights): derive_series() then reads those alone instead of
    // every observation once per derived indicator.
    std::vector<std::vector<std::size_t>> sources(observed);
    std::vector<char> is_source(observed, 0);
    for (const indicator& ind : ds.framework.indicators) {
        if (!ind.derived) continue;
        if (const auto k = indicators_.find(ind.derived->indicator)) is_source[*k] = 1;
        if (!ind.derived->weight) continue;
        if (const auto k = indicators_.find(*ind.derived->weight)) is_source[*k] = 1;
    }
    group_rows(rows, units, is_source, sources);
    add_derived_series(ds, sources);
    list_series();
}

DXFRAME_DECL std::uint32_t series_index::slot_table::find(const series_key& k) const noexcept {
    if (cells_.empty()) return none;
    const std::size_t mask = cells_.size() - 1;
    for (std::size_t i = series_key_hash{}(k)&mask;; i = (i + 1) & mask) {
        const cell& c = cells_[i];
        if (c.slot == none) return none;
        if (c.key == k) return c.slot;
    }
}

DXFRAME_DECL std::uint32_t series_index::slot_table::find_or_add(const series_key& k, std::uint32_t next) {
    if ((used_ + 1) * 2 > cells_.size()) grow();
    const std::size_t mask = cells_.size() - 1;
    for (std::size_t i = series_key_hash{}(k)&mask;; i = (i + 1) & mask) {
        cell& c = cells_[i];
        if (c.slot == none) {
            c = cell{k, next};
            ++used_;
            return next;
        }
        if (c.key == k) return c.slot;
    }
}

DXFRAME_DECL void series_index::slot_table::grow() {
    std::vector<cell> old(std::max<std::size_t>(16, cells_.size() * 2));
    old.swap(cells_);
    const std::size_t mask = cells_.size() - 1;
    for (const cell& c : old) {
        if (c.slot == none) continue;
        std::size_t i = series_key_hash{}(c.key) & mask;
        while (cells_[i].slot != none)
            i = (i + 1) & mask;
        cells_[i] = c;
    }
}

DXFRAME_DECL void series_index::group_rows(const observation_table& rows, const std::vector<unit>& units,
                                           const std::vector<char>& is_source,
                                           std::vector<std::vector<std::size_t>>& sources) {
    // A counting sort by series, not a container per series grown row by row: at commune scale
    // (4 M rows, 330 k series) the allocations and scattered writes of the latter grew faster
    // than the data. Pass 1 gives each row its slot; the rows of one series usually come
    // together (a report lists an entity's months in a row), so the previous key is tried first.
    const std::size_t n = rows.size();
    std::vector<std::uint32_t> slot_of_row(n);
    std::vector<std::size_t> first;  // per slot: its row count, then where its rows start in `order`
    series_key last{};
    std::uint32_t last_slot = slot_table::none;
    for (std::size_t i = 0; i < n; ++i) {
        const series_key k{rows.entity_key(i), rows.indicator_key(i), rows.breakdown_key(i)};
        if (is_source[k.indicator] != 0) sources[k.indicator].push_back(i);
        if (last_slot == slot_table::none || !(k == last)) {
            last_slot = slots_.find_or_add(k, static_cast<std::uint32_t>(keys_.size()));
            if (last_slot == keys_.size()) {
                keys_.push_back(k);
                first.push_back(0);
            }
            last = k;
        }
        slot_of_row[i] = last_slot;
        ++first[last_slot];
    }
    // Pass 2: the rows of each series together, in document order.
    std::size_t at = 0;
    for (std::size_t& f : first) {
        const std::size_t count = f;
        f = at;
        at += count;
    }
    first.push_back(at);
    std::vector<std::size_t> order(n);
    {
        std::vector<std::size_t> next(first.begin(), first.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            order[next[slot_of_row[i]]++] = i;
    }
    slot_of_row = {};
    // Pass 3: each series settled. One ranking (no out_of, or a single one) is the rule; rows
    // of several rankings take the general path.
    series_.resize(keys_.size());
    std::vector<detail::series_point> points;
    for (std::size_t s = 0; s < keys_.size(); ++s) {
        const unit u = units[keys_[s].indicator];
        points.clear();
        std::optional<double> ranking;
        bool one_ranking = true;
        for (std::size_t r = first[s]; r < first[s + 1]; ++r) {
            const std::size_t i = order[r];
            const auto v = rows.value_of(i, u);
            if (!detail::usable(v)) continue;
            const std::optional<double> o = rows.out_of(i);
            const std::optional<double> out_of = o && !std::isnan(*o) ? o : std::nullopt;
            if (points.empty()) {
                ranking = out_of;
            } else if (out_of.has_value() != ranking.has_value() || (out_of && *out_of != *ranking)) {
                one_ranking = false;
            }
            points.push_back({{rows.date_of(i), *v}, rows.is_provisional(i), i});
        }
        if (points.empty()) continue;  // no usable value: no series (find() skips it)
        rankings_of_one& one = series_[s];
        if (one_ranking) {
            one.own.push_back(ranked_series{ranking, detail::settle_in_place(points)});
            continue;
        }
        detail::ranking_points grouped;
        for (std::size_t r = first[s]; r < first[s + 1]; ++r)
            detail::add_point(grouped, rows, u, order[r]);
        one.own = detail::settle_rankings(std::move(grouped));
        one.continued = detail::continue_rankings(one.own);
    }
}

DXFRAME_DECL void series_index::add_derived_series(const dataset& ds,
                                                   const std::vector<std::vector<std::size_t>>& sources) {
    // Each derived indicator is evaluated once; its series (computed points, reported ones where
    // none could be computed: derive_series()) replaces the reported series of the entity it is for.
    std::optional<entity_lifetimes> lifetimes;
    for (const indicator& ind : ds.framework.indicators) {
        if (!ind.derived) continue;
        if (!lifetimes) lifetimes.emplace(ds.entities);
        const derivation& d = *ind.derived;
        // The observations of the values and the weights, in document order.
        const std::vector<std::size_t>& values = detail::sources_of(sources, indicators_.find(d.indicator));
        std::vector<std::size_t> candidates;
        if (d.weight && *d.weight != d.indicator) {
            const std::vector<std::size_t>& weights = detail::sources_of(sources, indicators_.find(*d.weight));
            candidates.reserve(values.size() + weights.size());
            std::merge(values.begin(), values.end(), weights.begin(), weights.end(), std::back_inserter(candidates));
        }
        std::vector<derived_point> computed =
            detail::derived::computed(ds, ind, *lifetimes, candidates.empty() ? &values : &candidates);
        const series_key k{entities_.intern(derived_entity(ds.framework, d)), indicators_.intern(ind.id), 0};
        std::uint32_t slot = slots_.find(k);
        // The entity's reported series is the one indexed above, unless the indicator's id
        // repeats in the framework (its unit could differ from the one indexed).
        std::vector<dated_value> reported;
        if (find_by_id(ds.framework.indicators, ind.id) != &ind) {
            reported = observed_series(ds.observations, std::string(entities_.name(k.entity)), ind.id, ind.unit);
        } else if (slot != slot_table::none && !series_[slot].own.empty()) {
            reported = series_[slot].continued_of(detail::choose(series_[slot].own, std::nullopt)).points;
        }
        std::vector<derived_point> points = detail::derived::with_reported(std::move(computed), reported);
        ranked_series derived{std::nullopt, {}};
        derived.points.reserve(points.size());
        for (const derived_point& p : points)
            derived.points.push_back(dated_value{p.date, p.value});
        derived_.insert_or_assign(k, std::move(points));
        if (derived.points.empty()) {
            if (slot != slot_table::none) series_[slot] = rankings_of_one{};
            continue;
        }
        if (slot == slot_table::none) {
            slot = slots_.find_or_add(k, static_cast<std::uint32_t>(keys_.size()));
            keys_.push_back(k);
            series_.emplace_back();
        }
        series_[slot] = rankings_of_one{{std::move(derived)}, {}};
    }
}

DXFRAME_DECL void series_index::list_series() {
    const std::vector<std::uint32_t> entity_rank = detail::ranks_by_string(entities_);
    for (std::size_t s = 0; s < series_.size(); ++s) {
        if (series_[s].own.empty()) continue;
        const series_key& k = keys_[s];
        slots_of_[detail::id_pair(k.indicator, k.part)].push_back(static_cast<std::uint32_t>(s));
        if (k.part != 0) parts_of_[detail::id_pair(k.entity, k.indicator)].push_back(k.part);
    }
    for (auto& entry : slots_of_) {
        std::sort(entry.second.begin(), entry.second.end(), [this, &entity_rank](std::uint32_t a, std::uint32_t b) {
            return entity_rank[keys_[a].entity] < entity_rank[keys_[b].entity];
        });
    }
    if (parts_of_.empty()) return;
    // part_ids_ is a std::map: its order is breakdown order.
    std::vector<std::uint32_t> part_rank(parts_.size());
    std::uint32_t r = 0;
    for (const auto& entry : part_ids_)
        part_rank[entry.second] = ++r;
    for (auto& entry : parts_of_) {
        std::sort(entry.second.begin(), entry.second.end(),
                  [&part_rank](std::uint32_t a, std::uint32_t b) { return part_rank[a] < part_rank[b]; });
    }
}

DXFRAME_DECL const series_index::rankings_of_one* series_index::find(const std::string& entity_id,
                                                                     const std::string& indicator_id,
                                                                     const breakdown& b) const {
    std::uint32_t part = 0;
    if (!b.empty()) {
        const auto it = part_ids_.find(b);
        if (it == part_ids_.end()) return nullptr;
        part = it->second;
    }
    const auto entity = entities_.find(entity_id);
    const auto indicator = indicators_.find(indicator_id);
    if (!entity || !indicator) return nullptr;
    const std::uint32_t slot = slots_.find(series_key{*entity, *indicator, part});
    return slot == slot_table::none || series_[slot].own.empty() ? nullptr : &series_[slot];
}

DXFRAME_DECL const std::vector<dated_value>& series_index::get(const std::string& entity_id,
                                                               const std::string& indicator_id) const {
    static const std::vector<dated_value> empty;
    const rankings_of_one* r = find(entity_id, indicator_id, breakdown{});
    if (r == nullptr) return empty;
    const ranked_series* chosen = detail::choose(r->own, std::nullopt);
    return chosen != nullptr ? r->continued_of(chosen).points : empty;
}

DXFRAME_DECL const ranked_series& series_index::get(const std::string& entity_id, const std::string& indicator_id,
                                                    const date& as_of, const breakdown& b) const {
    static const ranked_series empty;
    const rankings_of_one* r = find(entity_id, indicator_id, b);
    if (r == nullptr) return empty;
    const ranked_series* chosen = choose_ranking(r->own, as_of);
    return chosen != nullptr ? r->continued_of(chosen) : empty;
}

DXFRAME_DECL std::optional<dated_value> series_index::latest(const std::string& entity_id,
                                                             const std::string& indicator_id,
                                                             const std::optional<date>& as_of,
                                                             const breakdown& b) const {
    const rankings_of_one* r = find(entity_id, indicator_id, b);
    if (r == nullptr) return std::nullopt;
    const ranked_series* chosen = detail::choose(r->own, as_of);
    if (chosen == nullptr) return std::nullopt;
    return latest_on_or_before(r->continued_of(chosen).points, as_of);
}

DXFRAME_DECL const std::vector<derived_point>* series_index::derived(const std::string& entity_id,
                                                                     const std::string& indicator_id) const {
    const auto entity = entities_.find(entity_id);
    const auto indicator = indicators_.find(indicator_id);
    if (!entity || !indicator) return nullptr;
    const auto it = derived_.find(series_key{*entity, *indicator, 0});
    return it == derived_.end() ? nullptr : &it->second;
}

namespace detail {

// The slots of the series of `indicator_id` in breakdown `b`, sorted by entity id (null: none).
template <class Lists, class Parts>
const std::vector<std::uint32_t>* slots_listed(const Lists& lists, const Parts& part_ids, const id_pool& indicators,
                                               const std::string& indicator_id, const breakdown& b) {
    std::uint32_t part = 0;
    if (!b.empty()) {
        const auto it = part_ids.find(b);
        if (it == part_ids.end()) return nullptr;
        part = it->second;
    }
    const auto indicator = indicators.find(indicator_id);
    if (!indicator) return nullptr;
    const auto it = lists.find(id_pair(*indicator, part));
    return it == lists.end() ? nullptr : &it->second;
}

}  // namespace detail

DXFRAME_DECL std::vector<std::string> series_index::entities_with(const std::string& indicator_id,
                                                                  const breakdown& b) const {
    std::vector<std::string> out;
    const auto* slots = detail::slots_listed(slots_of_, part_ids_, indicators_, indicator_id, b);
    if (slots == nullptr) return out;
    out.reserve(slots->size());
    for (const std::uint32_t s : *slots)
        out.emplace_back(entities_.name(keys_[s].entity));
    return out;
}

DXFRAME_DECL std::vector<series_index::entity_series> series_index::series_of(const std::string& indicator_id,
                                                                              const date& as_of,
                                                                              const breakdown& b) const {
    std::vector<entity_series> out;
    const auto* slots = detail::slots_listed(slots_of_, part_ids_, indicators_, indicator_id, b);
    if (slots == nullptr) return out;
    out.reserve(slots->size());
    for (const std::uint32_t s : *slots) {
        const rankings_of_one& r = series_[s];
        out.push_back(entity_series{entities_.name(keys_[s].entity), &r.continued_of(choose_ranking(r.own, as_of))});
    }
    return out;
}

DXFRAME_DECL std::vector<breakdown> series_index::breakdowns(const std::string& entity_id,
                                                             const std::string& indicator_id) const {
    std::vector<breakdown> out;
    const auto entity = entities_.find(entity_id);
    const auto indicator = indicators_.find(indicator_id);
    if (!entity || !indicator) return out;
    const auto it = parts_of_.find(detail::id_pair(*entity, *indicator));
    if (it == parts_of_.end()) return out;
    out.reserve(it->second.size());
    for (const std::uint32_t part : it->second)
        out.push_back(parts_[part]);
    return out;
}

}  // namespace dxframe
