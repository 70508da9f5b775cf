// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/sensitivity.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/io/csv.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/sensitivity.hpp>
#include <dxframe/report/svg.hpp>
#include <dxframe/report/text_width.hpp>
#include <dxframe/report/uncertainty_labels.hpp>
#include <dxframe/report/uncertainty_page.hpp>

namespace dxframe {

namespace detail {

// Decimals of the Sobol indices on the page: they are shares of a variance, read to 0.001.
inline constexpr int sobol_decimals = 3;

inline bool finite_value(const std::optional<double>& v) {
    return v && std::isfinite(*v);
}

// One bar of the Sobol chart with its whisker; `which` is "si" or "sti".
inline std::string sobol_bar(std::string_view which, const std::optional<double>& value,
                             const std::optional<double>& q5, const std::optional<double>& q95, double y, double h,
                             double zero_x, std::string_view fill, const std::string& tooltip,
                             const std::function<double(double)>& x_of) {
    std::string s;
    if (finite_value(value)) {
        const double x = x_of(*value);
        s += svg_rect(std::string(which), std::min(zero_x, x), y, std::abs(x - zero_x), h, fill, {}, tooltip);
    } else {
        s += svg_rect(std::string(which) + " missing", zero_x, y, 0, h, fill, {}, tooltip);
        s += svg_text("missing", zero_x + 6, y + h - 2, std::string(missing_mark), "start", 12, "#57606a");
    }
    if (finite_value(q5) && finite_value(q95)) {
        const double x1 = x_of(*q5), x2 = x_of(*q95), c = y + h / 2;
        s += "<g class=\"whisker\" data-of=\"" + std::string(which) + "\">" +
             svg_line("whisker-line", x1, c, x2, c, analysis_colors::whisker, 1.5) +
             svg_line("whisker-cap", x1, c - 5, x1, c + 5, analysis_colors::whisker, 1.5) +
             svg_line("whisker-cap", x2, c - 5, x2, c + 5, analysis_colors::whisker, 1.5) + "</g>";
    }
    return s;
}

}  // namespace detail

DXFRAME_DECL std::string sensitivity_csv(const sensitivity_result& r) {
    std::string out = "Input,Si,Si_Q5,Si_Q95,STi,STi_Q5,STi_Q95\n";
    for (const auto& i : r.sobol.indices) {
        out += csv_field(i.input) + ',' + full_precision_number(i.first_order) + ',' +
               full_precision_number(i.first_order_q5) + ',' + full_precision_number(i.first_order_q95) + ',' +
               full_precision_number(i.total) + ',' + full_precision_number(i.total_q5) + ',' +
               full_precision_number(i.total_q95) + "\n";
    }
    return out;
}

DXFRAME_DECL std::string sensitivity_json(const sensitivity_result& r) {
    return to_json_text(r) + "\n";
}

DXFRAME_DECL std::string sensitivity_target_text(const sensitivity_result& r, language lang) {
    switch (r.target) {
        case sensitivity_target::mean_rank_shift: return std::string(label(analysis_label::mean_rank_shift, lang));
        case sensitivity_target::unit_rank: return std::string(label(analysis_label::rank_of, lang)) + " " + r.unit;
        case sensitivity_target::unit_score: return std::string(label(analysis_label::score_of, lang)) + " " + r.unit;
    }
    return {};
}

DXFRAME_DECL std::string sensitivity_markdown(const sensitivity_result& r, language lang) {
    using detail::pick;
    const auto md4 = [](const std::optional<double>& v) { return trimmed_number(v, 4); };
    const sobol_estimate& e = r.sobol;
    std::string out =
        "# " + std::string(label(analysis_label::sensitivity_title, lang)) + "\n\n" +
        std::string(pick(lang, "Đại lượng phân tích: ", "Target: ")) +
        markdown_escape(sensitivity_target_text(r, lang)) + ". N = " + std::to_string(e.base_runs) + ", " +
        std::to_string(r.runs) + std::string(pick(lang, " lần lặp (", " replications (")) + std::to_string(r.failed) +
        " " + std::string(label(analysis_label::failed, lang)) + "), " + std::to_string(e.rows_used) + " " +
        std::string(label(analysis_label::rows_used, lang)) + ", " + std::string(pick(lang, "hạt giống ", "seed ")) +
        std::to_string(r.seed) + ". " + std::string(pick(lang, "Trung bình của đại lượng ", "Target mean ")) +
        md4(e.mean) + ", " + std::string(label(analysis_label::target_variance, lang)) + " " + md4(e.variance) + ". " +
        std::string(pick(lang, "Khoảng: phân vị 5-95 qua ", "Intervals: 5th-95th percentile over ")) +
        std::to_string(e.bootstrap) + std::string(pick(lang, " mẫu bootstrap.", " bootstrap resamples.")) + "\n\n| " +
        std::string(label(analysis_label::input, lang)) +
        " | Si | Si 5% | Si 95% | STi | STi 5% | STi 95% |\n|---|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& i : e.indices) {
        out += "| " + markdown_escape(i.input) + " | " + md4(i.first_order) + " | " + md4(i.first_order_q5) + " | " +
               md4(i.first_order_q95) + " | " + md4(i.total) + " | " + md4(i.total_q5) + " | " + md4(i.total_q95) +
               " |\n";
    }
    return out;
}

