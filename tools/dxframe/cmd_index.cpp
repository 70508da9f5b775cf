// SPDX-License-Identifier: MIT
// `dxframe index (FILE | --data iData.csv --meta iMeta.csv) [--normalise SPEC] [--aggregate SPEC]
// [--format csv|json|md|html]`: a composite index over a tree of indicators — normalise,
// aggregate, rank — from a dxframe/1 dataset or from COINr's iData/iMeta tables. A thin layer:
// read the input (index_input.hpp: the tree, the unit × indicator matrix, the unit names),
// dxframe::compute_index, print.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/index.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/report/escape.hpp>
#include <dxframe/report/format.hpp>

#include "cli.hpp"
#include "index_input.hpp"
#include "output.hpp"
#include "spec.hpp"

namespace {

using dxframe::cli::usage_error;

constexpr const char* index_usage =
    "Usage: dxframe index FILE [--root NODE] [--as-of YYYY-MM-DD | --year YYYY] [--merge-successors]\n"
    "                          [--lang vi|en] [OPTIONS]\n"
    "       dxframe index --data iData.csv --meta iMeta.csv [--year TIME] [OPTIONS]\n"
    "\n"
    "Computes a composite index over a tree of indicators: normalise every indicator, aggregate\n"
    "node by node up to the index, rank the units (ties share a rank: 1, 2, 2, 4). The input is\n"
    "a dxframe/1 dataset (FILE, '-' for standard input: the framework's nodes and indicators\n"
    "form the tree, each entity's latest observation of each indicator is its value) or COINr's\n"
    "iData and iMeta tables (CSV, validated with COINr's rules). Methods and formulas:\n"
    "docs/index-methods.md.\n"
    "\n"
    "Options:\n"
    "  --normalise SPEC       normaliser for every indicator (default minmax:0:100). SPEC is one of\n"
    "                         none, minmax:L:U, zscore:M:S, rank, percentile_rank, borda,\n"
    "                         goalposts[:A], distance_to_target, distance_to_max, fraction_of_max\n"
    "  --normalise ID=SPEC    for one indicator (repeatable)\n"
    "  --aggregate SPEC       aggregator for every node without its own method (default\n"
    "                         arithmetic): arithmetic, geometric, harmonic, genmean:P, median\n"
    "  --aggregate ID=SPEC    for one node (repeatable)\n"
    "  --min-share X          a node is missing for a unit when the share of its children present\n"
    "                         is below X (0-1; default 0: missing only when none is present)\n"
    "  --rank-decimals N      rank values rounded to N decimals (the DTI ranks its published\n"
    "                         4-decimal values, so equal published values share a rank)\n"
    "  --format F             csv (default): one row per unit in input order, columns uCode, every\n"
    "                         normalised indicator, every aggregate (lowest level first, the index\n"
    "                         last), Rank; numbers with 17 significant digits, missing empty.\n"
    "                         json: columns, units with every value, diagnostics. md: a table by\n"
    "                         rank. html: one self-contained page. Without --format, -o FILE\n"
    "                         picks it from the extension\n"
    "  -o, --output FILE      write to FILE instead of standard output (a regular file\n"
    "                         atomically; a device or a pipe directly)\n"
    "Dataset only:\n"
    "  --root NODE            the index under this node (a framework may hold several)\n"
    "  --as-of DATE           use observations up to DATE (the latest of each)\n"
    "  --year YYYY            use observations dated in YYYY (the latest of each)\n"
    "  --merge-successors     score each merged entity (successor_of) as the mean of its\n"
    "                         predecessors' values, indicator by indicator (the DTI 2024 rule)\n"
    "  --lang vi|en           language of names (default en)\n"
    "COINr tables only:\n"
    "  --year TIME            panel data: the Time to use (default the latest)\n"
    "\n"
    "Exit codes: 0 success (warnings on standard error); 1 the input has errors, or the index\n"
    "cannot be computed as asked (diagnostics on standard error); 2 usage error, or a file that\n"
    "cannot be read or written.\n";

using dxframe::full_precision_number;
using dxframe::markdown_escape;
using dxframe::cli::index_input;

// For people: about four significant digits, no exponent; "—" when missing.
std::string short_number(const std::optional<double>& v) {
    const double a = v ? std::fabs(*v) : 0.0;
    return dxframe::fixed_number(v, a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 4);
}

// A rank for people; "—" when unranked.
std::string rank_text(const std::optional<std::size_t>& r) {
    return r ? std::to_string(*r) : std::string(dxframe::missing_mark);
}

// ---- output ---------------------------------------------------------------------------------

std::string to_csv(const index_input& in, const dxframe::index_result& res) {
    const auto& t = in.tree;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"uCode"};
    for (std::size_t i = 0; i < t.indicator_count(); ++i)
        header.push_back(t.indicator(i).id);
    for (std::size_t j = 0; j < t.node_count(); ++j)
        header.push_back(t.node(j).id);
    header.emplace_back("Rank");
    rows.push_back(std::move(header));
    for (std::size_t u = 0; u < in.units.size(); ++u) {
        std::vector<std::string> row{in.units[u]};
        for (std::size_t i = 0; i < t.indicator_count(); ++i) {
            const auto v = res.normalised.get(u, i);
            row.push_back(full_precision_number(v));
        }
        for (std::size_t j = 0; j < t.node_count(); ++j) {
            const auto v = res.aggregates.get(u, j);
            row.push_back(full_precision_number(v));
        }
        row.push_back(res.ranks[u] ? std::to_string(*res.ranks[u]) : std::string());
        rows.push_back(std::move(row));
    }
    return dxframe::write_csv(rows, "\n");
}

