// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/markdown.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/progress/scorecard.hpp>
#include <dxframe/report/breakdowns.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/labels.hpp>
#include <dxframe/report/markdown.hpp>

namespace dxframe {

namespace detail {

// A target's status for the tables: its label, then how it was reached when not by the run's
// method (set by hand, with the reason; the target's own method).
inline std::string md_status(const scorecard_target& t, language lang) {
    std::string s(status_label(t.status, lang));
    const std::string origin = status_origin_text(t.status_source, t.manual_reason, t.method_source, t.method, lang);
    if (!origin.empty()) s += " (" + markdown_escape(origin) + ")";
    return s;
}

// A URL safe inside a Markdown link destination: only http(s), with the characters that would
// end or break the destination percent-encoded. Empty when the URL is not http(s).
inline std::string markdown_url(const std::string& url) {
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return {};
    std::string out;
    static constexpr char hex[] = "0123456789ABCDEF";
    for (char ch : url) {
        const auto u = static_cast<unsigned char>(ch);
        if (ch == '(' || ch == ')' || ch == '<' || ch == '>' || ch == ' ' || ch == '"' || ch == '\\' || ch == '|' ||
            ch == '`' || u < 0x20 || u == 0x7F) {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xF];
        } else {
            out += ch;
        }
    }
    return out;
}

inline std::string markdown_source(const std::optional<source>& s, language lang) {
    if (!s) return std::string(missing_mark);
    std::string text = markdown_escape(s->reference);
    if (s->url) {
        const std::string u = markdown_url(*s->url);
        if (!u.empty()) text = "[" + text + "](" + u + ")";
    }
    if (s->confidence && *s->confidence != confidence_level::verified) {
        text += " (" + std::string(confidence_label(*s->confidence, lang)) + ")";
    }
    return text;
}

inline std::string md_row(const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells)
        out += " " + c + " |";
    return out + "\n";
}

inline std::string md_rule(const std::vector<bool>& right_aligned) {
    std::string out = "|";
    for (bool r : right_aligned)
        out += r ? " ---: |" : " --- |";
    return out + "\n";
}

inline std::string md_target_value(const scorecard_target& t, language lang) {
    return markdown_escape(
        target_expression(t.kind, t.target_value, t.upper, t.direction, t.unit, t.unit_suffix, lang));
}

inline std::string md_latest(const scorecard_target& t, language lang) {
    if (!t.latest) return std::string(missing_mark);
    return markdown_escape(human_value_in_ranking(t.latest->value, t.latest_out_of, t.unit, t.unit_suffix, lang)) +
           " (" + human_date(t.latest->date, lang) + ")";
}

// The age of the latest observation ("181 days ago"), and a bold stale mark when it is stale.
inline std::string md_age(const scorecard_target& t, language lang) {
    if (!t.latest_age_days) return std::string(missing_mark);
    std::string out = age_phrase(*t.latest_age_days, lang);
    if (t.stale) out += " **" + std::string(label(report_label::stale, lang)) + "**";
    return out;
}

}  // namespace detail

