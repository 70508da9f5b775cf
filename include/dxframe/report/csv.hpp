// SPDX-License-Identifier: MIT
/// @file
/// @brief The scorecard as one CSV table (RFC 4180), for spreadsheets and other tools.
///
/// One record per row and a `record` column saying what it is: `overall`, `pillar`, `target`
/// or `task`; the columns that do not apply to a record are empty. Numbers are written so that
/// they read back to the same double (at most 17 significant digits, '.' decimal mark); a
/// missing value is an empty cell, never "NaN". Text fields are quoted when they hold a comma,
/// a quote or a line break (dxframe::csv_field).
#pragma once

#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/progress/scorecard.hpp>

namespace dxframe {

/// The column names of render_csv(), in order.
DXFRAME_DECL std::vector<std::string> scorecard_csv_columns();

/// The scorecard as CSV: a header row (scorecard_csv_columns()), the overall row, one row per
/// pillar (and one for targets without a pillar), one per target, one per overdue or due-soon
/// task. For a group, `status` is its worst status. Records end with CRLF (RFC 4180).
/// Columns added after the first release come last: `unreported`, `no_data` and `not_judged`
/// (group counts), `latest_age_days` and `stale` (targets: "true"/"false"; groups: the number
/// of stale targets), `newest_observation` and `newest_source` (overall row), and `note`
/// ("no target set in the sources" on the row of a pillar without targets).
DXFRAME_DECL std::string render_csv(const scorecard& sc);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/csv.ipp>
#endif
