// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/csv.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/io/csv.hpp>
#include <dxframe/model/breakdown.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/csv.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/labels.hpp>

namespace dxframe {

DXFRAME_DECL std::vector<std::string> scorecard_csv_columns() {
    // Columns are only ever added at the end, so that existing consumers keep working.
    return {"record",
            "id",
            "name",
            "pillar",
            "entity",
            "status",
            "score",
            "share_on_track",
            "targets",
            "achieved",
            "on_track",
            "needs_acceleration",
            "limited_progress",
            "deterioration",
            "overdue",
            "insufficient_data",
            "progress",
            "expected",
            "ratio",
            "latest_date",
            "latest_value",
            "baseline_date",
            "baseline_value",
            "kind",
            "target_value",
            "upper",
            "projected",
            "deadline",
            "days_to_deadline",
            "days_late",
            "unit",
            "source",
            "url",
            "confidence",
            "latest_out_of",
            "unreported",
            "no_data",
            "not_judged",
            "latest_age_days",
            "stale",
            "newest_observation",
            "newest_source",
            "note",
            "status_source",
            "computed_status",
            "manual",
            "manual_date",
            "manual_reason",
            "method_source",
            "breakdown"};
}

namespace detail {

inline std::string int_text(const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : std::string();
}

// Positions of the columns added after the first release.
inline constexpr std::size_t csv_latest_out_of = 34, csv_unreported = 35, csv_no_data = 36, csv_not_judged = 37,
                             csv_latest_age_days = 38, csv_stale = 39, csv_newest_observation = 40,
                             csv_newest_source = 41, csv_note = 42, csv_status_source = 43, csv_computed_status = 44,
                             csv_manual = 45, csv_manual_date = 46, csv_manual_reason = 47, csv_method_source = 48,
                             csv_breakdown = 49;

inline void put_group(std::vector<std::string>& row, const scorecard_group& g, language lang) {
    row[5] = enum_text(g.worst);
    row[6] = round_trip_number(g.score);
    row[7] = round_trip_number(g.share_on_track);
    row[8] = std::to_string(g.targets);
    const status_counts& n = g.counts;
    const target_status first_seven[] = {target_status::achieved,           target_status::on_track,
                                         target_status::needs_acceleration, target_status::limited_progress,
                                         target_status::deterioration,      target_status::overdue,
                                         target_status::insufficient_data};
    for (std::size_t k = 0; k < 7; ++k)
        row[9 + k] = std::to_string(n.of(first_seven[k]));
    row[csv_unreported] = std::to_string(n.unreported);
    row[csv_no_data] = std::to_string(n.no_data);
    row[csv_not_judged] = std::to_string(g.not_judged);
    row[csv_stale] = std::to_string(g.stale);
    row[csv_manual] = std::to_string(g.manual);
    if (g.targets == 0 && g.pillar) row[csv_note] = std::string(label(report_label::no_target_set, lang));
}

inline void put_source(std::vector<std::string>& row, const std::optional<source>& s) {
    if (!s) return;
    row[31] = s->reference;
    row[32] = s->url.value_or("");
    row[33] = enum_text(s->confidence);
}

}  // namespace detail

DXFRAME_DECL std::string render_csv(const scorecard& sc) {
    const std::vector<std::string> columns = scorecard_csv_columns();
    std::vector<std::vector<std::string>> rows{columns};
    const auto blank = [&] { return std::vector<std::string>(columns.size()); };

    auto group_row = [&](const char* record, const scorecard_group& g) {
        auto row = blank();
        row[0] = record;
        row[1] = g.id;
        row[2] = g.name;
        row[3] = enum_text(g.pillar);
        row[4] = sc.entity;
        detail::put_group(row, g, sc.lang);
        rows.push_back(std::move(row));
    };
    group_row("overall", sc.overall);
    if (sc.newest_observation) rows.back()[detail::csv_newest_observation] = sc.newest_observation->to_string();
    if (sc.newest_source) rows.back()[detail::csv_newest_source] = sc.newest_source->to_string();
    for (const auto& g : sc.pillars)
        group_row("pillar", g);
    if (sc.unassigned) group_row("pillar", *sc.unassigned);

    for (const auto& t : sc.targets) {
        auto row = blank();
        row[0] = "target";
        row[1] = t.id;
        row[2] = t.title;
        row[3] = enum_text(t.pillar);
        row[4] = t.entity;
        row[5] = enum_text(t.status);
        row[6] = round_trip_number(t.score);
        row[16] = round_trip_number(t.progress);
        row[17] = round_trip_number(t.expected);
        row[18] = round_trip_number(t.ratio);
        if (t.latest) {
            row[19] = t.latest->date.to_string();
            row[20] = round_trip_number(t.latest->value);
        }
        if (t.baseline) {
            row[21] = t.baseline->date.to_string();
            row[22] = round_trip_number(t.baseline->value);
        }
        row[23] = enum_text(t.kind);
        row[24] = round_trip_number(t.target_value);
        row[25] = round_trip_number(t.upper);
        row[26] = round_trip_number(t.projected);
        row[27] = t.deadline.to_string();
        row[28] = std::to_string(t.days_to_deadline);
        row[30] = t.unit_label.value_or(enum_text(t.unit));
        detail::put_source(row, t.source);
        row[detail::csv_latest_out_of] = round_trip_number(t.latest_out_of);  // the size of a rank's ranking
        row[detail::csv_latest_age_days] = detail::int_text(t.latest_age_days);
        row[detail::csv_stale] = t.stale ? "true" : "false";
        row[detail::csv_status_source] = enum_text(t.status_source);
        row[detail::csv_computed_status] = enum_text(t.computed_status);
        if (t.manual_date) row[detail::csv_manual_date] = t.manual_date->to_string();
        row[detail::csv_manual_reason] = t.manual_reason.value_or("");
        row[detail::csv_method_source] = enum_text(t.method_source);
        row[detail::csv_breakdown] = breakdown_text(t.breakdown);  // "sex=female"; empty for the headline
        rows.push_back(std::move(row));
    }

    auto task_row = [&](const scorecard_task& t) {
        auto row = blank();
        row[0] = "task";
        row[1] = t.id;
        row[2] = t.title;
        row[4] = t.owner;
        row[5] = enum_text(t.state);
        row[27] = t.deadline.to_string();
        if (t.days_until_due) row[28] = std::to_string(*t.days_until_due);
        row[29] = detail::int_text(t.days_late);
        detail::put_source(row, t.source);
        rows.push_back(std::move(row));
    };
    for (const auto& t : sc.overdue_tasks)
        task_row(t);
    for (const auto& t : sc.due_soon_tasks)
        task_row(t);
    return write_csv(rows);
}

}  // namespace dxframe
