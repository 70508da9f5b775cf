// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/freshness.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/progress/freshness.hpp>

namespace dxframe {

DXFRAME_DECL data_freshness newest_dates(const dataset& ds, const date& as_of,
                                         const std::optional<std::string>& entity) {
    data_freshness f;
    const auto newer = [](std::optional<date>& cur, const date& d) {
        if (!cur || *cur < d) cur = d;
    };
    for (const target& t : ds.framework.targets) {
        if (t.source && t.source->published && *t.source->published <= as_of)
            newer(f.newest_source, *t.source->published);
    }
    // Read through the table's key view: one day number a row, a date only for the newest.
    const observation_table& rows = ds.observations;
    const std::int64_t last_day = as_of.days_since_epoch();
    std::optional<std::int32_t> newest_day;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (entity && rows.entity(i) != *entity) continue;
        if (rows.day(i) > last_day) continue;
        if (!newest_day || *newest_day < rows.day(i)) newest_day = rows.day(i);
        const source* s = rows.source_of(i);
        if (s != nullptr && s->published && *s->published <= as_of) newer(f.newest_source, *s->published);
    }
    if (newest_day) f.newest_observation = date::from_days(*newest_day);
    return f;
}

}  // namespace dxframe
