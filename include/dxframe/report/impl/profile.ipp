// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/profile.hpp> (see <dxframe/config.hpp>: included by that header in
// header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <dxframe/io/csv.hpp>
#include <dxframe/report/audit_labels.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/html.hpp>
#include <dxframe/report/json.hpp>
#include <dxframe/report/profile.hpp>
#include <dxframe/report/svg.hpp>
#include <dxframe/version.hpp>

namespace dxframe {

DXFRAME_DECL std::string render_profile_csv(const unit_profile& profile) {
    std::string out = "kind,position,indicator,name,ancestor,rank,ranked,value\n";
    const auto rows = [&](const std::vector<profile_entry>& entries, const char* kind) {
        for (std::size_t k = 0; k < entries.size(); ++k) {
            const auto& e = entries[k];
            out += std::string(kind) + ',' + std::to_string(k + 1) + ',' + csv_field(e.indicator) + ',' +
                   csv_field(e.name) + ',' + csv_field(e.ancestor.value_or("")) + ',' + std::to_string(e.rank) + ',' +
                   std::to_string(e.ranked) + ',' + full_precision_number(e.value) + '\n';
        }
    };
    rows(profile.strengths, "strength");
    rows(profile.weaknesses, "weakness");
    return out;
}

DXFRAME_DECL std::string render_profile_json(const unit_profile& profile) {
    return render_report_json(profile);
}

DXFRAME_DECL std::string render_profile_markdown(const unit_profile& profile, const profile_report_options& options) {
    const language lang = options.lang;
    const auto L = [&](audit_label key) { return std::string(label(key, lang)); };
    const std::string who = options.unit_name.empty() ? profile.unit : options.unit_name;
    std::string md = "# " + L(audit_label::profile_title) + ": " + markdown_escape(who) + "\n\n" +
                     L(audit_label::profile_note) + "\n";
    const auto table = [&](const std::vector<profile_entry>& entries, audit_label heading) {
        md += "\n## " + L(heading) + "\n\n| # | " + L(audit_label::indicator) + " | " + L(audit_label::group) + " | " +
              L(audit_label::rank) + " | " + L(audit_label::value) + " |\n|--:|---|---|--:|--:|\n";
        for (std::size_t k = 0; k < entries.size(); ++k) {
            const auto& e = entries[k];
            md += "| " + std::to_string(k + 1) + " | " + markdown_escape(e.name.empty() ? e.indicator : e.name) +
                  " | " + markdown_escape(e.ancestor.value_or("")) + " | " + std::to_string(e.rank) + " " +
                  L(audit_label::of) + " " + std::to_string(e.ranked) + " | " + human_number(e.value, lang) + " |\n";
        }
    };
    table(profile.strengths, audit_label::strengths);
    table(profile.weaknesses, audit_label::weaknesses);
    for (const auto& d : profile.diagnostics)
        md += "\n> " + markdown_escape(d.message) + "\n";
    return md;
}

DXFRAME_DECL std::string render_profile_html(const unit_profile& profile, const profile_report_options& options) {
    const language lang = options.lang;
    const auto L = [&](audit_label key) { return html_escape(std::string(label(key, lang))); };
    const std::string who = options.unit_name.empty() ? profile.unit : options.unit_name;
    const std::string title = std::string(label(audit_label::profile_title, lang)) + ": " + who;
    std::string h =
        "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == language::vi ? "vi" : "en") + "\">\n<head>\n";
    h += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<meta name=\"generator\" content=\"dxframe " + html_escape(version_string) + "\">\n";
    h += "<title>" + html_escape(title) + "</title>\n<style>" + std::string(detail::report_stylesheet()) +
         ".scroll{overflow:auto;max-width:100%}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;"
         "white-space:nowrap}svg.rank-pos{max-width:none;vertical-align:middle}</style>\n</head>\n<body>\n";
    h += "<header class=\"top\"><div class=\"wrap\">\n<h1>" + html_escape(title) + "</h1>\n<p class=\"meta\">" +
         L(audit_label::profile_note) + "</p>\n</div></header>\n<main class=\"wrap\">\n";
    const auto section = [&](const std::vector<profile_entry>& entries, audit_label heading, const char* id,
                             const char* row_class, std::string_view color) {
        h += "<section id=\"" + std::string(id) + "\">\n<h2>" + L(heading) +
             "</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th class=\"num\">#</th><th>" +
             L(audit_label::indicator) + "</th><th>" + L(audit_label::group) + "</th><th class=\"num\">" +
             L(audit_label::rank) + "</th><th></th><th class=\"num\">" + L(audit_label::value) +
             "</th></tr></thead>\n<tbody>\n";
        for (std::size_t k = 0; k < entries.size(); ++k) {
            const auto& e = entries[k];
            const double w = 90;
            const double share = e.ranked > 1 ? static_cast<double>(e.rank - 1) / static_cast<double>(e.ranked - 1) : 0;
            std::string bar =
                detail::svg_open("rank-pos", w, 12, std::to_string(e.rank) + " / " + std::to_string(e.ranked));
            bar += detail::svg_rect("track", 0, 5, w, 2, "#d1d9e0");
            bar += detail::svg_rect("marker", share * (w - 6), 1, 6, 10, color);
            bar += "</svg>";
            h += "<tr class=\"" + std::string(row_class) + "\" data-indicator=\"" + html_escape(e.indicator) +
                 "\" data-rank=\"" + std::to_string(e.rank) + "\"><td class=\"num\">" + std::to_string(k + 1) +
                 "</td><td>" + html_escape(e.name.empty() ? e.indicator : e.name) + " <span class=\"sub\">" +
                 html_escape(e.indicator) + "</span></td><td>" + html_escape(e.ancestor.value_or("")) +
                 "</td><td class=\"num\">" + std::to_string(e.rank) + " " + L(audit_label::of) + " " +
                 std::to_string(e.ranked) + "</td><td>" + bar + "</td><td class=\"num\">" +
                 html_escape(human_number(e.value, lang)) + "</td></tr>\n";
        }
        h += "</tbody></table></div>\n</section>\n";
    };
    // Purple and orange of the audit's PuOr scale: distinct for the common colour-vision deficiencies.
    section(profile.strengths, audit_label::strengths, "strengths", "strength", "#542788");
    section(profile.weaknesses, audit_label::weaknesses, "weaknesses", "weakness", "#b35806");
    if (!profile.diagnostics.empty()) {
        h += "<section id=\"notes\">\n<h2>" + L(audit_label::diagnostics) + "</h2>\n<ul>\n";
        for (const auto& d : profile.diagnostics)
            h += "<li>" + html_escape(d.message) + "</li>\n";
        h += "</ul>\n</section>\n";
    }
    h += "</main>\n<footer class=\"wrap\">dxframe " + html_escape(version_string) + "</footer>\n</body>\n</html>\n";
    return h;
}

}  // namespace dxframe
