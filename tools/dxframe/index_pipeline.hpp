// SPDX-License-Identifier: MIT
// `dxframe index`'s pipeline options: --denominate, --denominator, --impute, --treat, --dset,
// --years, --panel-normalise. A thin layer over the library: parse the options into a
// dxframe::pipeline_spec, read the input as COINr tables (import_coinr / import_coinr_panel) or a
// dataset (dataset_coinr_data / dataset_coinr_panel), run run_pipeline / run_panel_pipeline,
// render through report/index.hpp, report/index_html.hpp and report/pipeline.hpp, write.
// Without any of these options `dxframe index` takes its own path, unchanged.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <dxframe/diagnostic.hpp>
#include <dxframe/index/dataset_tables.hpp>
#include <dxframe/index/impute.hpp>
#include <dxframe/index/pipeline.hpp>
#include <dxframe/index/treat.hpp>
#include <dxframe/io/coinr.hpp>
#include <dxframe/io/coinr_panel.hpp>
#include <dxframe/io/file.hpp>
#include <dxframe/report/format.hpp>
#include <dxframe/report/index.hpp>
#include <dxframe/report/index_html.hpp>
#include <dxframe/report/pipeline.hpp>

#include "cli.hpp"
#include "index_input.hpp"
#include "input.hpp"
#include "output.hpp"
#include "spec.hpp"

namespace dxframe::cli {

/// The value options of the pipeline (for the command's option list).
inline const std::vector<std::string> pipeline_options = {
    "--denominator", "--impute", "--treat", "--dset", "--years", "--panel-normalise", "--impute-max-time"};
/// Its flag options.
inline const std::vector<std::string> pipeline_flags = {"--denominate"};

/// True when any pipeline option is on the command line.
inline bool pipeline_requested(const parsed_args& args) {
    for (const auto& o : pipeline_options) {
        if (args.has(o)) return true;
    }
    return args.has("--denominate");
}

/// The pipeline asked for: the steps, and which table or years to print.
struct pipeline_request {
    panel_pipeline_options options;      ///< The steps (options.spec) and the panel's choices.
    std::optional<pipeline_stage> dset;  ///< --dset: print this table instead of the index.
    bool panel = false;                  ///< --years given.
    std::vector<double> years;           ///< The years of --years; empty = all.
};

namespace detail {

// An --denominator ID that is no indicator of the tables, or a COL that is none of their
// denominator columns: a usage error naming the option (a command-line mistake, not the data's).
inline void check_denominator_ids(const pipeline_denomination& d, const coinr_data& tables) {
    for (const auto& [id, choice] : d.indicator) {
        const std::string arg = "--denominator '" + id + "=" + choice.denominator.value_or("") + "': ";
        if (!tables.tree.find_indicator(id)) throw usage_error(arg + "'" + id + "' is not an indicator of the index");
        const auto& cols = tables.denominator_ids;
        if (choice.denominator && std::find(cols.begin(), cols.end(), *choice.denominator) == cols.end()) {
            std::string list;
            for (const auto& c : cols)
                list += (list.empty() ? "" : ", ") + c;
            throw usage_error(arg + "'" + *choice.denominator +
                              "' is not a denominator column (they are: " + (list.empty() ? "none" : list) + ")");
        }
    }
}

// The first error of `diags` as a usage message naming the option and the argument's position.
inline std::string first_error(const std::vector<diagnostic>& diags) {
    for (const auto& d : diags) {
        if (d.severity != severity::error) continue;
        std::string where = d.path;
        if (d.column) where += " (argument " + std::to_string(*d.column) + ")";
        return where.empty() ? d.message : where + ": " + d.message;
    }
    return "invalid value";
}

// --denominator ID=COLUMN[:SCALE]: indicator ID divided by COLUMN (a denominator column of
// iData, or an indicator of a dataset outside the index), scaled.
inline void parse_denominators(const parsed_args& args, pipeline_denomination& d) {
    for (const auto& v : args.all("--denominator")) {
        const auto eq = v.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == v.size()) {
            throw usage_error("--denominator '" + v + "': expected ID=COLUMN or ID=COLUMN:SCALE");
        }
        std::string column = v.substr(eq + 1);
        denominator_choice c;
        if (const auto colon = column.find(':'); colon != std::string::npos) {
            const auto scale = spec_number(column.substr(colon + 1));
            if (!scale || *scale <= 0) {
                throw usage_error("--denominator '" + v + "': the scale must be a number > 0");
            }
            c.scale = *scale;
            column.resize(colon);
        }
        if (column.empty()) throw usage_error("--denominator '" + v + "': no denominator COLUMN before the scale");
        c.denominator = column;
        d.indicator[v.substr(0, eq)] = c;
    }
}

// --years all | Y1,Y2,...: the years, ascending and distinct (empty = all).
inline std::vector<double> parse_years(const std::string& text) {
    if (text == "all") return {};
    std::vector<double> years;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        const auto y = spec_number(part);
        if (!y) throw usage_error("--years must be 'all' or years separated by commas (2018,2022), not '" + text + "'");
        years.push_back(*y);
    }
    std::sort(years.begin(), years.end());
    if (years.empty() || std::adjacent_find(years.begin(), years.end()) != years.end()) {
        throw usage_error("--years '" + text + "': each year once");
    }
    return years;
}

}  // namespace detail

