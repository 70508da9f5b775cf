// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/uncertainty_page.hpp> (see <dxframe/config.hpp>: included by
// that header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/describe/enum_to_string.hpp>

#include <dxframe/report/escape.hpp>
#include <dxframe/report/html.hpp>
#include <dxframe/report/uncertainty_labels.hpp>
#include <dxframe/report/uncertainty_page.hpp>
#include <dxframe/version.hpp>

namespace dxframe {

namespace detail {

// What the analysis pages add to the reports' style sheet: charts and tables that scroll in
// their own box on a phone (the page never scrolls sideways), the settings list, legend marks
// shaped like the chart's, and a tighter frame on narrow screens.
inline constexpr std::string_view analysis_css = R"css(
.scroll{overflow-x:auto;max-width:100%}
.scroll svg.wide{width:100%;min-width:760px;max-width:none}
.chart-box svg.compact{display:none}
@media (max-width:780px){.chart-box svg.wide{display:none}.chart-box svg.compact{display:block;width:100%;height:auto}}
.scroll table{min-width:520px}
dl.settings{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 16px;margin:0;font-size:13px}
dl.settings dt{color:var(--muted)}
dl.settings dd{margin:0;overflow-wrap:anywhere}
dl.settings ul{margin:0;padding-left:18px}
.sw.sw-band{opacity:.55;width:22px}
.sw.sw-median{width:3px;height:13px;border-radius:0}
.sw.sw-nominal{transform:rotate(45deg);width:9px;height:9px;border-radius:0}
.sw.sw-whisker{height:2px;width:18px;border-radius:0}
caption{caption-side:top;text-align:left;font-size:12px;color:var(--muted);padding:0 0 6px}
@media (max-width:600px){.wrap{padding:0 10px}section{padding:14px 12px}h1{font-size:23px}header.top{padding:18px 0 56px}}
@media print{.scroll{overflow:visible}.chart-box svg.wide{display:block;min-width:0}.chart-box svg.compact{display:none}header.top{background:#fff;color:#1f2328}}
)css";

DXFRAME_DECL std::string analysis_page_open(std::string_view title, const std::string& meta_html, language lang) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == language::vi ? "vi" : "en") +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"dxframe " +
                    html_escape(version_string) + "\">\n<title>" + html_escape(title) + "</title>\n<style>" +
                    std::string(report_stylesheet()) + std::string(analysis_css) + "</style>\n</head>\n<body>\n";
    h += "<header class=\"top\"><div class=\"wrap\">\n<p class=\"eyebrow\">" +
         html_escape(label(analysis_label::analysis_eyebrow, lang)) + "</p>\n<h1>" + html_escape(title) + "</h1>\n";
    if (!meta_html.empty()) h += "<p class=\"meta\">" + meta_html + "</p>\n";
    h += "</div></header>\n<main class=\"wrap\">\n";
    return h;
}

DXFRAME_DECL std::string analysis_page_close(language lang) {
    return "</main>\n<footer class=\"wrap\"><p>" + html_escape(label(report_label::generated_by, lang)) + " " +
           html_escape(version_string) + "</p></footer>\n</body>\n</html>\n";
}

DXFRAME_DECL std::string input_description(const uncertain_input& in, const std::vector<normalisation>& normalisers,
                                           const std::vector<aggregation_method>& aggregators, language lang) {
    std::string text = in.name;
    if (in.kind == uncertain_input_kind::weights) {
        return text + " (" + std::to_string(in.weights) + " " +
               std::string(label(analysis_label::weights_perturbed, lang)) + ")";
    }
    std::string methods;
    if (in.kind == uncertain_input_kind::imputation || in.kind == uncertain_input_kind::treatment) {
        for (const auto& c : in.choices)
            methods += (methods.empty() ? "" : ", ") + c;
    } else if (in.kind == uncertain_input_kind::normaliser) {
        for (const auto& n : normalisers)
            methods += (methods.empty() ? "" : ", ") + std::string(boost::describe::enum_to_string(n.method, "?"));
    } else {
        for (const auto& a : aggregators)
            methods += (methods.empty() ? "" : ", ") + std::string(boost::describe::enum_to_string(a.method, "?"));
    }
    return text + " (" + std::to_string(in.alternatives) + " " +
           std::string(label(analysis_label::alternatives, lang)) + ": " + methods + ")";
}

DXFRAME_DECL std::string analysis_settings(const std::vector<uncertain_input>& inputs,
                                           const std::vector<normalisation>& normalisers,
                                           const std::vector<aggregation_method>& aggregators, std::uint64_t seed,
                                           std::size_t runs, std::size_t failed, language lang,
                                           const std::vector<std::pair<std::string, std::string>>& extra) {
    const auto L = [&](analysis_label k) { return html_escape(label(k, lang)); };
    std::string h = "<section id=\"settings\">\n<h2>" + L(analysis_label::settings) + "</h2>\n<dl class=\"settings\">";
    h += "<dt>" + L(analysis_label::replications) + "</dt><dd class=\"runs\" data-runs=\"" + std::to_string(runs) +
         "\">" + std::to_string(runs) + " (" + std::to_string(failed) + " " + L(analysis_label::failed) + ")</dd>";
    h += "<dt>" + L(analysis_label::seed) + "</dt><dd class=\"seed\">" + std::to_string(seed) + "</dd>";
    for (const auto& [key, value] : extra)
        h += "<dt>" + html_escape(key) + "</dt><dd>" + value + "</dd>";
    h += "<dt>" + L(analysis_label::inputs) + "</dt><dd><ul class=\"inputs\">";
    for (const auto& in : inputs)
        h += "<li>" + html_escape(input_description(in, normalisers, aggregators, lang)) + "</li>";
    h += "</ul></dd></dl>\n</section>\n";
    return h;
}

DXFRAME_DECL std::string legend_item(std::string_view shape, std::string_view color, std::string_view text) {
    return "<li><span class=\"sw " + std::string(shape) + "\" style=\"background:" + std::string(color) + "\"></span>" +
           html_escape(text) + "</li>";
}

}  // namespace detail

}  // namespace dxframe
