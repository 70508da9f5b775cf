// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/terminal.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dxframe/error.hpp>
#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/breakdowns.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/terminal.hpp>
#include <dxframe/report/text_width.hpp>

namespace dxframe {

namespace detail {

struct ansi {
    bool on = false;
    std::string wrap(const std::string& s, std::string_view code) const {
        if (!on || s.empty()) return s;
        return "\x1b[" + std::string(code) + "m" + s + "\x1b[0m";
    }
};

constexpr std::string_view status_ansi(target_status s) noexcept {
    switch (s) {
        case target_status::achieved: return "32";
        case target_status::on_track: return "36";
        case target_status::needs_acceleration: return "33";
        case target_status::limited_progress: return "35";
        case target_status::deterioration: return "31";
        case target_status::overdue: return "1;31";
        case target_status::unreported: return "1;35";
        case target_status::insufficient_data:
        case target_status::no_data: return "2";
    }
    return "0";
}

inline std::string repeat(std::string_view unit_text, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += unit_text;
    return out;
}

// A bar of `cells` characters: full blocks for the share, light shade for the rest; spaces
// when the share is unknown.
inline std::string text_bar(const std::optional<double>& share, std::size_t cells) {
    if (!share) return std::string(cells, ' ');
    const double s = std::clamp(*share, 0.0, 1.0);
    auto full = static_cast<std::size_t>(std::lround(s * static_cast<double>(cells)));
    if (full > cells) full = cells;
    return repeat("\u2588", full) + repeat("\u2591", cells - full);
}

inline std::string_view score_ansi(const std::optional<double>& s) noexcept {
    if (!s) return "2";
    if (*s >= 0.8) return "32";
    if (*s >= 0.5) return "33";
    return "31";
}

inline std::string count_cell(std::size_t n, std::size_t width) {
    return pad_left(n == 0 ? std::string("\u00b7") : std::to_string(n), width);
}

// "78,3 → ≥ 80%": the latest value without its unit, then the target with it.
inline std::string latest_vs_target(const scorecard_target& t, language lang) {
    const std::string latest = t.latest ? human_value_in_ranking(t.latest->value, t.latest_out_of, t.unit, "", lang)
                                        : std::string(missing_mark);
    return latest + " \u2192 " +
           target_expression(t.kind, t.target_value, t.upper, t.direction, t.unit, t.unit_suffix, lang);
}

inline std::string days_phrase(std::int64_t days, language lang) {
    if (days == 0) return lang == language::vi ? "hôm nay" : "today";
    if (days > 0) {
        return lang == language::vi ? "còn " + std::to_string(days) + " ngày" : "in " + std::to_string(days) + " days";
    }
    return lang == language::vi ? "trễ " + std::to_string(-days) + " ngày" : std::to_string(-days) + " days late";
}

// The targets of a group, most urgent first (attention_rank: overdue, unreported, deterioration …
// achieved, then those with too little or no data), then by deadline.
inline std::vector<const scorecard_target*> sorted_members(const scorecard& sc, const scorecard_group& g) {
    std::vector<const scorecard_target*> out;
    for (const auto& t : sc.targets) {
        if (g.pillar ? t.pillar == g.pillar : !t.pillar) out.push_back(&t);
    }
    std::stable_sort(out.begin(), out.end(), [](const scorecard_target* a, const scorecard_target* b) {
        if (attention_rank(a->status) != attention_rank(b->status)) {
            return attention_rank(a->status) > attention_rank(b->status);
        }
        return a->deadline < b->deadline;
    });
    return out;
}

// "Newest data 2025-06-30 · Newest source published 2025-08-01".
inline std::string freshness_line(const scorecard& sc, language lang) {
    return std::string(label(freshness_label::newest_observation, lang)) + " " +
           human_date(sc.newest_observation, lang) + " \u00b7 " +
           std::string(label(freshness_label::newest_source, lang)) + " " + human_date(sc.newest_source, lang);
}

inline std::string confidence_line(const confidence_counts& c, language lang) {
    std::string out;
    const auto add = [&](std::size_t n, std::string_view what) {
        if (n == 0) return;
        if (!out.empty()) out += ", ";
        out += std::to_string(n) + " " + std::string(what);
    };
    add(c.verified, confidence_label(confidence_level::verified, lang));
    add(c.secondary, confidence_label(confidence_level::secondary, lang));
    add(c.unverified, confidence_label(confidence_level::unverified, lang));
    add(c.not_stated, lang == language::vi ? "không ghi độ tin cậy" : "confidence not stated");
    add(c.no_source, lang == language::vi ? "không có nguồn" : "without a source");
    return out.empty() ? std::string(missing_mark) : out;
}

}  // namespace detail

DXFRAME_DECL std::string render_terminal(const scorecard& sc, const terminal_options& options) {
    if (options.width < 60) throw error("dxframe::terminal_options: width must be at least 60");
    const language lang = sc.lang;
    const std::size_t W = options.width;
    const detail::ansi c{options.color};
    std::string out;
    const auto line = [&](const std::string& s) {
        std::size_t end = s.size();
        while (end > 0 && s[end - 1] == ' ')
            --end;  // no trailing blanks from padding
        out.append(s, 0, end);
        out += '\n';
    };
    const auto lbl = [&](auto k) { return std::string(label(k, lang)); };
    const std::string heavy = detail::repeat("\u2550", W);
    const std::string light = detail::repeat("\u2500", W);

    // Header.
    std::string title = lbl(report_label::scorecard_title);
    if (!sc.entity_name.empty()) title += " \u2014 " + sc.entity_name;
    line(c.wrap(truncate_to_width(title, W), "1"));
    if (!sc.framework_name.empty()) {
        for (const auto& l : wrap_to_width(sc.framework_name, W))
            line(l);
    }
    line(truncate_to_width(lbl(report_label::as_of) + " " + human_date(sc.as_of, lang) + " \u00b7 " +
                               lbl(report_label::method) + ": " + std::string(method_label(sc.method, lang)),
                           W));
    for (const auto& l : wrap_to_width(detail::freshness_line(sc, lang), W))
        line(l);
    line(heavy);

    // Overall.
    {
        const std::string head = pad_right(lbl(report_label::overall), 10);
        const std::string bar = detail::text_bar(sc.overall.score, 20);
        std::string l = c.wrap(head, "1") + c.wrap(bar, detail::score_ansi(sc.overall.score)) + "  " +
                        c.wrap(pad_left(percent(sc.overall.score), 4), "1") + "   " +
                        target_count(sc.overall.targets, lang);
        line(l);
        // Counts by status, wrapped; each item coloured after wrapping is decided.
        std::vector<std::pair<std::string, target_status>> items;
        const auto all = sc.overall.counts.by_status();
        items.reserve(all.size());
        for (const auto& [count, s] : all) {
            items.emplace_back(std::string(status_label(s, lang)) + " " + std::to_string(count), s);
        }
        std::string cur = std::string(10, ' ');
        std::size_t cur_w = 10;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string sep = cur_w > 10 ? " \u00b7 " : "";
            const std::size_t w = display_width(items[i].first);
            if (cur_w + display_width(sep) + w > W && cur_w > 10) {
                line(cur);
                cur = std::string(10, ' ');
                cur_w = 10;
            } else {
                cur += sep;
                cur_w += display_width(sep);
            }
            cur += c.wrap(items[i].first, detail::status_ansi(items[i].second));
            cur_w += w;
        }
        line(cur);
        if (sc.overall.manual > 0) {
            // Statuses set by hand are not in the counts above (they are not computed): said apart.
            line(std::string(10, ' ') +
                 c.wrap(lbl(status_source_label::manual) + ": " + std::to_string(sc.overall.manual), "1"));
        }
    }
    line(light);

