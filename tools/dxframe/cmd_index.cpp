// SPDX-License-Identifier: MIT
// `dxframe index (FILE | --data iData.csv --meta iMeta.csv) [--normalise SPEC] [--aggregate SPEC]
// [--format csv|json|md|html]`: a composite index over a tree of indicators — normalise,
// aggregate, rank — from a dxframe/1 dataset or from COINr's iData/iMeta tables. A thin layer:
// load, build the tree and the unit × indicator matrix, dxframe::compute_index, print.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <dxframe/index.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/csv.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/io/json.hpp>

#include "cli.hpp"
#include "input.hpp"
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
    "  -o, --output FILE      write to FILE (atomically) instead of standard output\n"
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

// Everything the computation needs, from either kind of input.
struct prepared {
    dxframe::index_tree tree;
    std::vector<std::string> units;
    std::vector<std::string> names;
    dxframe::value_matrix values;
};

std::string number17(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// For people: about four significant digits, no exponent.
std::string short_number(const std::optional<double>& v) {
    if (!v) return "n/a";
    const double a = std::fabs(*v);
    const int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 4;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
    return buf;
}

// Diagnostics as text lines on standard error. For COINr tables every diagnostic names the table
// it is about in its path (the file name); for a dataset the path is a JSON Pointer into `file`.
void print_diagnostics(std::ostream& err, const std::string& file, const std::vector<dxframe::diagnostic>& diags,
                       bool coinr) {
    for (const auto& d : diags) {
        if (coinr) {
            dxframe::diagnostic copy = d;
            copy.path.clear();
            err << dxframe::cli::format_diagnostic(d.path.empty() ? file : d.path, copy) << '\n';
        } else {
            err << dxframe::cli::format_diagnostic(file, d) << '\n';
        }
    }
}

std::optional<prepared> from_coinr(const dxframe::cli::context& ctx, const std::string& data_path,
                                   const std::string& meta_path, std::optional<double> time) {
    std::string data_text, meta_text;
    try {
        data_text = dxframe::read_file(data_path);
        meta_text = dxframe::read_file(meta_path);
    } catch (const dxframe::io_error& e) {
        throw dxframe::cli::io_failure(e.what());
    }
    dxframe::coinr_options opt;
    opt.data_source = data_path;
    opt.meta_source = meta_path;
    opt.time = time;
    auto imported = dxframe::import_coinr(data_text, meta_text, opt);
    print_diagnostics(ctx.err, data_path, imported.diagnostics, true);
    if (!imported.ok()) return std::nullopt;
    prepared p{std::move(imported.data->tree), std::move(imported.data->units), std::move(imported.data->unit_names),
               std::move(imported.data->values)};
    return p;
}

struct dataset_choices {
    std::optional<std::string> root;
    std::optional<dxframe::date> as_of;
    std::optional<int> year;
    bool merge = false;
    dxframe::language lang = dxframe::language::en;
};

std::optional<prepared> from_dataset(const dxframe::cli::context& ctx, const std::string& path,
                                     const dataset_choices& choice) {
    const std::string name = dxframe::cli::input_name(path);
    const auto ds = dxframe::cli::load_checked(ctx.err, path);
    if (!ds) return std::nullopt;
    dxframe::framework_tree_options to;
    to.name_language = choice.lang;
    to.root = choice.root;
    auto built = dxframe::build_tree(ds->framework, to);
    std::vector<dxframe::diagnostic> shown;
    for (const auto& d : built.diagnostics) {
        if (d.severity != dxframe::severity::info) shown.push_back(d);
    }
    print_diagnostics(ctx.err, name, shown, false);
    if (!built.ok()) return std::nullopt;
    dxframe::index_tree tree = std::move(*built.tree);
    const std::size_t ni = tree.indicator_count();

    // The latest observation of each (entity, indicator) within the chosen period.
    std::unordered_map<std::string, std::size_t> entity_row;
    for (std::size_t e = 0; e < ds->entities.size(); ++e)
        entity_row.emplace(ds->entities[e].id, e);
    std::unordered_map<std::string, std::size_t> column;
    std::vector<dxframe::unit> units_of(ni);
    for (std::size_t i = 0; i < ni; ++i)
        column.emplace(tree.indicator(i).id, i);
    for (const auto& ind : ds->framework.indicators) {
        if (const auto it = column.find(ind.id); it != column.end()) units_of[it->second] = ind.unit;
    }
    struct cell {
        dxframe::date date;
        double value = 0;
        bool set = false;
    };
    std::vector<cell> cells(ds->entities.size() * ni);
    for (const auto& obs : ds->observations) {
        const auto c = column.find(obs.indicator);
        const auto r = entity_row.find(obs.entity);
        if (c == column.end() || r == entity_row.end()) continue;
        if (choice.as_of && *choice.as_of < obs.date) continue;
        if (choice.year && obs.date.year() != *choice.year) continue;
        const auto v = dxframe::effective_value(obs, units_of[c->second]);
        if (!v) continue;
        cell& slot = cells[r->second * ni + c->second];
        if (!slot.set || slot.date < obs.date) slot = cell{obs.date, *v, true};
    }
    prepared p{std::move(tree), {}, {}, {}};
    std::vector<std::size_t> rows;
    for (std::size_t e = 0; e < ds->entities.size(); ++e) {
        for (std::size_t i = 0; i < ni; ++i) {
            if (cells[e * ni + i].set) {
                rows.push_back(e);
                break;
            }
        }
    }
    p.values.resize(rows.size(), ni);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        p.units.push_back(ds->entities[rows[k]].id);
        for (std::size_t i = 0; i < ni; ++i) {
            const cell& c = cells[rows[k] * ni + i];
            if (c.set) p.values.set(k, i, c.value);
        }
    }
    if (choice.merge) {
        auto merged = dxframe::merge_successors(p.units, p.values, ds->entities, choice.as_of);
        print_diagnostics(ctx.err, name, merged.diagnostics, false);
        p.units = std::move(merged.units);
        p.values = std::move(merged.values);
    }
    if (p.units.empty()) {
        dxframe::diagnostic d;
        d.code = dxframe::diagnostic_code::insufficient_data;
        d.path = "/observations";
        d.message = "no entity has an observation of the index's indicators" +
                    std::string(choice.as_of  ? " up to " + choice.as_of->to_string()
                                : choice.year ? " in " + std::to_string(*choice.year)
                                              : "");
        print_diagnostics(ctx.err, name, {d}, false);
        return std::nullopt;
    }
    for (const auto& id : p.units) {
        const auto it = entity_row.find(id);
        p.names.push_back(it == entity_row.end() ? id : ds->entities[it->second].name.in(choice.lang));
    }
    return p;
}

