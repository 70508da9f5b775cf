// SPDX-License-Identifier: MIT
// Definitions for <dxframe/report/audit.hpp> (see <dxframe/config.hpp>: included by that header in
// header-only mode, by <dxframe/src.hpp> in separate compilation).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <dxframe/io/csv.hpp>
#include <dxframe/report/audit.hpp>
#include <dxframe/report/audit_labels.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/json.hpp>

namespace dxframe {

namespace detail {

// One CSV record from cells already formatted.
inline void audit_csv_row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        out += csv_field(cells[i]);
    }
    out += '\n';
}

inline std::string audit_joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

// A p-value for people: "< 0.001" below a thousandth, else about three decimals.
inline std::string audit_p_text(const std::optional<double>& p, language lang) {
    if (!p) return std::string(missing_mark);
    if (*p < 0.001) return "< " + human_number(0.001, lang);
    return human_number(*p, lang);
}

}  // namespace detail

DXFRAME_DECL std::string render_audit_csv(const audit_result& audit, audit_table table) {
    using detail::audit_csv_row;
    std::string out;
    const auto num = [](const std::optional<double>& v) { return full_precision_number(v); };
    switch (table) {
        case audit_table::statistics:
            audit_csv_row(out, {"id", "name", "level", "parent", "n", "missing", "nonzero", "unique", "min", "max",
                                "mean", "median", "sd", "skewness", "kurtosis", "outlier_flag"});
            for (const auto& c : audit.columns) {
                const auto& s = c.statistics;
                audit_csv_row(out, {c.id, c.name, std::to_string(c.level), c.parent.value_or(""), std::to_string(s.n),
                                    std::to_string(s.missing), std::to_string(s.nonzero), std::to_string(s.unique),
                                    num(s.min), num(s.max), num(s.mean), num(s.median), num(s.sd), num(s.skewness),
                                    num(s.kurtosis), c.outlier_flag ? "true" : "false"});
            }
            break;
        case audit_table::correlations: {
            audit_csv_row(out, {"first", "second", "r", "p", "n"});
            const std::size_t k = audit.indicators.ids.size();
            for (std::size_t i = 0; i < k; ++i)
                for (std::size_t j = i + 1; j < k; ++j) {
                    const auto& c = audit.indicators.at(i, j);
                    audit_csv_row(out, {audit.indicators.ids[i], audit.indicators.ids[j], num(c.r), num(c.p),
                                        std::to_string(c.n)});
                }
            break;
        }
        case audit_table::family:
            audit_csv_row(out, {"element", "ancestor", "ancestor_level", "r", "p", "n"});
            for (const auto& f : audit.family)
                audit_csv_row(out, {f.element, f.ancestor, std::to_string(f.ancestor_level), num(f.value.r),
                                    num(f.value.p), std::to_string(f.value.n)});
            break;
        case audit_table::flags:
            audit_csv_row(out, {"group", "first", "second", "type", "r"});
            for (const auto& f : audit.flags)
                audit_csv_row(out, {f.group, f.first, f.second, f.high ? "high" : "low", full_precision_number(f.r)});
            break;
        case audit_table::groups:
            audit_csv_row(out, {"group", "component", "members", "alpha", "rows", "variance", "share", "loadings"});
            for (const auto& g : audit.groups) {
                const std::string members = detail::audit_joined(g.members);
                if (!g.pca) {
                    audit_csv_row(out, {g.group, "", members, num(g.alpha), "", "", "", ""});
                    continue;
                }
                for (std::size_t m = 0; m < g.pca->variances.size(); ++m) {
                    std::vector<std::string> loadings;
                    for (const double l : g.pca->loadings[m])
                        loadings.push_back(full_precision_number(l));
                    audit_csv_row(out, {g.group, std::to_string(m + 1), members, num(g.alpha),
                                        std::to_string(g.pca->rows), full_precision_number(g.pca->variances[m]),
                                        full_precision_number(g.pca->shares[m]), detail::audit_joined(loadings)});
                }
            }
            break;
    }
    return out;
}

DXFRAME_DECL std::string render_audit_json(const audit_result& audit) {
    return render_report_json(audit);
}