/// The pipeline's steps in the notation of its options, for the methods line of a report:
/// "denominate; impute mean, LPI=median; treat winsorise:5:2:3.5" (empty parts left out).
inline std::string pipeline_methods(const pipeline_spec& spec) {
    std::string s;
    const auto part = [&s](const std::string& text) { s += (s.empty() ? "" : "; ") + text; };
    if (spec.denominate.enabled) part("denominate");
    if (spec.impute.all.method != imputation_method::none || !spec.impute.indicator.empty()) {
        part("impute " + imputation_spec_text(spec.impute, ", "));
    }
    if (spec.treat) part("treat " + treat_spec_text(*spec.treat, ", "));
    return s;
}

/// Reads the pipeline options (after parse_index_spec gave `index`). Throws usage_error for an
/// --impute or --treat SPEC that does not parse (naming the argument), or any other bad value.
inline pipeline_request parse_pipeline_request(const parsed_args& args, const index_spec& index) {
    pipeline_request r;
    pipeline_spec& spec = r.options.spec;
    spec.index = index;
    spec.denominate.enabled = args.has("--denominate") || args.has("--denominator");
    detail::parse_denominators(args, spec.denominate);
    if (args.has("--impute")) {
        const auto parsed = parse_imputation_spec(args.all("--impute"), "--impute");
        if (!parsed.ok()) throw usage_error(detail::first_error(parsed.diagnostics));
        spec.impute = *parsed.spec;
    }
    if (args.has("--treat")) {
        const auto parsed = parse_treat_spec(args.all("--treat"), "--treat");
        if (!parsed.spec) throw usage_error(detail::first_error(parsed.diagnostics));
        spec.treat = *parsed.spec;
    }
    if (const auto d = args.get("--dset")) {
        r.dset = parse_pipeline_stage(*d);
        if (!r.dset) one_of("--dset", *d, {"raw", "denominated", "imputed", "treated", "normalised", "aggregated"});
    }
    if (const auto y = args.get("--years")) {
        r.panel = true;
        r.years = detail::parse_years(*y);
        if (args.has("--year") || args.has("--as-of")) throw usage_error("give --years or --year/--as-of, not both");
    }
    if (const auto n = args.get("--panel-normalise")) {
        if (!r.panel) throw usage_error("--panel-normalise applies with --years");
        r.options.normalise = one_of("--panel-normalise", *n, {"pooled", "per-year"}) == "pooled"
                                  ? panel_normalisation::pooled
                                  : panel_normalisation::per_period;
    }
    if (const auto m = args.get("--impute-max-time")) {
        if (!r.panel) throw usage_error("--impute-max-time applies with --years");
        const auto v = detail::spec_number(*m);
        if (!v || *v < 0 || *v != static_cast<double>(static_cast<std::size_t>(*v))) {
            throw usage_error("--impute-max-time must be a whole number of periods, not '" + *m + "'");
        }
        r.options.impute.max_time = static_cast<std::size_t>(*v);
    }
    return r;
}

