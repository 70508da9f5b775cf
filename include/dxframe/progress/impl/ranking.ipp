// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/ranking.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/index/rank.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/observation.hpp>
#include <dxframe/model/text.hpp>
#include <dxframe/progress/ranking.hpp>

namespace dxframe {

namespace detail {

inline void rank_entries(ranking& r) {
    std::vector<std::optional<double>> values;
    values.reserve(r.entries.size());
    for (const auto& e : r.entries)
        values.push_back(e.value);
    rank_options o;
    o.order = r.direction == direction::higher_is_better ? rank_order::descending : rank_order::ascending;
    const auto ranks = competition_rank(values, o);
    for (std::size_t i = 0; i < r.entries.size(); ++i)
        r.entries[i].rank = ranks[i];
    std::stable_sort(r.entries.begin(), r.entries.end(), [](const ranking_entry& a, const ranking_entry& b) {
        if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
        if (a.rank && b.rank && *a.rank != *b.rank) return *a.rank < *b.rank;
        return a.name < b.name;
    });
}

}  // namespace detail

DXFRAME_DECL std::optional<ranking> ranking_from_observations(const dataset& ds, const std::string& indicator_id,
                                                              const date& as_of, language lang) {
    const indicator* ind = find_by_id(ds.framework.indicators, indicator_id);
    if (ind == nullptr) return std::nullopt;
    // date → entity → value. Of two observations of the same day a final figure beats a
    // provisional one, else the later in the document wins, as in the progress series: the
    // ranking must not depend on where a revision stands in the document.
    std::map<date, std::map<std::string, double>> by_date;
    std::map<date, std::map<std::string, bool>> provisional;
    // Read through the table's key view: only the indicator's rows are looked at closely.
    const observation_table& rows = ds.observations;
    const auto wanted = rows.indicators().find(indicator_id);
    const std::int64_t last_day = as_of.days_since_epoch();
    for (std::size_t i = 0; wanted && i < rows.size(); ++i) {
        // Entities are ranked on their headline figures, never on a breakdown's.
        if (rows.indicator_key(i) != *wanted || rows.day(i) > last_day || rows.breakdown_key(i) != 0) continue;
        const auto v = rows.value_of(i, ind->unit);
        if (!v || !std::isfinite(*v)) continue;
        const bool prov = rows.is_provisional(i);
        const date when = rows.date_of(i);
        const std::string entity(rows.entity(i));
        const auto seen = by_date[when].count(entity) > 0;
        if (seen && prov && !provisional[when][entity]) continue;  // a final figure is already kept
        by_date[when][entity] = *v;
        provisional[when][entity] = prov;
    }
    if (by_date.empty()) return std::nullopt;
    auto best = by_date.begin();
    for (auto it = by_date.begin(); it != by_date.end(); ++it) {
        if (it->second.size() >= best->second.size()) best = it;
    }
    const dataset_index ids(ds);
    ranking r;
    r.indicator = indicator_id;
    r.title = ind->name.in(lang).empty() ? ind->id : ind->name.in(lang);
    r.date = best->first;
    r.direction = ind->direction;
    for (const auto& [entity_id, value] : best->second) {
        const std::size_t at = ids.entity(entity_id);
        std::string name = at == dataset_index::npos ? entity_id : ds.entities[at].name.in(lang);
        if (name.empty()) name = entity_id;
        r.entries.push_back({entity_id, name, value, std::nullopt});
    }
    detail::rank_entries(r);
    return r;
}

DXFRAME_DECL std::optional<std::string> default_ranking_indicator(const dataset& ds, std::size_t min_entities,
                                                                  const std::optional<date>& as_of) {
    // Per indicator key, the distinct entity keys of its headline rows by the as-of date.
    const observation_table& rows = ds.observations;
    std::vector<std::vector<std::uint32_t>> reporters(rows.indicators().size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows.breakdown_key(i) == 0 && (!as_of || rows.day(i) <= as_of->days_since_epoch()))
            reporters[rows.indicator_key(i)].push_back(rows.entity_key(i));
    }
    for (auto& entities : reporters) {
        std::sort(entities.begin(), entities.end());
        entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
    }
    std::optional<std::string> best;
    std::size_t best_n = 0;
    for (const indicator& ind : ds.framework.indicators) {
        if (ind.unit == unit::rank || ind.unit == unit::boolean) continue;
        const auto key = rows.indicators().find(ind.id);
        const std::size_t n = key ? reporters[*key].size() : 0;
        if (n >= min_entities && n > best_n) {
            best = ind.id;
            best_n = n;
        }
    }
    return best;
}

}  // namespace dxframe