    // Pillar table: name | bar | score | targets | nine status counts.
    const std::size_t count_w = 4;
    const std::size_t fixed = 1 + 10 + 1 + 4 + 1 + 4 + target_status_count * count_w;
    const std::size_t name_w = W - fixed > 32 ? 32 : W - fixed;
    {
        std::string h = pad_right(lbl(report_label::pillar), name_w) + " " + pad_right(lbl(report_label::score), 15) +
                        " " + pad_left(lang == language::vi ? "CT" : "Tgt", 4);
        for (std::size_t k = 0; k < target_status_count; ++k) {
            h += pad_left(status_abbreviation(static_cast<target_status>(k), lang), count_w);
        }
        line(c.wrap(h, "1"));
        std::vector<const scorecard_group*> groups;
        for (const auto& g : sc.pillars)
            groups.push_back(&g);
        if (sc.unassigned) groups.push_back(&*sc.unassigned);
        for (const scorecard_group* g : groups) {
            if (g->targets == 0) {
                line(pad_right(g->name, name_w) + " " +
                     c.wrap(truncate_to_width(lbl(report_label::no_target_set), W - name_w - 1), "2"));
                continue;
            }
            const status_counts& n = g->counts;
            std::string l = pad_right(g->name, name_w) + " " +
                            c.wrap(detail::text_bar(g->score, 10), detail::score_ansi(g->score)) + " " +
                            pad_left(percent(g->score), 4) + " " + pad_left(std::to_string(g->targets), 4);
            for (std::size_t k = 0; k < target_status_count; ++k) {
                const auto st = static_cast<target_status>(k);
                const std::string cell = detail::count_cell(n.of(st), count_w);
                l += n.of(st) > 0 ? c.wrap(cell, detail::status_ansi(st)) : cell;
            }
            line(l);
        }
        // Legend: the abbreviations spelled out.
        std::string legend;
        for (std::size_t k = 0; k < target_status_count; ++k) {
            const auto s = static_cast<target_status>(k);
            if (!legend.empty()) legend += " \u00b7 ";
            legend += std::string(status_abbreviation(s, lang)) + " " + std::string(status_label(s, lang));
        }
        legend += " \u00b7 " + std::string(label(freshness_label::stale_after, lang)) + " " +
                  std::to_string(sc.stale_after_months) + " " + std::string(label(freshness_label::months, lang));
        for (const auto& l : wrap_to_width(legend, W))
            line(c.wrap(l, "2"));
    }

