// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/uncertainty.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/io/csv.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/svg.hpp>
#include <dxframe/report/text_width.hpp>
#include <dxframe/report/uncertainty.hpp>
#include <dxframe/report/uncertainty_labels.hpp>
#include <dxframe/report/uncertainty_page.hpp>

namespace dxframe {

namespace detail {

// Decimals of the rank statistics on the page (a median or quantile of ranks may fall between
// two ranks) and of index values.
inline constexpr int rank_decimals = 1;
inline constexpr int score_decimals = 2;

inline std::string nominal_rank_text(const std::optional<std::size_t>& rank) {
    return rank ? std::to_string(*rank) : std::string(missing_mark);
}

// "AUT · Austria" when the name says more than the id, else the id.
inline std::string unit_caption(const std::vector<rank_summary>& ranks, const std::vector<std::string>& names,
                                std::size_t u) {
    const std::string& id = ranks[u].unit;
    if (u < names.size() && !names[u].empty() && names[u] != id) return id + " \u00b7 " + names[u];
    return id;
}

}  // namespace detail

DXFRAME_DECL std::string uncertainty_csv(const uncertainty_result& r) {
    const bool scores = !r.scores.empty();
    std::string out = "uCode,Nominal,Mean,Median,Q5,Q95";
    if (scores) out += ",Score_Nominal,Score_Mean,Score_Median,Score_Q5,Score_Q95";
    out += "\n";
    for (std::size_t u = 0; u < r.ranks.size(); ++u) {
        const auto& k = r.ranks[u];
        out += csv_field(k.unit) + ',' + (k.nominal ? std::to_string(*k.nominal) : std::string()) + ',' +
               full_precision_number(k.mean) + ',' + full_precision_number(k.median) + ',' +
               full_precision_number(k.q5) + ',' + full_precision_number(k.q95);
        if (scores && u < r.scores.size()) {
            const auto& c = r.scores[u];
            out += ',' + full_precision_number(c.nominal) + ',' + full_precision_number(c.mean) + ',' +
                   full_precision_number(c.median) + ',' + full_precision_number(c.q5) + ',' +
                   full_precision_number(c.q95);
        }
        out += "\n";
    }
    return out;
}

DXFRAME_DECL std::string uncertainty_json(const uncertainty_result& r) {
    return to_json_text(r) + "\n";
}

DXFRAME_DECL std::string uncertainty_markdown(const uncertainty_result& r, language lang) {
    using detail::pick;
    std::string names;
    for (const auto& in : r.inputs)
        names += (names.empty() ? "" : ", ") + in.name;
    const auto md4 = [](const std::optional<double>& v) { return trimmed_number(v, 4); };
    std::string out = "# " + std::string(label(analysis_label::uncertainty_title, lang)) + "\n\n" +
                      std::string(pick(lang, "Đầu vào: ", "Inputs: ")) + markdown_escape(names) + ". " +
                      std::string(pick(lang, "Số lần lặp: ", "Replications: ")) + std::to_string(r.runs) + " (" +
                      std::to_string(r.failed) + " " + std::string(label(analysis_label::failed, lang)) + "), " +
                      std::string(pick(lang, "hạt giống ", "seed ")) + std::to_string(r.seed) + ".\n\n";
    out += "| " + std::string(label(analysis_label::unit, lang)) + " | " +
           std::string(label(analysis_label::nominal, lang)) + " | " + std::string(label(analysis_label::mean, lang)) +
           " | " + std::string(label(analysis_label::median, lang)) + " | " +
           std::string(label(analysis_label::q5, lang)) + " | " + std::string(label(analysis_label::q95, lang)) +
           " |\n|---|---:|---:|---:|---:|---:|\n";
    for (const auto& k : r.ranks) {
        out += "| " + markdown_escape(k.unit) + " | " + detail::nominal_rank_text(k.nominal) + " | " + md4(k.mean) +
               " | " + md4(k.median) + " | " + md4(k.q5) + " | " + md4(k.q95) + " |\n";
    }
    return out;
}

DXFRAME_DECL std::vector<std::size_t> nominal_rank_order(const std::vector<rank_summary>& ranks) {
    std::vector<std::size_t> order(ranks.size());
    for (std::size_t u = 0; u < order.size(); ++u)
        order[u] = u;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const rank_summary& x = ranks[a];
        const rank_summary& y = ranks[b];
        if (x.nominal.has_value() != y.nominal.has_value()) return x.nominal.has_value();
        if (x.nominal) return *x.nominal < *y.nominal;
        if (x.median.has_value() != y.median.has_value()) return x.median.has_value();
        return x.median && *x.median < *y.median;
    });
    return order;
}

