// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/index_html.hpp> (see <dxframe/config.hpp>: included by that
// header in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/index/contributions.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/html.hpp>  // detail::report_stylesheet: the reports' common look
#include <dxframe/report/index.hpp>
#include <dxframe/report/index_html.hpp>
#include <dxframe/report/index_labels.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/svg.hpp>  // detail::svg_open, detail::svg_rect
#include <dxframe/report/text_width.hpp>
#include <dxframe/version.hpp>

namespace dxframe {

namespace detail {

// What the index page adds to the scorecard's style sheet: the bar rows, the tree, the table
// in its scrolling box with a sticky header, the colour scale, the phone and print layouts.
inline constexpr std::string_view index_css = R"css(
.bars{display:flex;flex-direction:column;gap:3px;margin:0 0 6px}
.bar-row{display:grid;grid-template-columns:var(--label-w) minmax(0,1fr) 4.2em;align-items:center;gap:8px;font-size:12.5px;line-height:18px}
.bar-label{white-space:nowrap;overflow:hidden;text-align:right}
.bar-label .rk{color:var(--muted);font-variant-numeric:tabular-nums}
.bar-label .cd{display:none}
.bar-value{white-space:nowrap;font-variant-numeric:tabular-nums;text-align:right;overflow:hidden}
.bar-row svg.bar{width:100%;height:14px;max-width:none;display:block;background:var(--soft);border-radius:2px}
.bar-row.top3 .bar-label .nm{font-weight:600}
.unranked{font-size:12px;color:var(--muted)}
ul.tree,ul.tree ul{list-style:none;margin:0;padding:0}
ul.tree ul{margin:4px 0 6px 10px;padding-left:12px;border-left:2px solid var(--line)}
li.tree-node{margin:4px 0}
.tn{display:inline-flex;flex-wrap:wrap;gap:2px 8px;align-items:baseline}
.tn .nm{font-weight:600}
.tn .id,.ti .id{font-size:11.5px;color:var(--muted)}
.ew{font-variant-numeric:tabular-nums;font-weight:600;color:var(--brand)}
.lv{font-size:11px;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 4px}
ul.leaves{columns:3 17em;column-gap:18px;border-left:0;margin-left:0}
li.tree-indicator{break-inside:avoid;font-size:12.5px;padding:1px 0;overflow-wrap:anywhere}
.table-box{overflow:auto;max-height:75vh;border:1px solid var(--line);border-radius:8px;max-width:100%}
table.results{width:auto;min-width:100%;font-size:12.5px}
table.results th{position:sticky;top:0;z-index:1;background:#fff;box-shadow:0 1px 0 var(--line)}
table.results td{white-space:nowrap;padding:4px 8px}
table.results th.idx,table.results td.idx{font-weight:700}
table.results .code{position:sticky;left:0;background:#fff;box-shadow:1px 0 0 var(--line)}
table.results th.code{z-index:2}
table.results tbody tr:nth-child(even) td.code{background:#fafbfc}
td.na{color:#8c959f;text-align:center}
td.change{white-space:nowrap;text-align:right}
td.change.up,.chg-up{color:#0b4f8a;font-weight:600}
td.change.down,.chg-down{color:#b35806;font-weight:600}
td.change.new{color:var(--muted);font-style:italic}
.q0{background:#f7fbff}.q1{background:#deebf7}.q2{background:#c6dbef}.q3{background:#9ecae1}.q4{background:#6baed6}
.q5{background:#4292c6;color:#fff}.q6{background:#2171b5;color:#fff}.q7{background:#08519c;color:#fff}.q8{background:#08306b;color:#fff}
@media (max-width:640px){
.wrap{padding:0 10px}
section{padding:14px 12px}
h1{font-size:24px}
.bars{--label-w:var(--label-w-narrow)!important}
.bar-label .nm{display:none}
.bar-label .cd{display:inline}
}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.table-box{overflow:visible;max-height:none;border:0}
table.results th,table.results .code{position:static}
table.results{font-size:9px}
}
)css";

// Scale classes of a column: q0 (lowest) to q8 (highest); q0 for a column of one value.
inline std::string index_scale_class(double v, double lo, double hi) {
    if (!(hi > lo)) return "q0";
    const double t = (v - lo) / (hi - lo);
    const long q = std::lround(std::clamp(t, 0.0, 1.0) * 8);
    return "q" + std::to_string(q);
}

// One number cell of the results table.
inline std::string index_table_cell(const std::optional<double>& v, int decimals, double lo, double hi, language lang,
                                    bool index) {
    const std::string idx = index ? " idx" : "";
    if (!v || !std::isfinite(*v)) return "<td class=\"n na" + idx + "\">" + std::string(missing_mark) + "</td>";
    return "<td class=\"n " + index_scale_class(*v, lo, hi) + idx + "\">" + index_cell_number(v, decimals, lang) +
           "</td>";
}

// An effective weight for people: "12.5%" ("12,5%" in Vietnamese).
inline std::string index_weight_text(double w, language lang) {
    return index_cell_number(w * 100, 1, lang) + "%";
}

// The name of element e of the tree (its id when it has none).
inline const std::string& index_element_name(const index_tree& tree, std::size_t e) {
    const std::string& name =
        tree.is_indicator(e) ? tree.indicator(e).name : tree.node(e - tree.indicator_count()).name;
    return name.empty() ? tree.id(e) : name;
}

// The framework under node j as nested lists, with each element's effective weight.
// `colors` gives the swatch of the root's children (by element reference; empty for others).
inline std::string index_tree_list(const index_tree& tree, std::size_t j, const std::vector<double>& effective,
                                   const std::vector<std::string>& colors, language lang) {
    const std::size_t e = tree.indicator_count() + j;
    std::string s = "<li class=\"tree-node\" data-id=\"" + html_escape(tree.id(e)) + "\" data-level=\"" +
                    std::to_string(tree.level(j)) + "\" data-weight=\"" + round_trip_number(effective[e]) +
                    "\"><span class=\"tn\">";
    if (!colors[e].empty()) s += "<span class=\"sw\" style=\"background:" + colors[e] + "\"></span>";
    s += "<span class=\"nm\">" + html_escape(index_element_name(tree, e)) + "</span>";
    if (index_element_name(tree, e) != tree.id(e)) s += "<span class=\"id\">" + html_escape(tree.id(e)) + "</span>";
    s += "<span class=\"lv\">" + std::string(label(index_label::level, lang)) + " " + std::to_string(tree.level(j)) +
         "</span><span class=\"ew\">" + index_weight_text(effective[e], lang) + "</span></span>";
    std::string nodes, leaves;
    const auto kids = tree.children(j);
    for (const std::size_t* k = kids.first; k != kids.second; ++k) {
        if (!tree.is_indicator(*k)) {
            nodes += index_tree_list(tree, *k - tree.indicator_count(), effective, colors, lang);
            continue;
        }
        leaves += "<li class=\"tree-indicator\" data-id=\"" + html_escape(tree.id(*k)) + "\" data-weight=\"" +
                  round_trip_number(effective[*k]) + "\"><span class=\"ti\">";
        if (!colors[*k].empty()) leaves += "<span class=\"sw\" style=\"background:" + colors[*k] + "\"></span> ";
        leaves += html_escape(index_element_name(tree, *k)) + " <span class=\"id\">" + html_escape(tree.id(*k)) +
                  "</span> <span class=\"ew\">" + index_weight_text(effective[*k], lang) + "</span></span></li>";
    }
    if (!nodes.empty()) s += "<ul>" + nodes + "</ul>";
    if (!leaves.empty()) s += "<ul class=\"leaves\">" + leaves + "</ul>";
    return s + "</li>\n";
}

// True when the bars can be stacked by contribution: the contributions add up to the index
// (an arithmetic mean at the root) and none is negative (a stack cannot show a negative part).
inline bool index_stackable(const index_contributions& contrib) {
    if (!contrib.additive) return false;
    for (const auto& unit : contrib.values) {
        for (const auto& c : unit) {
            if (c && *c < 0) return false;
        }
    }
    return true;
}

// The ranked bars: one row per ranked unit, stacked by contribution when that adds up.
inline std::string index_bars(const index_tree& tree, const index_result& result, const std::vector<std::string>& names,
                              const index_contributions& contrib, language lang) {
    const auto index = result.index_values();
    double lo = 0, hi = 0;
    for (std::size_t u = 0; u < index.size(); ++u) {
        if (!index[u] || !result.ranks[u]) continue;
        lo = std::min(lo, *index[u]);
        hi = std::max(hi, *index[u]);
    }
    const bool stacked = index_stackable(contrib) && lo >= 0;
    const double span = hi - lo > 0 ? hi - lo : 1.0;
    const int decimals = column_decimals(index);
    constexpr double chart_w = 1000, chart_h = 14;
    std::size_t label_w = 4, code_w = 4;
    for (std::size_t u = 0; u < index.size(); ++u) {
        const std::string unit = index_unit_id(result, u);
        const std::string name = u < names.size() && !names[u].empty() ? names[u] : unit;
        label_w = std::max(label_w, std::min<std::size_t>(display_width(name), 32));
        code_w = std::max(code_w, std::min<std::size_t>(display_width(unit), 12));
    }
    // "12. " before the name: 4 columns; a little more for letters wider than a digit.
    std::string s = "<div class=\"bars\" style=\"--label-w:" + std::to_string(label_w + 6) +
                    "ch;--label-w-narrow:" + std::to_string(code_w + 6) + "ch\">\n";
    std::string unranked;
    for (std::size_t u : units_by_rank(result)) {
        const std::string unit = index_unit_id(result, u);
        const std::string name = u < names.size() && !names[u].empty() ? names[u] : unit;
        if (!result.ranks[u] || !index[u]) {
            unranked += (unranked.empty() ? "" : ", ") + html_escape(unit);
            continue;
        }
        const std::size_t rank = *result.ranks[u];
        const std::string value = index_cell_number(index[u], decimals, lang);
        s += "<div class=\"bar-row" + std::string(rank <= 3 ? " top3" : "") + "\" data-unit=\"" + html_escape(unit) +
             "\" data-rank=\"" + std::to_string(rank) + "\"><span class=\"bar-label\" title=\"" + html_escape(name) +
             "\"><span class=\"rk\">" + std::to_string(rank) + ".</span> <span class=\"nm\">" +
             html_escape(truncate_to_width(name, 32)) + "</span><span class=\"cd\">" +
             html_escape(truncate_to_width(unit, 12)) + "</span></span>";
        std::string svg = svg_open("bar", chart_w, chart_h, name + ": " + value);
        svg.insert(4, " preserveAspectRatio=\"none\"");
        if (stacked) {
            double x = 0;
            for (std::size_t k = 0; k < contrib.components.size(); ++k) {
                const std::size_t e = contrib.components[k];
                const auto& c = contrib.values[u][k];
                const double w = c ? chart_w * *c / span : 0.0;
                svg += svg_rect("seg", x, 0, w, chart_h, component_color(k),
                                " data-component=\"" + html_escape(tree.id(e)) + "\"",
                                index_element_name(tree, e) + ": " + index_cell_number(c, decimals, lang));
                x += w;
            }
        } else {
            // From zero (the left edge unless some value is negative) to the value.
            svg += svg_rect("whole", chart_w * (std::min(0.0, *index[u]) - lo) / span, 0,
                            chart_w * std::fabs(*index[u]) / span, chart_h, "#0b4f8a", {}, name + ": " + value);
        }
        s += svg + "</svg><span class=\"bar-value\">" + value + "</span></div>\n";
    }
    s += "</div>\n";
    if (!unranked.empty()) {
        s += "<p class=\"unranked\">" + std::string(label(index_label::not_ranked, lang)) + ": " + unranked + "</p>\n";
    }
    // The legend: which colour is which component, and what the bars show.
    s += "<ul class=\"legend\">";
    if (stacked) {
        for (std::size_t k = 0; k < contrib.components.size(); ++k) {
            s += "<li data-component=\"" + html_escape(tree.id(contrib.components[k])) +
                 "\"><span class=\"sw\" style=\"background:" + component_color(k) + "\"></span>" +
                 html_escape(index_element_name(tree, contrib.components[k])) + " (" +
                 index_weight_text(contrib.weights[k], lang) + ")</li>";
        }
    }
    s += "</ul>\n<p class=\"note bars-note\">" +
         // Not stacked: a mean that does not add up, or (an arithmetic mean) negative values.
         html_escape(std::string(label(stacked            ? index_label::stacked_note
                                       : contrib.additive ? index_label::signed_note
                                                          : index_label::unstacked_note,
                                       lang))) +
         "</p>\n";
    return s;
}

// The results table: units by rank, the index, the aggregates (highest level first), the
// normalised indicators; a colour scale and fixed decimals per column.
inline std::string index_table(const index_tree& tree, const index_result& result,
                               const std::vector<std::string>& names, const index_report_options& options) {
    const language lang = options.lang;
    const bool changes = !options.previous_ranks.empty();
    struct column {
        std::size_t element;  // element reference
        std::vector<std::optional<double>> values;
        int decimals = 0;
        double lo = 0, hi = 0;
    };
    std::vector<column> cols;
    const std::size_t ni = tree.indicator_count();
    std::vector<std::size_t> elements{ni + tree.root()};
    for (std::size_t j : aggregates_top_down(tree))
        elements.push_back(ni + j);
    for (std::size_t i = 0; i < ni; ++i)
        elements.push_back(i);
    for (std::size_t e : elements) {
        column c;
        c.element = e;
        c.values = tree.is_indicator(e) ? result.normalised.column_values(e) : result.aggregates.column_values(e - ni);
        c.decimals = column_decimals(c.values);
        bool any = false;
        for (const auto& v : c.values) {
            if (!v || !std::isfinite(*v)) continue;
            c.lo = any ? std::min(c.lo, *v) : *v;
            c.hi = any ? std::max(c.hi, *v) : *v;
            any = true;
        }
        cols.push_back(std::move(c));
    }
    const auto L = [&](auto key) { return html_escape(std::string(label(key, lang))); };
    std::string s = "<div class=\"table-box\"><table class=\"results\">\n<thead><tr><th class=\"n\">" +
                    L(report_label::rank) + "</th>" +
                    (changes ? "<th class=\"n\">" + L(index_label::change) + "</th>" : std::string()) +
                    "<th class=\"code\">" + L(index_label::unit) + "</th><th>" + L(index_label::name) + "</th>";
    for (std::size_t k = 0; k < cols.size(); ++k) {
        const std::size_t e = cols[k].element;
        s += "<th class=\"n" + std::string(k == 0 ? " idx" : "") + "\" title=\"" +
             html_escape(index_element_name(tree, e)) + "\">" + html_escape(tree.id(e)) + "</th>";
    }
    s += "</tr></thead>\n<tbody>\n";
    for (std::size_t u : units_by_rank(result)) {
        const std::string unit = index_unit_id(result, u);
        s += "<tr class=\"unit-row\" data-unit=\"" + html_escape(unit) + "\"><td class=\"n\">" +
             index_rank_text(result.ranks[u]) + "</td>";
        if (changes) {
            const auto prev = index_previous_rank(result, u, options);
            const auto d = rank_change(result.ranks[u], prev);
            const std::string cls = !result.ranks[u] ? ""
                                    : !prev          ? " new"
                                    : *d > 0         ? " up"
                                    : *d < 0         ? " down"
                                                     : " same";
            s += "<td class=\"change" + cls + "\"" +
                 (prev ? " data-previous=\"" + std::to_string(*prev) + "\"" : std::string()) + ">" +
                 html_escape(index_rank_change_text(result.ranks[u], prev, lang)) + "</td>";
        }
        s += "<td class=\"code\">" + html_escape(unit) + "</td><td>" +
             html_escape(u < names.size() ? names[u] : std::string()) + "</td>";
        for (std::size_t k = 0; k < cols.size(); ++k) {
            const column& c = cols[k];
            s += index_table_cell(c.values[u], c.decimals, c.lo, c.hi, lang, k == 0);
        }
        s += "</tr>\n";
    }
    return s + "</tbody>\n</table></div>\n";
}

}  // namespace detail

DXFRAME_DECL std::string component_color(std::size_t k) {
    static constexpr std::string_view palette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                   "#56B4E9", "#D55E00", "#F0E442", "#000000"};
    return std::string(palette[k % (sizeof palette / sizeof palette[0])]);
}

DXFRAME_DECL std::string render_index_html(const index_tree& tree, const index_result& result,
                                           const std::vector<std::string>& names, const index_spec& spec,
                                           const index_report_options& options) {
    const language lang = options.lang;
    const auto L = [&](auto key) { return html_escape(std::string(label(key, lang))); };
    const index_contributions contrib = compute_contributions(tree, result, spec);
    const std::string title = detail::index_title(tree);
    std::string h;
    h.reserve(std::size_t{128} * 1024);
    h += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == language::vi ? "vi" : "en") + "\">\n<head>\n";
    h += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<meta name=\"generator\" content=\"dxframe " + html_escape(version_string) + "\">\n";
    h += "<title>" + html_escape(title) + "</title>\n";
    h += "<style>" + std::string(detail::report_stylesheet()) + std::string(detail::index_css) +
         "</style>\n</head>\n<body>\n";

    h += "<header class=\"top\"><div class=\"wrap\">\n<p class=\"eyebrow\">" + L(index_label::composite_index) +
         "</p>\n<h1>" + html_escape(title) + "</h1>\n";
    if (!options.methods.empty())
        h += "<p class=\"meta\">" + L(index_label::methods) + ": " + html_escape(options.methods) + "</p>\n";
    h += "<p class=\"meta\">" + std::to_string(result.normalised.rows()) + " " + L(index_label::units) + " \u00b7 " +
         std::to_string(tree.indicator_count()) + " " + L(index_label::indicators) + " \u00b7 " +
         L(index_label::ties_note);
    if (!options.previous_ranks.empty() && !options.previous_label.empty()) {
        h += " \u00b7 " + L(index_label::change_note) + " " + html_escape(options.previous_label);
    }
    h += "</p>\n</div></header>\n<main class=\"wrap\">\n";

    h += "<section id=\"bars\">\n<h2>" + L(index_label::ranked_bars) + "</h2>\n" +
         detail::index_bars(tree, result, names, contrib, lang) + "</section>\n";

    std::vector<std::string> colors(tree.element_count());
    for (std::size_t k = 0; k < contrib.components.size() && detail::index_stackable(contrib); ++k)
        colors[contrib.components[k]] = component_color(k);
    const std::vector<double> effective = tree.effective_weights(make_plan(tree, spec).weights);
    h += "<section id=\"framework\">\n<h2>" + L(index_label::framework_tree) + "</h2>\n<ul class=\"tree\">\n" +
         detail::index_tree_list(tree, tree.root(), effective, colors, lang) + "</ul>\n<p class=\"note\">" +
         L(index_label::tree_note) + "</p>\n</section>\n";

    h += "<section id=\"results\">\n<h2>" + L(index_label::results) + "</h2>\n" +
         detail::index_table(tree, result, names, options) + "<p class=\"note\">" + L(index_label::results_note) +
         "</p>\n</section>\n";

    h += "</main>\n<footer class=\"wrap\"><p>" + L(report_label::generated_by) + " " + html_escape(version_string) +
         "</p></footer>\n</body>\n</html>\n";
    return h;
}

}  // namespace dxframe