DXFRAME_DECL std::string render_markdown(const scorecard& sc) {
    const language lang = sc.lang;
    const auto lbl = [&](auto k) { return std::string(label(k, lang)); };
    std::string out;
    std::string title = lbl(report_label::scorecard_title);
    if (!sc.entity_name.empty()) title += " \u2014 " + sc.entity_name;
    out += "# " + markdown_escape(title) + "\n\n";
    if (!sc.framework_name.empty())
        out += "**" + lbl(report_label::framework) + ":** " + markdown_escape(sc.framework_name) + "  \n";
    out += "**" + lbl(report_label::as_of) + ":** " + human_date(sc.as_of, lang) + " \u00b7 **" +
           lbl(report_label::method) + ":** " + std::string(method_label(sc.method, lang)) + "  \n";
    out += "**" + lbl(freshness_label::newest_observation) + ":** " + human_date(sc.newest_observation, lang) +
           " \u00b7 **" + lbl(freshness_label::newest_source) + ":** " + human_date(sc.newest_source, lang) +
           " \u00b7 " + lbl(freshness_label::stale_after) + " " + std::to_string(sc.stale_after_months) + " " +
           lbl(freshness_label::months) + "\n\n";

    // Overall.
    out += "## " + lbl(report_label::overall) + "\n\n";
    out += "**" + percent(sc.overall.score) + "** \u2014 " + target_count(sc.overall.targets, lang) + ": ";
    {
        const auto all = sc.overall.counts.by_status();
        bool first = true;
        for (const auto& [count, s] : all) {
            out += (first ? "" : " \u00b7 ") + std::string(status_label(s, lang)) + " " + std::to_string(count);
            first = false;
        }
    }
    out += "\n\n" + lbl(report_label::method_note) + "\n\n";

    // Pillars.
    out += "## " + lbl(report_label::pillar_scores) + "\n\n";
    {
        std::vector<std::string> head{lbl(report_label::pillar), lbl(report_label::score), lbl(report_label::targets)};
        std::vector<bool> right{false, true, true};
        for (std::size_t k = 0; k < target_status_count; ++k) {
            head.emplace_back(status_label(static_cast<target_status>(k), lang));
            right.push_back(true);
        }
        out += detail::md_row(head) + detail::md_rule(right);
        std::vector<const scorecard_group*> groups;
        for (const auto& g : sc.pillars)
            groups.push_back(&g);
        if (sc.unassigned) groups.push_back(&*sc.unassigned);
        for (const scorecard_group* g : groups) {
            std::vector<std::string> row{markdown_escape(g->name)};
            if (g->targets == 0) {
                // No empty row of dashes: say that the sources set no target here.
                row.push_back("_" + lbl(report_label::no_target_set) + "_");
                row.push_back("0");
                for (std::size_t k = 0; k < target_status_count; ++k)
                    row.emplace_back();
            } else {
                row.push_back(percent(g->score));
                row.push_back(std::to_string(g->targets));
                for (std::size_t k = 0; k < target_status_count; ++k)
                    row.push_back(std::to_string(g->counts.of(static_cast<target_status>(k))));
            }
            out += detail::md_row(row);
        }
        std::vector<std::string> total{"**" + lbl(report_label::overall) + "**",
                                       "**" + percent(sc.overall.score) + "**", std::to_string(sc.overall.targets)};
        for (std::size_t k = 0; k < target_status_count; ++k)
            total.push_back(std::to_string(sc.overall.counts.of(static_cast<target_status>(k))));
        out += detail::md_row(total);
        out += "\n";
    }

    // Off track and overdue.
    out += "## " + lbl(report_label::off_track) + " (" + std::to_string(sc.overall.off_track.size()) + ")\n\n";
    if (sc.overall.off_track.empty()) {
        out += lbl(report_label::none) + "\n\n";
    } else {
        out += detail::md_row({lbl(report_label::status), lbl(report_label::target), lbl(report_label::latest),
                               lbl(freshness_label::data_age), lbl(report_label::target_value),
                               lbl(report_label::deadline)});
        out += detail::md_rule({false, false, true, false, true, false});
        for (const auto& id : sc.overall.off_track) {
            const scorecard_target* t = find_target(sc, id);
            if (!t) continue;
            out += detail::md_row({detail::md_status(*t, lang), markdown_escape(t->title), detail::md_latest(*t, lang),
                                   detail::md_age(*t, lang), detail::md_target_value(*t, lang),
                                   human_date(t->deadline, lang)});
        }
        out += "\n";
    }

    // Next deadlines.
    out += "## " + lbl(report_label::next_deadlines) + "\n\n";
    if (sc.overall.next_deadlines.empty()) {
        out += lbl(report_label::none) + "\n\n";
    } else {
        out += detail::md_row({lbl(report_label::deadline), lbl(report_label::days_left), lbl(report_label::target),
                               lbl(report_label::status)});
        out += detail::md_rule({false, true, false, false});
        for (const auto& id : sc.overall.next_deadlines) {
            const scorecard_target* t = find_target(sc, id);
            if (!t) continue;
            out += detail::md_row({human_date(t->deadline, lang), std::to_string(t->days_to_deadline),
                                   markdown_escape(t->title), detail::md_status(*t, lang)});
        }
        out += "\n";
    }

    // Every target, by pillar.
    out += "## " + lbl(report_label::all_targets) + " (" + std::to_string(sc.targets.size()) + ")\n\n";
    {
        std::vector<const scorecard_group*> groups;
        for (const auto& g : sc.pillars)
            groups.push_back(&g);
        if (sc.unassigned) groups.push_back(&*sc.unassigned);
        for (const scorecard_group* g : groups) {
            std::vector<const scorecard_target*> members;
            for (const auto& t : sc.targets) {
                if (g->pillar ? t.pillar == g->pillar : !t.pillar) members.push_back(&t);
            }
            if (members.empty()) continue;
            out += "### " + markdown_escape(g->name) + " \u2014 " + percent(g->score) + "\n\n";
            out += detail::md_row({lbl(report_label::status), lbl(report_label::target), lbl(report_label::progress),
                                   lbl(report_label::latest), lbl(freshness_label::data_age),
                                   lbl(report_label::target_value), lbl(report_label::deadline),
                                   lbl(report_label::source)});
            out += detail::md_rule({false, false, true, true, false, true, false, false});
            for (const scorecard_target* t : members) {
                const std::string parts = breakdown_summary(*t, lang);
                out += detail::md_row({detail::md_status(*t, lang),
                                       markdown_escape(parts.empty() ? t->title : t->title + " (" + parts + ")"),
                                       percent(t->score), detail::md_latest(*t, lang), detail::md_age(*t, lang),
                                       detail::md_target_value(*t, lang), human_date(t->deadline, lang),
                                       detail::markdown_source(t->source, lang)});
            }
            out += "\n";
        }
    }

    // Tasks.
    const auto tasks = [&](report_label heading, const std::vector<scorecard_task>& list, bool late) {
        out += "## " + lbl(heading) + " (" + std::to_string(list.size()) + ")\n\n";
        if (list.empty()) {
            out += lbl(report_label::none) + "\n\n";
            return;
        }
        out +=
            detail::md_row({lbl(report_label::owner), lbl(report_label::task), lbl(report_label::deadline),
                            lbl(late ? report_label::days_late : report_label::days_left), lbl(report_label::source)});
        out += detail::md_rule({false, false, false, true, false});
        for (const auto& t : list) {
            const auto days = late ? t.days_late : t.days_until_due;
            out += detail::md_row(
                {markdown_escape(t.owner_name), markdown_escape(t.title), human_date(t.deadline, lang),
                 days ? std::to_string(*days) : std::string(missing_mark), detail::markdown_source(t.source, lang)});
        }
        out += "\n";
    };
    tasks(report_label::overdue_tasks, sc.overdue_tasks, true);
    if (!sc.due_soon_tasks.empty()) tasks(report_label::due_soon_tasks, sc.due_soon_tasks, false);

    // Sources.
    out += "## " + lbl(report_label::sources) + "\n\n";
    const auto conf = [&](const std::string& what, const confidence_counts& c) {
        out += "- " + what + ": " + std::to_string(c.verified) + " " +
               std::string(confidence_label(confidence_level::verified, lang)) + ", " + std::to_string(c.secondary) +
               " " + std::string(confidence_label(confidence_level::secondary, lang)) + ", " +
               std::to_string(c.unverified) + " " + std::string(confidence_label(confidence_level::unverified, lang)) +
               ", " + std::to_string(c.not_stated + c.no_source) + " " +
               (lang == language::vi ? "không ghi" : "not stated") + "\n";
    };
    conf(lbl(report_label::targets), sc.target_sources);
    conf(lbl(report_label::observations), sc.observation_sources);
    out += "\n_" + lbl(report_label::generated_by) + "_\n";
    return out;
}

}  // namespace dxframe