DXFRAME_DECL std::string svg_rank_intervals(const std::vector<rank_summary>& ranks,
                                            const std::vector<std::string>& names, language lang, double width) {
    using detail::svg_num;
    // Below 500 wide the chart is for a phone: ids only in a narrow column, a smaller font.
    const bool compact = width < detail::compact_chart_width;
    const double row = 20, top = 30, font = compact ? 11 : 12;
    const double rank_right = compact ? 20 : 30, label_x = compact ? 26 : 40, label_w = compact ? 56 : 244;
    // The track reaches `pad` beyond the first and the last rank, so that their marks stay on it.
    const double pad = 6, plot_x = label_x + label_w + (compact ? 6 : 10) + pad;
    const double plot_w = std::max(100.0, width - plot_x - (compact ? 8 : 16));
    const std::size_t n = ranks.size();
    const double count = static_cast<double>(std::max<std::size_t>(n, 1));
    const double plot_bottom = top + row * static_cast<double>(n);
    const double height = plot_bottom + 30;
    // Rank 1 on the left; each rank the centre of a slot of equal width.
    const auto x_of = [&](double rank) { return plot_x + (std::clamp(rank, 0.5, count + 0.5) - 0.5) / count * plot_w; };

    std::string s = detail::svg_open(std::string("chart rank-intervals ") + (compact ? "compact" : "wide"), width,
                                     height, std::string(label(analysis_label::rank_intervals, lang)));
    s += detail::svg_text("axis-title", 2, top - 12, std::string(label(analysis_label::rank, lang)), "start", 11,
                          "#57606a");
    // Ticks at rank 1 and at every multiple of a whole step (1, 2, 5, 10, 20, ...).
    const auto step = static_cast<std::size_t>(std::max(1.0, std::round(detail::nice_step(count, compact ? 5 : 10))));
    std::vector<double> ticks{1};
    for (std::size_t t = step; t <= n; t += step)
        if (t > 1) ticks.push_back(static_cast<double>(t));
    for (const double t : ticks) {
        const double x = x_of(t);
        s += detail::svg_line("grid", x, top - 4, x, plot_bottom + 2, "#d0d7de", 1, " stroke-dasharray=\"2 3\"");
        s += detail::svg_text("axis", x, top - 10, trimmed_number(t, 0), "middle", 11, "#57606a");
        s += detail::svg_text("axis", x, plot_bottom + 16, trimmed_number(t, 0), "middle", 11, "#57606a");
    }
    const std::vector<std::size_t> order = nominal_rank_order(ranks);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const rank_summary& k = ranks[order[i]];
        const double y = top + row * static_cast<double>(i);
        const double mid = y + row / 2;
        const std::string caption = detail::unit_caption(ranks, names, order[i]);
        const std::string shown = compact ? truncate_to_width(k.unit, 8) : truncate_to_width(caption, 34);
        std::string tip = caption + ": " + std::string(label(analysis_label::nominal_rank, lang)) + " " +
                          detail::nominal_rank_text(k.nominal) + ", " +
                          std::string(label(analysis_label::median, lang)) + " " +
                          fixed_number(k.median, detail::rank_decimals) +
                          ", 5\u201395%: " + fixed_number(k.q5, detail::rank_decimals) + "\u2013" +
                          fixed_number(k.q95, detail::rank_decimals);
        s += "<g class=\"unit-row\" data-unit=\"" + html_escape(k.unit) + "\" data-nominal=\"" +
             (k.nominal ? std::to_string(*k.nominal) : std::string()) + "\"><title>" + html_escape(tip) + "</title>";
        s +=
            detail::svg_text("rank", rank_right, mid + 4, detail::nominal_rank_text(k.nominal), "end", font, "#57606a");
        s += detail::svg_text("label", label_x, mid + 4, shown, "start", font);
        s += detail::svg_rect("track", plot_x - pad, y + 2, plot_w + 2 * pad, row - 4,
                              i % 2 == 0 ? "#f3f5f7" : "#fafbfc");
        if (k.q5 && k.q95 && std::isfinite(*k.q5) && std::isfinite(*k.q95)) {
            double x1 = x_of(*k.q5), x2 = x_of(*k.q95);
            if (x2 - x1 < 4) {  // a rank that never moves still shows as a short band
                const double c = (x1 + x2) / 2;
                x1 = c - 2;
                x2 = c + 2;
            }
            s += detail::svg_rect("band", x1, y + 5, x2 - x1, row - 10, analysis_colors::band,
                                  " fill-opacity=\"0.7\" rx=\"2\"");
        } else {
            s += detail::svg_text("missing", plot_x + 6, mid + 4, std::string(missing_mark), "start", 12, "#57606a");
        }
        if (k.median && std::isfinite(*k.median)) {
            const double x = x_of(*k.median);
            s += detail::svg_line("median", x, y + 3, x, y + row - 3, analysis_colors::median, 3);
        }
        if (k.nominal) {
            const double x = x_of(static_cast<double>(*k.nominal));
            s += "<path class=\"nominal\" d=\"M" + svg_num(x) + " " + svg_num(mid - 5.5) + "L" + svg_num(x + 5.5) +
                 " " + svg_num(mid) + "L" + svg_num(x) + " " + svg_num(mid + 5.5) + "L" + svg_num(x - 5.5) + " " +
                 svg_num(mid) + "Z\" fill=\"" + std::string(analysis_colors::nominal) +
                 "\" stroke=\"#fff\" stroke-width=\"1\"/>";
        }
        s += "</g>";
    }
    s += "</svg>";
    return s;
}

