// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/audit_html.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/report/audit.hpp>
#include <dxframe/report/audit_html.hpp>
#include <dxframe/report/audit_labels.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/html.hpp>
#include <dxframe/report/impl/audit.ipp>  // detail::audit_p_text
#include <dxframe/report/svg.hpp>
#include <dxframe/version.hpp>

namespace dxframe {

namespace detail {

// What the audit page adds to the report style sheet: the scrolling boxes, the heat map at its
// natural size, the tables' numbers, the outlier mark.
inline constexpr std::string_view audit_css = R"css(
.scroll{overflow:auto;max-width:100%;border:1px solid var(--line);border-radius:8px;max-height:80vh}
.scroll svg.heatmap{max-width:none;display:block}
svg.legend{max-width:100%}
.scroll table{width:auto;min-width:100%;font-size:12.5px}
.scroll th{position:sticky;top:0;z-index:1;background:#fff;box-shadow:0 1px 0 var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.out td.flag{color:#b35806;font-weight:700}
td.na{color:#8c959f;text-align:center}
@media (max-width:640px){.wrap{padding:0 10px}section{padding:14px 12px}h1{font-size:24px}}
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}.scroll{overflow:visible;max-height:none;border:0}.scroll th{position:static}}
)css";

// ColorBrewer PuOr, 11 classes, negative (orange) to positive (purple).
inline constexpr std::string_view puor[11] = {"#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7",
                                              "#d8daeb", "#b2abd2", "#8073ac", "#542788", "#2d004b"};

inline std::string audit_html_cell(const std::string& cls, const std::string& text) {
    return "<td class=\"" + cls + "\">" + text + "</td>";
}

}  // namespace detail

DXFRAME_DECL std::string_view correlation_color(double r) noexcept {
    if (!std::isfinite(r)) return "#d0d7de";
    const double clamped = std::max(-1.0, std::min(1.0, r));
    const auto k = static_cast<std::size_t>(std::lround((clamped + 1.0) * 5.0));
    return detail::puor[std::min<std::size_t>(k, 10)];
}

DXFRAME_DECL std::string svg_correlation_heatmap(const audit_result& audit, language lang, double cell) {
    using detail::svg_num;
    const auto& ids = audit.indicators.ids;
    const std::size_t k = ids.size();
    std::size_t longest = 1;
    for (const auto& id : ids)
        longest = std::max(longest, id.size());
    const double margin = std::min(160.0, 7.0 * static_cast<double>(longest) + 10.0);
    const double size = margin + cell * static_cast<double>(k) + 2.0;
    std::string svg = detail::svg_open("heatmap", size, size, std::string(label(audit_label::correlations, lang)));
    for (std::size_t i = 0; i < k; ++i) {
        const double at = margin + cell * (static_cast<double>(i) + 0.5);
        svg += detail::svg_text("row-id", margin - 4, at + 4, ids[i], "end", 10);
        svg += detail::svg_text("col-id", at + 4, margin - 4, ids[i], "start", 10, "#24292f",
                                "transform=\"rotate(-90 " + svg_num(at + 4) + " " + svg_num(margin - 4) + ")\"");
    }
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            const auto& c = audit.indicators.at(i, j);
            std::string cls = "cell";
            std::string extra =
                "data-first=\"" + html_escape(ids[i]) + "\" data-second=\"" + html_escape(ids[j]) + "\"";
            std::string tip = ids[i] + " \u00d7 " + ids[j] + ": r = ";
            if (!c.r) {
                cls += " na";
                tip += std::string(missing_mark);
            } else {
                extra += " data-r=\"" + full_precision_number(*c.r) + "\"";
                tip += human_number(*c.r, lang) + ", p = " + detail::audit_p_text(c.p, lang);
                if (c.p && *c.p > audit.options.significance) {
                    cls += " ns";
                    extra += " fill-opacity=\"0.35\"";
                }
            }
            tip += ", n = " + std::to_string(c.n);
            svg += detail::svg_rect(cls, margin + cell * static_cast<double>(j), margin + cell * static_cast<double>(i),
                                    cell, cell, c.r ? correlation_color(*c.r) : correlation_color(std::nan("")), extra,
                                    tip);
        }
    }
    const double end = margin + cell * static_cast<double>(k);
    for (std::size_t i = 1; i < k; ++i) {
        if (audit.columns.size() < k || audit.columns[i].parent == audit.columns[i - 1].parent) continue;
        const double at = margin + cell * static_cast<double>(i);
        svg += detail::svg_line("group-edge", at, margin, at, end, "#1f2328", 1.2);
        svg += detail::svg_line("group-edge", margin, at, end, at, "#1f2328", 1.2);
    }
    return svg + "</svg>";
}