std::string to_json(const index_input& in, const dxframe::index_result& res, const dxframe::index_spec& spec) {
    const auto report = dxframe::make_report(in.tree, res, &in.names);
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    out["spec"] = spec;
    const nlohmann::ordered_json body = report;
    for (auto it = body.begin(); it != body.end(); ++it)
        out[it.key()] = it.value();
    return out.dump(2) + "\n";
}

// Units by rank (unranked last, then input order).
std::vector<std::size_t> by_rank(const dxframe::index_result& res) {
    std::vector<std::size_t> order(res.ranks.size());
    for (std::size_t u = 0; u < order.size(); ++u)
        order[u] = u;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto ra = res.ranks[a].value_or(static_cast<std::size_t>(-1));
        const auto rb = res.ranks[b].value_or(static_cast<std::size_t>(-1));
        return ra < rb;
    });
    return order;
}

std::string methods_line(const dxframe::index_spec& spec) {
    std::string s = "normalise " + dxframe::cli::to_spec(spec.normalise);
    for (const auto& [id, n] : spec.indicator_normalise)
        s += ", " + id + "=" + dxframe::cli::to_spec(n);
    s += "; aggregate " + dxframe::cli::to_spec(spec.aggregate);
    for (const auto& [id, m] : spec.node_aggregate)
        s += ", " + id + "=" + dxframe::cli::to_spec(m);
    if (spec.min_share > 0) s += "; min share " + full_precision_number(spec.min_share);
    return s;
}

// Aggregates other than the index, highest level first, definition order within a level.
std::vector<std::size_t> aggregates_top_down(const dxframe::index_tree& t) {
    std::vector<std::size_t> order;
    for (std::size_t j = 0; j + 1 < t.node_count(); ++j)
        order.push_back(j);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return t.level(a) > t.level(b); });
    return order;
}

std::string to_md(const index_input& in, const dxframe::index_result& res, const dxframe::index_spec& spec) {
    const auto& t = in.tree;
    const auto& root = t.node(t.root());
    std::string s = "# " + markdown_escape(root.name.empty() ? root.id : root.name) + "\n\n";
    s += "Methods: " + markdown_escape(methods_line(spec)) + ". " + std::to_string(in.units.size()) + " units, " +
         std::to_string(t.indicator_count()) + " indicators, " + std::to_string(t.node_count()) +
         " aggregates (normalised indicators: --format csv or json).\n\n";
    const auto aggs = aggregates_top_down(t);
    s += "| Rank | Unit | Name | " + markdown_escape(root.id);
    for (std::size_t j : aggs)
        s += " | " + markdown_escape(t.node(j).id);
    s += " |\n|---:|---|---|---:";
    for (std::size_t k = 0; k < aggs.size(); ++k)
        s += "|---:";
    s += "|\n";
    for (std::size_t u : by_rank(res)) {
        s += "| " + rank_text(res.ranks[u]) + " | " + markdown_escape(in.units[u]) + " | " +
             markdown_escape(in.names[u]) + " | " + short_number(res.index(u));
        for (std::size_t j : aggs)
            s += " | " + short_number(res.aggregates.get(u, j));
        s += " |\n";
    }
    return s;
}

