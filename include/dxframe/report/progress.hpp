// SPDX-License-Identifier: MIT
/// @file
/// @brief The target assessments of `dxframe progress` as JSON, CSV and Markdown.
#pragma once

#include <string>
#include <vector>

#include <dxframe/config.hpp>
#include <dxframe/progress/progress_report.hpp>

namespace dxframe {

/// The assessments as a JSON array, one object per assessment with the members of
/// target_assessment in declaration order. Absent optionals are left out, except the keys every
/// object carries (target, indicator, entity, status, progress, expected, ratio, latest,
/// projected, deadline, latest_age_days), which are null when they do not apply. Two-space
/// indentation, final newline.
DXFRAME_DECL std::string render_json(const progress_report& report);

/// The columns of render_csv(const progress_report&), in order. Columns are only ever added at
/// the end, so that existing consumers keep working.
DXFRAME_DECL std::vector<std::string> progress_csv_columns();

/// The assessments as one RFC 4180 table (LF line ends), one row per assessment; numbers with
/// 17 significant digits, missing values empty.
DXFRAME_DECL std::string render_csv(const progress_report& report);

/// The assessments as a Markdown table for people, with a header stating the date, the method
/// and how recent the data are; numbers with 4 significant digits, missing values "—".
DXFRAME_DECL std::string render_markdown(const progress_report& report);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/report/impl/progress.ipp>
#endif
