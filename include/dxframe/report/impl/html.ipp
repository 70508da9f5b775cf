// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/html.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/html.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/ranking.hpp>
#include <dxframe/report/svg.hpp>
#include <dxframe/report/text_width.hpp>
#include <dxframe/version.hpp>

namespace dxframe {

namespace detail {

inline constexpr std::string_view report_css = R"css(
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--brand:#0b4f8a;--brand2:#5b9bd5}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:#eef2f6;line-height:1.45;font-size:14px}
header.top{background:linear-gradient(135deg,#0b3d6b 0%,#0b4f8a 55%,#1f6fb5 100%);color:#fff;padding:28px 0 64px}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
.eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:12px;opacity:.85;margin:0 0 6px}
h1{font-size:30px;margin:0 0 4px;font-weight:700}
header .framework{font-size:16px;opacity:.95;margin:0}
header .meta{font-size:13px;opacity:.85;margin:10px 0 0}
main{margin-top:-44px;padding-bottom:32px}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 24px;margin:0 0 18px;box-shadow:0 1px 2px rgba(31,35,40,.06)}
h2{font-size:18px;margin:0 0 14px;color:#0b3d6b}
h3{font-size:15px;margin:22px 0 8px;display:flex;gap:10px;align-items:baseline}
h3 .pct{font-weight:600;color:var(--muted)}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(104px,1fr));gap:10px;margin:0 0 16px}
.kpi{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:var(--soft);border-top:4px solid var(--brand2)}
.kpi .v{font-size:24px;font-weight:700;line-height:1.1}
.kpi .l{font-size:12px;color:var(--muted)}
.kpi.main{border-top-color:var(--brand);background:#fff}
.kpi.main .v{font-size:32px;color:var(--brand)}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin:8px 0 0;font-size:12px;color:var(--muted);padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:6px}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px}
.note{font-size:12px;color:var(--muted);margin:10px 0 0}
table{border-collapse:collapse;width:100%;font-size:13px}
th{text-align:left;font-weight:600;color:var(--muted);font-size:12px;border-bottom:2px solid var(--line);padding:6px 8px;white-space:nowrap}
td{border-bottom:1px solid #eaeef2;padding:6px 8px;vertical-align:middle}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.z{color:#c0c7cf}
tbody tr:nth-child(even){background:#fafbfc}
.pill{display:inline-block;padding:1px 8px;border-radius:999px;font-size:11.5px;font-weight:600;white-space:nowrap;color:#fff}
.pill.status-achieved{background:#1a7f37}
.pill.manual{background-image:repeating-linear-gradient(135deg,rgba(255,255,255,.38) 0 3px,transparent 3px 7px);outline:1px dashed #1f2328;outline-offset:1px}
.status-origin{font-style:italic}
.pill.status-on_track{background:#54b06f}
.pill.status-needs_acceleration{background:#d4a72c;color:#1f2328}
.pill.status-limited_progress{background:#e16f24}
.pill.status-deterioration{background:#cf222e}
.pill.status-overdue{background:#82071e}
.pill.status-unreported{background:#8250df}
.pill.status-insufficient_data{background:#afb8c1;color:#1f2328}
.pill.status-no_data{background:#eaeef2;color:#1f2328;border:1px solid #d0d7de}
.stale-mark{display:inline-block;margin-left:4px;padding:0 5px;border-radius:4px;font-size:10.5px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;background:#fff1c2;color:#7d4e00;border:1px solid #d4a72c;white-space:nowrap}
tr.stale .data-age{color:#7d4e00}
.no-target{color:var(--muted);font-style:italic}
.pill.task-overdue{background:#82071e}
.pill.task-due_soon{background:#d4a72c;color:#1f2328}
.title{font-weight:500}
.sub{display:block;font-size:11.5px;color:var(--muted)}
.sub a{color:var(--muted)}
.days{font-size:11.5px;color:var(--muted);display:block;white-space:nowrap}
.unit{font-size:11.5px;color:var(--muted);display:block}
td.d{white-space:nowrap}
.late{color:#82071e;font-weight:600}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:14px}
figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px;background:#fff}
figcaption{font-size:12.5px;margin:0 0 6px;font-weight:600}
figcaption .sub{font-weight:400}
svg{max-width:100%;height:auto;display:block}
td svg{display:inline-block;vertical-align:middle}
svg.progress{width:150px;min-width:150px;max-width:none}
.empty{color:var(--muted)}
footer{font-size:12px;color:var(--muted);padding:0 0 32px}
a{color:#0b4f8a}
@media print{body{background:#fff}header.top{padding:12px 0}main{margin-top:0}section{break-inside:avoid;box-shadow:none}}
)css";

DXFRAME_DECL std::string_view report_stylesheet() {
    return report_css;
}

inline std::string html_source(const std::optional<source>& s, language lang) {
    if (!s) return {};
    std::string ref = html_escape(s->reference);
    if (s->url && (s->url->rfind("https://", 0) == 0 || s->url->rfind("http://", 0) == 0)) {
        ref = "<a href=\"" + html_escape(*s->url) + "\" rel=\"noopener noreferrer\">" + ref + "</a>";
    }
    if (s->confidence && *s->confidence != confidence_level::verified) {
        ref += " (" + html_escape(std::string(confidence_label(*s->confidence, lang))) + ")";
    }
    return ref;
}

inline std::string html_pill(target_status s, language lang) {
    return "<span class=\"pill " + status_class(s) + "\">" + html_escape(std::string(status_label(s, lang))) +
           "</span>";
}

inline std::string html_days(std::int64_t days, language lang) {
    if (days == 0) return lang == language::vi ? "hôm nay" : "today";
    if (days > 0)
        return lang == language::vi ? "còn " + std::to_string(days) + " ngày" : "in " + std::to_string(days) + " days";
    return lang == language::vi ? "quá " + std::to_string(-days) + " ngày" : std::to_string(-days) + " days ago";
}

// The latest value, then the date and age of its observation, then a stale mark when it is stale.
inline std::string html_latest(const scorecard_target& t, language lang) {
    if (!t.latest) return "<span class=\"empty\">" + std::string(missing_mark) + "</span>";
    std::string out =
        html_escape(human_value_in_ranking(t.latest->value, t.latest_out_of, t.unit, t.unit_suffix, lang)) +
        "<span class=\"days data-date\">" + html_escape(human_date(t.latest->date, lang)) + "</span>";
    if (t.latest_age_days) {
        out += "<span class=\"days data-age\">" + html_escape(age_phrase(*t.latest_age_days, lang));
        if (t.stale) {
            out +=
                "<span class=\"stale-mark\">" + html_escape(std::string(label(report_label::stale, lang))) + "</span>";
        }
        out += "</span>";
    }
    return out;
}

inline std::string html_target(const scorecard_target& t, language lang) {
    std::string out =
        html_escape(target_expression(t.kind, t.target_value, t.upper, t.direction, t.unit, t.unit_suffix, lang));
    if (t.unit_label && display_width(*t.unit_label) > 4)
        out += "<span class=\"unit\">" + html_escape(*t.unit_label) + "</span>";
    return out;
}

inline std::string html_target_row(const scorecard_target& t, language lang) {
    std::string row =
        "<tr class=\"target-row " + status_class(t.status) + std::string(t.stale ? " stale" : "") +
        "\" data-target=\"" + html_escape(t.id) + "\"" +
        (t.latest_age_days ? " data-age-days=\"" + std::to_string(*t.latest_age_days) + "\"" : std::string()) + ">";
    if (t.status_source == status_origin::manual) {
        // Set by hand: a hatched chip, and the reason in the row (never shown as computed).
        row += "<td><span class=\"pill manual " + status_class(t.status) + "\" title=\"" +
               html_escape(std::string(label(status_source_label::manual, lang))) + "\">" +
               html_escape(std::string(status_label(t.status, lang))) + "</span></td>";
    } else {
        row += "<td>" + html_pill(t.status, lang) + "</td>";
    }
    row += "<td><span class=\"title\">" + html_escape(t.title) + "</span><span class=\"sub\">";
    if (!t.breakdown.empty()) {
        row += "<span class=\"breakdown\">" + html_escape(std::string(label(breakdown_word::target_breakdown, lang))) +
               ": " + html_escape(t.breakdown_label) + "</span> \u00b7 ";
    }
    if (t.indicator_name != t.title) row += html_escape(t.indicator_name) + " \u00b7 ";
    row += html_source(t.source, lang);
    if (!is_judgement(t.status) && t.message) row += " \u00b7 " + html_escape(*t.message);
    const std::string origin = status_origin_text(t.status_source, t.manual_reason, t.method_source, t.method, lang);
    if (!origin.empty()) row += " \u00b7 <span class=\"status-origin\">" + html_escape(origin) + "</span>";
    row += "</span></td>";
    row += "<td>" + svg_progress_bar(t, lang) + "</td>";
    row += "<td class=\"n\">" + percent(t.score) + "</td>";
    row += "<td class=\"n\">" + html_latest(t, lang) + "</td>";
    row += "<td class=\"n\">" + html_target(t, lang) + "</td>";
    row += "<td class=\"d\">" + html_escape(human_date(t.deadline, lang)) + "<span class=\"days" +
           std::string(t.days_to_deadline < 0 && t.status != target_status::achieved ? " late" : "") + "\">" +
           html_escape(html_days(t.days_to_deadline, lang)) + "</span></td>";
    row += "</tr>\n";
    return row;
}

inline std::string html_target_head(language lang) {
    const auto th = [&](report_label k, bool n = false) {
        return std::string(n ? "<th class=\"n\">" : "<th>") + html_escape(std::string(label(k, lang))) + "</th>";
    };
    return "<thead><tr>" + th(report_label::status) + th(report_label::target) + th(report_label::progress) +
           th(report_label::score, true) + th(report_label::latest, true) + th(report_label::target_value, true) +
           th(report_label::deadline) + "</tr></thead>\n";
}

}  // namespace detail

DXFRAME_DECL std::string render_html(const scorecard& sc, const html_options& options) {
    const language lang = sc.lang;
    const auto L = [&](auto k) { return html_escape(std::string(label(k, lang))); };
    std::string h;
    h.reserve(std::size_t{256} * 1024);
    const std::string page_title = std::string(label(report_label::scorecard_title, lang)) +
                                   (sc.entity_name.empty() ? std::string() : " \u2014 " + sc.entity_name);
    h += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == language::vi ? "vi" : "en") + "\">\n<head>\n";
    h += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<meta name=\"generator\" content=\"dxframe " + html_escape(version_string) + "\">\n";
    h += "<title>" + html_escape(page_title) + " \u00b7 " + html_escape(human_date(sc.as_of, lang)) + "</title>\n";
    h += "<style>" + std::string(detail::report_css) + "</style>\n</head>\n<body>\n";

    // Header.
    h += "<header class=\"top\"><div class=\"wrap\">\n";
    h += "<p class=\"eyebrow\">" + L(report_label::scorecard_title) + "</p>\n";
    h += "<h1>" + html_escape(sc.entity_name.empty() ? sc.framework_name : sc.entity_name) + "</h1>\n";
    if (!sc.framework_name.empty()) h += "<p class=\"framework\">" + html_escape(sc.framework_name) + "</p>\n";
    h += "<p class=\"meta\">" + L(report_label::as_of) + " <strong>" + html_escape(human_date(sc.as_of, lang)) +
         "</strong> \u00b7 " + L(report_label::method) + ": " +
         html_escape(std::string(method_label(sc.method, lang))) + "</p>\n";
    h += "<p class=\"meta freshness\">" + L(freshness_label::newest_observation) +
         " <strong class=\"newest-observation\">" + html_escape(human_date(sc.newest_observation, lang)) +
         "</strong> \u00b7 " + L(freshness_label::newest_source) + " <strong class=\"newest-source\">" +
         html_escape(human_date(sc.newest_source, lang)) + "</strong> \u00b7 " + "<span class=\"stale-mark\">" +
         L(report_label::stale) + "</span> " + (lang == language::vi ? "số liệu quá " : "data older than ") +
         std::to_string(sc.stale_after_months) + " " + L(freshness_label::months) +
         "</p>\n</div></header>\n<main class=\"wrap\">\n";

    // Summary.
    h += "<section id=\"summary\">\n<h2>" + L(report_label::overall) + "</h2>\n<div class=\"kpis\">\n";
    h += "<div class=\"kpi main\"><div class=\"v\">" + percent(sc.overall.score) + "</div><div class=\"l\">" +
         L(report_label::score) + "</div></div>\n";
    h += "<div class=\"kpi\"><div class=\"v\">" + std::to_string(sc.overall.targets) + "</div><div class=\"l\">" +
         L(report_label::targets) + "</div></div>\n";
    {
        const status_counts& n = sc.overall.counts;
        for (std::size_t k = 0; k < target_status_count; ++k) {
            const auto s = static_cast<target_status>(k);
            h += "<div class=\"kpi kpi-status " + status_class(s) +
                 "\" style=\"border-top-color:" + std::string(status_color(s)) + "\"><div class=\"v\">" +
                 std::to_string(n.of(s)) + "</div><div class=\"l\">" + html_escape(std::string(status_label(s, lang))) +
                 "</div></div>\n";
        }
    }
    if (sc.overall.manual > 0) {
        // Statuses set by hand are not in the computed counts: one figure of their own.
        h += "<div class=\"kpi kpi-manual\"><div class=\"v\">" + std::to_string(sc.overall.manual) +
             "</div><div class=\"l\">" + L(status_source_label::manual) + "</div></div>\n";
    }
    h += "</div>\n" + svg_status_mix(sc.overall.counts, lang, 1070, 24) + "\n<ul class=\"legend\">";
    for (std::size_t k = 0; k < target_status_count; ++k) {
        const auto s = static_cast<target_status>(k);
        h += "<li><span class=\"sw\" style=\"background:" + std::string(status_color(s)) + "\"></span>" +
             html_escape(std::string(status_label(s, lang))) + "</li>";
    }
    h += "</ul>\n<p class=\"note\">" + L(report_label::method_note) + "</p>\n</section>\n";

    // Pillars.
    std::vector<const scorecard_group*> groups;
    for (const auto& g : sc.pillars)
        groups.push_back(&g);
    if (sc.unassigned) groups.push_back(&*sc.unassigned);
    h += "<section id=\"pillars\">\n<h2>" + L(report_label::pillar_scores) + "</h2>\n";
    h += svg_pillar_scores(sc, 1070) + "\n";
    h += "<ul class=\"legend\"><li><span class=\"sw\" style=\"background:#5b9bd5\"></span>" +
         L(report_label::foundation) + "</li><li><span class=\"sw\" style=\"background:#0b4f8a\"></span>" +
         L(report_label::pillar_proper) + "</li></ul>\n";
    h += "<table class=\"pillars\">\n<thead><tr><th>" + L(report_label::pillar) + "</th><th class=\"n\">" +
         L(report_label::score) + "</th><th class=\"n\">" + L(report_label::targets) + "</th>";
    for (std::size_t k = 0; k < target_status_count; ++k) {
        const auto s = static_cast<target_status>(k);
        h += "<th class=\"n\" title=\"" + html_escape(std::string(status_label(s, lang))) +
             "\"><span class=\"sw\" style=\"background:" + std::string(status_color(s)) + "\"></span> " +
             html_escape(std::string(status_abbreviation(s, lang))) + "</th>";
    }
    h += "<th>" + L(report_label::next_deadlines) + "</th></tr></thead>\n<tbody>\n";
    for (const scorecard_group* g : groups) {
        const status_counts& n = g->counts;
        h += "<tr class=\"pillar-row\" data-targets=\"" + std::to_string(g->targets) + "\" data-pillar=\"" +
             html_escape(g->id) + "\"><td><span class=\"title\">" + html_escape(g->name) +
             "</span><span class=\"sub\">" +
             L(g->pillar ? (g->foundation ? report_label::foundation : report_label::pillar_proper)
                         : report_label::no_pillar) +
             "</span></td>";
        if (g->targets == 0) {
            // No row of zeros: the sources set no target for this pillar.
            h += "<td class=\"no-target\" colspan=\"" + std::to_string(2 + target_status_count) + "\">" +
                 L(report_label::no_target_set) + "</td>";
        } else {
            h += "<td class=\"n\"><strong>" + percent(g->score) + "</strong></td><td class=\"n\">" +
                 std::to_string(g->targets) + "</td>";
            for (std::size_t k = 0; k < target_status_count; ++k) {
                const auto st = static_cast<target_status>(k);
                h += "<td class=\"n" + std::string(n.of(st) == 0 ? " z" : "") + " " + status_class(st) + "\">" +
                     std::to_string(n.of(st)) + "</td>";
            }
        }
        h += "<td>";
        if (!g->next_deadlines.empty()) {
            if (const scorecard_target* t = find_target(sc, g->next_deadlines.front())) {
                h += html_escape(human_date(t->deadline, lang)) + "<span class=\"sub\">" +
                     html_escape(truncate_to_width(t->title, 60)) + "</span>";
            }
        } else {
            h += "<span class=\"empty\">" + std::string(missing_mark) + "</span>";
        }
        h += "</td></tr>\n";
    }
    h += "</tbody></table>\n</section>\n";

    // Off track and overdue.
    h += "<section id=\"off-track\">\n<h2>" + L(report_label::off_track) + " (" +
         std::to_string(sc.overall.off_track.size()) + ")</h2>\n";
    if (sc.overall.off_track.empty()) {
        h += "<p class=\"empty\">" + L(report_label::none) + "</p>\n";
    } else {
        h += "<table class=\"targets\">\n" + detail::html_target_head(lang) + "<tbody>\n";
        for (const auto& id : sc.overall.off_track) {
            if (const scorecard_target* t = find_target(sc, id)) h += detail::html_target_row(*t, lang);
        }
        h += "</tbody></table>\n";
    }
    h += "</section>\n";

    // Next deadlines.
    h += "<section id=\"next-deadlines\">\n<h2>" + L(report_label::next_deadlines) + "</h2>\n";
    if (sc.overall.next_deadlines.empty()) {
        h += "<p class=\"empty\">" + L(report_label::none) + "</p>\n";
    } else {
        h += "<table class=\"targets\">\n" + detail::html_target_head(lang) + "<tbody>\n";
        for (const auto& id : sc.overall.next_deadlines) {
            if (const scorecard_target* t = find_target(sc, id)) h += detail::html_target_row(*t, lang);
        }
        h += "</tbody></table>\n";
    }
    h += "</section>\n";

    // Every target, by pillar.
    h += "<section id=\"targets\">\n<h2>" + L(report_label::all_targets) + " (" + std::to_string(sc.targets.size()) +
         ")</h2>\n";
    for (const scorecard_group* g : groups) {
        std::vector<const scorecard_target*> members;
        for (const auto& t : sc.targets) {
            if (g->pillar ? t.pillar == g->pillar : !t.pillar) members.push_back(&t);
        }
        if (members.empty()) continue;
        std::stable_sort(members.begin(), members.end(), [](const scorecard_target* a, const scorecard_target* b) {
            if (attention_rank(a->status) != attention_rank(b->status)) {
                return attention_rank(a->status) > attention_rank(b->status);
            }
            return a->deadline < b->deadline;
        });
        h += "<h3 data-pillar=\"" + html_escape(g->id) + "\">" + html_escape(g->name) + " <span class=\"pct\">" +
             percent(g->score) + "</span></h3>\n<table class=\"targets\">\n" + detail::html_target_head(lang) +
             "<tbody>\n";
        for (const scorecard_target* t : members)
            h += detail::html_target_row(*t, lang);
        h += "</tbody></table>\n";
    }
    h += "</section>\n";

    // Trajectories: one chart per indicator with observations, for the target whose deadline
    // comes first among those not yet achieved (else the first target on it).
    if (options.trajectories) {
        std::vector<const scorecard_target*> charts;
        std::map<std::string, std::size_t> chosen;
        for (const auto& t : sc.targets) {
            if (t.series.empty()) continue;
            const auto it = chosen.find(t.indicator);
            if (it == chosen.end()) {
                chosen.emplace(t.indicator, charts.size());
                charts.push_back(&t);
                continue;
            }
            const scorecard_target*& cur = charts[it->second];
            const bool cur_open = cur->status != target_status::achieved && cur->days_to_deadline >= 0;
            const bool t_open = t.status != target_status::achieved && t.days_to_deadline >= 0;
            if (t_open && (!cur_open || t.deadline < cur->deadline)) cur = &t;
        }
        h += "<section id=\"trajectories\">\n<h2>" + L(report_label::trajectories) + " (" +
             std::to_string(charts.size()) + ")</h2>\n";
        h += "<ul class=\"legend\"><li><span class=\"sw\" style=\"background:#1a7f37\"></span>" +
             L(report_label::observations) + "</li><li><span class=\"sw\" style=\"background:#57606a\"></span>" +
             L(report_label::path_to_target) + "</li><li><span class=\"sw\" style=\"background:#cf222e\"></span>" +
             L(report_label::deadline) + "</li></ul>\n<div class=\"grid\">\n";
        for (const scorecard_target* t : charts) {
            h += "<figure class=\"trajectory-figure\" data-indicator=\"" + html_escape(t->indicator) +
                 "\"><figcaption>" + html_escape(t->indicator_name) + " " + detail::html_pill(t->status, lang) +
                 "<span class=\"sub\">" + html_escape(t->title) + "</span></figcaption>" +
                 svg_trajectory(*t, sc.as_of, lang) + "</figure>\n";
        }
        h += "</div>\n</section>\n";
        // Breakdowns: small multiples of grouped bars, one per target with breakdowns.
        std::string multiples;
        std::size_t shown = 0;
        for (const auto& t : sc.targets) {
            if (t.breakdowns.empty()) continue;
            ++shown;
            multiples += "<figure class=\"breakdown-figure\" data-target=\"" + html_escape(t.id) + "\"><figcaption>" +
                         html_escape(t.title) + " " + detail::html_pill(t.status, lang) + "<span class=\"sub\">" +
                         html_escape(t.breakdown.empty() ? t.indicator_name : t.breakdown_label) +
                         "</span></figcaption>" + svg_breakdowns(t, lang) + "</figure>\n";
        }
        if (shown > 0) {
            h += "<section id=\"breakdowns\">\n<h2>" +
                 html_escape(std::string(label(breakdown_word::by_breakdown, lang))) + " (" + std::to_string(shown) +
                 ")</h2>\n<div class=\"grid\">\n" + multiples + "</div>\n</section>\n";
        }
    }

    // Ranking.
    const std::optional<ranking>& rank = options.extra_ranking ? options.extra_ranking : sc.ranking;
    if (options.ranking && rank && !rank->entries.empty()) {
        h += "<section id=\"ranking\">\n<h2>" + L(report_label::ranking) + ": " + html_escape(rank->title) +
             (rank->date ? " (" + html_escape(human_date(*rank->date, lang)) + ")" : std::string()) + "</h2>\n";
        h += svg_ranking(*rank, lang, 1070) + "\n</section>\n";
    }

    // Tasks.
    h += "<section id=\"tasks\">\n<h2>" + L(report_label::tasks) + "</h2>\n";
    const auto task_table = [&](report_label heading, const std::vector<scorecard_task>& list, bool late) {
        h += "<h3>" + L(heading) + " (" + std::to_string(list.size()) + ")</h3>\n";
        if (list.empty()) {
            h += "<p class=\"empty\">" + L(report_label::none) + "</p>\n";
            return;
        }
        h += "<table class=\"tasks\">\n<thead><tr><th>" + L(report_label::status) + "</th><th>" +
             L(report_label::task) + "</th><th>" + L(report_label::owner) + "</th><th>" + L(report_label::deadline) +
             "</th></tr></thead>\n<tbody>\n";
        for (const auto& t : list) {
            const std::string state = boost::describe::enum_to_string(t.state, "");
            h += "<tr class=\"task-row task-" + state + "\" data-task=\"" + html_escape(t.id) +
                 "\"><td><span class=\"pill task-" + state + "\">" +
                 html_escape(std::string(task_state_label(t.state, lang))) + "</span></td><td><span class=\"title\">" +
                 html_escape(t.title) + "</span><span class=\"sub\">" + detail::html_source(t.source, lang) +
                 "</span></td><td>" + html_escape(t.owner_name) + "</td><td>" +
                 html_escape(human_date(t.deadline, lang)) + "<span class=\"days" + std::string(late ? " late" : "") +
                 "\">" +
                 html_escape(detail::html_days(late ? -t.days_late.value_or(0) : t.days_until_due.value_or(0), lang)) +
                 "</span></td></tr>\n";
        }
        h += "</tbody></table>\n";
    };
    task_table(report_label::overdue_tasks, sc.overdue_tasks, true);
    task_table(report_label::due_soon_tasks, sc.due_soon_tasks, false);
    h += "</section>\n";

    // Footer: sources.
    const auto conf = [&](const confidence_counts& c) {
        return std::to_string(c.verified) + " " +
               html_escape(std::string(confidence_label(confidence_level::verified, lang))) + ", " +
               std::to_string(c.secondary) + " " +
               html_escape(std::string(confidence_label(confidence_level::secondary, lang))) + ", " +
               std::to_string(c.unverified) + " " +
               html_escape(std::string(confidence_label(confidence_level::unverified, lang))) +
               (c.not_stated + c.no_source > 0 ? ", " + std::to_string(c.not_stated + c.no_source) + " " +
                                                     (lang == language::vi ? "không ghi" : "not stated")
                                               : std::string());
    };
    h += "</main>\n<footer class=\"wrap\"><p><strong>" + L(report_label::sources) + ".</strong> " +
         L(report_label::targets) + ": " + conf(sc.target_sources) + ". " + L(report_label::observations) + ": " +
         conf(sc.observation_sources) + ".</p><p>" + L(report_label::generated_by) + " " + html_escape(version_string) +
         " \u00b7 " + html_escape(sc.framework) + " \u00b7 " + html_escape(sc.as_of.to_string()) +
         "</p></footer>\n</body>\n</html>\n";
    return h;
}

}  // namespace dxframe
