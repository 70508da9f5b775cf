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
#include <utility>
#include <vector>

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/observation.hpp>
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

}  // namespace detail

DXFRAME_DECL std::vector<dated_value> observed_series(const std::vector<observation>& observations,
                                                      const std::string& entity_id, const std::string& indicator_id,
                                                      unit u) {
    std::vector<detail::series_point> points;
    for (std::size_t i = 0; i < observations.size(); ++i) {
        const observation& o = observations[i];
        if (o.entity != entity_id || o.indicator != indicator_id) continue;
        const auto v = effective_value(o, u);
        if (!detail::usable(v)) continue;
        points.push_back({{o.date, *v}, o.status == observation_status::provisional, i});
    }
    return detail::settle(std::move(points));
}

DXFRAME_DECL std::vector<dated_value> up_to(const std::vector<dated_value>& series, const date& as_of) {
    const auto end = std::upper_bound(series.begin(), series.end(), as_of,
                                      [](const date& d, const dated_value& p) { return d < p.date; });
    return std::vector<dated_value>(series.begin(), end);
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
    std::map<key, std::vector<detail::series_point>> grouped;
    for (std::size_t i = 0; i < ds.observations.size(); ++i) {
        const observation& o = ds.observations[i];
        const std::size_t at = ids.indicator(o.indicator);
        const unit u = at == dataset_index::npos ? unit::other : ds.framework.indicators[at].unit;
        const auto v = effective_value(o, u);
        if (!detail::usable(v)) continue;
        grouped[key{o.entity, o.indicator}].push_back({{o.date, *v}, o.status == observation_status::provisional, i});
    }
    for (auto& [k, points] : grouped)
        series_.emplace(k, detail::settle(std::move(points)));
}

DXFRAME_DECL const std::vector<dated_value>& series_index::get(const std::string& entity_id,
                                                               const std::string& indicator_id) const {
    static const std::vector<dated_value> empty;
    const auto it = series_.find(key{entity_id, indicator_id});
    return it == series_.end() ? empty : it->second;
}

DXFRAME_DECL std::vector<std::string> series_index::entities_with(const std::string& indicator_id) const {
    std::vector<std::string> out;
    for (const auto& [k, s] : series_) {
        if (k.second == indicator_id && !s.empty()) out.push_back(k.first);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace dxframe