namespace detail {

// Both COINr tables of a request, read, and the import options that name them.
struct coinr_files {
    std::string data;       ///< iData's text.
    std::string meta;       ///< iMeta's text.
    coinr_options options;  ///< data_source and meta_source set.
};

// Reads both COINr tables (io_failure when one cannot be read).
inline coinr_files read_coinr_files(const index_input_request& in) {
    coinr_files f;
    try {
        f.data = read_file(in.path);
        f.meta = read_file(in.meta);
    } catch (const io_error& e) {
        throw io_failure(e.what());
    }
    f.options.data_source = in.path;
    f.options.meta_source = in.meta;
    return f;
}

// The panel the request names, its years restricted to `years` (a year not in it is an error).
inline std::optional<coinr_panel> load_pipeline_panel(std::ostream& err, const index_input& shown,
                                                      const index_input_request& in, const std::vector<double>& years) {
    std::vector<diagnostic> diags;
    std::optional<coinr_panel> panel;
    if (in.coinr) {
        const coinr_files f = read_coinr_files(in);
        coinr_panel_result r = import_coinr_panel(f.data, f.meta, f.options);
        diags = std::move(r.diagnostics);
        panel = std::move(r.panel);
    } else {
        std::vector<int> whole;
        whole.reserve(years.size());
        for (double y : years) {
            // A dataset's years are whole (as --year): no cast of 1e300 or 2021.7.
            if (!(y >= 1 && y <= 9999) || y != std::floor(y)) {
                throw usage_error("--years: a dataset's years are whole numbers from 1 to 9999, not '" +
                                  shortest_number(y) + "'");
            }
            whole.push_back(static_cast<int>(y));
        }
        const auto ds = load_checked(err, in.path);
        if (!ds) return std::nullopt;
        dataset_panel_result r = dataset_coinr_panel(*ds, dataset_options(in), whole);
        diags = std::move(r.diagnostics);
        panel = std::move(r.panel);
    }
    if (panel && !years.empty()) {
        coinr_panel chosen;
        for (double y : years) {
            const auto it = std::find(panel->times.begin(), panel->times.end(), y);
            if (it == panel->times.end()) {
                diags.push_back({severity::error,
                                 diagnostic_code::insufficient_data,
                                 "",
                                 "--years: no data for " + shortest_number(y),
                                 {},
                                 {}});
                continue;
            }
            const auto p = static_cast<std::size_t>(it - panel->times.begin());
            chosen.times.push_back(y);
            chosen.periods.push_back(std::move(panel->periods[p]));
        }
        panel = std::move(chosen);
    }
    print_index_diagnostics(err, shown, diags, severity::info);
    if (has_errors(diags)) return std::nullopt;
    return panel;
}

// The cross-section the request names, as COINr tables.
inline std::optional<coinr_data> load_pipeline_tables(std::ostream& err, const index_input& shown,
                                                      const index_input_request& in) {
    std::vector<diagnostic> diags;
    std::optional<coinr_data> tables;
    if (in.coinr) {
        coinr_files f = read_coinr_files(in);
        f.options.time = in.year;
        coinr_import_result r = import_coinr(f.data, f.meta, f.options);
        diags = std::move(r.diagnostics);
        tables = std::move(r.data);
    } else {
        const auto ds = load_checked(err, in.path);
        if (!ds) return std::nullopt;
        dataset_tables_result r = dataset_coinr_data(*ds, dataset_options(in));
        diags = std::move(r.diagnostics);
        tables = std::move(r.data);
    }
    print_index_diagnostics(err, shown, diags, severity::info);
    if (has_errors(diags)) return std::nullopt;
    return tables;
}

}  // namespace detail

