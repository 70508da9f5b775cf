// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/svg.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <dxframe/model/breakdown.hpp>
#include <dxframe/model/date.hpp>
#include <dxframe/progress/rollup.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/progress/series.hpp>
#include <dxframe/progress/status.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/ranking.hpp>
#include <dxframe/report/svg.hpp>
#include <dxframe/report/text_width.hpp>

namespace dxframe {

DXFRAME_DECL std::string status_class(target_status s) {
    return "status-" + std::string(to_string(s));
}

namespace detail {

DXFRAME_DECL std::string svg_num(double v) {
    return trimmed_number(std::isfinite(v) ? v : 0.0, 2);
}

DXFRAME_DECL std::string svg_open(const std::string& cls, double width, double height, const std::string& title) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + cls + "\" width=\"" + svg_num(width) +
           "\" height=\"" + svg_num(height) + "\" viewBox=\"0 0 " + svg_num(width) + " " + svg_num(height) +
           "\" role=\"img\" aria-label=\"" + html_escape(title) +
           "\" font-family=\"system-ui, -apple-system, "
           "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif\"><title>" +
           html_escape(title) + "</title>";
}

DXFRAME_DECL std::string svg_rect(const std::string& cls, double x, double y, double w, double h, std::string_view fill,
                                  const std::string& extra, const std::string& tooltip) {
    std::string out = "<rect class=\"" + cls + "\" x=\"" + svg_num(x) + "\" y=\"" + svg_num(y) + "\" width=\"" +
                      svg_num(std::max(0.0, w)) + "\" height=\"" + svg_num(std::max(0.0, h)) + "\" fill=\"" +
                      std::string(fill) + "\"" + extra;
    if (tooltip.empty()) return out + "/>";
    return out + "><title>" + html_escape(tooltip) + "</title></rect>";
}

DXFRAME_DECL std::string svg_text(const std::string& cls, double x, double y, const std::string& content,
                                  std::string_view anchor, double size, std::string_view fill,
                                  const std::string& extra) {
    return "<text class=\"" + cls + "\" x=\"" + svg_num(x) + "\" y=\"" + svg_num(y) + "\" text-anchor=\"" +
           std::string(anchor) + "\" font-size=\"" + svg_num(size) + "\" fill=\"" + std::string(fill) + "\"" + extra +
           ">" + html_escape(content) + "</text>";
}

DXFRAME_DECL std::string svg_line(const std::string& cls, double x1, double y1, double x2, double y2,
                                  std::string_view stroke, double width, const std::string& extra) {
    return "<line class=\"" + cls + "\" x1=\"" + svg_num(x1) + "\" y1=\"" + svg_num(y1) + "\" x2=\"" + svg_num(x2) +
           "\" y2=\"" + svg_num(y2) + "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + svg_num(width) +
           "\"" + extra + "/>";
}

DXFRAME_DECL double nice_step(double range, int count) {
    if (!(range > 0) || !std::isfinite(range)) return 1;
    const double raw = range / count;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / p;
    const double m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return m * p;
}

}  // namespace detail

DXFRAME_DECL std::string svg_pillar_scores(const scorecard& sc, double width) {
    const language lang = sc.lang;
    std::vector<const scorecard_group*> groups;
    for (const auto& g : sc.pillars)
        groups.push_back(&g);
    if (sc.unassigned) groups.push_back(&*sc.unassigned);
    const double row = 30, top = 8, label_w = std::min(230.0, width * 0.36), value_w = 56;
    const double bar_x = label_w + 10, bar_w = std::max(60.0, width - bar_x - value_w);
    const double height = top + row * static_cast<double>(groups.size()) + 26;
    std::string s =
        detail::svg_open("chart pillar-chart", width, height, std::string(label(report_label::pillar_scores, lang)));
    // Grid at 0, 25, 50, 75 and 100%.
    const double plot_bottom = top + row * static_cast<double>(groups.size());
    for (int k = 0; k <= 4; ++k) {
        const double x = bar_x + bar_w * k / 4.0;
        s += detail::svg_line("grid", x, top, x, plot_bottom, "#d0d7de", 1, k == 0 ? "" : " stroke-dasharray=\"2 3\"");
        s += detail::svg_text("axis", x, plot_bottom + 16, std::to_string(k * 25) + "%", "middle", 11, "#57606a");
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const scorecard_group& g = *groups[i];
        const double y = top + row * static_cast<double>(i);
        const std::string_view fill = g.foundation ? "#5b9bd5" : (g.pillar ? "#0b4f8a" : "#8c959f");
        s += detail::svg_text("label", label_w, y + 19, truncate_to_width(g.name, 34), "end", 13);
        s += detail::svg_rect("track", bar_x, y + 6, bar_w, 18, "#eef1f4", " rx=\"3\"");
        const double w = g.score ? bar_w * std::clamp(*g.score, 0.0, 1.0) : 0.0;
        s += detail::svg_rect(std::string("bar") + (g.score ? "" : " missing") + (g.foundation ? " foundation" : ""),
                              bar_x, y + 6, w, 18, fill, " rx=\"3\" data-pillar=\"" + html_escape(g.id) + "\"",
                              g.name + ": " + percent(g.score));
        s += detail::svg_text("value", bar_x + bar_w + 8, y + 19, percent(g.score), "start", 13,
                              g.score ? "#24292f" : "#8c959f", " font-weight=\"600\"");
        if (g.targets == 0) {
            s += detail::svg_text("no-target", bar_x + 8, y + 19, std::string(label(report_label::no_target_set, lang)),
                                  "start", 12, "#57606a", " font-style=\"italic\"");
        }
    }
    s += "</svg>";
    return s;
}

