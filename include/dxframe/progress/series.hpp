// SPDX-License-Identifier: MIT
/// @file
/// @brief The time series an assessment works on: one entity's usable values of one indicator.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/model/indicator.hpp>
#include <dxframe/model/lookup.hpp>
#include <dxframe/model/observation.hpp>

namespace dxframe {

/// A value at a date (a latest value, a baseline, a point of a series).
struct dated_value {
    dxframe::date date;  ///< When.
    double value = 0;    ///< What.
};
BOOST_DESCRIBE_STRUCT(dated_value, (), (date, value))

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

/// The usable values of `indicator_id` for `entity_id` in `observations`, in date order, one per
/// date, each in the indicator's unit (ratio observations become percentages for percent
/// indicators: 60 of 63 is 95.24). Observations without a usable value are skipped (validation
/// reports them). Nothing is filtered by date: see up_to().
inline std::vector<dated_value> observed_series(const std::vector<observation>& observations,
                                                const std::string& entity_id, const std::string& indicator_id, unit u) {
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

/// The points of a date-ordered series dated on or before `as_of` (later ones are ignored by
/// every assessment).
inline std::vector<dated_value> up_to(const std::vector<dated_value>& series, const date& as_of) {
    const auto end = std::upper_bound(series.begin(), series.end(), as_of,
                                      [](const date& d, const dated_value& p) { return d < p.date; });
    return std::vector<dated_value>(series.begin(), end);
}

/// The first point on or after `base` (the whole series when `base` is absent), or nullopt.
/// This is Open SDG's rule: the base year if it has data, else the next year that has.
inline std::optional<dated_value> first_on_or_after(const std::vector<dated_value>& series,
                                                    const std::optional<date>& base) {
    for (const auto& p : series) {
        if (!base || p.date >= *base) return p;
    }
    return std::nullopt;
}

/// All series of a dataset, grouped once so that assessing many targets does not rescan the
/// observations for each one.
class series_index {
public:
    /// Groups the observations of `ds` by (entity, indicator), in each indicator's unit.
    explicit series_index(const dataset& ds) {
        const dataset_index ids(ds);
        std::map<key, std::vector<detail::series_point>> grouped;
        for (std::size_t i = 0; i < ds.observations.size(); ++i) {
            const observation& o = ds.observations[i];
            const std::size_t at = ids.indicator(o.indicator);
            const unit u = at == dataset_index::npos ? unit::other : ds.framework.indicators[at].unit;
            const auto v = effective_value(o, u);
            if (!detail::usable(v)) continue;
            grouped[key{o.entity, o.indicator}].push_back(
                {{o.date, *v}, o.status == observation_status::provisional, i});
        }
        for (auto& [k, points] : grouped)
            series_.emplace(k, detail::settle(std::move(points)));
    }

    /// The full date-ordered series of one entity and indicator (empty when there is none).
    const std::vector<dated_value>& get(const std::string& entity_id, const std::string& indicator_id) const {
        static const std::vector<dated_value> empty;
        const auto it = series_.find(key{entity_id, indicator_id});
        return it == series_.end() ? empty : it->second;
    }

    /// Ids of the entities that have at least one usable value of `indicator_id`, sorted.
    std::vector<std::string> entities_with(const std::string& indicator_id) const {
        std::vector<std::string> out;
        for (const auto& [k, s] : series_) {
            if (k.second == indicator_id && !s.empty()) out.push_back(k.first);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    using key = std::pair<std::string, std::string>;
    std::map<key, std::vector<dated_value>> series_;
};

}  // namespace dxframe