DXFRAME_DECL std::string render_audit_markdown(const audit_result& audit, const audit_report_options& options) {
    const language lang = options.lang;
    const auto L = [&](audit_label key) { return std::string(label(key, lang)); };
    const auto h = [&](const std::optional<double>& v) { return human_number(v, lang); };
    const auto e = [](const std::string& s) { return markdown_escape(s); };
    std::string md = "# " + L(audit_label::audit_title) + "\n\n";
    if (!options.dataset.empty()) md += e(options.dataset) + "\n\n";

    md += "## " + L(audit_label::statistics) + "\n\n";
    md += "| " + L(audit_label::indicator) + " | " + L(audit_label::n) + " | " + L(audit_label::missing) + " | " +
          L(audit_label::mean) + " | " + L(audit_label::sd) + " | " + L(audit_label::min) + " | " +
          L(audit_label::max) + " | " + L(audit_label::skewness) + " | " + L(audit_label::kurtosis) + " | " +
          L(audit_label::outlier) + " |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|:-:|\n";
    for (const auto& c : audit.columns) {
        const auto& s = c.statistics;
        md += "| " + e(c.id) + " | " + std::to_string(s.n) + " | " + std::to_string(s.missing) + " | " + h(s.mean) +
              " | " + h(s.sd) + " | " + h(s.min) + " | " + h(s.max) + " | " + h(s.skewness) + " | " + h(s.kurtosis) +
              " | " + (c.outlier_flag ? "⚠" : "") + " |\n";
    }
    md += "\n" + L(audit_label::statistics_note) + "\n\n";

    md += "## " + L(audit_label::flags) + "\n\n" + L(audit_label::flags_note) + "\n\n";
    if (audit.flags.empty()) {
        md += L(audit_label::no_flags) + "\n\n";
    } else {
        md += "| " + L(audit_label::group) + " | " + L(audit_label::indicator) + " | " + L(audit_label::indicator) +
              " | r |  |\n|---|---|---|--:|---|\n";
        for (const auto& f : audit.flags)
            md += "| " + e(f.group) + " | " + e(f.first) + " | " + e(f.second) + " | " + h(f.r) + " | " +
                  L(f.high ? audit_label::high : audit_label::low) + " |\n";
        md += "\n";
    }

    if (!audit.family.empty()) {
        md += "## " + L(audit_label::family) + "\n\n| " + L(audit_label::indicator) + " | " + L(audit_label::ancestor) +
              " | " + L(audit_label::level) + " | r | p | n |\n|---|---|--:|--:|--:|--:|\n";
        for (const auto& f : audit.family)
            md += "| " + e(f.element) + " | " + e(f.ancestor) + " | " + std::to_string(f.ancestor_level) + " | " +
                  h(f.value.r) + " | " + detail::audit_p_text(f.value.p, lang) + " | " + std::to_string(f.value.n) +
                  " |\n";
        md += "\n";
    }

    md += "## " + L(audit_label::groups) + "\n\n| " + L(audit_label::group) + " | " + L(audit_label::members) + " | " +
          L(audit_label::alpha) + " | " + L(audit_label::first_share) + " | " + L(audit_label::complete_rows) +
          " |\n|---|---|--:|--:|--:|\n";
    for (const auto& g : audit.groups) {
        std::string members;
        for (const auto& m : g.members)
            members += (members.empty() ? "" : ", ") + e(m);
        md += "| " + e(g.group) + " | " + members + " | " + h(g.alpha) + " | " +
              (g.pca ? percent(g.pca->shares[0]) : std::string(missing_mark)) + " | " +
              (g.pca ? std::to_string(g.pca->rows) : std::string(missing_mark)) + " |\n";
    }
    md += "\n" + L(audit_label::groups_note) + "\n";

    if (!audit.diagnostics.empty()) {
        md += "\n## " + L(audit_label::diagnostics) + "\n\n";
        for (const auto& d : audit.diagnostics)
            md += "- " + (d.path.empty() ? std::string() : e(d.path) + ": ") + e(d.message) + "\n";
    }
    return md;
}

}  // namespace dxframe