std::string to_html(const index_input& in, const dxframe::index_result& res, const dxframe::index_spec& spec) {
    const auto& t = in.tree;
    const auto& root = t.node(t.root());
    const std::string title = root.name.empty() ? root.id : root.name;
    std::string s =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + dxframe::html_escape(title) +
        "</title>\n<style>\nbody{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}\n"
        "table{border-collapse:collapse;font-size:.85rem}\nth,td{border:1px solid #ccc;padding:.2rem .45rem}\n"
        "th{background:#f2f2f2;position:sticky;top:0}\ntd.n{text-align:right;font-variant-numeric:tabular-nums}\n"
        "td.na{color:#999;text-align:center}\nth.idx,td.idx{background:#eef4ff;font-weight:600}\n</style>\n</head>\n"
        "<body>\n<h1>" +
        dxframe::html_escape(title) + "</h1>\n<p>Methods: " + dxframe::html_escape(methods_line(spec)) + ". " +
        std::to_string(in.units.size()) +
        " units, ranked; ties share a rank.</p>\n<table>\n<thead><tr><th>Rank</th>"
        "<th>Unit</th><th>Name</th><th class=\"idx\">" +
        dxframe::html_escape(root.id) + "</th>";
    const auto aggs = aggregates_top_down(t);
    for (std::size_t j : aggs)
        s += "<th>" + dxframe::html_escape(t.node(j).id) + "</th>";
    for (std::size_t i = 0; i < t.indicator_count(); ++i)
        s += "<th>" + dxframe::html_escape(t.indicator(i).id) + "</th>";
    s += "</tr></thead>\n<tbody>\n";
    auto td = [](const std::optional<double>& v, const char* extra = "") {
        if (!v) return "<td class=\"na\">" + std::string(dxframe::missing_mark) + "</td>";
        return "<td class=\"n" + std::string(extra) + "\">" + short_number(v) + "</td>";
    };
    for (std::size_t u : by_rank(res)) {
        s += "<tr><td class=\"n\">" + rank_text(res.ranks[u]) + "</td><td>" + dxframe::html_escape(in.units[u]) +
             "</td><td>" + dxframe::html_escape(in.names[u]) + "</td>" + td(res.index(u), " idx");
        for (std::size_t j : aggs)
            s += td(res.aggregates.get(u, j));
        for (std::size_t i = 0; i < t.indicator_count(); ++i)
            s += td(res.normalised.get(u, i));
        s += "</tr>\n";
    }
    s += "</tbody>\n</table>\n</body>\n</html>\n";
    return s;
}

int run_index(dxframe::cli::context& ctx) {
    const dxframe::cli::parsed_args args(
        ctx.args,
        {"--data", "--meta", "--normalise", "--aggregate", "--min-share", "--rank-decimals", "--format", "-o",
         "--output", "--root", "--as-of", "--year", "--lang"},
        {"--merge-successors"});
    // Checked in this order, so that the first problem is the one reported: which input, the
    // output, the methods, then which part of the input.
    dxframe::cli::index_input_request request = dxframe::cli::index_input_source(args);
    if (args.has("-o") && args.has("--output")) throw usage_error("give -o or --output, not both");
    std::optional<std::string> output = args.get("-o");
    if (!output) output = args.get("--output");

    // Format: explicit, else from the output file's extension, else csv.
    std::string format = "csv";
    if (const auto f = args.get("--format")) {
        format = dxframe::cli::one_of("--format", *f, {"csv", "json", "md", "html"});
    } else if (output) {
        for (const char* ext : {"csv", "json", "md", "html"}) {
            const std::string e = std::string(".") + ext;
            if (output->size() > e.size() && output->compare(output->size() - e.size(), e.size(), e) == 0) format = ext;
        }
    }

    const dxframe::index_spec spec = dxframe::cli::parse_index_spec(args);
    dxframe::cli::parse_index_input_choices(args, request);
    const std::optional<index_input> in = dxframe::cli::load_index_input(ctx.err, request);
    if (!in) return dxframe::cli::exit_data_error;
    dxframe::cli::check_index_spec_ids(spec, in->tree);

    const dxframe::index_result res = dxframe::compute_index(in->tree, in->values, in->units, spec);
    dxframe::cli::detail::print_index_diagnostics(ctx.err, *in, res.diagnostics, dxframe::severity::info);
    if (!res.ok()) return dxframe::cli::exit_data_error;

    std::string text;
    if (format == "csv") {
        text = to_csv(*in, res);
    } else if (format == "json") {
        text = to_json(*in, res, spec);
    } else if (format == "md") {
        text = to_md(*in, res, spec);
    } else {
        text = to_html(*in, res, spec);
    }
    dxframe::cli::write_output(ctx, output, text);
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar index_command{
    {"index", "composite index: normalise, aggregate over a tree, rank (dataset or COINr tables)", index_usage,
     run_index}};

}  // namespace
