// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/series.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
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
inline std::vector<dated_value> settle(std::vector<series_point> points) {
    std::stable_sort(points.begin(), points.end(),
                     [](const series_point& a, const series_point& b) { return a.point.date < b.point.date; });
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

// Orders breakdown series keys (entity, indicator, breakdown by pointer) by their values.
struct breakdown_key_order {
    template <class K>
    bool operator()(const K& a, const K& b) const {
        if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
        if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
        return *std::get<2>(a) < *std::get<2>(b);
    }
};

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

DXFRAME_DECL series_index::series_index(const dataset& ds) {
    const dataset_index ids(ds);
    // Grouped through a hash table (one look-up per observation, whatever the number of
    // series), then entered into the ordered map in key order, each at its end: linear but for
    // sorting the keys of the series (commune-scale data: 4 M observations, 330 k series).
    using view_key = std::pair<std::string_view, std::string_view>;
    struct view_key_hash {
        std::size_t operator()(const view_key& k) const noexcept {
            const std::size_t a = std::hash<std::string_view>{}(k.first);
            return a ^ (std::hash<std::string_view>{}(k.second) + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
        }
    };
    std::unordered_map<view_key, detail::ranking_points, view_key_hash> grouped;
    // Breakdown series are rare next to headline ones: an ordered map of their own keeps the
    // headline path as it was.
    std::map<std::tuple<std::string_view, std::string_view, const breakdown*>, detail::ranking_points,
             detail::breakdown_key_order>
        parts;
    // Read through the table's key view: the views and the breakdown live in the table.
    const observation_table& rows = ds.observations;
    std::vector<unit> units(rows.indicators().size(), unit::other);
    for (std::uint32_t k = 0; k < units.size(); ++k) {
        const std::size_t at = ids.indicator(std::string(rows.indicators().name(k)));
        if (at != dataset_index::npos) units[k] = ds.framework.indicators[at].unit;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const unit u = units[rows.indicator_key(i)];
        if (rows.breakdown_key(i) == 0) {
            detail::add_point(grouped[view_key{rows.entity(i), rows.indicator(i)}], rows, u, i);
        } else {
            detail::add_point(parts[{rows.entity(i), rows.indicator(i), &rows.breakdown_of(i)}], rows, u, i);
        }
    }
    std::vector<std::pair<view_key, detail::ranking_points*>> ordered;
    ordered.reserve(grouped.size());
    for (auto& g : grouped)
        ordered.emplace_back(g.first, &g.second);
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const auto enter = [this](key&& k, detail::ranking_points&& points, bool at_end) {
        auto rankings = detail::settle_rankings(std::move(points));
        if (rankings.empty()) return;
        auto continued = detail::continue_rankings(rankings);
        rankings_of_one r{std::move(rankings), std::move(continued)};
        if (at_end) {
            series_.emplace_hint(series_.end(), std::move(k), std::move(r));
        } else {
            series_.emplace(std::move(k), std::move(r));
        }
    };
    for (auto& [k, points] : ordered)
        enter(key{std::string(k.first), std::string(k.second), breakdown{}}, std::move(*points), true);
    for (auto& [k, points] : parts)
        enter(key{std::string(std::get<0>(k)), std::string(std::get<1>(k)), *std::get<2>(k)}, std::move(points), false);
    add_derived_series(ds);
}

DXFRAME_DECL void series_index::add_derived_series(const dataset& ds) {
    // Each derived indicator is evaluated once; its series (computed points, reported ones where
    // none could be computed) replaces the reported series of the entity it is for.
    std::optional<entity_lifetimes> lifetimes;
    for (const indicator& ind : ds.framework.indicators) {
        if (!ind.derived) continue;
        if (!lifetimes) lifetimes.emplace(ds.entities);
        std::vector<derived_point> points = derive_series(ds, ind, *lifetimes);
        ranked_series derived{std::nullopt, {}};
        derived.points.reserve(points.size());
        for (const derived_point& p : points)
            derived.points.push_back(dated_value{p.date, p.value});
        key k{derived_entity(ds.framework, *ind.derived), ind.id, breakdown{}};
        derived_.insert_or_assign(k, std::move(points));
        if (derived.points.empty()) {
            series_.erase(k);
            continue;
        }
        std::vector<ranked_series> own{derived};
        series_.insert_or_assign(std::move(k), rankings_of_one{std::move(own), {std::move(derived)}});
    }
}

DXFRAME_DECL const std::vector<dated_value>& series_index::get(const std::string& entity_id,
                                                               const std::string& indicator_id) const {
    static const std::vector<dated_value> empty;
    const auto it = series_.find(key{entity_id, indicator_id, breakdown{}});
    if (it == series_.end()) return empty;
    const rankings_of_one& r = it->second;
    const ranked_series* chosen = detail::choose(r.own, std::nullopt);
    return chosen != nullptr ? r.continued[static_cast<std::size_t>(chosen - r.own.data())].points : empty;
}

DXFRAME_DECL const ranked_series& series_index::get(const std::string& entity_id, const std::string& indicator_id,
                                                    const date& as_of, const breakdown& b) const {
    static const ranked_series empty;
    const auto it = series_.find(key{entity_id, indicator_id, b});
    if (it == series_.end()) return empty;
    const rankings_of_one& r = it->second;
    const ranked_series* chosen = choose_ranking(r.own, as_of);
    return chosen != nullptr ? r.continued[static_cast<std::size_t>(chosen - r.own.data())] : empty;
}

DXFRAME_DECL std::optional<dated_value> series_index::latest(const std::string& entity_id,
                                                             const std::string& indicator_id,
                                                             const std::optional<date>& as_of,
                                                             const breakdown& b) const {
    const auto it = series_.find(key{entity_id, indicator_id, b});
    if (it == series_.end()) return std::nullopt;
    const rankings_of_one& r = it->second;
    const ranked_series* chosen = detail::choose(r.own, as_of);
    if (chosen == nullptr) return std::nullopt;
    return latest_on_or_before(r.continued[static_cast<std::size_t>(chosen - r.own.data())].points, as_of);
}

DXFRAME_DECL const std::vector<derived_point>* series_index::derived(const std::string& entity_id,
                                                                     const std::string& indicator_id) const {
    const auto it = derived_.find(key{entity_id, indicator_id, breakdown{}});
    return it == derived_.end() ? nullptr : &it->second;
}

DXFRAME_DECL std::vector<std::string> series_index::entities_with(const std::string& indicator_id,
                                                                  const breakdown& b) const {
    std::vector<std::string> out;
    for (const auto& [k, s] : series_) {
        if (std::get<1>(k) == indicator_id && std::get<2>(k) == b && !s.own.empty()) out.push_back(std::get<0>(k));
    }
    std::sort(out.begin(), out.end());
    return out;
}

DXFRAME_DECL std::vector<breakdown> series_index::breakdowns(const std::string& entity_id,
                                                             const std::string& indicator_id) const {
    std::vector<breakdown> out;
    // The headline sorts first among an entity and indicator's keys (an empty map is least).
    for (auto it = series_.upper_bound(key{entity_id, indicator_id, breakdown{}}); it != series_.end(); ++it) {
        if (std::get<0>(it->first) != entity_id || std::get<1>(it->first) != indicator_id) break;
        out.push_back(std::get<2>(it->first));
    }
    return out;
}

}  // namespace dxframe
