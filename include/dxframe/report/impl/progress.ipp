// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/progress.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <nlohmann/json.hpp>

#include <dxframe/io/csv.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/model/breakdown.hpp>
#include <dxframe/progress/progress_report.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/progress.hpp>

namespace dxframe {

namespace detail {

// For people: 4 significant digits, never in exponent notation, "—" when missing.
inline std::string progress_short_number(const std::optional<double>& v) {
    return significant_number(v, 4);
}

// Keys every object of render_json(progress_report) carries, null when they do not apply (the
// documented contract).
inline constexpr std::array<std::string_view, 11> progress_always_present = {
    "target", "indicator", "entity",    "status",   "progress",       "expected",
    "ratio",  "latest",    "projected", "deadline", "latest_age_days"};

// The status, then how it was reached when not by the run's method (in English, as the table).
inline std::string progress_status_text(const target_assessment& a) {
    const std::optional<std::string> reason =
        a.manual ? std::optional<std::string>(a.manual->reason.in(language::en)) : std::nullopt;
    const std::string origin = status_origin_text(a.status_source, reason, a.method_source, a.method, language::en);
    return enum_text(a.status) + (origin.empty() ? std::string() : " (" + origin + ")");
}

}  // namespace detail

DXFRAME_DECL std::string render_json(const progress_report& report) {
    using json = nlohmann::ordered_json;
    json array = json::array();
    for (const auto& a : report.assessments) {
        const json full = a;
        json object = json::object();
        // Rebuilt in declaration order so that keys filled with null keep their place.
        boost::mp11::mp_for_each<boost::describe::describe_members<target_assessment, boost::describe::mod_public>>(
            [&](auto member) {
                const std::string key = member.name;
                if (full.contains(key)) {
                    object[key] = full.at(key);
                } else {
                    for (const std::string_view k : detail::progress_always_present) {
                        if (k == key) object[key] = nullptr;
                    }
                }
            });
        array.push_back(std::move(object));
    }
    return array.dump(2) + "\n";
}

DXFRAME_DECL std::vector<std::string> progress_csv_columns() {
    return {"target",
            "indicator",
            "entity",
            "kind",
            "method",
            "status",
            "reason",
            "progress",
            "expected",
            "ratio",
            "latest_date",
            "latest_value",
            "baseline_date",
            "baseline_value",
            "target_value",
            "projected",
            "deadline",
            "as_of",
            "days_to_deadline",
            "observed_growth",
            "required_growth",
            "opensdg_score",
            "path_value",
            "path_gap",
            "message",
            "latest_out_of",
            "result_window_start",
            "latest_age_days",
            "stale",
            "status_source",
            "computed_status",
            "manual_date",
            "manual_reason",
            "method_source",
            "breakdown"};
}

DXFRAME_DECL std::string render_csv(const progress_report& report) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back(progress_csv_columns());
    for (const auto& a : report.assessments) {
        rows.push_back({a.target,
                        a.indicator,
                        a.entity,
                        enum_text(a.kind),
                        enum_text(a.method),
                        enum_text(a.status),
                        enum_text(a.reason),
                        full_precision_number(a.progress),
                        full_precision_number(a.expected),
                        full_precision_number(a.ratio),
                        a.latest ? a.latest->date.to_string() : "",
                        a.latest ? full_precision_number(a.latest->value) : "",
                        a.baseline ? a.baseline->date.to_string() : "",
                        a.baseline ? full_precision_number(a.baseline->value) : "",
                        full_precision_number(a.target_value),
                        full_precision_number(a.projected),
                        a.deadline.to_string(),
                        a.as_of.to_string(),
                        std::to_string(a.days_to_deadline),
                        full_precision_number(a.observed_growth),
                        full_precision_number(a.required_growth),
                        full_precision_number(a.opensdg_score),
                        full_precision_number(a.path_value),
                        full_precision_number(a.path_gap),
                        a.message.value_or(""),
                        full_precision_number(a.latest_out_of),
                        a.result_window_start.to_string(),
                        a.latest_age_days ? std::to_string(*a.latest_age_days) : "",
                        a.stale ? "true" : "false",
                        enum_text(a.status_source),
                        enum_text(a.computed_status),
                        a.manual ? a.manual->date.to_string() : "",
                        a.manual ? a.manual->reason.in(language::en) : "",
                        enum_text(a.method_source),
                        breakdown_text(a.breakdown)});
    }
    return write_csv(rows, "\n");
}

DXFRAME_DECL std::string render_markdown(const progress_report& report) {
    using detail::progress_short_number;
    const data_freshness& fresh = report.freshness;
    std::string out;
    out += "Progress as of " + report.as_of.to_string() + " (method: " + enum_text(report.method) + ")\n\n";
    out += "Newest observation: " + (fresh.newest_observation ? fresh.newest_observation->to_string() : "none");
    out += " · newest source published: " + (fresh.newest_source ? fresh.newest_source->to_string() : "none");
    out += " · stale: latest observation older than " + std::to_string(report.stale_after_months) + " months\n\n";
    out +=
        "| Target | Indicator | Entity | Status | Progress | Expected | Ratio | Latest | Data age | Projected "
        "| Deadline | Days left | Note |\n";
    out += "|---|---|---|---|---:|---:|---:|---|---|---:|---|---:|---|\n";
    for (const auto& a : report.assessments) {
        std::string latest(missing_mark);
        if (a.latest) {
            latest = progress_short_number(a.latest->value);
            if (a.latest_out_of) latest += " / " + progress_short_number(*a.latest_out_of);  // a rank in its ranking
            latest += " (" + a.latest->date.to_string() + ")";
        }
        std::string age(missing_mark);
        if (a.latest_age_days) age = std::to_string(*a.latest_age_days) + " days";
        if (a.stale) age += " **stale**";
        std::string note = a.message.value_or("");
        for (const auto& n : a.notes)
            note += (note.empty() ? "" : "; ") + n;
        // A target on a breakdown names it next to the indicator ("hr_share (sex=female)").
        const std::string indicator =
            a.breakdown.empty() ? a.indicator : a.indicator + " (" + breakdown_text(a.breakdown) + ")";
        out += "| " + markdown_escape(a.target) + " | " + markdown_escape(indicator) + " | " +
               markdown_escape(a.entity) + " | " + markdown_escape(detail::progress_status_text(a)) + " | " +
               progress_short_number(a.progress) + " | " + progress_short_number(a.expected) + " | " +
               progress_short_number(a.ratio) + " | " + latest + " | " + age + " | " +
               progress_short_number(a.projected) + " | " + a.deadline.to_string() + " | " +
               std::to_string(a.days_to_deadline) + " | " + markdown_escape(note) + " |\n";
    }
    return out;
}

}  // namespace dxframe