DXFRAME_DECL std::string svg_sobol_indices(const sobol_estimate& sobol, language lang, double width) {
    double lo = 0, hi = 0;
    for (const auto& i : sobol.indices) {
        for (const auto& v : {i.first_order, i.first_order_q5, i.first_order_q95, i.total, i.total_q5, i.total_q95}) {
            if (!detail::finite_value(v)) continue;
            lo = std::min(lo, *v);
            hi = std::max(hi, *v);
        }
    }
    if (!(hi - lo > 1e-9)) hi = lo + 1;
    const double step = detail::nice_step(hi - lo, width < detail::compact_chart_width ? 4 : 5);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;

    // Below 500 wide the chart is for a phone: a narrow label column, a smaller font.
    const bool compact = width < detail::compact_chart_width;
    const double row = 48, top = 8, label_w = compact ? 100 : 220, bar_h = 13, font = compact ? 11 : 13;
    const double plot_x = label_w + (compact ? 8 : 12), plot_w = std::max(100.0, width - plot_x - (compact ? 12 : 20));
    const double plot_bottom = top + row * static_cast<double>(sobol.indices.size());
    const double height = plot_bottom + 30;
    const std::function<double(double)> x_of = [&](double v) { return plot_x + (v - lo) / (hi - lo) * plot_w; };
    const double zero_x = x_of(0);

    std::string s = detail::svg_open(std::string("chart sobol-indices ") + (compact ? "compact" : "wide"), width,
                                     height, std::string(label(analysis_label::sobol_indices, lang)));
    const auto ticks = static_cast<int>(std::lround((hi - lo) / step));
    for (int k = 0; k <= ticks; ++k) {
        const double t = lo + step * k;
        const double x = x_of(t);
        const bool zero = std::abs(t) < step / 2;
        s += detail::svg_line(zero ? "grid zero" : "grid", x, top, x, plot_bottom, zero ? "#8c959f" : "#d0d7de", 1,
                              zero ? "" : " stroke-dasharray=\"2 3\"");
        s += detail::svg_text("axis", x, plot_bottom + 16, trimmed_number(zero ? 0.0 : t, 3), "middle", 11, "#57606a");
    }
    for (std::size_t n = 0; n < sobol.indices.size(); ++n) {
        const sobol_index& i = sobol.indices[n];
        const double y = top + row * static_cast<double>(n);
        const auto tip = [&](std::string_view what, const std::optional<double>& v, const std::optional<double>& q5,
                             const std::optional<double>& q95) {
            return i.input + " \u00b7 " + std::string(what) + ": " + fixed_number(v, detail::sobol_decimals) + " (" +
                   fixed_number(q5, detail::sobol_decimals) + "\u2013" + fixed_number(q95, detail::sobol_decimals) +
                   ")";
        };
        s += "<g class=\"input-row\" data-input=\"" + html_escape(i.input) + "\">";
        s += detail::svg_text("label", label_w, y + row / 2 + 4, truncate_to_width(i.input, compact ? 16 : 30), "end",
                              font);
        s += detail::svg_rect("track", plot_x - 4, y + 4, plot_w + 8, row - 8, n % 2 == 0 ? "#f6f8fa" : "#fbfcfd");
        s += detail::sobol_bar("si", i.first_order, i.first_order_q5, i.first_order_q95, y + 8, bar_h, zero_x,
                               analysis_colors::first, tip("Si", i.first_order, i.first_order_q5, i.first_order_q95),
                               x_of);
        s += detail::sobol_bar("sti", i.total, i.total_q5, i.total_q95, y + 8 + bar_h + 6, bar_h, zero_x,
                               analysis_colors::total, tip("STi", i.total, i.total_q5, i.total_q95), x_of);
        s += "</g>";
    }
    s += "</svg>";
    return s;
}