DXFRAME_DECL std::string svg_status_mix(const status_counts& n, language lang, double width, double height) {
    std::string s =
        detail::svg_open("chart status-mix", width, height, std::string(label(report_label::status_counts, lang)));
    const std::size_t total = n.total();
    s += detail::svg_rect("track", 0, 0, width, height, "#eef1f4", " rx=\"4\"");
    double x = 0;
    for (std::size_t k = 0; k < target_status_count && total > 0; ++k) {
        const auto st = static_cast<target_status>(k);
        const std::size_t count = n.of(st);
        if (count == 0) continue;
        const double w = width * static_cast<double>(count) / static_cast<double>(total);
        s += detail::svg_rect("seg " + status_class(st), x, 0, w, height, status_color(st), {},
                              std::string(status_label(st, lang)) + ": " + std::to_string(count));
        if (w >= 26) {
            const bool dark_text = st == target_status::insufficient_data || st == target_status::no_data ||
                                   st == target_status::needs_acceleration;
            s += detail::svg_text("seg-label", x + w / 2, height / 2 + 4, std::to_string(count), "middle", 11,
                                  dark_text ? "#24292f" : "#ffffff");
        }
        x += w;
    }
    s += "</svg>";
    return s;
}

DXFRAME_DECL std::string svg_progress_bar(const scorecard_target& t, language lang, double width, double height) {
    const std::string tip = std::string(status_label(t.status, lang)) + " \u00b7 " +
                            std::string(label(report_label::progress, lang)) + " " + percent(t.score) + " \u00b7 " +
                            std::string(label(report_label::deadline, lang)) + " " + human_date(t.deadline, lang);
    std::string s = detail::svg_open("progress " + status_class(t.status), width, height, tip);
    s += detail::svg_rect("track", 0, 0, width, height, "#eef1f4", " rx=\"3\"");
    const double w = t.score ? width * std::clamp(*t.score, 0.0, 1.0) : 0.0;
    s += detail::svg_rect("fill " + status_class(t.status), 0, 0, w, height, status_color(t.status), " rx=\"3\"");
    if (t.expected && t.status != target_status::achieved) {
        const double x = width * std::clamp(*t.expected, 0.0, 1.0);
        s += detail::svg_line("expected", x, 0, x, height, "#24292f", 2);
    }
    s += "</svg>";
    return s;
}

