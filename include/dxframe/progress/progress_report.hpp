// SPDX-License-Identifier: MIT
/// @file
/// @brief Every target assessed at a date, with what a report needs around the assessments:
/// the date, the method and ages used, and how recent the data are.
#pragma once

#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/progress/assess.hpp>
#include <dxframe/progress/freshness.hpp>
#include <dxframe/progress/options.hpp>

namespace dxframe {

/// The assessments of every target at a date (`dxframe progress`), as the renderers of
/// <dxframe/report/progress.hpp> take them.
struct progress_report {
    dxframe::date as_of;                               ///< Date of the assessments.
    progress_method method = progress_method::linear;  ///< Method used.
    int stale_after_months = 12;                       ///< Staleness age used.
    int result_window_months = 6;                      ///< Result window used.
    data_freshness freshness;                          ///< Newest observation and source by `as_of`.
    std::vector<target_assessment> assessments;        ///< One per (target, entity), as assess_all gives them.
};
BOOST_DESCRIBE_STRUCT(progress_report, (),
                      (as_of, method, stale_after_months, result_window_months, freshness, assessments))

/// Assesses every target of `ds` at `as_of` (assess_all) and records the settings and the data's
/// freshness with the results. Throws dxframe::error only for unusable options.
DXFRAME_DECL progress_report make_progress_report(const dataset& ds, const date& as_of,
                                                  const progress_options& options = {},
                                                  entity_scope scope = entity_scope::bound);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/progress/impl/progress_report.ipp>
#endif