    // Targets by pillar.
    if (options.list_targets && !sc.targets.empty()) {
        line(light);
        line(c.wrap(
            truncate_to_width(lbl(report_label::all_targets) + " (" + std::to_string(sc.targets.size()) + ")", W),
            "1"));
        const std::size_t status_w = 13;
        const std::size_t date_w = 10;
        const std::size_t rest = W - 2 - status_w - 1 - 1 - 1 - date_w;  // title + value
        // The value column is as wide as most values need; a longer value takes its room from
        // that row's title rather than losing digits.
        const std::size_t value_cap = rest / 2;
        std::size_t value_w = 8;
        for (const auto& t : sc.targets)
            value_w = std::max(value_w, display_width(detail::latest_vs_target(t, lang)));
        value_w = std::min(value_w, std::min<std::size_t>(20, value_cap));
        std::vector<const scorecard_group*> groups;
        for (const auto& g : sc.pillars)
            groups.push_back(&g);
        if (sc.unassigned) groups.push_back(&*sc.unassigned);
        for (const scorecard_group* g : groups) {
            const auto members = detail::sorted_members(sc, *g);
            if (members.empty()) continue;
            std::string head =
                g->name + " \u00b7 " + percent(g->score) + " \u00b7 " + target_count(members.size(), lang);
            if (!g->off_track.empty()) {
                head += ", " + std::to_string(g->off_track.size()) + " " +
                        (lang == language::vi ? "cần xử lý" : "need action");
            }
            if (g->stale > 0) head += ", " + std::to_string(g->stale) + " " + lbl(report_label::stale);
            line(c.wrap(truncate_to_width(head, W), "1"));
            for (const scorecard_target* t : members) {
                const std::string value = detail::latest_vs_target(*t, lang);
                const std::size_t vw = std::max(value_w, std::min(display_width(value), value_cap));
                line("  " +
                     c.wrap(pad_right(status_short_label(t->status, lang), status_w), detail::status_ansi(t->status)) +
                     " " + pad_right(t->title, rest - vw) + " " + pad_left(value, vw) + " " +
                     pad_left(human_date(t->deadline, lang), date_w));
                const std::string origin =
                    status_origin_text(t->status_source, t->manual_reason, t->method_source, t->method, lang);
                if (!origin.empty()) {
                    // Not the run's computed verdict: said under the row, never passed off as one.
                    const std::string indent(2 + status_w + 1, ' ');
                    line(indent + c.wrap(truncate_to_width(origin, W - indent.size()), "1"));
                }
                // The breakdown it is about and the latest value of each breakdown.
                if (const std::string parts = breakdown_summary(*t, lang); !parts.empty()) {
                    const std::string indent(2 + status_w + 1, ' ');
                    line(indent + truncate_to_width(parts, W - indent.size()));
                }
                // The date and age of the latest observation, under the title; stale ones marked.
                if (t->latest) {
                    std::string data = lbl(freshness_label::data) + " " + human_date(t->latest->date, lang);
                    if (t->latest_age_days) data += " \u00b7 " + age_phrase(*t->latest_age_days, lang);
                    const std::string indent(2 + status_w + 1, ' ');
                    data = truncate_to_width(
                        data, W - indent.size() - (t->stale ? 3 + display_width(lbl(report_label::stale)) : 0));
                    std::string l2 = indent + c.wrap(data, "2");
                    if (t->stale) l2 += " \u00b7 " + c.wrap(lbl(report_label::stale), "1;33");
                    line(l2);
                }
            }
        }
    }