DXFRAME_DECL std::string svg_trajectory(const scorecard_target& t, const date& as_of, language lang, double width,
                                        double height) {
    const double left = 56, right = 14, top = 22, bottom = 30;
    const double pw = width - left - right, ph = height - top - bottom;
    std::string s = detail::svg_open("chart trajectory " + status_class(t.status), width, height, t.title);
    // Domains.
    std::vector<dated_value> pts = t.series;
    pts.insert(pts.end(), t.path.begin(), t.path.end());
    std::optional<std::int64_t> d0, d1;
    std::optional<double> y0, y1;
    const auto take_date = [&](const date& d) {
        const auto k = d.days_since_epoch();
        d0 = d0 ? std::min(*d0, k) : k;
        d1 = d1 ? std::max(*d1, k) : k;
    };
    const auto take_value = [&](double v) {
        if (!std::isfinite(v)) return;
        y0 = y0 ? std::min(*y0, v) : v;
        y1 = y1 ? std::max(*y1, v) : v;
    };
    for (const auto& p : pts) {
        take_date(p.date);
        take_value(p.value);
    }
    take_date(t.deadline);
    if (t.target_value) take_value(*t.target_value);
    if (t.upper) take_value(*t.upper);
    s += detail::svg_rect("plot-bg", left, top, pw, ph, "#fbfcfd");
    if (t.series.empty() || !y0 || !d0) {
        s += detail::svg_text("empty", left + pw / 2, top + ph / 2,
                              std::string(status_label(target_status::no_data, lang)), "middle", 12, "#8c959f");
        s += "</svg>";
        return s;
    }
    // Pad the domains: a year either side of a single date, 8% of the value range.
    if (*d1 - *d0 < 180) {
        *d0 -= 183;
        *d1 += 183;
    }
    const std::int64_t span_days = *d1 - *d0;
    *d0 -= span_days / 25;
    *d1 += span_days / 25;
    double lo = *y0, hi = *y1;
    if (hi - lo < 1e-12) {
        const double pad = std::fabs(hi) > 0 ? std::fabs(hi) * 0.1 : 1.0;
        lo -= pad;
        hi += pad;
    }
    const double step = detail::nice_step(hi - lo, 4);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;
    const auto X = [&](const date& d) {
        return left + pw * static_cast<double>(d.days_since_epoch() - *d0) / static_cast<double>(*d1 - *d0);
    };
    const auto Y = [&](double v) { return top + ph * (1.0 - (v - lo) / (hi - lo)); };

    // Grid and axes.
    for (int k = 0; k <= 12; ++k) {
        const double v = lo + step * k;
        if (v > hi + step * 1e-9) break;
        const double y = Y(v);
        s += detail::svg_line("grid", left, y, left + pw, y, "#e6e9ed");
        s += detail::svg_text("axis", left - 6, y + 4, human_number(v, lang), "end", 10, "#57606a");
    }
    const int first_year = date::from_days(*d0).year() + 1;
    const int last_year = date::from_days(*d1).year();
    const int years = last_year - first_year + 1;
    const int every = years <= 7 ? 1 : (years + 6) / 7;
    for (int yr = first_year; yr <= last_year; ++yr) {
        if ((yr - first_year) % every != 0) continue;
        const double x = X(date::from_ymd(yr, 1, 1));
        s += detail::svg_line("tick", x, top + ph, x, top + ph + 4, "#8c959f");
        s += detail::svg_text("axis", x, top + ph + 16, std::to_string(yr), "middle", 10, "#57606a");
    }
    s += detail::svg_line("axis-line", left, top + ph, left + pw, top + ph, "#8c959f");

    // Target band (within), path, target point.
    if (t.kind == target_kind::within && t.target_value && t.upper) {
        s += detail::svg_rect("target-band", left, Y(*t.upper), pw, Y(*t.target_value) - Y(*t.upper), "#1a7f37",
                              " fill-opacity=\"0.08\"");
    }
    if (t.path.size() >= 2) {
        std::string points;
        for (const auto& p : t.path)
            points += detail::svg_num(X(p.date)) + "," + detail::svg_num(Y(p.value)) + " ";
        points.pop_back();
        s += "<polyline class=\"target-path\" points=\"" + points +
             "\" fill=\"none\" stroke=\"#57606a\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>";
    }
    if (t.target_value && has_numeric_target(t.kind)) {
        const double x = X(t.deadline), y = Y(*t.target_value);
        s += "<path class=\"target-point\" d=\"M" + detail::svg_num(x) + " " + detail::svg_num(y - 6) + " L" +
             detail::svg_num(x + 6) + " " + detail::svg_num(y) + " L" + detail::svg_num(x) + " " +
             detail::svg_num(y + 6) + " L" + detail::svg_num(x - 6) + " " + detail::svg_num(y) +
             " Z\" fill=\"#ffffff\" stroke=\"#24292f\" stroke-width=\"1.5\"><title>" +
             html_escape(std::string(label(report_label::target_value, lang)) + " " +
                         target_expression(t.kind, t.target_value, t.upper, t.direction, t.unit, t.unit_suffix, lang)) +
             "</title></path>";
    }
    // Deadline and as-of markers.
    {
        const double x = X(t.deadline);
        s += detail::svg_line("deadline", x, top, x, top + ph, "#cf222e", 1.5, " stroke-dasharray=\"3 3\"");
        s += detail::svg_text("deadline-label", std::min(x, left + pw - 2), top - 8,
                              std::string(label(report_label::deadline, lang)) + " " + human_date(t.deadline, lang),
                              x > left + pw * 0.6 ? "end" : "middle", 10, "#cf222e");
        if (as_of.days_since_epoch() >= *d0 && as_of.days_since_epoch() <= *d1) {
            const double xa = X(as_of);
            s += detail::svg_line("as-of", xa, top, xa, top + ph, "#8c959f", 1, " stroke-dasharray=\"1 3\"");
        }
    }
    // Observations.
    const std::string_view color = status_color(t.status);
    if (t.series.size() >= 2) {
        std::string points;
        for (const auto& p : t.series)
            points += detail::svg_num(X(p.date)) + "," + detail::svg_num(Y(p.value)) + " ";
        points.pop_back();
        s += "<polyline class=\"observed\" points=\"" + points + "\" fill=\"none\" stroke=\"" + std::string(color) +
             "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>";
    }
    for (const auto& p : t.series) {
        s += "<circle class=\"obs\" cx=\"" + detail::svg_num(X(p.date)) + "\" cy=\"" + detail::svg_num(Y(p.value)) +
             "\" r=\"3.5\" fill=\"#ffffff\" stroke=\"" + std::string(color) + "\" stroke-width=\"2\"><title>" +
             html_escape(human_date(p.date, lang) + ": " + human_value(p.value, t.unit, t.unit_suffix, lang)) +
             "</title></circle>";
    }
    s += "</svg>";
    return s;
}

