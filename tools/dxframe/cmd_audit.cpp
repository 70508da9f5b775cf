// SPDX-License-Identifier: MIT
// `dxframe audit (FILE | --data iData.csv --meta iMeta.csv) [...]`: the statistical audit of a
// composite index as COINr computes it — per-column statistics, correlations between indicators
// and with their aggregates, flagged pairs, Cronbach's alpha and principal components of each
// group. A thin layer: read the input (index_input.hpp), compute the index for its aggregates,
// dxframe::run_audit, render (report/audit.hpp, report/audit_html.hpp), write.
#include <optional>
#include <string>
#include <vector>

#include <dxframe/index.hpp>
#include <dxframe/report/audit.hpp>
#include <dxframe/report/audit_html.hpp>

#include "cli.hpp"
#include "index_input.hpp"
#include "output.hpp"

namespace {

using dxframe::cli::usage_error;

constexpr const char* audit_usage_head =
    "Usage: dxframe audit FILE [--root NODE] [--as-of YYYY-MM-DD | --year YYYY] [--merge-successors]\n"
    "                          [OPTIONS]\n"
    "       dxframe audit --data iData.csv --meta iMeta.csv [--year TIME] [OPTIONS]\n"
    "\n"
    "The statistical audit of a composite index (the OECD/JRC Handbook's step 7, as COINr's\n"
    "get_stats, get_corr, get_corr_flags, get_cronbach and get_PCA compute it): for every\n"
    "indicator and aggregate n, missing, mean, sd, min, max, skewness and kurtosis (with COINr's\n"
    "outlier flag); Pearson correlations between indicators and between each indicator and its\n"
    "parent, grandparent... aggregates, with p-values; pairs of one group correlated above\n"
    "--flag-above (or below --flag-below); Cronbach's alpha and the principal components of each\n"
    "group. The index is computed as `dxframe index` does (same input and methods) for its\n"
    "aggregates. Formulas and sources: docs/index-methods.md.\n"
    "\n"
    "Options:\n"
    "  --dset D           the indicator values audited: normalised (default; with the\n"
    "                     aggregates, as COINr's Aggregated data set) or raw\n"
    "  --flag-above R     flag pairs of one group correlated above R (default 0.9; 'none')\n"
    "  --flag-below R     flag pairs of one group correlated below R (default: none)\n"
    "  --significance P   correlations with a p-value above P are marked not significant\n"
    "                     (default 0.05)\n"
    "  --table T          with --format csv: statistics (default), correlations, family,\n"
    "                     flags or groups\n"
    "  --format F         csv (default), json (everything), md (statistics, flags, family\n"
    "                     correlations, groups), html (one self-contained page with a\n"
    "                     correlation heat map). Without --format, -o FILE picks it from the\n"
    "                     extension\n"
    "  --lang vi|en       language of the Markdown and HTML reports, and of a dataset's names\n"
    "  -o, --output FILE  write to FILE instead of standard output\n"
    "  --normalise, --aggregate, --min-share, --rank-decimals: as for `dxframe index`\n";

std::optional<double> correlation_option(const dxframe::cli::parsed_args& args, const char* option,
                                         std::optional<double> fallback) {
    const auto v = args.get(option);
    if (!v) return fallback;
    if (*v == "none") return std::nullopt;
    const auto r = dxframe::cli::detail::input_number(*v);
    if (!r || *r < -1 || *r > 1) {
        throw usage_error(std::string("option ") + option + " needs a correlation from -1 to 1 or 'none', not '" + *v +
                          "'");
    }
    return r;
}

int run_audit(dxframe::cli::context& ctx) {
    std::vector<std::string> value_options = dxframe::cli::index_input_options;
    value_options.insert(value_options.end(), {"--dset", "--flag-above", "--flag-below", "--significance", "--table",
                                               "--format", "--lang", "-o", "--output"});
    const dxframe::cli::parsed_args args(ctx.args, value_options, dxframe::cli::index_input_flags);
    dxframe::cli::index_input_request request = dxframe::cli::index_input_source(args);
    if (args.has("-o") && args.has("--output")) throw usage_error("give -o or --output, not both");
    std::optional<std::string> output = args.get("-o");
    if (!output) output = args.get("--output");
    const std::string format = dxframe::cli::output_format(args, output, {"csv", "json", "md", "html"}, "csv");
    const std::string dset =
        dxframe::cli::one_of("--dset", args.get("--dset").value_or("normalised"), {"normalised", "raw"});
    const std::string table_name = dxframe::cli::one_of("--table", args.get("--table").value_or("statistics"),
                                                        {"statistics", "correlations", "family", "flags", "groups"});
    if (args.has("--table") && format != "csv") throw usage_error("--table applies to --format csv");
    dxframe::audit_options options;
    options.flag_above = correlation_option(args, "--flag-above", options.flag_above);
    options.flag_below = correlation_option(args, "--flag-below", options.flag_below);
    if (const auto p = args.get("--significance")) {
        const auto v = dxframe::cli::detail::input_number(*p);
        if (!v || *v <= 0 || *v >= 1)
            throw usage_error("option --significance needs a number between 0 and 1, not '" + *p + "'");
        options.significance = *v;
    }

    const dxframe::index_spec spec = dxframe::cli::parse_index_spec(args);
    dxframe::cli::parse_index_input_choices(args, request);
    const auto computed = dxframe::cli::load_and_compute_index(ctx.err, request, spec);
    if (!computed) return dxframe::cli::exit_data_error;
    const dxframe::cli::index_input* in = &computed->input;
    const dxframe::index_result& res = computed->result;

    const dxframe::audit_result audit =
        dxframe::run_audit(in->tree, dset == "raw" ? in->values : res.normalised, &res.aggregates, options);
    dxframe::cli::detail::print_index_diagnostics(ctx.err, *in, audit.diagnostics, dxframe::severity::warning);

    dxframe::audit_report_options report;
    report.lang = request.lang;
    report.dataset = in->file + (dset == "raw" ? " (raw indicators" : " (normalised indicators") + " and aggregates)";
    std::string text;
    if (format == "csv") {
        dxframe::audit_table table = dxframe::audit_table::statistics;
        if (table_name == "correlations") table = dxframe::audit_table::correlations;
        if (table_name == "family") table = dxframe::audit_table::family;
        if (table_name == "flags") table = dxframe::audit_table::flags;
        if (table_name == "groups") table = dxframe::audit_table::groups;
        text = dxframe::render_audit_csv(audit, table);
    } else if (format == "json") {
        text = dxframe::render_audit_json(audit);
    } else if (format == "md") {
        text = dxframe::render_audit_markdown(audit, report);
    } else {
        text = dxframe::render_audit_html(audit, report);
    }
    dxframe::cli::write_output(ctx, output, text);
    return dxframe::cli::exit_ok;
}

const dxframe::cli::registrar audit_command{
    {"audit", "statistical audit of an index: statistics, correlations, alpha, PCA (COINr's)",
     std::string(audit_usage_head) + dxframe::cli::index_input_usage +
         "\nExit codes: 0 success (warnings on standard error); 1 the input has errors or the index\n"
         "cannot be computed; 2 usage error, or a file that cannot be read or written.\n",
     run_audit}};

}  // namespace