    // Next deadlines.
    line(light);
    line(c.wrap(lbl(report_label::next_deadlines), "1"));
    if (sc.overall.next_deadlines.empty()) {
        line("  " + lbl(report_label::none));
    } else {
        const std::size_t status_w = 13;
        const std::size_t when_w = 14;
        const std::size_t title_w = W - 2 - 10 - 1 - when_w - 1 - 1 - status_w;
        for (const auto& id : sc.overall.next_deadlines) {
            const scorecard_target* t = find_target(sc, id);
            if (t == nullptr) continue;
            line("  " + human_date(t->deadline, lang) + " " +
                 pad_right(detail::days_phrase(t->days_to_deadline, lang), when_w) + " " +
                 pad_right(t->title, title_w) + " " +
                 c.wrap(std::string(status_short_label(t->status, lang)), detail::status_ansi(t->status)));
        }
    }

    // Tasks.
    const auto task_block = [&](report_label heading, const std::vector<scorecard_task>& tasks, bool late) {
        line(light);
        line(c.wrap(lbl(heading) + " (" + std::to_string(tasks.size()) + ")", "1"));
        if (tasks.empty()) {
            line("  " + lbl(report_label::none));
            return;
        }
        const std::size_t when_w = 14;
        const std::size_t owner_w = 22;
        const std::size_t title_w = W - 2 - when_w - 1 - owner_w - 1;
        for (std::size_t i = 0; i < tasks.size() && i < options.max_tasks; ++i) {
            const scorecard_task& t = tasks[i];
            const std::int64_t days = late ? -t.days_late.value_or(0) : t.days_until_due.value_or(0);
            const std::string when = pad_right(detail::days_phrase(days, lang), when_w);
            line("  " + (late ? c.wrap(when, "1;31") : c.wrap(when, "33")) + " " + pad_right(t.owner_name, owner_w) +
                 " " + truncate_to_width(t.title, title_w));
        }
        if (tasks.size() > options.max_tasks) {
            line("  \u2026 +" + std::to_string(tasks.size() - options.max_tasks));
        }
    };
    task_block(report_label::overdue_tasks, sc.overdue_tasks, true);
    if (!sc.due_soon_tasks.empty()) task_block(report_label::due_soon_tasks, sc.due_soon_tasks, false);

    // Sources.
    line(light);
    const std::string src = lbl(report_label::targets) + ": " + detail::confidence_line(sc.target_sources, lang) +
                            ". " + lbl(report_label::observations) + ": " +
                            detail::confidence_line(sc.observation_sources, lang) + ".";
    for (const auto& l : wrap_to_width(lbl(report_label::source) + " \u2014 " + src, W))
        line(c.wrap(l, "2"));
    return out;
}

}  // namespace dxframe
