// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/freshness.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

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
    for (const observation& o : ds.observations) {
        if (entity && o.entity != *entity) continue;
        if (o.date > as_of) continue;
        newer(f.newest_observation, o.date);
        if (o.source && o.source->published && *o.source->published <= as_of) {
            newer(f.newest_source, *o.source->published);
        }
    }
    return f;
}

}  // namespace dxframe