// ---- output ---------------------------------------------------------------------------------

std::string to_csv(const prepared& in, const dxframe::index_result& res) {
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
            row.push_back(v ? number17(*v) : std::string());
        }
        for (std::size_t j = 0; j < t.node_count(); ++j) {
            const auto v = res.aggregates.get(u, j);
            row.push_back(v ? number17(*v) : std::string());
        }
        row.push_back(res.ranks[u] ? std::to_string(*res.ranks[u]) : std::string());
        rows.push_back(std::move(row));
    }
    return dxframe::write_csv(rows, "\n");
}

std::string to_json(const prepared& in, const dxframe::index_result& res, const dxframe::index_spec& spec) {
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

std::string md_cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string methods_line(const dxframe::index_spec& spec) {
    std::string s = "normalise " + dxframe::cli::to_spec(spec.normalise);
    for (const auto& [id, n] : spec.indicator_normalise)
        s += ", " + id + "=" + dxframe::cli::to_spec(n);
    s += "; aggregate " + dxframe::cli::to_spec(spec.aggregate);
    for (const auto& [id, m] : spec.node_aggregate)
        s += ", " + id + "=" + dxframe::cli::to_spec(m);
    if (spec.min_share > 0) s += "; min share " + number17(spec.min_share);
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

std::string to_md(const prepared& in, const dxframe::index_result& res, const dxframe::index_spec& spec) {
    const auto& t = in.tree;
    const auto& root = t.node(t.root());
    std::string s = "# " + md_cell(root.name.empty() ? root.id : root.name) + "\n\n";
    s += "Methods: " + md_cell(methods_line(spec)) + ". " + std::to_string(in.units.size()) + " units, " +
         std::to_string(t.indicator_count()) + " indicators, " + std::to_string(t.node_count()) +
         " aggregates (normalised indicators: --format csv or json).\n\n";
    const auto aggs = aggregates_top_down(t);
    s += "| Rank | Unit | Name | " + md_cell(root.id);
    for (std::size_t j : aggs)
        s += " | " + md_cell(t.node(j).id);
    s += " |\n|---:|---|---|---:";
    for (std::size_t k = 0; k < aggs.size(); ++k)
        s += "|---:";
    s += "|\n";
    for (std::size_t u : by_rank(res)) {
        s += "| " + (res.ranks[u] ? std::to_string(*res.ranks[u]) : std::string("n/a")) + " | " + md_cell(in.units[u]) +
             " | " + md_cell(in.names[u]) + " | " + short_number(res.index(u));
        for (std::size_t j : aggs)
            s += " | " + short_number(res.aggregates.get(u, j));
        s += " |\n";
    }
    return s;
}

std::string html_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string to_html(const prepared& in, const dxframe::index_result& res, const dxframe::index_spec& spec) {
    const auto& t = in.tree;
    const auto& root = t.node(t.root());
    const std::string title = root.name.empty() ? root.id : root.name;
    std::string s =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
        "</title>\n<style>\nbody{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}\n"
        "table{border-collapse:collapse;font-size:.85rem}\nth,td{border:1px solid #ccc;padding:.2rem .45rem}\n"
        "th{background:#f2f2f2;position:sticky;top:0}\ntd.n{text-align:right;font-variant-numeric:tabular-nums}\n"
        "td.na{color:#999;text-align:center}\nth.idx,td.idx{background:#eef4ff;font-weight:600}\n</style>\n</head>\n"
        "<body>\n<h1>" +
        html_escape(title) + "</h1>\n<p>Methods: " + html_escape(methods_line(spec)) + ". " +
        std::to_string(in.units.size()) +
        " units, ranked; ties share a rank.</p>\n<table>\n<thead><tr><th>Rank</th>"
        "<th>Unit</th><th>Name</th><th class=\"idx\">" +
        html_escape(root.id) + "</th>";
    const auto aggs = aggregates_top_down(t);
    for (std::size_t j : aggs)
        s += "<th>" + html_escape(t.node(j).id) + "</th>";
    for (std::size_t i = 0; i < t.indicator_count(); ++i)
        s += "<th>" + html_escape(t.indicator(i).id) + "</th>";
    s += "</tr></thead>\n<tbody>\n";
    auto td = [](const std::optional<double>& v, const char* extra = "") {
        if (!v) return std::string("<td class=\"na\">n/a</td>");
        return "<td class=\"n" + std::string(extra) + "\">" + short_number(v) + "</td>";
    };
    for (std::size_t u : by_rank(res)) {
        s += "<tr><td class=\"n\">" + (res.ranks[u] ? std::to_string(*res.ranks[u]) : std::string("n/a")) +
             "</td><td>" + html_escape(in.units[u]) + "</td><td>" + html_escape(in.names[u]) + "</td>" +
             td(res.index(u), " idx");
        for (std::size_t j : aggs)
            s += td(res.aggregates.get(u, j));
        for (std::size_t i = 0; i < t.indicator_count(); ++i)
            s += td(res.normalised.get(u, i));
        s += "</tr>\n";
    }
    s += "</tbody>\n</table>\n</body>\n</html>\n";
    return s;
}

// ---- arguments ------------------------------------------------------------------------------

std::optional<double> parse_double(const std::string& s) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// "SPEC" or "ID=SPEC" values of a repeatable option.
std::pair<std::optional<std::string>, std::vector<std::pair<std::string, std::string>>> split_specs(
    const std::vector<std::string>& values, const std::string& option) {
    std::optional<std::string> global;
    std::vector<std::pair<std::string, std::string>> per_id;
    for (const auto& v : values) {
        const auto eq = v.find('=');
        if (eq == std::string::npos) {
            if (global) throw usage_error(option + " SPEC given twice ('" + *global + "' and '" + v + "')");
            global = v;
        } else {
            if (eq == 0) throw usage_error(option + " '" + v + "': the ID before '=' is empty");
            per_id.emplace_back(v.substr(0, eq), v.substr(eq + 1));
        }
    }
    return {global, per_id};
}

int run_index(dxframe::cli::context& ctx) {
    const dxframe::cli::parsed_args args(
        ctx.args,
        {"--data", "--meta", "--normalise", "--aggregate", "--min-share", "--rank-decimals", "--format", "-o",
         "--output", "--root", "--as-of", "--year", "--lang"},
        {"--merge-successors"});
    const auto& pos = args.positionals();
    const bool coinr = args.has("--data") || args.has("--meta");
    if (coinr) {
        if (!args.has("--data") || !args.has("--meta")) throw usage_error("COINr input needs both --data and --meta");
        if (!pos.empty()) throw usage_error("give a dataset FILE or --data/--meta, not both");
        for (const char* o : {"--root", "--as-of", "--merge-successors", "--lang"}) {
            if (args.has(o)) throw usage_error(std::string(o) + " applies to a dataset FILE, not to COINr tables");
        }
    } else {
        if (pos.empty()) throw usage_error("which input? give a dataset FILE, or --data iData.csv --meta iMeta.csv");
        if (pos.size() > 1) throw usage_error("one dataset FILE at a time (got " + std::to_string(pos.size()) + ")");
    }
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

    dxframe::index_spec spec;
    const auto [norm_global, norm_ids] = split_specs(args.all("--normalise"), "--normalise");
    const auto [agg_global, agg_ids] = split_specs(args.all("--aggregate"), "--aggregate");
    if (norm_global) spec.normalise = dxframe::cli::parse_normalise_spec(*norm_global);
    if (agg_global) spec.aggregate = dxframe::cli::parse_aggregate_spec(*agg_global);
    for (const auto& [id, s] : norm_ids)
        spec.indicator_normalise[id] = dxframe::cli::parse_normalise_spec(s, "--normalise " + id);
    for (const auto& [id, s] : agg_ids)
        spec.node_aggregate[id] = dxframe::cli::parse_aggregate_spec(s, "--aggregate " + id);
    if (const auto m = args.get("--min-share")) {
        const auto v = parse_double(*m);
        if (!v || *v < 0 || *v > 1) throw usage_error("--min-share must be a number between 0 and 1, not '" + *m + "'");
        spec.min_share = *v;
    }
    if (const auto d = args.get("--rank-decimals")) {
        const auto v = parse_double(*d);
        if (!v || *v < 0 || *v > 15 || *v != std::floor(*v)) {
            throw usage_error("--rank-decimals must be a whole number from 0 to 15, not '" + *d + "'");
        }
        spec.rank.decimals = static_cast<int>(*v);
    }

    dataset_choices choice;
    choice.root = args.get("--root");
    choice.merge = args.has("--merge-successors");
    if (const auto a = args.get("--as-of")) {
        choice.as_of = dxframe::date::parse(*a);
        if (!choice.as_of) throw usage_error("--as-of must be a date YYYY-MM-DD, not '" + *a + "'");
    }
    std::optional<double> time;
    if (const auto y = args.get("--year")) {
        if (choice.as_of) throw usage_error("give --as-of or --year, not both");
        const auto v = parse_double(*y);
        if (!v || (!coinr && (*v != std::floor(*v) || *v < 1 || *v > 9999))) {
            throw usage_error("--year must be " + std::string(coinr ? "a number (a Time of iData)" : "a year YYYY") +
                              ", not '" + *y + "'");
        }
        time = *v;
        if (!coinr) choice.year = static_cast<int>(*v);
    }
    if (const auto l = args.get("--lang")) {
        choice.lang =
            dxframe::cli::one_of("--lang", *l, {"vi", "en"}) == "vi" ? dxframe::language::vi : dxframe::language::en;
    }

    const std::string file = coinr ? *args.get("--data") : dxframe::cli::input_name(pos[0]);
    std::optional<prepared> in =
        coinr ? from_coinr(ctx, *args.get("--data"), *args.get("--meta"), time) : from_dataset(ctx, pos[0], choice);
    if (!in) return dxframe::cli::exit_data_error;

    // Ids named in per-element specs must exist: a typo is a usage error, not silence.
    for (const auto& [id, n] : spec.indicator_normalise) {
        if (!in->tree.find_indicator(id)) throw usage_error("--normalise " + id + "=...: no indicator '" + id + "'");
    }
    for (const auto& [id, m] : spec.node_aggregate) {
        if (!in->tree.find_node(id)) throw usage_error("--aggregate " + id + "=...: no node '" + id + "'");
    }

    const dxframe::index_result res = dxframe::compute_index(in->tree, in->values, in->units, spec);
    print_diagnostics(ctx.err, file, res.diagnostics, coinr);
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
    if (!output || *output == "-") {
        ctx.out << text;
        return dxframe::cli::exit_ok;
    }
    try {
        dxframe::write_file_atomic(*output, text);
    } catch (const dxframe::io_error& e) {
        throw dxframe::cli::io_failure(e.what());
    }
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar index_command{
    {"index", "composite index: normalise, aggregate over a tree, rank (dataset or COINr tables)", index_usage,
     run_index}};

}  // namespace