DXFRAME_DECL std::string sensitivity_html(const sensitivity_result& r, const analysis_report_options& options) {
    const language lang = options.lang;
    const auto L = [&](analysis_label k) { return html_escape(label(k, lang)); };
    const sobol_estimate& e = r.sobol;
    const std::string target = html_escape(sensitivity_target_text(r, lang));
    const std::string meta = L(analysis_label::target) + " <strong>" + target + "</strong> \u00b7 " +
                             L(analysis_label::base_runs) + " <strong>" + std::to_string(e.base_runs) +
                             "</strong> \u00b7 " + L(analysis_label::replications) + " <strong>" +
                             std::to_string(r.runs) + "</strong>";
    std::string h = detail::analysis_page_open(label(analysis_label::sensitivity_title, lang), meta, lang);
    h += "<section id=\"sobol\">\n<h2>" + L(analysis_label::sobol_indices) + "</h2>\n<ul class=\"legend\">" +
         detail::legend_item("", analysis_colors::first, label(analysis_label::first_order, lang)) +
         detail::legend_item("", analysis_colors::total, label(analysis_label::total, lang)) +
         detail::legend_item("sw-whisker", analysis_colors::whisker, label(analysis_label::interval, lang)) +
         "</ul>\n<div class=\"scroll chart-box\">" + svg_sobol_indices(e, lang) +
         svg_sobol_indices(e, lang, detail::phone_chart_width) + "</div>\n<p class=\"note\">" +
         L(analysis_label::sobol_note) + "</p>\n";
    h += "<div class=\"scroll table-box\"><table class=\"sobol-table\">\n<thead><tr><th>" + L(analysis_label::input) +
         "</th><th class=\"n\">Si</th><th class=\"n\">Si 5%</th><th class=\"n\">Si 95%</th><th class=\"n\">STi</th>"
         "<th class=\"n\">STi 5%</th><th class=\"n\">STi 95%</th></tr></thead>\n<tbody>\n";
    const auto td = [](const std::optional<double>& v) {
        return "<td class=\"n\">" + fixed_number(v, detail::sobol_decimals) + "</td>";
    };
    for (const auto& i : e.indices) {
        h += "<tr class=\"input-line\" data-input=\"" + html_escape(i.input) + "\"><td>" + html_escape(i.input) +
             "</td>" + td(i.first_order) + td(i.first_order_q5) + td(i.first_order_q95) + td(i.total) + td(i.total_q5) +
             td(i.total_q95) + "</tr>\n";
    }
    h += "</tbody></table></div>\n</section>\n";
    const std::vector<std::pair<std::string, std::string>> extra = {
        {std::string(label(analysis_label::target, lang)), target},
        {std::string(label(analysis_label::base_runs, lang)),
         std::to_string(e.base_runs) + " (" + std::to_string(e.rows_used) + " " + L(analysis_label::rows_used) + ")"},
        {std::string(label(analysis_label::bootstrap, lang)), std::to_string(e.bootstrap)},
        {std::string(label(analysis_label::target_mean, lang)), significant_number(e.mean, 4) + " (" +
                                                                    L(analysis_label::target_variance) + " " +
                                                                    significant_number(e.variance, 4) + ")"}};
    h += detail::analysis_settings(r.inputs, r.normalisers, r.aggregators, r.seed, r.runs, r.failed, lang, extra);
    h += detail::analysis_page_close(lang);
    return h;
}

}  // namespace dxframe