namespace detail {

// The colour legend: the 11 classes from −1 to 1 with their ends and middle labelled.
inline std::string audit_legend(language lang) {
    const double w = 22;
    std::string svg = svg_open("legend", 11 * w + 40, 34, std::string(label(audit_label::heatmap_note, lang)));
    for (std::size_t k = 0; k < 11; ++k)
        svg += svg_rect("key", 20 + w * static_cast<double>(k), 0, w, 14, puor[k]);
    svg += svg_text("tick", 20, 28, human_number(-1.0, lang), "middle", 11);
    svg += svg_text("tick", 20 + 5.5 * w, 28, "0", "middle", 11);
    svg += svg_text("tick", 20 + 11 * w, 28, human_number(1.0, lang), "middle", 11);
    return svg + "</svg>";
}

}  // namespace detail

DXFRAME_DECL std::string render_audit_html(const audit_result& audit, const audit_report_options& options) {
    const language lang = options.lang;
    const auto L = [&](audit_label key) { return html_escape(std::string(label(key, lang))); };
    const auto num = [&](const std::optional<double>& v) {
        return detail::audit_html_cell(v ? "num" : "num na", html_escape(human_number(v, lang)));
    };
    const auto th = [](const std::string& text, bool numeric = false) {
        return std::string(numeric ? "<th class=\"num\">" : "<th>") + text + "</th>";
    };
    const std::string title = std::string(label(audit_label::audit_title, lang));
    std::string h =
        "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == language::vi ? "vi" : "en") + "\">\n<head>\n";
    h += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<meta name=\"generator\" content=\"dxframe " + html_escape(version_string) + "\">\n";
    h += "<title>" + html_escape(title) + "</title>\n<style>" + std::string(detail::report_stylesheet()) +
         std::string(detail::audit_css) + "</style>\n</head>\n<body>\n";
    h += "<header class=\"top\"><div class=\"wrap\">\n<h1>" + html_escape(title) + "</h1>\n";
    if (!options.dataset.empty()) h += "<p class=\"meta\">" + html_escape(options.dataset) + "</p>\n";
    h += "</div></header>\n<main class=\"wrap\">\n";

    h += "<section id=\"heatmap\">\n<h2>" + L(audit_label::correlations) + "</h2>\n<div class=\"scroll\">" +
         svg_correlation_heatmap(audit, lang) + "</div>\n" + detail::audit_legend(lang) + "\n<p class=\"note\">" +
         L(audit_label::heatmap_note) + "</p>\n</section>\n";

    h += "<section id=\"statistics\">\n<h2>" + L(audit_label::statistics) +
         "</h2>\n<div class=\"scroll\"><table class=\"stats\">\n<thead><tr>" + th(L(audit_label::indicator)) +
         th(L(audit_label::n), true) + th(L(audit_label::missing), true) + th(L(audit_label::mean), true) +
         th(L(audit_label::sd), true) + th(L(audit_label::min), true) + th(L(audit_label::max), true) +
         th(L(audit_label::skewness), true) + th(L(audit_label::kurtosis), true) + th(L(audit_label::outlier)) +
         "</tr></thead>\n<tbody>\n";
    for (const auto& c : audit.columns) {
        const auto& s = c.statistics;
        h += "<tr class=\"stat-row" + std::string(c.outlier_flag ? " out" : "") + "\" data-id=\"" + html_escape(c.id) +
             "\"><td title=\"" + html_escape(c.name) + "\">" + html_escape(c.id) + "</td>" +
             detail::audit_html_cell("num", std::to_string(s.n)) +
             detail::audit_html_cell("num", std::to_string(s.missing)) + num(s.mean) + num(s.sd) + num(s.min) +
             num(s.max) + num(s.skewness) + num(s.kurtosis) +
             detail::audit_html_cell("flag", c.outlier_flag ? "\u26a0" : "") + "</tr>\n";
    }
    h += "</tbody></table></div>\n<p class=\"note\">" + L(audit_label::statistics_note) + "</p>\n</section>\n";

    h += "<section id=\"flags\">\n<h2>" + L(audit_label::flags) + "</h2>\n<p class=\"note\">" +
         L(audit_label::flags_note) + "</p>\n";
    if (audit.flags.empty()) {
        h += "<p>" + L(audit_label::no_flags) + "</p>\n";
    } else {
        h += "<div class=\"scroll\"><table class=\"flags\">\n<thead><tr>" + th(L(audit_label::group)) +
             th(L(audit_label::indicator)) + th(L(audit_label::indicator)) + th("r", true) + th("") +
             "</tr></thead>\n<tbody>\n";
        for (const auto& f : audit.flags)
            h += "<tr><td>" + html_escape(f.group) + "</td><td>" + html_escape(f.first) + "</td><td>" +
                 html_escape(f.second) + "</td>" + num(f.r) + "<td>" +
                 L(f.high ? audit_label::high : audit_label::low) + "</td></tr>\n";
        h += "</tbody></table></div>\n";
    }
    h += "</section>\n";

    if (!audit.family.empty()) {
        h += "<section id=\"family\">\n<h2>" + L(audit_label::family) +
             "</h2>\n<div class=\"scroll\"><table class=\"family\">\n<thead><tr>" + th(L(audit_label::indicator)) +
             th(L(audit_label::ancestor)) + th(L(audit_label::level), true) + th("r", true) + th("p", true) +
             th("n", true) + "</tr></thead>\n<tbody>\n";
        for (const auto& f : audit.family)
            h += "<tr><td>" + html_escape(f.element) + "</td><td>" + html_escape(f.ancestor) + "</td>" +
                 detail::audit_html_cell("num", std::to_string(f.ancestor_level)) + num(f.value.r) +
                 detail::audit_html_cell("num", html_escape(detail::audit_p_text(f.value.p, lang))) +
                 detail::audit_html_cell("num", std::to_string(f.value.n)) + "</tr>\n";
        h += "</tbody></table></div>\n</section>\n";
    }

    h += "<section id=\"groups\">\n<h2>" + L(audit_label::groups) +
         "</h2>\n<div class=\"scroll\"><table class=\"groups\">\n<thead><tr>" + th(L(audit_label::group)) +
         th(L(audit_label::alpha), true) + th(L(audit_label::first_share), true) +
         th(L(audit_label::complete_rows), true) + th(L(audit_label::loadings)) + "</tr></thead>\n<tbody>\n";
    for (const auto& g : audit.groups) {
        std::string loadings;
        for (std::size_t m = 0; m < g.members.size(); ++m) {
            loadings += (m ? ", " : "") + html_escape(g.members[m]);
            if (g.pca) loadings += " " + html_escape(human_number(g.pca->loadings[0][m], lang));
        }
        h +=
            "<tr data-group=\"" + html_escape(g.group) + "\"><td>" + html_escape(g.group) + "</td>" + num(g.alpha) +
            detail::audit_html_cell("num", g.pca ? html_escape(percent(g.pca->shares[0])) : std::string(missing_mark)) +
            detail::audit_html_cell("num", g.pca ? std::to_string(g.pca->rows) : std::string(missing_mark)) + "<td>" +
            loadings + "</td></tr>\n";
    }
    h += "</tbody></table></div>\n<p class=\"note\">" + L(audit_label::groups_note) + "</p>\n</section>\n";

    if (!audit.diagnostics.empty()) {
        h += "<section id=\"notes\">\n<h2>" + L(audit_label::diagnostics) + "</h2>\n<ul>\n";
        for (const auto& d : audit.diagnostics)
            h += "<li>" + (d.path.empty() ? std::string() : "<code>" + html_escape(d.path) + "</code>: ") +
                 html_escape(d.message) + "</li>\n";
        h += "</ul>\n</section>\n";
    }
    h += "</main>\n<footer class=\"wrap\">dxframe " + html_escape(version_string) + "</footer>\n</body>\n</html>\n";
    return h;
}

}  // namespace dxframe