DXFRAME_DECL std::string uncertainty_html(const uncertainty_result& r, const analysis_report_options& options) {
    const language lang = options.lang;
    const auto L = [&](analysis_label k) { return html_escape(label(k, lang)); };
    const std::string meta = L(analysis_label::replications) + " <strong>" + std::to_string(r.runs) +
                             "</strong> \u00b7 " + L(analysis_label::seed) + " <strong>" + std::to_string(r.seed) +
                             "</strong> \u00b7 " + L(analysis_label::inputs) + " <strong>" +
                             std::to_string(r.inputs.size()) + "</strong>";
    std::string h = detail::analysis_page_open(label(analysis_label::uncertainty_title, lang), meta, lang);

    h += "<section id=\"rank-intervals\">\n<h2>" + L(analysis_label::rank_intervals) + "</h2>\n<ul class=\"legend\">" +
         detail::legend_item("sw-band", analysis_colors::band, label(analysis_label::band, lang)) +
         detail::legend_item("sw-median", analysis_colors::median, label(analysis_label::median, lang)) +
         detail::legend_item("sw-nominal", analysis_colors::nominal, label(analysis_label::nominal_rank, lang)) +
         "</ul>\n<div class=\"scroll chart-box\">" + svg_rank_intervals(r.ranks, options.unit_names, lang) +
         svg_rank_intervals(r.ranks, options.unit_names, lang, detail::phone_chart_width) +
         "</div>\n<p class=\"note\">" + L(analysis_label::rank_note) + "</p>\n";

    // The same numbers as a table, in the chart's order.
    const bool names = !options.unit_names.empty();
    const bool scores = !r.scores.empty();
    const auto th = [&](analysis_label k) { return "<th class=\"n\">" + L(k) + "</th>"; };
    h += "<div class=\"scroll table-box\"><table class=\"rank-table\">\n<thead><tr>" +
         th(analysis_label::nominal_rank) + "<th>" + L(analysis_label::unit) + "</th>" +
         (names ? "<th>" + L(analysis_label::name) + "</th>" : std::string()) + th(analysis_label::median) +
         th(analysis_label::mean) + th(analysis_label::q5) + th(analysis_label::q95);
    if (scores) {
        const std::string v = L(analysis_label::scores) + ": ";
        h += "<th class=\"n\">" + v + L(analysis_label::nominal) + "</th><th class=\"n\">" + v +
             L(analysis_label::median) + "</th><th class=\"n\">" + v + L(analysis_label::mean) +
             "</th><th class=\"n\">" + v + L(analysis_label::q5) + "</th><th class=\"n\">" + v +
             L(analysis_label::q95) + "</th>";
    }
    h += "</tr></thead>\n<tbody>\n";
    const auto td = [](const std::optional<double>& v, int decimals) {
        return "<td class=\"n\">" + fixed_number(v, decimals) + "</td>";
    };
    for (const std::size_t u : nominal_rank_order(r.ranks)) {
        const rank_summary& k = r.ranks[u];
        h += "<tr class=\"unit-line\" data-unit=\"" + html_escape(k.unit) + "\"><td class=\"n\">" +
             detail::nominal_rank_text(k.nominal) + "</td><td>" + html_escape(k.unit) + "</td>";
        if (names) h += "<td>" + html_escape(u < options.unit_names.size() ? options.unit_names[u] : "") + "</td>";
        h += td(k.median, detail::rank_decimals) + td(k.mean, detail::rank_decimals) + td(k.q5, detail::rank_decimals) +
             td(k.q95, detail::rank_decimals);
        if (scores && u < r.scores.size()) {
            const score_summary& c = r.scores[u];
            h += td(c.nominal, detail::score_decimals) + td(c.median, detail::score_decimals) +
                 td(c.mean, detail::score_decimals) + td(c.q5, detail::score_decimals) +
                 td(c.q95, detail::score_decimals);
        }
        h += "</tr>\n";
    }
    h += "</tbody></table></div>\n</section>\n";
    h += detail::analysis_settings(r.inputs, r.normalisers, r.aggregators, r.seed, r.runs, r.failed, lang);
    h += detail::analysis_page_close(lang);
    return h;
}

}  // namespace dxframe
