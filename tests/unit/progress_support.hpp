// SPDX-License-Identifier: MIT
// Small builders shared by the progress tests: a one-indicator dataset and dates.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <dxframe/model.hpp>

namespace progress_test {

inline dxframe::date d(const char* iso) {
    return *dxframe::date::parse(iso);
}

// Year-end date, so that differences between them are whole years.
inline dxframe::date ye(int year) {
    return dxframe::date::from_ymd(year, 12, 31);
}

inline dxframe::indicator make_indicator(dxframe::unit u = dxframe::unit::other,
                                         dxframe::direction dir = dxframe::direction::higher_is_better) {
    dxframe::indicator ind;
    ind.id = "ind";
    ind.name = {"Chỉ tiêu", "Indicator"};
    ind.unit = u;
    ind.direction = dir;
    return ind;
}

inline dxframe::target make_target(dxframe::target_kind kind, std::optional<double> value, dxframe::date deadline,
                                   std::optional<dxframe::baseline> base = std::nullopt) {
    dxframe::target t;
    t.id = "t";
    t.indicator = "ind";
    t.kind = kind;
    t.value = value;
    t.deadline = deadline;
    t.baseline = base;
    return t;
}

inline dxframe::observation obs(const std::string& entity, dxframe::date when, double value) {
    dxframe::observation o;
    o.entity = entity;
    o.indicator = "ind";
    o.date = when;
    o.value = value;
    return o;
}

// One indicator, one target, observations of entity "vn" (the nation) at the given dates.
inline dxframe::dataset make_dataset(const dxframe::indicator& ind, const dxframe::target& t,
                                     const std::vector<std::pair<dxframe::date, double>>& points) {
    dxframe::dataset ds;
    ds.framework.id = "test";
    ds.framework.name = {"Thử", "Test"};
    ds.framework.nation = "vn";
    ds.framework.indicators.push_back(ind);
    ds.framework.targets.push_back(t);
    dxframe::entity vn;
    vn.id = "vn";
    vn.name = {"Việt Nam", "Viet Nam"};
    vn.level = dxframe::entity_level::nation;
    ds.entities.push_back(vn);
    for (const auto& [when, value] : points)
        ds.observations.push_back(obs("vn", when, value));
    return ds;
}

}  // namespace progress_test
