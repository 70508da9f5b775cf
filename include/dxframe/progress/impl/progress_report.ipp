// SPDX-License-Identifier: MIT
// Definitions for <dxframe/progress/progress_report.hpp> (see <dxframe/config.hpp>: included by
// that header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/freshness.hpp>
#include <dxframe/progress/options.hpp>
#include <dxframe/progress/progress_report.hpp>

namespace dxframe {

DXFRAME_DECL progress_report make_progress_report(const dataset& ds, const date& as_of, const progress_options& options,
                                                  entity_scope scope) {
    progress_report r;
    r.as_of = as_of;
    r.method = options.method;
    r.stale_after_months = options.stale_after_months;
    r.result_window_months = options.result_window_months;
    r.freshness = newest_dates(ds, as_of);
    r.assessments = assess_all(ds, as_of, options, scope);
    return r;
}

}  // namespace dxframe