DXFRAME_DECL std::string svg_ranking(const ranking& r, language lang, double width) {
    const double row = 20, top = 6, label_w = std::min(220.0, width * 0.34), value_w = 64;
    const double bar_x = label_w + 8, bar_w = std::max(60.0, width - bar_x - value_w);
    const double height = top + row * static_cast<double>(r.entries.size()) + 6;
    std::string title = std::string(label(report_label::ranking, lang)) + ": " + r.title;
    if (r.date) title += " (" + human_date(*r.date, lang) + ")";
    std::string s = detail::svg_open("chart ranking-chart", width, height, title);
    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& e : r.entries) {
        if (!e.value || !std::isfinite(*e.value)) continue;
        lo = any ? std::min(lo, *e.value) : std::min(0.0, *e.value);
        hi = any ? std::max(hi, *e.value) : std::max(0.0, *e.value);
        any = true;
    }
    const double span = hi - lo > 0 ? hi - lo : 1.0;
    for (std::size_t i = 0; i < r.entries.size(); ++i) {
        const ranking_entry& e = r.entries[i];
        const double y = top + row * static_cast<double>(i);
        const std::string name = (e.rank ? std::to_string(*e.rank) + ". " : std::string("\u2013 ")) + e.name;
        s += detail::svg_text("label", label_w, y + 14, truncate_to_width(name, 32), "end", 12);
        if (e.value && std::isfinite(*e.value)) {
            const double w = bar_w * (*e.value - lo) / span;
            const bool top3 = e.rank && *e.rank <= 3;
            s += detail::svg_rect("rank-bar", bar_x, y + 3, w, row - 6, top3 ? "#0b4f8a" : "#5b9bd5",
                                  " rx=\"2\" data-rank=\"" + (e.rank ? std::to_string(*e.rank) : std::string()) + "\"",
                                  e.name + ": " + human_number(*e.value, lang));
        }
        s += detail::svg_text("value", bar_x + bar_w + 6, y + 14, human_number(e.value, lang), "start", 12);
    }
    s += "</svg>";
    return s;
}

DXFRAME_DECL std::string svg_breakdowns(const scorecard_target& t, language lang, double width) {
    if (t.breakdowns.empty()) return {};
    const double row = 22, top = 6, label_w = std::min(150.0, width * 0.36), value_w = 78;
    const double bar_x = label_w + 8, bar_w = std::max(60.0, width - bar_x - value_w);
    const double height = top + row * static_cast<double>(t.breakdowns.size()) + 8;
    std::string s = detail::svg_open("chart breakdowns", width, height,
                                     std::string(label(breakdown_word::by_breakdown, lang)) + ": " + t.title);
    double lo = 0, hi = 0;
    const auto take = [&](double v) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    };
    for (const breakdown_value& b : t.breakdowns)
        take(b.latest.value);
    if (t.target_value) take(*t.target_value);
    const double span = hi - lo > 0 ? hi - lo : 1.0;
    const auto X = [&](double v) { return bar_x + bar_w * (v - lo) / span; };
    for (std::size_t i = 0; i < t.breakdowns.size(); ++i) {
        const breakdown_value& b = t.breakdowns[i];
        const double y = top + row * static_cast<double>(i);
        const bool own = b.breakdown == t.breakdown;
        const std::string value = human_value(b.latest.value, t.unit, t.unit_suffix, lang);
        s += detail::svg_text("label", label_w, y + 15, truncate_to_width(b.label, 24), "end", 12);
        s += detail::svg_rect("breakdown-bar" + std::string(own ? " own " + status_class(t.status) : ""), X(0.0), y + 3,
                              X(b.latest.value) - X(0.0), row - 6, own ? status_color(t.status) : "#8c959f",
                              " rx=\"2\" data-breakdown=\"" + html_escape(breakdown_text(b.breakdown)) + "\"",
                              b.label + ": " + value + " (" + human_date(b.latest.date, lang) + ")");
        s += detail::svg_text("value", bar_x + bar_w + 6, y + 15, value, "start", 12);
    }
    if (t.target_value) {
        const double x = X(*t.target_value);
        s += detail::svg_line("target", x, top - 2, x, height - 4, "#cf222e", 2, " stroke-dasharray=\"4 3\"");
    }
    s += "</svg>";
    return s;
}

}  // namespace dxframe