/// What run_pipeline_command renders besides the results (from the command line).
struct pipeline_output {
    std::string format;           ///< csv, json, md or html.
    index_report_options report;  ///< For md and html.
};

/// Runs the pipeline `r` on the input `in` and returns the text to write, or nullopt when the
/// input has errors or the pipeline stopped (problems printed to `err`; exit_data_error).
inline std::optional<std::string> run_pipeline_command(std::ostream& err, const index_input_request& in,
                                                       const pipeline_request& r, const pipeline_output& out) {
    if (r.dset && out.format != "csv") throw usage_error("--dset prints a CSV table: give --format csv or no --format");
    index_input shown;
    shown.coinr = in.coinr;
    shown.file = in.coinr ? in.path : input_name(in.path);
    const pipeline_spec& spec = r.options.spec;
    // The path of the pipeline's diagnostics: a COINr table's name; none for a dataset, whose
    // file name the printer puts first already.
    const std::string source = in.coinr ? shown.file : std::string();
    if (r.panel) {
        const auto panel = detail::load_pipeline_panel(err, shown, in, r.years);
        if (!panel) return std::nullopt;
        const index_tree& tree = panel->periods.front().tree;
        check_index_spec_ids(spec.index, tree);
        detail::check_denominator_ids(spec.denominate, panel->periods.front());
        const panel_pipeline_result res = run_panel_pipeline(*panel, r.options, source);
        detail::print_index_diagnostics(err, shown, res.diagnostics, severity::info);
        if (!res.ok()) return std::nullopt;
        if (r.dset) return render_panel_table_csv(tree, res, *r.dset);
        if (out.format == "csv") return render_panel_csv(res);
        if (out.format == "json") return render_panel_json(res, r.options);
        index_report_options options = panel_report_options(res, out.report);
        options.methods +=
            (options.methods.empty() ? "" : "; ") + std::string("years ") + shortest_number(res.times.front()) +
            " to " + shortest_number(res.times.back()) +
            (r.options.normalise == panel_normalisation::pooled ? ", normalised together" : ", each normalised alone");
        const index_result& last = res.periods.back().index;
        const std::vector<std::string>& names = panel->periods.back().unit_names;
        if (out.format == "md") return render_index_markdown(tree, last, names, options);
        return render_index_html(tree, last, names, spec.index, options);
    }
    const auto tables = detail::load_pipeline_tables(err, shown, in);
    if (!tables) return std::nullopt;
    check_index_spec_ids(spec.index, tables->tree);
    detail::check_denominator_ids(spec.denominate, *tables);
    // Keep only the table printed (none for the index): four full copies of a large matrix
    // would otherwise be held to print one.
    const pipeline_tables keep = r.dset ? keep_only(*r.dset) : pipeline_tables{false, false, false, false};
    const pipeline_result res = run_pipeline(*tables, spec, source, keep);
    detail::print_index_diagnostics(err, shown, res.diagnostics, severity::info);
    if (!res.ok()) return std::nullopt;
    if (r.dset) return render_pipeline_table_csv(tables->tree, res, *r.dset);
    if (out.format == "csv") return render_index_csv(tables->tree, res.index);
    if (out.format == "json") return render_index_json(tables->tree, res.index, tables->unit_names, spec.index);
    if (out.format == "md") return render_index_markdown(tables->tree, res.index, tables->unit_names, out.report);
    return render_index_html(tables->tree, res.index, tables->unit_names, spec.index, out.report);
}

}  // namespace dxframe::cli
